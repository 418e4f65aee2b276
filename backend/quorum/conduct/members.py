"""What a member does for themselves: send apologies, check in and out, and declare an interest in an
item before the meeting or during it. Each is refused to anyone without a seat on the committee on the
day; how a declared conflict is managed stays the chair's call (the secretary records it)."""

from __future__ import annotations

import uuid

from quorum.access import Access
from quorum.conduct import stages
from quorum.conduct.attendance import STEP, Change, apply_change, seat_on_the_day
from quorum.conduct.declarations import declare
from quorum.conduct.service import progress_of
from quorum.conduct.stages import Step
from quorum.conduct.tables import Attendance, Declaration, Management, MeetingProgress
from quorum.database import Db
from quorum.errors import input_error
from quorum.interests.tables import InterestCategory
from quorum.meetings.service import get_meeting
from quorum.meetings.tables import Meeting

NOT_A_MEMBER = "Only the committee's members can {what} for this meeting."


async def _as_member(
    db: Db, access: Access, meeting_id: uuid.UUID, step: Step, what: str
) -> tuple[Meeting, MeetingProgress | None]:
    meeting = await get_meeting(db, access, meeting_id) if access.person_id else None
    if meeting is None:
        raise input_error("meetingId", "No such meeting.")
    if await seat_on_the_day(db, meeting, access.person_id) is None:
        raise input_error("meetingId", NOT_A_MEMBER.format(what=what))
    # Not locked: a member may not update the meeting's progress, and row-level security hides rows from a
    # FOR UPDATE the caller may not update. Their own row's unique key settles a race instead.
    progress = await progress_of(db, meeting)
    stages.require(step, stages.stage_of(meeting, progress))
    return meeting, progress


async def own_attendance(db: Db, access: Access, meeting_id: uuid.UUID, change: Change) -> Attendance:
    """Apologies before the meeting or during it; checking in (and out) while it is open."""
    what = "send apologies" if change == Change.APOLOGIES else "check in"
    meeting, progress = await _as_member(db, access, meeting_id, STEP[change], what)
    return await apply_change(
        db, access, meeting, progress, person_id=access.person_id, guest_name=None, capacity="", change=change
    )


async def declare_own_interest(
    db: Db,
    access: Access,
    *,
    meeting_id: uuid.UUID,
    item_id: uuid.UUID,
    interest_id: uuid.UUID | None,
    category: InterestCategory | None,
    description: str,
) -> Declaration:
    """Recorded as "declare only" until the chair decides how to manage it."""
    meeting, _ = await _as_member(db, access, meeting_id, Step.DECLARATION, "declare interests")
    return await declare(
        db,
        access,
        meeting,
        item_id=item_id,
        person_id=access.person_id,
        interest_id=interest_id,
        category=category,
        description=description,
        management=Management.DECLARE_ONLY,
    )
