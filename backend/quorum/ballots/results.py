"""Turnout and results read from the database and decided by quorum.ballots.rules.

Before the first vote the electorate may not be frozen yet; it is then the CCG's practice
list, which cannot have changed since the opening (a trigger freezes it first).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from quorum.ballots import service
from quorum.ballots.rules import Count, OptionTotal, QuestionResult, Rules, Turnout, decide_election, decide_question
from quorum.ballots.tables import (
    Ballot,
    BallotElector,
    BallotParticipation,
    BallotQuestion,
    BallotTally,
    BallotVoteChoice,
    QuestionKind,
)
from quorum.database import Db
from quorum.organisations.tables import Practice


def electorate(ballot: Ballot):
    """The electorate as rows with practice_id, ods_code and list_size: frozen, or the practice list before that."""
    if ballot.electorate_frozen_at is not None:
        return select(BallotElector).where(BallotElector.org_id == ballot.org_id, BallotElector.ballot_id == ballot.id)
    return select(Practice).where(Practice.org_id == ballot.org_id)


async def turnouts(db: Db, ballots: list[Ballot]) -> dict[uuid.UUID, Turnout]:
    """Turnout of each ballot, in three statements however many ballots."""
    frozen = [b.id for b in ballots if b.electorate_frozen_at is not None]
    unfrozen_orgs = {b.org_id for b in ballots if b.electorate_frozen_at is None}
    electorates = (
        {
            ballot_id: Count(n, int(weight))
            for ballot_id, n, weight in await db.all(
                select(BallotElector.ballot_id, func.count(), func.sum(BallotElector.list_size))
                .where(BallotElector.ballot_id.in_(frozen))
                .group_by(BallotElector.ballot_id)
            )
        }
        if frozen
        else {}
    )
    practice_lists = (
        {
            org_id: Count(n, int(weight))
            for org_id, n, weight in await db.all(
                select(Practice.org_id, func.count(), func.sum(Practice.list_size))
                .where(Practice.org_id.in_(unfrozen_orgs))
                .group_by(Practice.org_id)
            )
        }
        if unfrozen_orgs
        else {}
    )
    voted = (
        {
            ballot_id: Count(n, int(weight))
            for ballot_id, n, weight in await db.all(
                select(BallotParticipation.ballot_id, func.count(), func.sum(BallotElector.list_size))
                .join(
                    BallotElector,
                    (BallotElector.org_id == BallotParticipation.org_id)
                    & (BallotElector.ballot_id == BallotParticipation.ballot_id)
                    & (BallotElector.practice_id == BallotParticipation.practice_id),
                )
                .where(BallotParticipation.ballot_id.in_(frozen))
                .group_by(BallotParticipation.ballot_id)
            )
        }
        if frozen
        else {}
    )
    found = {}
    for ballot in ballots:
        rules = Rules.of(ballot)
        whole = electorates.get(ballot.id) if ballot.electorate_frozen_at else practice_lists.get(ballot.org_id)
        found[ballot.id] = Turnout(
            whole or Count(), voted.get(ballot.id, Count()), rules.turnout_basis, rules.turnout_threshold
        )
    return found


async def turnout(db: Db, ballot: Ballot) -> Turnout:
    return (await turnouts(db, [ballot]))[ballot.id]


async def option_counts(db: Db, ballot: Ballot) -> dict[uuid.UUID, Count]:
    if ballot.secret:
        rows = await db.all(
            select(BallotTally.option_id, BallotTally.votes, BallotTally.weight).where(
                BallotTally.org_id == ballot.org_id, BallotTally.ballot_id == ballot.id
            )
        )
    else:
        rows = await db.all(
            select(BallotVoteChoice.option_id, func.count(), func.sum(BallotElector.list_size))
            .join(
                BallotElector,
                (BallotElector.org_id == BallotVoteChoice.org_id)
                & (BallotElector.ballot_id == BallotVoteChoice.ballot_id)
                & (BallotElector.practice_id == BallotVoteChoice.practice_id),
            )
            .where(BallotVoteChoice.org_id == ballot.org_id, BallotVoteChoice.ballot_id == ballot.id)
            .group_by(BallotVoteChoice.option_id)
        )
    return {option_id: Count(int(votes), int(weight)) for option_id, votes, weight in rows}


@dataclass(frozen=True)
class BallotResult:
    turnout: Turnout
    questions: list[tuple[BallotQuestion, QuestionResult]]

    @property
    def valid(self) -> bool:
        return self.turnout.met


async def result(db: Db, ballot: Ballot) -> BallotResult:
    """The result; the caller makes sure the ballot has closed."""
    rules = Rules.of(ballot)
    counted = await turnout(db, ballot)
    counts = await option_counts(db, ballot)
    decided = []
    for question, options in await service.questions_of(db, ballot):
        totals = [OptionTotal(o.id, o.kind, o.label, counts.get(o.id, Count())) for o in options]
        if question.kind == QuestionKind.ELECTION:
            decided.append((question, decide_election(rules, counted, question.seats, totals)))
        else:
            decided.append((question, decide_question(rules, counted, totals)))
    return BallotResult(counted, decided)
