"""GET /meetings/{id}/calendar.ics and /committees/{id}/calendar.ics: a meeting, or a committee's meetings, as
the caller may see them, for a calendar application."""

from __future__ import annotations

import uuid

from sqlmodel import select

from quorum.access import Access
from quorum.committees.policy import visible_committees
from quorum.committees.tables import Committee
from quorum.database import Db
from quorum.downloads import Download
from quorum.meetings.ics import calendar
from quorum.meetings.policy import as_seen_by, visible_meetings
from quorum.meetings.tables import Meeting


def _ics(content: bytes, filename: str) -> Download:
    return Download(content, media_type="text/calendar; charset=utf-8", filename=filename, cache_control=None)


async def meeting_ics(db: Db, access: Access, meeting_id: uuid.UUID, base_url: str) -> Download | None:
    meeting = await db.first(visible_meetings(access).where(Meeting.id == meeting_id))
    if meeting is None:
        return None
    committee = await db.first(select(Committee.name).where(Committee.id == meeting.committee_id))
    seen = as_seen_by(access, meeting)
    return _ics(calendar(committee or "Meeting", [(seen, committee or "")], base_url), f"meeting-{meeting.id}.ics")


async def committee_ics(db: Db, access: Access, committee_id: uuid.UUID, base_url: str) -> Download | None:
    # The public may follow a committee's published meetings without seeing the committee's record.
    committee = await db.first(visible_committees(access).where(Committee.id == committee_id))
    meetings = await db.all(
        visible_meetings(access).where(Meeting.committee_id == committee_id).order_by(Meeting.starts_at)
    )
    if committee is None and not meetings:
        return None
    name = committee.name if committee else "Committee meetings"
    seen = [(as_seen_by(access, m), name) for m in meetings]
    return _ics(calendar(name, seen, base_url), f"committee-{committee_id}.ics")
