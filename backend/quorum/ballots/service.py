"""Voting rules, ballots and proxies: who may see and set them up, and the checks on input."""

from __future__ import annotations

import enum
import math
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import and_, or_, text
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.ballots.tables import (
    Ballot, BallotElector, BallotOption, BallotParticipation, BallotProxy, BallotQuestion, BallotSettings, BallotTally,
    Majority, OptionKind, QuestionKind, TurnoutBasis, Weighting,
)
from quorum.database import Db
from quorum.files import service as files
from quorum.graphql.errors import InputErrors, UserError, input_error
from quorum.organisations.service import get_organisation
from quorum.organisations.tables import Organisation, OrganisationKind, Practice
from quorum.people.tables import Membership, Person, Role

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


def visible_ballots(access: Access):
    return select(Ballot).where(Ballot.org_id.in_(access.org_ids))


def visible_questions(access: Access):
    return select(BallotQuestion).where(BallotQuestion.org_id.in_(access.org_ids))


def visible_options(access: Access):
    return select(BallotOption).where(BallotOption.org_id.in_(access.org_ids))


def visible_proxies(access: Access):
    return select(BallotProxy).where(BallotProxy.org_id.in_(access.org_ids))


def can_manage(access: Access, org_id: uuid.UUID) -> bool:
    """The CCG's administrators and board secretaries run its ballots and set its voting rules."""
    return access.is_governance_officer(org_id)


def represented_practices(access: Access, org_id: uuid.UUID) -> frozenset[uuid.UUID]:
    return frozenset(
        g.practice_id for g in access.grants if g.org_id == org_id and g.role == Role.PRACTICE_REPRESENTATIVE and g.practice_id
    )


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
        .join(BallotOption, (BallotOption.org_id == BallotQuestion.org_id) & (BallotOption.question_id == BallotQuestion.id))
        .where(BallotQuestion.org_id == ballot.org_id, BallotQuestion.ballot_id == ballot.id)
        .order_by(BallotQuestion.position, BallotOption.position)
    )
    grouped: dict[uuid.UUID, tuple[BallotQuestion, list[BallotOption]]] = {}
    for question, option in rows:
        grouped.setdefault(question.id, (question, []))[1].append(option)
    return list(grouped.values())


# Voting rules --------------------------------------------------------------------------------


async def settings_of(db: Db, access: Access, org_id: uuid.UUID) -> BallotSettings | None:
    if org_id not in access.org_ids:
        return None
    return await db.first(select(BallotSettings).where(BallotSettings.org_id == org_id))


async def managed_ccg(db: Db, access: Access, org_id: uuid.UUID, doing: str) -> Organisation:
    organisation = await get_organisation(db, access, org_id)
    if organisation is None or org_id not in access.org_ids:
        raise input_error("organisationId", "No such organisation.")
    if organisation.kind != OrganisationKind.CCG:
        raise input_error("organisationId", "Council of members ballots belong to CCGs, not to area teams.")
    if not can_manage(access, org_id):
        raise input_error(None, f"Only the board secretary or an administrator of {organisation.name} can {doing}.")
    return organisation


def percent_value(field: str, value: float, low: Decimal, high: Decimal, words: str) -> Decimal:
    if not math.isfinite(value):
        raise input_error(field, f"{words} must be a number.")
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if not low <= amount <= high:
        raise input_error(field, f"{words} must be from {low:g}% to {high:g}%.")
    return amount


async def set_settings(
    db: Db,
    access: Access,
    org_id: uuid.UUID,
    *,
    weighting: Weighting,
    turnout_basis: TurnoutBasis,
    turnout_threshold: float,
    majority: Majority,
    majority_share: float | None,
    votes_may_change: bool,
) -> BallotSettings:
    await managed_ccg(db, access, org_id, "set its voting rules")
    errors: list[UserError] = []
    threshold = share = None
    try:
        threshold = percent_value("turnoutThresholdPercent", turnout_threshold, Decimal(0), Decimal(100), "The turnout")
    except InputErrors as e:
        errors += e.errors
    if majority == Majority.STATED_SHARE:
        if majority_share is None:
            errors.append(UserError(field="majorityPercent", message="State the share of votes that carries a question."))
        else:
            try:
                share = percent_value("majorityPercent", majority_share, Decimal("50.01"), Decimal(100), "The majority")
            except InputErrors as e:
                errors += e.errors
    elif majority_share is not None:
        errors.append(UserError(field="majorityPercent", message="Only a stated-share majority has a percentage."))
    if errors:
        raise InputErrors(*errors)
    existing = await db.first(select(BallotSettings).where(BallotSettings.org_id == org_id))
    before = snapshot(existing)
    settings = existing or BallotSettings(org_id=org_id)
    settings.weighting, settings.turnout_basis, settings.turnout_threshold = weighting, turnout_basis, threshold
    settings.majority, settings.majority_share, settings.votes_may_change = majority, share, votes_may_change
    settings.updated_by, settings.updated_at = access.person_id, clock.now()
    await db.add(settings)
    await record(db, access, "ballot_settings.set", settings, org_id=org_id, before=before)
    return settings


# Ballots -------------------------------------------------------------------------------------


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
        errors.append(UserError(
            field=None, message=f"Set {organisation.name}'s voting rules from its constitution before creating a ballot.",
        ))
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
        db, access, org_id=org_id, field="document", filename=document[0], content_base64=document[1],
        allowed=(files.PDF, files.WORD),
    )
    ballot = Ballot(
        org_id=org_id, title=title.strip(), description=description.strip(), document_file_id=stored and stored.id,
        secret=secret, opens_at=opens_at, closes_at=closes_at, weighting=settings.weighting,
        turnout_basis=settings.turnout_basis, turnout_threshold=settings.turnout_threshold, majority=settings.majority,
        majority_share=settings.majority_share, votes_may_change=settings.votes_may_change and not secret,
        created_by=access.person_id,
    )
    await db.add(ballot)
    for position, draft in enumerate(questions, start=1):
        question = BallotQuestion(
            org_id=org_id, ballot_id=ballot.id, position=position, kind=draft.kind, text=draft.text.strip(), seats=draft.seats,
        )
        await db.add(question, refresh=False)
        choices = FOR_AGAINST_OPTIONS if draft.kind == QuestionKind.FOR_AGAINST else [
            *((OptionKind.CANDIDATE, name.strip()) for name in draft.candidates), (OptionKind.ABSTAIN, "Abstain"),
        ]
        for number, (kind, label) in enumerate(choices, start=1):
            option = BallotOption(
                org_id=org_id, ballot_id=ballot.id, question_id=question.id, position=number, kind=kind, label=label,
            )
            await db.add(option, refresh=False)
            if secret:
                await db.add(
                    BallotTally(org_id=org_id, ballot_id=ballot.id, option_id=option.id, question_id=question.id),
                    refresh=False,
                )
    await record(db, access, "ballot.create", ballot, org_id=org_id)
    return ballot


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


# Proxies -------------------------------------------------------------------------------------


async def live_proxy(db: Db, ballot: Ballot, practice_id: uuid.UUID) -> BallotProxy | None:
    return await db.first(select(BallotProxy).where(
        BallotProxy.org_id == ballot.org_id, BallotProxy.ballot_id == ballot.id, BallotProxy.practice_id == practice_id,
        BallotProxy.revoked_at.is_(None),
    ))


async def has_voted(db: Db, ballot: Ballot, practice_id: uuid.UUID) -> BallotParticipation | None:
    return await db.first(select(BallotParticipation).where(
        BallotParticipation.org_id == ballot.org_id, BallotParticipation.ballot_id == ballot.id,
        BallotParticipation.practice_id == practice_id,
    ))


async def appoint_proxy(
    db: Db, access: Access, *, ballot_id: uuid.UUID, practice_id: uuid.UUID, proxy_person_id: uuid.UUID
) -> BallotProxy:
    """A practice (through its representative, or the secretary on its behalf) names another practice's representative."""
    ballot = await get_ballot(db, access, ballot_id)
    if ballot is None:
        raise input_error("ballotId", "No such ballot.")
    practice = await db.first(select(Practice).where(Practice.org_id == ballot.org_id, Practice.id == practice_id))
    if practice is None:
        raise input_error("practiceId", "That practice is not a member of the CCG holding this ballot.")
    if practice_id not in represented_practices(access, ballot.org_id) and not can_manage(access, ballot.org_id):
        raise input_error(None, f"Only {practice.name}'s representatives or the board secretary can appoint its proxy.")
    if status(ballot, clock.now()) == BallotStatus.CLOSED:
        raise input_error("ballotId", f"The ballot closed at {when(closed_at(ballot))}.")
    if await has_voted(db, ballot, practice_id):
        raise input_error("practiceId", f"{practice.name} has already voted in this ballot.")
    if ballot.electorate_frozen_at is not None and not await db.first(select(BallotElector).where(
        BallotElector.org_id == ballot.org_id, BallotElector.ballot_id == ballot.id, BallotElector.practice_id == practice_id,
    )):
        raise input_error("practiceId", f"{practice.name} joined the CCG after this ballot opened and has no vote in it.")
    representative = await db.first(select(Membership).where(
        Membership.org_id == ballot.org_id, Membership.person_id == proxy_person_id,
        Membership.role == Role.PRACTICE_REPRESENTATIVE, Membership.practice_id != practice_id,
        Membership.valid_from <= clock.today(), or_(Membership.valid_to.is_(None), Membership.valid_to >= clock.today()),
    ))
    if representative is None:
        raise input_error("proxyPersonId", "A proxy must be the representative of another of the CCG's practices.")
    previous = await live_proxy(db, ballot, practice_id)
    if previous is not None:
        await _revoke(db, access, previous)
    proxy = BallotProxy(
        org_id=ballot.org_id, ballot_id=ballot.id, practice_id=practice_id, proxy_person_id=proxy_person_id,
        proxy_practice_id=representative.practice_id, appointed_by=access.person_id, appointed_at=clock.now(),
    )
    await db.add(proxy)
    await record(db, access, "ballot.proxy.appoint", proxy, org_id=ballot.org_id)
    return proxy


async def revoke_proxy(db: Db, access: Access, proxy_id: uuid.UUID) -> BallotProxy:
    proxy = await db.first(visible_proxies(access).where(BallotProxy.id == proxy_id))
    if proxy is None:
        raise input_error("id", "No such proxy appointment.")
    if proxy.practice_id not in represented_practices(access, proxy.org_id) and not can_manage(access, proxy.org_id):
        raise input_error(None, "Only the practice's representatives or the board secretary can revoke its proxy.")
    if proxy.revoked_at is not None:
        raise input_error("id", "That proxy appointment has already been revoked.")
    voted = await db.first(select(BallotParticipation).where(
        BallotParticipation.org_id == proxy.org_id, BallotParticipation.proxy_id == proxy.id,
    ))
    if voted is not None:
        raise input_error("id", "The proxy has already voted; the appointment can no longer be revoked.")
    await _revoke(db, access, proxy)
    return proxy


async def _revoke(db: Db, access: Access, proxy: BallotProxy) -> None:
    before = snapshot(proxy)
    proxy.revoked_at, proxy.revoked_by = clock.now(), access.person_id
    await db.add(proxy)
    await record(db, access, "ballot.proxy.revoke", proxy, org_id=proxy.org_id, before=before)


@dataclass(frozen=True)
class VotingRight:
    """A practice the viewer may vote for: their own, or one that appointed them its proxy."""

    practice_id: uuid.UUID
    proxy: BallotProxy | None = None


def proxies_held(access: Access, ballot_ids: list[uuid.UUID]):
    """Live proxy appointments the viewer holds in these ballots."""
    return visible_proxies(access).where(
        BallotProxy.ballot_id.in_(ballot_ids), BallotProxy.revoked_at.is_(None), BallotProxy.proxy_person_id == access.person_id,
    )


def voting_rights(access: Access, ballot: Ballot, held: list[BallotProxy]) -> list[VotingRight]:
    """The viewer's own practices, then those whose proxy they hold (while they still represent their practice)."""
    own = represented_practices(access, ballot.org_id)
    rights = [VotingRight(p) for p in sorted(own)]
    return rights + [VotingRight(p.practice_id, p) for p in held if p.proxy_practice_id in own and p.practice_id not in own]


def my_ballots(access: Access):
    """Ballots of the CCGs where the viewer represents a practice (proxies are representatives too)."""
    orgs = {g.org_id for g in access.grants if g.role == Role.PRACTICE_REPRESENTATIVE}
    return visible_ballots(access).where(Ballot.org_id.in_(orgs))


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
