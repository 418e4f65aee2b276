"""Arranging meetings and their agendas, and the checks on input; who may do so is the policy's to say."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Uuid, column, select, table

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.committees.service import get_committee
from quorum.committees.tables import Committee
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.meetings import agenda
from quorum.meetings.policy import can_run, visible_items, visible_meetings
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus, Part, Purpose
from quorum.outbox import service as outbox

# Which status may follow which: the meeting's life as data.
NEXT_STATUS = {
    MeetingStatus.DRAFT: {MeetingStatus.AGENDA_PUBLISHED},
    MeetingStatus.AGENDA_PUBLISHED: {MeetingStatus.PAPERS_PUBLISHED, MeetingStatus.HELD},
    MeetingStatus.PAPERS_PUBLISHED: {MeetingStatus.HELD},
    MeetingStatus.HELD: {MeetingStatus.MINUTES_APPROVED},
    MeetingStatus.MINUTES_APPROVED: set(),
}
STATUS_WORDS = {
    MeetingStatus.DRAFT: "draft",
    MeetingStatus.AGENDA_PUBLISHED: "agenda published",
    MeetingStatus.PAPERS_PUBLISHED: "papers published",
    MeetingStatus.HELD: "held",
    MeetingStatus.MINUTES_APPROVED: "minutes approved",
}


async def get_meeting(db: Db, access: Access, meeting_id: uuid.UUID) -> Meeting | None:
    return await db.first(visible_meetings(access).where(Meeting.id == meeting_id))


async def run_meeting(db: Db, access: Access, meeting_id: uuid.UUID, field: str = "meetingId") -> Meeting:
    """The meeting, if the caller runs its committee (its host's board secretary or administrator)."""
    meeting = await get_meeting(db, access, meeting_id)
    if meeting is None:
        raise input_error(field, "No such meeting.")
    if not can_run(access, meeting.committee_id):
        raise input_error(None, "Only the committee's board secretary or an administrator can change this meeting.")
    if meeting.cancelled_at is not None:
        raise input_error(field, "This meeting has been cancelled.")
    return meeting


async def items_of(db: Db, access: Access, meeting_id: uuid.UUID) -> list[AgendaItem]:
    return await db.all(visible_items(access).where(AgendaItem.meeting_id == meeting_id))


def _detail_errors(
    title: str, starts_at: datetime, ends_at: datetime | None, location: str, call_link: str
) -> list[UserError]:
    errors = []
    if not title.strip() or len(title) > 200:
        errors.append(UserError(field="title", message="Enter the meeting's title (200 characters or fewer)."))
    if starts_at.tzinfo is None:
        errors.append(UserError(field="startsAt", message="Give the start time with its time zone."))
    elif starts_at <= clock.now():
        errors.append(UserError(field="startsAt", message="The meeting must start in the future."))
    elif ends_at is not None and (ends_at.tzinfo is None or ends_at <= starts_at):
        errors.append(UserError(field="endsAt", message="The meeting must end after it starts."))
    if not location.strip() and not call_link.strip():
        errors.append(UserError(field="location", message="Give a place, a call link, or both."))
    if call_link.strip() and not call_link.strip().startswith("https://"):
        errors.append(UserError(field="callLink", message="The call link must start with https://."))
    return errors


async def create_meeting(
    db: Db,
    access: Access,
    *,
    committee_id: uuid.UUID,
    title: str,
    starts_at: datetime,
    ends_at: datetime | None,
    location: str,
    call_link: str,
    papers_due: date | None,
) -> Meeting:
    committee = await get_committee(db, access, committee_id)
    if committee is None:
        raise input_error("committeeId", "No such committee.")
    if not can_run(access, committee.id):
        raise input_error(
            None, f"Only the board secretary or an administrator can arrange meetings of {committee.name}."
        )
    errors = _detail_errors(title, starts_at, ends_at, location, call_link)
    if papers_due is not None and not errors and papers_due > clock.local_date(starts_at):
        errors.append(UserError(field="papersDue", message="Papers must be due before the meeting."))
    if errors:
        raise InputErrors(*errors)
    meeting = Meeting(
        org_id=committee.org_id,
        committee_id=committee.id,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        location=location.strip(),
        call_link=call_link.strip(),
        papers_due=papers_due,
    )
    await db.add(meeting)
    template = agenda.template_of(committee.agenda_template)
    in_order = [t for t in template if not t.at_end] + [t for t in template if t.at_end]
    for position, item in enumerate(in_order, start=1):
        await db.add(
            AgendaItem(
                org_id=meeting.org_id,
                meeting_id=meeting.id,
                committee_id=committee.id,
                position=position,
                title=item.title,
                purpose=item.purpose,
                minutes_allotted=item.minutes,
                part=Part.PUBLIC,
                closing=item.at_end,
            ),
            refresh=False,
        )
    await record(db, access, "meeting.create", meeting, org_id=meeting.org_id)
    return meeting


async def change_status(db: Db, access: Access, meeting_id: uuid.UUID, status: MeetingStatus) -> Meeting:
    meeting = await run_meeting(db, access, meeting_id, "id")
    current = MeetingStatus(meeting.status)
    if status not in NEXT_STATUS[current]:
        raise input_error("status", f"A meeting whose {STATUS_WORDS[current]} cannot become {STATUS_WORDS[status]}.")
    if status == MeetingStatus.HELD and meeting.starts_at > clock.now():
        raise input_error("status", "A meeting cannot be marked held before it starts.")
    before = snapshot(meeting)
    meeting.status = status
    if status == MeetingStatus.AGENDA_PUBLISHED:
        meeting.notice_sent_at = clock.now()
    await db.add(meeting)
    await record(db, access, f"meeting.status.{status.value.lower()}", meeting, org_id=meeting.org_id, before=before)
    if status == MeetingStatus.AGENDA_PUBLISHED:
        await outbox.record(
            db,
            access,
            "agenda_published",
            org_id=meeting.org_id,
            subject_id=meeting.id,
            payload={"committee_id": meeting.committee_id, "starts_at": meeting.starts_at},
        )
    return meeting


# A committee's meeting of a session in common, named here rather than imported: in_common is a domain above.
_session_meeting = table("in_common_meeting", column("meeting_id", Uuid))


async def _may_rearrange(db: Db, meeting: Meeting) -> None:
    if MeetingStatus(meeting.status) in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED):
        raise input_error("id", "A meeting that has been held cannot be rearranged or cancelled.")
    if await db.first(select(_session_meeting.c.meeting_id).where(_session_meeting.c.meeting_id == meeting.id)):
        raise input_error(
            "id",
            "This meeting is one committee's part in a session in common: the session's date and place are its own.",
        )


# What a change to a meeting's arrangements may touch.
ARRANGEMENTS = ("starts_at", "ends_at", "location", "call_link")


async def change_arrangements(
    db: Db,
    access: Access,
    meeting_id: uuid.UUID,
    *,
    starts_at: datetime,
    ends_at: datetime | None,
    location: str,
    call_link: str,
) -> Meeting:
    """A new date, time, place or call link; once the notice has gone out, members are told (with the event's
    next SEQUENCE, so their calendars move it)."""
    meeting = await run_meeting(db, access, meeting_id, "id")
    await _may_rearrange(db, meeting)
    errors = _detail_errors(meeting.title, starts_at, ends_at, location, call_link)
    if meeting.papers_due is not None and not errors and meeting.papers_due > clock.local_date(starts_at):
        errors.append(UserError(field="startsAt", message="Papers are due before then: move their due date first."))
    if errors:
        raise InputErrors(*errors)
    after = {"starts_at": starts_at, "ends_at": ends_at, "location": location.strip(), "call_link": call_link.strip()}
    changed = {name: value for name, value in after.items() if getattr(meeting, name) != value}
    if not changed:
        raise input_error(None, "Nothing has changed.")
    before = snapshot(meeting)
    was = {name: getattr(meeting, name) for name in changed}
    for name, value in changed.items():
        setattr(meeting, name, value)
    meeting.sequence += 1
    await db.add(meeting)
    await record(db, access, "meeting.rearrange", meeting, org_id=meeting.org_id, before=before)
    if MeetingStatus(meeting.status) != MeetingStatus.DRAFT:
        await outbox.record(
            db,
            access,
            "meeting_changed",
            org_id=meeting.org_id,
            subject_id=meeting.id,
            payload={
                "committee_id": meeting.committee_id,
                "was": was,
                "now": {name: getattr(meeting, name) for name in ARRANGEMENTS},
                "sequence": meeting.sequence,
            },
        )
    return meeting


async def cancel_meeting(db: Db, access: Access, meeting_id: uuid.UUID) -> Meeting:
    """A meeting not yet held is cancelled; it stays on record, and members who had notice are told."""
    meeting = await run_meeting(db, access, meeting_id, "id")
    await _may_rearrange(db, meeting)
    before = snapshot(meeting)
    meeting.cancelled_at = clock.now()
    meeting.sequence += 1
    await db.add(meeting)
    await record(db, access, "meeting.cancel", meeting, org_id=meeting.org_id, before=before)
    if MeetingStatus(meeting.status) != MeetingStatus.DRAFT:
        await outbox.record(
            db,
            access,
            "meeting_cancelled",
            org_id=meeting.org_id,
            subject_id=meeting.id,
            payload={
                "committee_id": meeting.committee_id,
                "starts_at": meeting.starts_at,
                "sequence": meeting.sequence,
            },
        )
    return meeting


def _item_errors(title: str, minutes: int) -> list[UserError]:
    errors = []
    if not title.strip() or len(title) > 300:
        errors.append(UserError(field="title", message="Enter the item's title (300 characters or fewer)."))
    if not 0 <= minutes <= 600:
        errors.append(UserError(field="minutesAllotted", message="Allot between 0 and 600 minutes."))
    return errors


async def add_item(
    db: Db,
    access: Access,
    *,
    meeting_id: uuid.UUID,
    parent_id: uuid.UUID | None,
    title: str,
    presenter: str,
    minutes_allotted: int,
    purpose: Purpose,
    part: Part,
    needs_paper: bool,
    closing: bool = False,
) -> AgendaItem:
    meeting = await run_meeting(db, access, meeting_id)
    items = await items_of(db, access, meeting.id)
    errors = _item_errors(title, minutes_allotted)
    if parent_id is not None:
        parent = next((i for i in items if i.id == parent_id), None)
        if parent is None or parent.parent_id is not None:
            errors.append(UserError(field="parentId", message="Sub-items go under a top-level item of this agenda."))
    if errors:
        raise InputErrors(*errors)
    if closing and parent_id is not None:
        raise input_error("closing", "Only a top-level item can close the agenda.")
    position = agenda.new_item_position(items, parent_id, part, closing=closing)
    for later in items:  # the closing items make room; the position constraint is checked at commit
        if later.parent_id == parent_id and later.position >= position:
            later.position += 1
            await db.add(later)
    item = AgendaItem(
        org_id=meeting.org_id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        parent_id=parent_id,
        position=position,
        title=title.strip(),
        presenter=presenter.strip(),
        minutes_allotted=minutes_allotted,
        purpose=purpose,
        part=part,
        needs_paper=needs_paper,
        closing=closing,
    )
    await db.add(item)
    await record(db, access, "agenda_item.create", item, org_id=meeting.org_id)
    return item


async def update_item(
    db: Db,
    access: Access,
    item_id: uuid.UUID,
    *,
    title: str,
    presenter: str,
    minutes_allotted: int,
    purpose: Purpose,
    part: Part,
    needs_paper: bool,
) -> AgendaItem:
    item = await db.first(visible_items(access).where(AgendaItem.id == item_id))
    if item is None:
        raise input_error("id", "No such agenda item.")
    await run_meeting(db, access, item.meeting_id)
    if errors := _item_errors(title, minutes_allotted):
        raise InputErrors(*errors)
    before = snapshot(item)
    item.title, item.presenter, item.minutes_allotted = title.strip(), presenter.strip(), minutes_allotted
    item.purpose, item.part, item.needs_paper = purpose, part, needs_paper
    await db.add(item)
    await record(db, access, "agenda_item.update", item, org_id=item.org_id, before=before)
    return item


async def move_item(
    db: Db, access: Access, item_id: uuid.UUID, *, parent_id: uuid.UUID | None, position: int
) -> list[AgendaItem]:
    item = await db.first(visible_items(access).where(AgendaItem.id == item_id))
    if item is None:
        raise input_error("id", "No such agenda item.")
    meeting = await run_meeting(db, access, item.meeting_id)
    items = await items_of(db, access, meeting.id)
    try:
        placed = agenda.move(items, item_id, parent_id, position)
    except agenda.InvalidMove as error:
        raise input_error("position", str(error)) from None
    before = snapshot(item)
    for moved in items:
        if moved.id in placed:
            moved.parent_id, moved.position = placed[moved.id]
    await db.flush()  # the position constraint is checked at commit, after every item has moved
    await record(db, access, "agenda_item.move", item, org_id=item.org_id, before=before)
    return agenda.in_agenda_order(items)


async def set_agenda_template(
    db: Db, access: Access, committee_id: uuid.UUID, items: list[agenda.TemplateItem]
) -> Committee:
    committee = await get_committee(db, access, committee_id)
    if committee is None:
        raise input_error("committeeId", "No such committee.")
    if not can_run(access, committee.id):
        raise input_error(
            None, f"Only the board secretary or an administrator can change {committee.name}'s agenda template."
        )
    if any(not i.title.strip() or not 0 <= i.minutes <= 600 for i in items):
        raise input_error("items", "Each template item needs a title and between 0 and 600 minutes.")
    before = snapshot(committee)
    committee.agenda_template = [i.to_data() for i in items]
    await db.add(committee)
    await record(db, access, "committee.agenda_template", committee, org_id=committee.org_id, before=before)
    return committee
