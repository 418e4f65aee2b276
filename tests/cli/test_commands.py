"""The `quorum` command, run as an operator would run it."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from quorum.web.schema import schema
from tests.conftest import ROOT
from tests.support import BOLTON_SECRETARY, Caller, owner_fetch

TABLES = [
    "organisation",
    "practice",
    "person",
    "person_registration",
    "membership",
    "seat",
    "meeting",
    "agenda_item",
    "paper",
    "paper_version",
    "pack_build",
    "decision",
    "action",
    "minutes",
    "interest",
    "gift_or_hospitality",
    "ballot",
    "ballot_participation",
    "survey",
    "survey_response",
]


def quorum(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quorum.cli", *args], capture_output=True, text=True, env=os.environ.copy(), timeout=120
    )


async def test_token_prints_a_bearer_token_that_works(client):
    result = quorum("token", "--email", BOLTON_SECRETARY.upper(), "--ttl", "60")
    assert result.returncode == 0, result.stderr
    viewer = await Caller(client, result.stdout.strip()).data("{ viewer { person { email } } }")
    assert viewer["viewer"]["person"]["email"] == BOLTON_SECRETARY


def test_token_for_an_unknown_email_fails_clearly():
    result = quorum("token", "--email", "nobody@nhs.example")
    assert result.returncode == 1
    assert result.stdout == "" and "No person with the email 'nobody@nhs.example'." in result.stderr


async def snapshot() -> dict[str, list]:
    return {t: [tuple(r) for r in await owner_fetch(f"SELECT * FROM {t} ORDER BY 1, 2")] for t in TABLES}


async def test_seeding_and_migrating_again_change_nothing():
    # The test database was seeded by seed_demo alone; the command also seeds the committees in common.
    assert quorum("seed", "--demo").returncode == 0
    before = await snapshot()
    for command in (("seed", "--demo"), ("migrate",)):
        result = quorum(*command)
        assert result.returncode == 0, result.stderr
    assert await snapshot() == before


def test_the_committed_schema_file_is_up_to_date():
    committed = (ROOT / "frontend" / "schema.graphql").read_text()
    assert committed == schema.as_str() + "\n", (
        "frontend/schema.graphql is out of date: run `quorum export-schema --output frontend/schema.graphql`"
        " and `npm run codegen` in frontend/"
    )


async def table_fingerprints(database_url: str) -> dict[str, str]:
    """Every table's rows, as one checksum per table (read as the owner)."""
    import asyncpg
    from sqlalchemy.engine import make_url

    from quorum.database import connect_kwargs

    conn = await asyncpg.connect(**connect_kwargs(make_url(database_url)))
    try:
        tables = [
            r["table_name"]
            for r in await conn.fetch(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
        ]
        return {
            t: await conn.fetchval(
                f"SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM \"{t}\" x"
            )
            for t in tables
        }
    finally:
        await conn.close()


async def quiet_backup(dump) -> dict[str, str]:
    """Backs up to `dump` at a moment when no table changed while the backup ran, and returns every table's
    fingerprint as the backup holds it."""
    for _ in range(30):
        before = await table_fingerprints(os.environ["DATABASE_URL"])
        assert quorum("backup", str(dump)).returncode == 0 and dump.stat().st_size > 0
        if await table_fingerprints(os.environ["DATABASE_URL"]) == before:
            return before
        await asyncio.sleep(2)
    raise AssertionError("The database kept changing for a minute: no quiet moment to back it up.")


async def test_backup_and_restore_round_trip_every_table(tmp_path):
    import asyncpg

    from quorum.database import connect_kwargs, owner_url

    dump = tmp_path / "quorum.dump"
    # A worker still running from earlier tests (the browser tests' server builds packs) writes the job queue's log
    # and statistics when a job ends, so the backup is compared with the tables as they were while it was taken.
    original = await quiet_backup(dump)
    target = owner_url().set(database="quorum_restore_check")
    conn = await asyncpg.connect(**connect_kwargs(owner_url().set(database="postgres")))
    await conn.execute('DROP DATABASE IF EXISTS "quorum_restore_check" WITH (FORCE)')
    await conn.execute('CREATE DATABASE "quorum_restore_check"')
    await conn.close()
    restored_env = {**os.environ, "DATABASE_URL": target.render_as_string(hide_password=False)}
    result = subprocess.run(
        [sys.executable, "-m", "quorum.cli", "restore", str(dump)],
        capture_output=True,
        text=True,
        env=restored_env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    restored = await table_fingerprints(restored_env["DATABASE_URL"])
    assert "stored_file" in original and "audit_entry" in original
    assert restored == original


def test_restoring_a_missing_file_fails_clearly(tmp_path):
    result = quorum("restore", str(tmp_path / "nope.dump"))
    assert result.returncode == 2 and "No backup file at" in result.stderr


def test_the_quick_start_commands_work_with_no_database_url(tmp_path):
    """With no DATABASE_URL each command starts Quorum's own embedded PostgreSQL in the data folder."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["QUORUM_DATA_DIR"] = str(tmp_path / "data")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "quorum.cli", *args], capture_output=True, text=True, env=env, timeout=180
        )

    for command in (("migrate",), ("seed", "--demo"), ("seed", "--demo")):
        result = run(*command)
        assert result.returncode == 0, result.stderr
    token = run("token", "--email", BOLTON_SECRETARY)
    assert token.returncode == 0, token.stderr
    assert token.stdout.count(".") == 2  # a JWT
