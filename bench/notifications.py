"""Benchmark: a ballot opens for every practice in England, and each practice's "ballot opened" message is
queued and delivered to an SMTP server on loopback.

Run from the repository root, after `pip install -e '.[test]'`:

    .venv/bin/python bench/notifications.py                   # 7,500 practices
    .venv/bin/python bench/notifications.py --practices 1000 --connections 8

It creates a fresh database `quorum_bench_notifications` with the demo data, adds N practice representatives,
records one "ballot opened"-like event whose kind names all of them, and times the notification machine:
dispatching the event (recipients, preferences, each letter rendered and framed, the messages written) and
delivering every message over SMTP to an aiosmtpd server in this process. It prints the time to queue, the time
to deliver and messages per second, then checks that every message arrived exactly once (exit status 1 if not).
The goal is all of them in under 60 seconds on the 2-core machine. This is a script, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import prepare  # noqa: E402

DATABASE = "quorum_bench_notifications"
KIND = "bench_ballot_opened"


# The SMTP server runs in its own process (as a real one would), writing each message's Message-ID to a file.
SERVER = """
import signal, sys, threading
from aiosmtpd.controller import Controller

out = open(sys.argv[2], "w")

class Collector:
    async def handle_DATA(self, server, session, envelope):
        for line in envelope.content.split(b"\\r\\n"):
            if line.lower().startswith(b"message-id:"):
                out.write(line.split(b":", 1)[1].strip().decode() + "\\n")
                break
        return "250 OK"

controller = Controller(Collector(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("ready", flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
stop.wait()
controller.stop()
out.close()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def add_practices(count: int) -> None:
    import asyncpg

    from quorum.database import connect_kwargs, owner_url

    conn = await asyncpg.connect(**connect_kwargs(owner_url()))
    try:
        await conn.copy_records_to_table(
            "person",
            records=[(f"rep{n:05d}@bench.quorum.example", f"Practice representative {n}") for n in range(count)],
            columns=["email", "name"],
        )
    finally:
        await conn.close()


def bench_kind():
    from sqlalchemy import text

    from quorum.notifications.letters import Kind, Letter, Recipient

    async def recipients(db, event):
        rows = (
            await (await db.session.connection()).execute(
                text("SELECT id, email, name FROM person WHERE email LIKE '%@bench.quorum.example'")
            )
        ).all()
        return [Recipient(email=r.email, name=r.name, person_id=r.id) for r in rows]

    async def write(db, event, recipient):
        return Letter(
            subject="A ballot is open: election of the clinical chair",
            paragraphs=(
                "The council of members' ballot for the election of the clinical chair is open.",
                "Vote for your practice by 5pm on Friday.",
            ),
            link="/ballots",
            link_label="Open the ballot paper",
        )

    return Kind(name=KIND, label="A ballot is open (benchmark)", recipients=recipients, write=write, mandatory=True)


async def run(practices: int, connections: int) -> int:
    from quorum.config import get_settings
    from quorum.database import worker_transaction
    from quorum.notifications import catalogue
    from quorum.notifications.delivery import deliver_messages
    from quorum.notifications.dispatch import dispatch_events
    from quorum.outbox import service as outbox

    await add_practices(practices)
    catalogue.KINDS[KIND] = bench_kind()
    port = free_port()
    received = Path(tempfile.mkdtemp()) / "message-ids"
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port), str(received)], stdout=subprocess.PIPE)
    assert server.stdout is not None and server.stdout.readline().strip() == b"ready"
    os.environ["QUORUM_SMTP_URL"] = f"smtp://127.0.0.1:{port}"
    get_settings.cache_clear()
    try:
        async with worker_transaction() as db:
            await outbox.record(db, None, KIND, org_id=None, payload={"ballot": "bench"})
        started = time.perf_counter()
        await dispatch_events()
        queued = time.perf_counter() - started
        started = time.perf_counter()
        sent = await deliver_messages(connections=connections)
        delivered = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    print(f"practices                 {practices:>8,}")
    print(f"time to queue             {queued:8.2f} s")
    print(f"time to deliver           {delivered:8.2f} s   ({connections} SMTP connections)")
    print(f"messages per second       {sent / delivered:8.0f}")
    print(f"all, queue and delivery   {queued + delivered:8.2f} s   (goal: under 60 s)")
    message_ids = received.read_text().split()
    arrived, unique = len(message_ids), len(set(message_ids))
    ok = sent == practices and arrived == practices and unique == practices
    print(f"arrived                   {arrived:>8,}   ({unique:,} distinct)  {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--practices", type=int, default=7500)
    parser.add_argument("--connections", type=int, default=4)
    arguments = parser.parse_args()
    prepare(DATABASE)
    sys.exit(asyncio.run(run(arguments.practices, arguments.connections)))


if __name__ == "__main__":
    main()
