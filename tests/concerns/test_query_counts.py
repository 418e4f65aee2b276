"""The register costs the same number of SQL statements however many concerns it lists."""

from __future__ import annotations

import re

from tests.concerns.test_concerns import log, org
from tests.conftest import ROOT
from tests.support import BOLTON_SECRETARY, as_person

# The frontend's own document (frontend/src/api/concerns.ts, concernRegisterQuery).
SOURCE = (ROOT / "frontend" / "src" / "api" / "concerns.ts").read_text()
REGISTER = re.search(r"export const concernRegisterQuery = gql<[^>]*>\(`(.*?)`\);", SOURCE, re.DOTALL).group(1)


async def statements_for_register(client, secretary) -> tuple[int, int]:
    """Counted the second time, once the worker remembers the caller's access (the first may decide it)."""
    for _ in range(2):
        response = await client.post(
            "/graphql",
            json={"query": REGISTER, "variables": {"organisationId": await org("00T"), "first": 100}},
            headers={"authorization": f"Bearer {secretary.token}"},
        )
    assert "errors" not in response.json(), response.json()
    listed = len(response.json()["data"]["concerns"]["edges"])
    return listed, int(response.headers["x-quorum-sql-statements"])


async def test_the_register_statement_count_does_not_grow_with_the_concerns(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    before, counted_before = await statements_for_register(client, secretary)
    for n in range(12):  # on practices and on providers, so both kinds of subject are loaded
        provider = {"practiceId": None, "providerName": f"Provider {n}", "providerType": "TRUST"} if n % 2 else {}
        await log(secretary, title=f"Counted concern {n}", **provider)
    after, counted_after = await statements_for_register(client, secretary)
    assert after == before + 12
    assert counted_after == counted_before, (counted_before, counted_after)
