"""Requests that would hold a worker are refused or cut off cheaply, while /healthz keeps answering within a
second. Against a real `quorum serve` process (one worker), as deployed."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from urllib.parse import urlparse

import httpx
import pytest
import websockets

from quorum.web.websocket import SOCKETS_PER_ADDRESS, SOCKETS_PER_SIGN_IN, SUBSCRIPTIONS_PER_SOCKET
from tests.conftest import ROOT, TEST_DATABASE
from tests.live_server import free_port
from tests.meetings.support import create_meeting
from tests.support import BOLTON_SECRETARY, Caller, token_for

BODY_SECONDS = 6  # the server's deadline for a request body (QUORUM_BODY_SECONDS; 30 by default)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    (ROOT / ".quorum" / "test").mkdir(parents=True, exist_ok=True)
    log = open(ROOT / ".quorum" / "test" / f"server-{TEST_DATABASE}-refusals.log", "w")
    env = {**os.environ, "QUORUM_BODY_SECONDS": str(BODY_SECONDS)}
    process = subprocess.Popen(
        [sys.executable, "-m", "quorum.cli", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.terminate()
        pytest.fail(f"Quorum did not start; see {log.name}")
    yield url
    process.terminate()
    process.wait(timeout=20)
    log.close()


class Health:
    """Asks /healthz every 0.2 s while the block runs; records the slowest answer."""

    def __init__(self, url: str):
        self.url, self.slowest, self.answers = url, 0.0, 0

    async def __aenter__(self) -> Health:
        self._task = asyncio.create_task(self._watch())
        return self

    async def _watch(self) -> None:
        async with httpx.AsyncClient(base_url=self.url, timeout=5) as client:
            while True:
                started = time.monotonic()
                response = await client.get("/healthz")
                assert response.status_code == 200
                self.slowest = max(self.slowest, time.monotonic() - started)
                self.answers += 1
                await asyncio.sleep(0.2)

    async def __aexit__(self, *_: object) -> None:
        await asyncio.sleep(0.5)  # at least one answer after the block
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass
        assert self.answers >= 2 and self.slowest < 1.0, (self.answers, self.slowest)


async def test_a_comment_padded_query_is_refused_at_once(server):
    padded = "{ __typename }\n#" + "x" * (15 * 1024 * 1024)
    async with Health(server), httpx.AsyncClient(base_url=server, timeout=30) as client:
        started = time.monotonic()
        response = await client.post("/graphql", json={"query": padded})
        took = time.monotonic() - started
    assert response.status_code == 413
    assert response.json()["errors"][0]["message"] == (
        "The query is longer than 50,000 characters; send values as variables."
    )
    assert took < 2, took


async def trickle(server: str, path: str) -> tuple[bytes, float]:
    """Sends a small JSON body to `path` one byte every 5 seconds; returns the answer and how long it took."""
    address = urlparse(server)
    reader, writer = await asyncio.open_connection(address.hostname, address.port)
    body = json.dumps({"query": "{ __typename }", "email": BOLTON_SECRETARY}).encode()
    writer.write(
        f"POST {path} HTTP/1.1\r\nHost: quorum\r\nContent-Type: application/json\r\n".encode()
        + b"X-Quorum-CSRF: 1\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
    )
    await writer.drain()
    started = time.monotonic()
    answer = b""
    for byte in body:  # one byte every 5 seconds, as the security review sent it
        writer.write(bytes([byte]))
        try:
            await writer.drain()
            answer = await asyncio.wait_for(reader.read(65536), timeout=5)
        except TimeoutError:
            continue
        except ConnectionError:
            break
        if answer:
            break
    took = time.monotonic() - started
    if answer:  # the rest of the answer, up to the server closing the connection
        answer += await asyncio.wait_for(reader.read(), timeout=5)
    writer.close()
    return answer, took


async def test_a_trickled_body_is_cut_off_at_the_deadline_on_every_route_that_reads_one(server):
    paths = ["/graphql", "/auth/demo/sign-in", "/auth/sign-out?everywhere=1", "/auth/sign-out"]
    async with Health(server):
        answers = await asyncio.gather(*(trickle(server, path) for path in paths))
    for path, (answer, took) in zip(paths, answers):
        assert answer.startswith(b"HTTP/1.1 408"), (path, answer)
        assert b"took longer than 6 seconds to arrive" in answer, (path, answer)
        assert BODY_SECONDS - 1 < took < BODY_SECONDS + 6, (path, took)


async def test_an_oversized_body_is_refused_before_it_is_read_on_every_route(server):
    address = urlparse(server)
    for path in ["/graphql", "/auth/demo/sign-in", "/auth/sign-out"]:
        reader, writer = await asyncio.open_connection(address.hostname, address.port)
        writer.write(
            f"POST {path} HTTP/1.1\r\nHost: quorum\r\nContent-Type: application/json\r\n".encode()
            + f"X-Quorum-CSRF: 1\r\nContent-Length: {17 * 1024 * 1024}\r\n\r\n".encode()
            + b"{"
        )
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), timeout=5)  # at once, without the rest of the body
        writer.close()
        assert answer.startswith(b"HTTP/1.1 413"), (path, answer)
        assert b"The request body is larger than 16 MB." in answer, (path, answer)


async def signed_in_cookie(client: httpx.AsyncClient) -> str:
    signed_in = await client.post(
        "/auth/demo/sign-in", json={"email": BOLTON_SECRETARY}, headers={"x-quorum-csrf": "1"}
    )
    assert signed_in.status_code == 204, signed_in.text
    return f"quorum_session={client.cookies['quorum_session']}"


async def test_a_flood_of_websockets_from_one_sign_in_is_refused_past_the_cap(server):
    url = server.replace("http://", "ws://") + "/graphql"
    async with httpx.AsyncClient(base_url=server, timeout=10) as client:
        headers = {"Cookie": await signed_in_cookie(client), "Origin": server}
        other = {"Cookie": await signed_in_cookie(client), "Origin": server}  # a second sign-in, same person
    opened, refused = [], []
    async with Health(server):
        for _ in range(SOCKETS_PER_SIGN_IN + 20):
            try:
                opened.append(
                    await websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers)
                )
            except websockets.InvalidStatus as refusal:
                refused.append(refusal.response)
        assert len(opened) == SOCKETS_PER_SIGN_IN and len(refused) == 20
        assert refused[0].status_code == 429
        assert b"Too many live connections from this sign-in (at most 10)" in refused[0].body
        # Those already open keep working; another sign-in is counted apart.
        await opened[0].send(json.dumps({"type": "connection_init"}))
        assert json.loads(await opened[0].recv())["type"] == "connection_ack"
        async with websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=other) as fresh:
            await fresh.send(json.dumps({"type": "connection_init"}))
            assert json.loads(await fresh.recv())["type"] == "connection_ack"
        for socket_ in opened:
            await socket_.close()
    # Closing frees the places.
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers) as again:
        await again.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await again.recv())["type"] == "connection_ack"


async def test_websockets_from_one_address_are_capped_whoever_opens_them(server):
    """Anonymous pages (and any number of sign-ins) from one address share its cap, so a flood cannot exhaust the
    worker while the per-sign-in cap is dodged by not signing in."""
    url = server.replace("http://", "ws://") + "/graphql"
    headers = {"Origin": server}
    opened = []
    async with Health(server):
        try:
            for _ in range(SOCKETS_PER_ADDRESS):
                opened.append(
                    await websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers)
                )
            with pytest.raises(websockets.InvalidStatus) as refused:
                await websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers)
            assert refused.value.response.status_code == 429
            assert b"Too many live connections from this address (at most 200)" in refused.value.response.body
        finally:
            await asyncio.gather(*(socket_.close() for socket_ in opened))
    assert len(opened) == SOCKETS_PER_ADDRESS


async def test_subscriptions_per_socket_are_capped(server):
    query = "subscription($id: ID!) { meetingEvents(meetingId: $id) { kind } }"
    url = server.replace("http://", "ws://") + "/graphql"
    async with httpx.AsyncClient(base_url=server, timeout=10) as client:
        meeting = (await create_meeting(Caller(client, await token_for(BOLTON_SECRETARY))))["id"]
        headers = {"Cookie": await signed_in_cookie(client), "Origin": server}
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        for n in range(SUBSCRIPTIONS_PER_SOCKET + 1):
            await ws.send(
                json.dumps(
                    {"id": str(n), "type": "subscribe", "payload": {"query": query, "variables": {"id": meeting}}}
                )
            )
        errors = []
        deadline = time.monotonic() + 10
        while not errors and time.monotonic() < deadline:
            message = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
            if message["type"] == "error":
                errors.append(message)
        assert errors[0]["id"] == str(SUBSCRIPTIONS_PER_SOCKET)
        assert errors[0]["payload"][0]["message"] == "Subscription limit reached"


async def test_an_unknown_operation_name_is_a_400_from_the_real_server(server):
    async with httpx.AsyncClient(base_url=server, timeout=10) as client:
        response = await client.post("/graphql", json={"query": "query A { __typename }", "operationName": "Nope"})
    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": "The document has no operation named 'Nope'."}]}
