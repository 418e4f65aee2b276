"""Keeping the job queue's own history bounded: pgqueuer logs every change of every job's state and prunes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import text

from quorum import jobs
from quorum.database import worker_transaction

LOG_KEPT_FOR = timedelta(days=30)


@jobs.periodic("prune_job_log", "40 3 * * *")
async def prune_job_log(now: datetime) -> None:
    """Forget job history older than LOG_KEPT_FOR. A held (failed) job stays in the queue itself, so nothing that
    still needs attention is lost."""
    log_table = jobs.queue_settings().queue_table_log
    async with worker_transaction() as db:
        await db.execute(text(f"DELETE FROM {log_table} WHERE created < :before"), {"before": now - LOG_KEPT_FOR})
