"""Test database and clients. Every test talks to a real PostgreSQL.

With DATABASE_URL set, the tests create their own database on that server;
without it, they run Quorum's embedded PostgreSQL in .quorum/test/.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
pytest_plugins = ["tests.live_server"]  # the live server fixtures, for browser and end-to-end tests
TEST_DATABASE = os.environ.get("QUORUM_TEST_DATABASE", "quorum_test")

# Settings are read once per process: fix them before Quorum is imported.
os.environ.update(
    QUORUM_ENV="development",
    QUORUM_DEMO="1",
    QUORUM_DATA_DIR=str(ROOT / ".quorum" / "test"),
    QUORUM_SECRET_KEY="test-secret-key-not-for-production",
)
for name in ("QUORUM_OIDC_ISSUER", "QUORUM_OIDC_CLIENT_ID", "QUORUM_OIDC_CLIENT_SECRET", "QUORUM_APP_DB_PASSWORD"):
    os.environ.pop(name, None)

import asyncpg  # noqa: E402
import httpx  # noqa: E402
import pytest  # noqa: E402

from quorum.config import get_settings  # noqa: E402
from quorum.database import connect_kwargs, owner_url  # noqa: E402


def _prepare_database() -> None:
    server = owner_url()
    test_url = server.set(database=TEST_DATABASE)

    async def recreate() -> None:
        conn = await asyncpg.connect(**connect_kwargs(server.set(database="postgres")))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{TEST_DATABASE}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{TEST_DATABASE}"')
        finally:
            await conn.close()

    asyncio.run(recreate())
    os.environ["DATABASE_URL"] = test_url.render_as_string(hide_password=False)
    get_settings.cache_clear()
    from quorum import migrations
    from quorum.seed.demo import seed_demo

    migrations.upgrade(test_url)
    asyncio.run(seed_demo())


_prepare_database()


@pytest.fixture(scope="session")
def app():
    from quorum.web.app import create_app

    return create_app()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with no requests counted against the in-process rate limits (a test of its own checks them)."""
    from quorum import limits

    for limit in (limits.SIGN_IN, limits.TOKEN_USE, limits.SUBMISSIONS):
        limit.reset()


@pytest.fixture
async def client(app):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        yield c
