"""Minutes drafted from what was recorded (attendance, quorum, declarations and how each was managed,
decisions with their votes, actions) and the secretary's notes; approved at a later meeting, then frozen.

The public version holds Part I and nothing of Part II: it is composed from Part I items only.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record
from quorum.conduct import policy
from quorum.conduct.conflicts import CATEGORY_WORDS
from quorum.conduct.live import EventKind, announce
from quorum.conduct.quorum_state import ItemQuorum
from quorum.conduct.record import MeetingRecord, Standing, gather
from quorum.conduct.service import conducted, item_of
from quorum.conduct.stages import Stage, Step
from quorum.conduct.tables import (
    ActionStatus,
    Choice,
    Decision,
    Management,
    MinuteNote,
    Minutes,
    MinutesPart,
    Movement,
    Outcome,
    Route,
    Vote,
)
from quorum.conduct.votes import Count, in_words
from quorum.conduct.voting import inquorate
from quorum.database import Db
from quorum.errors import input_error
from quorum.interests.tables import InterestCategory
from quorum.meetings import service as meetings
from quorum.meetings.tables import Meeting, MeetingStatus, Part

MAX_NOTES = 50_000
MANAGED = {
    Management.DECLARE_ONLY: "The chair noted the declaration; {they} took part in the discussion and the decision.",
    Management.DISCUSSION_NOT_DECISION: (
        "{They} took part in the discussion but not the decision, and did not count towards the quorum."
    ),
    Management.LEAVE_ROOM: "{They} left the room for this item and did not count towards the quorum.",
}
ROUTE_WORDS = {
    Route.VOTE: "Decided by vote",
    Route.CONSENSUS: "Agreed by consensus",
    Route.CHAIRS_ACTION: "Chair's action, to be ratified at the next meeting",
    Route.DEFERRED: "Deferred",
    Route.REFERRED: "Referred to another committee",
    Route.WITHDRAWN: "Withdrawn",
}
CHOICE_WORDS = {Choice.FOR: "For", Choice.AGAINST: "Against", Choice.ABSTAIN: "Abstained"}


@dataclass(frozen=True)
class MinutesVote:
    motion: str
    secret: bool
    for_count: int
    against_count: int
    abstain_count: int
    named: tuple[str, ...]  # "For: A, B" lines; empty for a secret vote
    result: str


@dataclass(frozen=True)
class MinutesDecision:
    route: str
    text: str
    outcome: str
    chaired_by: str
    quorum: str
    delegation: str | None
    vote: MinutesVote | None
    rescinded: str = ""  # "Rescinded on DATE by NAME: reason" when it no longer stands


@dataclass(frozen=True)
class MinutesItem:
    number: str
    title: str
    part: str
    chair_note: str
    declarations: tuple[str, ...]
    movements: tuple[str, ...]
    notes: str
    decisions: tuple[MinutesDecision, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class MinutesContent:
    organisation: str
    committee: str
    meeting_title: str
    when: str
    place: str
    part_label: str
    status: str  # "Draft" or "Approved"
    approval: str
    present: tuple[str, ...]
    in_attendance: tuple[str, ...]
    apologies: tuple[str, ...]
    absent: tuple[str, ...]
    arrivals: tuple[str, ...]  # before any item was taken
    items: tuple[MinutesItem, ...]
    action_log: tuple[str, ...] = field(default_factory=tuple)

    def to_data(self) -> dict:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict) -> MinutesContent:
        items = tuple(
            MinutesItem(
                **{
                    **i,
                    "declarations": tuple(i["declarations"]),
                    "movements": tuple(i["movements"]),
                    "actions": tuple(i["actions"]),
                    "decisions": tuple(
                        MinutesDecision(
                            **{
                                **d,
                                "vote": d["vote"] and MinutesVote(**{**d["vote"], "named": tuple(d["vote"]["named"])}),
                            }
                        )
                        for d in i["decisions"]
                    ),
                }
            )
            for i in data["items"]
        )
        lists = {
            k: tuple(data[k]) for k in ("present", "in_attendance", "apologies", "absent", "arrivals", "action_log")
        }
        return cls(**{**data, **lists, "items": items})


def _time(moment: datetime) -> str:
    return f"{moment.astimezone(clock.LONDON):%H:%M}"


def _day(moment: datetime) -> str:
    local = moment.astimezone(clock.LONDON)
    return f"{local.day} {local:%B %Y}"


def quorum_words(quorum: ItemQuorum, names) -> str:
    taking_part = len(quorum.counted)
    counts = (
        f"{quorum.present_voting} voting {'member' if quorum.present_voting == 1 else 'members'} present, "
        f"{taking_part} taking part in the decision"
    )
    if quorum.met:
        return f"Quorate: {counts}."
    return f"Inquorate: {counts}. " + " ".join(quorum.unmet)


def _vote(record: MeetingRecord, vote: Vote) -> MinutesVote:
    count = Count(vote.for_count, vote.against_count, vote.abstain_count)
    named = ()
    if not vote.secret:
        casts = [c for c in record.casts if c.vote_id == vote.id]
        named = tuple(
            f"{CHOICE_WORDS[choice]}: "
            + ", ".join(sorted(record.name(c.person_id) for c in casts if c.choice == choice))
            for choice in Choice
            if any(c.choice == choice for c in casts)
        )
    return MinutesVote(
        motion=vote.motion,
        secret=vote.secret,
        for_count=count.for_,
        against_count=count.against,
        abstain_count=count.abstain,
        named=named,
        result=in_words(
            count, Outcome(vote.outcome), vote.casting_vote and Choice(vote.casting_vote), record.name(vote.chaired_by)
        ),
    )


def _decision(record: MeetingRecord, decision: Decision) -> MinutesDecision:
    route = Route(decision.route)
    vote = next((v for v in record.votes if v.id == decision.vote_id), None)
    if route == Route.VOTE and vote is not None:
        outcome = "Carried" if vote.outcome == Outcome.CARRIED else "Lost"
    else:
        outcome = {
            Route.CONSENSUS: "Agreed",
            Route.DEFERRED: "Deferred",
            Route.CHAIRS_ACTION: "Taken by chair's action",
            Route.REFERRED: f"Referred to {decision.referred_to}",
            Route.WITHDRAWN: "Withdrawn",
        }.get(route, "")
        closed = record.progress and record.progress.closed_at
        if route == Route.CHAIRS_ACTION and closed and decision.decided_at > closed:
            outcome += f" on {_day(decision.decided_at)}, after the meeting closed"
        if route == Route.CHAIRS_ACTION and decision.ratified_at is not None:
            outcome += f"; ratified on {_day(decision.ratified_at)}"
    rescinded = ""
    if decision.rescinded_at is not None:
        by = record.name(decision.rescinded_by)
        rescinded = (
            f"Rescinded on {_day(decision.rescinded_at)}{f' by {by}' if by else ''}: {decision.rescission_reason}"
        )
    return MinutesDecision(
        route=ROUTE_WORDS[route],
        text=decision.text,
        outcome=outcome,
        chaired_by=record.name(decision.chaired_by),
        quorum=quorum_words(ItemQuorum.from_data(decision.quorum), record.names),
        delegation=decision.delegation_label,
        vote=vote and not vote.is_open and _vote(record, vote) or None,
        rescinded=rescinded,
    )


def _declaration(record: MeetingRecord, declaration) -> str:
    name = record.name(declaration.person_id)
    category = CATEGORY_WORDS[InterestCategory(declaration.category)]
    return f"{name} declared a {category}: {declaration.description}. " + MANAGED[
        Management(declaration.management)
    ].format(they=name, They=name)


def _movement(record: MeetingRecord, movement) -> str:
    attendance = next((a for a in record.attendance if a.id == movement.attendance_id), None)
    who = attendance and (attendance.guest_name or record.name(attendance.person_id)) or "Someone"
    verb = "arrived" if movement.movement == Movement.ARRIVED else "left the meeting"
    return f"{_time(movement.at)} {who} {verb}."


def _action(record: MeetingRecord, action) -> str:
    status = {ActionStatus.OPEN: "open", ActionStatus.IN_PROGRESS: "in progress", ActionStatus.CLOSED: "closed"}[
        ActionStatus(action.status)
    ]
    due = f"{action.due_date.day} {action.due_date:%B %Y}"
    return f"{action.description} Owner: {record.name(action.owner_id)}. Due {due}. Status: {status}."


def compose(record: MeetingRecord, part: MinutesPart, approval: str = "") -> MinutesContent:
    items = [i for i in record.items if part == MinutesPart.PRIVATE or i.part == Part.PUBLIC]
    included = {i.id for i in items}
    roll = record.roll()

    def names(*standing: Standing) -> tuple[str, ...]:
        return tuple(f"{e.name} ({e.capacity})" if e.capacity else e.name for e in roll if e.standing in standing)

    minutes_items = []
    for item in items:
        decisions = [d for d in record.decisions if d.item_id == item.id]
        standing = [d for d in decisions if d.rescinded_at is None] or decisions
        quorum = standing and ItemQuorum.from_data(standing[-1].quorum)
        minutes_items.append(
            MinutesItem(
                number=record.numbers[item.id],
                title=item.title,
                part=item.part,
                chair_note=quorum.chair_note if quorum else "",
                declarations=tuple(_declaration(record, d) for d in record.declarations if d.item_id == item.id),
                movements=tuple(_movement(record, m) for m in record.movements if m.item_id == item.id),
                notes=record.notes.get(item.id, ""),
                decisions=tuple(_decision(record, d) for d in decisions),
                actions=tuple(
                    _action(record, a)
                    for a in record.actions
                    if a.item_id == item.id and a.meeting_id == record.meeting.id
                ),
            )
        )
    carried = [
        a
        for a in record.actions
        if a.meeting_id != record.meeting.id
        and (a.item_id is None or a.item_id in included or part == MinutesPart.PRIVATE)
    ]
    starts = record.meeting.starts_at.astimezone(clock.LONDON)
    approved = record.stage == Stage.MINUTES_APPROVED or bool(approval)
    return MinutesContent(
        organisation=record.organisation_name,
        committee=record.committee.name,
        meeting_title=record.meeting.title,
        when=f"{starts:%A} {starts.day} {starts:%B %Y, %H:%M}",
        # The public minutes are for anyone: the call link is for members only.
        place=" · ".join(
            x for x in (record.meeting.location, part == MinutesPart.PRIVATE and record.meeting.call_link) if x
        ),
        part_label="Part I (public)" if part == MinutesPart.PUBLIC else "Parts I and II (private)",
        status="Approved" if approved else "Draft",
        approval=approval,
        present=names(Standing.PRESENT),
        in_attendance=names(Standing.IN_ATTENDANCE),
        apologies=names(Standing.APOLOGIES),
        absent=names(Standing.ABSENT),
        arrivals=tuple(_movement(record, m) for m in record.movements if m.item_id is None),
        items=tuple(minutes_items),
        action_log=tuple(_action(record, a) for a in carried),
    )


async def save_notes(db: Db, access: Access, item_id: uuid.UUID, notes: str) -> MinuteNote:
    item = await item_of(db, access, item_id)
    meeting, _ = await conducted(db, access, item.meeting_id, Step.NOTES, "itemId")
    if len(notes) > MAX_NOTES:
        raise input_error("notes", f"Keep an item's notes to {MAX_NOTES:,} characters.")
    note = await db.first(select(MinuteNote).where(MinuteNote.item_id == item.id))
    note = note or MinuteNote(
        org_id=item.org_id,
        item_id=item.id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        notes="",
        updated_by=access.person_id,
    )
    note.notes, note.updated_by, note.updated_at = notes.strip(), access.person_id, clock.now()
    await db.add(note)
    await record(db, access, "minutes.notes", note, org_id=item.org_id)
    await announce(db, meeting.id, EventKind.MINUTES, item_id=item.id)
    return note


async def approve(db: Db, access: Access, *, meeting_id: uuid.UUID, item_id: uuid.UUID) -> list[Minutes]:
    """Approved at an item of a later, open meeting of the same committee that is quorate for it."""
    meeting, _ = await conducted(db, access, meeting_id, Step.APPROVE_MINUTES)
    item = await item_of(db, access, item_id)
    approving, _ = await conducted(db, access, item.meeting_id, Step.DECISION, "itemId")
    if approving.committee_id != meeting.committee_id or approving.starts_at <= meeting.starts_at:
        raise input_error("itemId", "Minutes are approved at a later meeting of the same committee.")
    quorum = (await gather(db, access, approving)).quorum(item.id)
    if not quorum.met:
        raise inquorate(quorum)
    now = clock.now()
    approval = f"Approved as a true record at the meeting of {_day(approving.starts_at)}."
    minutes_of = await gather(db, access, meeting)
    approved = []
    for part in MinutesPart:
        row = Minutes(
            org_id=meeting.org_id,
            meeting_id=meeting.id,
            part=part,
            committee_id=meeting.committee_id,
            record=compose(minutes_of, part, approval).to_data(),
            approved_at=now,
            approved_by=access.person_id,
            approved_at_meeting_id=approving.id,
        )
        await db.add(row, refresh=False)
        approved.append(row)
    await meetings.change_status(db, access, meeting.id, MeetingStatus.MINUTES_APPROVED)
    decision = Decision(
        org_id=approving.org_id,
        meeting_id=approving.id,
        committee_id=approving.committee_id,
        item_id=item.id,
        route=Route.CONSENSUS,
        text=f"The minutes of the meeting held on {_day(meeting.starts_at)} were approved as a true record.",
        chaired_by=quorum.chaired_by,
        quorum=quorum.to_data(),
        decided_at=now,
        recorded_by=access.person_id,
        minutes_of_meeting_id=meeting.id,
    )
    await db.add(decision)
    await record(db, access, "minutes.approve", approved[0], org_id=meeting.org_id)
    await record(db, access, "decision.consensus", decision, org_id=approving.org_id)
    await announce(db, meeting.id, EventKind.MINUTES)
    await announce(db, approving.id, EventKind.DECISION, item_id=item.id)
    return approved


async def minutes_of(
    db: Db, access: Access, meeting: Meeting, part: MinutesPart
) -> tuple[MinutesContent, Minutes | None] | None:
    """The approved minutes if there are any; else a draft, for the committee's members and officers only."""
    approved = await db.first(
        policy.visible_minutes(access).where(Minutes.meeting_id == meeting.id, Minutes.part == part)
    )
    if approved is not None:
        return MinutesContent.from_data(approved.record), approved
    if MeetingStatus(meeting.status) == MeetingStatus.MINUTES_APPROVED or not policy.can_see_drafts(
        access, meeting.committee_id
    ):
        return None
    return compose(await gather(db, access, meeting), part), None
