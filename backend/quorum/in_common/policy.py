"""Who may see and change an arrangement of committees in common. Row-level security (migration 0011) says the
same: arrangements, their sessions and each committee's meeting of a session are public, as committees' published
meetings are; an invitation is seen by the convening and the invited organisation's people, an accepted party by
everyone; a Part II item of the shared agenda by the convener's officers and those who see the Part II business of
a committee taking part; the link from a session item to a committee's agenda item with that agenda item.
The convening organisation's officers write the arrangement, its invitations and its sessions; only the invited
organisation's officers answer an invitation; each organisation's officers link their own meeting.
What anyone reads of a committee's business stays with that committee's own meeting and its policies."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, and_, or_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.in_common.tables import (
    Arrangement,
    InCommonParty,
    PartyStatus,
    Session,
    SessionAgendaItem,
    SessionItem,
    SessionMeeting,
)
from quorum.meetings.policy import visible_items
from quorum.meetings.tables import AgendaItem, Part


def visible_arrangements(access: Access) -> SelectOfScalar[Arrangement]:
    return select(Arrangement)


def visible_parties(access: Access) -> SelectOfScalar[InCommonParty]:
    return select(InCommonParty).where(
        or_(
            col(InCommonParty.status) == PartyStatus.ACCEPTED,
            col(InCommonParty.org_id).in_(access.org_ids),
            col(InCommonParty.invited_org_id).in_(access.org_ids),
        )
    )


def arrangements_involving(access: Access) -> SelectOfScalar[Arrangement]:
    """Arrangements one of the caller's organisations convenes or is invited into."""
    invited = select(InCommonParty.arrangement_id).where(col(InCommonParty.invited_org_id).in_(access.org_ids))
    return select(Arrangement).where(or_(col(Arrangement.org_id).in_(access.org_ids), col(Arrangement.id).in_(invited)))


def visible_sessions(access: Access) -> SelectOfScalar[Session]:
    return select(Session)


def visible_session_items(access: Access) -> SelectOfScalar[SessionItem]:
    taking_part_in_private = (
        select(Session.id)
        .join(
            InCommonParty,
            and_(
                col(InCommonParty.org_id) == col(Session.org_id),
                col(InCommonParty.arrangement_id) == col(Session.arrangement_id),
            ),
        )
        .where(
            col(Session.org_id) == col(SessionItem.org_id),
            col(Session.id) == col(SessionItem.session_id),
            col(InCommonParty.status) == PartyStatus.ACCEPTED,
            col(InCommonParty.committee_id).in_(access.private_committee_ids),
        )
    )
    return select(SessionItem).where(
        or_(
            col(SessionItem.part) == Part.PUBLIC,
            col(SessionItem.org_id).in_(access.officer_org_ids),
            taking_part_in_private.exists(),
        )
    )


def visible_session_meetings(access: Access) -> SelectOfScalar[SessionMeeting]:
    return select(SessionMeeting)


def visible_session_agenda_items(access: Access) -> SelectOfScalar[SessionAgendaItem]:
    item = visible_items(access).where(col(AgendaItem.id) == col(SessionAgendaItem.agenda_item_id))
    return select(SessionAgendaItem).where(item.exists())


def involves(access: Access, org_id: uuid.UUID) -> bool:
    """The caller belongs to the organisation (it convenes the arrangement, or is invited into it)."""
    return org_id in access.org_ids


def can_convene(access: Access, org_id: uuid.UUID) -> bool:
    return access.is_governance_officer(org_id)


def can_answer(access: Access, invited_org_id: uuid.UUID) -> bool:
    return access.is_governance_officer(invited_org_id)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Arrangement: visible_arrangements,
    InCommonParty: visible_parties,
    Session: visible_sessions,
    SessionItem: visible_session_items,
    SessionMeeting: visible_session_meetings,
    SessionAgendaItem: visible_session_agenda_items,
}
