"""Calling, casting and closing votes. Only those eligible when the vote was called may vote, once each;
a secret vote records that a member voted apart from a count of the choices, which nothing links."""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.committees.tables import Seat
from quorum.conduct import delegated, policy, votes
from quorum.conduct.live import EventKind, announce
from quorum.conduct.outcomes import already_decided
from quorum.conduct.quorum_state import ItemQuorum
from quorum.conduct.record import gather
from quorum.conduct.service import conducted, item_of
from quorum.conduct.stages import Step
from quorum.conduct.tables import (
    EXCLUDED_FROM_DECISION,
    Choice,
    Decision,
    Declaration,
    Management,
    Route,
    SecretTally,
    Vote,
    VoteCast,
)
from quorum.database import Db
from quorum.errors import InputErrors, input_error
from quorum.people.tables import Person

MAX_MOTION = 2000
_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(:vote, 0))"  # the trigger on vote_cast takes it shared
_ADD_ONE = text(
    "UPDATE secret_tally SET count = count + 1 WHERE org_id = :org AND vote_id = :vote AND choice = :choice"
)
# Rewritten by the closing transaction, so no count's row version says which cast last changed it.
_RESTAMP = text("UPDATE secret_tally SET count = count WHERE org_id = :org AND vote_id = :vote")


def inquorate(quorum: ItemQuorum) -> InputErrors:
    return input_error(
        "itemId",
        "This item is inquorate: "
        + " ".join(quorum.unmet)
        + " It cannot be decided: defer it, or record a chair's action to be ratified"
        + " at the next meeting.",
    )


async def open_vote(
    db: Db, access: Access, *, item_id: uuid.UUID, motion: str, secret: bool, delegation_id: uuid.UUID | None
) -> Vote:
    item = await item_of(db, access, item_id)
    meeting, _ = await conducted(db, access, item.meeting_id, Step.VOTE, "itemId")
    if not motion.strip() or len(motion) > MAX_MOTION:
        raise input_error("motion", f"State the motion put to the vote ({MAX_MOTION:,} characters or fewer).")
    if await db.first(select(Vote.id).where(Vote.meeting_id == meeting.id, Vote.closed_at.is_(None))):
        raise input_error("itemId", "Another vote is open in this meeting; close it first.")
    gathered = await gather(db, access, meeting)
    if (outcome := gathered.standing_outcome(item.id)) is not None:
        raise already_decided(outcome)
    quorum = gathered.quorum(item.id)
    if not quorum.met:
        raise inquorate(quorum)
    delegation, _ = (
        (None, None)
        if delegation_id is None
        else await delegated.covering(db, access, meeting.committee_id, delegation_id, clock.now())
    )
    vote = Vote(
        org_id=meeting.org_id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        item_id=item.id,
        motion=motion.strip(),
        secret=secret,
        eligible_person_ids=list(quorum.counted),
        chaired_by=quorum.chaired_by,
        quorum=quorum.to_data(),
        delegation_org_id=delegation and delegation.org_id,
        delegation_id=delegation and delegation.id,
        opened_by=access.person_id,
        opened_at=clock.now(),
    )
    try:
        await db.add(vote)
    except IntegrityError:
        raise input_error("itemId", "Another vote is open in this meeting; close it first.") from None
    if secret:
        for choice in Choice:
            tally = SecretTally(org_id=vote.org_id, vote_id=vote.id, choice=choice, committee_id=vote.committee_id)
            await db.add(tally, refresh=False)
    await record(db, access, "vote.open", vote, org_id=vote.org_id)
    await announce(db, meeting.id, EventKind.VOTE_OPENED, item_id=item.id, vote_id=vote.id)
    return vote


async def _why_not_eligible(db: Db, vote: Vote, voter: uuid.UUID, name: str) -> str:
    seats = await db.all(select(Seat).where(Seat.committee_id == vote.committee_id, Seat.person_id == voter))
    if not any(s.voting and s.is_active_on(clock.local_date(vote.opened_at)) for s in seats):
        return f"{name} is not a voting member of this committee."
    declared = await db.first(
        select(Declaration).where(Declaration.item_id == vote.item_id, Declaration.person_id == voter)
    )
    if declared is not None and Management(declared.management) in EXCLUDED_FROM_DECISION:
        return f"{name} has declared an interest in this item and takes no part in the decision."
    return f"{name} was not in the room when the vote was called."


async def cast_vote(
    db: Db, access: Access, *, vote_id: uuid.UUID, choice: Choice, person_id: uuid.UUID | None = None
) -> VoteCast:
    vote = await db.first(policy.visible_votes(access).where(Vote.id == vote_id))
    if vote is None or access.person_id is None:
        raise input_error("voteId", "No such vote.")
    voter = person_id or access.person_id
    if voter != access.person_id:
        if vote.secret:
            raise input_error("personId", "In a secret vote each member casts their own vote.")
        if not policy.can_conduct(access, vote.committee_id):
            raise input_error("personId", "Only the board secretary can record another member's vote.")
    if not vote.is_open:
        raise input_error("voteId", "This vote has closed.")
    name = await db.scalar(select(Person.name).where(Person.id == voter)) or "That person"
    if voter not in vote.eligible_person_ids:
        raise input_error("personId" if person_id else "voteId", await _why_not_eligible(db, vote, voter, name))
    cast = VoteCast(
        org_id=vote.org_id,
        vote_id=vote.id,
        person_id=voter,
        committee_id=vote.committee_id,
        secret=vote.secret,
        choice=None if vote.secret else choice,
    )
    savepoint = await db.session.begin_nested()
    try:
        inserted = await db.scalar(
            insert(VoteCast).values(**cast.model_dump()).on_conflict_do_nothing().returning(VoteCast.person_id)
        )
        if inserted is not None and vote.secret:
            await db.execute(_ADD_ONE, {"org": vote.org_id, "vote": vote.id, "choice": Choice(choice).value})
    except IntegrityError:
        await savepoint.rollback()
        raise input_error("voteId", "This vote has closed.") from None
    await savepoint.commit()
    if inserted is None:
        raise input_error("personId" if person_id else "voteId", f"{name} has already voted.")
    await record(db, access, "vote.cast", cast, org_id=vote.org_id)  # for a secret vote: that they voted, not how
    await announce(db, vote.meeting_id, EventKind.VOTE_CAST, vote_id=vote.id)
    return cast


async def _count(db: Db, vote: Vote) -> votes.Count:
    if vote.secret:
        rows = await db.all(select(SecretTally).where(SecretTally.vote_id == vote.id))
        counted = {Choice(r.choice): r.count for r in rows}
    else:
        casts = await db.all(select(VoteCast).where(VoteCast.vote_id == vote.id))
        counted = {c: sum(1 for cast in casts if cast.choice == c) for c in Choice}
    return votes.Count(counted.get(Choice.FOR, 0), counted.get(Choice.AGAINST, 0), counted.get(Choice.ABSTAIN, 0))


async def close_vote(
    db: Db, access: Access, *, vote_id: uuid.UUID, casting_vote: Choice | None
) -> tuple[Vote, Decision]:
    found = await db.first(policy.visible_votes(access).where(Vote.id == vote_id))
    if found is None:
        raise input_error("voteId", "No such vote.")
    meeting, _ = await conducted(db, access, found.meeting_id, Step.VOTE, "voteId")
    await db.execute(text(_LOCK), {"vote": str(found.id)})  # casts in flight finish first; later ones find it closed
    vote = await db.first(select(Vote).where(Vote.id == found.id).execution_options(populate_existing=True))
    if not vote.is_open:
        raise input_error("voteId", "This vote has already closed.")
    count = await _count(db, vote)
    chair = vote.chaired_by and await db.scalar(select(Person.name).where(Person.id == vote.chaired_by))
    try:
        outcome = votes.outcome(count, casting_vote, vote.chaired_by is not None)
    except votes.CastingVoteNeeded as needed:
        raise input_error(
            "castingVote", f"{needed} The chair for this item, {chair}, has a casting vote: give it."
        ) from None
    except votes.CastingVoteNotAllowed as refused:
        raise input_error("castingVote", str(refused)) from None
    before = snapshot(vote)
    vote.closed_at = clock.now()
    vote.for_count, vote.against_count, vote.abstain_count = count.for_, count.against, count.abstain
    vote.casting_vote, vote.outcome = casting_vote, outcome
    await db.add(vote)
    if vote.secret:
        await db.execute(_RESTAMP, {"org": vote.org_id, "vote": vote.id})
    await record(db, access, "vote.close", vote, org_id=vote.org_id, before=before)
    decision = Decision(
        org_id=vote.org_id,
        meeting_id=vote.meeting_id,
        committee_id=vote.committee_id,
        item_id=vote.item_id,
        route=Route.VOTE,
        text=vote.motion,
        vote_id=vote.id,
        chaired_by=vote.chaired_by,
        quorum=vote.quorum,
        delegation_org_id=vote.delegation_org_id,
        delegation_id=vote.delegation_id,
        decided_at=vote.closed_at,
        recorded_by=access.person_id,
    )
    if vote.delegation_id is not None:
        _, decision.delegation_label = await delegated.covering(
            db, access, vote.committee_id, vote.delegation_id, vote.opened_at
        )
    await db.add(decision)
    await record(db, access, "decision.record", decision, org_id=decision.org_id)
    await announce(db, meeting.id, EventKind.VOTE_CLOSED, item_id=vote.item_id, vote_id=vote.id)
    return vote, decision
