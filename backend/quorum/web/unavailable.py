"""The answer, from every route, while the database cannot be reached: a 503 with a sentence and Retry-After."""

from __future__ import annotations

import logging

import asyncpg
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from quorum.database import is_unavailable

MESSAGE = "The database is unavailable just now; try again in a moment."
log = logging.getLogger(__name__)


def unavailable_response() -> JSONResponse:
    return JSONResponse({"errors": [{"message": MESSAGE}]}, status_code=503, headers={"Retry-After": "1"})


async def database_unavailable(request: Request, error: Exception) -> Response:
    """Starlette's handler for database errors escaping a route: a lost database is a 503, anything else
    re-raised (a 500)."""
    if request.scope["type"] != "http" or not is_unavailable(error):
        raise error
    log.error("database unavailable during %s %s: %s", request.method, request.url.path, error)
    return unavailable_response()


# The exception classes a lost database surfaces as, for Starlette's exception_handlers.
HANDLED = (OSError, PoolTimeout, DBAPIError, asyncpg.PostgresError, asyncpg.InterfaceError, asyncpg.InternalClientError)
