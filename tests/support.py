"""Helpers shared by the tests: calling the API as a person, and the owner's view of the data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import asyncpg
import httpx

from quorum.auth import tokens
from quorum.database import connect_kwargs, owner_url

DEMO = "demo.quorum.example"
BOLTON_SECRETARY = f"helen.hargreaves@{DEMO}"
BOLTON_ADMIN = f"priya.shah@{DEMO}"
BOLTON_GP = f"rajesh.mistry@{DEMO}"
ISLINGTON_SECRETARY = f"daniel.cohen@{DEMO}"  # also Islington's administrator
ISLINGTON_GP = f"grace.adeyemi@{DEMO}"
SHARED_CFO = f"tom.ashworth@{DEMO}"
MANCHESTER_OFFICER = f"janet.whitworth@{DEMO}"
PLATFORM_ADMIN = f"sam.okafor@{DEMO}"
CSRF = {"x-quorum-csrf": "1"}  # sent by a signed-in browser with every request that changes state


async def owner() -> asyncpg.Connection:
    """A connection as the database owner, which row-level security does not restrict."""
    return await asyncpg.connect(**connect_kwargs(owner_url()))


async def run_queued_jobs() -> None:
    """Runs the jobs queued so far (a pack build, say) in this process, as a worker would, until none is left."""
    from quorum import worker

    await worker.drain()


async def owner_fetch(sql: str, *args: Any) -> list[asyncpg.Record]:
    conn = await owner()
    try:
        return await conn.fetch(sql, *args)
    finally:
        await conn.close()


async def token_for(email: str, ttl: timedelta = timedelta(minutes=10)) -> str:
    token = await tokens.issue_token_for_email(email, ttl)
    assert token, f"no person {email}"
    return token


class Caller:
    """Someone calling /graphql: anonymous, or with a bearer token."""

    def __init__(self, client: httpx.AsyncClient, token: str | None = None):
        self.client = client
        self.token = token

    async def post(self, query: str, variables: dict | None = None) -> dict:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def data(self, query: str, variables: dict | None = None) -> dict:
        body = await self.post(query, variables)
        assert "errors" not in body, body["errors"]
        return body["data"]


async def as_person(client: httpx.AsyncClient, email: str) -> Caller:
    return Caller(client, await token_for(email))


async def global_id(type_name: str, sql: str, *args: Any) -> str:
    from quorum.ids import encode

    rows = await owner_fetch(sql, *args)
    assert rows, sql
    return encode(type_name, rows[0][0])


async def add_member(email: str, name: str, org_ods: str, role: str) -> None:
    """A person with one membership, written as the owner (for tests needing someone the demo lacks)."""
    conn = await owner()
    try:
        async with conn.transaction():
            person_id = await conn.fetchval(
                "INSERT INTO person (email, name) VALUES ($1, $2) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name"
                " RETURNING id",
                email,
                name,
            )
            org_id = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = $1", org_ods)
            await conn.execute(
                "INSERT INTO person_registration (org_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                org_id,
                person_id,
            )
            await conn.execute(
                "INSERT INTO membership (org_id, person_id, role, valid_from) VALUES ($1, $2, $3, '2025-01-01')",
                org_id,
                person_id,
                role,
            )
    finally:
        await conn.close()


JOINT_COMMITTEE = "SELECT id FROM committee WHERE name = 'Bolton primary care joint committee'"
BOLTON_GOVERNING_BODY = "SELECT c.id FROM committee c JOIN organisation o ON o.id = c.org_id WHERE o.ods_code = '00T' AND c.kind = 'GOVERNING_BODY'"
DEMO_DELEGATION = f"SELECT id FROM delegation WHERE receiving_committee_id = ({JOINT_COMMITTEE}) AND 'primary_care.mergers' = ANY (functions)"


async def assert_asked_to_sign_in(client: httpx.AsyncClient, mutation: str, variables: dict | None = None) -> None:
    """An anonymous caller of any mutation is asked to sign in, and told nothing else."""
    body = await Caller(client).post(mutation, variables)
    assert body["data"] is None and [e["message"] for e in body["errors"]] == ["Sign in to make changes."], body
