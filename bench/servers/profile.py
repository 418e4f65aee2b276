"""Where a Quorum worker's time goes for one operation under load: py-spy samples it while wrk drives it.

    .venv/bin/pip install -e '.[bench]'        # py-spy
    .venv/bin/python -m bench.servers.profile survey [--seconds 15] [--clients 4]

Uses the database DATABASE_URL names, as `python -m bench.servers` does (run that with --demo once for demo
data). Prints the functions holding most of the worker's samples (inclusive) and the packages whose own code
ran, and leaves py-spy's raw stacks in .quorum/bench/servers/ for a flame graph.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from bench.servers import load, processes


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.servers.profile", description=__doc__.splitlines()[0])
    parser.add_argument("operation", help="meeting, meetings, home, vote, survey or public")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        raise SystemExit("py-spy is not installed: .venv/bin/pip install -e '.[bench]'")
    os.environ.setdefault("QUORUM_DATA_DIR", str(processes.ROOT / ".quorum" / "bench"))
    load.ensure_wrk()
    from bench.servers.__main__ import choose_operations
    from quorum.database import owner_url

    owner_url()
    operations, _ = asyncio.run(choose_operations(args.operation))
    raw = processes.LOGS / f"profile-{args.operation}.txt"
    with processes.quorum(1) as server:
        url, requests = f"{server.url}/graphql", operations[0].quorum
        load.run(url, requests, 1, 2)  # warm up
        driving = threading.Thread(target=load.run, args=(url, requests, args.clients, args.seconds + 2))
        driving.start()
        subprocess.run(
            [
                spy,
                "record",
                "--subprocesses",
                "--rate",
                "250",
                "--format",
                "raw",
                "--duration",
                str(int(args.seconds)),
                "--output",
                str(raw),
                "--pid",
                str(server.process.pid),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        driving.join()
    print_profile(raw)
    return 0


def print_profile(raw: Path, top: int = 30) -> None:
    inclusive, own_code, total = Counter(), Counter(), 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames, samples = stack.split(";"), int(count)
        total += samples
        for frame in set(frames):
            inclusive[frame] += samples
        own_code[_package(frames[-1])] += samples
    print(f"{total} samples of the worker; functions holding the most of them (inclusive):")
    for frame, samples in inclusive.most_common(top):
        print(f"  {100 * samples / total:5.1f}%  {frame[:150]}")
    print("Whose own code ran:")
    for package, samples in own_code.most_common(12):
        print(f"  {100 * samples / total:5.1f}%  {package}")
    print(f"Raw stacks: {raw}")


def _package(frame: str) -> str:
    found = re.search(r"\((.*?):\d+\)", frame)
    path = found.group(1) if found else frame
    if "site-packages/" in path:
        return path.split("site-packages/")[1].split("/")[0]
    return path.split("/")[0] if "/" in path else path


if __name__ == "__main__":
    raise SystemExit(main())
