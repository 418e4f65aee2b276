"""A real Quorum server in a subprocess, with a real OpenID Connect provider, both on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass

import httpx
import pytest
from oidc_provider_mock import run_server_in_thread

from tests.conftest import ROOT, TEST_DATABASE

CLIENT_ID = "quorum-browser-tests"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider():
    with run_server_in_thread(port=free_port()) as server:
        yield f"http://127.0.0.1:{server.server_port}"


@dataclass
class Server:
    url: str
    process: subprocess.Popen


@pytest.fixture(scope="session")
def server(oidc_provider) -> Server:
    port = free_port()
    env = {
        **os.environ,
        "QUORUM_DEMO": "1",
        "QUORUM_OIDC_ISSUER": oidc_provider,
        "QUORUM_OIDC_CLIENT_ID": CLIENT_ID,
        "QUORUM_OIDC_CLIENT_SECRET": "browser-test-secret",
        # It builds packs (converting any Word or Excel paper still waiting as it does). Conversions and the
        # notification jobs are left to the tests that run them, which read what was done.
        "QUORUM_WORKER_JOBS": "build_pack",
        # Every browser test signs people in from this one address, more than the 20 a minute one address may;
        # the rate limits themselves are tested in tests/api and tests/hardening.
        "QUORUM_RATE_LIMITS": "off",
    }
    (ROOT / ".quorum" / "test").mkdir(parents=True, exist_ok=True)
    log = open(ROOT / ".quorum" / "test" / f"server-{TEST_DATABASE}.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "quorum.cli", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.terminate()
        pytest.fail(f"Quorum did not start; see {log.name}")
    yield Server(url, process)
    process.terminate()
    process.wait(timeout=20)
    log.close()
