"""GraphQL types of surveys: the survey and its questions, and a respondent's response."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar

import strawberry
from strawberry.dataloader import DataLoader

from quorum import clock, ids
from quorum.errors import ClientError
from quorum.graphql.context import Context, Info
from quorum.graphql.node import Node, by_id_loader, load_node, load_nodes
from quorum.organisations.graphql import OrganisationNode, PracticeNode
from quorum.people.graphql import PersonNode, people_by_id
from quorum.surveys import answering, drafts, policy, results, service
from quorum.surveys.audience import Audience, AudienceRole
from quorum.surveys.definition import Answer, Condition, Option, Question, QuestionKind
from quorum.surveys.groups import GroupSplit
from quorum.surveys.tables import (
    Anonymity,
    RespondentUnit,
    ResponseStatus,
    Survey,
    SurveyAnswer,
    SurveyDraft,
    SurveyQuestion,
    SurveySection,
    SurveyStatus,
)

if TYPE_CHECKING:
    from quorum.surveys.graphql.results import SurveyResults

SurveyStatusEnum = strawberry.enum(SurveyStatus, name="SurveyStatus")
AnonymityEnum = strawberry.enum(Anonymity, name="SurveyAnonymity")
RespondentUnitEnum = strawberry.enum(RespondentUnit, name="SurveyRespondentUnit")
QuestionKindEnum = strawberry.enum(QuestionKind, name="QuestionKind")
AudienceRoleEnum = strawberry.enum(AudienceRole, name="SurveyAudienceRole")
GroupSplitEnum = strawberry.enum(GroupSplit, name="RespondentGroupSplit")
ResponseStatusEnum = strawberry.enum(ResponseStatus, name="SurveyResponseStatus")

surveys_by_id = by_id_loader(policy.visible_surveys, Survey.id)
questions_by_id = by_id_loader(policy.visible_questions, SurveyQuestion.id)


def structures_by_survey(ctx: Context) -> DataLoader:
    """Each survey's sections and questions, for any number of surveys in two statements."""

    async def load(survey_ids: list[uuid.UUID]) -> list[service.Structure]:
        sections = await ctx.db.all(
            policy.visible_sections(ctx.access)
            .where(SurveySection.survey_id.in_(survey_ids))
            .order_by(SurveySection.position)
        )
        questions = await ctx.db.all(
            policy.visible_questions(ctx.access)
            .where(SurveyQuestion.survey_id.in_(survey_ids))
            .order_by(SurveyQuestion.position)
        )
        return [
            service.structure_from_rows(
                [s for s in sections if s.survey_id == i], [q for q in questions if q.survey_id == i]
            )
            for i in survey_ids
        ]

    return DataLoader(load_fn=load)


def viewer_standing(ctx: Context) -> DataLoader:
    """The viewer's roles, practices and seats in each CCG, once per request however many surveys ask."""

    async def load(org_ids: list[uuid.UUID]) -> list[list]:
        return [
            await service.member_facts(ctx.db, org_id, ctx.access.person_id)
            if policy.can_be_asked_by(ctx.access, org_id)
            else []
            for org_id in org_ids
        ]

    return DataLoader(load_fn=load)


async def ways_to_answer(info: Info, survey: Survey) -> list:
    members = await info.context.loader("survey_viewer_standing", viewer_standing).load(survey.org_id)
    return answering.ways_to_answer(survey, members)


@strawberry.type(name="SurveyOption")
class OptionType:
    key: str
    label: str

    @classmethod
    def of(cls, options: tuple[Option, ...]) -> list[OptionType]:
        return [cls(key=o.key, label=o.label) for o in options]


@strawberry.type(
    name="SurveyCondition", description="Shown only when the answer to an earlier question is any of anyOf."
)
class ConditionType:
    question_key: str
    statement_key: str | None
    any_of: list[str]

    @classmethod
    def of(cls, condition: Condition | None) -> ConditionType | None:
        if condition is None:
            return None
        return cls(
            question_key=condition.question_key, statement_key=condition.statement_key, any_of=list(condition.any_of)
        )


@strawberry.type(name="SurveyQuestion")
class SurveyQuestionNode(Node):
    loader: ClassVar = ("survey_questions", questions_by_id)
    key: str
    kind: QuestionKindEnum
    number: int
    prompt: str
    help_text: str
    required: bool
    show_if: ConditionType | None
    question: strawberry.Private[Question]

    @classmethod
    def build(cls, question: Question, question_id: uuid.UUID, number: int) -> SurveyQuestionNode:
        return cls(
            id=ids.encode("SurveyQuestion", question_id),
            key=question.key,
            kind=question.kind,
            number=number,
            prompt=question.prompt,
            help_text=question.help_text,
            required=question.required,
            show_if=ConditionType.of(question.show_if),
            question=question,
        )

    @classmethod
    def from_row(cls, row: SurveyQuestion) -> SurveyQuestionNode:
        return cls.build(service.question_from_row(row), row.id, row.position + 1)

    @strawberry.field(
        description="The answers to pick from: the agreement scale, 0 to 10, or the question's own options."
    )
    def options(self) -> list[OptionType]:
        return OptionType.of(self.question.scale)

    @strawberry.field(description="A matrix question's statements, each answered on the scale.")
    def statements(self) -> list[OptionType]:
        return OptionType.of(self.question.statements)

    @strawberry.field
    def minimum(self) -> float | None:
        return None if self.question.minimum is None else float(self.question.minimum)

    @strawberry.field
    def maximum(self) -> float | None:
        return None if self.question.maximum is None else float(self.question.maximum)

    @strawberry.field(description="The longest answer accepted, for text questions.")
    def max_length(self) -> int | None:
        from quorum.surveys.definition import TEXT_LIMITS

        return TEXT_LIMITS.get(self.question.kind)


@strawberry.type(name="SurveySection")
class SurveySectionType:
    title: str
    description: str
    show_if: ConditionType | None
    questions: list[SurveyQuestionNode]


@strawberry.type
class SurveyAudience:
    roles: list[AudienceRoleEnum]
    localities: list[str]
    practice_ids: strawberry.Private[list[uuid.UUID]]

    @strawberry.field
    async def practices(self, info: Info) -> list[PracticeNode]:
        return await load_nodes(info, PracticeNode, self.practice_ids)


@strawberry.type(name="SurveyAnswer")
class SurveyAnswerType:
    question_id: strawberry.ID
    statement_key: str | None
    choice: str | None
    choices: list[str] | None
    number: float | None
    text: str | None

    @classmethod
    def from_row(cls, row: SurveyAnswer) -> SurveyAnswerType:
        return cls(
            question_id=ids.encode("SurveyQuestion", row.question_id),
            statement_key=row.item or None,
            choice=row.choice,
            choices=row.choices,
            number=None if row.number is None else float(row.number),
            text=row.text,
        )

    @classmethod
    def from_answer(cls, answer: Answer, question_id: uuid.UUID) -> SurveyAnswerType:
        return cls(
            question_id=ids.encode("SurveyQuestion", question_id),
            statement_key=answer.item or None,
            choice=answer.choice,
            choices=None if answer.choices is None else list(answer.choices),
            number=None if answer.number is None else float(answer.number),
            text=answer.text,
        )


@strawberry.type(
    name="SurveyDraft",
    description=(
        "The viewer's unsent answers kept on the server, to finish on any device; deleted when the response is sent."
    ),
)
class SurveyDraftType:
    answers: list[SurveyAnswerType]
    saved_at: datetime

    @classmethod
    def of(cls, draft: SurveyDraft, structure: service.Structure) -> SurveyDraftType:
        assert draft.saved_at is not None
        return cls(
            answers=[
                SurveyAnswerType.from_answer(a, structure.question_ids[a.question_key])
                for a in drafts.answers_of(draft)
                if a.question_key in structure.question_ids
            ],
            saved_at=draft.saved_at,
        )


@strawberry.type(name="SurveyResponse", description="The viewer's own response, draft or sent.")
class SurveyResponseType:
    status: ResponseStatusEnum
    can_change: bool
    answers: list[SurveyAnswerType]
    practice_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def of(cls, mine: answering.MyResponse) -> SurveyResponseType:
        return cls(
            status=mine.row.status,
            can_change=mine.can_change,
            answers=[SurveyAnswerType.from_row(a) for a in mine.answers],
            practice_id=mine.practice_id,
        )

    @strawberry.field(description="The practice answered for, when the survey takes one response per practice.")
    async def practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.practice_id)


@strawberry.type(description="One way the viewer may answer: for themselves, or for one of their practices.")
class SurveyAnsweringAs:
    practice_id: strawberry.Private[uuid.UUID | None]
    has_responded: bool

    @strawberry.field
    async def practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.practice_id)


@strawberry.type(name="SurveyRespondent")
class SurveyRespondentType:
    submitted_at: datetime | None
    person_id: strawberry.Private[uuid.UUID]
    practice_id: strawberry.Private[uuid.UUID | None]

    @strawberry.field
    async def person(self, info: Info) -> PersonNode | None:
        row = await info.context.loader("people", people_by_id).load(self.person_id)
        return row and PersonNode.from_row(row)

    @strawberry.field
    async def practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.practice_id)


@strawberry.type
class SurveyRespondentPage:
    total_count: int
    respondents: list[SurveyRespondentType]


@strawberry.type(name="Survey")
class SurveyNode(Node):
    loader: ClassVar = ("surveys", surveys_by_id)
    title: str
    description: str
    anonymity: AnonymityEnum
    respondent_unit: RespondentUnitEnum
    suppression_threshold: int
    allow_edits_after_submit: bool
    closes_at: datetime | None
    results_published: bool
    template_key: str | None
    row: strawberry.Private[Survey]

    @classmethod
    def from_row(cls, row: Survey) -> SurveyNode:
        return cls(
            id=ids.encode("Survey", row.id),
            title=row.title,
            description=row.description,
            anonymity=row.anonymity,
            respondent_unit=row.respondent_unit,
            suppression_threshold=row.suppression_threshold,
            allow_edits_after_submit=row.allow_edits_after_submit,
            closes_at=row.closes_at,
            results_published=row.results_published,
            template_key=row.template_key,
            row=row,
        )

    @strawberry.field(description="CLOSED once the closing time has passed, even before anyone closes it.")
    def status(self) -> SurveyStatusEnum:
        return service.current_status(self.row, clock.now())

    @strawberry.field
    async def organisation(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)

    @strawberry.field
    def audience(self) -> SurveyAudience:
        audience = Audience.from_data(self.row.audience)
        return SurveyAudience(
            roles=sorted(audience.roles, key=lambda r: list(AudienceRole).index(r)),
            localities=sorted(audience.localities),
            practice_ids=sorted(audience.practice_ids),
        )

    async def _structure(self, info: Info) -> service.Structure:
        return await info.context.loader("survey_structures", structures_by_survey).load(self.row.id)

    @strawberry.field
    async def sections(self, info: Info) -> list[SurveySectionType]:
        structure = await self._structure(info)
        numbers = structure.definition.numbers
        return [
            SurveySectionType(
                title=s.title,
                description=s.description,
                show_if=ConditionType.of(s.show_if),
                questions=[
                    SurveyQuestionNode.build(q, structure.question_ids[q.key], numbers[q.key]) for q in s.questions
                ],
            )
            for s in structure.definition.sections
        ]

    @strawberry.field(description="The earlier survey this one repeats, for comparison; null when not visible.")
    async def previous_round(self, info: Info) -> SurveyNode | None:
        return await load_node(info, SurveyNode, self.row.previous_round_id)

    @strawberry.field
    def viewer_can_manage(self, info: Info) -> bool:
        return policy.can_manage(info.context.access, self.row)

    @strawberry.field
    async def viewer_can_read_results(self, info: Info) -> bool:
        return await service.reads_results(info.context.db, info.context.access, self.row)

    @strawberry.field(
        description=(
            "How the viewer may answer: empty when the survey does not ask them. For an anonymous survey, "
            "hasResponded comes from a record of who took part that is not linked to any response."
        )
    )
    async def viewer_answers_as(self, info: Info) -> list[SurveyAnsweringAs]:
        ctx = info.context
        options = await ways_to_answer(info, self.row)
        return [
            SurveyAnsweringAs(
                practice_id=o.practice and o.practice.id,
                has_responded=await answering.has_responded(ctx.db, ctx.access, self.row, o),
            )
            for o in options
        ]

    @strawberry.field(
        description=(
            "The viewer's response. An anonymous survey's response is found only through the resume token "
            "given when it was started."
        )
    )
    async def my_response(
        self, info: Info, token: str | None = None, practice_id: strawberry.ID | None = None
    ) -> SurveyResponseType | None:
        practice = None if practice_id is None else ids.expect("Practice", practice_id)
        ctx = info.context
        mine = await answering.my_response(ctx.db, ctx.access, self.row, token=token, practice_id=practice)
        return mine and SurveyResponseType.of(mine)

    @strawberry.field(
        description="The viewer's unsent answers kept on the server (signed in), for this practice if given."
    )
    async def my_draft(self, info: Info, practice_id: strawberry.ID | None = None) -> SurveyDraftType | None:
        practice = None if practice_id is None else ids.expect("Practice", practice_id)
        draft = await drafts.my_draft(info.context.db, info.context.access, self.row, practice)
        return draft and SurveyDraftType.of(draft, await self._structure(info))

    @strawberry.field(
        description=(
            "Responses sent; null unless the viewer may read the results. While the survey is open, rounded down to "
            "a multiple of the threshold, so that no reading changes because of one submission."
        )
    )
    async def response_count(self, info: Info) -> int | None:
        if not await service.reads_results(info.context.db, info.context.access, self.row):
            return None
        count = await answering.response_count(info.context.db, self.row)
        if service.current_status(self.row, clock.now()) == SurveyStatus.OPEN:
            return results.stepped(count, self.row.suppression_threshold)
        return count

    @strawberry.field(
        description=(
            "Who has responded, for the CCG's officers. Null for an anonymous survey, which keeps only a count, "
            "and never linked to what anyone answered."
        )
    )
    async def respondents(self, info: Info, first: int = 100, offset: int = 0) -> SurveyRespondentPage | None:
        if not 1 <= first <= 100 or offset < 0:
            raise ClientError("'first' must be between 1 and 100, and 'offset' not negative.")
        ctx = info.context
        if not policy.can_see_respondents(ctx.access, self.row):
            return None
        rows = await answering.who_responded(ctx.db, self.row)
        page = rows[offset : offset + first]
        return SurveyRespondentPage(
            total_count=len(rows),
            respondents=[
                SurveyRespondentType(submitted_at=r.submitted_at, person_id=r.person_id, practice_id=r.practice_id)
                for r in page
            ],
        )

    @strawberry.field(
        description=(
            "Results for everyone and, with split, for each group of that split; withheld where groups are small. "
            "Null unless the viewer may read them."
        )
    )
    async def results(
        self, info: Info, split: GroupSplitEnum | None = None
    ) -> Annotated[SurveyResults, strawberry.lazy("quorum.surveys.graphql.results")] | None:
        from quorum.surveys.graphql.results import SurveyResults

        ctx = info.context
        if not await service.reads_results(ctx.db, ctx.access, self.row):
            return None
        current = await results.survey_results(ctx.db, self.row, await self._structure(info))
        previous = None
        if self.row.previous_round_id is not None:
            earlier = await ctx.loader("surveys", surveys_by_id).load(self.row.previous_round_id)
            if earlier is not None and await service.reads_results(ctx.db, ctx.access, earlier):
                structure = await ctx.loader("survey_structures", structures_by_survey).load(earlier.id)
                previous = (earlier, await results.survey_results(ctx.db, earlier, structure))
        return SurveyResults.of(self.row, current, split, previous, explain=policy.can_manage(ctx.access, self.row))

    @strawberry.field(description="Where to download the results as .xlsx; null unless the viewer may read them.")
    async def results_export_url(self, info: Info) -> str | None:
        if not await service.reads_results(info.context.db, info.context.access, self.row):
            return None
        return f"/exports/survey-results.xlsx?survey={ids.encode('Survey', self.row.id)}"
