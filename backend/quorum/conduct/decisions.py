"""Decisions without a vote (by consensus), and the standing orders' routes for an inquorate item:
deferral, or the chair's action, ratified at a later meeting. Decisions by vote are recorded as it closes."""

from __future__ import annotations

import uuid

from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.conduct import delegated, visible
from quorum.conduct.live import EventKind, announce
from quorum.conduct.record import gather
from quorum.conduct.service import conducted, item_of
from quorum.conduct.stages import Step
from quorum.conduct.tables import Decision, Route, Vote
from quorum.conduct.voting import inquorate
from quorum.database import Db
from quorum.graphql.errors import input_error
from quorum.meetings.tables import Meeting

MAX_TEXT = 4000
DEFAULT_TEXT = {Route.DEFERRED: "Deferred to a later meeting."}
# Registered decisions: a deferral is minuted but decides nothing.
REGISTERED = (Route.VOTE, Route.CONSENSUS, Route.CHAIRS_ACTION)


async def record_decision(
    db: Db, access: Access, *, item_id: uuid.UUID, route: Route, text: str, delegation_id: uuid.UUID | None
) -> Decision:
    item = await item_of(db, access, item_id)
    meeting, _ = await conducted(db, access, item.meeting_id, Step.DECISION, "itemId")
    if route == Route.VOTE:
        raise input_error("route", "A decision by vote is recorded when its vote closes.")
    text = text.strip() or DEFAULT_TEXT.get(route, "")
    if not text or len(text) > MAX_TEXT:
        raise input_error("text", f"Record what was decided ({MAX_TEXT:,} characters or fewer).")
    if await db.first(select(Vote.id).where(Vote.item_id == item.id, Vote.closed_at.is_(None))):
        raise input_error("itemId", "A vote is open on this item; close it first.")
    quorum = (await gather(db, access, meeting)).quorum(item.id)
    if route == Route.CONSENSUS and not quorum.met:
        raise inquorate(quorum)
    if route == Route.CHAIRS_ACTION:
        if quorum.met:
            raise input_error("route", "The item is quorate: decide it by vote or by consensus.")
        if quorum.chaired_by is None:
            raise input_error("route", "Nobody can take a chair's action on this item: " + quorum.chair_note)
    now = clock.now()
    delegation, label = (None, None) if delegation_id is None or route == Route.DEFERRED else await delegated.covering(
        db, access, meeting.committee_id, delegation_id, now)
    decision = Decision(
        org_id=meeting.org_id, meeting_id=meeting.id, committee_id=meeting.committee_id, item_id=item.id, route=route,
        text=text, chaired_by=quorum.chaired_by, quorum=quorum.to_data(), delegation_org_id=delegation and delegation.org_id,
        delegation_id=delegation and delegation.id, delegation_label=label, decided_at=now, recorded_by=access.person_id,
    )
    await db.add(decision)
    await record(db, access, f"decision.{route.value.lower()}", decision, org_id=meeting.org_id)
    await announce(db, meeting.id, EventKind.DECISION, item_id=item.id)
    return decision


async def ratify_chairs_action(db: Db, access: Access, *, decision_id: uuid.UUID, item_id: uuid.UUID) -> Decision:
    """At a later meeting of the same committee, quorate for the item under which it is reported."""
    action = await db.first(visible.decisions(access).where(Decision.id == decision_id))
    if action is None:
        raise input_error("decisionId", "No such decision.")
    if Route(action.route) != Route.CHAIRS_ACTION:
        raise input_error("decisionId", "Only a chair's action is ratified.")
    if action.ratified_at is not None:
        raise input_error("decisionId", f"That chair's action was ratified on {action.ratified_at.astimezone(clock.LONDON):%-d %B %Y}.")
    item = await item_of(db, access, item_id)
    meeting, _ = await conducted(db, access, item.meeting_id, Step.DECISION, "itemId")
    taken_at = await db.first(select(Meeting).where(Meeting.id == action.meeting_id))
    if meeting.committee_id != action.committee_id or meeting.starts_at <= taken_at.starts_at:
        raise input_error("itemId", "A chair's action is ratified at a later meeting of the same committee.")
    quorum = (await gather(db, access, meeting)).quorum(item.id)
    if not quorum.met:
        raise inquorate(quorum)
    now = clock.now()
    before = snapshot(action)
    action.ratified_at, action.ratified_at_meeting_id = now, meeting.id
    await db.add(action)
    await record(db, access, "decision.ratify", action, org_id=action.org_id, before=before)
    taken = action.decided_at.astimezone(clock.LONDON)
    ratification = Decision(
        org_id=meeting.org_id, meeting_id=meeting.id, committee_id=meeting.committee_id, item_id=item.id,
        route=Route.CONSENSUS, text=f"Ratified the chair's action of {taken.day} {taken:%B %Y}: {action.text}",
        chaired_by=quorum.chaired_by, quorum=quorum.to_data(), delegation_org_id=action.delegation_org_id,
        delegation_id=action.delegation_id, delegation_label=action.delegation_label, decided_at=now,
        recorded_by=access.person_id,
    )
    await db.add(ratification)
    await record(db, access, "decision.consensus", ratification, org_id=meeting.org_id)
    await announce(db, meeting.id, EventKind.DECISION, item_id=item.id)
    return action


def register(access: Access, *, org_id: uuid.UUID | None, committee_id: uuid.UUID | None):
    """The decisions register: an organisation's (its committees', and those taken under its delegations)
    or one committee's, as the caller may see it."""
    statement = visible.decisions(access).where(Decision.route.in_(REGISTERED))
    if org_id is not None:
        statement = statement.where((Decision.org_id == org_id) | (Decision.delegation_org_id == org_id))
    if committee_id is not None:
        statement = statement.where(Decision.committee_id == committee_id)
    return statement
