"""Recording domain events. Services call `record` inside the transaction that makes the change, so an event
exists exactly when its change committed. Services say what happened; they never say who is told or how."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import text

from quorum import jobs
from quorum.access import Access
from quorum.database import Db

# Plain SQL, as for the audit log: the writer may not read the row back.
_INSERT = text(
    "INSERT INTO domain_event (org_id, kind, subject_id, payload, recorded_by)"
    " VALUES (:org_id, :kind, :subject_id, CAST(:payload AS jsonb), :recorded_by)"
)


async def record(
    db: Db,
    access: Access | None,
    kind: str,
    *,
    org_id: uuid.UUID | None,
    subject_id: uuid.UUID | None = None,
    payload: dict[str, Any] | None = None,
) -> None:
    """`access` is None for events the worker records itself (reminders, expiries), as the owner."""
    await db.execute(
        _INSERT,
        {
            "org_id": org_id,
            "kind": kind,
            "subject_id": subject_id,
            "payload": json.dumps(payload or {}, default=str),
            "recorded_by": access.person_id if access else None,
        },
    )
    # Wakes the notification worker when the change commits (its every-minute run catches any wake-up missed).
    await jobs.enqueue(db, "dispatch_events", {}, dedupe_key="dispatch_events")
