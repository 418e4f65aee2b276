"""After `quorum seed --demo` alone (into a database of its own, so no other test's data helps), every demo person
the README lists has at least one thing to do on their home page."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import asyncpg

from quorum.database import connect_kwargs, owner_url
from tests.conftest import ROOT
from tests.home.demo_homes import demo_emails

DATABASE = "quorum_home_demo_check"


async def test_every_demo_person_has_something_to_do_after_seeding_the_demo_alone():
    server = await asyncpg.connect(**connect_kwargs(owner_url().set(database="postgres")))
    try:
        await server.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        await server.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await server.close()
    env = {**os.environ, "DATABASE_URL": owner_url().set(database=DATABASE).render_as_string(hide_password=False)}

    def run(*args: str) -> subprocess.CompletedProcess:
        result = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
        assert result.returncode == 0, result.stderr
        return result

    run("-m", "quorum.cli", "migrate")
    run("-m", "quorum.cli", "seed", "--demo")
    homes = json.loads(run("-m", "tests.home.demo_homes").stdout)

    assert list(homes) == demo_emails() and len(homes) >= 12
    empty = [email for email, kinds in homes.items() if not kinds]
    assert empty == [], f"nothing to do on the home page of: {', '.join(empty)}"
