"""Actions falling due: a daily scan records `action_due` for each open action due that day, once, however often
the scan runs (it looks in the outbox for the same action and day first, under a lock, so two scans at once
cannot both record it)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import text
from sqlmodel import select

from quorum import clock, jobs
from quorum.conduct.tables import Action, ActionStatus
from quorum.database import Db, worker_transaction
from quorum.outbox import service as outbox

_ONE_SCAN_AT_A_TIME = text("SELECT pg_advisory_xact_lock(hashtext('quorum.action_due'))")


async def record_actions_due(db: Db, day: date) -> int:
    """As the owner (the worker's transaction); returns how many events it recorded."""
    await db.execute(_ONE_SCAN_AT_A_TIME)
    due = await db.all(
        select(Action).where(Action.due_date == day, Action.status != ActionStatus.CLOSED).order_by(Action.id)
    )
    if not due:
        return 0
    done = {
        row["subject_id"]
        for row in await db.records(
            "SELECT subject_id FROM domain_event WHERE kind = 'action_due' AND payload->>'due_on' = $1"
            " AND subject_id = ANY ($2::uuid[])",
            day.isoformat(),
            [a.id for a in due],
        )
    }
    recorded = 0
    for action in due:
        if action.id in done:
            continue
        await outbox.record(
            db,
            None,
            "action_due",
            org_id=action.org_id,
            subject_id=action.id,
            payload={"owner_id": action.owner_id, "meeting_id": action.meeting_id, "due_on": day.isoformat()},
        )
        recorded += 1
    return recorded


@jobs.periodic("action_due", "0 7 * * *")
async def scan_actions_due(now: datetime) -> None:
    async with worker_transaction() as db:
        await record_actions_due(db, clock.local_date(now))
