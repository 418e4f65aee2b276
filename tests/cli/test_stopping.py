"""Stop means stop: the embedded PostgreSQL a command started is gone when the command ends, however it is told
to stop, with any number of workers, and after a run that was killed outright."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from tests.conftest import ROOT, TEST_DATABASE
from tests.live_server import free_port


def postgres_for(pgdata: Path) -> list[psutil.Process]:
    """PostgreSQL processes serving this data folder (the postmaster and its children)."""
    found = []
    for process in psutil.process_iter(["name", "cmdline"]):
        try:
            if process.info["name"] == "postgres" and str(pgdata) in " ".join(process.info["cmdline"] or ()):
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def gone(pgdata: Path, within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while postgres_for(pgdata):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@pytest.fixture(scope="module")
def data_dir() -> Iterator[Path]:
    # Not under pytest's tmp_path: any pytest session on the machine resets /tmp/pytest-of-<user> to 0700,
    # which shuts out the system user embedded_postgres runs the server as when started by root.
    parent = ROOT / ".quorum" / "test"
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"stopping-{TEST_DATABASE}-", dir=parent))
    yield folder / "data"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def env(data_dir) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["QUORUM_DATA_DIR"] = str(data_dir)
    return env


def run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quorum.cli", *args], capture_output=True, text=True, env=env, timeout=180
    )


@pytest.fixture(scope="module")
def migrated(env, data_dir) -> Path:
    result = run(env, "migrate")
    assert result.returncode == 0, result.stderr
    return data_dir / "pgdata"


def test_one_shot_commands_stop_what_they_start(env, migrated):
    assert gone(migrated)
    for command in (("seed", "--demo"), ("token", "--email", "helen.hargreaves@demo.quorum.example")):
        result = run(env, *command)
        assert result.returncode == 0, result.stderr
        assert gone(migrated), command


def serve(env: dict, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "quorum.cli", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/healthz"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.3)
        if process.poll() is not None:
            break
    process.kill()
    pytest.fail(f"quorum serve did not start: {process.stderr.read()}")


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_stops_its_postgres_on_sigterm_and_sigint(env, migrated, workers, stop):
    process, _ = serve(env, workers)
    assert postgres_for(migrated)
    process.send_signal(stop)
    process.wait(timeout=60)
    stderr = process.stderr.read()
    assert "Traceback" not in stderr, stderr
    assert gone(migrated), stderr


def test_a_killed_run_does_not_keep_the_next_from_stopping(env, migrated):
    """`npm run demo` killed outright (SIGKILL) leaves PostgreSQL running and its own pid among the server's
    holders; the next run uses that server and, when it ends, stops it."""
    process, _ = serve(env, 1)
    process.kill()
    process.wait(timeout=10)
    assert postgres_for(migrated)  # what a killed run leaves behind
    result = run(env, "migrate")
    assert result.returncode == 0, result.stderr
    assert gone(migrated), result.stderr


def test_a_stale_postmaster_pid_is_handled(env, migrated):
    """The machine went down with the server: postmaster.pid names a process that no longer exists."""
    process, _ = serve(env, 1)
    process.kill()
    process.wait(timeout=10)
    for leftover in postgres_for(migrated):
        leftover.kill()
    assert gone(migrated)
    assert (migrated / "postmaster.pid").exists()
    result = run(env, "migrate")
    assert result.returncode == 0, result.stderr
    assert gone(migrated), result.stderr
