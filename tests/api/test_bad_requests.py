"""Malformed, oversized, forged or hostile requests get clear errors, never a 500 or a stack trace."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from quorum.ids import encode
from tests.support import BOLTON_SECRETARY, Caller, as_person, token_for

STACK_TRACE_MARKERS = ("Traceback", 'File "', "sqlalchemy", "asyncpg")


def assert_clear(response, status: int, message_part: str) -> None:
    assert response.status_code == status, response.text
    assert not any(marker in response.text for marker in STACK_TRACE_MARKERS)
    messages = [e["message"] for e in response.json()["errors"]]
    assert any(message_part in m for m in messages), messages


async def test_wrong_content_types_and_bodies(client):
    assert_clear(await client.post("/graphql", content="{ viewer { person { name } } }"), 415, "application/json")
    assert_clear(await client.post("/graphql", data={"query": "{ __typename }"}), 415, "application/json")
    assert_clear(
        await client.post("/graphql", content="{not json", headers={"content-type": "application/json"}),
        400,
        "not valid JSON",
    )
    assert_clear(await client.post("/graphql", json=["{ __typename }"]), 400, '"query" string')
    assert_clear(await client.post("/graphql", json={"query": "{ __typename }", "variables": [1]}), 400, '"variables"')
    assert_clear(await client.get("/graphql", headers={"accept": "application/json"}), 405, "POST")


async def test_oversized_body_is_refused_before_it_is_read(client):
    huge = '{"query": "{ __typename }", "padding": "' + "x" * (16 * 1024 * 1024) + '"}'
    assert_clear(
        await client.post("/graphql", content=huge, headers={"content-type": "application/json"}),
        413,
        "larger than 16 MB",
    )


@pytest.mark.parametrize(
    ("query", "message_part"),
    [
        ("{ viewer { ", "Syntax Error"),
        ("{ noSuchField }", "Cannot query field 'noSuchField'"),
        ("query { node(id: 42) }", "must have a selection"),
        ("{ organisations(first: 1000) { totalCount } }", "'first' must be between 1 and 100"),
        ('{ organisations(after: "garbage!") { totalCount } }', "cursor is not one this list gave out"),
        ('{ node(id: "%%%") { id } }', "is not a Quorum ID"),
    ],
)
async def test_malformed_queries_get_graphql_errors(client, query, message_part):
    caller = await as_person(client, BOLTON_SECRETARY)
    assert_clear(
        await client.post("/graphql", json={"query": query}, headers={"authorization": f"Bearer {caller.token}"}),
        200,
        message_part,
    )


async def test_unknown_and_forged_ids_are_null(client):
    import uuid

    caller = await as_person(client, BOLTON_SECRETARY)
    for forged in (
        encode("Practice", uuid.uuid4()),
        encode("Ballot", uuid.uuid4()),
        encode("Organisation", uuid.uuid4()),
    ):
        assert (await caller.data("query($id: ID!) { node(id: $id) { id } }", {"id": forged}))["node"] is None


async def test_over_deep_and_alias_heavy_queries_are_refused(client):
    deep = "{ viewer { person { memberships { person { memberships { person { memberships { person { memberships { person { memberships { id } } } } } } } } } } } }"
    assert_clear(await client.post("/graphql", json={"query": deep}), 200, "exceeds maximum operation depth")
    aliases = "{ " + " ".join(f"a{i}: signInOptions {{ demoMode }}" for i in range(30)) + " }"
    assert_clear(await client.post("/graphql", json={"query": aliases}), 200, "aliases found")
    tokens = "{ " + " ".join("__typename" for _ in range(2100)) + " }"
    assert_clear(await client.post("/graphql", json={"query": tokens}), 200, "more than 2000 tokens")


async def test_too_many_nodes_at_once(client):
    assert_clear(
        await client.post(
            "/graphql",
            json={"query": "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", "variables": {"ids": ["x"] * 101}},
        ),
        200,
        "at most 100 nodes",
    )


async def test_expired_tampered_and_malformed_tokens_get_401(client):
    expired = await token_for(BOLTON_SECRETARY, ttl=timedelta(seconds=-1))
    good = await token_for(BOLTON_SECRETARY)
    header, payload, signature = good.split(".")
    tampered = f"{header}.{payload}.{signature[:-4]}AAAA"
    for value in (f"Bearer {expired}", f"Bearer {tampered}", "Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer "):
        response = await client.post(
            "/graphql", json={"query": "{ viewer { person { name } } }"}, headers={"authorization": value}
        )
        assert_clear(response, 401, "token" if value.startswith("Bearer") else "Authorization: Bearer")
        assert response.headers["www-authenticate"] == "Bearer"
    assert (await Caller(client, good).data("{ viewer { person { email } } }"))["viewer"]["person"][
        "email"
    ] == BOLTON_SECRETARY


async def test_healthz_reports_the_database(client):
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


async def test_security_headers_on_every_answer(client):
    for response in (await client.get("/healthz"), await client.post("/graphql", json={"query": "{ __typename }"})):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


async def test_content_security_policy_forbids_framing_and_foreign_scripts(client):
    policy = (await client.get("/healthz")).headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy and "object-src 'none'" in policy


async def test_too_many_sign_in_attempts_get_429_with_retry_after(client, monkeypatch):
    from quorum import limits

    monkeypatch.setattr(limits, "SIGN_IN", limits.RateLimit(limit=3, per_seconds=60))
    answers = [
        await client.post("/auth/demo/sign-in", json={"email": "nobody@nhs.example"}, headers={"x-quorum-csrf": "1"})
        for _ in range(4)
    ]
    assert [a.status_code for a in answers] == [400, 400, 400, 429]
    assert 1 <= int(answers[-1].headers["retry-after"]) <= 60


async def test_heavy_token_use_gets_429(client, monkeypatch):
    from quorum import limits

    monkeypatch.setattr(limits, "TOKEN_USE", limits.RateLimit(limit=2, per_seconds=60))
    caller = await as_person(client, BOLTON_SECRETARY)
    headers = {"authorization": f"Bearer {caller.token}"}
    codes = [
        (await client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)).status_code for _ in range(3)
    ]
    assert codes == [200, 200, 429]


async def test_rate_limits_apply_unless_turned_off_for_a_benchmark(client, monkeypatch):
    from quorum import config, limits

    monkeypatch.setattr(limits, "TOKEN_USE", limits.RateLimit(limit=1, per_seconds=60))
    headers = {"authorization": f"Bearer {(await as_person(client, BOLTON_SECRETARY)).token}"}

    async def codes() -> list[int]:
        return [
            (await client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)).status_code
            for _ in range(2)
        ]

    assert config.get_settings().rate_limits is True
    assert await codes() == [200, 429]
    monkeypatch.setenv("QUORUM_RATE_LIMITS", "off")
    config.get_settings.cache_clear()
    try:
        assert await codes() == [200, 200]
    finally:
        monkeypatch.delenv("QUORUM_RATE_LIMITS")
        config.get_settings.cache_clear()


def test_rate_limits_cannot_be_turned_off_in_production(monkeypatch):
    from quorum import config

    monkeypatch.setenv("QUORUM_ENV", "production")
    monkeypatch.setenv("QUORUM_DEMO", "0")
    monkeypatch.setenv("QUORUM_RATE_LIMITS", "off")
    try:
        with pytest.raises(RuntimeError, match="QUORUM_RATE_LIMITS=off cannot be set in production"):
            config.get_settings.cache_clear()
            config.get_settings()
    finally:
        config.get_settings.cache_clear()


async def test_nul_characters_are_refused_before_they_reach_the_database(client):
    response = await client.post(
        "/graphql",
        json={"query": "query($s: String) { organisations(search: $s) { totalCount } }", "variables": {"s": "a\x00b"}},
    )
    assert_clear(response, 400, "NUL")


def test_a_cursor_over_a_time_reads_back_what_it_was_written_from():
    import uuid
    from datetime import datetime

    from quorum.graphql.pagination import decode_cursor, encode_cursor
    from quorum.meetings.tables import Meeting

    keys = [Meeting.starts_at, Meeting.id]
    for moment in (datetime(2026, 12, 1, 18, 0, tzinfo=UTC), datetime(2026, 12, 1, 18, 0, 0, 120, tzinfo=UTC)):
        written = [moment, uuid.uuid4()]
        assert decode_cursor(encode_cursor(written), keys) == written
