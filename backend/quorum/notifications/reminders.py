"""Time-based paper reminders: a daily scan records "due in three days" and "overdue" events, each at most once
per paper and London day, so running the scan again that day records nothing new."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from quorum import clock
from quorum.database import worker_transaction

# Unsubmitted papers (drafts, returned ones included) for meetings still to come.
_REMIND = text(
    "INSERT INTO domain_event (org_id, kind, subject_id, payload)"
    " SELECT p.org_id, CAST(:kind AS varchar), p.id, jsonb_build_object('day', CAST(:day AS text))"
    " FROM paper p JOIN meeting m ON m.org_id = p.org_id AND m.id = p.meeting_id"
    " WHERE p.status = 'DRAFT' AND m.starts_at > :now AND {due}"
    " AND NOT EXISTS (SELECT 1 FROM domain_event e WHERE e.kind = :kind AND e.subject_id = p.id"
    "                 AND e.payload ->> 'day' = CAST(:day AS text))"
)
_DUE_SOON = text(_REMIND.text.format(due="p.due_date = CAST(:day AS date) + 3"))
_OVERDUE = text(_REMIND.text.format(due="p.due_date < CAST(:day AS date)"))


async def record_paper_reminders(now: datetime | None = None) -> None:
    now = now or clock.now()
    day = clock.local_date(now)
    async with worker_transaction() as db:
        for kind, statement in (("paper_due_soon", _DUE_SOON), ("paper_overdue", _OVERDUE)):
            await db.execute(statement, {"kind": kind, "day": day.isoformat(), "now": now})
