from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

import strawberry
from sqlmodel import select
from strawberry.dataloader import DataLoader

from quorum import ids
from quorum.files.graphql import StoredFileType, stored_file
from quorum.graphql.context import Context, Info
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node
from quorum.graphql.pagination import Connection, paginate
from quorum.meetings.graphql import AgendaItemNode, MeetingNode, PurposeEnum, items_by_id
from quorum.papers import markdown, policy, service
from quorum.papers.tables import IMPACT_AREAS, Appendix, AppendixKind, Paper, PaperStatus, PaperVersion
from quorum.people.graphql import PersonNode, people_by_id

PaperStatusEnum = strawberry.enum(PaperStatus, name="PaperStatus")
AppendixKindEnum = strawberry.enum(AppendixKind, name="AppendixKind")

papers_by_id = by_id_loader(policy.visible_papers, Paper.id)
versions_by_id = by_id_loader(policy.visible_versions, PaperVersion.id)


def papers_by_item(ctx: Context) -> DataLoader:
    async def load(item_ids: list[uuid.UUID]) -> list[Paper | None]:
        rows = await ctx.db.all(policy.visible_papers(ctx.access).where(Paper.item_id.in_(item_ids)))
        found = {p.item_id: p for p in rows}
        return [found.get(i) for i in item_ids]

    return DataLoader(load_fn=load)


def versions_by_paper(ctx: Context) -> DataLoader:
    async def load(paper_ids: list[uuid.UUID]) -> list[list[PaperVersion]]:
        rows = await ctx.db.all(
            policy.visible_versions(ctx.access)
            .where(PaperVersion.paper_id.in_(paper_ids))
            .order_by(PaperVersion.number)
        )
        return [[v for v in rows if v.paper_id == p] for p in paper_ids]

    return DataLoader(load_fn=load)


def appendices_by_version(ctx: Context) -> DataLoader:
    async def load(version_ids: list[uuid.UUID]) -> list[list[Appendix]]:
        rows = await ctx.db.all(
            select(Appendix).where(Appendix.version_id.in_(version_ids)).order_by(Appendix.position)
        )
        return [[a for a in rows if a.version_id == v] for v in version_ids]

    return DataLoader(load_fn=load)


@strawberry.type
class ImpactAssessment:
    area: str
    applies: bool
    detail: str


@strawberry.type(name="Appendix")
class AppendixType:
    id: strawberry.ID = strawberry.field(description="Names the appendix to replaceAppendix and removeAppendix.")
    title: str
    kind: AppendixKindEnum
    page_count: int | None
    problem: str | None
    row: strawberry.Private[Appendix]

    @strawberry.field
    async def file(self, info: Info) -> StoredFileType | None:
        return await stored_file(info, self.row.file_id)

    @classmethod
    def from_row(cls, row: Appendix) -> AppendixType:
        return cls(
            id=ids.encode("Appendix", row.id),
            title=row.title,
            kind=row.kind,
            page_count=row.page_count,
            problem=row.problem,
            row=row,
        )


@strawberry.type(name="PaperVersion")
class PaperVersionNode(Node):
    loader: ClassVar = ("paper_versions", versions_by_id)
    number: int
    purpose: PurposeEnum
    executive_summary: str
    recommendation: str
    strategic_objectives: str
    assurance_risks: str
    conflicts_noted: str
    public_involvement: str
    body_markdown: str
    created_at: datetime
    approved_at: datetime | None
    published_at: datetime | None
    row: strawberry.Private[PaperVersion]

    @classmethod
    def from_row(cls, row: PaperVersion) -> PaperVersionNode:
        return cls(
            id=ids.encode("PaperVersion", row.id),
            number=row.number,
            purpose=row.purpose,
            executive_summary=row.executive_summary,
            recommendation=row.recommendation,
            strategic_objectives=row.strategic_objectives,
            assurance_risks=row.assurance_risks,
            conflicts_noted=row.conflicts_noted,
            public_involvement=row.public_involvement,
            body_markdown=row.body_markdown,
            created_at=row.created_at,
            approved_at=row.approved_at,
            published_at=row.published_at,
            row=row,
        )

    @strawberry.field(
        description="The cover sheet's required fields left blank, as input field names (executiveSummary, ...);"
        " the paper cannot be submitted until there are none."
    )
    def missing_cover_sheet_fields(self) -> list[str]:
        return [service.camel(name) for name in service.missing_fields(self.row)]

    @strawberry.field(description="The body as sanitised HTML, safe to show (from Markdown, or the Word body).")
    def body_html(self) -> str:
        if self.row.body_file_id is not None:
            return self.row.body_html
        return markdown.to_html(self.row.body_markdown)

    @strawberry.field(
        description="The Word document uploaded as the body, with its conversion for the pack; null for Markdown."
    )
    async def body_document(self, info: Info) -> StoredFileType | None:
        return await stored_file(info, self.row.body_file_id)

    @strawberry.field
    def impacts(self) -> list[ImpactAssessment]:
        return [
            ImpactAssessment(
                area=a,
                applies=bool(self.row.impacts.get(a, {}).get("applies")),
                detail=str(self.row.impacts.get(a, {}).get("detail", "")),
            )
            for a in IMPACT_AREAS
        ]

    @strawberry.field
    async def appendices(self, info: Info) -> list[AppendixType]:
        rows = await info.context.loader("appendices", appendices_by_version).load(self.row.id)
        return [AppendixType.from_row(a) for a in rows]


@strawberry.type(name="Paper")
class PaperNode(Node):
    loader: ClassVar = ("papers", papers_by_id)
    title: str
    status: PaperStatusEnum
    due_date: date
    is_public: bool
    row: strawberry.Private[Paper]

    @classmethod
    def from_row(cls, row: Paper) -> PaperNode:
        return cls(
            id=ids.encode("Paper", row.id),
            title=row.title,
            status=row.status,
            due_date=row.due_date,
            is_public=row.is_public,
            row=row,
        )

    @strawberry.field
    async def author(self, info: Info) -> PersonNode | None:
        row = await info.context.loader("people", people_by_id).load(self.row.author_id)
        return row and PersonNode.from_row(row)

    @strawberry.field
    async def sponsor(self, info: Info) -> PersonNode | None:
        row = await info.context.loader("people", people_by_id).load(self.row.sponsor_id)
        return row and PersonNode.from_row(row)

    @strawberry.field
    async def item(self, info: Info) -> AgendaItemNode | None:
        row = await info.context.loader("agenda_items", items_by_id).load(self.row.item_id)
        return row and await AgendaItemNode.load(info, row)

    @strawberry.field
    async def meeting(self, info: Info) -> MeetingNode | None:
        return await load_node(info, MeetingNode, self.row.meeting_id)

    @strawberry.field(description="The versions the viewer may read, oldest first; published ones stay retrievable.")
    async def versions(self, info: Info) -> list[PaperVersionNode]:
        rows = await info.context.loader("versions_by_paper", versions_by_paper).load(self.row.id)
        return [PaperVersionNode.from_row(v) for v in rows]

    @strawberry.field(description="The newest version the viewer may read.")
    async def current_version(self, info: Info) -> PaperVersionNode | None:
        rows = await info.context.loader("versions_by_paper", versions_by_paper).load(self.row.id)
        return PaperVersionNode.from_row(rows[-1]) if rows else None

    @strawberry.field
    def viewer_can_write(self, info: Info) -> bool:
        return policy.can_write(info.context.access, self.row)

    @strawberry.field
    def viewer_can_approve(self, info: Info) -> bool:
        return policy.can_approve(info.context.access, self.row)


@strawberry.type
class PaperQueries:
    @strawberry.field(description="Papers the viewer writes or sponsors, soonest due first.")
    async def my_papers(self, info: Info, first: int = 50, after: str | None = None) -> Connection[PaperNode]:
        return await paginate(
            info.context.db,
            service.my_papers(info.context.access),
            [Paper.due_date, Paper.id],
            first,
            after,
            PaperNode.from_row,
        )


@strawberry.input
class RequestPaperInput:
    meeting_id: strawberry.ID
    item_id: strawberry.ID
    title: str
    author_id: strawberry.ID
    sponsor_id: strawberry.ID
    due_date: date


@strawberry.input
class ImpactInput:
    area: str
    applies: bool
    detail: str = ""


@strawberry.input
class SavePaperDraftInput:
    id: strawberry.ID
    is_public: bool
    purpose: PurposeEnum
    executive_summary: str = ""
    recommendation: str = ""
    strategic_objectives: str = ""
    assurance_risks: str = ""
    conflicts_noted: str = ""
    impacts: list[ImpactInput] = strawberry.field(default_factory=list)
    public_involvement: str = ""
    body_markdown: str = ""


@strawberry.input
class MovePaperInput:
    id: strawberry.ID
    status: PaperStatusEnum


@strawberry.input(description="A PDF, Word or Excel file in base64.")
class AddAppendixInput:
    paper_id: strawberry.ID
    title: str
    filename: str
    content_base64: str


@strawberry.input(
    description="A new file (PDF, Word or Excel, in base64) for an appendix of a draft, and optionally a new title."
)
class ReplaceAppendixInput:
    id: strawberry.ID
    filename: str
    content_base64: str
    title: str | None = None


@strawberry.input
class RemoveAppendixInput:
    id: strawberry.ID


@strawberry.input(description="A Word document (.docx, in base64) to be the paper's body.")
class UploadPaperBodyInput:
    paper_id: strawberry.ID
    filename: str
    content_base64: str


@strawberry.input
class RemovePaperBodyInput:
    paper_id: strawberry.ID


PaperPayload = payload("PaperPayload", paper=PaperNode)


PaperVersionPayload = payload("PaperVersionPayload", version=PaperVersionNode)


AppendixPayload = payload("AppendixPayload", appendix=AppendixType)


@strawberry.type
class PaperMutations:
    @mutation(description="Ask an author for a paper for an agenda item, by a date.")
    async def request_paper(self, info: Info, input: RequestPaperInput) -> PaperPayload:
        ctx = info.context
        row = await service.request_paper(
            ctx.db,
            ctx.access,
            meeting_id=ids.decode_as("Meeting", input.meeting_id, "meetingId"),
            item_id=ids.decode_as("AgendaItem", input.item_id, "itemId"),
            title=input.title,
            author_id=ids.decode_as("Person", input.author_id, "authorId"),
            sponsor_id=ids.decode_as("Person", input.sponsor_id, "sponsorId"),
            due_date=input.due_date,
        )
        return PaperPayload(paper=PaperNode.from_row(row))

    @mutation(description="Write the cover sheet and body; an approved paper gets a new version instead.")
    async def save_paper_draft(self, info: Info, input: SavePaperDraftInput) -> PaperVersionPayload:
        ctx = info.context
        fields = {
            "purpose": input.purpose.value,
            "executive_summary": input.executive_summary,
            "recommendation": input.recommendation,
            "strategic_objectives": input.strategic_objectives,
            "assurance_risks": input.assurance_risks,
            "conflicts_noted": input.conflicts_noted,
            "impacts": {i.area: {"applies": i.applies, "detail": i.detail.strip()} for i in input.impacts},
            "public_involvement": input.public_involvement,
            "body_markdown": input.body_markdown,
        }
        row = await service.save_draft(
            ctx.db, ctx.access, ids.decode_as("Paper", input.id, "id"), is_public=input.is_public, fields=fields
        )
        return PaperVersionPayload(version=PaperVersionNode.from_row(row))

    @mutation(description="Submit (author), approve or return (sponsor) a paper.")
    async def move_paper(self, info: Info, input: MovePaperInput) -> PaperPayload:
        ctx = info.context
        row = await service.move(ctx.db, ctx.access, ids.decode_as("Paper", input.id, "id"), PaperStatus(input.status))
        return PaperPayload(paper=PaperNode.from_row(row))

    @mutation
    async def add_appendix(self, info: Info, input: AddAppendixInput) -> AppendixPayload:
        ctx = info.context
        row = await service.add_appendix(
            ctx.db,
            ctx.access,
            ids.decode_as("Paper", input.paper_id, "paperId"),
            title=input.title,
            filename=input.filename,
            content_base64=input.content_base64,
        )
        return AppendixPayload(appendix=AppendixType.from_row(row))

    @mutation(description="Put a new file in an appendix's place while its paper is a draft.")
    async def replace_appendix(self, info: Info, input: ReplaceAppendixInput) -> AppendixPayload:
        ctx = info.context
        row = await service.replace_appendix(
            ctx.db,
            ctx.access,
            ids.decode_as("Appendix", input.id, "id"),
            title=input.title,
            filename=input.filename,
            content_base64=input.content_base64,
        )
        return AppendixPayload(appendix=AppendixType.from_row(row))

    @mutation(description="Take an appendix off a draft paper.")
    async def remove_appendix(self, info: Info, input: RemoveAppendixInput) -> PaperPayload:
        ctx = info.context
        row = await service.remove_appendix(ctx.db, ctx.access, ids.decode_as("Appendix", input.id, "id"))
        return PaperPayload(paper=PaperNode.from_row(row))

    @mutation(
        description="Make a Word document the paper's body: shown on screen as HTML, printed in the pack from its PDF"
        " conversion. An approved paper gets a new version instead."
    )
    async def upload_paper_body(self, info: Info, input: UploadPaperBodyInput) -> PaperVersionPayload:
        ctx = info.context
        row = await service.upload_body(
            ctx.db,
            ctx.access,
            ids.decode_as("Paper", input.paper_id, "paperId"),
            filename=input.filename,
            content_base64=input.content_base64,
        )
        return PaperVersionPayload(version=PaperVersionNode.from_row(row))

    @mutation(description="Go back to a Markdown body: the Word document is no longer the paper's body.")
    async def remove_paper_body(self, info: Info, input: RemovePaperBodyInput) -> PaperVersionPayload:
        ctx = info.context
        row = await service.remove_body(ctx.db, ctx.access, ids.decode_as("Paper", input.paper_id, "paperId"))
        return PaperVersionPayload(version=PaperVersionNode.from_row(row))
