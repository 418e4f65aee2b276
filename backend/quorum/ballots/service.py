"""Ballots: who may see them and set them up, their state from opening to close, and the checks on input."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, or_, text
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.ballots.policy import can_manage, is_member, visible_ballots
from quorum.ballots.tables import (
    Ballot,
    BallotOption,
    BallotQuestion,
    BallotSettings,
    BallotTally,
    OptionKind,
    QuestionKind,
)
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.files import service as files
from quorum.organisations.service import get_organisation
from quorum.organisations.tables import Organisation, OrganisationKind
from quorum.outbox import service as outbox
from quorum.people.tables import Person

MAX_QUESTIONS = 20
MAX_CANDIDATES = 50
FOR_AGAINST_OPTIONS = [(OptionKind.FOR, "For"), (OptionKind.AGAINST, "Against"), (OptionKind.ABSTAIN, "Abstain")]


class BallotStatus(str, enum.Enum):
    SCHEDULED = "SCHEDULED"
    OPEN = "OPEN"
    CLOSED = "CLOSED"


def status(ballot: Ballot, now: datetime) -> BallotStatus:
    if ballot.closed_early_at is not None or now >= ballot.closes_at:
        return BallotStatus.CLOSED
    return BallotStatus.SCHEDULED if now < ballot.opens_at else BallotStatus.OPEN


def closed_at(ballot: Ballot) -> datetime:
    return ballot.closed_early_at or ballot.closes_at


def when(moment: datetime) -> str:
    local = moment.astimezone(clock.LONDON)
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


async def get_ballot(db: Db, access: Access, ballot_id: uuid.UUID) -> Ballot | None:
    return await db.first(visible_ballots(access).where(Ballot.id == ballot_id))


async def managed_ballot(db: Db, access: Access, ballot_id: uuid.UUID, field: str = "id") -> Ballot:
    ballot = await get_ballot(db, access, ballot_id)
    if ballot is None:
        raise input_error(field, "No such ballot.")
    if not can_manage(access, ballot.org_id):
        raise input_error(None, "Only the CCG's board secretary or an administrator can change a ballot.")
    return ballot


async def questions_of(db: Db, ballot: Ballot) -> list[tuple[BallotQuestion, list[BallotOption]]]:
    rows = await db.all(
        select(BallotQuestion, BallotOption)
        .join(
            BallotOption,
            (BallotOption.org_id == BallotQuestion.org_id) & (BallotOption.question_id == BallotQuestion.id),
        )
        .where(BallotQuestion.org_id == ballot.org_id, BallotQuestion.ballot_id == ballot.id)
        .order_by(BallotQuestion.position, BallotOption.position)
    )
    grouped: dict[uuid.UUID, tuple[BallotQuestion, list[BallotOption]]] = {}
    for question, option in rows:
        grouped.setdefault(question.id, (question, []))[1].append(option)
    return list(grouped.values())


async def managed_ccg(db: Db, access: Access, org_id: uuid.UUID, doing: str) -> Organisation:
    organisation = await get_organisation(db, access, org_id)
    if organisation is None or not is_member(access, org_id):
        raise input_error("organisationId", "No such organisation.")
    if organisation.kind != OrganisationKind.CCG:
        raise input_error("organisationId", "Council of members ballots belong to CCGs, not to area teams.")
    if not can_manage(access, org_id):
        raise input_error(None, f"Only the board secretary or an administrator of {organisation.name} can {doing}.")
    return organisation


@dataclass(frozen=True)
class QuestionDraft:
    text: str
    kind: QuestionKind
    seats: int = 1
    candidates: list[str] = field(default_factory=list)


def question_errors(questions: list[QuestionDraft]) -> list[UserError]:
    if not questions:
        return [UserError(field="questions", message="Add at least one question.")]
    if len(questions) > MAX_QUESTIONS:
        return [UserError(field="questions", message=f"A ballot has at most {MAX_QUESTIONS} questions.")]
    errors = []
    for number, question in enumerate(questions, start=1):

        def problem(message: str) -> None:
            errors.append(UserError(field="questions", message=f"Question {number}: {message}"))

        if not question.text.strip() or len(question.text) > 1000:
            problem("enter the question (1,000 characters or fewer).")
        if question.kind == QuestionKind.FOR_AGAINST:
            if question.candidates or question.seats != 1:
                problem("a for-or-against question has no candidates or seats.")
            continue
        names = [c.strip() for c in question.candidates]
        if not names or len(names) > MAX_CANDIDATES:
            problem(f"an election needs from 1 to {MAX_CANDIDATES} candidates.")
        elif any(not n or len(n) > 200 for n in names):
            problem("each candidate needs a name (200 characters or fewer).")
        elif len({n.casefold() for n in names}) != len(names):
            problem("each candidate may stand only once.")
        elif not 1 <= question.seats <= len(names):
            problem("the seats to fill must be at least one and no more than the candidates.")
    return errors


async def create_ballot(
    db: Db,
    access: Access,
    *,
    org_id: uuid.UUID,
    title: str,
    description: str,
    secret: bool,
    opens_at: datetime,
    closes_at: datetime,
    questions: list[QuestionDraft],
    document: tuple[str, str] | None,
) -> Ballot:
    organisation = await managed_ccg(db, access, org_id, "set up ballots")
    settings = await db.first(select(BallotSettings).where(BallotSettings.org_id == org_id))
    errors: list[UserError] = []
    if settings is None:
        errors.append(
            UserError(
                field=None,
                message=f"Set {organisation.name}'s voting rules from its constitution before creating a ballot.",
            )
        )
    if not title.strip() or len(title) > 200:
        errors.append(UserError(field="title", message="Enter the ballot's title (200 characters or fewer)."))
    if len(description) > 10_000:
        errors.append(UserError(field="description", message="Keep the explanation to 10,000 characters."))
    if opens_at.tzinfo is None or closes_at.tzinfo is None:
        errors.append(UserError(field="opensAt", message="Give the opening and closing times with a time zone."))
    elif closes_at <= opens_at:
        errors.append(UserError(field="closesAt", message="The ballot must close after it opens."))
    elif closes_at <= clock.now():
        errors.append(UserError(field="closesAt", message="The closing time has already passed."))
    errors += question_errors(questions)
    if errors:
        raise InputErrors(*errors)
    stored = document and await files.store(
        db,
        access,
        org_id=org_id,
        field="document",
        filename=document[0],
        content_base64=document[1],
        allowed=(files.PDF, files.WORD),
    )
    ballot = Ballot(
        org_id=org_id,
        title=title.strip(),
        description=description.strip(),
        document_file_id=stored and stored.id,
        secret=secret,
        opens_at=opens_at,
        closes_at=closes_at,
        weighting=settings.weighting,
        turnout_basis=settings.turnout_basis,
        turnout_threshold=settings.turnout_threshold,
        majority=settings.majority,
        majority_share=settings.majority_share,
        votes_may_change=settings.votes_may_change and not secret,
        created_by=access.person_id,
    )
    await db.add(ballot)
    for position, draft in enumerate(questions, start=1):
        question = BallotQuestion(
            org_id=org_id,
            ballot_id=ballot.id,
            position=position,
            kind=draft.kind,
            text=draft.text.strip(),
            seats=draft.seats,
        )
        await db.add(question, refresh=False)
        choices = (
            FOR_AGAINST_OPTIONS
            if draft.kind == QuestionKind.FOR_AGAINST
            else [
                *((OptionKind.CANDIDATE, name.strip()) for name in draft.candidates),
                (OptionKind.ABSTAIN, "Abstain"),
            ]
        )
        for number, (kind, label) in enumerate(choices, start=1):
            option = BallotOption(
                org_id=org_id,
                ballot_id=ballot.id,
                question_id=question.id,
                position=number,
                kind=kind,
                label=label,
            )
            await db.add(option, refresh=False)
            if secret:
                await db.add(
                    BallotTally(org_id=org_id, ballot_id=ballot.id, option_id=option.id, question_id=question.id),
                    refresh=False,
                )
    await record(db, access, "ballot.create", ballot, org_id=org_id)
    if status(ballot, clock.now()) == BallotStatus.OPEN:  # one that opens later is announced when it opens
        await outbox.record(db, access, "ballot_opened", org_id=org_id, subject_id=ballot.id, payload=opened(ballot))
    return ballot


def opened(ballot: Ballot) -> dict[str, object]:
    """What a "ballot opened" event says: enough for the ballot paper's letter."""
    return {"title": ballot.title, "closes_at": ballot.closes_at.isoformat(), "secret": ballot.secret}


async def close_ballot(db: Db, access: Access, ballot_id: uuid.UUID) -> Ballot:
    ballot = await managed_ballot(db, access, ballot_id)
    await db.execute(text("SELECT pg_advisory_xact_lock(ballot_lock_key(:id))"), {"id": ballot.id})
    ballot = await db.first(select(Ballot).where(Ballot.id == ballot.id).execution_options(populate_existing=True))
    now = clock.now()
    current = status(ballot, now)
    if current == BallotStatus.SCHEDULED:
        raise input_error("id", f"The ballot has not opened yet; it opens at {when(ballot.opens_at)}.")
    if current == BallotStatus.CLOSED:
        raise input_error("id", f"The ballot closed at {when(closed_at(ballot))}.")
    before = snapshot(ballot)
    ballot.closed_early_at, ballot.closed_by = now, access.person_id
    await db.add(ballot)
    await record(db, access, "ballot.close", ballot, org_id=ballot.org_id, before=before)
    return ballot


def status_filter(statement, wanted: BallotStatus, now: datetime):
    if wanted == BallotStatus.CLOSED:
        return statement.where(or_(Ballot.closed_early_at.is_not(None), Ballot.closes_at <= now))
    open_now = and_(Ballot.closed_early_at.is_(None), Ballot.closes_at > now)
    if wanted == BallotStatus.OPEN:
        return statement.where(open_now, Ballot.opens_at <= now)
    return statement.where(open_now, Ballot.opens_at > now)


async def person_name(db: Db, person_id: uuid.UUID) -> str:
    person = await db.first(select(Person).where(Person.id == person_id))
    return person.name if person else "a representative"
