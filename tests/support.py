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


async def owner() -> asyncpg.Connection:
    """A connection as the database owner, which row-level security does not restrict."""
    return await asyncpg.connect(**connect_kwargs(owner_url()))


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
        response = await self.client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    async def data(self, query: str, variables: dict | None = None) -> dict:
        body = await self.post(query, variables)
        assert "errors" not in body, body["errors"]
        return body["data"]


async def as_person(client: httpx.AsyncClient, email: str) -> Caller:
    return Caller(client, await token_for(email))


async def global_id(type_name: str, sql: str, *args: Any) -> str:
    from quorum.graphql.ids import encode

    rows = await owner_fetch(sql, *args)
    assert rows, sql
    return encode(type_name, rows[0][0])
