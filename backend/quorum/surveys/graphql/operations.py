"""Survey queries and mutations: building and running surveys, answering them, reading their results."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

import strawberry

from quorum import clock, ids, limits
from quorum.errors import input_error
from quorum.graphql.context import Info
from quorum.graphql.errors import UserError
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.pagination import Connection, paginate
from quorum.organisations.graphql import optional_id
from quorum.surveys import answering, drafts, policy, service
from quorum.surveys.audience import Audience, AudienceRole
from quorum.surveys.definition import Condition, Definition, Option, Question, QuestionKind, Section
from quorum.surveys.graphql.types import (
    AnonymityEnum,
    AudienceRoleEnum,
    QuestionKindEnum,
    RespondentUnitEnum,
    SurveyDraftType,
    SurveyNode,
    SurveyResponseType,
    ways_to_answer,
)
from quorum.surveys.tables import Anonymity, RespondentUnit, Survey, SurveyStatus
from quorum.surveys.templates import TEMPLATES

MAX_ANSWERS = 1000


@strawberry.type
class SurveyTemplate:
    key: str
    title: str
    description: str
    question_count: int


@strawberry.type
class SurveyQueries:
    @strawberry.field(description="Surveys the viewer can see, optionally one organisation's.")
    async def surveys(
        self, info: Info, first: int = 50, after: str | None = None, organisation_id: strawberry.ID | None = None
    ) -> Connection[SurveyNode]:
        statement = policy.visible_surveys(info.context.access)
        org_id = optional_id("Organisation", organisation_id)
        if org_id is not None:
            statement = statement.where(Survey.org_id == org_id)
        return await paginate(info.context.db, statement, [Survey.title, Survey.id], first, after, SurveyNode.from_row)

    @strawberry.field(description="Open surveys that ask the viewer, for the home page.")
    async def my_surveys(self, info: Info) -> list[SurveyNode]:
        ctx = info.context
        if not policy.can_have_response(ctx.access):
            return []
        rows = await ctx.db.all(
            policy.asking_surveys(ctx.access).order_by(Survey.closes_at.nulls_last(), Survey.title).limit(50)
        )
        now = clock.now()
        return [
            SurveyNode.from_row(r)
            for r in rows
            if service.current_status(r, now) == SurveyStatus.OPEN and await ways_to_answer(info, r)
        ]

    @strawberry.field
    def survey_templates(self) -> list[SurveyTemplate]:
        return [
            SurveyTemplate(
                key=t.key, title=t.title, description=t.description, question_count=len(t.definition.questions)
            )
            for t in TEMPLATES.values()
        ]


@strawberry.input
class SurveyOptionInput:
    key: str
    label: str


@strawberry.input
class SurveyConditionInput:
    question_key: str
    any_of: list[str]
    statement_key: str | None = None


@strawberry.input(
    description=("Agreement and 0-10 questions use fixed scales; a matrix without options uses the agreement scale.")
)
class SurveyQuestionInput:
    key: str
    kind: QuestionKindEnum
    prompt: str
    help_text: str = ""
    required: bool = False
    options: list[SurveyOptionInput] = strawberry.field(default_factory=list)
    statements: list[SurveyOptionInput] = strawberry.field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None
    show_if: SurveyConditionInput | None = None


@strawberry.input
class SurveySectionInput:
    title: str = ""
    description: str = ""
    show_if: SurveyConditionInput | None = None
    questions: list[SurveyQuestionInput] = strawberry.field(default_factory=list)


@strawberry.input(
    description=(
        "Who is asked: any of these roles, narrowed (when given) to practices in these localities or these practices."
    )
)
class SurveyAudienceInput:
    roles: list[AudienceRoleEnum]
    localities: list[str] = strawberry.field(default_factory=list)
    practice_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.input
class CreateSurveyInput:
    organisation_id: strawberry.ID
    title: str
    anonymity: AnonymityEnum
    audience: SurveyAudienceInput
    description: str = ""
    respondent_unit: RespondentUnitEnum = RespondentUnit.PERSON
    suppression_threshold: int = 5
    allow_edits_after_submit: bool = False
    closes_at: datetime | None = None
    sections: list[SurveySectionInput] = strawberry.field(default_factory=list)


@strawberry.input(description="Replaces a draft survey's settings and its sections and questions.")
class UpdateSurveyInput:
    id: strawberry.ID
    title: str
    anonymity: AnonymityEnum
    audience: SurveyAudienceInput
    description: str = ""
    respondent_unit: RespondentUnitEnum = RespondentUnit.PERSON
    suppression_threshold: int = 5
    allow_edits_after_submit: bool = False
    closes_at: datetime | None = None
    sections: list[SurveySectionInput] = strawberry.field(default_factory=list)


@strawberry.input
class CreateSurveyFromTemplateInput:
    organisation_id: strawberry.ID
    template_key: str


@strawberry.input
class CopySurveyAsNextRoundInput:
    survey_id: strawberry.ID
    title: str | None = None


@strawberry.input
class SurveyIdInput:
    id: strawberry.ID


@strawberry.input
class PublishSurveyResultsInput:
    id: strawberry.ID
    published: bool = True


@strawberry.input(
    description=(
        "One answer, in the field its question takes: choice (agreement, single choice, 0-10 rating as '0'..'10', "
        "and each matrix statement with statementKey), choices (multiple choice), number, or text. "
        "An empty answer clears it."
    )
)
class SurveyAnswerInput:
    question_id: strawberry.ID
    statement_key: str | None = None
    choice: str | None = None
    choices: list[str] | None = None
    number: float | None = None
    text: str | None = None


@strawberry.input(
    description=(
        "token: the resume token of an anonymous survey's response, as given when it was started (omit it to start). "
        "practiceId: which practice the viewer answers for, when they represent several."
    )
)
class SurveyResponseInput:
    survey_id: strawberry.ID
    answers: list[SurveyAnswerInput] = strawberry.field(default_factory=list)
    token: str | None = None
    practice_id: strawberry.ID | None = None


SurveyPayload = payload("SurveyPayload", survey=SurveyNode)


@strawberry.type
class SurveyResponsePayload:
    response: SurveyResponseType | None = None
    resume_token: str | None = strawberry.field(
        default=None,
        description="Anonymous surveys: given once, when the response is started. Keep it to resume or change it.",
    )
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="practiceId: which practice the viewer answers for, when they represent several.")
class SurveyDraftInput:
    survey_id: strawberry.ID
    answers: list[SurveyAnswerInput] = strawberry.field(default_factory=list)
    practice_id: strawberry.ID | None = None


SurveyDraftPayload = payload("SurveyDraftPayload", draft=SurveyDraftType)


def _number(value: float | None, field: str) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise input_error(field, "Give a number.") from None
    return number


def _condition(condition: SurveyConditionInput | None) -> Condition | None:
    if condition is None:
        return None
    return Condition(condition.question_key, tuple(condition.any_of), condition.statement_key)


def _definition(sections: list[SurveySectionInput]) -> Definition:
    return Definition(
        tuple(
            Section(
                title=s.title,
                description=s.description,
                show_if=_condition(s.show_if),
                questions=tuple(
                    Question(
                        key=q.key,
                        kind=QuestionKind(q.kind),
                        prompt=q.prompt,
                        help_text=q.help_text,
                        required=q.required,
                        options=tuple(Option(o.key, o.label) for o in q.options),
                        statements=tuple(Option(o.key, o.label) for o in q.statements),
                        minimum=_number(q.minimum, "sections"),
                        maximum=_number(q.maximum, "sections"),
                        show_if=_condition(q.show_if),
                    )
                    for q in s.questions
                ),
            )
            for s in sections
        )
    )


def _settings(input: CreateSurveyInput | UpdateSurveyInput) -> service.SurveySettings:
    return service.SurveySettings(
        title=input.title,
        description=input.description,
        anonymity=Anonymity(input.anonymity),
        respondent_unit=RespondentUnit(input.respondent_unit),
        audience=Audience(
            roles=frozenset(AudienceRole(r) for r in input.audience.roles),
            localities=frozenset(place.strip() for place in input.audience.localities),
            practice_ids=frozenset(ids.decode_as("Practice", p, "audience") for p in input.audience.practice_ids),
        ),
        suppression_threshold=input.suppression_threshold,
        allow_edits_after_submit=input.allow_edits_after_submit,
        closes_at=input.closes_at,
    )


def _answers(answers: list[SurveyAnswerInput]) -> list[answering.GivenAnswer]:
    if len(answers) > MAX_ANSWERS:
        raise input_error("answers", f"Send at most {MAX_ANSWERS:,} answers at once.")
    return [
        answering.GivenAnswer(
            question_id=ids.decode_as("SurveyQuestion", a.question_id, "answers"),
            item=a.statement_key or "",
            choice=a.choice,
            choices=None if a.choices is None else tuple(a.choices),
            number=_number(a.number, "answers"),
            text=a.text,
        )
        for a in answers
    ]


async def _response_mutation(info: Info, input: SurveyResponseInput, *, submit: bool) -> SurveyResponsePayload:
    ctx = info.context
    limits.check_submission(ctx.access.person_id, ctx.client_address)
    saved = await answering.save(
        ctx.db,
        ctx.access,
        ids.decode_as("Survey", input.survey_id, "surveyId"),
        _answers(input.answers),
        token=input.token,
        practice_id=input.practice_id and ids.decode_as("Practice", input.practice_id, "practiceId"),
        submit=submit,
    )
    return SurveyResponsePayload(response=SurveyResponseType.of(saved.response), resume_token=saved.resume_token)


@strawberry.type
class SurveyMutations:
    @mutation
    async def create_survey(self, info: Info, input: CreateSurveyInput) -> SurveyPayload:
        ctx = info.context
        row = await service.create_survey(
            ctx.db,
            ctx.access,
            org_id=ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            settings=_settings(input),
            definition=_definition(input.sections),
        )
        return SurveyPayload(survey=SurveyNode.from_row(row))

    @mutation(description="A CCG's own copy of a template, as a draft to edit.")
    async def create_survey_from_template(self, info: Info, input: CreateSurveyFromTemplateInput) -> SurveyPayload:
        ctx = info.context
        row = await service.create_from_template(
            ctx.db,
            ctx.access,
            ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            input.template_key,
        )
        return SurveyPayload(survey=SurveyNode.from_row(row))

    @mutation
    async def update_survey(self, info: Info, input: UpdateSurveyInput) -> SurveyPayload:
        ctx = info.context
        row = await service.update_survey(
            ctx.db,
            ctx.access,
            ids.decode_as("Survey", input.id, "id"),
            settings=_settings(input),
            definition=_definition(input.sections),
        )
        return SurveyPayload(survey=SurveyNode.from_row(row))

    @mutation(description="A new draft with the same questions, linked to this survey so results can be compared.")
    async def copy_survey_as_next_round(self, info: Info, input: CopySurveyAsNextRoundInput) -> SurveyPayload:
        ctx = info.context
        row = await service.copy_as_next_round(
            ctx.db, ctx.access, ids.decode_as("Survey", input.survey_id, "surveyId"), input.title
        )
        return SurveyPayload(survey=SurveyNode.from_row(row))

    @mutation(description="Open a draft survey for responses; its questions can no longer change.")
    async def open_survey(self, info: Info, input: SurveyIdInput) -> SurveyPayload:
        ctx = info.context
        row = await service.open_survey(ctx.db, ctx.access, ids.decode_as("Survey", input.id, "id"))
        return SurveyPayload(survey=SurveyNode.from_row(row))

    @mutation
    async def close_survey(self, info: Info, input: SurveyIdInput) -> SurveyPayload:
        ctx = info.context
        row = await service.close_survey(ctx.db, ctx.access, ids.decode_as("Survey", input.id, "id"))
        return SurveyPayload(survey=SurveyNode.from_row(row))

    @mutation(description="Publish the results report to the CCG's members and its area team, or withdraw it.")
    async def publish_survey_results(self, info: Info, input: PublishSurveyResultsInput) -> SurveyPayload:
        ctx = info.context
        row = await service.publish_results(
            ctx.db, ctx.access, ids.decode_as("Survey", input.id, "id"), input.published
        )
        return SurveyPayload(survey=SurveyNode.from_row(row))

    @mutation(description="Save answers as a draft to come back to; required questions may be left.")
    async def save_response(self, info: Info, input: SurveyResponseInput) -> SurveyResponsePayload:
        return await _response_mutation(info, input, submit=False)

    @mutation(
        description=(
            "Keep unsent answers on the server, replacing the viewer's draft, to finish on any device. "
            "Sending the response deletes the draft."
        )
    )
    async def save_survey_draft(self, info: Info, input: SurveyDraftInput) -> SurveyDraftPayload:
        ctx = info.context
        limits.check_submission(ctx.access.person_id, ctx.client_address)
        survey, draft = await drafts.save_draft(
            ctx.db,
            ctx.access,
            ids.decode_as("Survey", input.survey_id, "surveyId"),
            _answers(input.answers),
            practice_id=input.practice_id and ids.decode_as("Practice", input.practice_id, "practiceId"),
        )
        structure = await service.structure(ctx.db, survey)
        return SurveyDraftPayload(draft=SurveyDraftType.of(draft, structure))

    @mutation(description="Send the response (or, where the survey allows, change a sent one).")
    async def submit_response(self, info: Info, input: SurveyResponseInput) -> SurveyResponsePayload:
        return await _response_mutation(info, input, submit=True)
