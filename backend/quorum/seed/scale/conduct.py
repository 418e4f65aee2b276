"""Held meetings' records, as the secretary would have recorded them in the app, meeting after meeting.

Attendance and movements, declarations against items and how each was managed, votes and decisions
(each item's quorum worked out by the app's own rule, quorum.conduct.quorum_state), actions carried on
the action log until closed, notes for the minutes, and minutes approved at the next quorate meeting,
composed by the app's own quorum.conduct.minutes.compose from the record as it then stood. Chair's
actions taken when conflicts left an item inquorate are ratified at the next meeting.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from quorum.clock import LONDON
from quorum.committees.quorum import QuorumRule
from quorum.committees.tables import MemberCategory, Office, SeatRole
from quorum.conduct import votes
from quorum.conduct.conflicts import LIKELY_MANAGEMENT
from quorum.conduct.minutes import compose
from quorum.conduct.quorum_state import ItemQuorum, Member, item_quorum
from quorum.conduct.record import MeetingRecord
from quorum.conduct.tables import Choice, Management, MinutesPart
from quorum.interests.tables import InterestCategory
from quorum.meetings import agenda as app_agenda
from quorum.seed.scale import rows, texts
from quorum.seed.scale.agenda import ACTION_LOG_ITEM, MATTERS_ARISING_ITEM, MINUTES_ITEM, PlannedItem, in_agenda_order
from quorum.seed.scale.committees import delegation_label, live_at
from quorum.seed.scale.loader import Rows
from quorum.seed.scale.plan import Rng, london
from quorum.seed.scale.world import CommitteeInfo, World

SECONDS = timedelta(seconds=1)
MINUTES = timedelta(minutes=1)


@dataclass
class Decided:
    """A decision, and (for a chair's action) the meeting that ratified it, by its place in the committee's order."""

    row: tuple
    ratified_at_meeting: int | None = None


@dataclass
class ActionState:
    row: tuple
    raised_at_meeting: int
    history: list[tuple[int, str, datetime, uuid.UUID | None]] = field(
        default_factory=list
    )  # (meeting, status, at, id)

    def status_before(self, meeting: int) -> tuple[str, int | None, datetime | None]:
        """Status, closing meeting and time as they stood before meeting `meeting`'s updates."""
        done = [h for h in self.history if h[0] < meeting]
        if not done:
            return "OPEN", None, None
        last = done[-1]
        return last[1], (last[0] if last[1] == "CLOSED" else None), (last[2] if last[1] == "CLOSED" else None)


@dataclass
class HeldMeeting:
    index: int
    row: tuple
    items: list[tuple]  # agenda rows in agenda order
    progress: tuple
    members: list[Member]
    attendance: list[tuple]
    movements: list[tuple]
    declarations: list[tuple]
    votes: list[tuple]
    casts: list[tuple]
    decisions: list[Decided]
    notes: dict[uuid.UUID, str]
    approved: bool = False


class Conduct:
    """One committee's meetings held in turn, carrying actions, minutes and chair's actions from each to the next."""

    def __init__(self, world: World, loader: Rows, committee: CommitteeInfo, rng: Rng):
        self.world, self.loader, self.committee, self.rng = world, loader, committee, rng
        self.rule = QuorumRule.from_data(committee.quorum_rule)
        self.secretary = committee.host.secretary_id
        self.held: list[HeldMeeting] = []
        self.actions: list[ActionState] = []
        self.chairs_actions: list[Decided] = []

    # -- one meeting ---------------------------------------------------------------------------------------

    def hold(self, meeting: tuple, planned: list[PlannedItem], attendees: dict[uuid.UUID, str]) -> HeldMeeting:
        """Record a meeting as held. `attendees`: people in attendance holding no seat, with their capacity."""
        rng, day = self.rng, meeting.starts_at.astimezone(LONDON).date()
        index = len(self.held)
        ordered = in_agenda_order(planned)
        at = {}
        clock = meeting.starts_at
        for item in ordered:
            at[item.row.id] = clock
            clock += max(1, item.row.minutes_allotted) * MINUTES
        opened_at = meeting.starts_at - 5 * MINUTES
        progress = rows.MeetingProgress(
            org_id=meeting.org_id,
            meeting_id=meeting.id,
            committee_id=meeting.committee_id,
            opened_at=opened_at,
            closed_at=clock + 5 * MINUTES,
            current_item_id=None,
        )
        members = self._members_on(day)
        business = [i for i in ordered if i.business]
        attendance, movements, presence = self._attendance(meeting, members, attendees, business, at, opened_at)
        held = HeldMeeting(
            index, meeting, [i.row for i in ordered], progress, members, attendance, movements, [], [], [], [], {}
        )

        def in_room(moment: datetime) -> set[uuid.UUID]:
            return {
                p for p, (arrived, left) in presence.items() if arrived <= moment and (left is None or left > moment)
            }

        declaration_time = at[ordered[2].row.id]
        taking_part = {m.person_id for m in members} | set(attendees)
        held.declarations = self._declarations(meeting, business, taking_part, declaration_time)
        by_item = self._management(held.declarations)

        def quorum(item: tuple, moment: datetime) -> ItemQuorum:
            return item_quorum(
                self.rule, self.committee.parties, members, in_room(moment), by_item.get(item.id, {}), self.world.names
            )

        opening = {item.row.position: item.row for item in planned[:MATTERS_ARISING_ITEM]}
        self._approve_minutes(held, opening[MINUTES_ITEM], quorum, at)
        self._update_actions(index, meeting.id, at[opening[ACTION_LOG_ITEM].id])
        self._ratify(held, opening[MATTERS_ARISING_ITEM], quorum, at)
        for item in business:
            moment = at[item.row.id] + max(1, item.row.minutes_allotted - 3) * MINUTES
            if item.decides:
                self._decide(held, item, quorum(item.row, moment), moment)
            if rng.chance(0.25) and not item.sub_items:
                self._raise_action(index, meeting, item, day, moment)
        held.notes = {item.row.id: texts.note(rng, item.row.presenter) for item in ordered if rng.chance(0.7)}
        for item_id, notes in held.notes.items():
            self.loader.add(
                rows.MinuteNote(
                    org_id=meeting.org_id,
                    item_id=item_id,
                    meeting_id=meeting.id,
                    committee_id=meeting.committee_id,
                    notes=notes,
                    updated_by=self.secretary,
                    updated_at=london(day + timedelta(days=2), 10),
                )
            )
        self.held.append(held)
        return held

    def _members_on(self, day: date) -> list[Member]:
        return [
            Member(
                s.person_id,
                SeatRole(s.role),
                s.voting,
                MemberCategory(s.category),
                s.party_org_id,
                Office(s.office) if s.office else None,
            )
            for s in self.committee.seats
            if s.active_on(day)
        ]

    def _attendance(self, meeting, members, attendees, business, at, opened_at):
        """Who came, sent apologies or stayed away; arrivals at the start, a few late, a few leaving early."""
        rng = self.rng
        attendance, movements, presence = [], [], {}
        came = []
        for member in members:
            draw = rng.random()
            if member.role == SeatRole.IN_ATTENDANCE:
                status = "IN_ATTENDANCE" if draw < 0.92 else "APOLOGIES"
            else:
                status = "PRESENT" if draw < 0.9 else ("APOLOGIES" if draw < 0.97 else None)
            if status:
                came.append((member.person_id, None, "", status))
        came += [(person, None, capacity, "IN_ATTENDANCE") for person, capacity in attendees.items()]
        for number, (person, guest, capacity, status) in enumerate(came):
            attendance_id = rng.new_id()
            arrived = left = None
            if status != "APOLOGIES":
                arrived, arrived_item = opened_at + number * 20 * SECONDS, None
                if business and rng.chance(0.05):
                    late = rng.choice(business).row
                    arrived, arrived_item = at[late.id] + MINUTES, late.id
                movements.append(
                    rows.AttendanceMovement(
                        org_id=meeting.org_id,
                        id=rng.new_id(),
                        attendance_id=attendance_id,
                        meeting_id=meeting.id,
                        committee_id=meeting.committee_id,
                        movement="ARRIVED",
                        at=arrived,
                        item_id=arrived_item,
                    )
                )
                later = [i for i in business if at[i.row.id] > arrived]
                if later and rng.chance(0.04):
                    leaving = rng.choice(later).row
                    left = at[leaving.id] + 2 * MINUTES
                    movements.append(
                        rows.AttendanceMovement(
                            org_id=meeting.org_id,
                            id=rng.new_id(),
                            attendance_id=attendance_id,
                            meeting_id=meeting.id,
                            committee_id=meeting.committee_id,
                            movement="LEFT",
                            at=left,
                            item_id=leaving.id,
                        )
                    )
                presence[person] = (arrived, left)
            attendance.append(
                rows.Attendance(
                    org_id=meeting.org_id,
                    id=attendance_id,
                    meeting_id=meeting.id,
                    committee_id=meeting.committee_id,
                    person_id=person,
                    guest_name=guest,
                    capacity=capacity,
                    status=status,
                    in_room=status != "APOLOGIES" and left is None,
                )
            )
        return attendance, movements, presence

    def _declarations(self, meeting, business: list[PlannedItem], taking_part: set[uuid.UUID], moment: datetime):
        """Registered interests in what items concern are declared; now and then another interest is too."""
        rng, found = self.rng, []
        interests = {p: entries for p, entries in self.committee.host.interests.items() if p in taking_part}
        for item in business:
            concerned = set(item.row.concerns_practice_ids)
            if not concerned or item.sub_items:
                continue
            for person, entries in interests.items():
                interest = next((i for i in entries if concerned & set(i.concerns_practice_ids)), None)
                if interest is not None:
                    found.append((item, person, interest))
        if business and interests and rng.chance(0.12):
            person = rng.choice(sorted(interests, key=str))
            other = next((i for i in interests[person] if not i.concerns_practice_ids), None)
            item = rng.choice(business)
            if other is not None and all((d[0], d[1]) != (item, person) for d in found):
                found.append((item, person, other))
        declarations = []
        for number, (item, person, interest) in enumerate(found):
            management = LIKELY_MANAGEMENT[InterestCategory(interest.category)]
            if management.value == "LEAVE_ROOM" and rng.chance(0.3):
                management = LIKELY_MANAGEMENT[InterestCategory.INDIRECT]  # the chair lets them stay for the discussion
            declarations.append(
                rows.Declaration(
                    org_id=meeting.org_id,
                    id=rng.new_id(),
                    meeting_id=meeting.id,
                    committee_id=meeting.committee_id,
                    item_id=item.row.id,
                    person_id=person,
                    interest_org_id=interest.org_id,
                    interest_id=interest.id,
                    category=interest.category,
                    description=interest.description,
                    management=management.value,
                    recorded_by=self.secretary,
                    recorded_at=moment + number * 10 * SECONDS,
                )
            )
        return declarations

    @staticmethod
    def _management(declarations: list[tuple]) -> dict[uuid.UUID, dict]:
        found: dict[uuid.UUID, dict] = {}
        for d in declarations:
            found.setdefault(d.item_id, {})[d.person_id] = Management(d.management)
        return found

    # -- decisions and votes -------------------------------------------------------------------------------

    def _decide(self, held: HeldMeeting, item: PlannedItem, quorum: ItemQuorum, moment: datetime) -> None:
        rng, row, name = self.rng, item.row, self.committee.name
        delegation = self._delegation(item.function, moment)
        if quorum.met:
            if rng.chance(0.3 if row.purpose == "DECISION" else 0.08):
                self._vote(held, item, quorum, moment, delegation)
                return
            route, text = "CONSENSUS", texts.agreed(row.title, row.purpose, name)
        elif quorum.chaired_by is not None and rng.chance(0.8):
            route, text = "CHAIRS_ACTION", texts.chairs_action(row.title)
        else:
            route, text, delegation = "DEFERRED", "Deferred to a later meeting.", None
        decided = Decided(self._decision(held, row, route, text, quorum, moment, delegation))
        held.decisions.append(decided)
        if route == "CHAIRS_ACTION":
            self.chairs_actions.append(decided)

    def _delegation(self, function: str | None, moment: datetime) -> tuple | None:
        if function is None:
            return None
        return next((d for d in self.committee.delegations if function in d.functions and live_at(d, moment)), None)

    def _decision(
        self,
        held: HeldMeeting,
        item: tuple,
        route: str,
        text: str,
        quorum: ItemQuorum,
        moment: datetime,
        delegation: tuple | None,
        vote_id: uuid.UUID | None = None,
    ) -> tuple:
        area_team = self.committee.host.area_team
        return rows.Decision(
            org_id=item.org_id,
            id=self.rng.new_id(),
            meeting_id=held.row.id,
            committee_id=item.committee_id,
            item_id=item.id,
            route=route,
            text=text,
            vote_id=vote_id,
            chaired_by=quorum.chaired_by,
            quorum=quorum.to_data(),
            delegation_org_id=delegation and delegation.org_id,
            delegation_id=delegation and delegation.id,
            delegation_label=delegation and delegation_label(area_team.name, delegation),
            decided_at=moment,
            recorded_by=self.secretary,
            ratified_at=None,
            ratified_at_meeting_id=None,
        )

    def _vote(self, held: HeldMeeting, item: PlannedItem, quorum: ItemQuorum, moment: datetime, delegation) -> None:
        rng, row = self.rng, item.row
        secret = rng.chance(0.12)
        vote_id, opened = rng.new_id(), moment - 3 * MINUTES
        chosen = {p: rng.choices(list(Choice), (80, 10, 10))[0] for p in quorum.counted if rng.chance(0.97)}
        count = votes.Count(*(sum(1 for c in chosen.values() if c == choice) for choice in Choice))
        casting = Choice.FOR if count.tied and quorum.chaired_by is not None else None
        outcome = votes.outcome(count, casting, quorum.chaired_by is not None)
        vote = rows.Vote(
            org_id=row.org_id,
            id=vote_id,
            meeting_id=held.row.id,
            committee_id=row.committee_id,
            item_id=row.id,
            motion=texts.motion(row.title, row.purpose, self.committee.name),
            secret=secret,
            eligible_person_ids=list(quorum.counted),
            chaired_by=quorum.chaired_by,
            quorum=quorum.to_data(),
            delegation_org_id=delegation and delegation.org_id,
            delegation_id=delegation and delegation.id,
            opened_by=self.secretary,
            opened_at=opened,
            closed_at=moment,
            for_count=count.for_,
            against_count=count.against,
            abstain_count=count.abstain,
            casting_vote=casting and casting.value,
            outcome=outcome.value,
        )
        held.votes.append(vote)
        held.casts += [
            rows.VoteCast(
                org_id=row.org_id,
                vote_id=vote_id,
                person_id=person,
                committee_id=row.committee_id,
                secret=secret,
                choice=None if secret else choice.value,
            )
            for person, choice in chosen.items()
        ]
        if secret:
            for choice in Choice:
                self.loader.add(
                    rows.SecretTally(
                        org_id=row.org_id,
                        vote_id=vote_id,
                        committee_id=row.committee_id,
                        choice=choice.value,
                        count=sum(1 for c in chosen.values() if c == choice),
                    )
                )
        held.decisions.append(
            Decided(self._decision(held, row, "VOTE", vote.motion, quorum, moment, delegation, vote_id))
        )

    # -- carried from meeting to meeting -------------------------------------------------------------------

    def _approve_minutes(self, held: HeldMeeting, item: tuple, quorum, at) -> None:
        """Earlier meetings' minutes, approved at this one's minutes item if it is quorate for it."""
        moment = at[item.id] + 2 * MINUTES
        waiting = [h for h in self.held if not h.approved]
        decided = quorum(item, moment)
        if not waiting or not decided.met:
            return
        approval = f"Approved as a true record at the meeting of {_day(held.row.starts_at)}."
        for earlier in waiting:
            record = self._record_as_it_stood(earlier, held.index)
            for part in MinutesPart:
                self.loader.add(
                    rows.Minutes(
                        org_id=earlier.row.org_id,
                        meeting_id=earlier.row.id,
                        committee_id=earlier.row.committee_id,
                        part=part.value,
                        record=as_data(compose(record, part, approval)),
                        approved_at=moment,
                        approved_by=self.secretary,
                        approved_at_meeting_id=held.row.id,
                    )
                )
            earlier.approved = True
            text = f"The minutes of the meeting held on {_day(earlier.row.starts_at)} were approved as a true record."
            approval_of = self._decision(held, item, "CONSENSUS", text, decided, moment, None)
            held.decisions.append(Decided(approval_of._replace(minutes_of_meeting_id=earlier.row.id)))

    def _ratify(self, held: HeldMeeting, item: tuple, quorum, at) -> None:
        moment = at[item.id] + 3 * MINUTES
        decided = quorum(item, moment)
        if not self.chairs_actions or not decided.met:
            return
        for action in self.chairs_actions:
            taken = action.row.decided_at.astimezone(LONDON)
            action.ratified_at_meeting = held.index
            action.row = action.row._replace(ratified_at=moment, ratified_at_meeting_id=held.row.id)
            text = f"Ratified the chair's action of {taken.day} {taken:%B %Y}: {action.row.text}"
            ratification = self._decision(held, item, "CONSENSUS", text, decided, moment, None)
            held.decisions.append(
                Decided(
                    ratification._replace(
                        delegation_org_id=action.row.delegation_org_id,
                        delegation_id=action.row.delegation_id,
                        delegation_label=action.row.delegation_label,
                        ratifies_id=action.row.id,
                    )
                )
            )
        self.chairs_actions = []

    def _raise_action(self, index: int, meeting: tuple, item: PlannedItem, day: date, moment: datetime) -> None:
        rng = self.rng
        owner = item.presenter_id or self.committee.host.holder(4, day)
        self.actions.append(
            ActionState(
                rows.Action(
                    org_id=meeting.org_id,
                    id=rng.new_id(),
                    committee_id=meeting.committee_id,
                    meeting_id=meeting.id,
                    item_id=item.row.id,
                    description=rng.choice(texts.ACTIONS),
                    owner_id=owner,
                    due_date=day + timedelta(days=rng.choice((28, 35, 42, 56, 70))),
                    status="OPEN",
                    raised_by=self.secretary,
                    raised_at=moment,
                    closed_at=None,
                    closed_at_meeting_id=None,
                ),
                index,
            )
        )

    def _update_actions(self, index: int, meeting_id: uuid.UUID, moment: datetime) -> None:
        """The action log: each open action reported on, many closed."""
        rng = self.rng
        for number, action in enumerate(a for a in self.actions if a.raised_at_meeting < index):
            status, _, _ = action.status_before(index)
            if status == "CLOSED":
                continue
            draw = rng.random()
            if draw < 0.45:
                new, note = "CLOSED", "Complete."
            elif draw < 0.75:
                new, note = "IN_PROGRESS", rng.choice(texts.PROGRESS)
            else:
                continue
            update_at = moment + (number + 1) * 30 * SECONDS
            action.history.append((index, new, update_at, meeting_id))
            self.loader.add(
                rows.ActionUpdate(
                    org_id=action.row.org_id,
                    id=rng.new_id(),
                    action_id=action.row.id,
                    committee_id=action.row.committee_id,
                    meeting_id=meeting_id,
                    status=new,
                    note=note,
                    at=update_at,
                    recorded_by=self.secretary,
                )
            )

    # -- the minutes ---------------------------------------------------------------------------------------

    def _record_as_it_stood(self, earlier: HeldMeeting, now: int) -> MeetingRecord:
        """The meeting's record as the app would gather it at meeting `now`, before that meeting's updates."""
        actions = []
        for action in self.actions:
            if action.raised_at_meeting > earlier.index:
                continue
            status, closing_meeting, closed_at = action.status_before(now)
            if status == "CLOSED" and closing_meeting < earlier.index:
                continue
            actions.append(action.row._replace(status=status, closed_at=closed_at))
        decisions = [
            d.row
            if d.ratified_at_meeting is not None and d.ratified_at_meeting < now
            else d.row._replace(ratified_at=None, ratified_at_meeting_id=None)
            for d in earlier.decisions
        ]
        committee = self.committee
        return MeetingRecord(
            meeting=earlier.row._replace(status="HELD"),
            committee=committee,
            organisation_name=committee.host.name,
            progress=earlier.progress,
            items=earlier.items,
            numbers=app_agenda.numbers(earlier.items),
            members=earlier.members,
            parties=committee.parties,
            attendance=earlier.attendance,
            movements=sorted(earlier.movements, key=lambda m: m.at),
            declarations=earlier.declarations,
            votes=earlier.votes,
            casts=earlier.casts,
            decisions=sorted(decisions, key=lambda d: d.decided_at),
            notes=earlier.notes,
            actions=sorted(actions, key=lambda a: a.raised_at),
            action_updates=[],
            names=self.world.names,
        )

    # -- at the end ----------------------------------------------------------------------------------------

    def emit(self) -> None:
        """Everything recorded, in its final state."""
        add = self.loader.add
        for held in self.held:
            add(held.progress)
            for row in (*held.attendance, *held.movements, *held.declarations, *held.votes, *held.casts):
                add(row)
            for decided in held.decisions:
                add(decided.row)
        for action in self.actions:
            row = action.row
            if action.history:
                _, status, at, meeting_id = action.history[-1]
                closed = status == "CLOSED"
                row = row._replace(
                    status=status, closed_at=at if closed else None, closed_at_meeting_id=meeting_id if closed else None
                )
            add(row)


def as_data(content: object) -> object:
    """What MinutesContent.to_data() gives (dataclasses.asdict), without asdict's deep copies: half the time here."""
    if hasattr(content, "__dataclass_fields__"):
        return {name: as_data(getattr(content, name)) for name in content.__dataclass_fields__}
    if isinstance(content, list | tuple):
        return [as_data(value) for value in content]
    return content


def _day(moment: datetime) -> str:
    local = moment.astimezone(LONDON)
    return f"{local.day} {local:%B %Y}"
