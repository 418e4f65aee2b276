"""GraphQL subscriptions over WebSocket (graphql-transport-ws): live progress and meeting events.

Queries and mutations go by POST /graphql, where body limits and CSRF checks apply; here a
subscription runs with the caller's identity and opens its own transactions to check access.

Each socket holds a worker's memory and a LISTEN subscriber, so they are capped: per sign-in, per address
(generous: an NHS site's staff share one address) and subscriptions per socket. Counted in each worker, like
the rate limits.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from typing import Any

from starlette.requests import HTTPConnection
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from quorum.access import ANONYMOUS
from quorum.auth import sessions
from quorum.auth.identity import Identity
from quorum.config import get_settings
from quorum.errors import ClientError
from quorum.graphql.context import Context
from quorum.web.schema import schema


class _NoDatabase:
    def __getattr__(self, name: str) -> Any:
        raise ClientError("Send queries and mutations with POST /graphql; the WebSocket carries subscriptions only.")


SOCKETS_PER_SIGN_IN = 10  # a few tabs, each with a live meeting page and a pack's progress
SOCKETS_PER_ADDRESS = 200
SUBSCRIPTIONS_PER_SOCKET = 10


class Subscriptions(GraphQL):
    """Strawberry refuses sockets opened by pages of another origin (cross-site WebSocket hijacking)."""

    def __init__(self) -> None:
        super().__init__(
            schema,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            graphql_ide=None,
            max_subscriptions_per_connection=SUBSCRIPTIONS_PER_SOCKET,
            connection_init_wait_timeout=timedelta(seconds=10),
        )
        self.open_sockets: Counter[str] = Counter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            return await super().__call__(scope, receive, send)
        connection = HTTPConnection(scope)
        sign_in = sessions.session_id(connection)
        keys = [f"address:{connection.client.host if connection.client else 'unknown'}"]
        if sign_in is not None:
            keys.append(f"sign-in:{sign_in}")
        refusal = self._over_limit(keys)
        if refusal:
            return await _refuse(scope, receive, send, refusal)
        self.open_sockets.update(keys)
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.open_sockets.subtract(keys)
            for key in keys:
                if self.open_sockets[key] <= 0:
                    del self.open_sockets[key]

    def _over_limit(self, keys: list[str]) -> str | None:
        for key in keys:
            limit = SOCKETS_PER_SIGN_IN if key.startswith("sign-in:") else SOCKETS_PER_ADDRESS
            if self.open_sockets[key] >= limit:
                whose = "this sign-in" if key.startswith("sign-in:") else "this address"
                return f"Too many live connections from {whose} (at most {limit}); close some pages and try again."
        return None

    async def get_context(self, request: HTTPConnection, response: Any = None) -> Context:
        return Context(
            request=None,
            db=_NoDatabase(),
            access=ANONYMOUS,
            settings=get_settings(),
            identity=Identity(sign_in=sessions.session_id(request)),
        )


async def _refuse(scope: Scope, receive: Receive, send: Send, message: str) -> None:
    """Answer the handshake 429 with a sentence where the server allows it, else close it (policy violation)."""
    await receive()  # websocket.connect
    if "websocket.http.response" in scope.get("extensions", {}):
        body = json.dumps({"errors": [{"message": message}]}).encode()
        await send(
            {
                "type": "websocket.http.response.start",
                "status": 429,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "websocket.http.response.body", "body": body})
    else:
        await send({"type": "websocket.close", "code": 1008, "reason": message[:120]})
