"""The `quorum` command, run as an operator would run it."""

from __future__ import annotations

import os
import subprocess
import sys

from quorum.graphql.schema import schema
from tests.conftest import ROOT
from tests.support import BOLTON_SECRETARY, Caller, owner_fetch

TABLES = ["organisation", "practice", "person", "person_registration", "membership"]


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
