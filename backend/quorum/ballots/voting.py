"""Casting a practice's vote: once, whoever presses the button and however often.

Every submission passes one gate, an INSERT ... ON CONFLICT DO NOTHING on the practice's
participation row. PostgreSQL lets exactly one transaction insert it; any other waits for
that one to finish, finds the row, and is told the vote was already recorded (or, where
the ballot allows, changes a named vote). Nothing is checked first and inserted later.

A named vote writes the practice's answers. A secret vote writes no row of its own: at its
commit it adds to every running total of its ballot at once (one for each chosen option,
nought for the rest), so no row, timestamp, transaction id or row position ties a practice
to a choice.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass

from sqlalchemy import func, text
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.ballots import policy, proxies, service
from quorum.ballots.proxies import VotingRight
from quorum.ballots.service import BallotStatus, when
from quorum.ballots.tables import (
    Ballot,
    BallotElector,
    BallotOption,
    BallotParticipation,
    BallotQuestion,
    BallotVoteChoice,
    OptionKind,
    QuestionKind,
)
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.organisations.tables import Practice

MAX_ANSWERS = 100


class VoteOutcome(str, enum.Enum):
    RECORDED = "RECORDED"
    ALREADY_RECORDED = "ALREADY_RECORDED"
    CHANGED = "CHANGED"


@dataclass(frozen=True)
class Answer:
    question_id: uuid.UUID
    option_ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True)
class CastVote:
    outcome: VoteOutcome
    message: str
    ballot: Ballot
    practice: Practice
    participation: BallotParticipation


Paper = dict[uuid.UUID, frozenset[uuid.UUID]]  # question -> chosen options

# Queued for the add_secret_paper trigger (migration 0005), which adds it to the totals at the commit.
# It names only options: the trigger pairs papers with participations by their order.
_SECRET_PAPER = text(
    "SELECT set_config('app.secret_papers', (coalesce(nullif(current_setting('app.secret_papers', true), ''), "
    "'[]')::jsonb"
    " || jsonb_build_array(to_jsonb(CAST(:chosen AS text[]))))::text, true)"
)
_NAMED_CHOICES = text(
    "INSERT INTO ballot_vote_choice (org_id, ballot_id, question_id, practice_id, option_id)"
    " SELECT :org_id, :ballot_id, q, :practice_id, o FROM unnest(CAST(:questions AS uuid[]), CAST(:options AS "
    "uuid[])) AS c (q, o)"
)
_NAMED_ANSWERS = text(
    "WITH answered AS (INSERT INTO ballot_vote (org_id, ballot_id, question_id, practice_id)"
    "  SELECT :org_id, :ballot_id, q, :practice_id FROM unnest(CAST(:answered AS uuid[])) AS q)"
    " " + _NAMED_CHOICES.text
)
_FORGET_CHOICES = text(
    "DELETE FROM ballot_vote_choice WHERE org_id = :org_id AND ballot_id = :ballot_id AND practice_id = :practice_id"
)


async def cast_vote(
    db: Db,
    access: Access,
    *,
    ballot_id: uuid.UUID,
    practice_id: uuid.UUID | None,
    answers: list[Answer],
    submission_key: str | None,
) -> CastVote:
    ballot = await service.get_ballot(db, access, ballot_id)
    if ballot is None:
        raise input_error("ballotId", "No such ballot.")
    _check_open(ballot)
    rights = proxies.voting_rights(access, ballot, await db.all(policy.held_proxies(access, [ballot.id])))
    if rights and practice_id is not None and all(r.practice_id != practice_id for r in rights):
        if await db.first(select(Practice).where(Practice.org_id == ballot.org_id, Practice.id == practice_id)) is None:
            raise input_error("practiceId", "That practice is not a member of the CCG holding this ballot.")
    right = _choose_right(rights, practice_id)
    paper = _check_answers(await service.questions_of(db, ballot), answers)
    if submission_key is not None and not 1 <= len(submission_key.strip()) <= 100:
        raise input_error("submissionKey", "The submission key must be 1 to 100 characters.")
    if ballot.electorate_frozen_at is None:
        await db.execute(
            select(func.freeze_ballot_electorate(ballot.org_id, ballot.id, clock.now())),
        )
    ballot = await _lock_open_ballot(db, ballot)
    found = await db.first(
        select(BallotElector, Practice)
        .join(Practice, (Practice.org_id == BallotElector.org_id) & (Practice.id == BallotElector.practice_id))
        .where(
            BallotElector.org_id == ballot.org_id,
            BallotElector.ballot_id == ballot.id,
            BallotElector.practice_id == right.practice_id,
        )
    )
    if found is None:
        practice = await db.first(
            select(Practice).where(Practice.org_id == ballot.org_id, Practice.id == right.practice_id)
        )
        raise input_error(
            "practiceId", f"{practice.name} joined the CCG after this ballot opened and has no vote in it."
        )
    _, practice = found
    participation = BallotParticipation(
        org_id=ballot.org_id,
        ballot_id=ballot.id,
        practice_id=right.practice_id,
        cast_by=access.person_id,
        proxy_id=right.proxy and right.proxy.id,
        submission_key=submission_key and submission_key.strip(),
        recorded_at=clock.now(),
    )
    if await _gate(db, participation):
        await _write_paper(db, ballot, participation, paper)
        await record(db, access, "ballot.vote", participation, org_id=ballot.org_id)
        return CastVote(
            VoteOutcome.RECORDED, f"The vote for {practice.name} has been recorded.", ballot, practice, participation
        )
    return await _again(db, access, ballot, practice, participation, paper)


def _check_open(ballot: Ballot) -> None:
    current = service.status(ballot, clock.now())
    if current == BallotStatus.SCHEDULED:
        raise input_error("ballotId", f"Voting has not started: the ballot opens at {when(ballot.opens_at)}.")
    if current == BallotStatus.CLOSED:
        raise input_error(
            "ballotId", f"The ballot closed at {when(service.closed_at(ballot))}; votes can no longer be cast."
        )


def _choose_right(rights: list[VotingRight], practice_id: uuid.UUID | None) -> VotingRight:
    if not rights:
        raise input_error(
            None, "Only a member practice's nominated representative, or its proxy, can vote in this ballot."
        )
    if practice_id is None:
        if len(rights) > 1:
            raise input_error("practiceId", "You can vote for more than one practice here: choose which.")
        return rights[0]
    right = next((r for r in rights if r.practice_id == practice_id), None)
    if right is None:
        raise input_error("practiceId", "You are not a representative or proxy of that practice in this ballot.")
    return right


def _check_answers(questions: list[tuple[BallotQuestion, list[BallotOption]]], answers: list[Answer]) -> Paper:
    errors: list[UserError] = []
    options = {o.id: (q, o) for q, opts in questions for o in opts}
    given: dict[uuid.UUID, list[uuid.UUID]] = {}
    for answer in answers:
        if answer.question_id in given:
            errors.append(UserError(field="answers", message="Answer each question once."))
        given.setdefault(answer.question_id, []).extend(answer.option_ids)
    paper: Paper = {}
    for number, (question, _) in enumerate(questions, start=1):
        chosen = given.pop(question.id, None)
        if chosen is None:
            errors.append(
                UserError(field="answers", message=f"Question {number} has no answer; choose Abstain to abstain.")
            )
            continue
        if any(o not in options for o in chosen):
            errors.append(UserError(field="answers", message=f"Question {number}: that option is not in this ballot."))
            continue
        if any(options[o][0].id != question.id for o in chosen):
            errors.append(
                UserError(field="answers", message=f"Question {number}: that option belongs to another question.")
            )
            continue
        kinds = [options[o][1].kind for o in chosen]
        if len(set(chosen)) != len(chosen):
            errors.append(UserError(field="answers", message=f"Question {number}: choose each option once."))
        elif question.kind == QuestionKind.FOR_AGAINST and len(chosen) != 1:
            errors.append(
                UserError(field="answers", message=f"Question {number}: choose one of for, against or abstain.")
            )
        elif OptionKind.ABSTAIN in kinds and len(chosen) > 1:
            errors.append(
                UserError(field="answers", message=f"Question {number}: abstain on its own, or choose candidates.")
            )
        elif not 1 <= len(chosen) <= question.seats:
            most = "one candidate" if question.seats == 1 else f"up to {question.seats} candidates"
            errors.append(UserError(field="answers", message=f"Question {number}: choose {most}, or abstain."))
        else:
            paper[question.id] = frozenset(chosen)
    if given:
        errors.append(UserError(field="answers", message="An answer is for a question that is not in this ballot."))
    if errors:
        raise InputErrors(*errors)
    return paper


async def _lock_open_ballot(db: Db, ballot: Ballot) -> Ballot:
    """Hold the ballot's lock shared, so a secretary closing it waits for votes in flight; then look again."""
    await db.execute(text("SELECT pg_advisory_xact_lock_shared(ballot_lock_key(:id))"), {"id": ballot.id})
    locked = await db.first(
        select(Ballot)
        .where(Ballot.org_id == ballot.org_id, Ballot.id == ballot.id)
        .execution_options(populate_existing=True)
    )
    _check_open(locked)
    return locked


async def _gate(db: Db, participation: BallotParticipation) -> bool:
    """True for the one submission that records the practice's vote."""
    values = participation.model_dump(exclude={"changed_at"})
    inserted = await db.scalar(
        insert(BallotParticipation)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["org_id", "ballot_id", "practice_id"])
        .returning(BallotParticipation.practice_id)
    )
    return inserted is not None


async def _write_paper(db: Db, ballot: Ballot, participation: BallotParticipation, paper: Paper) -> None:
    keys = {"org_id": ballot.org_id, "ballot_id": ballot.id, "practice_id": participation.practice_id}
    if ballot.secret:
        chosen = [str(o) for options in paper.values() for o in options]
        await db.execute(_SECRET_PAPER, {"chosen": chosen})
        return
    pairs = [(q, o) for q, options in paper.items() for o in options]
    await db.execute(
        _NAMED_ANSWERS,
        {
            **keys,
            "answered": list(paper),
            "questions": [q for q, _ in pairs],
            "options": [o for _, o in pairs],
        },
    )


async def _again(
    db: Db, access: Access, ballot: Ballot, practice: Practice, attempt: BallotParticipation, paper: Paper
) -> CastVote:
    """The practice has voted before: a retry, a change, or a second representative too late."""
    existing = await db.first(
        select(BallotParticipation)
        .where(
            BallotParticipation.org_id == ballot.org_id,
            BallotParticipation.ballot_id == ballot.id,
            BallotParticipation.practice_id == attempt.practice_id,
        )
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    at = when(existing.changed_at or existing.recorded_at)
    same_key = attempt.submission_key is not None and attempt.submission_key == existing.submission_key
    if same_key or (not ballot.secret and await _paper_of(db, ballot, attempt.practice_id) == paper):
        message = f"The vote for {practice.name} was already recorded at {at}; nothing has changed."
        return CastVote(VoteOutcome.ALREADY_RECORDED, message, ballot, practice, existing)
    if not ballot.votes_may_change:
        by = await service.person_name(db, existing.cast_by)
        reason = (
            "votes in a secret ballot cannot be changed"
            if ballot.secret
            else "this ballot does not allow votes to be changed"
        )
        raise input_error(None, f"{practice.name}'s vote was already recorded at {at} by {by}; {reason}.")
    before = snapshot(existing)
    keys = {"org_id": ballot.org_id, "ballot_id": ballot.id, "practice_id": existing.practice_id}
    await db.execute(_FORGET_CHOICES, keys)
    pairs = [(q, o) for q, options in paper.items() for o in options]
    await db.execute(_NAMED_CHOICES, {**keys, "questions": [q for q, _ in pairs], "options": [o for _, o in pairs]})
    existing.cast_by, existing.proxy_id = attempt.cast_by, attempt.proxy_id
    existing.submission_key, existing.changed_at = attempt.submission_key, clock.now()
    await db.add(existing)
    await record(db, access, "ballot.vote.change", existing, org_id=ballot.org_id, before=before)
    return CastVote(VoteOutcome.CHANGED, f"The vote for {practice.name} has been changed.", ballot, practice, existing)


async def _paper_of(db: Db, ballot: Ballot, practice_id: uuid.UUID) -> Paper:
    rows = await db.all(
        select(BallotVoteChoice).where(
            BallotVoteChoice.org_id == ballot.org_id,
            BallotVoteChoice.ballot_id == ballot.id,
            BallotVoteChoice.practice_id == practice_id,
        )
    )
    paper: dict[uuid.UUID, set[uuid.UUID]] = {}
    for row in rows:
        paper.setdefault(row.question_id, set()).add(row.option_id)
    return {q: frozenset(o) for q, o in paper.items()}
