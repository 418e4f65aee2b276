"""An item's outcome, one at a time: a decision without a vote (by consensus), a referral to a named committee, a
withdrawal, and the standing orders' routes for an inquorate item: deferral, or the chair's action (during the
meeting or after it closes), ratified at a later meeting with the original item's conflicts carried to it.
Decisions by vote are recorded as it closes. An outcome is rescinded, saying why, before another is recorded."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.committees.policy import visible_committees
from quorum.committees.tables import Committee
from quorum.conduct import delegated, policy
from quorum.conduct.live import EventKind, announce
from quorum.conduct.outcomes import already_decided, day, standing_outcome
from quorum.conduct.record import gather
from quorum.conduct.service import conducted, item_of
from quorum.conduct.stages import Step
from quorum.conduct.tables import EXCLUDED_FROM_DECISION, Decision, Declaration, Management, Route, Vote
from quorum.conduct.voting import inquorate
from quorum.database import Db
from quorum.errors import input_error
from quorum.meetings.tables import Meeting
from quorum.organisations.tables import Organisation
from quorum.people.tables import Person

MAX_TEXT = 4000
MAX_REASON = 2000
DEFAULT_TEXT = {Route.DEFERRED: "Deferred to a later meeting.", Route.WITHDRAWN: "Withdrawn from the agenda."}
# Registered decisions: a deferral or a withdrawal is minuted but decides nothing.
REGISTERED = (Route.VOTE, Route.CONSENSUS, Route.CHAIRS_ACTION, Route.REFERRED)


async def _referral(db: Db, access: Access, meeting: Meeting, committee_id: uuid.UUID | None) -> tuple[Committee, str]:
    if committee_id is None:
        raise input_error("referredToCommitteeId", "Name the committee the item is referred to.")
    committee = await db.first(visible_committees(access).where(Committee.id == committee_id))
    if committee is None:
        raise input_error("referredToCommitteeId", "No such committee.")
    if committee.id == meeting.committee_id:
        raise input_error(
            "referredToCommitteeId", "An item is referred to another committee, not to the one taking it."
        )
    host = await db.scalar(select(Organisation.name).where(Organisation.id == committee.org_id))
    return committee, f"{committee.name}, {host}" if host else committee.name


async def record_decision(
    db: Db,
    access: Access,
    *,
    item_id: uuid.UUID,
    route: Route,
    text: str,
    delegation_id: uuid.UUID | None,
    referred_to_committee_id: uuid.UUID | None = None,
) -> Decision:
    item = await item_of(db, access, item_id)
    # A chair's action may also be taken after the meeting closes, as standing orders allow for urgent business.
    step = Step.CHAIRS_ACTION if route == Route.CHAIRS_ACTION else Step.DECISION
    meeting, progress = await conducted(db, access, item.meeting_id, step, "itemId")
    if route == Route.VOTE:
        raise input_error("route", "A decision by vote is recorded when its vote closes.")
    text = text.strip() or DEFAULT_TEXT.get(route, "")
    if not text or len(text) > MAX_TEXT:
        raise input_error("text", f"Record what was decided ({MAX_TEXT:,} characters or fewer).")
    now = clock.now()
    delegation, label = (
        (None, None)
        if delegation_id is None or route not in REGISTERED
        else await delegated.covering(db, access, meeting.committee_id, delegation_id, now)
    )
    referred, referred_to = (None, None)
    if route == Route.REFERRED:
        referred, referred_to = await _referral(db, access, meeting, referred_to_committee_id)
    if (outcome := await standing_outcome(db, item.id)) is not None:
        raise already_decided(outcome)
    if await db.first(select(Vote.id).where(Vote.item_id == item.id, Vote.closed_at.is_(None))):
        raise input_error("itemId", "A vote is open on this item; close it first.")
    quorum = (await gather(db, access, meeting)).quorum(item.id)
    if route in (Route.CONSENSUS, Route.REFERRED) and not quorum.met:
        raise inquorate(quorum)
    after_close = progress is not None and progress.closed_at is not None
    if route == Route.CHAIRS_ACTION:
        if quorum.met and not after_close:
            raise input_error("route", "The item is quorate: decide it by vote or by consensus.")
        if quorum.chaired_by is None:
            raise input_error("route", "Nobody can take a chair's action on this item: " + quorum.chair_note)
    decision = Decision(
        org_id=meeting.org_id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        item_id=item.id,
        route=route,
        text=text,
        chaired_by=quorum.chaired_by,
        quorum=quorum.to_data(),
        delegation_org_id=delegation and delegation.org_id,
        delegation_id=delegation and delegation.id,
        delegation_label=label,
        decided_at=now,
        recorded_by=access.person_id,
        referred_to_org_id=referred and referred.org_id,
        referred_to_committee_id=referred and referred.id,
        referred_to=referred_to,
    )
    try:
        await db.add(decision)
    except IntegrityError:  # another outcome recorded at the same moment
        raise input_error(
            "itemId", "This item already has an outcome. Rescind it, saying why, before recording another."
        ) from None
    await record(db, access, f"decision.{route.value.lower()}", decision, org_id=meeting.org_id)
    await announce(db, meeting.id, EventKind.DECISION, item_id=item.id)
    return decision


async def rescind_decision(db: Db, access: Access, *, decision_id: uuid.UUID, reason: str) -> Decision:
    """Rescinds an item's outcome, so that another may be recorded; the outcome stays in the record, marked."""
    decision = await db.first(policy.visible_decisions(access).where(Decision.id == decision_id))
    if decision is None:
        raise input_error("decisionId", "No such decision.")
    meeting, _ = await conducted(db, access, decision.meeting_id, Step.RESCIND, "decisionId")
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise input_error("reason", f"Say why the outcome is rescinded ({MAX_REASON:,} characters or fewer).")
    if decision.rescinded_at is not None:
        raise input_error("decisionId", f"That outcome was rescinded on {day(decision.rescinded_at)}.")
    if decision.ratified_at is not None:
        raise input_error(
            "decisionId",
            f"That chair's action was ratified on {day(decision.ratified_at)}; rescind the ratification first.",
        )
    if await db.first(select(Vote.id).where(Vote.item_id == decision.item_id, Vote.closed_at.is_(None))):
        raise input_error("decisionId", "A vote is open on this item; close it first.")
    now = clock.now()
    if decision.ratifies_id is not None:
        action = await db.first(
            select(Decision).where(Decision.org_id == decision.org_id, Decision.id == decision.ratifies_id)
        )
        before = snapshot(action)
        action.ratified_at, action.ratified_at_meeting_id = None, None
        await db.add(action)
        await record(db, access, "decision.unratify", action, org_id=action.org_id, before=before)
    before = snapshot(decision)
    decision.rescinded_at, decision.rescinded_by, decision.rescission_reason = now, access.person_id, reason
    await db.add(decision)
    await record(db, access, "decision.rescind", decision, org_id=decision.org_id, before=before)
    await announce(db, meeting.id, EventKind.DECISION, item_id=decision.item_id)
    return decision


async def carried_conflicts(db: Db, access: Access, action: Decision) -> dict[uuid.UUID, Management]:
    """Conflicts declared on the chair's action's item that kept the member from the decision."""
    declared = await db.all(policy.visible_declarations(access).where(Declaration.item_id == action.item_id))
    return {
        d.person_id: Management(d.management) for d in declared if Management(d.management) in EXCLUDED_FROM_DECISION
    }


async def ratify_chairs_action(db: Db, access: Access, *, decision_id: uuid.UUID, item_id: uuid.UUID) -> Decision:
    """At a later meeting of the same committee, quorate for the item under which it is reported once the
    conflicts declared on the original item are carried to it (unless those members declare otherwise there)."""
    action = await db.first(policy.visible_decisions(access).where(Decision.id == decision_id))
    if action is None:
        raise input_error("decisionId", "No such decision.")
    if Route(action.route) != Route.CHAIRS_ACTION:
        raise input_error("decisionId", "Only a chair's action is ratified.")
    if action.rescinded_at is not None:
        raise input_error("decisionId", f"That chair's action was rescinded on {day(action.rescinded_at)}.")
    if action.ratified_at is not None:
        raise input_error("decisionId", f"That chair's action was ratified on {day(action.ratified_at)}.")
    item = await item_of(db, access, item_id)
    meeting, _ = await conducted(db, access, item.meeting_id, Step.DECISION, "itemId")
    taken_at = await db.first(select(Meeting).where(Meeting.id == action.meeting_id))
    if meeting.committee_id != action.committee_id or meeting.starts_at <= taken_at.starts_at:
        raise input_error("itemId", "A chair's action is ratified at a later meeting of the same committee.")
    record_ = await gather(db, access, meeting)
    carried = await carried_conflicts(db, access, action)
    quorum = record_.quorum(item.id, carried)
    if not quorum.met:
        raise inquorate(quorum)
    now = clock.now()
    before = snapshot(action)
    action.ratified_at, action.ratified_at_meeting_id = now, meeting.id
    await db.add(action)
    await record(db, access, "decision.ratify", action, org_id=action.org_id, before=before)
    text = f"Ratified the chair's action of {day(action.decided_at)}: {action.text}"
    still_excluded = [p for p in quorum.excluded if p in carried and p not in record_.management_on(item.id)]
    if still_excluded:
        names = await db.all(select(Person.id, Person.name).where(Person.id.in_(still_excluded)))
        text += (
            " Not taking part, for interests declared on the original item: "
            + ", ".join(sorted(name for _, name in names))
            + "."
        )
    ratification = Decision(
        org_id=meeting.org_id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        item_id=item.id,
        route=Route.CONSENSUS,
        text=text,
        chaired_by=quorum.chaired_by,
        quorum=quorum.to_data(),
        delegation_org_id=action.delegation_org_id,
        delegation_id=action.delegation_id,
        delegation_label=action.delegation_label,
        decided_at=now,
        recorded_by=access.person_id,
        ratifies_id=action.id,
    )
    await db.add(ratification)
    await record(db, access, "decision.consensus", ratification, org_id=meeting.org_id)
    await announce(db, meeting.id, EventKind.DECISION, item_id=item.id)
    return action


def register(access: Access, *, org_id: uuid.UUID | None, committee_id: uuid.UUID | None):
    """The decisions register: an organisation's (its committees', and those taken under its delegations)
    or one committee's, as the caller may see it."""
    statement = policy.visible_decisions(access).where(Decision.route.in_(REGISTERED), Decision.rescinded_at.is_(None))
    if org_id is not None:
        statement = statement.where((Decision.org_id == org_id) | (Decision.delegation_org_id == org_id))
    if committee_id is not None:
        statement = statement.where(Decision.committee_id == committee_id)
    return statement
