"""Opening and closing a meeting, taking items in turn, and what every other write starts from."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.conduct import policy, stages
from quorum.conduct.live import EventKind, announce
from quorum.conduct.stages import Step
from quorum.conduct.tables import MeetingProgress, Vote
from quorum.database import Db
from quorum.errors import input_error
from quorum.meetings import service as meetings
from quorum.meetings.policy import visible_items
from quorum.meetings.service import get_meeting
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus
from quorum.outbox import service as outbox

OPENS_BEFORE_START = timedelta(hours=1)


async def progress_of(db: Db, meeting: Meeting, *, lock: bool = False) -> MeetingProgress | None:
    statement = select(MeetingProgress).where(MeetingProgress.meeting_id == meeting.id)
    return await db.first(statement.with_for_update() if lock else statement)


async def conducted(
    db: Db, access: Access, meeting_id: uuid.UUID, step: Step, field: str = "meetingId"
) -> tuple[Meeting, MeetingProgress | None]:
    """The meeting, if the caller runs it and `step` may be taken now. Writes to one meeting take turns."""
    meeting = await get_meeting(db, access, meeting_id)
    if meeting is None:
        raise input_error(field, "No such meeting.")
    if not policy.can_take(access, meeting.committee_id, step):
        if step in policy.CHAIR_STEPS:
            raise input_error(
                None,
                "Only the chair, the vice chair or the committee's board secretary can run"
                " the meeting's items and votes.",
            )
        raise input_error(None, "Only the committee's board secretary or an administrator can record the meeting.")
    progress = await progress_of(db, meeting, lock=True)
    stages.require(step, stages.stage_of(meeting, progress))
    return meeting, progress


async def item_of(db: Db, access: Access, item_id: uuid.UUID, field: str = "itemId") -> AgendaItem:
    item = await db.first(visible_items(access).where(AgendaItem.id == item_id))
    if item is None:
        raise input_error(field, "No such agenda item.")
    return item


async def item_in(db: Db, access: Access, meeting: Meeting, item_id: uuid.UUID, field: str = "itemId") -> AgendaItem:
    item = await db.first(visible_items(access).where(AgendaItem.id == item_id))
    if item is None or item.meeting_id != meeting.id:
        raise input_error(field, "That item is not on this meeting's agenda.")
    return item


async def open_meeting(db: Db, access: Access, meeting_id: uuid.UUID) -> MeetingProgress:
    meeting, _ = await conducted(db, access, meeting_id, Step.OPEN_MEETING)
    opens = meeting.starts_at - OPENS_BEFORE_START
    if clock.now() < opens:
        starts = meeting.starts_at.astimezone(clock.LONDON)
        raise input_error(
            None,
            f"The meeting starts at {starts:%H:%M} on {starts.day} {starts:%B %Y};"
            " it can be opened from an hour before.",
        )
    progress = MeetingProgress(
        org_id=meeting.org_id, meeting_id=meeting.id, committee_id=meeting.committee_id, opened_at=clock.now()
    )
    await db.add(progress)
    await record(db, access, "meeting.open", progress, org_id=meeting.org_id)
    await announce(db, meeting.id, EventKind.OPENED)
    return progress


async def close_meeting(db: Db, access: Access, meeting_id: uuid.UUID) -> MeetingProgress:
    meeting, progress = await conducted(db, access, meeting_id, Step.CLOSE_MEETING)
    if await db.first(select(Vote.id).where(Vote.meeting_id == meeting.id, Vote.closed_at.is_(None))):
        raise input_error(None, "A vote is still open: close it before closing the meeting.")
    if MeetingStatus(meeting.status) != MeetingStatus.HELD:
        await meetings.change_status(db, access, meeting.id, MeetingStatus.HELD)
    before = snapshot(progress)
    progress.closed_at, progress.current_item_id = clock.now(), None
    await db.add(progress)
    await record(db, access, "meeting.close", progress, org_id=meeting.org_id, before=before)
    # The record is complete: its draft minutes are ready for the members to read before they approve them.
    await outbox.record(
        db,
        access,
        "minutes_ready",
        org_id=meeting.org_id,
        subject_id=meeting.id,
        payload={"committee_id": meeting.committee_id},
    )
    await announce(db, meeting.id, EventKind.CLOSED)
    return progress


async def take_item(db: Db, access: Access, meeting_id: uuid.UUID, item_id: uuid.UUID) -> MeetingProgress:
    meeting, progress = await conducted(db, access, meeting_id, Step.CURRENT_ITEM)
    item = await item_in(db, access, meeting, item_id)
    before = snapshot(progress)
    progress.current_item_id = item.id
    await db.add(progress)
    await record(db, access, "meeting.take_item", progress, org_id=meeting.org_id, before=before)
    await announce(db, meeting.id, EventKind.CURRENT_ITEM, item_id=item.id)
    return progress
