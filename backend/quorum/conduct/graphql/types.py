"""GraphQL types of a meeting's record. The live types are plain data, built in one go, so a subscription
(which has no request transaction) can send them as they are."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, ClassVar

import strawberry
from strawberry.dataloader import DataLoader

from quorum import ids
from quorum.committees.graphql import CommitteeNode, SeatRoleEnum, committees_by_id
from quorum.conduct import live, policy
from quorum.conduct.conflicts import Suggestion, management_warning
from quorum.conduct.minutes import MinutesContent, MinutesDecision, MinutesItem
from quorum.conduct.quorum_state import ItemQuorum
from quorum.conduct.record import MeetingRecord, RollEntry, Standing
from quorum.conduct.stages import Stage
from quorum.conduct.tables import (
    EXCLUDED_FROM_DECISION,
    Action,
    ActionStatus,
    ActionUpdate,
    Choice,
    Decision,
    Declaration,
    Management,
    MinutesPart,
    Movement,
    Outcome,
    Route,
    Vote,
    VoteCast,
)
from quorum.conduct.votes import Count, in_words
from quorum.graphql.context import Context, Info
from quorum.graphql.node import Node, by_id_loader, load_node, load_nodes
from quorum.interests.graphql import InterestCategoryEnum, InterestNode, interests_by_id
from quorum.interests.tables import InterestCategory
from quorum.meetings.graphql import AgendaItemNode, MeetingNode, PartEnum, items_by_id
from quorum.meetings.tables import Purpose
from quorum.organisations.graphql import OrganisationNode, PracticeNode
from quorum.people.graphql import PersonNode

if TYPE_CHECKING:
    from quorum.delegations.graphql import DelegationNode

ManagementEnum = strawberry.enum(Management, name="ConflictManagement")
ChoiceEnum = strawberry.enum(Choice, name="VoteChoice")
OutcomeEnum = strawberry.enum(Outcome, name="VoteOutcome")
RouteEnum = strawberry.enum(Route, name="DecisionRoute")
ActionStatusEnum = strawberry.enum(ActionStatus, name="ActionStatus")
StageEnum = strawberry.enum(Stage, name="MeetingStage")
StandingEnum = strawberry.enum(Standing, name="AttendanceStanding")
EventKindEnum = strawberry.enum(live.EventKind, name="MeetingEventKind")
MinutesPartEnum = strawberry.enum(MinutesPart, name="MinutesPart")

declarations_by_id = by_id_loader(policy.visible_declarations, Declaration.id)
votes_by_id = by_id_loader(policy.visible_votes, Vote.id)
decisions_by_id = by_id_loader(policy.visible_decisions, Decision.id)
actions_by_id = by_id_loader(policy.visible_actions, Action.id)


def _many(statement, key, order):
    def make(ctx: Context) -> DataLoader:
        async def load(keys: list[uuid.UUID]) -> list[list]:
            rows = await ctx.db.all(statement(ctx.access).where(key.in_(keys)).order_by(*order))
            return [[r for r in rows if getattr(r, key.key) == k] for k in keys]

        return DataLoader(load_fn=load)

    return make


casts_by_vote = _many(policy.visible_casts, VoteCast.vote_id, [VoteCast.person_id])
updates_by_action = _many(policy.visible_action_updates, ActionUpdate.action_id, [ActionUpdate.at])


async def _item(info: Info, item_id: uuid.UUID | None) -> AgendaItemNode | None:
    if item_id is None:
        return None
    row = await info.context.loader("agenda_items", items_by_id).load(item_id)
    return row and await AgendaItemNode.load(info, row)


@strawberry.type(name="Declaration", description="A declaration of interest against an agenda item.")
class DeclarationNode(Node):
    loader: ClassVar = ("declarations", declarations_by_id)
    category: InterestCategoryEnum
    description: str
    management: ManagementEnum
    recorded_at: datetime
    row: strawberry.Private[Declaration]

    @classmethod
    def from_row(cls, row: Declaration) -> DeclarationNode:
        return cls(
            id=ids.encode("Declaration", row.id),
            category=row.category,
            description=row.description,
            management=row.management,
            recorded_at=row.recorded_at,
            row=row,
        )

    @strawberry.field
    def takes_part_in_decision(self) -> bool:
        return Management(self.row.management) not in EXCLUDED_FROM_DECISION

    @strawberry.field(
        description="Why this management may not be enough, e.g. a financial interest declared only on an item for"
        " decision."
    )
    async def warning(self, info: Info) -> str | None:
        item = await info.context.loader("agenda_items", items_by_id).load(self.row.item_id)
        return item and management_warning(
            InterestCategory(self.row.category), Management(self.row.management), Purpose(item.purpose)
        )

    @strawberry.field
    async def person(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.person_id)

    @strawberry.field
    async def item(self, info: Info) -> AgendaItemNode | None:
        return await _item(info, self.row.item_id)

    @strawberry.field(description="The register entry declared, when it was declared from the register.")
    async def interest(self, info: Info) -> InterestNode | None:
        if self.row.interest_id is None:
            return None
        row = await info.context.loader("interests", interests_by_id).load(self.row.interest_id)
        return row and InterestNode.from_row(row)


@strawberry.type
class NamedVote:
    choice: ChoiceEnum
    person_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def person(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.person_id)


@strawberry.type(name="Vote", description="A motion put to the vote on an item.")
class VoteNode(Node):
    loader: ClassVar = ("votes", votes_by_id)
    motion: str
    secret: bool
    is_open: bool
    opened_at: datetime
    closed_at: datetime | None
    eligible_count: int
    for_count: int | None
    against_count: int | None
    abstain_count: int | None
    casting_vote: ChoiceEnum | None
    outcome: OutcomeEnum | None
    row: strawberry.Private[Vote]

    @classmethod
    def from_row(cls, row: Vote) -> VoteNode:
        return cls(
            id=ids.encode("Vote", row.id),
            motion=row.motion,
            secret=row.secret,
            is_open=row.is_open,
            opened_at=row.opened_at,
            closed_at=row.closed_at,
            eligible_count=len(row.eligible_person_ids),
            for_count=row.for_count,
            against_count=row.against_count,
            abstain_count=row.abstain_count,
            casting_vote=row.casting_vote,
            outcome=row.outcome,
            row=row,
        )

    async def _casts(self, info: Info) -> list[VoteCast]:
        return await info.context.loader("casts_by_vote", casts_by_vote).load(self.row.id)

    @strawberry.field(description="How many have voted so far.")
    async def cast_count(self, info: Info) -> int:
        return len(await self._casts(info))

    @strawberry.field(description="Who voted which way; empty for a secret vote.")
    async def named_votes(self, info: Info) -> list[NamedVote]:
        return [
            NamedVote(choice=c.choice, person_id=c.person_id) for c in await self._casts(info) if c.choice is not None
        ]

    @strawberry.field
    async def viewer_has_voted(self, info: Info) -> bool:
        return any(c.person_id == info.context.access.person_id for c in await self._casts(info))

    @strawberry.field
    async def viewer_may_vote(self, info: Info) -> bool:
        access = info.context.access
        if not policy.can_vote(access, self.row, voted=()):  # spares reading the casts of a vote they may not cast
            return False
        return policy.can_vote(access, self.row, [c.person_id for c in await self._casts(info)])

    @strawberry.field
    async def result(self, info: Info) -> str | None:
        if self.row.is_open:
            return None
        chair = await load_node(info, PersonNode, self.row.chaired_by)
        return in_words(
            Count(self.row.for_count, self.row.against_count, self.row.abstain_count),
            Outcome(self.row.outcome),
            self.row.casting_vote and Choice(self.row.casting_vote),
            chair and chair.name,
        )

    @strawberry.field(description="Who chairs the item, and so holds the casting vote.")
    async def chaired_by(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.chaired_by)

    @strawberry.field
    async def item(self, info: Info) -> AgendaItemNode | None:
        return await _item(info, self.row.item_id)


@strawberry.type
class QuorumSummary:
    met: bool
    unmet: list[str]
    present_voting: int
    taking_part: int
    chair_note: str

    @classmethod
    def of(cls, quorum: ItemQuorum) -> QuorumSummary:
        return cls(
            met=quorum.met,
            unmet=list(quorum.unmet),
            present_voting=quorum.present_voting,
            taking_part=len(quorum.counted),
            chair_note=quorum.chair_note,
        )


@strawberry.type(name="Decision", description="An entry in the decisions register (or a deferral, minuted).")
class DecisionNode(Node):
    loader: ClassVar = ("decisions", decisions_by_id)
    route: RouteEnum
    text: str
    decided_at: datetime
    ratified_at: datetime | None
    delegation_label: str | None
    referred_to: str | None = strawberry.field(
        description="For a referral: the committee, as named when it was referred."
    )
    rescinded_at: datetime | None = strawberry.field(
        description="Set when this outcome was rescinded; it no longer stands."
    )
    rescission_reason: str | None
    row: strawberry.Private[Decision]

    @classmethod
    def from_row(cls, row: Decision) -> DecisionNode:
        return cls(
            id=ids.encode("Decision", row.id),
            route=row.route,
            text=row.text,
            decided_at=row.decided_at,
            ratified_at=row.ratified_at,
            delegation_label=row.delegation_label,
            referred_to=row.referred_to,
            rescinded_at=row.rescinded_at,
            rescission_reason=row.rescission_reason,
            row=row,
        )

    @strawberry.field(
        description="False for a ratification or an approval of minutes reported under the item: those are not the"
        " item's own outcome."
    )
    def is_item_outcome(self) -> bool:
        return self.row.ratifies_id is None and self.row.minutes_of_meeting_id is None

    @strawberry.field
    async def rescinded_by(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.rescinded_by)

    @strawberry.field(description="For a ratification: the chair's action it ratified.")
    async def ratifies(self, info: Info) -> DecisionNode | None:
        return await load_node(info, DecisionNode, self.row.ratifies_id)

    @strawberry.field(description="The item's quorum when it was decided.")
    def quorum(self) -> QuorumSummary:
        return QuorumSummary.of(ItemQuorum.from_data(self.row.quorum))

    @strawberry.field
    async def vote(self, info: Info) -> VoteNode | None:
        return await load_node(info, VoteNode, self.row.vote_id)

    @strawberry.field
    async def item(self, info: Info) -> AgendaItemNode | None:
        return await _item(info, self.row.item_id)

    @strawberry.field
    async def meeting(self, info: Info) -> MeetingNode | None:
        return await load_node(info, MeetingNode, self.row.meeting_id)

    @strawberry.field
    async def committee(self, info: Info) -> CommitteeNode | None:
        row = await info.context.loader("committees", committees_by_id).load(self.row.committee_id)
        return row and CommitteeNode.from_row(row)

    @strawberry.field
    async def chaired_by(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.chaired_by)

    @strawberry.field(description="The delegation decided under, for those who may see the delegation.")
    async def delegation(
        self, info: Info
    ) -> Annotated[DelegationNode, strawberry.lazy("quorum.delegations.graphql")] | None:
        from quorum.delegations.graphql import DelegationNode, delegations_by_id

        if self.row.delegation_id is None:
            return None
        row = await info.context.loader("delegations", delegations_by_id).load(self.row.delegation_id)
        return row and DelegationNode.from_row(row)

    @strawberry.field
    async def ratified_at_meeting(self, info: Info) -> MeetingNode | None:
        return await load_node(info, MeetingNode, self.row.ratified_at_meeting_id)


@strawberry.type
class ActionProgress:
    status: ActionStatusEnum
    note: str
    at: datetime
    meeting_id: strawberry.Private[uuid.UUID | None]

    @strawberry.field(description="The meeting it was reported to, if any.")
    async def meeting(self, info: Info) -> MeetingNode | None:
        return await load_node(info, MeetingNode, self.meeting_id)


@strawberry.type(name="Action", description="An action on a committee's action log.")
class ActionNode(Node):
    loader: ClassVar = ("actions", actions_by_id)
    description: str
    due_date: date
    status: ActionStatusEnum
    raised_at: datetime
    closed_at: datetime | None
    row: strawberry.Private[Action]

    @classmethod
    def from_row(cls, row: Action) -> ActionNode:
        return cls(
            id=ids.encode("Action", row.id),
            description=row.description,
            due_date=row.due_date,
            status=row.status,
            raised_at=row.raised_at,
            closed_at=row.closed_at,
            row=row,
        )

    @strawberry.field
    async def owner(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.owner_id)

    @strawberry.field(description="The meeting that raised it.")
    async def meeting(self, info: Info) -> MeetingNode | None:
        return await load_node(info, MeetingNode, self.row.meeting_id)

    @strawberry.field
    async def item(self, info: Info) -> AgendaItemNode | None:
        return await _item(info, self.row.item_id)

    @strawberry.field
    async def progress(self, info: Info) -> list[ActionProgress]:
        rows = await info.context.loader("updates_by_action", updates_by_action).load(self.row.id)
        return [ActionProgress(status=u.status, note=u.note, at=u.at, meeting_id=u.meeting_id) for u in rows]


@strawberry.type
class Attendee:
    person_id: strawberry.ID | None
    name: str
    capacity: str
    role: SeatRoleEnum | None
    voting: bool
    standing: StandingEnum
    in_room: bool

    @classmethod
    def of(cls, entry: RollEntry) -> Attendee:
        return cls(
            person_id=entry.person_id and ids.encode("Person", entry.person_id),
            name=entry.name,
            capacity=entry.capacity,
            role=entry.role,
            voting=entry.voting,
            standing=entry.standing,
            in_room=entry.in_room,
        )


MovementEnum = strawberry.enum(Movement, name="AttendanceMovementKind")


@strawberry.type(description="An arrival or a departure during the meeting.")
class AttendanceMovement:
    name: str
    movement: MovementEnum
    at: datetime
    item_number: str | None

    @classmethod
    def all_of(cls, record: MeetingRecord) -> list[AttendanceMovement]:
        attendees = {a.id: a for a in record.attendance}
        return [
            cls(
                name=attendees[m.attendance_id].guest_name or record.name(attendees[m.attendance_id].person_id),
                movement=m.movement,
                at=m.at,
                item_number=m.item_id and record.numbers.get(m.item_id),
            )
            for m in record.movements
            if m.attendance_id in attendees
        ]


@strawberry.type(name="ItemQuorum", description="An item's quorum now: who is counted, who is excluded, who chairs.")
class ItemQuorumType:
    met: bool
    unmet: list[str]
    present_voting: int
    may_vote: list[str]
    excluded: list[str]
    chaired_by: str | None
    chair_note: str
    expected: bool = strawberry.field(
        description=(
            "True before the meeting opens: the quorum expected from the members' seats less those who sent apologies."
        )
    )

    @classmethod
    def of(cls, quorum: live.LiveQuorum) -> ItemQuorumType:
        return cls(
            met=quorum.met,
            unmet=list(quorum.unmet),
            present_voting=quorum.present_voting,
            may_vote=list(quorum.may_vote),
            excluded=list(quorum.excluded),
            chaired_by=quorum.chaired_by,
            chair_note=quorum.chair_note,
            expected=quorum.expected,
        )


@strawberry.type
class LiveItem:
    item_id: strawberry.ID
    number: str
    title: str
    part: PartEnum


@strawberry.type
class LiveDeclaration:
    person_id: strawberry.ID
    name: str
    description: str
    management: ManagementEnum


@strawberry.type
class LiveVote:
    vote_id: strawberry.ID
    item_id: strawberry.ID
    motion: str
    secret: bool
    is_open: bool
    eligible: int
    cast: int
    viewer_may_vote: bool
    viewer_has_voted: bool
    outcome: OutcomeEnum | None
    for_count: int | None
    against_count: int | None
    abstain_count: int | None
    result: str | None


@strawberry.type(
    description="What the live meeting page shows: attendance, the current item, its quorum and declarations, the vote."
)
class LiveMeeting:
    meeting_id: strawberry.ID
    stage: StageEnum
    opened_at: datetime | None
    closed_at: datetime | None
    current_item: LiveItem | None
    quorum: ItemQuorumType | None
    declarations: list[LiveDeclaration]
    attendance: list[Attendee]
    vote: LiveVote | None

    @classmethod
    def of(cls, state: live.LiveMeeting) -> LiveMeeting:
        item, vote = state.current_item, state.vote
        return cls(
            meeting_id=ids.encode("Meeting", state.meeting_id),
            stage=state.stage,
            opened_at=state.opened_at,
            closed_at=state.closed_at,
            current_item=item
            and LiveItem(
                item_id=ids.encode("AgendaItem", item.item_id), number=item.number, title=item.title, part=item.part
            ),
            quorum=state.quorum and ItemQuorumType.of(state.quorum),
            declarations=[
                LiveDeclaration(
                    person_id=ids.encode("Person", d.person_id),
                    name=d.name,
                    description=d.description,
                    management=d.management,
                )
                for d in state.declarations
            ],
            attendance=[Attendee.of(e) for e in state.attendance],
            vote=vote
            and LiveVote(
                vote_id=ids.encode("Vote", vote.vote_id),
                item_id=ids.encode("AgendaItem", vote.item_id),
                motion=vote.motion,
                secret=vote.secret,
                is_open=vote.is_open,
                eligible=vote.eligible,
                cast=vote.cast,
                viewer_may_vote=vote.viewer_may_vote,
                viewer_has_voted=vote.viewer_has_voted,
                outcome=vote.outcome,
                for_count=vote.for_count,
                against_count=vote.against_count,
                abstain_count=vote.abstain_count,
                result=vote.result,
            ),
        )


@strawberry.type
class MeetingEvent:
    kind: EventKindEnum
    item_id: strawberry.ID | None
    vote_id: strawberry.ID | None
    live: LiveMeeting
    by_viewer: bool = strawberry.field(default=False, description="Whether the viewer made this change.")


@strawberry.type
class ConflictSuggestion:
    reason: str
    suggested_management: ManagementEnum
    suggestion: strawberry.Private[Suggestion]

    @strawberry.field
    async def item(self, info: Info) -> AgendaItemNode | None:
        return await _item(info, self.suggestion.item_id)

    @strawberry.field
    async def person(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.suggestion.person_id)

    @strawberry.field
    def interest(self) -> InterestNode:
        return InterestNode.from_row(self.suggestion.interest)


@strawberry.type(description="An item of the meeting with everything recorded against it.")
class ItemConduct:
    record: strawberry.Private[MeetingRecord]
    item_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def item(self, info: Info) -> AgendaItemNode:
        row = self.record.item(self.item_id)
        return AgendaItemNode.from_row(row, self.record.numbers[row.id])

    @strawberry.field(description="The item's quorum now, from who is in the room and what they declared.")
    def quorum(self) -> ItemQuorumType:
        return ItemQuorumType.of(live.live_quorum(self.record, self.record.quorum(self.item_id)))

    @strawberry.field
    def declarations(self) -> list[DeclarationNode]:
        return [DeclarationNode.from_row(d) for d in self.record.declarations if d.item_id == self.item_id]

    @strawberry.field
    def votes(self) -> list[VoteNode]:
        return [VoteNode.from_row(v) for v in self.record.votes if v.item_id == self.item_id]

    @strawberry.field
    def decisions(self) -> list[DecisionNode]:
        return [DecisionNode.from_row(d) for d in self.record.decisions if d.item_id == self.item_id]

    @strawberry.field
    def actions(self) -> list[ActionNode]:
        return [ActionNode.from_row(a) for a in self.record.actions if a.item_id == self.item_id]

    @strawberry.field(description="The secretary's notes for the minutes (null for those who may not see drafts).")
    def notes(self, info: Info) -> str | None:
        if not policy.can_see_drafts(info.context.access, self.record.committee.id):
            return None
        return self.record.notes.get(self.item_id, "")

    @strawberry.field(description="The organisations the item concerns, for conflict suggestions.")
    async def concerns_organisations(self, info: Info) -> list[OrganisationNode]:
        return await load_nodes(info, OrganisationNode, self.record.item(self.item_id).concerns_org_ids)

    @strawberry.field(description="The practices the item concerns, for conflict suggestions.")
    async def concerns_practices(self, info: Info) -> list[PracticeNode]:
        return await load_nodes(info, PracticeNode, self.record.item(self.item_id).concerns_practice_ids)


@strawberry.type
class MinutesVote:
    motion: str
    secret: bool
    for_count: int
    against_count: int
    abstain_count: int
    named: list[str]
    result: str


@strawberry.type(name="MinutesDecision")
class MinutesDecisionType:
    route: str
    text: str
    outcome: str
    chaired_by: str
    quorum: str
    delegation: str | None
    vote: MinutesVote | None
    rescinded: str = strawberry.field(description="When and why the outcome was rescinded; empty while it stands.")

    @classmethod
    def of(cls, d: MinutesDecision) -> MinutesDecisionType:
        v = d.vote
        return cls(
            route=d.route,
            text=d.text,
            outcome=d.outcome,
            chaired_by=d.chaired_by,
            quorum=d.quorum,
            delegation=d.delegation,
            rescinded=d.rescinded,
            vote=v
            and MinutesVote(
                motion=v.motion,
                secret=v.secret,
                for_count=v.for_count,
                against_count=v.against_count,
                abstain_count=v.abstain_count,
                named=list(v.named),
                result=v.result,
            ),
        )


@strawberry.type(name="MinutesItem")
class MinutesItemType:
    number: str
    title: str
    part: PartEnum
    chair_note: str
    declarations: list[str]
    movements: list[str]
    notes: str
    decisions: list[MinutesDecisionType]
    actions: list[str]

    @classmethod
    def of(cls, i: MinutesItem) -> MinutesItemType:
        return cls(
            number=i.number,
            title=i.title,
            part=i.part,
            chair_note=i.chair_note,
            declarations=list(i.declarations),
            movements=list(i.movements),
            notes=i.notes,
            decisions=[MinutesDecisionType.of(d) for d in i.decisions],
            actions=list(i.actions),
        )


@strawberry.type(
    name="Minutes", description="Minutes: approved and frozen, or a draft from what has been recorded so far."
)
class MinutesType:
    part: MinutesPartEnum
    status: str
    approval: str
    approved_at: datetime | None
    organisation: str
    committee: str
    meeting_title: str
    when: str
    place: str
    present: list[str]
    in_attendance: list[str]
    apologies: list[str]
    absent: list[str]
    arrivals: list[str]
    items: list[MinutesItemType]
    action_log: list[str]
    pdf_url: str

    @classmethod
    def of(
        cls, meeting_id: uuid.UUID, part: MinutesPart, content: MinutesContent, approved_at: datetime | None
    ) -> MinutesType:
        return cls(
            part=part,
            status=content.status,
            approval=content.approval,
            approved_at=approved_at,
            organisation=content.organisation,
            committee=content.committee,
            meeting_title=content.meeting_title,
            when=content.when,
            place=content.place,
            present=list(content.present),
            in_attendance=list(content.in_attendance),
            apologies=list(content.apologies),
            absent=list(content.absent),
            arrivals=list(content.arrivals),
            items=[MinutesItemType.of(i) for i in content.items],
            action_log=list(content.action_log),
            pdf_url=f"/meetings/{meeting_id}/minutes.pdf?part={part.value}",
        )
