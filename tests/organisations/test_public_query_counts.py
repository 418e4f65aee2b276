"""The public directory and an organisation's public decisions cost the same number of SQL statements whatever
the page size: the documents are the frontend's own."""

from __future__ import annotations

import pytest

from bench.servers.documents import frontend_document


async def statements(client, document: str, variables: dict) -> tuple[dict, int]:
    response = await client.post("/graphql", json={"query": document, "variables": variables})
    body = response.json()
    assert "errors" not in body, body
    return body["data"], int(response.headers["x-quorum-sql-statements"])


@pytest.mark.parametrize(
    ("constant", "variables", "connection"),
    [
        ("publicDirectoryQuery", {"search": None}, "publicDirectory"),
        ("publicDecisionsQuery", {"odsCode": "00T"}, "decisions"),
    ],
)
async def test_a_public_page_costs_the_same_statements_however_long_it_is(client, constant, variables, connection):
    document = frontend_document("publicDirectory", constant)
    short, few = await statements(client, document, {**variables, "first": 5, "after": None})
    long, many = await statements(client, document, {**variables, "first": 50, "after": None})
    assert len(short[connection]["edges"]) == 5 and len(long[connection]["edges"]) > 5
    # Delegations are read once a page, when the page holds a decision taken under one.
    assert many == few + (delegated(long) and not delegated(short)), (few, many)


def delegated(page: dict) -> bool:
    return any(edge["node"].get("delegationLabel") for edge in page.get("decisions", {}).get("edges", []))
