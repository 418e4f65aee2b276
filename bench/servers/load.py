"""Load from another process: wrk (Debian's package) with requests.lua, so the client's cost stays out of the server's figures."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

LUA_SCRIPT = Path(__file__).with_name("requests.lua")
RESULT_PREFIX = "WRK_RESULT "


@dataclass(frozen=True)
class Request:
    headers: dict[str, str]
    body: dict


@dataclass(frozen=True)
class Measurement:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    failures: int  # socket errors, timeouts, non-200 answers and answers carrying GraphQL errors
    recorded: int  # castBallotVote answers: first votes
    already_recorded: int  # castBallotVote answers: retries of a recorded vote

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def ensure_wrk() -> str:
    """wrk's path, installing Debian's package first when missing and running as root."""
    found = shutil.which("wrk")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk (apt-get install -y wrk) ...", flush=True)
        install = ["apt-get", "install", "-y", "-q", "wrk"]
        if subprocess.run(install, check=False, stdout=subprocess.DEVNULL).returncode != 0:  # a stale package list
            subprocess.run(["apt-get", "update", "-q"], stdout=subprocess.DEVNULL, check=True)
            subprocess.run(install, stdout=subprocess.DEVNULL, check=True)
        found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk is not installed: `sudo apt-get install -y wrk` (Debian's package) and run again.")
    return found


def run(url: str, requests: list[Request], clients: int, seconds: float) -> Measurement:
    """Keep `clients` connections busy for `seconds`, sending `requests` in turn."""
    with tempfile.NamedTemporaryFile("w", suffix=".requests", delete=False) as listing:
        for request in requests:
            fields = [f"{name}: {value}" for name, value in request.headers.items()]
            listing.write("\t".join([*fields, json.dumps(request.body, separators=(",", ":"))]) + "\n")
    threads = 1  # one wrk thread drives 64 connections easily; a second would take CPU from the server
    try:
        completed = subprocess.run(
            [
                ensure_wrk(),
                f"--threads={threads}",
                f"--connections={clients}",
                f"--duration={max(1, round(seconds))}s",
                "--timeout=30s",
                f"--script={LUA_SCRIPT}",
                url,
                "--",
                listing.name,
                str(threads),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(listing.name).unlink()
    line = next((line for line in completed.stdout.splitlines() if line.startswith(RESULT_PREFIX)), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result:\n{completed.stdout}\n{completed.stderr}")
    found = json.loads(line.removeprefix(RESULT_PREFIX))
    return Measurement(
        requests=found["requests"],
        seconds=found["seconds"],
        p50_ms=found["p50_us"] / 1000,
        p95_ms=found["p95_us"] / 1000,
        p99_ms=found["p99_us"] / 1000,
        failures=found["socket_errors"] + found["timeouts"] + found["not_ok"] + found["graphql_errors"],
        recorded=found["recorded"],
        already_recorded=found["already_recorded"],
    )
