"""POST /graphql: checks the request, works out the caller, runs it in one transaction."""

from __future__ import annotations

import json
import logging

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from quorum.auth.identity import Refused, caller, transaction_for
from quorum.config import get_settings
from quorum.graphql.context import Context
from quorum.graphql.errors import MASKED_MESSAGE
from quorum.graphql.schema import schema

MAX_BODY_BYTES = 4 * 1024 * 1024
log = logging.getLogger(__name__)


async def graphql_endpoint(request: Request) -> Response:
    if request.method == "GET":
        return _graphiql_or_refuse(request)
    try:
        identity = caller(request, changes_state=True)
        body = await _json_body(request)
    except Refused as refused:
        return refused.response
    try:
        async with transaction_for(identity) as (db, caller_access):
            ctx = Context(request=request, db=db, access=caller_access, settings=get_settings())
            result = await schema.execute(
                body["query"],
                variable_values=body.get("variables"),
                operation_name=body.get("operationName"),
                context_value=ctx,
            )
            if result.errors and any(e.message == MASKED_MESSAGE for e in result.errors):
                raise _Unexpected(result)  # undo whatever the failed operation had written
    except _Unexpected as unexpected:
        result = unexpected.result
    except (OSError, OperationalError, InterfaceError, DBAPIError, PoolTimeout) as error:
        # PoolTimeout: every connection stayed busy for the pool's whole timeout (a burst); the client may retry.
        log.error("database unavailable: %s", error)
        return JSONResponse(
            {"errors": [{"message": "The database is unavailable just now; try again in a moment."}]}, status_code=503,
            headers={"Retry-After": "1"},
        )
    payload: dict = {"data": result.data}
    if result.errors:
        payload["errors"] = [e.formatted for e in result.errors]
    return JSONResponse(payload)


class _Unexpected(Exception):
    def __init__(self, result):
        self.result = result


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
