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
    Ballot, BallotElector, BallotOption, BallotParticipation, BallotQuestion, BallotTally, BallotVoteChoice, QuestionKind,
)
from quorum.database import Db
from quorum.organisations.tables import Practice


def electorate(ballot: Ballot):
    """The electorate as rows with practice_id, ods_code and list_size: frozen, or the practice list before that."""
    if ballot.electorate_frozen_at is not None:
        return select(BallotElector).where(BallotElector.org_id == ballot.org_id, BallotElector.ballot_id == ballot.id)
    return select(Practice).where(Practice.org_id == ballot.org_id)


async def electorate_count(db: Db, ballot: Ballot) -> Count:
    rows = electorate(ballot).subquery()
    found = await db.first(select(func.count(), func.coalesce(func.sum(rows.c.list_size), 0)).select_from(rows))
    return Count(found[0], int(found[1]))


async def voted_count(db: Db, ballot: Ballot) -> Count:
    found = await db.first(
        select(func.count(), func.coalesce(func.sum(BallotElector.list_size), 0))
        .select_from(BallotParticipation)
        .join(BallotElector, (BallotElector.org_id == BallotParticipation.org_id)
              & (BallotElector.ballot_id == BallotParticipation.ballot_id)
              & (BallotElector.practice_id == BallotParticipation.practice_id))
        .where(BallotParticipation.org_id == ballot.org_id, BallotParticipation.ballot_id == ballot.id)
    )
    return Count(found[0], int(found[1]))


async def turnout(db: Db, ballot: Ballot) -> Turnout:
    rules = Rules.of(ballot)
    return Turnout(await electorate_count(db, ballot), await voted_count(db, ballot), rules.turnout_basis, rules.turnout_threshold)


async def option_counts(db: Db, ballot: Ballot) -> dict[uuid.UUID, Count]:
    if ballot.secret:
        rows = await db.all(
            select(BallotTally.option_id, BallotTally.votes, BallotTally.weight)
            .where(BallotTally.org_id == ballot.org_id, BallotTally.ballot_id == ballot.id)
        )
    else:
        rows = await db.all(
            select(BallotVoteChoice.option_id, func.count(), func.sum(BallotElector.list_size))
            .join(BallotElector, (BallotElector.org_id == BallotVoteChoice.org_id)
                  & (BallotElector.ballot_id == BallotVoteChoice.ballot_id)
                  & (BallotElector.practice_id == BallotVoteChoice.practice_id))
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


def option_label(options: list[BallotOption], option_id: uuid.UUID) -> str:
    return next((o.label for o in options if o.id == option_id), "")
