from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, ClassVar

import strawberry
from sqlmodel import select
from strawberry.dataloader import DataLoader

from quorum import ids
from quorum.committees.graphql import CommitteeNode
from quorum.graphql.context import Context, Info
from quorum.graphql.errors import UserError
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node
from quorum.graphql.pagination import Connection, paginate
from quorum.meetings import agenda, policy, service
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus, Part, Purpose

if TYPE_CHECKING:
    from quorum.packs.graphql import PackBuildNode
    from quorum.papers.graphql import PaperNode

MeetingStatusEnum = strawberry.enum(MeetingStatus, name="MeetingStatus")
PurposeEnum = strawberry.enum(Purpose, name="Purpose")
PartEnum = strawberry.enum(Part, name="Part")

meetings_by_id = by_id_loader(policy.visible_meetings, Meeting.id)
items_by_id = by_id_loader(policy.visible_items, AgendaItem.id)


def items_by_meeting(ctx: Context) -> DataLoader:
    async def load(meeting_ids: list[uuid.UUID]) -> list[list[AgendaItem]]:
        rows = await ctx.db.all(policy.visible_items(ctx.access).where(AgendaItem.meeting_id.in_(meeting_ids)))
        return [[i for i in rows if i.meeting_id == m] for m in meeting_ids]

    return DataLoader(load_fn=load)


@strawberry.type(name="AgendaItem")
class AgendaItemNode(Node):
    # Loaded through `load`, not load_node: its number depends on the rest of the agenda.
    number: str
    title: str
    presenter: str
    minutes_allotted: int
    purpose: PurposeEnum
    part: PartEnum
    needs_paper: bool
    is_sub_item: bool
    closing: bool = strawberry.field(
        description="A closing item (questions from the public, any other business): new items go before it."
    )
    row: strawberry.Private[AgendaItem]
    start: strawberry.Private[datetime | None] = None

    @classmethod
    def from_row(cls, row: AgendaItem, number: str, start: datetime | None = None) -> AgendaItemNode:
        return cls(
            id=ids.encode("AgendaItem", row.id),
            number=number,
            title=row.title,
            presenter=row.presenter,
            minutes_allotted=row.minutes_allotted,
            purpose=row.purpose,
            part=row.part,
            needs_paper=row.needs_paper,
            is_sub_item=row.parent_id is not None,
            closing=row.closing,
            row=row,
            start=start,
        )

    @classmethod
    async def load(cls, info: Info, row: AgendaItem) -> AgendaItemNode:
        siblings = await info.context.loader("items_by_meeting", items_by_meeting).load(row.meeting_id)
        return cls.from_row(row, agenda.numbers(siblings).get(row.id, ""))

    @strawberry.field(
        description="When the item is due to start: the meeting's start plus the minutes of every item before it."
    )
    async def starts_at(self, info: Info) -> datetime | None:
        if self.start is not None:
            return self.start
        meeting = await load_node(info, MeetingNode, self.row.meeting_id)
        if meeting is None:
            return None
        siblings = await info.context.loader("items_by_meeting", items_by_meeting).load(self.row.meeting_id)
        return agenda.start_times(siblings, meeting.starts_at).get(self.row.id)

    @strawberry.field
    async def paper(self, info: Info) -> Annotated[PaperNode, strawberry.lazy("quorum.papers.graphql")] | None:
        from quorum.papers.graphql import PaperNode, papers_by_item

        row = await info.context.loader("papers_by_item", papers_by_item).load(self.row.id)
        return row and PaperNode.from_row(row)

    @strawberry.field
    async def meeting(self, info: Info) -> MeetingNode | None:
        return await load_node(info, MeetingNode, self.row.meeting_id)


@strawberry.type(name="Meeting")
class MeetingNode(Node):
    loader: ClassVar = ("meetings", meetings_by_id)
    title: str
    starts_at: datetime
    ends_at: datetime | None
    location: str
    status: MeetingStatusEnum
    papers_due: date | None
    notice_sent_at: datetime | None
    cancelled_at: datetime | None
    calendar_url: str
    row: strawberry.Private[Meeting]

    @classmethod
    def from_row(cls, row: Meeting) -> MeetingNode:
        return cls(
            id=ids.encode("Meeting", row.id),
            title=row.title,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            location=row.location,
            status=row.status,
            papers_due=row.papers_due,
            notice_sent_at=row.notice_sent_at,
            cancelled_at=row.cancelled_at,
            calendar_url=f"/meetings/{row.id}/calendar.ics",
            row=row,
        )

    @strawberry.field(description="Members only: empty for anyone who does not follow the committee (the public).")
    def call_link(self, info: Info) -> str:
        return self.row.call_link if policy.sees_call_link(info.context.access, self.row.committee_id) else ""

    @strawberry.field
    async def committee(self, info: Info) -> CommitteeNode | None:
        return await load_node(info, CommitteeNode, self.row.committee_id)

    @strawberry.field(description="The agenda in order (Part I, then Part II where the viewer may see it).")
    async def agenda(self, info: Info) -> list[AgendaItemNode]:
        rows = await info.context.loader("items_by_meeting", items_by_meeting).load(self.row.id)
        numbers, starts = agenda.numbers(rows), agenda.start_times(rows, self.starts_at)
        return [AgendaItemNode.from_row(r, numbers[r.id], starts[r.id]) for r in agenda.in_agenda_order(rows)]

    @strawberry.field(description="Pack builds the viewer may see, newest first.")
    async def packs(self, info: Info) -> list[Annotated[PackBuildNode, strawberry.lazy("quorum.packs.graphql")]]:
        from quorum.packs.graphql import PackBuildNode, builds_by_meeting

        rows = await info.context.loader("builds_by_meeting", builds_by_meeting).load(self.row.id)
        return [PackBuildNode.from_row(r) for r in rows]

    @strawberry.field
    def viewer_can_manage(self, info: Info) -> bool:
        return policy.can_run(info.context.access, self.row.committee_id)


@strawberry.type
class PublicOrganisation:
    id: strawberry.ID
    name: str
    ods_code: str
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(description="Committees with published meetings (and, for its members, every committee).")
    async def committees(self, info: Info) -> list[CommitteeNode]:
        from quorum.committees.policy import visible_committees
        from quorum.committees.tables import Committee

        rows = await info.context.db.all(
            visible_committees(info.context.access).where(Committee.org_id == self.org_id).order_by(Committee.name)
        )
        return [CommitteeNode.from_row(r) for r in rows]


@strawberry.type
class MeetingQueries:
    @strawberry.field(description="An organisation's public face: readable without signing in.")
    async def public_organisation(self, info: Info, ods_code: str) -> PublicOrganisation | None:
        from sqlalchemy import func

        found = func.public_organisation(ods_code).table_valued("id", "ods_code", "name")
        row = await info.context.db.first(select(found.c.id, found.c.ods_code, found.c.name))
        if row is None:
            return None
        return PublicOrganisation(
            id=ids.encode("Organisation", row.id), name=row.name, ods_code=row.ods_code, org_id=row.id
        )

    @strawberry.field(description="A committee's meetings, soonest first; only published ones for the public.")
    async def meetings(
        self, info: Info, committee_id: strawberry.ID, first: int = 50, after: str | None = None
    ) -> Connection[MeetingNode]:
        statement = policy.visible_meetings(info.context.access).where(
            Meeting.committee_id == ids.expect("Committee", committee_id)
        )
        return await paginate(
            info.context.db, statement, [Meeting.starts_at, Meeting.id], first, after, MeetingNode.from_row
        )


@strawberry.input
class CreateMeetingInput:
    committee_id: strawberry.ID
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    location: str = ""
    call_link: str = ""
    papers_due: date | None = None


@strawberry.input
class ChangeMeetingStatusInput:
    id: strawberry.ID
    status: MeetingStatusEnum


@strawberry.input(description="The meeting's new arrangements, whole; members with notice are told of the change.")
class ChangeMeetingArrangementsInput:
    id: strawberry.ID
    starts_at: datetime
    ends_at: datetime | None = None
    location: str = ""
    call_link: str = ""


@strawberry.input
class CancelMeetingInput:
    id: strawberry.ID


@strawberry.input
class AddAgendaItemInput:
    meeting_id: strawberry.ID
    parent_id: strawberry.ID | None = None
    title: str
    presenter: str = ""
    minutes_allotted: int = 10
    purpose: PurposeEnum
    part: PartEnum = Part.PUBLIC
    needs_paper: bool = False
    closing: bool = strawberry.field(
        default=False, description="Add it as a closing item, at the end; other new items go before it."
    )


@strawberry.input
class UpdateAgendaItemInput:
    id: strawberry.ID
    title: str
    presenter: str = ""
    minutes_allotted: int = 10
    purpose: PurposeEnum
    part: PartEnum
    needs_paper: bool = False


@strawberry.input(
    description="Move an item to a position (1 = first) among its new siblings; parentId makes it a sub-item."
)
class MoveAgendaItemInput:
    id: strawberry.ID
    parent_id: strawberry.ID | None = None
    position: int


@strawberry.input
class TemplateItemInput:
    title: str
    purpose: PurposeEnum
    minutes: int
    at_end: bool = False


@strawberry.input
class SetAgendaTemplateInput:
    committee_id: strawberry.ID
    items: list[TemplateItemInput]


MeetingPayload = payload("MeetingPayload", meeting=MeetingNode)
AgendaItemPayload = payload("AgendaItemPayload", item=AgendaItemNode)


@strawberry.type
class AgendaPayload:
    agenda: list[AgendaItemNode] = strawberry.field(default_factory=list)
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AgendaTemplateItem:
    title: str
    purpose: PurposeEnum
    minutes: int
    at_end: bool


@strawberry.type
class AgendaTemplatePayload:
    items: list[AgendaTemplateItem] = strawberry.field(default_factory=list)
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class MeetingMutations:
    @mutation
    async def create_meeting(self, info: Info, input: CreateMeetingInput) -> MeetingPayload:
        ctx = info.context
        row = await service.create_meeting(
            ctx.db,
            ctx.access,
            committee_id=ids.decode_as("Committee", input.committee_id, "committeeId"),
            title=input.title,
            starts_at=input.starts_at,
            ends_at=input.ends_at,
            location=input.location,
            call_link=input.call_link,
            papers_due=input.papers_due,
        )
        return MeetingPayload(meeting=MeetingNode.from_row(row))

    @mutation
    async def change_meeting_status(self, info: Info, input: ChangeMeetingStatusInput) -> MeetingPayload:
        ctx = info.context
        row = await service.change_status(ctx.db, ctx.access, ids.decode_as("Meeting", input.id, "id"), input.status)
        return MeetingPayload(meeting=MeetingNode.from_row(row))

    @mutation
    async def change_meeting_arrangements(self, info: Info, input: ChangeMeetingArrangementsInput) -> MeetingPayload:
        ctx = info.context
        row = await service.change_arrangements(
            ctx.db,
            ctx.access,
            ids.decode_as("Meeting", input.id, "id"),
            starts_at=input.starts_at,
            ends_at=input.ends_at,
            location=input.location,
            call_link=input.call_link,
        )
        return MeetingPayload(meeting=MeetingNode.from_row(row))

    @mutation
    async def cancel_meeting(self, info: Info, input: CancelMeetingInput) -> MeetingPayload:
        ctx = info.context
        row = await service.cancel_meeting(ctx.db, ctx.access, ids.decode_as("Meeting", input.id, "id"))
        return MeetingPayload(meeting=MeetingNode.from_row(row))

    @mutation
    async def add_agenda_item(self, info: Info, input: AddAgendaItemInput) -> AgendaItemPayload:
        ctx = info.context
        row = await service.add_item(
            ctx.db,
            ctx.access,
            meeting_id=ids.decode_as("Meeting", input.meeting_id, "meetingId"),
            parent_id=input.parent_id and ids.decode_as("AgendaItem", input.parent_id, "parentId"),
            title=input.title,
            presenter=input.presenter,
            minutes_allotted=input.minutes_allotted,
            purpose=input.purpose,
            part=input.part,
            needs_paper=input.needs_paper,
            closing=input.closing,
        )
        return AgendaItemPayload(item=await AgendaItemNode.load(info, row))

    @mutation
    async def update_agenda_item(self, info: Info, input: UpdateAgendaItemInput) -> AgendaItemPayload:
        ctx = info.context
        row = await service.update_item(
            ctx.db,
            ctx.access,
            ids.decode_as("AgendaItem", input.id, "id"),
            title=input.title,
            presenter=input.presenter,
            minutes_allotted=input.minutes_allotted,
            purpose=input.purpose,
            part=input.part,
            needs_paper=input.needs_paper,
        )
        return AgendaItemPayload(item=await AgendaItemNode.load(info, row))

    @mutation(description="Reorder the agenda; returns it renumbered.")
    async def move_agenda_item(self, info: Info, input: MoveAgendaItemInput) -> AgendaPayload:
        ctx = info.context
        rows = await service.move_item(
            ctx.db,
            ctx.access,
            ids.decode_as("AgendaItem", input.id, "id"),
            parent_id=input.parent_id and ids.decode_as("AgendaItem", input.parent_id, "parentId"),
            position=input.position,
        )
        numbers = agenda.numbers(rows)
        return AgendaPayload(agenda=[AgendaItemNode.from_row(r, numbers[r.id]) for r in rows])

    @mutation
    async def set_agenda_template(self, info: Info, input: SetAgendaTemplateInput) -> AgendaTemplatePayload:
        ctx = info.context
        committee = await service.set_agenda_template(
            ctx.db,
            ctx.access,
            ids.decode_as("Committee", input.committee_id, "committeeId"),
            [agenda.TemplateItem(i.title, Purpose(i.purpose), i.minutes, i.at_end) for i in input.items],
        )
        return AgendaTemplatePayload(
            items=[
                AgendaTemplateItem(title=t.title, purpose=t.purpose, minutes=t.minutes, at_end=t.at_end)
                for t in agenda.template_of(committee.agenda_template)
            ]
        )
