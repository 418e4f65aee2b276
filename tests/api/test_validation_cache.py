"""A document the server has validated once is not validated again (it was, on every request, for a while)."""

from __future__ import annotations

from strawberry.extensions.validation_cache import _get_validate_cache

DOCUMENT = "query ValidatedOnce { signInOptions { demoMode oidcEnabled } }"


async def test_a_repeated_document_is_found_in_the_validation_cache(client):
    cache = _get_validate_cache(256)
    for _ in range(2):
        response = await client.post("/graphql", json={"query": DOCUMENT})
        assert response.json()["data"]["signInOptions"]["demoMode"] is True
    hits = cache.cache_info().hits
    response = await client.post("/graphql", json={"query": DOCUMENT})
    assert "errors" not in response.json()
    assert cache.cache_info().hits == hits + 1


async def test_the_depth_limit_still_applies_to_a_cached_document(client):
    deep = "query TooDeep { viewer { person { memberships { person { memberships { person { memberships { person { memberships { person { memberships { id } } } } } } } } } } } }"
    for _ in range(2):
        errors = (await client.post("/graphql", json={"query": deep})).json()["errors"]
        assert any("depth" in e["message"] for e in errors), errors
