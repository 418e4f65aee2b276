from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from datetime import date

import strawberry
from sqlalchemy import func
from sqlmodel import select

from quorum import ids
from quorum.access import Access
from quorum.auth.identity import transaction_for
from quorum.conduct import (
    actions,
    attendance,
    decisions,
    declarations,
    live,
    members,
    minutes,
    policy,
    presiding,
    service,
    voting,
)
from quorum.conduct.graphql.types import (
    ActionNode,
    ActionStatusEnum,
    AttendanceMovement,
    Attendee,
    ChoiceEnum,
    ConflictSuggestion,
    DecisionNode,
    DeclarationNode,
    InterestCategoryEnum,
    ItemConduct,
    LiveMeeting,
    ManagementEnum,
    MeetingEvent,
    MinutesPartEnum,
    MinutesType,
    RouteEnum,
    StageEnum,
    VoteNode,
)
from quorum.conduct.record import MeetingRecord, gather
from quorum.conduct.tables import Action, ActionStatus, Choice, Decision, Management, MinutesPart, Route
from quorum.database import Db
from quorum.errors import ClientError
from quorum.events import hub
from quorum.graphql.context import Info
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import load_node
from quorum.graphql.pagination import Connection, paginate
from quorum.interests.tables import InterestCategory
from quorum.meetings.graphql import AgendaItemNode, MeetingNode
from quorum.meetings.service import get_meeting
from quorum.meetings.tables import Meeting

AttendanceChangeEnum = strawberry.enum(attendance.Change, name="AttendanceChange")


async def live_meeting(db: Db, access: Access, meeting_id: uuid.UUID) -> tuple[live.LiveMeeting, MeetingRecord] | None:
    """The live state as this caller may see it; None if they may not follow the meeting."""
    meeting = await get_meeting(db, access, meeting_id)
    if meeting is None or not policy.can_follow(access, meeting.committee_id):
        return None
    record = await gather(db, access, meeting)
    return live.live_state(record, access), record


@strawberry.type(description="A meeting as it is run: its stage, live state, each item's record, and the action log.")
class MeetingConduct:
    stage: StageEnum
    live: LiveMeeting
    record: strawberry.Private[MeetingRecord]

    @strawberry.field
    def meeting(self) -> MeetingNode:
        return MeetingNode.from_row(self.record.meeting)

    @strawberry.field(description="Every member, and everyone else who came.")
    def attendance(self) -> list[Attendee]:
        return [Attendee.of(e) for e in self.record.roll()]

    @strawberry.field(description="Arrivals and departures in the order they happened, with the item then being taken.")
    def movements(self) -> list[AttendanceMovement]:
        return AttendanceMovement.all_of(self.record)

    @strawberry.field(
        description="The agenda in order, each item with its quorum, declarations, votes, decisions and actions."
    )
    def items(self) -> list[ItemConduct]:
        return [ItemConduct(record=self.record, item_id=i.id) for i in self.record.items]

    @strawberry.field(
        description="The action log as it stood at this meeting: carried-forward actions and those raised at it."
    )
    def action_log(self) -> list[ActionNode]:
        return [ActionNode.from_row(a) for a in self.record.actions]

    @strawberry.field(
        description="Likely conflicts from the register, for the secretary to confirm (empty for others)."
    )
    async def conflict_suggestions(self, info: Info) -> list[ConflictSuggestion]:
        access = info.context.access
        if not policy.can_conduct(access, self.record.committee.id):
            return []
        found = await declarations.suggestions(info.context.db, access, self.record)
        return [ConflictSuggestion(reason=s.reason, suggested_management=s.management, suggestion=s) for s in found]

    @strawberry.field
    def viewer_can_conduct(self, info: Info) -> bool:
        return policy.can_conduct(info.context.access, self.record.committee.id)

    @strawberry.field(
        description="The viewer chairs the committee (chair or vice chair): they take items, run votes and record"
        " outcomes."
    )
    def viewer_chairs(self, info: Info) -> bool:
        return policy.can_chair(info.context.access, self.record.committee.id)

    @strawberry.field(
        description="The viewer holds a seat on the committee on the meeting's day: they send apologies, check in"
        " and declare."
    )
    def viewer_is_member(self, info: Info) -> bool:
        return self.record.member(info.context.access.person_id) is not None if info.context.access.person_id else False


async def _minutes(info: Info, meeting: Meeting, part: MinutesPart) -> MinutesType | None:
    found = await minutes.minutes_of(info.context.db, info.context.access, meeting, part)
    if found is None:
        return None
    content, approved = found
    return MinutesType.of(meeting.id, part, content, approved and approved.approved_at)


@strawberry.type
class ConductQueries:
    @strawberry.field(description="A meeting as it is run, for those who can see its committee.")
    async def meeting_conduct(self, info: Info, meeting_id: strawberry.ID) -> MeetingConduct | None:
        found = await live_meeting(info.context.db, info.context.access, ids.expect("Meeting", meeting_id))
        if found is None:
            return None
        state, record = found
        return MeetingConduct(stage=state.stage, live=LiveMeeting.of(state), record=record)

    @strawberry.field(
        description="Approved minutes (the public version for anyone), or the draft for the committee's members."
    )
    async def minutes(
        self, info: Info, meeting_id: strawberry.ID, part: MinutesPartEnum = MinutesPart.PUBLIC
    ) -> MinutesType | None:
        meeting = await get_meeting(info.context.db, info.context.access, ids.expect("Meeting", meeting_id))
        return meeting and await _minutes(info, meeting, MinutesPart(part))

    @strawberry.field(
        description="The decisions register of an organisation (by ID, or by ODS code without signing in) or of a"
        " committee, in the order taken."
    )
    async def decisions(
        self,
        info: Info,
        organisation_id: strawberry.ID | None = None,
        ods_code: str | None = None,
        committee_id: strawberry.ID | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[DecisionNode]:
        org_id = organisation_id and ids.expect("Organisation", organisation_id)
        if ods_code is not None:
            found = func.public_organisation(ods_code).table_valued("id")
            org_id = await info.context.db.scalar(select(found.c.id)) or uuid.UUID(int=0)
        statement = decisions.register(
            info.context.access, org_id=org_id, committee_id=committee_id and ids.expect("Committee", committee_id)
        )
        return await paginate(
            info.context.db, statement, [Decision.decided_at, Decision.id], first, after, DecisionNode.from_row
        )

    @strawberry.field(description="A committee's action log: open actions, or all of them with includeClosed.")
    async def action_log(
        self,
        info: Info,
        committee_id: strawberry.ID,
        include_closed: bool = False,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[ActionNode]:
        statement = actions.log(info.context.access, ids.expect("Committee", committee_id), include_closed)
        return await paginate(
            info.context.db, statement, [Action.due_date, Action.id], first, after, ActionNode.from_row
        )


@strawberry.input
class MeetingInput:
    meeting_id: strawberry.ID


@strawberry.input
class TakeItemInput:
    meeting_id: strawberry.ID
    item_id: strawberry.ID


@strawberry.input(description="Name a person, or a guest who has no record in Quorum.")
class RecordAttendanceInput:
    meeting_id: strawberry.ID
    person_id: strawberry.ID | None = None
    guest_name: str | None = None
    capacity: str = ""
    change: AttendanceChangeEnum


@strawberry.input
class SetItemConcernsInput:
    item_id: strawberry.ID
    organisation_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    practice_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.input(
    description="From the register (interestId), or as declared at the meeting (category and description)."
)
class RecordDeclarationInput:
    meeting_id: strawberry.ID
    item_id: strawberry.ID
    person_id: strawberry.ID
    interest_id: strawberry.ID | None = None
    category: InterestCategoryEnum | None = None
    description: str = ""
    management: ManagementEnum


@strawberry.input(
    description="A member's own declaration on an item, before or during the meeting; the chair decides how it is"
    " managed."
)
class DeclareInterestInItemInput:
    meeting_id: strawberry.ID
    item_id: strawberry.ID
    interest_id: strawberry.ID | None = None
    category: InterestCategoryEnum | None = None
    description: str = ""


@strawberry.input
class ManageDeclarationInput:
    id: strawberry.ID
    management: ManagementEnum


@strawberry.input
class WithdrawDeclarationInput:
    id: strawberry.ID


@strawberry.input
class OpenVoteInput:
    item_id: strawberry.ID
    motion: str
    secret: bool = False
    delegation_id: strawberry.ID | None = strawberry.field(
        default=None, description="For a joint committee deciding under a delegation it holds."
    )


@strawberry.input(
    description="A member casts their own vote; the secretary may record a named vote for a member (personId)."
)
class CastVoteInput:
    vote_id: strawberry.ID
    choice: ChoiceEnum
    person_id: strawberry.ID | None = None


@strawberry.input
class CloseVoteInput:
    vote_id: strawberry.ID
    casting_vote: ChoiceEnum | None = strawberry.field(
        default=None, description="The chair's, when the votes are tied."
    )


@strawberry.input
class RecordDecisionInput:
    item_id: strawberry.ID
    route: RouteEnum
    text: str = ""
    delegation_id: strawberry.ID | None = None
    referred_to_committee_id: strawberry.ID | None = strawberry.field(
        default=None, description="For a referral: the committee the item is referred to."
    )


@strawberry.input
class RescindDecisionInput:
    decision_id: strawberry.ID
    reason: str


@strawberry.input
class ChoosePresidingMemberInput:
    item_id: strawberry.ID
    person_id: strawberry.ID


@strawberry.input
class RatifyChairsActionInput:
    decision_id: strawberry.ID
    item_id: strawberry.ID = strawberry.field(description="The item of the later meeting under which it is ratified.")


@strawberry.input
class AddActionInput:
    meeting_id: strawberry.ID
    item_id: strawberry.ID | None = None
    description: str
    owner_id: strawberry.ID
    due_date: date


@strawberry.input
class UpdateActionInput:
    id: strawberry.ID
    status: ActionStatusEnum
    note: str = ""
    meeting_id: strawberry.ID | None = strawberry.field(default=None, description="The meeting it is reported to.")
    owner_id: strawberry.ID | None = strawberry.field(default=None, description="Give the action to this person.")


@strawberry.input
class SaveMinuteNotesInput:
    item_id: strawberry.ID
    notes: str


@strawberry.input
class ApproveMinutesInput:
    meeting_id: strawberry.ID
    item_id: strawberry.ID = strawberry.field(description="The item of the later meeting at which they are approved.")


LiveMeetingPayload = payload("LiveMeetingPayload", live=LiveMeeting)
ItemConcernsPayload = payload("ItemConcernsPayload", item=AgendaItemNode)
DeclarationPayload = payload("DeclarationPayload", declaration=DeclarationNode)
VotePayload = payload("VotePayload", vote=VoteNode)
CloseVotePayload = payload("CloseVotePayload", vote=VoteNode, decision=DecisionNode)
DecisionPayload = payload("DecisionPayload", decision=DecisionNode)
ActionPayload = payload("ActionPayload", action=ActionNode)
MinuteNotesPayload = payload("MinuteNotesPayload", notes=str)
MinutesPayload = payload("MinutesPayload", minutes=MinutesType)


async def _live_payload(info: Info, meeting_id: uuid.UUID) -> LiveMeetingPayload:
    found = await live_meeting(info.context.db, info.context.access, meeting_id)
    return LiveMeetingPayload(live=found and LiveMeeting.of(found[0]))


async def _own_attendance(info: Info, input: MeetingInput, change: attendance.Change) -> LiveMeetingPayload:
    ctx = info.context
    meeting_id = ids.decode_as("Meeting", input.meeting_id, "meetingId")
    row = await members.own_attendance(ctx.db, ctx.access, meeting_id, change)
    return await _live_payload(info, row.meeting_id)


@strawberry.type
class ConductMutations:
    @mutation(description="Open the meeting (from an hour before it starts): arrivals, items and votes follow.")
    async def open_meeting(self, info: Info, input: MeetingInput) -> LiveMeetingPayload:
        ctx = info.context
        row = await service.open_meeting(ctx.db, ctx.access, ids.decode_as("Meeting", input.meeting_id, "meetingId"))
        return await _live_payload(info, row.meeting_id)

    @mutation(description="Close the meeting; it is then held, and its minutes can be drafted and approved.")
    async def close_meeting(self, info: Info, input: MeetingInput) -> LiveMeetingPayload:
        ctx = info.context
        row = await service.close_meeting(ctx.db, ctx.access, ids.decode_as("Meeting", input.meeting_id, "meetingId"))
        return await _live_payload(info, row.meeting_id)

    @mutation(description="Move the meeting on to an item.")
    async def take_item(self, info: Info, input: TakeItemInput) -> LiveMeetingPayload:
        ctx = info.context
        row = await service.take_item(
            ctx.db,
            ctx.access,
            ids.decode_as("Meeting", input.meeting_id, "meetingId"),
            ids.decode_as("AgendaItem", input.item_id, "itemId"),
        )
        return await _live_payload(info, row.meeting_id)

    @mutation(description="Apologies before or during the meeting; arrivals and departures while it is open.")
    async def record_attendance(self, info: Info, input: RecordAttendanceInput) -> LiveMeetingPayload:
        ctx = info.context
        row = await attendance.record_attendance(
            ctx.db,
            ctx.access,
            meeting_id=ids.decode_as("Meeting", input.meeting_id, "meetingId"),
            person_id=input.person_id and ids.decode_as("Person", input.person_id, "personId"),
            guest_name=input.guest_name,
            capacity=input.capacity,
            change=attendance.Change(input.change),
        )
        return await _live_payload(info, row.meeting_id)

    @mutation(description="A member sends their own apologies, before the meeting or during it.")
    async def send_apologies(self, info: Info, input: MeetingInput) -> LiveMeetingPayload:
        return await _own_attendance(info, input, attendance.Change.APOLOGIES)

    @mutation(description="A member checks in to the open meeting (arrives), from their own screen.")
    async def check_in(self, info: Info, input: MeetingInput) -> LiveMeetingPayload:
        return await _own_attendance(info, input, attendance.Change.ARRIVED)

    @mutation(description="A member records that they have left the room.")
    async def check_out(self, info: Info, input: MeetingInput) -> LiveMeetingPayload:
        return await _own_attendance(info, input, attendance.Change.LEFT)

    @mutation(description="A member declares their own interest in an item, before or during the meeting.")
    async def declare_interest_in_item(self, info: Info, input: DeclareInterestInItemInput) -> DeclarationPayload:
        ctx = info.context
        row = await members.declare_own_interest(
            ctx.db,
            ctx.access,
            meeting_id=ids.decode_as("Meeting", input.meeting_id, "meetingId"),
            item_id=ids.decode_as("AgendaItem", input.item_id, "itemId"),
            interest_id=input.interest_id and ids.decode_as("Interest", input.interest_id, "interestId"),
            category=input.category and InterestCategory(input.category),
            description=input.description,
        )
        return DeclarationPayload(declaration=DeclarationNode.from_row(row))

    @mutation(description="The organisations and practices an item concerns, checked against the register.")
    async def set_item_concerns(self, info: Info, input: SetItemConcernsInput) -> ItemConcernsPayload:
        ctx = info.context
        row = await declarations.set_concerns(
            ctx.db,
            ctx.access,
            ids.decode_as("AgendaItem", input.item_id, "itemId"),
            [ids.decode_as("Organisation", o, "organisationIds") for o in input.organisation_ids],
            [ids.decode_as("Practice", p, "practiceIds") for p in input.practice_ids],
        )
        return ItemConcernsPayload(item=await AgendaItemNode.load(info, row))

    @mutation
    async def record_declaration(self, info: Info, input: RecordDeclarationInput) -> DeclarationPayload:
        ctx = info.context
        row = await declarations.record_declaration(
            ctx.db,
            ctx.access,
            meeting_id=ids.decode_as("Meeting", input.meeting_id, "meetingId"),
            item_id=ids.decode_as("AgendaItem", input.item_id, "itemId"),
            person_id=ids.decode_as("Person", input.person_id, "personId"),
            interest_id=input.interest_id and ids.decode_as("Interest", input.interest_id, "interestId"),
            category=input.category and InterestCategory(input.category),
            description=input.description,
            management=Management(input.management),
        )
        return DeclarationPayload(declaration=DeclarationNode.from_row(row))

    @mutation(description="Change how the chair manages a declared conflict.")
    async def manage_declaration(self, info: Info, input: ManageDeclarationInput) -> DeclarationPayload:
        ctx = info.context
        row = await declarations.manage_declaration(
            ctx.db, ctx.access, ids.decode_as("Declaration", input.id, "id"), Management(input.management)
        )
        return DeclarationPayload(declaration=DeclarationNode.from_row(row))

    @mutation(description="Remove a declaration recorded in error (the audit log keeps it).")
    async def withdraw_declaration(self, info: Info, input: WithdrawDeclarationInput) -> DeclarationPayload:
        ctx = info.context
        row = await declarations.withdraw_declaration(ctx.db, ctx.access, ids.decode_as("Declaration", input.id, "id"))
        return DeclarationPayload(declaration=DeclarationNode.from_row(row))

    @mutation(description="Put a motion to the vote; those eligible are fixed now. Refused when the item is inquorate.")
    async def open_vote(self, info: Info, input: OpenVoteInput) -> VotePayload:
        ctx = info.context
        row = await voting.open_vote(
            ctx.db,
            ctx.access,
            item_id=ids.decode_as("AgendaItem", input.item_id, "itemId"),
            motion=input.motion,
            secret=input.secret,
            delegation_id=input.delegation_id and ids.decode_as("Delegation", input.delegation_id, "delegationId"),
        )
        return VotePayload(vote=VoteNode.from_row(row))

    @mutation
    async def cast_vote(self, info: Info, input: CastVoteInput) -> VotePayload:
        ctx = info.context
        cast = await voting.cast_vote(
            ctx.db,
            ctx.access,
            vote_id=ids.decode_as("Vote", input.vote_id, "voteId"),
            choice=Choice(input.choice),
            person_id=input.person_id and ids.decode_as("Person", input.person_id, "personId"),
        )
        return VotePayload(vote=await load_node(info, VoteNode, cast.vote_id))

    @mutation(
        description=(
            "Count the votes: a simple majority of those voting; on a tie, the casting vote of whoever chairs the item."
        )
    )
    async def close_vote(self, info: Info, input: CloseVoteInput) -> CloseVotePayload:
        ctx = info.context
        vote, decision = await voting.close_vote(
            ctx.db,
            ctx.access,
            vote_id=ids.decode_as("Vote", input.vote_id, "voteId"),
            casting_vote=input.casting_vote and Choice(input.casting_vote),
        )
        return CloseVotePayload(vote=VoteNode.from_row(vote), decision=DecisionNode.from_row(decision))

    @mutation(description="A decision by consensus; or, for an inquorate item, a deferral or a chair's action.")
    async def record_decision(self, info: Info, input: RecordDecisionInput) -> DecisionPayload:
        ctx = info.context
        row = await decisions.record_decision(
            ctx.db,
            ctx.access,
            item_id=ids.decode_as("AgendaItem", input.item_id, "itemId"),
            route=Route(input.route),
            text=input.text,
            delegation_id=input.delegation_id and ids.decode_as("Delegation", input.delegation_id, "delegationId"),
            referred_to_committee_id=input.referred_to_committee_id
            and ids.decode_as("Committee", input.referred_to_committee_id, "referredToCommitteeId"),
        )
        return DecisionPayload(decision=DecisionNode.from_row(row))

    @mutation(
        description=(
            "Rescind an item's outcome, saying why, so that another may be recorded; it stays in the record, marked."
        )
    )
    async def rescind_decision(self, info: Info, input: RescindDecisionInput) -> DecisionPayload:
        ctx = info.context
        row = await decisions.rescind_decision(
            ctx.db,
            ctx.access,
            decision_id=ids.decode_as("Decision", input.decision_id, "decisionId"),
            reason=input.reason,
        )
        return DecisionPayload(decision=DecisionNode.from_row(row))

    @mutation(
        description=(
            "When neither the chair nor the vice chair can take an item, the member the members present chose "
            "to preside."
        )
    )
    async def choose_presiding_member(self, info: Info, input: ChoosePresidingMemberInput) -> LiveMeetingPayload:
        ctx = info.context
        row = await presiding.choose_presiding_member(
            ctx.db,
            ctx.access,
            item_id=ids.decode_as("AgendaItem", input.item_id, "itemId"),
            person_id=ids.decode_as("Person", input.person_id, "personId"),
        )
        return await _live_payload(info, row.meeting_id)

    @mutation(
        description=(
            "Ratify a chair's action at a later quorate meeting; conflicts declared on its item carry to the item it is"
            " ratified under."
        )
    )
    async def ratify_chairs_action(self, info: Info, input: RatifyChairsActionInput) -> DecisionPayload:
        ctx = info.context
        row = await decisions.ratify_chairs_action(
            ctx.db,
            ctx.access,
            decision_id=ids.decode_as("Decision", input.decision_id, "decisionId"),
            item_id=ids.decode_as("AgendaItem", input.item_id, "itemId"),
        )
        return DecisionPayload(decision=DecisionNode.from_row(row))

    @mutation
    async def add_action(self, info: Info, input: AddActionInput) -> ActionPayload:
        ctx = info.context
        row = await actions.add_action(
            ctx.db,
            ctx.access,
            meeting_id=ids.decode_as("Meeting", input.meeting_id, "meetingId"),
            item_id=input.item_id and ids.decode_as("AgendaItem", input.item_id, "itemId"),
            description=input.description,
            owner_id=ids.decode_as("Person", input.owner_id, "ownerId"),
            due_date=input.due_date,
        )
        return ActionPayload(action=ActionNode.from_row(row))

    @mutation
    async def update_action(self, info: Info, input: UpdateActionInput) -> ActionPayload:
        ctx = info.context
        row = await actions.update_action(
            ctx.db,
            ctx.access,
            action_id=ids.decode_as("Action", input.id, "id"),
            status=ActionStatus(input.status),
            note=input.note,
            meeting_id=input.meeting_id and ids.decode_as("Meeting", input.meeting_id, "meetingId"),
            owner_id=input.owner_id and ids.decode_as("Person", input.owner_id, "ownerId"),
        )
        return ActionPayload(action=ActionNode.from_row(row))

    @mutation(description="The secretary's notes of an item, for the minutes.")
    async def save_minute_notes(self, info: Info, input: SaveMinuteNotesInput) -> MinuteNotesPayload:
        ctx = info.context
        item_id = ids.decode_as("AgendaItem", input.item_id, "itemId")
        row = await minutes.save_notes(ctx.db, ctx.access, item_id, input.notes)
        return MinuteNotesPayload(notes=row.notes)

    @mutation(
        description=(
            "Approve a meeting's minutes at an item of a later meeting: they are frozen and the public version "
            "published."
        )
    )
    async def approve_minutes(self, info: Info, input: ApproveMinutesInput) -> MinutesPayload:
        ctx = info.context
        meeting_id = ids.decode_as("Meeting", input.meeting_id, "meetingId")
        await minutes.approve(
            ctx.db, ctx.access, meeting_id=meeting_id, item_id=ids.decode_as("AgendaItem", input.item_id, "itemId")
        )
        meeting = await ctx.db.first(select(Meeting).where(Meeting.id == meeting_id))
        return MinutesPayload(minutes=await _minutes(info, meeting, MinutesPart.PUBLIC))


@strawberry.type
class ConductSubscriptions:
    @strawberry.subscription(
        description="The live meeting: its state now, then again after every change, from any app worker."
    )
    async def meeting_events(self, info: Info, meeting_id: strawberry.ID) -> AsyncGenerator[MeetingEvent, None]:
        key = ids.expect("Meeting", meeting_id)
        identity = info.context.identity
        # Listen first, so nothing is missed; after a lost database, a snapshot of the state as it is then.
        async with hub.subscription(live.topic(key), resync={"kind": live.EventKind.SNAPSHOT.value}) as queue:
            async with transaction_for(identity) as (db, access):
                found = await live_meeting(db, access, key)
            if found is None:
                raise ClientError("No such meeting.")
            yield MeetingEvent(
                kind=live.EventKind.SNAPSHOT, item_id=None, vote_id=None, live=LiveMeeting.of(found[0]), by_viewer=False
            )
            while True:
                event = await queue.get()
                async with transaction_for(identity) as (db, access):
                    found = await live_meeting(db, access, key)
                if found is None:  # their access has ended
                    return
                state, record = found
                item_id = event.get("item_id") and uuid.UUID(event["item_id"])
                vote_id = event.get("vote_id") and uuid.UUID(event["vote_id"])
                yield MeetingEvent(
                    kind=live.EventKind(event["kind"]),
                    item_id=ids.encode("AgendaItem", item_id) if record.item(item_id) else None,
                    vote_id=ids.encode("Vote", vote_id) if any(v.id == vote_id for v in record.votes) else None,
                    live=LiveMeeting.of(state),
                    by_viewer=access.person_id is not None and event.get("actor") == str(access.person_id),
                )
