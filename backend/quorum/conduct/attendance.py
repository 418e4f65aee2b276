"""Apologies, arrivals and departures, each with its time and the item then being taken."""

from __future__ import annotations

import enum
import uuid

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.committees.tables import Seat, SeatRole
from quorum.conduct.live import EventKind, announce
from quorum.conduct.service import conducted
from quorum.conduct.stages import Step
from quorum.conduct.tables import Attendance, AttendanceMovement, AttendanceStatus, MeetingProgress, Movement
from quorum.database import Db
from quorum.errors import input_error
from quorum.meetings.tables import Meeting
from quorum.people.policy import visible_people
from quorum.people.tables import Person


class Change(str, enum.Enum):
    ARRIVED = "ARRIVED"
    LEFT = "LEFT"
    APOLOGIES = "APOLOGIES"


class Presence(str, enum.Enum):
    NOT_RECORDED = "NOT_RECORDED"
    APOLOGIES = "APOLOGIES"
    IN_ROOM = "IN_ROOM"
    OUT_OF_ROOM = "OUT_OF_ROOM"  # came, and has left


# Which change may follow which presence; anything else is refused in these words.
NEXT = {
    Presence.NOT_RECORDED: {Change.ARRIVED, Change.APOLOGIES},
    Presence.APOLOGIES: {Change.ARRIVED},
    Presence.IN_ROOM: {Change.LEFT},
    Presence.OUT_OF_ROOM: {Change.ARRIVED},
}
REFUSED = {
    Change.ARRIVED: "is already in the room",
    Change.LEFT: "is not in the room",
    Change.APOLOGIES: "has attended or already sent apologies",
}
STEP = {Change.ARRIVED: Step.MOVEMENT, Change.LEFT: Step.MOVEMENT, Change.APOLOGIES: Step.APOLOGIES}


def presence_of(attendance: Attendance | None) -> Presence:
    if attendance is None:
        return Presence.NOT_RECORDED
    if attendance.status == AttendanceStatus.APOLOGIES:
        return Presence.APOLOGIES
    return Presence.IN_ROOM if attendance.in_room else Presence.OUT_OF_ROOM


async def seat_on_the_day(db: Db, meeting: Meeting, person_id: uuid.UUID) -> Seat | None:
    day = clock.local_date(meeting.starts_at)
    seats = await db.all(select(Seat).where(Seat.committee_id == meeting.committee_id, Seat.person_id == person_id))
    return next((s for s in seats if s.is_active_on(day)), None)


async def record_attendance(
    db: Db,
    access: Access,
    *,
    meeting_id: uuid.UUID,
    person_id: uuid.UUID | None,
    guest_name: str | None,
    capacity: str,
    change: Change,
) -> Attendance:
    meeting, progress = await conducted(db, access, meeting_id, STEP[change])
    return await apply_change(
        db, access, meeting, progress, person_id=person_id, guest_name=guest_name, capacity=capacity, change=change
    )


async def apply_change(
    db: Db,
    access: Access,
    meeting: Meeting,
    progress: MeetingProgress | None,
    *,
    person_id: uuid.UUID | None,
    guest_name: str | None,
    capacity: str,
    change: Change,
) -> Attendance:
    """The change, once the caller's right to make it and the meeting's stage have been checked."""
    guest_name = (guest_name or "").strip() or None
    if (person_id is None) == (guest_name is None):
        raise input_error("personId", "Name either a person or a guest.")
    if len(capacity) > 200 or (guest_name and len(guest_name) > 200):
        raise input_error("capacity", "Keep names and capacities to 200 characters.")
    if person_id is not None:
        person = await db.first(visible_people(access).where(Person.id == person_id))
        if person is None:
            raise input_error("personId", "No such person.")
        name, seat = person.name, await seat_on_the_day(db, meeting, person_id)
        existing = await db.first(
            select(Attendance).where(Attendance.meeting_id == meeting.id, Attendance.person_id == person_id)
        )
    else:
        name, seat = guest_name, None
        existing = await db.first(
            select(Attendance).where(
                Attendance.meeting_id == meeting.id, func.lower(Attendance.guest_name) == guest_name.lower()
            )
        )
    if change == Change.APOLOGIES and seat is None:
        raise input_error("personId", f"{name} is not a member of the committee; only members send apologies.")
    if change not in NEXT[presence_of(existing)]:
        raise input_error("change", f"{name} {REFUSED[change]}.")
    before = snapshot(existing)
    attendance = existing or Attendance(
        org_id=meeting.org_id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        person_id=person_id,
        guest_name=guest_name,
        status=AttendanceStatus.APOLOGIES,
    )
    if capacity.strip():
        attendance.capacity = capacity.strip()
    if change == Change.APOLOGIES:
        attendance.status, attendance.in_room = AttendanceStatus.APOLOGIES, False
    else:
        member = seat is not None and SeatRole(seat.role) != SeatRole.IN_ATTENDANCE
        attendance.status = AttendanceStatus.PRESENT if member else AttendanceStatus.IN_ATTENDANCE
        attendance.in_room = change == Change.ARRIVED
    try:
        await db.add(attendance)
    except IntegrityError:
        raise input_error(
            "personId", f"{name}'s attendance changed at the same moment; look again and retry."
        ) from None
    if change != Change.APOLOGIES:
        await db.add(
            AttendanceMovement(
                org_id=meeting.org_id,
                attendance_id=attendance.id,
                meeting_id=meeting.id,
                committee_id=meeting.committee_id,
                movement=Movement(change.value),
                at=clock.now(),
                item_id=progress.current_item_id if progress else None,
            ),
            refresh=False,
        )
    await record(db, access, f"attendance.{change.value.lower()}", attendance, org_id=meeting.org_id, before=before)
    await announce(db, meeting.id, EventKind.ATTENDANCE)
    return attendance
