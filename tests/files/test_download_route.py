"""The one download route: what every download answers alike, whatever the domain's producer gives."""

from __future__ import annotations

import threading
import uuid

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware

from quorum import ids
from quorum.downloads import Download, NotReady
from quorum.web.downloads import download_route

THERE = uuid.UUID(int=1)
NOT_YET = uuid.UUID(int=2)
asked: list[dict] = []


async def produce(db, access, thing_id: uuid.UUID, **arguments) -> Download | None:
    asked.append({"thing_id": thing_id, **arguments})
    if thing_id == NOT_YET:
        raise NotReady("Not until it has closed.")
    if thing_id != THERE:
        return None
    return Download(
        lambda: threading.current_thread().name.encode(),
        media_type="text/plain",
        filename="Budget – £2m.txt",
        inline=arguments.get("view", False),
        cache_control=None if arguments.get("base_url") else "private, no-store",
        headers={"X-Extra": "yes"},
    )


@pytest.fixture
async def downloads():
    asked.clear()
    app = Starlette(
        routes=[
            download_route(
                "/things/{thing_id}",
                produce,
                not_found="No such thing.",
                query=lambda query: {"view": bool(query.get("view"))},
            ),
            download_route("/export", produce, not_found="No such thing.", query_id=("thing", "Thing"), base_url=True),
        ],
        middleware=[Middleware(SessionMiddleware, secret_key="test")],
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield client


async def test_a_malformed_or_unknown_id_is_the_domain_s_not_found(downloads):
    malformed = await downloads.get("/things/not-a-uuid")
    assert (malformed.status_code, malformed.text) == (404, "No such thing.")
    assert asked == []  # refused before any transaction
    unknown = await downloads.get(f"/things/{uuid.uuid4()}")
    assert (unknown.status_code, unknown.text) == (404, "No such thing.")


async def test_a_query_id_is_read_after_the_caller_and_a_bad_one_is_a_400(downloads):
    assert (await downloads.get("/export?thing=nonsense")).status_code == 400
    wrong_kind = await downloads.get(f"/export?thing={ids.encode('Ballot', THERE)}")
    assert (wrong_kind.status_code, wrong_kind.text) == (400, "That is not a Thing ID.")
    refused = await downloads.get("/export?thing=nonsense", headers={"authorization": "Basic x"})
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
    found = await downloads.get(f"/export?thing={ids.encode('Thing', THERE)}")
    assert found.status_code == 200 and "cache-control" not in found.headers
    assert asked[-1] == {"thing_id": THERE, "base_url": "http://testserver"}


async def test_not_ready_is_a_409_with_the_domain_s_words(downloads):
    response = await downloads.get(f"/things/{NOT_YET}")
    assert (response.status_code, response.text) == (409, "Not until it has closed.")


async def test_the_response_names_the_file_and_makes_slow_content_off_the_event_loop(downloads):
    saved = await downloads.get(f"/things/{THERE}")
    assert saved.status_code == 200 and saved.text != threading.main_thread().name
    assert saved.headers["content-type"].startswith("text/plain")
    assert saved.headers["content-disposition"] == (
        "attachment; filename=\"Budget - GBP2m.txt\"; filename*=UTF-8''Budget%20%E2%80%93%20%C2%A32m.txt"
    )
    assert saved.headers["cache-control"] == "private, no-store" and saved.headers["x-extra"] == "yes"
    viewed = await downloads.get(f"/things/{THERE}?view=1")
    assert viewed.headers["content-disposition"].startswith("inline; ")
