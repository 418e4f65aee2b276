"""DataLoaders for the ballot types: each fetches what a page needs in one statement, whatever its length."""

from __future__ import annotations

import uuid

from strawberry.dataloader import DataLoader

from quorum.access import Role
from quorum.ballots import policy, results
from quorum.ballots.rules import Turnout
from quorum.ballots.tables import (
    Ballot,
    BallotOption,
    BallotParticipation,
    BallotProxy,
    BallotQuestion,
    BallotVoteChoice,
)
from quorum.graphql.context import Context
from quorum.graphql.node import by_id_loader
from quorum.people.policy import visible_memberships
from quorum.people.tables import Membership

ballots_by_id = by_id_loader(policy.visible_ballots, Ballot.id)
questions_by_id = by_id_loader(policy.visible_questions, BallotQuestion.id)
options_by_id = by_id_loader(policy.visible_options, BallotOption.id)
proxies_by_id = by_id_loader(policy.visible_proxies, BallotProxy.id)


def _grouped(make_statement, key_of):
    def factory(ctx: Context) -> DataLoader:
        async def load(keys: list) -> list[list]:
            rows = await ctx.db.all(make_statement(ctx, keys))
            return [[r for r in rows if key_of(r) == k] for k in keys]

        return DataLoader(load_fn=load)

    return factory


questions_by_ballot = _grouped(
    lambda ctx, keys: (
        policy.visible_questions(ctx.access).where(BallotQuestion.ballot_id.in_(keys)).order_by(BallotQuestion.position)
    ),
    lambda row: row.ballot_id,
)
options_by_question = _grouped(
    lambda ctx, keys: (
        policy.visible_options(ctx.access).where(BallotOption.question_id.in_(keys)).order_by(BallotOption.position)
    ),
    lambda row: row.question_id,
)
participation_by_practice = _grouped(
    lambda ctx, keys: policy.visible_participations(ctx.access).where(
        BallotParticipation.ballot_id.in_({b for b, _ in keys}),
        BallotParticipation.practice_id.in_({p for _, p in keys}),
    ),
    lambda row: (row.ballot_id, row.practice_id),
)
choices_by_practice = _grouped(
    lambda ctx, keys: policy.visible_vote_choices(ctx.access).where(
        BallotVoteChoice.ballot_id.in_({b for b, _ in keys}),
        BallotVoteChoice.practice_id.in_({p for _, p in keys}),
    ),
    lambda row: (row.ballot_id, row.practice_id),
)
live_proxies_by_practice = _grouped(
    lambda ctx, keys: policy.visible_proxies(ctx.access).where(
        BallotProxy.ballot_id.in_({b for b, _ in keys}),
        BallotProxy.practice_id.in_({p for _, p in keys}),
        BallotProxy.revoked_at.is_(None),
    ),
    lambda row: (row.ballot_id, row.practice_id),
)
held_proxies_by_ballot = _grouped(
    lambda ctx, keys: policy.held_proxies(ctx.access, keys),
    lambda row: row.ballot_id,
)
proxies_by_ballot = _grouped(
    lambda ctx, keys: (
        policy.visible_proxies(ctx.access)
        .where(BallotProxy.ballot_id.in_(keys))
        .order_by(BallotProxy.appointed_at, BallotProxy.id)
    ),
    lambda row: row.ballot_id,
)


def turnouts_by_ballot(ctx: Context) -> DataLoader:
    async def load(keys: list[tuple[uuid.UUID, Ballot]]) -> list[Turnout]:
        found = await results.turnouts(ctx.db, [ballot for _, ballot in keys])
        return [found[ballot_id] for ballot_id, _ in keys]

    return DataLoader(load_fn=load, cache_key_fn=lambda key: key[0])


representatives_by_practice = _grouped(
    lambda ctx, keys: (
        visible_memberships(ctx.access)
        .where(
            Membership.practice_id.in_(keys),
            Membership.role == Role.PRACTICE_REPRESENTATIVE,
        )
        .order_by(Membership.valid_from, Membership.id)
    ),
    lambda row: row.practice_id,
)
