"""Pack build progress reaches a GraphQL subscription over a real WebSocket (graphql-transport-ws)."""

from __future__ import annotations

import json

import httpx
import pytest
import websockets

from tests.browser.conftest import Server
from tests.meetings.support import (
    AUTHOR,
    SECRETARY,
    SPONSOR,
    add_item,
    create_meeting,
    request_paper,
    write_and_approve,
)
from tests.support import Caller, token_for

SUBSCRIBE = "subscription($id: ID!) { packBuildProgress(buildId: $id) { status progress message pageCount } }"


async def signed_in_cookie(server: Server, email: str) -> str:
    async with httpx.AsyncClient(base_url=server.url) as client:
        response = await client.post("/auth/demo/sign-in", json={"email": email}, headers={"x-quorum-csrf": "1"})
        assert response.status_code == 204
        return f"quorum_session={client.cookies['quorum_session']}"


async def test_a_build_s_progress_arrives_over_the_websocket(server: Server):
    async with httpx.AsyncClient(base_url=server.url) as http:
        secretary = Caller(http, await token_for(SECRETARY))
        author, sponsor = Caller(http, await token_for(AUTHOR)), Caller(http, await token_for(SPONSOR))
        meeting = await create_meeting(secretary, title="Live progress")
        item = await add_item(secretary, meeting["id"], "Strategy")
        paper = await request_paper(secretary, meeting["id"], item["id"], "Strategy")
        await write_and_approve(author, sponsor, paper, "Strategy body.")
        built = await secretary.data(
            "mutation($input: BuildPackInput!) { buildPack(input: $input) { build { id } errors { message } } }",
            {"input": {"meetingId": meeting["id"], "part": "PRIVATE"}},
        )
        build_id = built["buildPack"]["build"]["id"]

    cookie = await signed_in_cookie(server, SECRETARY)
    url = server.url.replace("http://", "ws://") + "/graphql"
    headers = {"Cookie": cookie, "Origin": server.url}
    events = []
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers) as socket:
        await socket.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        await socket.send(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE, "variables": {"id": build_id}}})
        )
        while True:
            message = json.loads(await socket.recv())
            if message["type"] == "complete":
                break
            assert message["type"] == "next", message
            events.append(message["payload"]["data"]["packBuildProgress"])
    assert events[-1]["status"] == "DONE" and events[-1]["progress"] == 100 and events[-1]["pageCount"] > 0
    progress = [e["progress"] for e in events]
    assert progress == sorted(progress)


async def test_a_page_on_another_site_cannot_open_the_websocket(server: Server):
    cookie = await signed_in_cookie(server, SECRETARY)
    url = server.url.replace("http://", "ws://") + "/graphql"
    with pytest.raises(websockets.exceptions.InvalidStatus, match="403"):
        async with websockets.connect(
            url,
            subprotocols=["graphql-transport-ws"],
            additional_headers={"Cookie": cookie, "Origin": "https://evil.example"},
        ):
            pass
