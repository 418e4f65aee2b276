"""The queue's history is pruned: old log rows go, recent ones and held jobs stay."""

from __future__ import annotations

from datetime import timedelta

from quorum import clock
from quorum.job_upkeep import LOG_KEPT_FOR, prune_job_log
from tests.support import owner_fetch

_LOG = (
    "INSERT INTO pgqueuer_log (job_id, status, entrypoint, priority, created)"
    " VALUES ($1, 'successful', 'test_upkeep', 0, now() - $2::interval) RETURNING id"
)


async def test_pruning_forgets_job_history_older_than_it_keeps_and_only_that():
    old = (await owner_fetch(_LOG, -1, LOG_KEPT_FOR + timedelta(days=1)))[0]["id"]
    recent = (await owner_fetch(_LOG, -2, LOG_KEPT_FOR - timedelta(days=1)))[0]["id"]
    try:
        await prune_job_log(clock.now())
        left = {r["id"] for r in await owner_fetch("SELECT id FROM pgqueuer_log WHERE entrypoint = 'test_upkeep'")}
        assert old not in left
        assert recent in left
    finally:
        await owner_fetch("DELETE FROM pgqueuer_log WHERE entrypoint = 'test_upkeep'")
