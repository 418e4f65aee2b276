"""The notification machine's background jobs. The worker imports this module so that they are registered.

Dispatch and delivery run on demand (`dispatch_events`, `deliver_messages`) and every minute as well, so nothing
waits on a wake-up that was missed; each is safe to run twice at once (rows are claimed with SKIP LOCKED)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from quorum import clock
from quorum.conduct.reminders import record_actions_due
from quorum.database import worker_transaction
from quorum.jobs import job, periodic
from quorum.notifications import practice_reminders, reminders
from quorum.notifications.delivery import deliver_messages
from quorum.notifications.digests import send_digests
from quorum.notifications.dispatch import dispatch_events


@job("dispatch_events")
async def dispatch_job(payload: dict[str, Any]) -> None:
    await dispatch_events()
    await deliver_messages()


@job("deliver_messages")
async def deliver_job(payload: dict[str, Any]) -> None:
    await deliver_messages()


@periodic("dispatch_and_deliver", "* * * * *")
async def every_minute(now: datetime) -> None:
    await dispatch_events()
    await deliver_messages()


@periodic("send_digests", "0 * * * *")
async def hourly_digests(now: datetime) -> None:
    await send_digests(now)
    await deliver_messages()


@periodic("paper_reminders", "0 7 * * *")
async def daily_paper_reminders(now: datetime) -> None:
    await reminders.record_paper_reminders(now)


async def record_the_days_reminders(now: datetime) -> None:
    """Every reminder scan once, as the schedules above would run them over a day; each records a reminder at most
    once a day. The demo seed runs it so that Sent mail opens with the day's messages."""
    await reminders.record_paper_reminders(now)
    async with worker_transaction() as db:
        for _, scan in practice_reminders.SCANS.values():
            await scan(db, now)
        await record_actions_due(db, clock.local_date(now))
