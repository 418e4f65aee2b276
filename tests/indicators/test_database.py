"""Beneath the API: the application role reading the tables and the distribution function directly, as an
attacker with a connection would, gets only what the caller's settings allow."""

from __future__ import annotations

from quorum.database import APP_ROLE
from tests.indicators.dashboard import BOLTON, FIONA
from tests.support import owner, owner_fetch


async def _as_app(person_email: str | None, sql: str, *args):
    """Run `sql` as the application role with a caller's row-level security settings (a person's own, or none)."""
    conn = await owner()
    try:
        async with conn.transaction():
            person = person_email and await conn.fetchval("SELECT id FROM person WHERE email = $1", person_email)
            await conn.execute(f"SET LOCAL ROLE {APP_ROLE}")
            await conn.execute("SELECT set_config('app.person_id', $1, true)", str(person) if person else "")
            for setting in ("org_ids", "delegated_ccgs", "officer_org_ids"):
                await conn.execute(f"SELECT set_config('app.{setting}', '{{}}', true)")
            rows = await conn.fetch(sql, *args)
            raise _Rollback(rows)
    except _Rollback as done:
        return done.rows
    finally:
        await conn.close()


class _Rollback(Exception):
    def __init__(self, rows):
        self.rows = rows


async def test_a_representative_reads_only_their_own_practice_s_rows():
    own = await _as_app(FIONA, "SELECT DISTINCT practice_id FROM indicator_value")
    [fiona_practice] = await owner_fetch("SELECT id FROM practice WHERE ods_code = 'P82002'")
    assert [r["practice_id"] for r in own] == [fiona_practice["id"]]


async def test_anonymous_reads_no_value_and_no_values_of_a_small_period():
    assert await _as_app(None, "SELECT * FROM indicator_value") == []
    [bolton] = await owner_fetch(BOLTON)
    distribution = (
        "SELECT d.period_start, d.vals FROM indicator i, indicator_distribution(i.org_id, i.id) d"
        " WHERE i.org_id = $1 AND i.code = $2"
    )
    pilot = await _as_app(None, distribution, bolton["id"], "EXT_ACCESS_PILOT")
    assert [(str(p["period_start"]), p["vals"]) for p in pilot] == [("2026-01-01", None)]
    large = await _as_app(None, distribution, bolton["id"], "LIST_SIZE")
    assert len(large) == 12 and all(len(p["vals"]) == 11 for p in large)
