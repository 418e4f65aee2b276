"""Who may see committees, their parties and seats, and who runs them. Row-level security (migrations 0003, 0004
and 0019) says the same: a committee is seen by those whose access lists it, by its host's people (a joint
committee only by its host's officers), and by everyone once it has published a meeting; its parties by its
followers and by the parties themselves; its seats by its followers. The host's governance officers run it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, String, Uuid, and_, column, or_, table
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.committees.tables import Committee, CommitteeParty, Seat

# The meeting table, named here rather than imported: meetings are a domain above this one.
_meeting = table("meeting", column("committee_id", Uuid), column("status", String))


def visible_committees(access: Access) -> SelectOfScalar[Committee]:
    # The second clause is the host's rule from quorum.access, so a committee just created is visible at once;
    # the third makes a committee that has published a meeting known to the public (not its business).
    # Having delegated to a committee does not make it visible (migration 0019): the delegation is for its members.
    published = select(_meeting.c.committee_id).where(
        _meeting.c.committee_id == col(Committee.id), _meeting.c.status != "DRAFT"
    )
    return select(Committee).where(
        or_(
            col(Committee.id).in_(access.committee_ids),
            and_(
                col(Committee.org_id).in_(access.org_ids),
                or_(col(Committee.is_joint).is_(False), col(Committee.org_id).in_(access.officer_org_ids)),
            ),
            published.exists(),
        )
    )


def visible_parties(access: Access) -> SelectOfScalar[CommitteeParty]:
    return select(CommitteeParty).where(
        or_(
            col(CommitteeParty.committee_id).in_(access.committee_ids),
            col(CommitteeParty.party_org_id).in_(access.org_ids),
        )
    )


def visible_seats(access: Access) -> SelectOfScalar[Seat]:
    return select(Seat).where(col(Seat.committee_id).in_(access.committee_ids))


def visible_terms_files(access: Access) -> Select[tuple[uuid.UUID, uuid.UUID]]:
    """The stored files of the terms of reference the caller may see (quorum.files.policy)."""
    committee = visible_committees(access).subquery()
    return select(committee.c.org_id, committee.c.terms_file_id).where(committee.c.terms_file_id.is_not(None))


def follows(access: Access, committee_id: uuid.UUID) -> bool:
    """Sees the committee's own business (its parties, seats and council), not only its published record."""
    return access.can_see_committee(committee_id)


def belongs_to(access: Access, org_id: uuid.UUID) -> bool:
    return org_id in access.org_ids


def can_add_committees(access: Access, org_id: uuid.UUID) -> bool:
    return access.is_governance_officer(org_id)


def can_manage(access: Access, committee: Committee) -> bool:
    """The host organisation's administrators and board secretaries run its committees."""
    return access.is_governance_officer(committee.org_id)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Committee: visible_committees,
    CommitteeParty: visible_parties,
    Seat: visible_seats,
}
