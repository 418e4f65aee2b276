"""A meeting's record as the caller may see it, read in a fixed number of statements whatever its length:
what the live page, the secretary's page and the minutes are made from."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import and_, or_
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.committees.policy import visible_seats
from quorum.committees.quorum import QuorumRule, seat_title
from quorum.committees.tables import Committee, CommitteeParty, MemberCategory, Office, Seat, SeatRole
from quorum.conduct import policy
from quorum.conduct.quorum_state import ItemQuorum, Member, item_quorum
from quorum.conduct.stages import Stage, stage_of
from quorum.conduct.tables import (
    Action,
    ActionUpdate,
    Attendance,
    AttendanceMovement,
    AttendanceStatus,
    Decision,
    Declaration,
    Management,
    MeetingProgress,
    MinuteNote,
    PresidingMember,
    Vote,
    VoteCast,
)
from quorum.database import Db
from quorum.meetings import agenda
from quorum.meetings.service import items_of
from quorum.meetings.tables import AgendaItem, Meeting
from quorum.organisations.tables import Organisation
from quorum.people.tables import Person


class Standing(str, enum.Enum):
    PRESENT = "PRESENT"
    APOLOGIES = "APOLOGIES"
    ABSENT = "ABSENT"
    EXPECTED = "EXPECTED"  # before the meeting opens: a member who has not sent apologies
    IN_ATTENDANCE = "IN_ATTENDANCE"


ROLE_ORDER = {SeatRole.CHAIR: 0, SeatRole.VICE_CHAIR: 1, SeatRole.MEMBER: 2, SeatRole.IN_ATTENDANCE: 3}


@dataclass(frozen=True)
class RollEntry:
    """A line of the attendance: every member, and everyone else who came."""

    person_id: uuid.UUID | None
    name: str
    capacity: str
    role: SeatRole | None
    voting: bool
    standing: Standing
    in_room: bool


def capacity_of(member: Member) -> str:
    return seat_title(member.role, member.category, member.office, member.voting)


@dataclass
class MeetingRecord:
    meeting: Meeting
    committee: Committee
    organisation_name: str
    progress: MeetingProgress | None
    items: list[AgendaItem]  # in agenda order, those the caller may see
    numbers: dict[uuid.UUID, str]
    members: list[Member]  # seats on the day of the meeting
    parties: dict[uuid.UUID, str]
    attendance: list[Attendance]
    movements: list[AttendanceMovement]
    declarations: list[Declaration]
    votes: list[Vote]
    casts: list[VoteCast]
    decisions: list[Decision]
    notes: dict[uuid.UUID, str]
    actions: list[Action]  # the committee's action log as it stood at this meeting
    action_updates: list[ActionUpdate]
    presiding: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)  # item -> the member chosen to chair it
    names: dict[uuid.UUID, str] = field(default_factory=dict)

    @property
    def stage(self) -> Stage:
        return stage_of(self.meeting, self.progress)

    @property
    def rule(self) -> QuorumRule:
        return QuorumRule.from_data(self.committee.quorum_rule)

    def item(self, item_id: uuid.UUID | None) -> AgendaItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def member(self, person_id: uuid.UUID) -> Member | None:
        return next((m for m in self.members if m.person_id == person_id), None)

    @property
    def expecting(self) -> bool:
        """Before the meeting opens, attendance and quorum are what is expected, not what is recorded."""
        return self.stage in (Stage.UNPUBLISHED, Stage.NOT_OPEN)

    def in_room(self) -> set[uuid.UUID]:
        if self.expecting:
            sent_apologies = {a.person_id for a in self.attendance if a.status == AttendanceStatus.APOLOGIES}
            return {m.person_id for m in self.members} - sent_apologies
        return {a.person_id for a in self.attendance if a.in_room and a.person_id is not None}

    def management_on(self, item_id: uuid.UUID) -> dict[uuid.UUID, Management]:
        return {d.person_id: Management(d.management) for d in self.declarations if d.item_id == item_id}

    def quorum(self, item_id: uuid.UUID, carried: Mapping[uuid.UUID, Management] | None = None) -> ItemQuorum:
        """`carried`: conflicts declared elsewhere that hold here unless the member declares on this item."""
        management = {**(carried or {}), **self.management_on(item_id)}
        return item_quorum(
            self.rule, self.parties, self.members, self.in_room(), management, self.names, self.presiding.get(item_id)
        )

    def standing_outcome(self, item_id: uuid.UUID) -> Decision | None:
        return next(
            (
                d
                for d in self.decisions
                if d.item_id == item_id
                and d.rescinded_at is None
                and d.ratifies_id is None
                and d.minutes_of_meeting_id is None
            ),
            None,
        )

    def name(self, person_id: uuid.UUID | None) -> str:
        return self.names.get(person_id, "") if person_id else ""

    def open_vote(self) -> Vote | None:
        return next((v for v in self.votes if v.is_open), None)

    def roll(self) -> list[RollEntry]:
        came = {a.person_id: a for a in self.attendance if a.person_id is not None}
        entries = []
        for member in sorted(self.members, key=lambda m: (ROLE_ORDER[m.role], self.name(m.person_id))):
            seen = came.get(member.person_id)
            if seen is None:
                standing = Standing.EXPECTED if self.expecting else Standing.ABSENT
            elif seen.status == AttendanceStatus.APOLOGIES:
                standing = Standing.APOLOGIES
            else:
                standing = Standing.IN_ATTENDANCE if member.role == SeatRole.IN_ATTENDANCE else Standing.PRESENT
            entries.append(
                RollEntry(
                    member.person_id,
                    self.name(member.person_id),
                    capacity_of(member),
                    member.role,
                    member.voting,
                    standing,
                    bool(seen and seen.in_room),
                )
            )
        seated = {m.person_id for m in self.members}
        for other in self.attendance:
            if other.person_id is None or other.person_id not in seated:
                entries.append(
                    RollEntry(
                        other.person_id,
                        other.guest_name or self.name(other.person_id),
                        other.capacity,
                        None,
                        False,
                        Standing.IN_ATTENDANCE,
                        other.in_room,
                    )
                )
        return entries


async def members_on_the_day(db: Db, access: Access, committee_id: uuid.UUID, meeting: Meeting) -> list[Member]:
    day = clock.local_date(meeting.starts_at)
    seats = await db.all(visible_seats(access).where(Seat.committee_id == committee_id))
    return [
        Member(
            s.person_id,
            SeatRole(s.role),
            s.voting,
            MemberCategory(s.category),
            s.party_org_id,
            s.office and Office(s.office),
        )
        for s in seats
        if s.is_active_on(day)
    ]


async def gather(db: Db, access: Access, meeting: Meeting) -> MeetingRecord:
    committee = await db.first(select(Committee).where(Committee.id == meeting.committee_id))
    organisation = await db.first(select(Organisation.name).where(Organisation.id == committee.org_id))
    progress = await db.first(policy.visible_progress(access).where(MeetingProgress.meeting_id == meeting.id))
    items = agenda.in_agenda_order(await items_of(db, access, meeting.id))
    members = await members_on_the_day(db, access, committee.id, meeting)
    parties: dict[uuid.UUID, str] = {}
    if committee.is_joint:
        rows = await db.all(
            select(CommitteeParty.party_org_id, Organisation.name)
            .join(Organisation, Organisation.id == CommitteeParty.party_org_id, isouter=True)
            .where(CommitteeParty.committee_id == committee.id)
        )
        parties = {party: name or "a party" for party, name in rows}
    attendance = await db.all(policy.visible_attendance(access).where(Attendance.meeting_id == meeting.id))
    movements = await db.all(
        policy.visible_movements(access)
        .where(AttendanceMovement.meeting_id == meeting.id)
        .order_by(AttendanceMovement.at)
    )
    declarations = await db.all(
        policy.visible_declarations(access)
        .where(Declaration.meeting_id == meeting.id)
        .order_by(Declaration.recorded_at)
    )
    votes = await db.all(policy.visible_votes(access).where(Vote.meeting_id == meeting.id).order_by(Vote.opened_at))
    casts = await db.all(policy.visible_casts(access).where(VoteCast.vote_id.in_([v.id for v in votes])))
    decisions = await db.all(
        policy.visible_decisions(access).where(Decision.meeting_id == meeting.id).order_by(Decision.decided_at)
    )
    presiding = dict(
        await db.all(
            select(PresidingMember.item_id, PresidingMember.person_id)
            .where(PresidingMember.meeting_id == meeting.id)
            .where(PresidingMember.item_id.in_([i.id for i in items]))
        )
    )
    notes = {
        n.item_id: n.notes
        for n in await db.all(policy.visible_notes(access).where(MinuteNote.meeting_id == meeting.id))
    }
    # Raised here or before, and not closed before this meeting: still open, closed here or at a later
    # meeting, or closed between meetings since this one began.
    committee_meetings = select(Meeting.id).where(Meeting.committee_id == committee.id)
    raised_by_then = committee_meetings.where(Meeting.starts_at <= meeting.starts_at)
    from_now_on = committee_meetings.where(Meeting.starts_at >= meeting.starts_at)
    actions = await db.all(
        policy.visible_actions(access)
        .where(
            Action.committee_id == committee.id,
            Action.meeting_id.in_(raised_by_then),
            or_(
                Action.closed_at.is_(None),
                Action.closed_at_meeting_id.in_(from_now_on),
                and_(Action.closed_at_meeting_id.is_(None), Action.closed_at >= meeting.starts_at),
            ),
        )
        .order_by(Action.raised_at)
    )
    updates = await db.all(
        policy.visible_action_updates(access)
        .where(ActionUpdate.action_id.in_([a.id for a in actions]))
        .order_by(ActionUpdate.at)
    )
    record = MeetingRecord(
        meeting=meeting,
        committee=committee,
        organisation_name=organisation or "",
        progress=progress,
        items=items,
        numbers=agenda.numbers(items),
        members=members,
        parties=parties,
        attendance=attendance,
        movements=movements,
        declarations=declarations,
        votes=votes,
        casts=casts,
        decisions=decisions,
        notes=notes,
        actions=actions,
        action_updates=updates,
        presiding=presiding,
    )
    people = (
        {m.person_id for m in members}
        | {a.person_id for a in attendance if a.person_id}
        | {d.person_id for d in declarations}
        | {c.person_id for c in casts}
        | {v.chaired_by for v in votes if v.chaired_by}
        | {d.chaired_by for d in decisions if d.chaired_by}
        | {a.owner_id for a in actions}
        | set(presiding.values())
        | {d.rescinded_by for d in decisions if d.rescinded_by}
    )
    record.names = dict(await db.all(select(Person.id, Person.name).where(Person.id.in_(people))))
    return record
