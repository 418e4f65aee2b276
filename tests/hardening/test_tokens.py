"""Bearer tokens carry an identifier, can be revoked (one, or all of a person's by signing out everywhere) with
effect from the next request, and live at most seven days."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import httpx

from quorum.auth import tokens
from tests.support import BOLTON_SECRETARY, CSRF, DEMO, global_id, token_for

VIEWER = "{ viewer { person { email } } }"
OLIVER = f"oliver.grant@{DEMO}"  # signs out everywhere here; no other test relies on his tokens


def quorum(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quorum.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


async def viewer(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.post("/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {token}"})


async def test_a_revoked_token_is_refused_on_the_next_request(client):
    token, other = await token_for(BOLTON_SECRETARY), await token_for(BOLTON_SECRETARY)
    assert (await viewer(client, token)).json()["data"]["viewer"]["person"]["email"] == BOLTON_SECRETARY
    assert await tokens.revoke(tokens.token_id(token)) is True
    refused = await viewer(client, token)
    assert refused.status_code == 401
    assert refused.json() == {"errors": [{"message": "The bearer token has been revoked."}]}
    assert refused.headers["www-authenticate"] == "Bearer"
    # Other routes refuse it the same way; the person's other tokens still work.
    bolton = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = '00T'")
    export = await client.get(
        f"/exports/delegations.xlsx?organisation={bolton}", headers={"authorization": f"Bearer {token}"}
    )
    assert export.status_code == 401 and export.json()["errors"][0]["message"] == "The bearer token has been revoked."
    assert (await viewer(client, other)).json()["data"]["viewer"]["person"]["email"] == BOLTON_SECRETARY
    assert await tokens.revoke(tokens.token_id(token)) is False  # already revoked


async def test_signing_out_everywhere_ends_every_session_and_token_of_the_person(app):
    token = await token_for(OLIVER)
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as laptop,
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as phone,
    ):
        for browser in (laptop, phone):
            assert (await browser.post("/auth/demo/sign-in", json={"email": OLIVER}, headers=CSRF)).status_code == 204
        assert (await viewer(laptop, token)).status_code == 200
        assert (await laptop.post("/auth/sign-out?everywhere=1", headers=CSRF)).status_code == 204
        on_phone = await phone.post("/graphql", json={"query": VIEWER}, headers=CSRF)
        assert on_phone.json()["data"]["viewer"] is None
        assert (await viewer(laptop, token)).status_code == 401
        # A token issued after signing out works (iat is whole seconds: issued in the next second).
        import asyncio

        await asyncio.sleep(1.1)
        fresh = await token_for(OLIVER)
        assert (await viewer(laptop, fresh)).json()["data"]["viewer"]["person"]["email"] == OLIVER


async def test_a_token_without_an_identifier_or_living_too_long_is_refused(client):
    from joserfc import jwt

    from quorum import clock

    now = int(clock.now().timestamp())
    person = tokens.verify(await token_for(BOLTON_SECRETARY)).person_id
    base = {"sub": str(person), "aud": tokens.AUDIENCE, "iat": now, "exp": now + 60}
    no_jti = jwt.encode({"alg": "HS256"}, base, tokens._key())
    too_long = jwt.encode(
        {"alg": "HS256"},
        {**base, "jti": "7b7c1a2e-8d4e-4c1e-9a57-3e2f0e3d9b11", "exp": now + 8 * 24 * 3600},
        tokens._key(),
    )
    for token in (no_jti, too_long):
        response = await viewer(client, token)
        assert response.status_code == 401 and "invalid or has expired" in response.text


async def test_a_remembered_token_is_refused_from_the_second_it_expires(client, monkeypatch):
    """Each worker remembers the tokens it has verified, but checks their times on every use."""
    from datetime import UTC, datetime, timedelta

    from quorum import clock

    issued_at = datetime.fromtimestamp(int(clock.now().timestamp()), UTC)
    monkeypatch.setattr(clock, "now", lambda: issued_at)
    token = await token_for(BOLTON_SECRETARY, ttl=timedelta(minutes=10))
    assert (await viewer(client, token)).status_code == 200
    assert token in tokens._verified  # remembered: the next use is not verified afresh
    monkeypatch.setattr(clock, "now", lambda: issued_at + timedelta(minutes=10, microseconds=-1))
    assert (await viewer(client, token)).json()["data"]["viewer"]["person"]["email"] == BOLTON_SECRETARY
    monkeypatch.setattr(clock, "now", lambda: issued_at + timedelta(minutes=10))
    expired = await viewer(client, token)
    assert expired.status_code == 401 and "invalid or has expired" in expired.text
    monkeypatch.setattr(clock, "now", lambda: issued_at - timedelta(seconds=1))  # before it was issued
    assert (await viewer(client, token)).status_code == 401


async def test_a_remembered_token_is_refused_once_revoked_or_signed_with_another_secret(client, monkeypatch):
    from dataclasses import replace

    from quorum.config import get_settings

    token = await token_for(BOLTON_SECRETARY)
    assert (await viewer(client, token)).status_code == 200 and token in tokens._verified
    changed = replace(get_settings(), secret_key="a secret changed since")
    monkeypatch.setattr(tokens, "get_settings", lambda: changed)
    assert (await viewer(client, token)).status_code == 401
    monkeypatch.undo()
    assert (await viewer(client, token)).status_code == 200
    assert await tokens.revoke(tokens.token_id(token)) is True
    revoked = await viewer(client, token)
    assert revoked.status_code == 401 and revoked.json()["errors"][0]["message"] == "The bearer token has been revoked."


def test_tokens_remembered_are_bounded():
    from datetime import timedelta

    for _ in range(tokens.MOST_REMEMBERED + 5):
        tokens.verify(tokens.issue(uuid.uuid4(), timedelta(minutes=5)))
    assert len(tokens._verified) == tokens.MOST_REMEMBERED


async def test_the_token_command_revokes_and_caps_the_lifetime(client):
    issued = quorum("token", "--email", BOLTON_SECRETARY, "--ttl", "600")
    assert issued.returncode == 0, issued.stderr
    token = issued.stdout.strip()
    token_id = str(tokens.token_id(token))
    assert f"Token id {token_id}" in issued.stderr
    assert (await viewer(client, token)).status_code == 200
    revoked = quorum("token", "--revoke", token_id)
    assert revoked.returncode == 0 and revoked.stdout.strip() == f"Token {token_id} is revoked.", revoked.stderr
    assert (await viewer(client, token)).status_code == 401

    by_token = await token_for(BOLTON_SECRETARY)
    assert quorum("token", "--revoke", by_token).returncode == 0  # the token itself will do
    assert (await viewer(client, by_token)).status_code == 401

    too_long = quorum("token", "--email", BOLTON_SECRETARY, "--ttl", str(8 * 24 * 3600))
    assert too_long.returncode == 2 and too_long.stdout == ""
    assert "--ttl must be between 1 and 604800 seconds (seven days)." in too_long.stderr
    garbage = quorum("token", "--revoke", "not-a-token")
    assert garbage.returncode == 2 and "token's id" in garbage.stderr


def test_seeding_the_demo_refuses_a_production_database():
    refused = quorum("seed", "--demo", QUORUM_ENV="production", QUORUM_DEMO="")
    assert refused.returncode == 1
    assert (
        "The demo data is not for a production database (QUORUM_ENV=production): nothing was changed." in refused.stderr
    )
