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


def committees_run_by(access: Access) -> frozenset[uuid.UUID]:
    """The committees whose meetings, agendas and agenda template the caller arranges: their host's officers'."""
    return access.officer_committee_ids


def can_run(access: Access, committee_id: uuid.UUID) -> bool:
    return committee_id in committees_run_by(access)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Meeting: visible_meetings,
    AgendaItem: visible_items,
}
