from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

import strawberry
from sqlmodel import col
from strawberry.dataloader import DataLoader

from quorum import clock, ids
from quorum.concerns import agenda, policy, report, service
from quorum.concerns.tables import (
    Concern,
    ConcernAgendaItem,
    ConcernCategory,
    ConcernEvidence,
    ConcernSource,
    ConcernStepChange,
    LadderStep,
    ProviderType,
    StepDirection,
)
from quorum.conduct.graphql.types import DecisionNode
from quorum.conduct.policy import visible_decisions
from quorum.conduct.tables import Decision
from quorum.graphql.context import Context, Info
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node
from quorum.graphql.pagination import Connection, paginate
from quorum.meetings.graphql import MeetingNode, PartEnum
from quorum.meetings.policy import visible_items
from quorum.meetings.tables import AgendaItem, Part
from quorum.organisations.graphql import OrganisationNode, PracticeNode, optional_id
from quorum.papers.graphql import PaperNode
from quorum.papers.tables import Paper
from quorum.people.graphql import PersonNode

ProviderTypeEnum = strawberry.enum(ProviderType, name="ProviderType")
ConcernSourceEnum = strawberry.enum(ConcernSource, name="ConcernSource")
ConcernCategoryEnum = strawberry.enum(ConcernCategory, name="ConcernCategory")
StepDirectionEnum = strawberry.enum(StepDirection, name="ConcernStepDirection")
concerns_by_id = by_id_loader(policy.visible_concerns, Concern.id)


def ladders_by_org(ctx: Context) -> DataLoader[uuid.UUID, list[LadderStep]]:
    """Each organisation's ladder, lowest step first: one query for every concern a page shows."""

    async def load(org_ids: list[uuid.UUID]) -> list[list[LadderStep]]:
        statement = policy.visible_ladder_steps(ctx.access).where(col(LadderStep.org_id).in_(org_ids))
        rows = await ctx.db.all(statement.order_by(col(LadderStep.position)))
        return [[r for r in rows if r.org_id == org_id] for org_id in org_ids]

    return DataLoader(load_fn=load)


async def _ladder(info: Info, org_id: uuid.UUID) -> list[LadderStep]:
    return await info.context.loader("concern_ladders", ladders_by_org).load(org_id)


@strawberry.type(name="ConcernLadderStep", description="A step of a CCG's escalation ladder; position 1 is lowest.")
class LadderStepType:
    id: strawberry.ID
    position: int
    name: str
    description: str

    @classmethod
    def from_row(cls, row: LadderStep) -> LadderStepType:
        return cls(
            id=strawberry.ID(ids.encode("ConcernLadderStep", row.id)),
            position=row.position,
            name=row.name,
            description=row.description,
        )


@strawberry.type(name="ConcernStepChange", description="A move on the ladder: who decided, why, and what next.")
class StepChangeType:
    direction: StepDirectionEnum
    reason: str
    next_steps: str
    decided_at: datetime
    row: strawberry.Private[ConcernStepChange]
    steps: strawberry.Private[dict]

    @strawberry.field
    def from_step(self) -> LadderStepType | None:
        step = self.steps.get(self.row.from_step_id)
        return step and LadderStepType.from_row(step)

    @strawberry.field
    def to_step(self) -> LadderStepType | None:
        step = self.steps.get(self.row.to_step_id)
        return step and LadderStepType.from_row(step)

    @strawberry.field
    async def decided_by(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.decided_by)


@strawberry.type(name="ConcernEvidence")
class EvidenceType:
    id: strawberry.ID
    description: str
    added_at: datetime
    row: strawberry.Private[ConcernEvidence]

    @classmethod
    def from_row(cls, row: ConcernEvidence) -> EvidenceType:
        return cls(
            id=strawberry.ID(ids.encode("ConcernEvidence", row.id)),
            description=row.description,
            added_at=row.added_at,  # type: ignore[arg-type]
            row=row,
        )

    @strawberry.field(description="Where the file is fetched: /files/{id}.")
    def download_url(self) -> str:
        return f"/files/{self.row.file_id}"


@strawberry.type(name="ConcernOnAgenda", description="Where a concern went on an agenda, and what was decided.")
class OnAgendaType:
    row: strawberry.Private[ConcernAgendaItem]

    @strawberry.field(description="The agenda item's ID (null when the caller may not see the meeting).")
    async def item_id(self, info: Info) -> strawberry.ID | None:
        item = await _item(info, self.row)
        return item and strawberry.ID(ids.encode("AgendaItem", item.id))

    @strawberry.field
    async def item_title(self, info: Info) -> str | None:
        item = await _item(info, self.row)
        return item and item.title

    @strawberry.field
    async def meeting(self, info: Info) -> MeetingNode | None:
        item = await _item(info, self.row)
        return item and await load_node(info, MeetingNode, item.meeting_id)

    @strawberry.field
    async def paper(self, info: Info) -> PaperNode | None:
        return await load_node(info, PaperNode, self.row.paper_id)

    @strawberry.field(description="The decisions taken on the item, as the caller may see them.")
    async def decisions(self, info: Info) -> list[DecisionNode]:
        ctx = info.context
        rows = await ctx.db.all(visible_decisions(ctx.access).where(Decision.item_id == self.row.item_id))
        return [DecisionNode.from_row(row) for row in rows]


async def _item(info: Info, link: ConcernAgendaItem) -> AgendaItem | None:
    return await info.context.db.first(visible_items(info.context.access).where(AgendaItem.id == link.item_id))


@strawberry.type(name="Concern")
class ConcernNode(Node):
    loader: ClassVar = ("concerns", concerns_by_id)
    title: str
    summary: str
    source: ConcernSourceEnum
    category: ConcernCategoryEnum
    provider_name: str | None
    provider_type: ProviderTypeEnum | None
    review_date: date
    escalated_to_nhs_england: bool
    logged_at: datetime
    closed_at: datetime | None
    row: strawberry.Private[Concern]

    @classmethod
    def from_row(cls, row: Concern) -> ConcernNode:
        return cls(
            id=strawberry.ID(ids.encode("Concern", row.id)),
            title=row.title,
            summary=row.summary,
            source=row.source,
            category=row.category,
            provider_name=row.provider_name,
            provider_type=row.provider_type,
            review_date=row.review_date,
            escalated_to_nhs_england=row.escalated_to_nhs_england,
            logged_at=row.logged_at,  # type: ignore[arg-type]
            closed_at=row.closed_at,
            row=row,
        )

    @strawberry.field
    def review_overdue(self) -> bool:
        return self.row.closed_at is None and self.row.review_date < clock.today()

    @strawberry.field(description="The CCG whose register holds the concern.")
    async def organisation(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)

    @strawberry.field(description="The member practice the concern is about (null for a provider).")
    async def practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.row.practice_id)

    @strawberry.field
    async def owner(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.owner_id)

    @strawberry.field(description="The CCG's ladder, lowest step first.")
    async def ladder(self, info: Info) -> list[LadderStepType]:
        return [LadderStepType.from_row(s) for s in await _ladder(info, self.row.org_id)]

    @strawberry.field
    async def current_step(self, info: Info) -> LadderStepType | None:
        steps = await _ladder(info, self.row.org_id)
        return next((LadderStepType.from_row(s) for s in steps if s.id == self.row.current_step_id), None)

    @strawberry.field(description="Every move on the ladder, oldest first, from its logging.")
    async def history(self, info: Info) -> list[StepChangeType]:
        ctx = info.context
        steps = {s.id: s for s in await _ladder(info, self.row.org_id)}
        return [
            StepChangeType(
                direction=c.direction,
                reason=c.reason,
                next_steps=c.next_steps,
                decided_at=c.decided_at,  # type: ignore[arg-type]
                row=c,
                steps=steps,
            )
            for c in await service.history(ctx.db, ctx.access, self.row)
        ]

    @strawberry.field
    async def evidence(self, info: Info) -> list[EvidenceType]:
        ctx = info.context
        return [EvidenceType.from_row(e) for e in await service.evidence(ctx.db, ctx.access, self.row)]

    @strawberry.field(description="The agendas the concern was put on, with the decisions taken there.")
    async def agenda_items(self, info: Info) -> list[OnAgendaType]:
        ctx = info.context
        return [OnAgendaType(row=link) for link in await agenda.agenda_links(ctx.db, ctx.access, self.row)]

    @strawberry.field
    def viewer_can_change(self, info: Info) -> bool:
        return self.row.closed_at is None and policy.can_change(info.context.access, self.row)


@strawberry.type
class ConcernQueries:
    @strawberry.field(description="Concerns the viewer may see, newest first; optionally one CCG's, open ones only.")
    async def concerns(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        organisation_id: strawberry.ID | None = None,
        step_id: strawberry.ID | None = None,
        category: ConcernCategoryEnum | None = None,
        open_only: bool = False,
    ) -> Connection[ConcernNode]:
        statement = policy.visible_concerns(info.context.access)
        if (org_id := optional_id("Organisation", organisation_id)) is not None:
            statement = statement.where(Concern.org_id == org_id)
        if (step := optional_id("ConcernLadderStep", step_id)) is not None:
            statement = statement.where(Concern.current_step_id == step)
        if category is not None:
            statement = statement.where(Concern.category == category)
        if open_only:
            statement = statement.where(col(Concern.closed_at).is_(None))
        return await paginate(info.context.db, statement, [Concern.id], first, after, ConcernNode.from_row)

    @strawberry.field(description="An organisation's escalation ladder (the default one until its first concern).")
    async def concern_ladder(self, info: Info, organisation_id: strawberry.ID) -> list[LadderStepType]:
        ctx = info.context
        org_id = ids.expect("Organisation", organisation_id)
        steps = await service.ladder(ctx.db, ctx.access, org_id)
        if steps:
            return [LadderStepType.from_row(s) for s in steps]
        return [
            LadderStepType(id=strawberry.ID(""), position=i, name=name, description=description)
            for i, (name, description) in enumerate(service.DEFAULT_LADDER, start=1)
        ]


@strawberry.input
class LogConcernInput:
    organisation_id: strawberry.ID
    source: ConcernSourceEnum
    category: ConcernCategoryEnum
    title: str
    summary: str
    owner_id: strawberry.ID
    review_date: date
    next_steps: str
    practice_id: strawberry.ID | None = None
    provider_name: str | None = None
    provider_type: ProviderTypeEnum | None = None


@strawberry.input
class MoveConcernInput:
    id: strawberry.ID
    step_id: strawberry.ID
    reason: str
    next_steps: str


@strawberry.input
class UpdateConcernInput:
    id: strawberry.ID
    owner_id: strawberry.ID
    review_date: date
    escalated_to_nhs_england: bool


@strawberry.input
class CloseConcernInput:
    id: strawberry.ID


@strawberry.input
class AddConcernEvidenceInput:
    concern_id: strawberry.ID
    filename: str
    content_base64: str
    description: str = ""


@strawberry.input
class PutConcernOnAgendaInput:
    concern_id: strawberry.ID
    meeting_id: strawberry.ID
    part: PartEnum = Part.PRIVATE


@strawberry.input
class GenerateQualityReportInput:
    meeting_id: strawberry.ID
    month: date = strawberry.field(description="Any day of the month reported on.")
    part: PartEnum = Part.PRIVATE


@strawberry.type(name="QualityReport", description="The register's month, as the report's paper states it.")
class QualityReportType:
    month: date
    figures: strawberry.Private[report.QualityFigures]
    paper_row: strawberry.Private[Paper]

    @strawberry.field
    def logged(self) -> list[ConcernNode]:
        return [ConcernNode.from_row(c) for c in self.figures.logged]

    @strawberry.field
    def escalated(self) -> list[ConcernNode]:
        return [ConcernNode.from_row(c) for c in self.figures.escalated]

    @strawberry.field
    def de_escalated(self) -> list[ConcernNode]:
        return [ConcernNode.from_row(c) for c in self.figures.de_escalated]

    @strawberry.field
    def overdue(self) -> list[ConcernNode]:
        return [ConcernNode.from_row(c) for c in self.figures.overdue]

    @strawberry.field
    def open_at_end(self) -> int:
        return self.figures.open_at_end

    @strawberry.field
    def paper(self) -> PaperNode:
        return PaperNode.from_row(self.paper_row)


QualityReportPayload = payload("QualityReportPayload", report=QualityReportType)
ConcernPayload = payload("ConcernPayload", concern=ConcernNode)
ConcernEvidencePayload = payload("ConcernEvidencePayload", evidence=EvidenceType)


@strawberry.type
class ConcernMutations:
    @mutation(description="Log a concern about a member practice or a provider; it starts on the ladder's lowest step.")
    async def log_concern(self, info: Info, input: LogConcernInput) -> ConcernPayload:
        ctx = info.context
        practice_id = input.practice_id and ids.decode_as("Practice", input.practice_id, "practiceId")
        row = await service.log_concern(
            ctx.db,
            ctx.access,
            ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            subject=service.Subject(practice_id or None, input.provider_name, input.provider_type),
            source=input.source,
            category=input.category,
            title=input.title,
            summary=input.summary,
            owner_id=ids.decode_as("Person", input.owner_id, "ownerId"),
            review_date=input.review_date,
            next_steps=input.next_steps,
        )
        return ConcernPayload(concern=ConcernNode.from_row(row))

    @mutation(description="Move a concern up its CCG's ladder, saying why and what happens next.")
    async def escalate_concern(self, info: Info, input: MoveConcernInput) -> ConcernPayload:
        return await _move(info, input, StepDirection.UP)

    @mutation(description="Move a concern down its CCG's ladder, saying why and what happens next.")
    async def de_escalate_concern(self, info: Info, input: MoveConcernInput) -> ConcernPayload:
        return await _move(info, input, StepDirection.DOWN)

    @mutation(description="Change a concern's owner or review date, or say it is escalated to NHS England.")
    async def update_concern(self, info: Info, input: UpdateConcernInput) -> ConcernPayload:
        ctx = info.context
        row = await service.update_concern(
            ctx.db,
            ctx.access,
            ids.decode_as("Concern", input.id, "id"),
            owner_id=ids.decode_as("Person", input.owner_id, "ownerId"),
            review_date=input.review_date,
            escalated_to_nhs_england=input.escalated_to_nhs_england,
        )
        return ConcernPayload(concern=ConcernNode.from_row(row))

    @mutation
    async def close_concern(self, info: Info, input: CloseConcernInput) -> ConcernPayload:
        ctx = info.context
        row = await service.close_concern(ctx.db, ctx.access, ids.decode_as("Concern", input.id, "id"))
        return ConcernPayload(concern=ConcernNode.from_row(row))

    @mutation(
        description="Add an item for the concern to a meeting's agenda, its paper the concern's summary with a cover "
        "sheet, submitted to the concern's owner to approve; Part II unless said otherwise."
    )
    async def put_concern_on_agenda(self, info: Info, input: PutConcernOnAgendaInput) -> ConcernPayload:
        ctx = info.context
        concern_id = ids.decode_as("Concern", input.concern_id, "concernId")
        await agenda.put_on_agenda(
            ctx.db, ctx.access, concern_id, ids.decode_as("Meeting", input.meeting_id, "meetingId"), input.part
        )
        return ConcernPayload(concern=ConcernNode.from_row(await service.get_concern(ctx.db, ctx.access, concern_id)))

    @mutation(
        description="Put the month's quality report (new, escalated, de-escalated, overdue reviews) on a governing "
        "body's agenda as a paper with its cover sheet, submitted for the caller to approve."
    )
    async def generate_quality_report(self, info: Info, input: GenerateQualityReportInput) -> QualityReportPayload:
        ctx = info.context
        figures, paper = await report.generate_quality_report(
            ctx.db, ctx.access, ids.decode_as("Meeting", input.meeting_id, "meetingId"), input.month, input.part
        )
        return QualityReportPayload(report=QualityReportType(month=figures.month, figures=figures, paper_row=paper))

    @mutation(description="Attach a file of evidence (PDF, Word or Excel, checked as every upload is).")
    async def add_concern_evidence(self, info: Info, input: AddConcernEvidenceInput) -> ConcernEvidencePayload:
        ctx = info.context
        row = await service.add_evidence(
            ctx.db,
            ctx.access,
            ids.decode_as("Concern", input.concern_id, "concernId"),
            description=input.description,
            filename=input.filename,
            content_base64=input.content_base64,
        )
        return ConcernEvidencePayload(evidence=EvidenceType.from_row(row))


async def _move(info: Info, input: MoveConcernInput, direction: StepDirection) -> ConcernPayload:
    ctx = info.context
    row = await service.move_concern(
        ctx.db,
        ctx.access,
        ids.decode_as("Concern", input.id, "id"),
        direction=direction,
        step_id=ids.decode_as("ConcernLadderStep", input.step_id, "stepId"),
        reason=input.reason,
        next_steps=input.next_steps,
    )
    return ConcernPayload(concern=ConcernNode.from_row(row))
