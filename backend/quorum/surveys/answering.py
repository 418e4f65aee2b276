"""Answering a survey: save and resume, submit, and change the answers until the close when the survey allows it.

Confidential and named surveys find a respondent's response through
survey_respondent. Anonymous ones cannot: the response is found again only
through a resume token handed to the respondent once (the database keeps its
sha256), and "one response each" is kept by a participation marker that
carries nothing tying it to the response. Answers to questions the respondent
does not see are dropped, never stored.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, func, insert, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel, select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record
from quorum.database import Db
from quorum.errors import InputErrors, input_error
from quorum.surveys import policy, service
from quorum.surveys.audience import Audience, MemberFacts, Respondent, respondents
from quorum.surveys.definition import Answer, review
from quorum.surveys.tables import (
    Anonymity,
    RespondentUnit,
    ResponseStatus,
    Survey,
    SurveyAnswer,
    SurveyDraft,
    SurveyRespondent,
    SurveyResponse,
    SurveyStatus,
)

_PRESENT_TOKEN = text("SELECT set_config('app.response_token', :hash, true)")


@dataclass(frozen=True)
class GivenAnswer:
    """An answer as the respondent sent it, naming its question by id."""

    question_id: uuid.UUID
    item: str = ""
    choice: str | None = None
    choices: tuple[str, ...] | None = None
    number: Decimal | None = None
    text: str | None = None


@dataclass(frozen=True)
class MyResponse:
    survey: Survey
    row: SurveyResponse
    answers: list[SurveyAnswer]
    practice_id: uuid.UUID | None
    can_change: bool


@dataclass(frozen=True)
class Saved:
    response: MyResponse
    resume_token: str | None  # only when an anonymous response has just been started


class SurveySubmission(SQLModel):
    """What the audit log keeps of a confidential or named submission: who, which survey, never the answers."""

    id: uuid.UUID
    practice_id: uuid.UUID | None = None
    change: bool = False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def answering_as(db: Db, access: Access, survey: Survey) -> list[Respondent]:
    """The ways the caller may answer this survey (none, themselves, or each practice they may answer for)."""
    if not policy.can_be_asked(access, survey):
        return []
    return ways_to_answer(survey, await service.member_facts(db, survey.org_id, access.person_id))


def ways_to_answer(survey: Survey, members: list[MemberFacts]) -> list[Respondent]:
    audience, unit = Audience.from_data(survey.audience), RespondentUnit(survey.respondent_unit)
    return [r for m in members for r in respondents(m, audience, unit)]


def _choose(options: list[Respondent], practice_id: uuid.UUID | None) -> Respondent:
    if not options:
        raise input_error("surveyId", "This survey is not for you: it asks other members of the CCG.")
    if practice_id is not None:
        chosen = [o for o in options if o.practice and o.practice.id == practice_id]
        if not chosen:
            raise input_error("practiceId", "You cannot answer this survey for that practice.")
        return chosen[0]
    if len(options) > 1:
        raise input_error("practiceId", "Choose which of your practices you are answering for.")
    return options[0]


async def _by_token(db: Db, survey: Survey, token: str) -> SurveyResponse | None:
    await db.execute(_PRESENT_TOKEN, {"hash": token_hash(token)})
    return await db.first(
        select(SurveyResponse).where(
            SurveyResponse.survey_id == survey.id, SurveyResponse.resume_token_hash == token_hash(token)
        )
    )


async def _linked(
    db: Db, access: Access, survey: Survey, practice_id: uuid.UUID | None, *, any_practice: bool = False
) -> tuple[SurveyResponse | None, SurveyRespondent | None]:
    statement = select(SurveyRespondent).where(
        SurveyRespondent.survey_id == survey.id, SurveyRespondent.person_id == access.person_id
    )
    if not any_practice:
        statement = statement.where(
            SurveyRespondent.practice_id.is_(None)
            if practice_id is None
            else SurveyRespondent.practice_id == practice_id
        )
    link = await db.first(statement.order_by(SurveyRespondent.response_id))
    if link is None:
        return None, None
    return await db.first(select(SurveyResponse).where(SurveyResponse.id == link.response_id)), link


async def my_response(
    db: Db, access: Access, survey: Survey, *, token: str | None, practice_id: uuid.UUID | None
) -> MyResponse | None:
    """The caller's response, draft or sent: through their token for an anonymous survey."""
    if not policy.can_have_response(access):
        return None
    link = None
    if survey.anonymity == Anonymity.ANONYMOUS:
        row = await _by_token(db, survey, token) if token else None
    else:
        row, link = await _linked(db, access, survey, practice_id, any_practice=practice_id is None)
    return row and await _view(db, survey, row, link)


async def _view(db: Db, survey: Survey, row: SurveyResponse, link: SurveyRespondent | None) -> MyResponse:
    answers = await db.all(
        select(SurveyAnswer).where(SurveyAnswer.org_id == row.org_id, SurveyAnswer.response_id == row.id)
    )
    open_now = service.current_status(survey, clock.now()) == SurveyStatus.OPEN
    changeable = row.status == ResponseStatus.DRAFT or survey.allow_edits_after_submit
    return MyResponse(survey, row, answers, link and link.practice_id, open_now and changeable)


async def answering_survey(
    db: Db, access: Access, survey_id: uuid.UUID, practice_id: uuid.UUID | None
) -> tuple[Survey, Respondent]:
    """An open survey the caller may answer, and as whom; refused with the reason otherwise."""
    survey = await service.get_survey(db, access, survey_id)
    if survey is None or not policy.can_have_response(access):
        raise input_error("surveyId", "No such survey.")
    status = service.current_status(survey, clock.now())
    if status != SurveyStatus.OPEN:
        raise input_error(
            "surveyId", "This survey is not open yet." if status == SurveyStatus.DRAFT else "This survey has closed."
        )
    return survey, _choose(await answering_as(db, access, survey), practice_id)


def by_key(structure: service.Structure, given: list[GivenAnswer]) -> list[Answer]:
    answers = []
    for answer in given:
        key = structure.keys_by_id.get(answer.question_id)
        if key is None:
            raise input_error("answers", "An answer names a question that is not part of this survey.")
        answers.append(Answer(key, answer.item, answer.choice, answer.choices, answer.number, answer.text))
    return answers


async def discard_draft(db: Db, access: Access, survey: Survey, respondent: Respondent) -> None:
    """Delete the caller's server-side draft (see drafts.py); run in the submission's transaction."""
    practice_id = respondent.practice and respondent.practice.id
    await db.execute(
        delete(SurveyDraft).where(
            SurveyDraft.org_id == survey.org_id,
            SurveyDraft.survey_id == survey.id,
            SurveyDraft.person_id == access.person_id,
            SurveyDraft.practice_id.is_(None) if practice_id is None else SurveyDraft.practice_id == practice_id,
        )
    )


async def save(
    db: Db,
    access: Access,
    survey_id: uuid.UUID,
    given: list[GivenAnswer],
    *,
    token: str | None,
    practice_id: uuid.UUID | None,
    submit: bool,
) -> Saved:
    """Save the answers as a draft, or (`submit`) check them all and send the response."""
    survey, respondent = await answering_survey(db, access, survey_id, practice_id)
    structure = await service.structure(db, survey)
    reviewed = review(structure.definition, by_key(structure, given), complete=submit)
    if reviewed.errors:
        raise InputErrors(*reviewed.errors)

    anonymous = survey.anonymity == Anonymity.ANONYMOUS
    if anonymous:
        row, link = (await _by_token(db, survey, token), None) if token else (None, None)
        if token and row is None:
            raise input_error("token", "That resume token does not belong to a response to this survey.")
    else:
        row, link = await _linked(db, access, survey, respondent.practice and respondent.practice.id)
    if row is not None and row.status == ResponseStatus.SUBMITTED:
        if not submit:
            raise input_error(None, "Your response has been sent; submit it again to change it.")
        if not survey.allow_edits_after_submit:
            raise input_error(None, "You have already responded to this survey, and it does not allow changes.")
    first_submission = submit and (row is None or row.status == ResponseStatus.DRAFT)
    if (
        anonymous
        and (row is None or row.status == ResponseStatus.DRAFT)
        and await _participated(db, survey, respondent)
    ):
        raise _already_responded(respondent)

    new_token = None
    async with _all_or_nothing(db):
        if row is None:
            row, link, new_token = await _start(db, access, survey, respondent)
        if row.status == ResponseStatus.SUBMITTED:
            await _tally(db, row, -1)
        await _replace_answers(db, row, structure, reviewed.kept)
        if first_submission:
            if anonymous and not await _claim(db, survey, respondent):
                raise _already_responded(respondent)
            row.status = ResponseStatus.SUBMITTED
            await db.add(row, refresh=False)
            if link is not None:
                link.submitted_at = clock.now()
                await db.add(link, refresh=False)
        if submit:
            await _tally(db, row, 1)
            await discard_draft(db, access, survey, respondent)
        if submit and not anonymous:
            receipt = SurveySubmission(
                id=survey.id, practice_id=respondent.practice and respondent.practice.id, change=not first_submission
            )
            await record(db, access, "survey.respond", receipt, org_id=survey.org_id)
    return Saved(await _view(db, survey, row, link), new_token)


async def _start(
    db: Db, access: Access, survey: Survey, respondent: Respondent
) -> tuple[SurveyResponse, SurveyRespondent | None, str | None]:
    groups = respondent.groups
    row = SurveyResponse(
        org_id=survey.org_id,
        survey_id=survey.id,
        id=uuid.uuid4(),
        group_role=groups.role,
        group_locality=groups.locality,
        group_leader=groups.leader,
        group_band=groups.band,
    )
    if survey.anonymity == Anonymity.ANONYMOUS:
        token = secrets.token_urlsafe(32)
        row.resume_token_hash = token_hash(token)
        await db.execute(_PRESENT_TOKEN, {"hash": row.resume_token_hash})
        await db.add(row, refresh=False)
        return row, None, token
    await db.add(row, refresh=False)
    link = SurveyRespondent(
        org_id=survey.org_id,
        survey_id=survey.id,
        anonymity=survey.anonymity,
        response_id=row.id,
        person_id=access.person_id,
        practice_id=respondent.practice and respondent.practice.id,
    )
    try:
        await db.add(link, refresh=False)
    except IntegrityError:
        raise _already_responded(respondent, started=True) from None
    return row, link, None


async def _replace_answers(db: Db, row: SurveyResponse, structure: service.Structure, kept: list[Answer]) -> None:
    await db.execute(delete(SurveyAnswer).where(SurveyAnswer.org_id == row.org_id, SurveyAnswer.response_id == row.id))
    if kept:
        await db.execute(
            insert(SurveyAnswer),
            [
                {
                    "org_id": row.org_id,
                    "survey_id": row.survey_id,
                    "response_id": row.id,
                    "question_id": structure.question_ids[a.question_key],
                    "item": a.item,
                    "choice": a.choice,
                    "choices": list(a.choices) if a.choices else None,
                    "number": a.number,
                    "text": a.text.strip() if a.text is not None else None,
                }
                for a in kept
            ],
        )


async def _tally(db: Db, row: SurveyResponse, sign: int) -> None:
    """Count a sent response's answers into the results (1), or out of them before they change (-1)."""
    await db.scalar(select(func.tally_survey_response(row.org_id, row.id, sign)))


async def _participated(db: Db, survey: Survey, respondent: Respondent) -> bool:
    practice = respondent.practice and respondent.practice.id
    return bool(await db.scalar(select(func.survey_participated(survey.org_id, survey.id, practice))))


async def _claim(db: Db, survey: Survey, respondent: Respondent) -> bool:
    practice = respondent.practice and respondent.practice.id
    return bool(await db.scalar(select(func.claim_survey_participation(survey.org_id, survey.id, practice))))


def _already_responded(respondent: Respondent, *, started: bool = False) -> InputErrors:
    if respondent.practice is None:
        return input_error(None, "You have already responded to this survey.")
    if started:
        return input_error(
            "practiceId", f"Another representative of {respondent.practice.name} has already started its response."
        )
    return input_error("practiceId", f"{respondent.practice.name} has already responded to this survey.")


@asynccontextmanager
async def _all_or_nothing(db: Db) -> AsyncIterator[None]:
    savepoint = await db.session.begin_nested()
    try:
        yield
    except BaseException:
        await savepoint.rollback()
        raise
    await savepoint.commit()


async def has_responded(db: Db, access: Access, survey: Survey, respondent: Respondent) -> bool:
    if survey.anonymity == Anonymity.ANONYMOUS:
        return await _participated(db, survey, respondent)
    _, link = await _linked(db, access, survey, respondent.practice and respondent.practice.id)
    return link is not None and link.submitted_at is not None


async def response_count(db: Db, survey: Survey) -> int:
    return await db.scalar(
        select(func.count())
        .select_from(SurveyResponse)
        .where(
            SurveyResponse.org_id == survey.org_id,
            SurveyResponse.survey_id == survey.id,
            SurveyResponse.status == ResponseStatus.SUBMITTED,
        )
    )


@dataclass(frozen=True)
class Responded:
    person_id: uuid.UUID
    practice_id: uuid.UUID | None
    submitted_at: datetime | None


async def who_responded(db: Db, survey: Survey) -> list[Responded]:
    """Who has responded to a confidential or named survey (officers only; nothing about what they said)."""
    found = func.survey_respondents(survey.org_id, survey.id).table_valued("person_id", "practice_id", "submitted_at")
    rows = await db.all(select(found.c.person_id, found.c.practice_id, found.c.submitted_at))
    return sorted(
        (Responded(r.person_id, r.practice_id, r.submitted_at) for r in rows),
        key=lambda r: (r.submitted_at, str(r.person_id)),
    )
