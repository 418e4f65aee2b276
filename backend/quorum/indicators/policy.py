"""Who sees practice quality indicators in which form.

Named figures (every practice by name: the Part II form) are for the CCG's governance officers and its governing
body (members by role, and members of the CCG holding a seat on it, as they see its Part II business), and for
committees holding a live delegation covering the CCG (an area team's joint committee, as for contract records;
it ends with the delegation). A practice's representatives see their own practice's rows named; the others reach
them only as anonymous, sorted distributions (`indicator_distribution`, migration 0022). Everyone else, the public
included, sees only aggregates of at least PUBLIC_THRESHOLD practices.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy import Select, or_, true
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access, Role
from quorum.committees.tables import Committee, CommitteeKind
from quorum.indicators.tables import Indicator, IndicatorValue

# The surveys' default small-number threshold; indicator_distribution (0022) states the same number.
PUBLIC_THRESHOLD = 5


def board_org_ids(access: Access) -> frozenset[uuid.UUID]:
    return frozenset(g.org_id for g in access.grants if g.role == Role.GOVERNING_BODY_MEMBER)


def represented_practice_ids(access: Access) -> frozenset[uuid.UUID]:
    return frozenset(
        g.practice_id for g in access.grants if g.role == Role.PRACTICE_REPRESENTATIVE and g.practice_id is not None
    )


def named_reader_org_ids(access: Access) -> frozenset[uuid.UUID]:
    """CCGs whose practices' figures the caller may see named, but for a seat on the governing body."""
    return access.officer_org_ids | access.delegated_ccgs | board_org_ids(access)


def governing_body_seat_org_ids(access: Access) -> Select[Any]:
    """CCGs on whose governing body the caller, a member of the CCG, holds a seat (its Part II business is theirs
    to see). A seat holder from outside (Healthwatch, say) cannot see the CCG's practices at all, so not named."""
    return select(Committee.org_id).where(
        col(Committee.kind) == CommitteeKind.GOVERNING_BODY,
        col(Committee.id).in_(access.private_committee_ids),
        col(Committee.org_id).in_(access.org_ids),
    )


def visible_indicators(access: Access) -> SelectOfScalar[Indicator]:
    return select(Indicator).where(true())


def visible_values(access: Access) -> SelectOfScalar[IndicatorValue]:
    return select(IndicatorValue).where(
        or_(
            col(IndicatorValue.org_id).in_(named_reader_org_ids(access)),
            col(IndicatorValue.org_id).in_(governing_body_seat_org_ids(access)),
            col(IndicatorValue.practice_id).in_(represented_practice_ids(access)),
        )
    )


def can_see_named(access: Access, org_id: uuid.UUID, governing_body_seat_orgs: Collection[uuid.UUID]) -> bool:
    """Given the CCGs `governing_body_seat_org_ids` found for the caller."""
    return org_id in named_reader_org_ids(access) or org_id in governing_body_seat_orgs


def can_see_practice(
    access: Access, org_id: uuid.UUID, practice_id: uuid.UUID, governing_body_seat_orgs: Collection[uuid.UUID]
) -> bool:
    """The practice's own view (its figures named, the others anonymised)."""
    return can_see_named(access, org_id, governing_body_seat_orgs) or practice_id in represented_practice_ids(access)


def can_see_peers(access: Access, org_id: uuid.UUID) -> bool:
    """Anonymous distributions of every period, however few practices reported: the CCG's members and delegates."""
    return org_id in access.org_ids or org_id in access.delegated_ccgs


def can_import(access: Access, org_id: uuid.UUID) -> bool:
    return access.is_governance_officer(org_id)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Indicator: visible_indicators,
    IndicatorValue: visible_values,
}
