"""Who may see ballots and what is recorded of them, who runs them, and who votes and appoints proxies.

Every ballot table belongs to one CCG (org_id): its members read all of it (migration 0005), its governance
officers set ballots up and close them, and its practice representatives vote for their practices.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, false
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access, Role
from quorum.ballots.tables import (
    Ballot,
    BallotElector,
    BallotOption,
    BallotParticipation,
    BallotProxy,
    BallotQuestion,
    BallotSettings,
    BallotTally,
    BallotVote,
    BallotVoteChoice,
)


def visible_ballots(access: Access) -> SelectOfScalar[Ballot]:
    return select(Ballot).where(col(Ballot.org_id).in_(access.org_ids))


def visible_settings(access: Access) -> SelectOfScalar[BallotSettings]:
    return select(BallotSettings).where(col(BallotSettings.org_id).in_(access.org_ids))


def visible_questions(access: Access) -> SelectOfScalar[BallotQuestion]:
    return select(BallotQuestion).where(col(BallotQuestion.org_id).in_(access.org_ids))


def visible_options(access: Access) -> SelectOfScalar[BallotOption]:
    return select(BallotOption).where(col(BallotOption.org_id).in_(access.org_ids))


def visible_electors(access: Access) -> SelectOfScalar[BallotElector]:
    return select(BallotElector).where(col(BallotElector.org_id).in_(access.org_ids))


def visible_proxies(access: Access) -> SelectOfScalar[BallotProxy]:
    return select(BallotProxy).where(col(BallotProxy.org_id).in_(access.org_ids))


def visible_participations(access: Access) -> SelectOfScalar[BallotParticipation]:
    return select(BallotParticipation).where(col(BallotParticipation.org_id).in_(access.org_ids))


def visible_votes(access: Access) -> SelectOfScalar[BallotVote]:
    return select(BallotVote).where(col(BallotVote.org_id).in_(access.org_ids))


def visible_vote_choices(access: Access) -> SelectOfScalar[BallotVoteChoice]:
    return select(BallotVoteChoice).where(col(BallotVoteChoice.org_id).in_(access.org_ids))


def visible_tallies(access: Access) -> SelectOfScalar[BallotTally]:
    return select(BallotTally).where(col(BallotTally.org_id).in_(access.org_ids))


def is_member(access: Access, org_id: uuid.UUID) -> bool:
    """Members of the CCG read its voting rules and its ballots."""
    return org_id in access.org_ids


def can_manage(access: Access, org_id: uuid.UUID) -> bool:
    """The CCG's administrators and board secretaries run its ballots and set its voting rules."""
    return access.is_governance_officer(org_id)


def represented_practices(access: Access, org_id: uuid.UUID) -> frozenset[uuid.UUID]:
    """The CCG's practices the caller is a nominated representative of (and so votes for)."""
    return frozenset(
        g.practice_id
        for g in access.grants
        if g.org_id == org_id and g.role == Role.PRACTICE_REPRESENTATIVE and g.practice_id
    )


def voter_ballots(access: Access) -> SelectOfScalar[Ballot]:
    """Ballots of the CCGs where the caller represents a practice (proxies are representatives too)."""
    orgs = {g.org_id for g in access.grants if g.role == Role.PRACTICE_REPRESENTATIVE}
    return visible_ballots(access).where(col(Ballot.org_id).in_(orgs))


def held_proxies(access: Access, ballot_ids: list[uuid.UUID]) -> SelectOfScalar[BallotProxy]:
    """Live proxy appointments the caller holds in these ballots."""
    if access.person_id is None:
        return visible_proxies(access).where(false())
    return visible_proxies(access).where(
        col(BallotProxy.ballot_id).in_(ballot_ids),
        col(BallotProxy.revoked_at).is_(None),
        BallotProxy.proxy_person_id == access.person_id,
    )


def can_act_for_practice(access: Access, org_id: uuid.UUID, practice_id: uuid.UUID) -> bool:
    """A practice's representatives, or the board secretary on its behalf, appoint and revoke its proxy."""
    return practice_id in represented_practices(access, org_id) or can_manage(access, org_id)


def can_see_proxy(access: Access, proxy: BallotProxy) -> bool:
    """The secretary sees every appointment; others those of their practices and those naming them."""
    return (
        can_manage(access, proxy.org_id)
        or proxy.practice_id in represented_practices(access, proxy.org_id)
        or (access.person_id is not None and proxy.proxy_person_id == access.person_id)
    )


def can_see_electorate(access: Access, ballot: Ballot) -> bool:
    return can_manage(access, ballot.org_id)


def can_see_how_practice_voted(ballot: Ballot, *, own: bool, closed: bool) -> bool:
    """Never in a secret ballot; in a named one, a practice's own vote at once and everyone's once it closes."""
    return not ballot.secret and (own or closed)


def can_see_named_votes(ballot: Ballot, closed: bool) -> bool:
    return not ballot.secret and closed


def can_vote(ballot: Ballot, *, open_now: bool, voted: bool) -> bool:
    """While the ballot is open, a practice that has not voted votes; one that has may change its vote if allowed."""
    return open_now and (not voted or ballot.votes_may_change)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    BallotSettings: visible_settings,
    Ballot: visible_ballots,
    BallotQuestion: visible_questions,
    BallotOption: visible_options,
    BallotElector: visible_electors,
    BallotProxy: visible_proxies,
    BallotParticipation: visible_participations,
    BallotVote: visible_votes,
    BallotVoteChoice: visible_vote_choices,
    BallotTally: visible_tallies,
}
