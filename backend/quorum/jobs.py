"""Durable background work in PostgreSQL (pack builds, emails, digests, reminders).

INTERFACE AGREED FOR ISSUE 16 — the jobs work fills in `enqueue` and the worker; other code only uses:
- `@job("name")` on `async def handler(payload: dict) -> None`: a handler is retried when its worker dies, so it
  must be idempotent (check what it already did before doing it again);
- `@periodic("name", "*/1 * * * *")` on `async def handler(now: datetime) -> None`: cron-style schedule;
- `await enqueue(db, "name", payload, dedupe_key=None, execute_after=None)`: inside the caller's transaction, so
  the job exists exactly when the change commits.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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


async def enqueue(
    db: Db,
    name: str,
    payload: dict[str, Any],
    *,
    dedupe_key: str | None = None,
    execute_after: datetime | None = None,
) -> None:
    raise NotImplementedError("filled in by the jobs work")
