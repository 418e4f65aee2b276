"""The Session hot read (sent on every page load) answers exactly what the schema answers."""

from __future__ import annotations

import re
from datetime import date, timedelta

from quorum.people.hot import SESSION
from tests.conftest import ROOT
from tests.support import (
    BOLTON_ADMIN,
    BOLTON_GP,
    BOLTON_SECRETARY,
    ISLINGTON_GP,
    MANCHESTER_OFFICER,
    PLATFORM_ADMIN,
    SHARED_CFO,
    owner,
    token_for,
)

BY_THE_SCHEMA = SESSION + "\n# answered by the schema\n"
ENDED = "ended.membership@nhs.example"


async def ask(client, document: str, token: str | None) -> tuple[dict, int]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await client.post("/graphql", json={"query": document}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json(), int(response.headers["x-quorum-sql-statements"])


async def a_person_with_an_ended_and_a_current_membership() -> None:
    conn = await owner()
    try:
        async with conn.transaction():
            bolton = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = '00T'")
            person = await conn.fetchval(
                "INSERT INTO person (email, name) VALUES ($1, 'Ena Ended') ON CONFLICT (email) DO UPDATE SET name = excluded.name"
                " RETURNING id",
                ENDED,
            )
            await conn.execute("DELETE FROM membership WHERE person_id = $1", person)
            await conn.execute(
                "INSERT INTO person_registration (org_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                bolton,
                person,
            )
            await conn.execute(
                "INSERT INTO membership (org_id, person_id, role, valid_from, valid_to) VALUES"
                " ($1, $2, 'STAFF', $3, $4), ($1, $2, 'GOVERNING_BODY_MEMBER', $4, NULL)",
                bolton,
                person,
                date.today() - timedelta(days=400),
                date.today() - timedelta(days=2),
            )
    finally:
        await conn.close()


async def test_every_caller_gets_the_schemas_answer_in_fewer_statements(client):
    await a_person_with_an_ended_and_a_current_membership()
    tokens = [None] + [
        await token_for(e)
        for e in (
            PLATFORM_ADMIN,
            BOLTON_SECRETARY,
            BOLTON_ADMIN,
            BOLTON_GP,
            SHARED_CFO,
            ISLINGTON_GP,
            MANCHESTER_OFFICER,
            ENDED,
        )
    ]
    for token in tokens:
        (hot, hot_statements), (schema, schema_statements) = (
            await ask(client, SESSION, token),
            await ask(client, BY_THE_SCHEMA, token),
        )
        assert hot == schema
        assert hot_statements < schema_statements or (token is None and hot_statements == schema_statements)
    ended = (await ask(client, SESSION, await token_for(ENDED)))[0]["data"]["viewer"]["memberships"]
    assert [m["role"] for m in ended] == ["GOVERNING_BODY_MEMBER"]
    gp = (await ask(client, SESSION, await token_for(BOLTON_GP)))[0]["data"]["viewer"]["memberships"]
    assert any(m["practice"] for m in gp)


def test_the_frontend_sends_the_hot_document():
    source = (ROOT / "frontend" / "src" / "api" / "operations.ts").read_text()
    frontend = re.search(r"export const sessionQuery = gql<[^>]*>\(`(.*?)`\);", source, re.DOTALL)
    assert frontend is not None
    assert " ".join(frontend.group(1).split()) == " ".join(SESSION.split())


async def test_a_remembered_caller_reads_in_one_statement_and_the_public_in_none(client):
    token = await token_for(BOLTON_GP)
    await ask(client, SESSION, token)
    assert (await ask(client, SESSION, token))[1] == 1
    assert (await ask(client, SESSION, None))[1] == 0
