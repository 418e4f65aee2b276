"""Proxies: a practice names another practice's representative to vote for it in one ballot."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import or_
from sqlmodel import select

from quorum import clock
from quorum.access import Access, Role
from quorum.audit.service import record, snapshot
from quorum.ballots.policy import can_act_for_practice, represented_practices, visible_proxies
from quorum.ballots.service import BallotStatus, closed_at, get_ballot, status, when
from quorum.ballots.tables import Ballot, BallotElector, BallotParticipation, BallotProxy
from quorum.database import Db
from quorum.errors import input_error
from quorum.organisations.tables import Practice
from quorum.people.tables import Membership


async def live_proxy(db: Db, ballot: Ballot, practice_id: uuid.UUID) -> BallotProxy | None:
    return await db.first(
        select(BallotProxy).where(
            BallotProxy.org_id == ballot.org_id,
            BallotProxy.ballot_id == ballot.id,
            BallotProxy.practice_id == practice_id,
            BallotProxy.revoked_at.is_(None),
        )
    )


async def has_voted(db: Db, ballot: Ballot, practice_id: uuid.UUID) -> BallotParticipation | None:
    return await db.first(
        select(BallotParticipation).where(
            BallotParticipation.org_id == ballot.org_id,
            BallotParticipation.ballot_id == ballot.id,
            BallotParticipation.practice_id == practice_id,
        )
    )


async def appoint_proxy(
    db: Db, access: Access, *, ballot_id: uuid.UUID, practice_id: uuid.UUID, proxy_person_id: uuid.UUID
) -> BallotProxy:
    """A practice (through its representative, or the secretary on its behalf) names another practice's
    representative."""
    ballot = await get_ballot(db, access, ballot_id)
    if ballot is None:
        raise input_error("ballotId", "No such ballot.")
    practice = await db.first(select(Practice).where(Practice.org_id == ballot.org_id, Practice.id == practice_id))
    if practice is None:
        raise input_error("practiceId", "That practice is not a member of the CCG holding this ballot.")
    if not can_act_for_practice(access, ballot.org_id, practice_id):
        raise input_error(None, f"Only {practice.name}'s representatives or the board secretary can appoint its proxy.")
    if status(ballot, clock.now()) == BallotStatus.CLOSED:
        raise input_error("ballotId", f"The ballot closed at {when(closed_at(ballot))}.")
    if await has_voted(db, ballot, practice_id):
        raise input_error("practiceId", f"{practice.name} has already voted in this ballot.")
    if ballot.electorate_frozen_at is not None and not await db.first(
        select(BallotElector).where(
            BallotElector.org_id == ballot.org_id,
            BallotElector.ballot_id == ballot.id,
            BallotElector.practice_id == practice_id,
        )
    ):
        raise input_error(
            "practiceId", f"{practice.name} joined the CCG after this ballot opened and has no vote in it."
        )
    representative = await db.first(
        select(Membership).where(
            Membership.org_id == ballot.org_id,
            Membership.person_id == proxy_person_id,
            Membership.role == Role.PRACTICE_REPRESENTATIVE,
            Membership.practice_id != practice_id,
            Membership.valid_from <= clock.today(),
            or_(Membership.valid_to.is_(None), Membership.valid_to >= clock.today()),
        )
    )
    if representative is None:
        raise input_error("proxyPersonId", "A proxy must be the representative of another of the CCG's practices.")
    previous = await live_proxy(db, ballot, practice_id)
    if previous is not None:
        await _revoke(db, access, previous)
    proxy = BallotProxy(
        org_id=ballot.org_id,
        ballot_id=ballot.id,
        practice_id=practice_id,
        proxy_person_id=proxy_person_id,
        proxy_practice_id=representative.practice_id,
        appointed_by=access.person_id,
        appointed_at=clock.now(),
    )
    await db.add(proxy)
    await record(db, access, "ballot.proxy.appoint", proxy, org_id=ballot.org_id)
    return proxy


async def revoke_proxy(db: Db, access: Access, proxy_id: uuid.UUID) -> BallotProxy:
    proxy = await db.first(visible_proxies(access).where(BallotProxy.id == proxy_id))
    if proxy is None:
        raise input_error("id", "No such proxy appointment.")
    if not can_act_for_practice(access, proxy.org_id, proxy.practice_id):
        raise input_error(None, "Only the practice's representatives or the board secretary can revoke its proxy.")
    if proxy.revoked_at is not None:
        raise input_error("id", "That proxy appointment has already been revoked.")
    voted = await db.first(
        select(BallotParticipation).where(
            BallotParticipation.org_id == proxy.org_id,
            BallotParticipation.proxy_id == proxy.id,
        )
    )
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


def voting_rights(access: Access, ballot: Ballot, held: list[BallotProxy]) -> list[VotingRight]:
    """The viewer's own practices, then those whose proxy they hold (while they still represent their practice)."""
    own = represented_practices(access, ballot.org_id)
    rights = [VotingRight(p) for p in sorted(own)]
    return rights + [
        VotingRight(p.practice_id, p) for p in held if p.proxy_practice_id in own and p.practice_id not in own
    ]
