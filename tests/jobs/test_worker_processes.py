"""Workers as operators run them: `quorum worker` on its own, and the one `quorum serve` runs in its app process.
A worker killed outright in the middle of a pack build leaves it to the next, which finishes it.

These run on a database of their own: other tests' servers on the test database run job workers too, which would
take these tests' jobs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from quorum.database import connect_kwargs
from tests.conftest import ROOT, TEST_DATABASE
from tests.jobs.support import build_state, meeting_with_a_long_pack, queue_build, wait_for_status
from tests.live_server import free_port
from tests.support import Caller

STOPPED_BY_SIGTERM = (0, -signal.SIGTERM)  # uvicorn raises the signal again once it has shut down
RESUMED_WITHIN = 60  # seconds: the worker's heartbeat timeout, its polling, and the build itself, on a busy machine


def quorum(env: dict, *args: str) -> subprocess.Popen:
    logs = ROOT / ".quorum" / "test"
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / f"jobs-{args[0]}-{time.monotonic_ns()}.log"
    with path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "quorum.cli", *args], cwd=ROOT, env=env, stdout=log, stderr=log
        )
    process.log_path = path  # type: ignore[attr-defined]
    return process


def stop(process: subprocess.Popen, how: signal.Signals = signal.SIGTERM, within: float = 40) -> int:
    process.send_signal(how)
    try:
        return process.wait(timeout=within)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise AssertionError(f"{process.args} did not stop within {within} s of {how.name}") from None


def output(process: subprocess.Popen) -> str:
    return process.log_path.read_text()  # type: ignore[attr-defined]


def serve(env: dict, *flags: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = quorum(env, "serve", "--port", str(port), *flags)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    process.kill()
    pytest.fail(f"quorum serve did not start: {output(process)}")


@dataclass
class Alone:
    """The database of their own, and a `quorum serve --no-worker` on it to set things up through the API."""

    env: dict
    url: str
    api: str

    async def fetch(self, sql: str, *args) -> list:
        conn = await asyncpg.connect(**connect_kwargs(make_url(self.env["DATABASE_URL"])))
        try:
            return await conn.fetch(sql, *args)
        finally:
            await conn.close()


@pytest.fixture(scope="module")
async def alone() -> AsyncIterator[Alone]:
    name = f"{TEST_DATABASE}_workers"
    url = make_url(os.environ["DATABASE_URL"])
    server = await asyncpg.connect(**connect_kwargs(url.set(database="postgres")))
    try:
        await server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await server.execute(f'CREATE DATABASE "{name}"')
        env = {**os.environ, "DATABASE_URL": url.set(database=name).render_as_string(hide_password=False)}
        for command in (("migrate",), ("seed", "--demo")):
            done = subprocess.run([sys.executable, "-m", "quorum.cli", *command], env=env, capture_output=True)
            assert done.returncode == 0, done.stderr
        api, api_url = serve(env, "--no-worker")
        try:
            yield Alone(env, env["DATABASE_URL"], api_url)
        finally:
            assert stop(api) in STOPPED_BY_SIGTERM, output(api)
    finally:
        await server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await server.close()


async def stored_packs(alone: Alone) -> set:
    return {r["id"] for r in await alone.fetch("SELECT id FROM stored_file WHERE content_type = 'application/pdf'")}


async def test_a_build_whose_worker_is_killed_is_resumed_by_another_and_stored_once(alone):
    async with httpx.AsyncClient(base_url=alone.api, timeout=30) as client:
        secretary, meeting_id = await meeting_with_a_long_pack(client, alone.fetch)
        before = await stored_packs(alone)
        first = quorum(alone.env, "worker")
        try:
            build_id = await queue_build(secretary, meeting_id)
            running = await wait_for_status(
                build_id, {"RUNNING", "DONE", "FAILED"}, timeout=60, every=0.005, fetch=alone.fetch
            )
            os.kill(first.pid, signal.SIGKILL)
            first.wait(timeout=10)
        finally:
            if first.poll() is None:
                first.kill()
    assert running["status"] == "RUNNING", "the build finished before its worker could be killed"
    time.sleep(1)
    assert (await build_state(build_id, alone.fetch))["status"] == "RUNNING", "nothing finishes it while no worker runs"

    second = quorum(alone.env, "worker")
    try:
        done = await wait_for_status(build_id, {"DONE", "FAILED"}, timeout=RESUMED_WITHIN, fetch=alone.fetch)
    finally:
        assert stop(second) == 0, output(second)
    assert done["status"] == "DONE", output(second)
    assert await stored_packs(alone) - before == {done["file_id"]}, "exactly one stored file: the finished build's"
    assert "Traceback" not in output(second)


async def test_the_worker_command_stops_on_sigint_and_sigterm(alone):
    for how in (signal.SIGINT, signal.SIGTERM):
        process = quorum(alone.env, "worker")
        time.sleep(3)  # started and waiting for work
        assert process.poll() is None, output(process)
        assert stop(process, how, within=20) == 0, output(process)
        assert "Traceback" not in output(process)


async def test_serve_runs_a_worker_unless_told_not_to_and_stops_it_when_it_stops(alone):
    async with httpx.AsyncClient(base_url=alone.api, timeout=30) as client:
        secretary, meeting_id = await meeting_with_a_long_pack(client, alone.fetch)
        build_id = await queue_build(Caller(client, secretary.token), meeting_id)
    time.sleep(5)
    assert (await build_state(build_id, alone.fetch))["status"] == "QUEUED", "no worker runs with --no-worker"

    with_worker, _ = serve(alone.env)
    try:
        done = await wait_for_status(build_id, {"DONE", "FAILED"}, timeout=RESUMED_WITHIN, fetch=alone.fetch)
        assert done["status"] == "DONE", output(with_worker)
    finally:
        assert stop(with_worker) in STOPPED_BY_SIGTERM, output(with_worker)
    assert "Traceback" not in output(with_worker)
