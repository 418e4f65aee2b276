"""The dashboard in GraphQL: an indicator's public summary for everyone, a practice's own view for the practice,
and the named figures for those who may see practices named. The forms are decided in `service`."""

from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import ClassVar

import strawberry

from quorum import ids
from quorum.errors import input_error
from quorum.graphql.context import Info
from quorum.graphql.errors import UserError
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node
from quorum.indicators import importer, pack, policy, service
from quorum.indicators.tables import Indicator, PeriodKind
from quorum.organisations.graphql import OrganisationNode, RowError
from quorum.papers.graphql import PaperNode
from quorum.papers.tables import Paper

PeriodKindEnum = strawberry.enum(PeriodKind, name="IndicatorPeriodKind")
indicators_by_id = by_id_loader(policy.visible_indicators, Indicator.id)


@strawberry.type(description="One period's aggregate across practices; the figures are null when withheld.")
class IndicatorSummary:
    period: str
    period_kind: PeriodKindEnum
    period_start: date
    practices: int | None
    lower_quartile: float | None
    median: float | None
    upper_quartile: float | None
    mean: float | None
    withheld_reason: str | None

    @classmethod
    def of(cls, s: service.Summary) -> IndicatorSummary:
        return cls(
            period=s.label,
            period_kind=s.period_kind,
            period_start=s.period_start,
            practices=s.practices,
            lower_quartile=s.lower_quartile,
            median=s.median,
            upper_quartile=s.upper_quartile,
            mean=s.mean,
            withheld_reason=s.withheld,
        )


@strawberry.type(description="One period of a practice's own view: its figure, rank, and the others anonymised.")
class IndicatorPosition:
    summary: IndicatorSummary
    value: float | None
    numerator: float | None
    denominator: float | None
    rank: int | None
    of: int | None
    peer_values: list[float] = strawberry.field(description="The other practices' values, best first, unnamed.")


@strawberry.type
class NamedIndicatorFigure:
    practice_id: strawberry.ID
    practice_name: str
    ods_code: str
    value: float
    numerator: float | None
    denominator: float | None
    rank: int


@strawberry.type(description="One period with every practice named (the Part II form).")
class NamedIndicatorPeriod:
    summary: IndicatorSummary
    figures: list[NamedIndicatorFigure]


@strawberry.type(name="Indicator")
class IndicatorNode(Node):
    loader: ClassVar = ("indicators", indicators_by_id)
    code: str
    name: str
    unit: str
    higher_is_better: bool
    row: strawberry.Private[Indicator]

    @classmethod
    def from_row(cls, row: Indicator) -> IndicatorNode:
        return cls(
            id=ids.encode("Indicator", row.id),
            code=row.code,
            name=row.name,
            unit=row.unit,
            higher_is_better=row.higher_is_better,
            row=row,
        )

    @strawberry.field
    async def organisation(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)

    @strawberry.field(description="Aggregates of at least the small-number threshold of practices (public, Part I).")
    async def public_summary(self, info: Info) -> list[IndicatorSummary]:
        summaries = await service.public_summary(info.context.db, info.context.access, self.row)
        return [IndicatorSummary.of(s) for s in summaries]

    @strawberry.field(description="The practice's own figures named, the others anonymised; null if not yours.")
    async def practice_view(self, info: Info, practice_id: strawberry.ID) -> list[IndicatorPosition] | None:
        practice = ids.expect("Practice", practice_id)
        positions = await service.practice_view(info.context.db, info.context.access, self.row, practice)
        if positions is None:
            return None
        return [
            IndicatorPosition(
                summary=IndicatorSummary.of(p.summary),
                value=p.value,
                numerator=p.numerator,
                denominator=p.denominator,
                rank=p.rank,
                of=p.of,
                peer_values=p.peer_values,
            )
            for p in positions
        ]

    @strawberry.field(description="Every practice named (Part II); null unless the viewer may see them named.")
    async def named_figures(self, info: Info) -> list[NamedIndicatorPeriod] | None:
        periods = await service.named_view(info.context.db, info.context.access, self.row)
        if periods is None:
            return None
        return [
            NamedIndicatorPeriod(
                summary=IndicatorSummary.of(p.summary),
                figures=[
                    NamedIndicatorFigure(
                        practice_id=strawberry.ID(ids.encode("Practice", f.practice_id)),
                        practice_name=f.practice_name,
                        ods_code=f.ods_code,
                        value=f.value,
                        numerator=f.numerator,
                        denominator=f.denominator,
                        rank=f.rank,
                    )
                    for f in p.figures
                ],
            )
            for p in periods
        ]

    @strawberry.field
    async def viewer_sees_named(self, info: Info) -> bool:
        return await service.sees_named(info.context.db, info.context.access, self.row.org_id)


@strawberry.type
class IndicatorQueries:
    @strawberry.field(description="The indicators a CCG follows (their definitions are public).")
    async def indicators(self, info: Info, organisation_id: strawberry.ID) -> list[IndicatorNode]:
        org_id = ids.expect("Organisation", organisation_id)
        rows = await service.indicators_of(info.context.db, info.context.access, org_id)
        return [IndicatorNode.from_row(r) for r in rows]


@strawberry.input(
    description="The file's bytes in base64; .xlsx or .csv with columns ods_code, indicator_code, period, value "
    "(and numerator, denominator, indicator_name, unit, higher_is_better)."
)
class ImportIndicatorsInput:
    organisation_id: strawberry.ID
    filename: str
    content_base64: str


@strawberry.type(description="Nothing is imported when rowErrors or errors is non-empty.")
class ImportIndicatorsPayload:
    imported: int = 0
    indicators_created: int = 0
    row_errors: list[RowError] = strawberry.field(default_factory=list)
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(
    description="A governing body meeting; period (2025-03, 2025-Q1 or 2025) chooses the period of "
    "the named distributions, by default each indicator's latest."
)
class AddPracticeQualityPapersInput:
    meeting_id: strawberry.ID
    period: str | None = None


@strawberry.type(description="The dashboard's Part I and Part II papers, each submitted for the caller to approve.")
class PracticeQualityPapers:
    part_one_row: strawberry.Private[Paper]
    part_two_row: strawberry.Private[Paper]

    @strawberry.field(description="Aggregates only (public): each indicator's trend and its table.")
    def part_one(self) -> PaperNode:
        return PaperNode.from_row(self.part_one_row)

    @strawberry.field(description="Every practice named (private): each indicator's distribution and its table.")
    def part_two(self) -> PaperNode:
        return PaperNode.from_row(self.part_two_row)


PracticeQualityPapersPayload = payload("PracticeQualityPapersPayload", papers=PracticeQualityPapers)


@strawberry.type
class IndicatorMutations:
    @mutation(
        description="Put the practice quality dashboard on a governing body's agenda: a Part I paper with the "
        "aggregate charts and a Part II paper with every practice named, each chart followed by its table."
    )
    async def add_practice_quality_papers(
        self, info: Info, input: AddPracticeQualityPapersInput
    ) -> PracticeQualityPapersPayload:
        ctx = info.context
        part_one, part_two = await pack.add_practice_quality_papers(
            ctx.db, ctx.access, ids.decode_as("Meeting", input.meeting_id, "meetingId"), input.period
        )
        return PracticeQualityPapersPayload(papers=PracticeQualityPapers(part_one_row=part_one, part_two_row=part_two))

    @mutation
    async def import_indicators(self, info: Info, input: ImportIndicatorsInput) -> ImportIndicatorsPayload:
        ctx = info.context
        org_id = ids.decode_as("Organisation", input.organisation_id, "organisationId")
        try:
            content = base64.b64decode(input.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise input_error("contentBase64", "The file's content is not valid base64.") from None
        result = await importer.import_indicators(ctx.db, ctx.access, org_id, input.filename, content)
        return ImportIndicatorsPayload(
            imported=result.imported,
            indicators_created=result.indicators_created,
            row_errors=[RowError(row=r.row, message=r.message) for r in result.row_errors],
        )
