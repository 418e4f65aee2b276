"""Quorum servers run as an operator runs them (`quorum serve`), against the test database, on loopback.
No frontend is needed: these tests speak GraphQL over HTTP and WebSocket only."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from tests.conftest import ROOT, TEST_DATABASE


@dataclass
class Server:
    url: str
    process: subprocess.Popen


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(name: str) -> tuple[Server, object]:
    port = free_port()
    log = open(ROOT / ".quorum" / "test" / f"server-{TEST_DATABASE}-{name}.log", "w")
    process = subprocess.Popen(
        # No job worker: these servers share the test database for the whole session, and the tests that run jobs
        # read what their own run did.
        [sys.executable, "-m", "quorum.cli", "serve", "--port", str(port), "--no-worker"],
        env={**os.environ, "QUORUM_DEMO": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return Server(f"http://127.0.0.1:{port}", process), log


def wait_until_healthy(server: Server, log) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{server.url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    server.process.terminate()
    pytest.fail(f"Quorum did not start; see {log.name}")


@pytest.fixture(scope="session")
def two_servers() -> Iterator[tuple[Server, Server]]:
    started = [start("a"), start("b")]
    try:
        for server, log in started:
            wait_until_healthy(server, log)
        yield started[0][0], started[1][0]
    finally:
        for server, log in started:
            server.process.terminate()
            server.process.wait(timeout=20)
            log.close()
