"""The background worker: runs queued jobs and the periodic schedules (`quorum.jobs`), as the database owner.

`quorum worker` runs one on its own; `quorum serve` runs one in each of its app processes. Any number may run
against one database: pgqueuer hands each job to one of them. A worker beats a heartbeat for each job it runs;
a job whose worker has been silent for HEARTBEAT_TIMEOUT (killed, its machine gone) is picked up by another,
which is why every handler must be idempotent.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json
import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import asyncpg
from pgqueuer import QueueManager, RetryRequested, SchedulerManager
from pgqueuer.adapters.drivers.asyncpg import AsyncpgPoolDriver
from pgqueuer.adapters.persistence import qb
from pgqueuer.domain.models import Job as QueuedJob
from pgqueuer.domain.models import Schedule
from pgqueuer.domain.types import QueueExecutionMode
from pgqueuer.queries import Queries

from quorum import clock, jobs
from quorum.config import get_settings
from quorum.database import connect_kwargs, is_unavailable, owner_url

log = logging.getLogger(__name__)

# The modules whose import registers jobs and schedules (`@job`, `@periodic`).
JOB_MODULES = (
    "quorum.files.conversion",
    "quorum.files.text",
    "quorum.packs.builder",
    "quorum.in_common.pack",
    "quorum.notifications.schedule",
    "quorum.job_upkeep",
)

HEARTBEAT_TIMEOUT = timedelta(seconds=10)
# How often an idle worker looks at the queue besides being woken by a new job's NOTIFY: for jobs due later and
# jobs whose worker died.
POLL_EVERY = timedelta(seconds=2)
RETRY_AFTER = timedelta(seconds=5)  # after a job found the database unavailable
SHUTDOWN_GRACE = 20.0  # seconds a stopping worker waits for the jobs it is running before abandoning them


def register_jobs() -> None:
    for module in JOB_MODULES:
        importlib.import_module(module)


@contextlib.asynccontextmanager
async def _queries() -> AsyncIterator[Queries]:
    pool = await asyncpg.create_pool(**connect_kwargs(owner_url()), min_size=1, max_size=4)
    try:
        settings = jobs.queue_settings()
        yield Queries(
            AsyncpgPoolDriver(pool),
            qbe=qb.QueryBuilderEnvironment(settings),
            qbq=qb.QueryQueueBuilder(settings),
            qbs=qb.QuerySchedulerBuilder(settings),
        )
    finally:
        await pool.close()


def _entrypoint(job: jobs.Job):  # noqa: ANN202
    async def run(queued: QueuedJob) -> None:
        try:
            await job.handler(json.loads(queued.payload or b"{}"))
        except Exception as error:
            if is_unavailable(error):  # the database went away mid-job: try again, not a failure of the job
                raise RetryRequested(delay=RETRY_AFTER, reason="the database was unavailable") from error
            raise

    return run


def _scheduled(periodic: jobs.Periodic):  # noqa: ANN202
    async def run(schedule: Schedule) -> None:
        await periodic.handler(clock.now())

    return run


class _UntilNoneIsDue(QueueManager):
    """In drain mode, stops once no job is due now: pgqueuer's own drain also waits for jobs queued for later."""

    async def _maybe_drain_shutdown(self, mode: QueueExecutionMode, task_manager: Any) -> None:
        if mode is not QueueExecutionMode.drain:
            return
        if task_manager.tasks:
            await asyncio.sleep(0)
        if task_manager.tasks:
            return
        if await self.queries.eligible_queued_work(list(self.entrypoint_registry)) == 0:
            self.shutdown.set()


def _runs(name: str) -> bool:
    chosen = get_settings().worker_jobs
    return chosen is None or name in chosen


def _queue_manager(queries: Queries) -> QueueManager:
    manager = _UntilNoneIsDue(queries, channel=jobs.queue_settings().channel)
    for job in filter(lambda job: _runs(job.name), jobs.JOBS.values()):
        # A job that raised is kept in the queue as failed (`pgq` lists and re-queues them), not deleted.
        manager.entrypoint(job.name, on_failure="hold")(_entrypoint(job))
    return manager


async def _run_once(stop: asyncio.Event) -> None:
    async with _queries() as queries:
        manager = _queue_manager(queries)
        scheduler = SchedulerManager(queries)
        for periodic in filter(lambda periodic: _runs(periodic.name), jobs.PERIODIC.values()):
            scheduler.schedule(periodic.name, periodic.cron)(_scheduled(periodic))
        scheduler.shutdown = manager.shutdown
        running = [
            asyncio.create_task(
                manager.run(dequeue_timeout=POLL_EVERY, heartbeat_timeout=HEARTBEAT_TIMEOUT, batch_size=5)
            )
        ]
        if scheduler.registry:
            running.append(asyncio.create_task(scheduler.run()))
        stopping = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait([*running, stopping], return_when=asyncio.FIRST_COMPLETED)
            manager.shutdown.set()
            finished, unfinished = await asyncio.wait(running, timeout=SHUTDOWN_GRACE)
            for task in unfinished:  # their jobs are picked up again once their heartbeat is stale
                task.cancel()
            for task in running:
                if task in finished and task.exception() is not None:
                    raise task.exception()  # type: ignore[misc]
        finally:
            stopping.cancel()
            for task in running:
                task.cancel()
            await asyncio.gather(*running, stopping, return_exceptions=True)


async def run(stop: asyncio.Event) -> None:
    """Runs jobs until `stop` is set. When the database goes away the worker waits and starts again."""
    register_jobs()
    delay = 0.5
    while not stop.is_set():
        try:
            await _run_once(stop)
            delay = 0.5
        except Exception as error:
            if is_unavailable(error):
                log.warning("the job worker lost the database; starting again in %.1f s", delay)
            else:
                log.exception("the job worker failed; starting again in %.1f s", delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=delay)
            delay = min(delay * 2, 10)


async def drain() -> None:
    """Runs every job due now (and any they queue) in this process, returning when none is left: for tests and
    one-off commands. Jobs queued for later stay queued."""
    register_jobs()
    async with _queries() as queries:
        await _queue_manager(queries).run(
            dequeue_timeout=POLL_EVERY,
            heartbeat_timeout=HEARTBEAT_TIMEOUT,
            mode=QueueExecutionMode.drain,
            log_aggregation_interval=timedelta(0),
        )
