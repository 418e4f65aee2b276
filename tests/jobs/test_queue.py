"""The job queue beneath the services: a job exists exactly when the change that queued it commits, the app role
can add a job and do nothing else to the queue, and a worker runs what is queued."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import asyncpg
import pytest

from quorum import clock, ids, jobs, worker
from quorum.auth.identity import Identity, transaction_for
from quorum.database import app_url, connect_kwargs
from quorum.packs import builder
from tests.jobs.support import build_state, meeting_with_a_long_pack, queue_build, wait_for_status
from tests.support import BOLTON_SECRETARY, owner_fetch, run_queued_jobs

RAN: list[str] = []


@jobs.job("test_note_the_marker")
async def note_the_marker(payload: dict) -> None:
    RAN.append(payload["marker"])


class Abandoned(Exception):
    pass


async def secretary_id() -> uuid.UUID:
    return (await owner_fetch("SELECT id FROM person WHERE email = $1", BOLTON_SECRETARY))[0]["id"]


async def secretary() -> Identity:
    return Identity.of_person(await secretary_id())


async def test_a_job_queued_in_a_transaction_that_rolls_back_never_runs():
    rolled_back, committed = f"rolled-back-{uuid.uuid4()}", f"committed-{uuid.uuid4()}"
    with pytest.raises(Abandoned):
        async with transaction_for(await secretary()) as (db, _):
            await jobs.enqueue(db, "test_note_the_marker", {"marker": rolled_back})
            raise Abandoned
    async with transaction_for(await secretary()) as (db, _):
        await jobs.enqueue(db, "test_note_the_marker", {"marker": committed})

    await run_queued_jobs()

    assert committed in RAN
    assert rolled_back not in RAN
    assert await owner_fetch("SELECT id FROM pgqueuer WHERE entrypoint = 'test_note_the_marker'") == []


async def test_a_job_with_the_same_dedupe_key_as_a_queued_one_is_not_queued_again():
    marker = f"once-{uuid.uuid4()}"
    async with transaction_for(await secretary()) as (db, _):
        for _ in range(3):
            await jobs.enqueue(db, "test_note_the_marker", {"marker": marker}, dedupe_key=marker)
    await run_queued_jobs()
    assert RAN.count(marker) == 1


async def test_a_job_queued_for_later_waits_until_then():
    marker = f"later-{uuid.uuid4()}"
    async with transaction_for(await secretary()) as (db, _):
        await jobs.enqueue(
            db, "test_note_the_marker", {"marker": marker}, execute_after=clock.now() + timedelta(hours=1)
        )
    await asyncio.wait_for(run_queued_jobs(), timeout=30)  # returns: nothing is due
    waiting = await owner_fetch(
        "SELECT status::text, execute_after > now() + interval '59 minutes' AS later FROM pgqueuer"
        " WHERE entrypoint = 'test_note_the_marker'"
    )
    await owner_fetch("DELETE FROM pgqueuer WHERE entrypoint = 'test_note_the_marker'")
    assert marker not in RAN
    assert [dict(r) for r in waiting] == [{"status": "queued", "later": True}]


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT count(*) FROM pgqueuer",
        "SELECT count(*) FROM pgqueuer_log",
        "SELECT count(*) FROM pgqueuer_schedules",
        "SELECT count(*) FROM pgqueuer_statistics",
        "UPDATE pgqueuer SET priority = 1",
        "DELETE FROM pgqueuer",
        "INSERT INTO pgqueuer (priority, entrypoint, status) VALUES (0, 'build_pack', 'queued')",
        "TRUNCATE pgqueuer",
    ],
)
async def test_the_app_role_can_only_add_a_job(statement):
    conn = await asyncpg.connect(**connect_kwargs(app_url()))
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute(statement)
    finally:
        await conn.close()


async def test_a_pack_build_finishes_through_a_running_worker_which_stops_when_told(client):
    secretary, meeting_id = await meeting_with_a_long_pack(client)
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))
    try:
        build_id = await queue_build(secretary, meeting_id)
        done = await wait_for_status(build_id, {"DONE", "FAILED"}, timeout=60)
    finally:
        stop.set()
        await asyncio.wait_for(running, timeout=30)
    assert done["status"] == "DONE" and done["file_id"] is not None
    assert running.done() and running.exception() is None


async def test_a_build_run_again_after_it_finished_changes_nothing(client):
    secretary, meeting_id = await meeting_with_a_long_pack(client)
    build_id = await queue_build(secretary, meeting_id)
    await run_queued_jobs()
    # (Another test server's worker on this database may have taken the job instead.)
    first = await wait_for_status(build_id, {"DONE", "FAILED"}, timeout=60)
    await builder.build_pack(
        {"build_id": str(ids.decode(build_id)[1]), "person_id": str(await secretary_id()), "gather": "meeting"}
    )
    assert first["status"] == "DONE" and await build_state(build_id) == first


async def test_a_periodic_job_runs_on_its_schedule_in_a_running_worker():
    ran: list = []

    @jobs.periodic("test_every_second", "* * * * * *")  # croniter's sixth field: seconds
    async def every_second(now) -> None:
        ran.append(now)

    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))
    try:
        for _ in range(150):
            if ran:
                break
            await asyncio.sleep(0.1)
    finally:
        stop.set()
        await asyncio.wait_for(running, timeout=30)
        del jobs.PERIODIC["test_every_second"]
    assert ran and ran[0].tzinfo is not None


@jobs.job("test_fails")
async def fails(payload: dict) -> None:
    raise RuntimeError("a mistake in the handler")


async def test_a_job_that_fails_is_kept_as_failed_and_not_run_again():
    async with transaction_for(await secretary()) as (db, _):
        await jobs.enqueue(db, "test_fails", {})
    await run_queued_jobs()
    held = await owner_fetch("SELECT status::text FROM pgqueuer WHERE entrypoint = 'test_fails'")
    assert [r["status"] for r in held] == ["failed"]


def test_a_worker_runs_only_the_jobs_it_is_given(monkeypatch):
    from quorum.config import get_settings

    worker.register_jobs()
    monkeypatch.setenv("QUORUM_WORKER_JOBS", "build_pack, send_digests")
    get_settings.cache_clear()
    try:
        chosen = [name for name in sorted({*jobs.JOBS, *jobs.PERIODIC}) if worker._runs(name)]
    finally:
        monkeypatch.delenv("QUORUM_WORKER_JOBS")
        get_settings.cache_clear()
    assert chosen == ["build_pack", "send_digests"]
    assert all(worker._runs(name) for name in {*jobs.JOBS, *jobs.PERIODIC})
