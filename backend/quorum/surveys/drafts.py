"""Drafts: a signed-in respondent's unsent answers, kept on the server so they can finish on another device.

A draft names the person, which an anonymous survey's response never does; so a draft lives only until the
response is sent (answering.save deletes it in the same transaction) and cannot be saved after that. Saving
replaces the whole draft in one upsert on (survey, person, practice): repeated or concurrent saves leave one row.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col, select

from quorum.access import Access
from quorum.database import Db
from quorum.errors import InputErrors, input_error
from quorum.surveys import answering, service
from quorum.surveys.definition import Answer, review
from quorum.surveys.tables import Survey, SurveyDraft


def _stored(answer: Answer) -> dict[str, Any]:
    return {
        "question_key": answer.question_key,
        "item": answer.item,
        "choice": answer.choice,
        "choices": list(answer.choices) if answer.choices is not None else None,
        "number": None if answer.number is None else str(answer.number),
        "text": answer.text,
    }


def answers_of(draft: SurveyDraft) -> list[Answer]:
    return [
        Answer(
            question_key=a["question_key"],
            item=a.get("item", ""),
            choice=a.get("choice"),
            choices=None if a.get("choices") is None else tuple(a["choices"]),
            number=None if a.get("number") is None else Decimal(a["number"]),
            text=a.get("text"),
        )
        for a in draft.answers
    ]


async def save_draft(
    db: Db,
    access: Access,
    survey_id: uuid.UUID,
    given: list[answering.GivenAnswer],
    *,
    practice_id: uuid.UUID | None,
) -> tuple[Survey, SurveyDraft]:
    """Keep these answers (checked as a saved response's are) as the caller's draft, replacing any before."""
    survey, respondent = await answering.answering_survey(db, access, survey_id, practice_id)
    structure = await service.structure(db, survey)
    reviewed = review(structure.definition, answering.by_key(structure, given), complete=False)
    if reviewed.errors:
        raise InputErrors(*reviewed.errors)
    if await answering.has_responded(db, access, survey, respondent):
        raise input_error(None, "You have sent your response, so your answers are no longer kept as a draft.")
    values = {
        "org_id": survey.org_id,
        "survey_id": survey.id,
        "id": uuid.uuid4(),
        "person_id": access.person_id,
        "practice_id": respondent.practice and respondent.practice.id,
        "answers": [_stored(a) for a in reviewed.kept],
    }
    statement = insert(SurveyDraft).values(values)
    await db.execute(
        statement.on_conflict_do_update(
            index_elements=["survey_id", "person_id", "practice_id"],
            set_={"answers": statement.excluded.answers, "saved_at": func.now()},
        )
    )
    draft = await my_draft(db, access, survey, values["practice_id"])
    assert draft is not None
    return survey, draft


async def my_draft(db: Db, access: Access, survey: Survey, practice_id: uuid.UUID | None) -> SurveyDraft | None:
    """The caller's draft of this survey (for this practice, when given)."""
    if access.person_id is None:
        return None
    statement = select(SurveyDraft).where(
        SurveyDraft.org_id == survey.org_id,
        SurveyDraft.survey_id == survey.id,
        SurveyDraft.person_id == access.person_id,
    )
    if practice_id is not None:
        statement = statement.where(SurveyDraft.practice_id == practice_id)
    statement = statement.order_by(col(SurveyDraft.saved_at).desc()).execution_options(populate_existing=True)
    return await db.first(statement)
