"""POST /graphql: checks the request, works out the caller, runs it in one transaction."""

from __future__ import annotations

import asyncio
import json
import logging

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from strawberry.schema.exceptions import CannotGetOperationTypeError

from quorum.auth.identity import Identity, Refused, caller, checking_itself, one_statement, transaction_for
from quorum.config import get_settings
from quorum.database import counting_statements, is_unavailable
from quorum.errors import MASKED_MESSAGE
from quorum.graphql.context import Context
from quorum.graphql.hot import HotRead, as_one_statement, needs_no_transaction, self_checking
from quorum.limits import RateLimited
from quorum.web.hot_reads import find as hot_read_for
from quorum.web.schema import schema
from quorum.web.unavailable import unavailable_response

# The document itself: the frontend's largest is under 10,000 characters; values (files included) go in variables.
# Comments and whitespace are not tokens, so MaxTokensLimiter alone let a 15 MB comment through to the parser.
MAX_QUERY_CHARACTERS = 50_000
REQUEST_SECONDS = 30
log = logging.getLogger(__name__)


async def graphql_endpoint(request: Request) -> Response:
    if request.method == "GET":
        return _graphiql_or_refuse(request)
    try:
        identity = caller(request, changes_state=True)
        body = await _json_body(request)
    except Refused as refused:
        return refused.response
    with counting_statements() as statements:
        try:
            async with asyncio.timeout(REQUEST_SECONDS):
                result = await _execute(request, identity, body)
        except TimeoutError:
            return JSONResponse(
                {"errors": [{"message": "The request took too long and was stopped; nothing was changed."}]},
                status_code=503,
            )
        except CannotGetOperationTypeError:
            return _no_such_operation(body)
        except Exception as error:
            # PoolTimeout: every connection stayed busy for the pool's whole timeout (a burst); the client may retry.
            # is_unavailable: hot reads talk to asyncpg directly, whose errors SQLAlchemy has not wrapped.
            if not (
                isinstance(error, (OSError, OperationalError, InterfaceError, DBAPIError, PoolTimeout, DatabaseLost))
                or is_unavailable(error)
            ):
                raise
            log.error("database unavailable: %s", error)
            return unavailable_response()
    headers = {"X-Quorum-SQL-Statements": str(statements[0])}
    if isinstance(result, str):
        return Response(result, media_type="application/json", headers=headers)
    payload: dict = {"data": result.data}
    if result.errors:
        payload["errors"] = [e.formatted for e in result.errors]
        limited = [e.original_error for e in result.errors if isinstance(e.original_error, RateLimited)]
        if limited:
            return JSONResponse(
                payload, status_code=429, headers={**headers, "Retry-After": str(limited[0].retry_after)}
            )
    return JSONResponse(payload, headers=headers)


async def _execute(request: Request, identity, body: dict, *, hot_reads: bool = True):
    """Runs the operation in one transaction, rolled back if anything unexpected failed.

    Returns the response body itself when a hot read answered (see quorum.graphql.hot).
    """
    hot, variables = hot_reads and hot_read_for(body), body.get("variables") or {}
    if hot and needs_no_transaction(hot):
        answer = await _without_transaction(identity, hot, variables)
        if answer is not None:
            return answer
        hot = None  # declined, or the caller's access kept changing: the schema answers, in a transaction
    try:
        async with transaction_for(identity) as (db, caller_access):
            if hot:
                answer = await hot(db, caller_access, variables)
                if answer is not None:
                    return answer
            ctx = Context(request=request, db=db, access=caller_access, settings=get_settings(), identity=identity)
            result = await schema.execute(
                body["query"],
                variable_values=body.get("variables"),
                operation_name=body.get("operationName"),
                context_value=ctx,
            )
            if result.errors and any(e.message == MASKED_MESSAGE for e in result.errors):
                raise _Unexpected(result)
    except _Unexpected as unexpected:
        if any(is_unavailable(e.original_error) for e in unexpected.result.errors):
            lost = next(e.original_error for e in unexpected.result.errors if is_unavailable(e.original_error))
            raise DatabaseLost(str(lost)) from lost
        return unexpected.result
    for run in ctx.after_commit:
        run()
    return result


async def _without_transaction(identity: Identity, hot: HotRead, variables: dict) -> str | None:
    checking = self_checking(hot)
    if checking is not None:
        return await checking_itself(identity, lambda reader, credentials: checking(reader, credentials, variables))
    read = as_one_statement(hot)
    return await one_statement(identity, lambda reader, caller_access: read(reader, caller_access, variables))


class DatabaseLost(Exception):
    """A resolver's statement failed because the database went away (GraphQL had caught and masked it)."""


class _Unexpected(Exception):
    def __init__(self, result):
        self.result = result


def _no_such_operation(body: dict) -> Response:
    message = f"The document has no operation named {body.get('operationName')!r}."
    return JSONResponse({"errors": [{"message": message}]}, status_code=400)


async def _json_body(request: Request) -> dict:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise Refused(415, "Send GraphQL requests as POST with Content-Type: application/json.")
    raw = await request.body()  # already read, within its deadline and size limit, by quorum.web.request_bodies
    try:
        text = raw.decode("utf-8")
        body = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, "The request body is not valid JSON.") from None
    if "\\u0000" in text or "\x00" in text:  # PostgreSQL text cannot hold NUL
        raise Refused(400, "Text may not contain NUL (\\u0000) characters.")
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        raise Refused(400, 'The body must be a JSON object with a "query" string.')
    if len(body["query"]) > MAX_QUERY_CHARACTERS:
        raise Refused(413, f"The query is longer than {MAX_QUERY_CHARACTERS:,} characters; send values as variables.")
    if not isinstance(body.get("variables") or {}, dict):
        raise Refused(400, '"variables" must be a JSON object.')
    if not isinstance(body.get("operationName") or "", str):
        raise Refused(400, '"operationName" must be a string.')
    return body


def _graphiql_or_refuse(request: Request) -> Response:
    if not get_settings().production and "text/html" in request.headers.get("accept", ""):
        from strawberry.http.ides import get_graphql_ide_html

        # GraphiQL (development only) loads its scripts from a CDN.
        return HTMLResponse(
            get_graphql_ide_html(graphql_ide="graphiql"),
            headers={
                "Content-Security-Policy": "default-src 'self' https://unpkg.com 'unsafe-inline'; "
                "frame-ancestors 'none'",
            },
        )
    return JSONResponse(
        {"errors": [{"message": "Send GraphQL requests as POST with Content-Type: application/json."}]},
        status_code=405,
        headers={"Allow": "POST"},
    )
