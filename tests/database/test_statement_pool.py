"""The one-statement reads' own pool (quorum.database.statement_pool): it pings no connection, so a read finding
its connection dead is sent once more on a fresh one; a database it cannot reach is a 503; the app's lifespan
opens its connections and the one-statement writes' (in the background, so a worker starts without the
database) and closes them."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from quorum import database
from quorum.auth import identity
from quorum.database import counting_statements
from quorum.people.hot import SESSION
from quorum.web import app as web_app
from quorum.web.app import create_app
from quorum.web.unavailable import MESSAGE
from tests.support import BOLTON_SECRETARY, owner, token_for


async def session(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.post("/graphql", json={"query": SESSION}, headers={"Authorization": f"Bearer {token}"})


async def backend_gone(pid: int) -> bool:
    conn = await owner()
    try:
        for _ in range(100):
            if not await conn.fetchval("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", pid):
                return True
            await asyncio.sleep(0.02)
        return False
    finally:
        await conn.close()


def terminate_without_the_event_loop_noticing(pid: int) -> None:
    """The server ends the connection, and this event loop runs nothing meanwhile, so asyncpg has not yet read the
    end of its socket: as a connection dropped while idle looks until a statement is sent on it."""

    async def terminate() -> None:
        conn = await owner()
        try:
            assert await conn.fetchval("SELECT pg_terminate_backend($1)", pid)
            while await conn.fetchval("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", pid):
                await asyncio.sleep(0.01)
        finally:
            await conn.close()

    elsewhere = threading.Thread(target=lambda: asyncio.run(terminate()))
    elsewhere.start()
    elsewhere.join()


@pytest.mark.parametrize("pool", ["statement_pool", "write_pool"])
async def test_a_statement_finding_its_connection_dead_is_sent_once_more_on_a_fresh_one(pool):
    first = identity._Connection(getattr(database, pool))
    assert (await first.fetchrow("SELECT 1"))[0] == 1
    dead = first.conn.get_server_pid()  # type: ignore[union-attr]
    await first.close()
    terminate_without_the_event_loop_noticing(dead)
    again = identity._Connection(getattr(database, pool))
    with counting_statements() as statements:
        assert (await again.fetchrow("SELECT pg_backend_pid()"))[0] != dead
    assert statements[0] == 2  # sent on the dead connection, then on a fresh one
    await again.close()


async def test_a_read_after_its_pooled_connection_was_ended_is_answered(client):
    token = await token_for(BOLTON_SECRETARY)
    expected = await session(client, token)
    assert expected.status_code == 200 and expected.json()["data"]["viewer"]["person"]["email"] == BOLTON_SECRETARY
    lent = await database.statement_pool.acquire()  # last in, first out: the connection the read used
    ended = lent.get_server_pid()
    await database.statement_pool.release(lent)
    conn = await owner()
    try:
        assert await conn.fetchval("SELECT pg_terminate_backend($1)", ended)
    finally:
        await conn.close()
    assert await backend_gone(ended)
    again = await session(client, token)
    assert again.status_code == 200 and again.json() == expected.json()


async def test_a_read_while_the_database_cannot_be_reached_is_a_503(client, monkeypatch):
    token = await token_for(BOLTON_SECRETARY)
    unreachable = database.app_url().set(host="127.0.0.1", port=1)  # nothing listens on port 1
    monkeypatch.setattr(database, "app_url", lambda settings=None: unreachable)
    monkeypatch.setattr(identity, "statement_pool", database.StatementPool())
    response = await session(client, token)
    assert response.status_code == 503 and response.headers["retry-after"] == "1"
    assert response.json() == {"errors": [{"message": MESSAGE}]}
    await identity.statement_pool.close()


def fresh_pools(monkeypatch) -> tuple[database.StatementPool, database.StatementPool]:
    """The reads' and the writes' pools, new, where the app's lifespan and requests find them."""
    reads, writes = database.StatementPool(), database.StatementPool(database.WRITE_CONNECTIONS)
    for module in (database, identity, web_app):
        monkeypatch.setattr(module, "statement_pool", reads)
        monkeypatch.setattr(module, "write_pool", writes)
    return reads, writes


async def test_the_apps_lifespan_closes_the_pools(monkeypatch):
    pools = fresh_pools(monkeypatch)
    app = create_app()
    async with app.router.lifespan_context(app):
        kept = []
        for pool in pools:
            lent = await pool.acquire()
            kept.append(lent.get_server_pid())
            await pool.release(lent)
            assert not await backend_gone(kept[-1])  # kept open between requests
    for pid in kept:
        assert await backend_gone(pid)


async def test_the_apps_lifespan_opens_every_connection_as_the_worker_starts(monkeypatch):
    pools = fresh_pools(monkeypatch)
    app = create_app()
    async with app.router.lifespan_context(app):
        for pool, size in zip(pools, (database.STATEMENT_CONNECTIONS, database.WRITE_CONNECTIONS), strict=True):
            for _ in range(250):  # opened in the background, so give it up to five seconds
                if pool._pool is not None and pool._pool.get_size() == size:
                    break
                await asyncio.sleep(0.02)
            assert pool._pool is not None and pool._pool.get_size() == size
            assert pool._pool.get_idle_size() == size  # each given back


async def test_a_worker_starting_while_the_database_cannot_be_reached_still_starts_and_stops(monkeypatch):
    unreachable = database.app_url().set(host="127.0.0.1", port=1)
    monkeypatch.setattr(database, "app_url", lambda settings=None: unreachable)
    pools = fresh_pools(monkeypatch)
    app = create_app()
    async with app.router.lifespan_context(app):
        await asyncio.sleep(0.2)  # the warming has failed meanwhile, quietly: requests answer for it
    assert all(pool._pool is None for pool in pools)
