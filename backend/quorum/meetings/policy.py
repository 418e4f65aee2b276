"""Who may see and run meetings and their agendas. Row-level security says the same (migration 0004):
a committee's meetings are seen by those who see the committee, and by everyone once published; Part II items
only by those who see the committee's private business; those who run a committee for its host run its meetings."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, and_, or_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus, Part


def visible_meetings(access: Access) -> SelectOfScalar[Meeting]:
    return select(Meeting).where(
        or_(col(Meeting.committee_id).in_(access.committee_ids), col(Meeting.status) != MeetingStatus.DRAFT)
    )


def visible_items(access: Access) -> SelectOfScalar[AgendaItem]:
    published = select(Meeting.id).where(
        col(Meeting.id) == col(AgendaItem.meeting_id), col(Meeting.status) != MeetingStatus.DRAFT
    )
    return select(AgendaItem).where(
        or_(
            col(AgendaItem.committee_id).in_(access.private_committee_ids),
            and_(
                col(AgendaItem.part) == Part.PUBLIC,
                or_(col(AgendaItem.committee_id).in_(access.committee_ids), published.exists()),
            ),
        )
    )


def sees_call_link(access: Access, committee_id: uuid.UUID) -> bool:
    """A meeting's call link is for the committee's followers (its host's people and its members), never the public:
    a published meeting is readable by anyone, but joining the call is not."""
    return access.can_see_committee(committee_id)


def without_call_link(meeting: Meeting) -> Meeting:
    """The meeting as the public may read it (a copy: the stored row is not changed)."""
    return meeting.model_copy(update={"call_link": ""}) if meeting.call_link else meeting


def as_seen_by(access: Access, meeting: Meeting) -> Meeting:
    return meeting if sees_call_link(access, meeting.committee_id) else without_call_link(meeting)


def committees_run_by(access: Access) -> frozenset[uuid.UUID]:
    """The committees whose meetings, agendas and agenda template the caller arranges: their host's officers'."""
    return access.officer_committee_ids


def can_run(access: Access, committee_id: uuid.UUID) -> bool:
    return committee_id in committees_run_by(access)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Meeting: visible_meetings,
    AgendaItem: visible_items,
}
