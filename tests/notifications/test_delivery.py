"""Delivery: a worker killed mid-send loses at most the message in flight, and the next run sends it, so every
message arrives exactly once; without QUORUM_SMTP_URL messages stay in the outbox; a malformed URL stops start-up."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from quorum.config import get_settings, parse_smtp_url
from quorum.notifications.delivery import deliver_messages
from tests.conftest import ROOT
from tests.support import owner_fetch

DELIVER = "import asyncio; from quorum.notifications.delivery import deliver_messages; asyncio.run(deliver_messages())"


async def queue(count: int, label: str) -> set[str]:
    ids = {f"<{uuid.uuid4()}@test.invalid>" for _ in range(count)}
    for n, message_id in enumerate(sorted(ids)):
        await owner_fetch(
            "INSERT INTO notification_message (kind, email, subject, body_text, body_html, status, message_id)"
            " VALUES ('test_news', $1, $2, 'Text.', '<p>HTML.</p>', 'QUEUED', $3)",
            f"reader{n}@example.org",
            f"{label} {n}",
            message_id,
        )
    return ids


async def test_a_worker_killed_mid_send_leaves_every_message_to_arrive_exactly_once(quiet_inbox):
    expected = await queue(6, "Killed")
    quiet_inbox.delay = 0.5  # the server takes its time over each message
    worker = subprocess.Popen([sys.executable, "-c", DELIVER], cwd=ROOT, env=dict(os.environ))
    try:
        deadline = time.monotonic() + 30
        while len(quiet_inbox.messages) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert len(quiet_inbox.messages) >= 2, "the worker sent nothing"
        await asyncio.sleep(0.2)  # inside the next message's send
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
    arrived_before = len(quiet_inbox.messages)
    assert arrived_before < 6, "the worker finished before it was killed"

    quiet_inbox.delay = 0
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # the killed connection's lock goes once PostgreSQL notices it is gone
        await deliver_messages()
        if len(quiet_inbox.messages) >= 6:
            break
        await asyncio.sleep(0.2)
    received = [m.message["Message-ID"] for m in quiet_inbox.messages]
    assert sorted(received) == sorted(expected)  # all of them, none twice
    rows = await owner_fetch("SELECT status FROM notification_message WHERE message_id = ANY($1)", list(expected))
    assert [r["status"] for r in rows] == ["SENT"] * 6


async def test_a_message_refused_for_good_is_marked_failed_and_the_others_go(quiet_inbox):
    expected = await queue(3, "Refused")
    quiet_inbox.refused = {"reader1@example.org"}
    await deliver_messages(connections=1)
    rows = await owner_fetch(
        "SELECT email, status, failure FROM notification_message WHERE message_id = ANY($1) ORDER BY email",
        list(expected),
    )
    assert [(r["email"], r["status"]) for r in rows] == [
        ("reader0@example.org", "SENT"),
        ("reader1@example.org", "FAILED"),
        ("reader2@example.org", "SENT"),
    ]
    assert "550" in rows[1]["failure"] and "No such mailbox" in rows[1]["failure"]
    assert sorted(m.recipients[0] for m in quiet_inbox.messages) == ["reader0@example.org", "reader2@example.org"]
    assert await deliver_messages() == 0  # not tried again


async def test_a_message_that_cannot_be_built_is_marked_failed_and_does_not_hold_up_the_others(quiet_inbox):
    expected = await queue(2, "Unbuildable")
    poison = f"<{uuid.uuid4()}@test.invalid>"
    await owner_fetch(  # written before the address check, or by another path: not an address at all
        "INSERT INTO notification_message (kind, email, recipient_name, subject, body_text, body_html, status,"
        " message_id, created_at) VALUES ('test_news', 'no address here', 'A', 'S', 'T', '<p>H</p>', 'QUEUED', $1,"
        " now() - interval '1 hour')",
        poison,
    )
    await deliver_messages(connections=1)
    [row] = await owner_fetch("SELECT status, failure FROM notification_message WHERE message_id = $1", poison)
    assert row["status"] == "FAILED" and row["failure"].startswith("The message could not be built")
    assert sorted(m.message["Message-ID"] for m in quiet_inbox.messages) == sorted(expected)


async def test_a_server_refusing_for_now_leaves_the_message_queued(quiet_inbox):
    [message_id] = await queue(1, "Later")
    quiet_inbox.delay = 0
    original = quiet_inbox.handle_DATA

    async def busy(server, session, envelope):
        return "451 4.3.0 Try again later"

    quiet_inbox.handle_DATA = busy
    await deliver_messages(connections=1)
    rows = await owner_fetch("SELECT status FROM notification_message WHERE message_id = $1", message_id)
    assert [r["status"] for r in rows] == ["QUEUED"]
    quiet_inbox.handle_DATA = original
    await deliver_messages()
    rows = await owner_fetch("SELECT status FROM notification_message WHERE message_id = $1", message_id)
    assert [r["status"] for r in rows] == ["SENT"] and len(quiet_inbox.messages) == 1


async def test_without_an_smtp_server_messages_stay_in_the_outbox(quiet_inbox):
    expected = await queue(2, "Outbox")
    os.environ.pop("QUORUM_SMTP_URL")
    get_settings.cache_clear()
    assert await deliver_messages() == 0
    rows = await owner_fetch("SELECT status FROM notification_message WHERE message_id = ANY($1)", list(expected))
    assert [r["status"] for r in rows] == ["OUTBOX_ONLY"] * 2
    assert quiet_inbox.messages == []


def test_smtp_urls_are_read_and_a_malformed_one_is_refused_with_what_is_wrong():
    server = parse_smtp_url("smtp://user%40nhs.net:p%3Ass@mail.example.org:587?starttls=1")
    assert (server.host, server.port, server.username, server.password) == (
        "mail.example.org",
        587,
        "user@nhs.net",
        "p:ss",
    )
    assert server.starttls and not server.implicit_tls
    assert parse_smtp_url("smtps://mail.example.org").port == 465 and parse_smtp_url("smtps://m.example").implicit_tls
    assert parse_smtp_url("smtp://127.0.0.1:1025").port == 1025 and parse_smtp_url("") is None
    for bad in (
        "http://mail.example.org",
        "smtp://",
        "smtp://host:notaport",
        "smtp://host?tls=1",
        "smtps://h?starttls=1",
    ):
        with pytest.raises(RuntimeError, match="QUORUM_SMTP_URL"):
            parse_smtp_url(bad)


def test_the_machine_registers_its_jobs_with_the_worker():
    from quorum import jobs
    from quorum.notifications import schedule  # noqa: F401 (the worker imports it so)

    assert {"dispatch_events", "deliver_messages"} <= set(jobs.JOBS)
    crons = {name: p.cron for name, p in jobs.PERIODIC.items()}
    assert crons["send_digests"] == "0 * * * *" and crons["dispatch_and_deliver"] == "* * * * *"
    assert "paper_reminders" in crons
