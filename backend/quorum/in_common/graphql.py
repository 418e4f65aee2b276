from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

import strawberry
from sqlmodel import select

from quorum import ids
from quorum.access import Access
from quorum.committees.graphql import CommitteeNode
from quorum.committees.policy import visible_committees
from quorum.committees.tables import Committee
from quorum.conduct.graphql.types import DecisionNode
from quorum.graphql.context import Info
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node
from quorum.in_common import pack, policy, service
from quorum.in_common.tables import Arrangement, InCommonParty, PartyStatus, Session, SessionMeeting
from quorum.meetings.graphql import MeetingNode, PartEnum, PurposeEnum, meetings_by_id
from quorum.meetings.policy import can_run
from quorum.meetings.tables import Part, Purpose
from quorum.packs.graphql import PackBuildNode, PackBuildPayload
from quorum.packs.policy import visible_builds
from quorum.packs.tables import PackBuild

PartyStatusEnum = strawberry.enum(PartyStatus, name="InCommonPartyStatus")


arrangements_by_id = by_id_loader(policy.visible_arrangements, Arrangement.id)
sessions_by_id = by_id_loader(policy.visible_sessions, Session.id)


async def committees_in_common_with(info: Info, committee_id: uuid.UUID) -> list[CommitteeNode]:
    """The committee's Committee.meetsInCommonWith: the others it meets with, as far as the viewer sees them."""
    rows = await info.context.db.all(
        visible_committees(info.context.access).where(
            Committee.id.in_(service.committees_meeting_with(committee_id)), Committee.id != committee_id
        )
    )
    return [CommitteeNode.from_row(r) for r in rows]


@strawberry.type(
    name="InCommonParty", description="An organisation invited into the arrangement, and the committee it sends."
)
class PartyType:
    organisation_id: strawberry.ID
    organisation_name: str
    committee_id: strawberry.ID | None
    committee_name: str | None
    status: PartyStatusEnum
    viewer_may_answer: bool

    @classmethod
    def of(cls, row: InCommonParty, access: Access) -> PartyType:
        return cls(
            organisation_id=ids.encode("Organisation", row.invited_org_id),
            organisation_name=row.organisation_name,
            committee_id=row.committee_id and ids.encode("Committee", row.committee_id),
            committee_name=row.committee_name,
            status=row.status,
            viewer_may_answer=row.status == PartyStatus.INVITED and policy.can_answer(access, row.invited_org_id),
        )


@strawberry.type(name="InCommonArrangement", description="Committees of several organisations meeting in common.")
class ArrangementNode(Node):
    loader: ClassVar = ("in_common_arrangements", arrangements_by_id)
    name: str
    row: strawberry.Private[Arrangement]

    @classmethod
    def from_row(cls, row: Arrangement) -> ArrangementNode:
        return cls(id=ids.encode("InCommonArrangement", row.id), name=row.name, row=row)

    @strawberry.field(description="The convening organisation's officers invite and schedule sessions.")
    def viewer_convenes(self, info: Info) -> bool:
        return policy.can_convene(info.context.access, self.row.org_id)

    @strawberry.field(description="Accepted parties for anyone; invitations too for the convener and the invited.")
    async def parties(self, info: Info) -> list[PartyType]:
        rows = await service.parties_of(info.context.db, self.row.id)
        return [PartyType.of(r, info.context.access) for r in rows]

    @strawberry.field
    async def sessions(self, info: Info) -> list[SessionNode]:
        rows = await info.context.db.all(
            select(Session).where(Session.arrangement_id == self.row.id).order_by(Session.starts_at)
        )
        return [SessionNode.from_row(r) for r in rows]


@strawberry.type(name="InCommonOutcome", description="What one committee did with an item of the session.")
class OutcomeType:
    committee_id: strawberry.ID
    committee_name: str
    organisation_name: str
    agenda_item_id: strawberry.ID | None
    in_words: str
    decisions: list[DecisionNode]


@strawberry.type(
    name="InCommonItem", description="An item of the session's one agenda, common to every committee or to some."
)
class ItemType:
    id: strawberry.ID
    number: int
    title: str
    purpose: PurposeEnum
    part: PartEnum
    common_to_all: bool
    committee_names: list[str]
    outcomes: list[OutcomeType]


@strawberry.type(name="InCommonMeeting", description="A committee's own meeting of the session.")
class SessionMeetingType:
    committee_id: strawberry.ID
    committee_name: str
    organisation_name: str
    meeting_id: strawberry.ID | None
    meeting: MeetingNode | None


@strawberry.type(name="InCommonSession", description="One sitting of committees in common: one date, place and agenda.")
class SessionNode(Node):
    loader: ClassVar = ("in_common_sessions", sessions_by_id)
    title: str
    starts_at: datetime
    location: str
    row: strawberry.Private[Session]

    @classmethod
    def from_row(cls, row: Session) -> SessionNode:
        return cls(
            id=ids.encode("InCommonSession", row.id),
            title=row.title,
            starts_at=row.starts_at,
            location=row.location,
            row=row,
        )

    @strawberry.field
    async def arrangement(self, info: Info) -> ArrangementNode:
        row = await info.context.loader("in_common_arrangements", arrangements_by_id).load(self.row.arrangement_id)
        return ArrangementNode.from_row(row)

    @strawberry.field(
        description="The agenda, each item with every committee's outcome as far as the viewer may see it."
    )
    async def items(self, info: Info) -> list[ItemType]:
        record = await service.session_record(info.context.db, info.context.access, self.row)
        names = {p.committee_id: p.committee_name or "" for p in record.parties}
        return [
            ItemType(
                id=ids.encode("InCommonItem", item.id),
                number=item.position,
                title=item.title,
                purpose=item.purpose,
                part=item.part,
                common_to_all=not item.committee_ids,
                committee_names=(
                    [names.get(c, "") for c in item.committee_ids] if item.committee_ids else list(names.values())
                ),
                outcomes=[
                    OutcomeType(
                        committee_id=ids.encode("Committee", o.committee_id),
                        committee_name=o.committee_name,
                        organisation_name=o.organisation_name,
                        agenda_item_id=o.agenda_item_id and ids.encode("AgendaItem", o.agenda_item_id),
                        in_words=o.in_words,
                        decisions=[DecisionNode.from_row(d) for d in o.decisions],
                    )
                    for o in record.outcomes[item.id]
                ],
            )
            for item in record.items
        ]

    @strawberry.field(description="Each committee taking part, and its own meeting of the session once arranged.")
    async def meetings(self, info: Info) -> list[SessionMeetingType]:
        db = info.context.db
        arrangement_parties = await service.parties_of(db, self.row.arrangement_id)
        links = {
            m.committee_id: m
            for m in await db.all(select(SessionMeeting).where(SessionMeeting.session_id == self.row.id))
        }
        loader = info.context.loader("meetings", meetings_by_id)
        result = []
        for party in arrangement_parties:
            if party.status != PartyStatus.ACCEPTED:
                continue
            link = links.get(party.committee_id)
            meeting = link and await loader.load(link.meeting_id)
            result.append(
                SessionMeetingType(
                    committee_id=ids.encode("Committee", party.committee_id),
                    committee_name=party.committee_name or "",
                    organisation_name=party.organisation_name,
                    meeting_id=link and ids.encode("Meeting", link.meeting_id),
                    meeting=meeting and MeetingNode.from_row(meeting),
                )
            )
        return result

    @strawberry.field(
        description="The session's packs the viewer may read, newest first: the public pack once published, "
        "and each organisation's private pack (Part I and its own Part II) for those who see its "
        "committee's private business."
    )
    async def packs(self, info: Info) -> list[PackBuildNode]:
        rows = await info.context.db.all(
            visible_builds(info.context.access)
            .where(PackBuild.session_id == self.row.id)
            .order_by(PackBuild.created_at.desc())
        )
        return [PackBuildNode.from_row(r) for r in rows]

    @strawberry.field(
        description="Committees whose private pack of the session the viewer may build (their meeting of it arranged)."
    )
    async def viewer_builds_private_pack_for(self, info: Info) -> list[strawberry.ID]:
        db, access = info.context.db, info.context.access
        links = {
            m.committee_id for m in await db.all(select(SessionMeeting).where(SessionMeeting.session_id == self.row.id))
        }
        return [
            ids.encode("Committee", p.committee_id)
            for p in await service.parties_of(db, self.row.arrangement_id)
            if p.status == PartyStatus.ACCEPTED and p.committee_id in links and can_run(access, p.committee_id)
        ]

    @strawberry.field(description="Committees the viewer runs that take part but have no meeting of the session yet.")
    async def viewer_may_take_part_with(self, info: Info) -> list[strawberry.ID]:
        db, access = info.context.db, info.context.access
        links = {
            m.committee_id for m in await db.all(select(SessionMeeting).where(SessionMeeting.session_id == self.row.id))
        }
        return [
            ids.encode("Committee", p.committee_id)
            for p in await service.parties_of(db, self.row.arrangement_id)
            if p.status == PartyStatus.ACCEPTED and p.committee_id not in links and can_run(access, p.committee_id)
        ]


@strawberry.type
class InCommonQueries:
    @strawberry.field(description="Arrangements the viewer's organisations convene, take part in or are invited into.")
    async def in_common_arrangements(self, info: Info) -> list[ArrangementNode]:
        access = info.context.access
        rows = await info.context.db.all(policy.arrangements_involving(access).order_by(Arrangement.name).limit(100))
        return [ArrangementNode.from_row(r) for r in rows]

    @strawberry.field
    async def in_common_session(self, info: Info, id: strawberry.ID) -> SessionNode | None:
        return await load_node(info, SessionNode, ids.expect("InCommonSession", id))


@strawberry.input
class CreateArrangementInput:
    committee_id: strawberry.ID = strawberry.field(
        description="The convening organisation's committee that takes part."
    )
    name: str


@strawberry.input
class InviteInput:
    arrangement_id: strawberry.ID
    ods_code: str


@strawberry.input
class AnswerInvitationInput:
    arrangement_id: strawberry.ID
    organisation_id: strawberry.ID
    accept: bool
    committee_id: strawberry.ID | None = strawberry.field(
        default=None, description="The committee sent, when accepting."
    )


@strawberry.input
class SessionItemInput:
    title: str
    purpose: PurposeEnum
    part: PartEnum
    committee_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="None named: every committee takes it."
    )


@strawberry.input
class ScheduleSessionInput:
    arrangement_id: strawberry.ID
    title: str
    starts_at: datetime
    location: str
    items: list[SessionItemInput]


@strawberry.input
class TakePartInput:
    session_id: strawberry.ID
    committee_id: strawberry.ID


@strawberry.input
class BuildSessionPackInput:
    session_id: strawberry.ID
    part: PartEnum
    committee_id: strawberry.ID | None = strawberry.field(
        default=None, description="For a private pack: the committee whose organisation's pack it is."
    )


ArrangementPayload = payload("ArrangementPayload", arrangement=ArrangementNode)


SessionPayload = payload("SessionPayload", session=SessionNode)


async def _arrangement(info: Info, arrangement_id: uuid.UUID) -> ArrangementNode:
    row = await info.context.db.first(select(Arrangement).where(Arrangement.id == arrangement_id))
    return ArrangementNode.from_row(row)


@strawberry.type
class InCommonMutations:
    @mutation(description="Convene committees in common; the convening committee takes part from the start.")
    async def create_in_common_arrangement(self, info: Info, input: CreateArrangementInput) -> ArrangementPayload:
        ctx = info.context
        row = await service.create_arrangement(
            ctx.db,
            ctx.access,
            committee_id=ids.decode_as("Committee", input.committee_id, "committeeId"),
            name=input.name,
        )
        return ArrangementPayload(arrangement=ArrangementNode.from_row(row))

    @mutation(description="Invite an organisation, by its ODS code; its own officers answer.")
    async def invite_to_in_common(self, info: Info, input: InviteInput) -> ArrangementPayload:
        ctx = info.context
        row = await service.invite(
            ctx.db,
            ctx.access,
            arrangement_id=ids.decode_as("InCommonArrangement", input.arrangement_id, "arrangementId"),
            ods_code=input.ods_code,
        )
        return ArrangementPayload(arrangement=await _arrangement(info, row.arrangement_id))

    @mutation(
        description="The invited organisation's board secretary or administrator accepts, naming a committee,"
        " or declines."
    )
    async def answer_in_common_invitation(self, info: Info, input: AnswerInvitationInput) -> ArrangementPayload:
        ctx = info.context
        row = await service.answer(
            ctx.db,
            ctx.access,
            arrangement_id=ids.decode_as("InCommonArrangement", input.arrangement_id, "arrangementId"),
            organisation_id=ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            committee_id=input.committee_id and ids.decode_as("Committee", input.committee_id, "committeeId"),
            accept=input.accept,
        )
        return ArrangementPayload(arrangement=await _arrangement(info, row.arrangement_id))

    @mutation(description="A session: one date, place and agenda for the committees taking part.")
    async def schedule_in_common_session(self, info: Info, input: ScheduleSessionInput) -> SessionPayload:
        ctx = info.context
        plans = [
            service.ItemPlan(
                i.title,
                Purpose(i.purpose),
                Part(i.part),
                [ids.decode_as("Committee", c, "items") for c in i.committee_ids],
            )
            for i in input.items
        ]
        row = await service.schedule_session(
            ctx.db,
            ctx.access,
            arrangement_id=ids.decode_as("InCommonArrangement", input.arrangement_id, "arrangementId"),
            title=input.title,
            starts_at=input.starts_at,
            location=input.location,
            items=plans,
        )
        return SessionPayload(session=SessionNode.from_row(row))

    @mutation(description="A committee's own meeting of the session, with the items it takes, its agenda published.")
    async def take_part_in_session(self, info: Info, input: TakePartInput) -> SessionPayload:
        ctx = info.context
        link = await service.take_part(
            ctx.db,
            ctx.access,
            session_id=ids.decode_as("InCommonSession", input.session_id, "sessionId"),
            committee_id=ids.decode_as("Committee", input.committee_id, "committeeId"),
        )
        row = await ctx.db.first(select(Session).where(Session.id == link.session_id))
        return SessionPayload(session=SessionNode.from_row(row))

    @mutation(
        description="Build the session's pack in the background: the public pack (the convener), or an "
        "organisation's private pack (Part I and its own Part II business); follow packBuildProgress."
    )
    async def build_session_pack(self, info: Info, input: BuildSessionPackInput) -> PackBuildPayload:
        ctx = info.context
        row = await pack.start_build(
            ctx.db,
            ctx.access,
            ids.decode_as("InCommonSession", input.session_id, "sessionId"),
            Part(input.part),
            input.committee_id and ids.decode_as("Committee", input.committee_id, "committeeId"),
        )
        return PackBuildPayload(build=PackBuildNode.from_row(row))
