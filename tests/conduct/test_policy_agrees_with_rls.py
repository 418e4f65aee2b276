"""The conduct policy's row builders and row-level security state the same rule: for every demo person and an
anonymous caller, the rows each builder returns without row-level security are the rows the database shows.
Run after the tests that run meetings, it compares every table; on the demo data alone, those the demo fills."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from quorum import access as access_module
from quorum import clock
from quorum.conduct.policy import ROW_POLICIES
from quorum.database import app_url, owner_url
from tests.support import owner_fetch


async def _callers():
    people = await owner_fetch("SELECT id FROM person ORDER BY email")
    return [None, *(p["id"] for p in people)]


@pytest.mark.parametrize("table", list(ROW_POLICIES), ids=lambda t: t.__tablename__)
async def test_each_builder_returns_what_row_level_security_shows(table):
    if not (await owner_fetch(f"SELECT count(*) FROM {table.__tablename__}"))[0][0]:
        pytest.skip("no rows to compare: the demo data leaves this table empty (the tests that run meetings fill it)")
    keys = list(inspect(table).primary_key)
    app, owner = create_async_engine(app_url()), create_async_engine(owner_url())
    try:
        for person_id in await _callers():
            async with app.begin() as conn:
                caller = await access_module.establish(conn, person_id, clock.now())
                shown = {tuple(r) for r in await conn.execute(select(*keys))}
            async with owner.begin() as conn:
                await conn.execute(text("SET LOCAL row_security = off"))
                allowed = {tuple(r) for r in await conn.execute(ROW_POLICIES[table](caller).with_only_columns(*keys))}
            assert allowed == shown, f"{table.__tablename__} for {person_id}"
    finally:
        await app.dispose()
        await owner.dispose()
