"""GraphQL subscriptions over WebSocket (graphql-transport-ws): live progress and meeting events.

Queries and mutations go by POST /graphql, where body limits and CSRF checks apply; here a
subscription runs with the caller's identity and opens its own transactions to check access.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import HTTPConnection
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from quorum.access import ANONYMOUS
from quorum.auth import sessions
from quorum.auth.identity import Identity
from quorum.config import get_settings
from quorum.graphql.context import Context
from quorum.graphql.errors import ClientError
from quorum.graphql.schema import schema


class _NoDatabase:
    def __getattr__(self, name: str) -> Any:
        raise ClientError("Send queries and mutations with POST /graphql; the WebSocket carries subscriptions only.")


class Subscriptions(GraphQL):
    """Strawberry refuses sockets opened by pages of another origin (cross-site WebSocket hijacking)."""

    def __init__(self) -> None:
        super().__init__(schema, subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,), graphql_ide=None)

    async def get_context(self, request: HTTPConnection, response: Any = None) -> Context:
        return Context(request=None, db=_NoDatabase(), access=ANONYMOUS, settings=get_settings(),
                       identity=Identity(sign_in=sessions.session_id(request)))
