"""Who may see and record entries in the registers of interests and of gifts and hospitality.

The register's keepers (the organisation's governance officers) see and record everything in it; a person sees and
records their own entries; members of the organisation see interests that are not withheld; designated approvers
see the gifts and hospitality they may approve."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, or_
from sqlalchemy.orm import Mapped
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.interests.tables import GiftApprover, GiftOrHospitality, GiftOrHospitalityUpdate, Interest, InterestReview


def _is_caller(person_id: Mapped[uuid.UUID] | ColumnElement[uuid.UUID], access: Access) -> ColumnElement[bool]:
    return false() if access.person_id is None else person_id == access.person_id


def visible_interests(access: Access) -> SelectOfScalar[Interest]:
    return select(Interest).where(
        or_(
            col(Interest.org_id).in_(access.officer_org_ids),
            _is_caller(col(Interest.person_id), access),
            and_(col(Interest.org_id).in_(access.org_ids), col(Interest.withheld).is_(False)),
        )
    )


def visible_reviews(access: Access) -> SelectOfScalar[InterestReview]:
    return select(InterestReview).where(
        or_(col(InterestReview.org_id).in_(access.officer_org_ids), _is_caller(col(InterestReview.person_id), access))
    )


def _gift_readable(access: Access) -> ColumnElement[bool]:
    designated = (
        select(GiftApprover.person_id)
        .where(col(GiftApprover.org_id) == GiftOrHospitality.org_id, _is_caller(col(GiftApprover.person_id), access))
        .exists()
    )
    return or_(
        col(GiftOrHospitality.org_id).in_(access.officer_org_ids),
        _is_caller(col(GiftOrHospitality.person_id), access),
        designated,
    )


def visible_gifts(access: Access) -> SelectOfScalar[GiftOrHospitality]:
    return select(GiftOrHospitality).where(_gift_readable(access))


def visible_gift_updates(access: Access) -> SelectOfScalar[GiftOrHospitalityUpdate]:
    """An entry's history is readable where the entry is."""
    gift = select(GiftOrHospitality.id).where(
        col(GiftOrHospitality.org_id) == GiftOrHospitalityUpdate.org_id,
        col(GiftOrHospitality.id) == GiftOrHospitalityUpdate.gift_id,
        _gift_readable(access),
    )
    return select(GiftOrHospitalityUpdate).where(gift.exists())


def visible_gift_approvers(access: Access) -> SelectOfScalar[GiftApprover]:
    return select(GiftApprover).where(col(GiftApprover.org_id).in_(access.org_ids))


def can_see_registers_of(access: Access, org_id: uuid.UUID) -> bool:
    """A member of the organisation: may open its registers (what they show is filtered row by row)."""
    return org_id in access.org_ids


def can_keep_register(access: Access, org_id: uuid.UUID) -> bool:
    """The organisation's governance officers keep its registers: they record, confirm and export for anyone."""
    return access.is_governance_officer(org_id)


def can_record_for(access: Access, org_id: uuid.UUID, person_id: uuid.UUID) -> bool:
    return person_id == access.person_id or can_keep_register(access, org_id)


def can_change_interest(access: Access, interest: Interest) -> bool:
    return can_record_for(access, interest.org_id, interest.person_id)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Interest: visible_interests,
    InterestReview: visible_reviews,
    GiftOrHospitality: visible_gifts,
    GiftOrHospitalityUpdate: visible_gift_updates,
    GiftApprover: visible_gift_approvers,
}
