"""Migration 0012 on a database that already holds overlapping seats: they are resolved, with audit entries,
before the database starts refusing them."""

from __future__ import annotations

import asyncio
from datetime import date

import asyncpg
import pytest

from quorum import migrations
from quorum.database import connect_kwargs, owner_url
from tests.conftest import TEST_DATABASE

DATABASE = f"{TEST_DATABASE}_seats_migration"


async def _admin(sql: str) -> None:
    conn = await asyncpg.connect(**connect_kwargs(owner_url().set(database="postgres")))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def _connect() -> asyncpg.Connection:
    return await asyncpg.connect(**connect_kwargs(owner_url().set(database=DATABASE)))


SEATS = """
WITH area AS (INSERT INTO organisation (kind, ods_code, name) VALUES ('AREA_TEAM', 'Q99', 'Test Area Team') RETURNING id),
     ccg AS (INSERT INTO organisation (kind, ods_code, name, area_team_id) SELECT 'CCG', '99X', 'Test CCG', id FROM area
             RETURNING id)
SELECT id FROM ccg
"""


def test_overlapping_seats_are_ended_or_withdrawn_then_refused():
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
    asyncio.run(_admin(f'CREATE DATABASE "{DATABASE}"'))
    url = owner_url().set(database=DATABASE)
    try:
        migrations.upgrade(url, "0011")  # the revision before the seats migration
        asyncio.run(_before())
        migrations.upgrade(url, "0012")
        asyncio.run(_after())
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))


async def _before() -> None:
    conn = await _connect()
    try:
        ccg = await conn.fetchval(SEATS)
        board = await conn.fetchval("SELECT id FROM committee WHERE org_id = $1 AND kind = 'GOVERNING_BODY'", ccg)
        for email in ("twice@example.org", "same.day@example.org", "apart@example.org"):
            await conn.execute("INSERT INTO person (email, name) VALUES ($1, $1)", email)
        rows = [
            ("twice@example.org", "GP", date(2025, 1, 1), None),
            ("twice@example.org", "LAY_MEMBER", date(2025, 6, 1), None),
            ("same.day@example.org", "GP", date(2025, 1, 1), None),
            ("same.day@example.org", "NURSE", date(2025, 1, 1), None),
            ("apart@example.org", "GP", date(2024, 1, 1), date(2024, 12, 31)),
            ("apart@example.org", "GP", date(2025, 1, 1), None),
        ]
        for email, category, valid_from, valid_to in rows:
            await conn.execute(
                "INSERT INTO seat (org_id, committee_id, person_id, party_org_id, role, voting, category, valid_from,"
                " valid_to) SELECT $1, $2, id, $1, 'MEMBER', true, $4, $5, $6 FROM person WHERE email = $3",
                ccg,
                board,
                email,
                category,
                valid_from,
                valid_to,
            )
    finally:
        await conn.close()


async def _after() -> None:
    conn = await _connect()
    try:
        seats = await conn.fetch(
            "SELECT p.email, s.category, s.valid_from, s.valid_to FROM seat s JOIN person p ON p.id = s.person_id"
            " ORDER BY p.email, s.valid_from"
        )
        by_person: dict[str, list] = {}
        for s in seats:
            by_person.setdefault(s["email"], []).append((s["category"], s["valid_from"], s["valid_to"]))
        assert by_person["twice@example.org"] == [
            ("GP", date(2025, 1, 1), date(2025, 5, 31)),
            ("LAY_MEMBER", date(2025, 6, 1), None),
        ]
        assert len(by_person["same.day@example.org"]) == 1
        assert len(by_person["apart@example.org"]) == 2
        audit = await conn.fetch("SELECT action, after IS NULL AS removed FROM audit_entry ORDER BY id")
        assert sorted((a["action"], a["removed"]) for a in audit) == [("seat.end", False), ("seat.withdraw", True)]
        with pytest.raises(asyncpg.ExclusionViolationError):
            await conn.execute(
                "INSERT INTO seat (org_id, committee_id, person_id, party_org_id, role, voting, category, valid_from)"
                " SELECT org_id, committee_id, person_id, party_org_id, 'MEMBER', true, 'GP', '2030-01-01' FROM seat"
                " WHERE valid_to IS NULL LIMIT 1"
            )
    finally:
        await conn.close()
