"""Reminders that time brings, not a change: the worker's scans for the practice-side kinds of message.

Each scan is a plain `scan_...(db, now)` run in one of the worker's transactions (as the owner). It records each
reminder at most once (per subject, party and day, or once outright where a second would say nothing new): it
looks in the outbox for what it recorded before, under a lock that makes two workers running it take turns.
- ballots that have opened (a ballot scheduled to open later has its paper sent when it opens);
- ballots closing within 48 hours, once per ballot, and not in the first half of a ballot's time (a ballot open
  for less than four days is reminded half-way, not straight after its paper);
- open surveys: a reminder a week after the opening or the last reminder, and a last one when the survey closes
  within two days; never two on one day, nor one on the day it opened;
- declarations of interests due (within 28 days) or overdue, once per decision-maker and due date;
- live delegations expiring within 30 days and not renewed, once per delegation and party.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, text
from sqlmodel import select

from quorum import clock
from quorum.ballots.service import opened
from quorum.ballots.tables import Ballot
from quorum.committees.tables import Committee
from quorum.database import Db, worker_transaction
from quorum.delegations.tables import Delegation
from quorum.interests import rules
from quorum.interests.service import returns_due
from quorum.jobs import periodic
from quorum.organisations.tables import Organisation
from quorum.outbox import service as outbox
from quorum.outbox.tables import DomainEvent
from quorum.people.tables import PersonRegistration
from quorum.surveys.tables import Anonymity, Survey, SurveyStatus

BALLOT_WARNING = timedelta(hours=48)
SURVEY_INTERVAL = timedelta(days=7)
SURVEY_LAST_CALL = timedelta(days=2)
DELEGATION_WARNING = timedelta(days=30)
DELEGATING, RECEIVING = "delegating", "receiving"  # the two parties to a delegation, each told in its own event

Scan = Callable[[Db, datetime], Awaitable[int]]


async def _take_turns(db: Db, scan: str) -> None:
    """Hold this scan's lock to the end of the transaction; a second worker waits, then sees what this one did."""
    await db.execute(text("SELECT pg_advisory_xact_lock(16, hashtext(:scan))"), {"scan": scan})


async def _recorded(db: Db, kind: str, subject_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[DomainEvent]]:
    """The events of this kind already recorded about these subjects."""
    found: dict[uuid.UUID, list[DomainEvent]] = {}
    if subject_ids:
        rows = await db.all(
            select(DomainEvent).where(DomainEvent.kind == kind, DomainEvent.subject_id.in_(subject_ids))
        )
        for event in rows:
            found.setdefault(event.subject_id, []).append(event)
    return found


def _day(now: datetime) -> str:
    return clock.local_date(now).isoformat()


async def scan_ballots_opened(db: Db, now: datetime) -> int:
    await _take_turns(db, "ballot_opened")
    ballots = await db.all(
        select(Ballot).where(Ballot.opens_at <= now, Ballot.closes_at > now, Ballot.closed_early_at.is_(None))
    )
    sent = await _recorded(db, "ballot_opened", [b.id for b in ballots])
    due = [b for b in ballots if b.id not in sent]
    for ballot in due:
        await outbox.record(
            db, None, "ballot_opened", org_id=ballot.org_id, subject_id=ballot.id, payload=opened(ballot)
        )
    return len(due)


def ballot_reminder_due(opens_at: datetime, closes_at: datetime, now: datetime) -> bool:
    return closes_at - now <= BALLOT_WARNING and now - opens_at >= (closes_at - opens_at) / 2


async def scan_ballots_closing(db: Db, now: datetime) -> int:
    await _take_turns(db, "ballot_closing")
    ballots = await db.all(
        select(Ballot).where(
            Ballot.opens_at <= now,
            Ballot.closes_at > now,
            Ballot.closes_at <= now + BALLOT_WARNING,
            Ballot.closed_early_at.is_(None),
        )
    )
    sent = await _recorded(db, "ballot_closing", [b.id for b in ballots])
    due = [
        b
        for b in ballots
        if ballot_reminder_due(b.opens_at, b.closes_at, now)
        and not any(e.payload.get("closes_at") == b.closes_at.isoformat() for e in sent.get(b.id, []))
    ]
    for ballot in due:
        payload = {"title": ballot.title, "closes_at": ballot.closes_at.isoformat(), "day": _day(now)}
        await outbox.record(db, None, "ballot_closing", org_id=ballot.org_id, subject_id=ballot.id, payload=payload)
    return len(due)


def survey_reminder_due(
    opened_at: datetime, reminders: list[tuple[datetime, bool]], closes_at: datetime | None, now: datetime
) -> bool | None:
    """None if no reminder is due now; otherwise whether it is the last call. `reminders` are (when, last call)."""
    if any(clock.local_date(at) == clock.local_date(now) for at in [opened_at, *(at for at, _ in reminders)]):
        return None
    if closes_at is not None and closes_at - now <= SURVEY_LAST_CALL:
        return None if any(last for _, last in reminders) else True
    latest = max([opened_at, *(at for at, _ in reminders)])
    return False if now - latest >= SURVEY_INTERVAL else None


async def scan_survey_reminders(db: Db, now: datetime) -> int:
    await _take_turns(db, "survey_reminder")
    candidates = await db.all(
        select(Survey).where(
            Survey.status == SurveyStatus.OPEN, or_(Survey.closes_at.is_(None), Survey.closes_at > now)
        )
    )
    survey_ids = [s.id for s in candidates]
    openings = await _recorded(db, "survey_opened", survey_ids)
    reminders = await _recorded(db, "survey_reminder", survey_ids)
    count = 0
    for survey in candidates:
        opened_at = next(
            (datetime.fromisoformat(e.payload["opened_at"]) for e in openings.get(survey.id, [])), survey.created_at
        )
        earlier = [
            (datetime.fromisoformat(e.payload["at"]), e.payload["last_call"]) for e in reminders.get(survey.id, [])
        ]
        last_call = survey_reminder_due(opened_at, earlier, survey.closes_at, now)
        if last_call is None:
            continue
        payload: dict[str, Any] = {
            "title": survey.title,
            "anonymous": survey.anonymity == Anonymity.ANONYMOUS,
            "last_call": last_call,
            "at": now.isoformat(),
            "day": _day(now),
        }
        await outbox.record(db, None, "survey_reminder", org_id=survey.org_id, subject_id=survey.id, payload=payload)
        count += 1
    return count


async def scan_declarations_due(db: Db, now: datetime) -> int:
    await _take_turns(db, "declaration_due")
    today = clock.local_date(now)
    count = 0
    for org_id in await db.all(select(Organisation.id).order_by(Organisation.id)):
        registered = set(await db.all(select(PersonRegistration.person_id).where(PersonRegistration.org_id == org_id)))
        due = [
            r
            for r in await returns_due(db, org_id, today)
            if r.due.status != rules.ReturnStatus.UP_TO_DATE and r.person_id in registered
        ]
        sent = await _recorded(db, "declaration_due", [r.person_id for r in due])
        for review in due:
            if any(
                e.org_id == org_id and e.payload.get("due_on") == review.due.due_on.isoformat()
                for e in sent.get(review.person_id, [])
            ):
                continue
            payload = {"due_on": review.due.due_on.isoformat(), "first": review.last_return is None, "day": _day(now)}
            await outbox.record(
                db, None, "declaration_due", org_id=org_id, subject_id=review.person_id, payload=payload
            )
            count += 1
    return count


def renewed(delegation: Delegation, others: list[Delegation]) -> bool:
    """Whether another delegation from the same organisation to the same committee takes over all it gives, over
    all it covers, from the moment it ends (so nothing is about to end)."""
    return any(
        other.id != delegation.id
        and other.org_id == delegation.org_id
        and other.receiving_committee_id == delegation.receiving_committee_id
        and other.revoked_at is None
        and other.valid_from <= delegation.valid_to < other.valid_to
        and set(delegation.functions) <= set(other.functions)
        and set(delegation.scope_ccg_ids) <= set(other.scope_ccg_ids)
        for other in others
    )


async def scan_delegations_expiring(db: Db, now: datetime) -> int:
    await _take_turns(db, "delegation_expiring")
    rows = await db.all(
        select(Delegation, Committee.name, Organisation.name)
        .join(
            Committee,
            (Committee.org_id == Delegation.receiving_org_id) & (Committee.id == Delegation.receiving_committee_id),
        )
        .join(Organisation, Organisation.id == Delegation.org_id)
        .where(
            Delegation.valid_from <= now,
            Delegation.valid_to > now,
            Delegation.valid_to <= now + DELEGATION_WARNING,
            or_(Delegation.revoked_at.is_(None), Delegation.revoked_at > now),
        )
    )
    committees = {d.receiving_committee_id for d, _, _ in rows}
    successors = await db.all(
        select(Delegation).where(
            Delegation.receiving_committee_id.in_(committees),
            Delegation.valid_to > now,
            Delegation.revoked_at.is_(None),
        )
    )
    sent = await _recorded(db, "delegation_expiring", [d.id for d, _, _ in rows])
    count = 0
    for delegation, committee, delegator in rows:
        if renewed(delegation, successors):
            continue
        for party, org_id in ((DELEGATING, delegation.org_id), (RECEIVING, delegation.receiving_org_id)):
            if any(
                e.payload.get("party") == party and e.payload.get("valid_to") == delegation.valid_to.isoformat()
                for e in sent.get(delegation.id, [])
            ):
                continue
            payload = {
                "party": party,
                "valid_to": delegation.valid_to.isoformat(),
                "functions": list(delegation.functions),
                "delegator": delegator,
                "committee": committee,
                "day": _day(now),
            }
            await outbox.record(
                db, None, "delegation_expiring", org_id=org_id, subject_id=delegation.id, payload=payload
            )
            count += 1
    return count


def _scheduled(name: str, cron: str, scan: Scan) -> None:
    async def run(now: datetime) -> None:
        async with worker_transaction() as db:
            await scan(db, now)

    periodic(name, cron)(run)


SCANS: dict[str, tuple[str, Scan]] = {
    "scan_ballots_opened": ("*/5 * * * *", scan_ballots_opened),
    "scan_ballots_closing": ("0 * * * *", scan_ballots_closing),  # hourly, so the warning comes near 48 hours
    "scan_survey_reminders": ("0 9 * * *", scan_survey_reminders),
    "scan_declarations_due": ("0 9 * * *", scan_declarations_due),
    "scan_delegations_expiring": ("0 9 * * *", scan_delegations_expiring),
}
for _name, (_cron, _scan) in SCANS.items():
    _scheduled(_name, _cron, _scan)
