"""Building, opening, closing and publishing surveys, and who may see them and their results."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import delete, insert, or_
from sqlmodel import select

from quorum import clock
from quorum.access import Access, Role
from quorum.audit.service import record, snapshot
from quorum.committees.tables import Seat
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.organisations.policy import visible_practices
from quorum.organisations.service import get_organisation
from quorum.organisations.tables import Organisation, OrganisationKind, Practice
from quorum.outbox import service as outbox
from quorum.people.tables import Membership
from quorum.surveys.audience import Audience, AudienceRole, MemberFacts, PracticeFacts, invitation
from quorum.surveys.definition import (
    Condition,
    Definition,
    Option,
    Question,
    QuestionKind,
    Section,
    definition_errors,
    unstorable,
)
from quorum.surveys.policy import (
    can_build_surveys,
    can_manage,
    can_read_results,
    is_member,
    results_are_public,
    visible_surveys,
)
from quorum.surveys.tables import (
    Anonymity,
    RespondentUnit,
    Survey,
    SurveyQuestion,
    SurveySection,
    SurveyStatus,
)
from quorum.surveys.templates import TEMPLATES

MIN_THRESHOLD, MAX_THRESHOLD = 3, 100


@dataclass(frozen=True)
class SurveySettings:
    title: str
    description: str
    anonymity: Anonymity
    respondent_unit: RespondentUnit
    audience: Audience
    suppression_threshold: int = 5
    allow_edits_after_submit: bool = False
    closes_at: datetime | None = None

    @classmethod
    def of(cls, survey: Survey) -> SurveySettings:
        return cls(
            title=survey.title,
            description=survey.description,
            anonymity=Anonymity(survey.anonymity),
            respondent_unit=RespondentUnit(survey.respondent_unit),
            audience=Audience.from_data(survey.audience),
            suppression_threshold=survey.suppression_threshold,
            allow_edits_after_submit=survey.allow_edits_after_submit,
            closes_at=survey.closes_at,
        )


@dataclass(frozen=True)
class Structure:
    """A stored survey's definition with the database ids of its questions."""

    definition: Definition
    question_ids: dict[str, uuid.UUID]

    @cached_property
    def keys_by_id(self) -> dict[uuid.UUID, str]:
        return {i: k for k, i in self.question_ids.items()}


async def get_survey(db: Db, access: Access, survey_id: uuid.UUID) -> Survey | None:
    return await db.first(visible_surveys(access).where(Survey.id == survey_id))


async def reads_results(db: Db, access: Access, survey: Survey) -> bool:
    """Whether the caller may read the survey's results (the policy's rule, given the CCG's area team)."""
    if can_read_results(access, survey):
        return True
    if not results_are_public(survey):
        return False
    ccg = await get_organisation(db, access, survey.org_id)
    return ccg is not None and can_read_results(access, survey, ccg.area_team_id)


def current_status(survey: Survey, now: datetime) -> SurveyStatus:
    if survey.status == SurveyStatus.OPEN and survey.closes_at is not None and survey.closes_at <= now:
        return SurveyStatus.CLOSED
    return SurveyStatus(survey.status)


async def structure(db: Db, survey: Survey) -> Structure:
    sections = await db.all(
        select(SurveySection).where(SurveySection.survey_id == survey.id).order_by(SurveySection.position)
    )
    questions = await db.all(
        select(SurveyQuestion).where(SurveyQuestion.survey_id == survey.id).order_by(SurveyQuestion.position)
    )
    return structure_from_rows(sections, questions)


def question_from_row(row: SurveyQuestion) -> Question:
    return Question(
        key=row.key,
        kind=QuestionKind(row.kind),
        prompt=row.prompt,
        help_text=row.help_text,
        required=row.required,
        options=tuple(Option(o["key"], o["label"]) for o in row.options),
        statements=tuple(Option(o["key"], o["label"]) for o in row.statements),
        minimum=row.minimum,
        maximum=row.maximum,
        show_if=Condition.from_data(row.show_if),
    )


def structure_from_rows(sections: list[SurveySection], questions: list[SurveyQuestion]) -> Structure:
    by_section: dict[uuid.UUID, list[Question]] = {s.id: [] for s in sections}
    for row in questions:
        by_section[row.section_id].append(question_from_row(row))
    definition = Definition(
        tuple(
            Section(s.title, s.description, Condition.from_data(s.show_if), tuple(by_section[s.id])) for s in sections
        )
    )
    return Structure(definition, {q.key: q.id for q in questions})


async def _store_definition(db: Db, survey: Survey, definition: Definition) -> None:
    owned = {"org_id": survey.org_id, "survey_id": survey.id}
    await db.execute(
        delete(SurveyQuestion).where(SurveyQuestion.org_id == survey.org_id, SurveyQuestion.survey_id == survey.id)
    )
    await db.execute(
        delete(SurveySection).where(SurveySection.org_id == survey.org_id, SurveySection.survey_id == survey.id)
    )
    sections, questions = [], []
    for position, section in enumerate(definition.sections):
        section_id = uuid.uuid4()
        sections.append(
            {
                **owned,
                "id": section_id,
                "position": position,
                "title": section.title.strip(),
                "description": section.description.strip(),
                "show_if": section.show_if and section.show_if.to_data(),
            }
        )
        for question in section.questions:
            questions.append(
                {
                    **owned,
                    "id": uuid.uuid4(),
                    "section_id": section_id,
                    "position": len(questions),
                    "key": question.key,
                    "kind": question.kind.value,
                    "prompt": question.prompt.strip(),
                    "help_text": question.help_text.strip(),
                    "required": question.required,
                    "options": [{"key": o.key, "label": o.label.strip()} for o in question.options],
                    "statements": [{"key": o.key, "label": o.label.strip()} for o in question.statements],
                    "minimum": question.minimum,
                    "maximum": question.maximum,
                    "show_if": question.show_if and question.show_if.to_data(),
                }
            )
    if sections:
        await db.execute(insert(SurveySection), sections)
    if questions:
        await db.execute(insert(SurveyQuestion), questions)


async def managed_ccg(db: Db, access: Access, org_id: uuid.UUID) -> Organisation:
    organisation = await get_organisation(db, access, org_id)
    if organisation is None or not is_member(access, org_id):
        raise input_error("organisationId", "No such organisation.")
    if not can_build_surveys(access, org_id):
        raise input_error(
            None, f"Only the board secretary or an administrator of {organisation.name} can build its surveys."
        )
    if organisation.kind != OrganisationKind.CCG:
        raise input_error("organisationId", "Membership surveys belong to CCGs.")
    return organisation


async def managed_survey(db: Db, access: Access, survey_id: uuid.UUID, field: str = "id") -> Survey:
    survey = await get_survey(db, access, survey_id)
    if survey is None:
        raise input_error(field, "No such survey.")
    if not can_manage(access, survey):
        raise input_error(None, "Only the CCG's board secretary or an administrator can change its surveys.")
    return survey


async def settings_errors(db: Db, access: Access, org_id: uuid.UUID, settings: SurveySettings) -> list[UserError]:
    errors = []
    if not settings.title.strip() or len(settings.title) > 200:
        errors.append(UserError(field="title", message="Enter the survey's title (200 characters or fewer)."))
    if len(settings.description) > 5000:
        errors.append(UserError(field="description", message="Keep the introduction to 5,000 characters."))
    if unstorable(settings.title, settings.description):
        errors.append(
            UserError(
                field="title", message="The title or introduction contains a character that cannot be stored (NUL)."
            )
        )
    if not MIN_THRESHOLD <= settings.suppression_threshold <= MAX_THRESHOLD:
        errors.append(
            UserError(
                field="suppressionThreshold",
                message=f"Withhold groups smaller than a number from {MIN_THRESHOLD} to {MAX_THRESHOLD} (usually 5).",
            )
        )
    if settings.closes_at is not None and settings.closes_at.tzinfo is None:
        errors.append(UserError(field="closesAt", message="Give the closing time with a time zone."))
    audience = settings.audience
    if not audience.roles:
        errors.append(UserError(field="audience", message="Choose who the survey is for."))
    if settings.respondent_unit == RespondentUnit.PRACTICE and audience.roles != {AudienceRole.PRACTICE_REPRESENTATIVE}:
        errors.append(
            UserError(
                field="audience", message="A survey answered once per practice is for practice representatives only."
            )
        )
    if audience.narrowed:
        practices = await db.all(visible_practices(access, org_id))
        if not audience.localities <= {p.locality for p in practices}:
            errors.append(UserError(field="audience", message="Choose localities that the CCG's practices are in."))
        if not audience.practice_ids <= {p.id for p in practices}:
            errors.append(UserError(field="audience", message="Choose practices that are members of the CCG."))
    return errors


async def create_survey(
    db: Db,
    access: Access,
    *,
    org_id: uuid.UUID,
    settings: SurveySettings,
    definition: Definition,
    previous_round_id: uuid.UUID | None = None,
    template_key: str | None = None,
    action: str = "survey.create",
) -> Survey:
    await managed_ccg(db, access, org_id)
    errors = await settings_errors(db, access, org_id, settings) + definition_errors(definition)
    if errors:
        raise InputErrors(*errors)
    survey = Survey(
        org_id=org_id,
        previous_round_id=previous_round_id,
        template_key=template_key,
        created_by=access.person_id,
        **_columns(settings),
    )
    await db.add(survey)
    await _store_definition(db, survey, definition)
    await record(db, access, action, survey, org_id=org_id)
    return survey


def _columns(settings: SurveySettings) -> dict:
    return {
        "title": settings.title.strip(),
        "description": settings.description.strip(),
        "anonymity": settings.anonymity,
        "respondent_unit": settings.respondent_unit,
        "audience": settings.audience.to_data(),
        "suppression_threshold": settings.suppression_threshold,
        "allow_edits_after_submit": settings.allow_edits_after_submit,
        "closes_at": settings.closes_at,
    }


async def update_survey(
    db: Db, access: Access, survey_id: uuid.UUID, *, settings: SurveySettings, definition: Definition
) -> Survey:
    survey = await managed_survey(db, access, survey_id)
    if survey.status != SurveyStatus.DRAFT:
        raise input_error("id", "Only a draft survey can be changed; this one has been opened.")
    errors = await settings_errors(db, access, survey.org_id, settings) + definition_errors(definition)
    if errors:
        raise InputErrors(*errors)
    before = snapshot(survey)
    for name, value in _columns(settings).items():
        setattr(survey, name, value)
    await db.add(survey)
    await _store_definition(db, survey, definition)
    await record(db, access, "survey.update", survey, org_id=survey.org_id, before=before)
    return survey


async def create_from_template(db: Db, access: Access, org_id: uuid.UUID, template_key: str) -> Survey:
    template = TEMPLATES.get(template_key)
    if template is None:
        raise input_error("templateKey", "There is no survey template with that key.")
    settings = SurveySettings(
        title=template.title,
        description=template.description,
        anonymity=template.anonymity,
        respondent_unit=template.respondent_unit,
        audience=template.audience,
    )
    return await create_survey(
        db, access, org_id=org_id, settings=settings, definition=template.definition, template_key=template.key
    )


async def copy_as_next_round(db: Db, access: Access, survey_id: uuid.UUID, title: str | None) -> Survey:
    """A new draft with the same questions, linked to this one so that their results can be compared."""
    source = await managed_survey(db, access, survey_id, "surveyId")
    settings = SurveySettings.of(source)
    if title is not None:
        settings = SurveySettings(**{**settings.__dict__, "title": title})
    if settings.closes_at is not None:
        settings = SurveySettings(**{**settings.__dict__, "closes_at": None})
    return await create_survey(
        db,
        access,
        org_id=source.org_id,
        settings=settings,
        definition=(await structure(db, source)).definition,
        previous_round_id=source.id,
        template_key=source.template_key,
        action="survey.copy",
    )


async def open_survey(db: Db, access: Access, survey_id: uuid.UUID) -> Survey:
    survey = await managed_survey(db, access, survey_id)
    if survey.status != SurveyStatus.DRAFT:
        raise input_error("id", "That survey has already been opened.")
    definition = (await structure(db, survey)).definition
    if not definition.questions:
        raise input_error("id", "Add at least one question before opening the survey.")
    if survey.closes_at is not None and survey.closes_at <= clock.now():
        raise input_error("closesAt", "The closing time has passed; choose a later one before opening the survey.")
    before = snapshot(survey)
    members = await member_facts(db, survey.org_id)
    survey.invited = invitation(members, Audience.from_data(survey.audience), RespondentUnit(survey.respondent_unit))
    survey.status = SurveyStatus.OPEN
    await db.add(survey)
    await record(db, access, "survey.open", survey, org_id=survey.org_id, before=before)
    await outbox.record(
        db,
        access,
        "survey_opened",
        org_id=survey.org_id,
        subject_id=survey.id,
        payload={"title": survey.title, "opened_at": clock.now().isoformat()},
    )
    return survey


async def close_survey(db: Db, access: Access, survey_id: uuid.UUID) -> Survey:
    survey = await managed_survey(db, access, survey_id)
    if survey.status != SurveyStatus.OPEN:
        raise input_error("id", "Only an open survey can be closed.")
    before = snapshot(survey)
    survey.status = SurveyStatus.CLOSED
    if survey.closes_at is None or survey.closes_at > clock.now():
        survey.closes_at = clock.now()
    await db.add(survey)
    await record(db, access, "survey.close", survey, org_id=survey.org_id, before=before)
    return survey


async def publish_results(db: Db, access: Access, survey_id: uuid.UUID, published: bool) -> Survey:
    survey = await managed_survey(db, access, survey_id)
    if survey.status == SurveyStatus.DRAFT:
        raise input_error("id", "A survey's results can be published once it has been opened.")
    before = snapshot(survey)
    survey.results_published = published
    await db.add(survey)
    await record(
        db, access, "survey.publish" if published else "survey.unpublish", survey, org_id=survey.org_id, before=before
    )
    return survey


async def member_facts(db: Db, org_id: uuid.UUID, person_id: uuid.UUID | None = None) -> list[MemberFacts]:
    """Each active member's roles, practices represented and whether they hold a committee seat, today."""
    today = clock.today()
    memberships = select(Membership).where(Membership.org_id == org_id)
    seats = select(Seat).where(or_(Seat.org_id == org_id, Seat.party_org_id == org_id))
    if person_id is not None:
        memberships = memberships.where(Membership.person_id == person_id)
        seats = seats.where(Seat.person_id == person_id)
    active = [m for m in await db.all(memberships) if m.is_active_on(today)]
    seated = {s.person_id for s in await db.all(seats) if s.is_active_on(today)}
    practice_ids = {m.practice_id for m in active if m.practice_id}
    practices = {}
    if practice_ids:
        rows = await db.all(select(Practice).where(Practice.id.in_(practice_ids)))
        practices = {p.id: PracticeFacts(p.id, p.name, p.locality, p.list_size) for p in rows}
    people: dict[uuid.UUID, list[Membership]] = {}
    for membership in active:
        people.setdefault(membership.person_id, []).append(membership)
    return [
        MemberFacts(
            person_id=person,
            roles=frozenset(Role(m.role) for m in held),
            practices=tuple(
                sorted((practices[m.practice_id] for m in held if m.practice_id in practices), key=lambda p: p.name)
            ),
            seated=person in seated,
        )
        for person, held in people.items()
    ]
