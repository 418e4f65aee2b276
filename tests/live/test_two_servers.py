"""Two app processes against one database: what the secretary records on one reaches a subscription
opened on the other, through PostgreSQL LISTEN/NOTIFY, over a real WebSocket (graphql-transport-ws)."""

from __future__ import annotations

import asyncio
import json

import httpx
import websockets

from tests.conduct.support import SECRETARY, make_board, start_meeting
from tests.live.conftest import Server

SUBSCRIBE = """subscription($id: ID!) { meetingEvents(meetingId: $id) {
  kind itemId voteId byViewer live { stage attendance { name inRoom } vote { isOpen cast eligible } } } }"""


async def signed_in_cookie(server: Server, email: str) -> str:
    async with httpx.AsyncClient(base_url=server.url) as client:
        response = await client.post("/auth/demo/sign-in", json={"email": email}, headers={"x-quorum-csrf": "1"})
        assert response.status_code == 204, response.text
        return f"quorum_session={client.cookies['quorum_session']}"


async def next_event(socket) -> dict:
    message = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
    assert message["type"] == "next", message
    return message["payload"]["data"]["meetingEvents"]


async def test_attendance_and_a_vote_on_one_server_reach_a_subscription_on_the_other(two_servers):
    watched, written = two_servers
    async with httpx.AsyncClient(base_url=written.url, timeout=30) as http:
        # Everything is written through the second server, as its users would.
        board = await make_board(http, "Live committee (two servers)")
        meeting = await start_meeting(board, [("Estates", "PUBLIC")], title="Live meeting")
        await meeting.arrive("lowe", "ashworth", "khan")
        await meeting.take("Estates")

        cookie = await signed_in_cookie(watched, SECRETARY)
        url = watched.url.replace("http://", "ws://") + "/graphql"
        headers = {"Cookie": cookie, "Origin": watched.url}
        async with websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers) as socket:
            await socket.send(json.dumps({"type": "connection_init"}))
            assert json.loads(await socket.recv())["type"] == "connection_ack"
            await socket.send(
                json.dumps(
                    {"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE, "variables": {"id": meeting.id}}}
                )
            )
            snapshot = await next_event(socket)
            assert snapshot["kind"] == "SNAPSHOT" and snapshot["live"]["stage"] == "OPEN"
            assert {a["name"]: a["inRoom"] for a in snapshot["live"]["attendance"]}["Dr Rajesh Mistry"] is False

            await meeting.arrive("mistry")
            arrived = await next_event(socket)
            assert arrived["kind"] == "ATTENDANCE"
            assert {a["name"]: a["inRoom"] for a in arrived["live"]["attendance"]}["Dr Rajesh Mistry"] is True

            vote = await meeting.open_vote("Estates", "That the estates strategy is adopted.")
            opened = await next_event(socket)
            assert opened["kind"] == "VOTE_OPENED" and opened["voteId"] == vote["id"]
            assert opened["byViewer"] is True, "the secretary watching opened the vote herself"
            assert opened["live"]["vote"] == {"isOpen": True, "cast": 0, "eligible": 4}

            assert (await meeting.vote(vote["id"], "mistry", "FOR"))["errors"] == []
            cast = await next_event(socket)
            assert cast["kind"] == "VOTE_CAST" and cast["voteId"] == vote["id"]
            assert cast["byViewer"] is False, "Dr Mistry voted, not the secretary watching"
            assert cast["live"]["vote"] == {"isOpen": True, "cast": 1, "eligible": 4}
            await socket.send(json.dumps({"id": "1", "type": "complete"}))


async def test_an_outsider_cannot_follow_the_meeting(two_servers):
    watched, written = two_servers
    async with httpx.AsyncClient(base_url=written.url, timeout=30) as http:
        board = await make_board(http, "Live committee (outsider)")
        meeting = await start_meeting(board, [], title="Closed to outsiders")
    cookie = await signed_in_cookie(watched, "grace.adeyemi@demo.quorum.example")
    url = watched.url.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(
        url, subprotocols=["graphql-transport-ws"], additional_headers={"Cookie": cookie, "Origin": watched.url}
    ) as socket:
        await socket.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        await socket.send(
            json.dumps(
                {"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE, "variables": {"id": meeting.id}}}
            )
        )
        message = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        assert message["type"] in ("error", "next")
        errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
        assert [e["message"] for e in errors] == ["No such meeting."]
