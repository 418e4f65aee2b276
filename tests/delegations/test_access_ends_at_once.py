"""Access ends the instant what granted it ends, though each worker remembers its callers' access: the caller's
remembered access is warm before the change, and the very next request after the change commits (hot reads
included) sees nothing the change took away."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from quorum import clock
from quorum.auth import known_callers, tokens
from quorum.meetings.hot import COMMITTEE_MEETINGS, MEETING_PAGE
from quorum.people.hot import SESSION
from tests.support import (
    BOLTON_GP,
    CSRF,
    DEMO_DELEGATION,
    JOINT_COMMITTEE,
    MANCHESTER_OFFICER,
    as_person,
    global_id,
    owner,
    owner_fetch,
    token_for,
)

CONTRACTS = "{ primaryCareContracts(first: 100) { edges { node { practice { odsCode } } } } }"
REVOKE = """mutation($input: RevokeDelegationInput!) {
  revokeDelegation(input: $input) { delegation { status } errors { message } } }"""
BY_THE_SCHEMA = "\n# answered by the schema\n"
GP_SEAT = f"person_id = (SELECT id FROM person WHERE email = '{BOLTON_GP}') AND committee_id = ({JOINT_COMMITTEE})"


class Browser:
    """A caller with a bearer token or a sign-in cookie."""

    def __init__(self, client: httpx.AsyncClient, token: str | None = None):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else CSRF

    async def post(self, query: str, variables: dict | None = None) -> tuple[int, dict, int]:
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=self.headers
        )
        return response.status_code, response.json(), int(response.headers.get("x-quorum-sql-statements", 0))


async def every_path(browser: Browser) -> dict[str, Any]:
    """Each hot read and the schema's answer to the same document, and a read only a delegation opens."""
    meeting = await global_id("Meeting", f"SELECT id FROM meeting WHERE committee_id = ({JOINT_COMMITTEE}) LIMIT 1")
    committee = await global_id("Committee", JOINT_COMMITTEE)
    answers: dict[str, Any] = {}
    for name, document, variables in (
        ("meeting", MEETING_PAGE, {"id": meeting}),
        ("meetings", COMMITTEE_MEETINGS, {"committeeId": committee, "first": 50}),
        ("session", SESSION, {}),
    ):
        status, hot, _ = await browser.post(document, variables)
        schema_status, schema, _ = await browser.post(document + BY_THE_SCHEMA, variables)
        assert (status, hot) == (schema_status, schema), name
        answers[name] = (status, hot)
    answers["contracts"] = (await browser.post(CONTRACTS))[:2]
    return answers


def contracts(answers: dict[str, Any]) -> set[str]:
    status, body = answers["contracts"]
    assert status == 200, body
    return {e["node"]["practice"]["odsCode"] for e in body["data"]["primaryCareContracts"]["edges"]}


def sees_the_joint_committee(answers: dict[str, Any]) -> bool:
    """The joint committee's members see its meetings' call links; the public do not."""
    meetings = answers["meetings"][1]["data"]["meetings"]["edges"]
    return any(edge["node"]["callLink"] for edge in meetings)


async def warm(browser: Browser) -> dict[str, Any]:
    """Reads every path twice: the second time the caller's access is remembered, and a hot read is one statement."""
    await every_path(browser)
    answers = await every_path(browser)
    committee = await global_id("Committee", JOINT_COMMITTEE)
    _, _, statements = await browser.post(COMMITTEE_MEETINGS, {"committeeId": committee, "first": 50})
    assert statements == 1
    return answers


async def as_the_cold_cache_answers(browser: Browser, answers: dict[str, Any]) -> None:
    known_callers.forget_everyone()
    assert await every_path(browser) == answers


@pytest.fixture
async def live_demo_delegation():
    """The demo delegation live and the GP's seat open, as the demo has them, and put back after the test."""
    conn = await owner()
    try:
        saved = await conn.fetchrow(
            f"SELECT revoked_at, revocation_reason, revoked_by FROM delegation WHERE id = ({DEMO_DELEGATION})"
        )
        seat_ends = await conn.fetchval(f"SELECT valid_to FROM seat WHERE {GP_SEAT}")
        await conn.execute(
            f"UPDATE delegation SET revoked_at = NULL, revocation_reason = NULL, revoked_by = NULL"
            f" WHERE id = ({DEMO_DELEGATION})"
        )
        await conn.execute(f"UPDATE seat SET valid_to = NULL WHERE {GP_SEAT}")
        yield
        await conn.execute(
            f"UPDATE delegation SET revoked_at = $1, revocation_reason = $2, revoked_by = $3 WHERE id = ({DEMO_DELEGATION})",
            *saved,
        )
        await conn.execute(f"UPDATE seat SET valid_to = $1 WHERE {GP_SEAT}", seat_ends)
    finally:
        await conn.close()


async def test_revoking_a_delegation(client, live_demo_delegation):
    gp = Browser(client, await token_for(BOLTON_GP))
    assert len(contracts(await warm(gp))) == 11
    officer = await as_person(client, MANCHESTER_OFFICER)
    delegation = await global_id("Delegation", DEMO_DELEGATION)
    revoked = await officer.data(REVOKE, {"input": {"id": delegation, "reason": "Revoked mid-read"}})
    assert revoked["revokeDelegation"]["errors"] == []
    after = await every_path(gp)
    assert contracts(after) == set()
    await as_the_cold_cache_answers(gp, after)


async def test_a_delegation_expiring(client, live_demo_delegation, monkeypatch):
    end = (await owner_fetch(f"SELECT valid_to FROM delegation WHERE id = ({DEMO_DELEGATION})"))[0]["valid_to"]
    monkeypatch.setattr(clock, "now", lambda: end - timedelta(days=1))
    gp = Browser(client, await token_for(BOLTON_GP, ttl=timedelta(days=7)))  # outlives the moved clock
    monkeypatch.setattr(clock, "now", lambda: end - timedelta(microseconds=1))
    assert len(contracts(await warm(gp))) == 11
    monkeypatch.setattr(clock, "now", lambda: end)
    after = await every_path(gp)
    assert contracts(after) == set()
    await as_the_cold_cache_answers(gp, after)


async def test_a_seat_ending(client, live_demo_delegation):
    gp = Browser(client, await token_for(BOLTON_GP))
    before = await warm(gp)
    assert sees_the_joint_committee(before) and contracts(before)
    await owner_fetch(f"UPDATE seat SET valid_to = $1 WHERE {GP_SEAT}", clock.today() - timedelta(days=1))
    after = await every_path(gp)
    assert not sees_the_joint_committee(after) and contracts(after) == set()
    await as_the_cold_cache_answers(gp, after)


async def test_a_membership_ending(client):
    email = "ending.membership@nhs.example"
    conn = await owner()
    try:
        person = await conn.fetchval(
            "INSERT INTO person (email, name) VALUES ($1, 'Edith Ending') ON CONFLICT (email) DO UPDATE"
            " SET name = EXCLUDED.name RETURNING id",
            email,
        )
        bolton = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = '00T'")
        await conn.execute("DELETE FROM membership WHERE person_id = $1", person)
        await conn.execute(
            "INSERT INTO person_registration (org_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", bolton, person
        )
        await conn.execute(
            "INSERT INTO membership (org_id, person_id, role, valid_from) VALUES ($1, $2, 'BOARD_SECRETARY', $3)",
            bolton,
            person,
            clock.today() - timedelta(days=30),
        )
        secretary = Browser(client, await token_for(email))
        before = await warm(secretary)
        assert [m["role"] for m in before["session"][1]["data"]["viewer"]["memberships"]] == ["BOARD_SECRETARY"]
        await conn.execute(
            "UPDATE membership SET valid_to = $1 WHERE person_id = $2", clock.today() - timedelta(days=1), person
        )
        after = await every_path(secretary)
        assert after["session"][1]["data"]["viewer"]["memberships"] == []
        await as_the_cold_cache_answers(secretary, after)
    finally:
        await conn.close()


async def test_revoking_the_token(client):
    token = await token_for(BOLTON_GP)
    gp = Browser(client, token)
    await warm(gp)
    assert await tokens.revoke(tokens.token_id(token)) is True
    after = await every_path(gp)
    assert {name: status for name, (status, _) in after.items()} == dict.fromkeys(after, 401)


async def test_signing_out(client):
    signed_in = await client.post("/auth/demo/sign-in", json={"email": BOLTON_GP}, headers=CSRF)
    assert signed_in.status_code == 204
    browser = Browser(client)
    before = await warm(browser)
    assert before["session"][1]["data"]["viewer"]["person"]["name"]
    kept = client.cookies["quorum_session"]
    assert (await client.post("/auth/sign-out", headers=CSRF)).status_code == 204
    client.cookies.set("quorum_session", kept)  # a copy of the cookie kept from before signing out
    after = await every_path(browser)
    assert after["session"][1]["data"]["viewer"] is None
    assert not sees_the_joint_committee(after) and contracts(after) == set()
    client.cookies.clear()
    assert await every_path(browser) == after  # the anonymous caller's answers


async def test_a_hot_read_leaves_no_settings_on_its_connection(client):
    """A hot read sets the caller's settings without a transaction: they end with its statement, on the
    one-statement pool's connections and the transactions' pool's alike."""
    from quorum.database import app_engine, statement_pool

    await warm(Browser(client, await token_for(BOLTON_GP)))
    pool = app_engine().pool
    idle = [await app_engine().connect() for _ in range(pool.checkedin())]  # type: ignore[attr-defined]
    drivers = [(await conn.get_raw_connection()).driver_connection for conn in idle]
    lent = [await statement_pool.acquire() for _ in range(3)]  # last in, first out: the warm reads' first
    try:
        assert idle
        for driver in [*drivers, *lent]:
            assert await driver.fetchval("SELECT current_setting('app.person_id', true)") in (None, "")
            assert await driver.fetchval("SELECT current_setting('app.committee_ids', true)") in (None, "")
    finally:
        for conn in idle:
            await conn.close()
        for lent_connection in lent:
            await statement_pool.release(lent_connection)
