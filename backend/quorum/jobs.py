"""Durable background work in PostgreSQL (pack builds, emails, digests, reminders), queued with pgqueuer.

- `@job("name")` on `async def handler(payload: dict) -> None`: a handler is retried when its worker dies, so it
  must be idempotent (check what it already did before doing it again);
- `@periodic("name", "*/1 * * * *")` on `async def handler(now: datetime) -> None`: cron-style schedule;
- `await enqueue(db, "name", payload, dedupe_key=None, execute_after=None)`: inside the caller's transaction, so
  the job exists exactly when the change commits.

`quorum.worker` runs them. The application role queues a job only through the `enqueue_job` function of migration
0018; it can neither read nor change the queue.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from pgqueuer.domain.settings import DBSettings, Durability
from sqlalchemy import text

from quorum.database import Db

Handler = Callable[[dict[str, Any]], Awaitable[None]]
Scheduled = Callable[[datetime], Awaitable[None]]


@dataclass(frozen=True)
class Job:
    name: str
    handler: Handler


@dataclass(frozen=True)
class Periodic:
    name: str
    cron: str
    handler: Scheduled


JOBS: dict[str, Job] = {}
PERIODIC: dict[str, Periodic] = {}


def job(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        JOBS[name] = Job(name, handler)
        return handler

    return register


def periodic(name: str, cron: str) -> Callable[[Scheduled], Scheduled]:
    def register(handler: Scheduled) -> Scheduled:
        PERIODIC[name] = Periodic(name, cron, handler)
        return handler

    return register


@cache
def queue_settings() -> DBSettings:
    """pgqueuer's names for its tables, the same for the migration that creates them and the worker that uses them.
    (Named explicitly: pgqueuer would otherwise take a prefix or schema from PGQUEUER_* variables.)"""
    return DBSettings(prefix="", db_schema=None, durability=Durability.durable)


def queue_tables() -> tuple[str, ...]:
    """pgqueuer's tables: the owner's alone (the app role has no privilege on them, so they need no row-level
    security) and declared by migration 0018, not the ORM."""
    settings = queue_settings()
    return (settings.queue_table, settings.queue_table_log, settings.statistics_table, settings.schedules_table)


_ENQUEUE = text("SELECT enqueue_job(:name, :payload, :dedupe_key, :execute_after)")


async def enqueue(
    db: Db,
    name: str,
    payload: dict[str, Any],
    *,
    dedupe_key: str | None = None,
    execute_after: datetime | None = None,
) -> None:
    """Queue `name` in `db`'s transaction: a change rolled back leaves no job. While a job with the same
    `dedupe_key` is queued or running, nothing more is queued."""
    await db.execute(
        _ENQUEUE,
        {
            "name": name,
            "payload": json.dumps(payload, default=str).encode(),
            "dedupe_key": dedupe_key,
            "execute_after": execute_after,
        },
    )
