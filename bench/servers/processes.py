"""The servers under test, each a real subprocess on loopback, started and stopped by the benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[2]
POSTGRAPHILE_DIR = ROOT / "bench" / "postgraphile"
LOGS = ROOT / ".quorum" / "bench" / "servers"


class Server:
    def __init__(self, name: str, process: subprocess.Popen, url: str):
        self.name, self.process, self.url = name, process, url

    def cpu_seconds(self) -> float:
        """CPU used so far by the server and its workers (PostgreSQL's own work is not counted)."""
        parent = psutil.Process(self.process.pid)
        return sum(sum(p.cpu_times()[:2]) for p in [parent, *parent.children(recursive=True)])

    def wait_until_idle(self, seconds: float = 120) -> None:
        """Wait until the server has used less than a tenth of a CPU for a quarter of a second."""
        deadline = time.monotonic() + seconds
        used = self.cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(0.25)
            now = self.cpu_seconds()
            if now - used < 0.025:
                return
            used = now


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def quorum(workers: int) -> Iterator[Server]:
    """`quorum serve --workers N`, as deployed, with the rate limits lifted (QUORUM_RATE_LIMITS=off)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "quorum.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    env = {**os.environ, "QUORUM_RATE_LIMITS": "off"}
    with _running(f"quorum-{workers}", command, env, ROOT, f"http://127.0.0.1:{port}") as server:
        _wait_until(lambda: httpx.get(f"{server.url}/healthz").status_code == 200, server)
        yield server


def ensure_postgraphile_installed() -> None:
    """Install the benchmark's own npm packages (PostGraphile and a Node 22 binary) when missing."""
    if (
        not (POSTGRAPHILE_DIR / "node_modules" / ".bin" / "node").exists()
        or not (POSTGRAPHILE_DIR / "node_modules" / "postgraphile").is_dir()
    ):
        print("Installing PostGraphile and Node 22 into bench/postgraphile (npm ci) ...", flush=True)
        subprocess.run(["npm", "ci", "--prefix", str(POSTGRAPHILE_DIR), "--no-audit", "--no-fund"], check=True)


@contextmanager
def postgraphile(connection: str) -> Iterator[Server]:
    """PostGraphile (one Node process) over the same database as the app's role; see graphile.config.mjs."""
    ensure_postgraphile_installed()
    port = free_port()
    env = {**os.environ, "BENCH_PG_CONNECTION": connection, "BENCH_PG_PORT": str(port), "NODE_ENV": "production"}
    command = [str(POSTGRAPHILE_DIR / "node_modules" / ".bin" / "node"), "serve.mjs"]
    with _running("postgraphile", command, env, POSTGRAPHILE_DIR, f"http://127.0.0.1:{port}") as server:
        _wait_until(
            lambda: httpx.post(f"{server.url}/graphql", json={"query": "{ __typename }"}).status_code == 200, server
        )
        yield server


@contextmanager
def _running(name: str, command: list[str], env: dict, cwd: Path, url: str) -> Iterator[Server]:
    LOGS.mkdir(parents=True, exist_ok=True)
    log = (LOGS / f"{name}.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True)
    try:
        yield Server(name, process, url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_until(ready, server: Server, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"{server.name} exited; see {LOGS / server.name}.log")
        try:
            if ready():
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{server.name} did not become ready in {seconds:.0f} s; see {LOGS / server.name}.log")
