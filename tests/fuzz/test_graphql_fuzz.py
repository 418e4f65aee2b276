"""Property-based fuzzing of the GraphQL API from its own schema, for every kind of caller.

Whatever the query or mutation, the answer is never a 500, never carries a stack trace, and every
error is a GraphQL error whose message a person can act on (never the masked "went wrong" one).
"""

from __future__ import annotations

import os

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries

from quorum.errors import MASKED_MESSAGE
from quorum.web.schema import schema
from tests.live_server import Server
from tests.support import BOLTON_SECRETARY, MANCHESTER_OFFICER, PLATFORM_ADMIN, token_for

SDL = schema.as_str()
SCALARS = {
    "Date": st.dates().map(lambda d: nodes.String(d.isoformat())),
    "DateTime": st.datetimes().map(lambda d: nodes.String(d.isoformat() + "+00:00")),
}
ROLES = {
    "anonymous": None,
    "board secretary": BOLTON_SECRETARY,
    "practice representative": "fiona.clarke@demo.quorum.example",
    "area team officer": MANCHESTER_OFFICER,
    "platform administrator": PLATFORM_ADMIN,
}
STACK_TRACE = ("Traceback", 'File "', "sqlalchemy.", "asyncpg.")
FUZZ = settings(
    max_examples=int(os.environ.get("QUORUM_FUZZ_EXAMPLES", "40")),
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)


def check(response: httpx.Response) -> None:
    assert response.status_code in (200, 400, 413, 429), response.text[:500]
    assert not any(marker in response.text for marker in STACK_TRACE), response.text[:500]
    body = response.json()
    for error in body.get("errors", []):
        assert isinstance(error.get("message"), str) and error["message"].strip()
        assert error["message"] != MASKED_MESSAGE, (body, response.request.content[:2000])


@pytest.fixture(scope="module")
async def tokens() -> dict[str, str | None]:
    return {role: email and await token_for(email) for role, email in ROLES.items()}


@pytest.mark.parametrize("role", ROLES)
def test_queries_never_fail_badly(server: Server, tokens, role):
    headers = {"authorization": f"Bearer {tokens[role]}"} if tokens[role] else {}

    @FUZZ
    @given(query=queries(SDL, custom_scalars=SCALARS))
    def fuzz(query: str) -> None:
        check(httpx.post(f"{server.url}/graphql", json={"query": query}, headers=headers, timeout=60))

    fuzz()


@pytest.mark.parametrize("role", ROLES)
def test_mutations_never_fail_badly(server: Server, tokens, role):
    headers = {"authorization": f"Bearer {tokens[role]}"} if tokens[role] else {}

    @FUZZ
    @given(mutation=mutations(SDL, custom_scalars=SCALARS))
    def fuzz(mutation: str) -> None:
        check(httpx.post(f"{server.url}/graphql", json={"query": mutation}, headers=headers, timeout=60))

    fuzz()
