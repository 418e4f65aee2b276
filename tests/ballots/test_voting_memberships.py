"""The vote's own statement of access agrees with quorum.access.decide: for every person with a membership, on
every date where one starts or ends and the days either side, voting_memberships (migration 0035) gives exactly
the decision's organisations, the practices it lets the caller represent, and the organisations among them whose
practices it lets the caller read; and it answers nothing about anyone but the person in app.person_id."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

import asyncpg

from quorum import access, clock
from quorum.database import APP_ROLE
from tests.ballots.helpers import add_representative
from tests.support import owner, owner_fetch


async def as_the_app(conn: asyncpg.Connection, person, sql: str, *args):
    """One row read as the application role with app.person_id set, in a transaction rolled back."""
    transaction = conn.transaction()
    await transaction.start()
    try:
        await conn.execute(f"SET LOCAL ROLE {APP_ROLE}")
        await conn.execute("SELECT set_config('app.person_id', $1, true)", str(person))
        return await conn.fetchrow(sql, *args)
    finally:
        await transaction.rollback()


def noon_in_london(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=clock.LONDON).astimezone(UTC)


async def test_voting_memberships_are_the_decisions_on_every_boundary(client):
    ending = await add_representative("P82003")
    await owner_fetch(
        "UPDATE membership SET valid_to = $1 WHERE person_id = (SELECT id FROM person WHERE email = $2)",
        clock.today() + timedelta(days=3),
        ending,
    )
    rows = await owner_fetch("SELECT person_id, valid_from, valid_to FROM membership")
    people = {r["person_id"] for r in rows}
    boundaries = {clock.today()} | {r["valid_from"] for r in rows} | {r["valid_to"] for r in rows if r["valid_to"]}
    days = sorted({day + timedelta(days=shift) for day in boundaries for shift in (-1, 0, 1)})
    conn = await owner()
    compared = 0
    try:
        for person in people:
            facts = (await as_the_app(conn, person, "SELECT access_facts($1)", person))[0]
            for day in days:
                decided = access.decide(person, json.loads(facts), noon_in_london(day))
                rights = await as_the_app(conn, person, "SELECT * FROM voting_memberships($1, $2)", person, day)
                assert set(rights["org_ids"]) == decided.org_ids, (person, day)
                assert set(rights["ccg_ids"]) == decided.practice_org_ids & decided.org_ids, (person, day)
                represented = {
                    (g.org_id, g.practice_id) for g in decided.grants if g.role == access.Role.PRACTICE_REPRESENTATIVE
                }
                assert set(zip(rights["rep_orgs"], rights["rep_practices"], strict=True)) == represented, (person, day)
                compared += bool(represented)
        stranger = next(p for p in people if p != person)
        assert tuple(await as_the_app(conn, stranger, "SELECT * FROM voting_memberships($1, $2)", person, day)) == (
            [],
            [],
            [],
            [],
        )
    finally:
        await conn.close()
    assert compared > len(days)  # representatives were among those compared, on days their memberships held
