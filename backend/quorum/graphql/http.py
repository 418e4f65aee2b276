"""POST /graphql: checks the request, works out the caller, runs it in one transaction."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from quorum import access, clock
from quorum.auth import sessions, tokens
from quorum.config import get_settings
from quorum.database import Db, app_engine
from quorum.graphql.context import Context
from quorum.graphql.errors import MASKED_MESSAGE
from quorum.graphql.schema import schema

MAX_BODY_BYTES = 4 * 1024 * 1024
log = logging.getLogger(__name__)


class Refused(Exception):
    def __init__(self, status_code: int, message: str, headers: dict[str, str] | None = None):
        self.response = JSONResponse({"errors": [{"message": message}]}, status_code=status_code, headers=headers)


async def graphql_endpoint(request: Request) -> Response:
    if request.method == "GET":
        return _graphiql_or_refuse(request)
    try:
        identity = caller(request)
        body = await _json_body(request)
    except Refused as refused:
        return refused.response
    try:
        async with app_engine().connect() as conn:
            async with conn.begin() as transaction:
                person_id = await sessions.person_for(conn, identity.sign_in) if identity.sign_in else identity.person_id
                ctx = Context(
                    request=request,
                    db=Db(AsyncSession(bind=conn, expire_on_commit=False)),
                    access=await access.establish(conn, person_id, clock.now()),
                    settings=get_settings(),
                )
                result = await schema.execute(
                    body["query"],
                    variable_values=body.get("variables"),
                    operation_name=body.get("operationName"),
                    context_value=ctx,
                )
                if result.errors and any(e.message == MASKED_MESSAGE for e in result.errors):
                    await transaction.rollback()
    except (OSError, OperationalError, InterfaceError, DBAPIError) as error:
        log.error("database unavailable: %s", error)
        return JSONResponse(
            {"errors": [{"message": "The database is unavailable just now; try again in a moment."}]}, status_code=503
        )
    payload: dict = {"data": result.data}
    if result.errors:
        payload["errors"] = [e.formatted for e in result.errors]
    return JSONResponse(payload)


@dataclass(frozen=True)
class Identity:
    person_id: uuid.UUID | None = None  # from a bearer token
    sign_in: uuid.UUID | None = None  # from the session cookie, checked against the database


def caller(request: Request) -> Identity:
    """Who the request says it comes from; refuses bad tokens and cross-site posts."""
    authorization = request.headers.get("authorization")
    if authorization is not None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Refused(401, "Send the token as 'Authorization: Bearer <token>'.", {"WWW-Authenticate": "Bearer"})
        try:
            return Identity(person_id=tokens.verify(token.strip()))
        except tokens.InvalidToken:
            raise Refused(401, "The bearer token is invalid or has expired.", {"WWW-Authenticate": "Bearer"}) from None
    sign_in = sessions.session_id(request)
    if sign_in is not None and not sessions.has_csrf_header(request):
        raise Refused(403, "Requests from a signed-in browser must send the X-Quorum-CSRF: 1 header.")
    return Identity(sign_in=sign_in)


async def _json_body(request: Request) -> dict:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise Refused(415, "Send GraphQL requests as POST with Content-Type: application/json.")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise Refused(413, f"The request body is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB.")
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise Refused(413, f"The request body is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB.")
            chunks.append(chunk)
    except ClientDisconnect:
        raise Refused(400, "The request body was cut short.") from None
    try:
        body = json.loads(b"".join(chunks))
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, "The request body is not valid JSON.") from None
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        raise Refused(400, 'The body must be a JSON object with a "query" string.')
    if not isinstance(body.get("variables") or {}, dict):
        raise Refused(400, '"variables" must be a JSON object.')
    if not isinstance(body.get("operationName") or "", str):
        raise Refused(400, '"operationName" must be a string.')
    return body


def _graphiql_or_refuse(request: Request) -> Response:
    if not get_settings().production and "text/html" in request.headers.get("accept", ""):
        from strawberry.http.ides import get_graphql_ide_html

        return HTMLResponse(get_graphql_ide_html(graphql_ide="graphiql"))
    return JSONResponse(
        {"errors": [{"message": "Send GraphQL requests as POST with Content-Type: application/json."}]},
        status_code=405,
        headers={"Allow": "POST"},
    )
