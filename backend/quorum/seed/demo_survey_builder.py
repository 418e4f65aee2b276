"""The demo's survey being built: a short draft with branching that Bolton's board secretary is still writing in
the survey builder, so the builder opens on something real. Idempotent: found again by its title."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select

from quorum.people.tables import Person
from quorum.surveys.audience import Audience, AudienceRole
from quorum.surveys.definition import Condition, Definition, Option, Question, QuestionKind, Section
from quorum.surveys.tables import Anonymity, RespondentUnit, Survey, SurveyQuestion, SurveySection

TITLE = "Locality meetings pulse survey"
DEFINITION = Definition(
    (
        Section(
            title="Locality meetings",
            questions=(
                Question(
                    key="attends",
                    kind=QuestionKind.SINGLE_CHOICE,
                    required=True,
                    prompt="Have you been to a locality meeting in the last three months?",
                    options=(Option("yes", "Yes"), Option("no", "No")),
                ),
                Question(
                    key="useful",
                    kind=QuestionKind.AGREEMENT,
                    required=True,
                    prompt="The last locality meeting was a good use of my time.",
                    show_if=Condition("attends", ("yes",)),
                ),
                Question(
                    key="barrier",
                    kind=QuestionKind.MULTIPLE_CHOICE,
                    prompt="What stops you going?",
                    options=(
                        Option("time", "Clinical sessions at the same time"),
                        Option("travel", "Travel to the venue"),
                        Option("agenda", "The agenda is not relevant to my practice"),
                    ),
                    show_if=Condition("attends", ("no",)),
                ),
                Question(key="improve", kind=QuestionKind.LONG_TEXT, prompt="What would make them more useful?"),
            ),
        ),
    )
)


async def seed_survey_builder(conn, org_id) -> None:
    if await conn.scalar(select(Survey.id).where(Survey.org_id == org_id, Survey.title == TITLE)) is not None:
        return
    secretary = await conn.scalar(select(Person.id).where(Person.email == "helen.hargreaves@demo.quorum.example"))
    survey_id = uuid.uuid4()
    await conn.execute(
        insert(Survey).values(
            org_id=org_id,
            id=survey_id,
            title=TITLE,
            description="Four questions on locality meetings, for practice representatives.",
            status="DRAFT",
            anonymity=Anonymity.ANONYMOUS,
            respondent_unit=RespondentUnit.PERSON,
            audience=Audience(roles=frozenset({AudienceRole.PRACTICE_REPRESENTATIVE})).to_data(),
            created_by=secretary,
        )
    )
    for position, section in enumerate(DEFINITION.sections):
        section_id = uuid.uuid4()
        await conn.execute(
            insert(SurveySection).values(
                org_id=org_id, survey_id=survey_id, id=section_id, position=position, title=section.title
            )
        )
        for number, question in enumerate(section.questions):
            await conn.execute(
                insert(SurveyQuestion).values(
                    org_id=org_id,
                    survey_id=survey_id,
                    id=uuid.uuid4(),
                    section_id=section_id,
                    position=number,
                    key=question.key,
                    kind=question.kind.value,
                    prompt=question.prompt,
                    required=question.required,
                    options=[{"key": o.key, "label": o.label} for o in question.options],
                    statements=[],
                    show_if=question.show_if and question.show_if.to_data(),
                )
            )
