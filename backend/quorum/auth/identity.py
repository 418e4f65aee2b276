"""Who a request says it comes from, and how their statements run with that caller's access applied."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import asyncpg
from asyncpg.pool import PoolConnectionProxy
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse

from quorum import access, clock, limits
from quorum.auth import known_callers, sessions, tokens
from quorum.database import Db, StatementPool, app_engine, count_statement, is_unavailable, statement_pool, write_pool

T = TypeVar("T")


class Refused(Exception):
    def __init__(self, status_code: int, message: str, headers: dict[str, str] | None = None):
        self.response = JSONResponse({"errors": [{"message": message}]}, status_code=status_code, headers=headers)


@dataclass(frozen=True)
class Identity:
    token: tokens.BearerToken | None = None  # from a bearer token, checked against revocations in the database
    sign_in: uuid.UUID | None = None  # from the session cookie, checked against the database
    acting_as: uuid.UUID | None = None  # the server's own work for a person (seed data, benchmarks), never a request

    @classmethod
    def of_person(cls, person_id: uuid.UUID) -> Identity:
        return cls(acting_as=person_id)

    @property
    def person_id(self) -> uuid.UUID | None:
        return self.token.person_id if self.token else self.acting_as

    @property
    def _token(self) -> tuple[uuid.UUID, Any] | None:
        return (self.token.token_id, self.token.issued_at) if self.token else None

    @property
    def key(self) -> known_callers.Key | None:
        return known_callers.key_for(self.person_id, self.sign_in, self._token)

    async def decide(self, fetch: known_callers.Fetch) -> known_callers.Known:
        try:
            return await known_callers.decide(fetch, self.key, clock.now(), self.person_id, self.sign_in, self._token)
        except access.TokenRevoked:
            raise Refused(401, "The bearer token has been revoked.", {"WWW-Authenticate": "Bearer"}) from None


def caller(request: Request, *, changes_state: bool) -> Identity:
    """Refuses bad tokens, and cookie-authenticated requests that change state without the CSRF header."""
    authorization = request.headers.get("authorization")
    if authorization is not None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Refused(401, "Send the token as 'Authorization: Bearer <token>'.", {"WWW-Authenticate": "Bearer"})
        try:
            bearer = tokens.verify(token.strip())
        except tokens.InvalidToken:
            raise Refused(401, "The bearer token is invalid or has expired.", {"WWW-Authenticate": "Bearer"}) from None
        try:
            limits.TOKEN_USE.check(str(bearer.person_id))
        except limits.RateLimited as limited:
            raise Refused(429, str(limited), {"Retry-After": str(limited.retry_after)}) from None
        return Identity(token=bearer)
    sign_in = sessions.session_id(request)
    if sign_in is not None and changes_state and not sessions.has_csrf_header(request):
        raise Refused(403, "Requests from a signed-in browser must send the X-Quorum-CSRF: 1 header.")
    return Identity(sign_in=sign_in)


@asynccontextmanager
async def transaction_for(identity: Identity) -> AsyncIterator[tuple[Db, access.Access]]:
    """One transaction with the caller's access applied; commits unless the block raises.

    The pool does not ping a connection before lending it: when the first statement finds the connection
    dead (the server restarted since), the transaction starts again once on a fresh one.
    """
    async with AsyncExitStack() as stack:
        for attempt in (1, 2):
            begun = AsyncExitStack()
            try:
                conn = await begun.enter_async_context(app_engine().connect())
                await begun.enter_async_context(conn.begin())
                caller_access = await _establish(conn, identity)
            except BaseException as error:
                again = attempt == 1 and is_unavailable(error)
                try:
                    await begun.__aexit__(type(error), error, error.__traceback__)
                except Exception as closing:
                    if not (again and is_unavailable(closing)):
                        raise
                if not again:
                    raise
                continue
            stack.push_async_exit(begun)
            break
        db = Db(AsyncSession(bind=conn, expire_on_commit=False))
        try:
            yield db, caller_access
        finally:
            await db.settle()


async def _establish(conn: AsyncConnection, identity: Identity) -> access.Access:
    """Applies the caller's remembered access, checked against the epoch in the same statement, or decides it."""

    async def fetch(sql: str, *args: Any) -> Any:
        return (await conn.exec_driver_sql(sql, args)).first()

    known = known_callers.recall(identity.key, clock.now())
    if known is not None:
        epoch = (await fetch(known_callers.APPLY, known.settings))[0]
        if known.epoch is None or epoch == known.epoch:
            return known.access
    known = await identity.decide(fetch)
    await fetch(known_callers.APPLY, known.settings)
    return known.access


class Stale(Exception):
    """The access epoch moved since the caller's access was decided: decide it again."""


class _Connection:
    """A connection from a one-statement pool (quorum.database), taken at the first statement, each statement its
    own transaction (no BEGIN or COMMIT). The pool does not ping: a statement finding the connection dead is sent
    once more on a fresh one (reads, and the ballot vote, whose repeat writes nothing, so sending one twice is
    harmless)."""

    def __init__(self, pool: StatementPool) -> None:
        self.pool = pool
        self.conn: PoolConnectionProxy | None = None

    async def fetchrow(self, sql: str, *args: Any) -> Any:
        return await self._send("fetchrow", sql, args)

    async def records(self, sql: str, *args: Any) -> list[Any]:
        rows: list[Any] = await self._send("fetch", sql, args)
        return rows

    async def _send(self, method: str, sql: str, args: tuple[Any, ...]) -> Any:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = await self.pool.acquire()
            count_statement()
            try:
                return await getattr(self.conn, method)(sql, *args)
            except BaseException as error:
                if isinstance(error, asyncpg.PostgresError) and not is_unavailable(error):
                    raise  # a refused statement leaves the connection usable
                lost, self.conn = self.conn, None
                with suppress(asyncpg.InterfaceError):  # asyncpg has already given a closed one back to the pool
                    lost.terminate()  # lost, or cancelled half-way: the pool replaces it
                if attempt == 2 or not is_unavailable(error):
                    raise
        raise AssertionError("unreachable")

    async def close(self) -> None:
        if self.conn is not None:
            conn, self.conn = self.conn, None
            await self.pool.release(conn)


class OneStatement:
    """Runs each statement with the caller's settings applied by the statement itself, and checked against the
    access epoch read in that statement's snapshot. The settings end with the statement: `set_config(..., true)`
    is local to the statement's implicit transaction."""

    def __init__(self, connection: _Connection, known: known_callers.Known):
        self.connection = connection
        self.known = known

    async def records(self, sql: str, *args: Any) -> list[Any]:
        fresh, rows = await self.connection.fetchrow(_applying(sql), *args, self.known.settings, self.known.epoch)
        if not fresh:
            raise Stale
        return rows or []


_PARAMETER = re.compile(r"\$(\d+)")
_applied: dict[str, str] = {}


def _applying(sql: str) -> str:
    """`sql` run only when the epoch is still the caller's, after their settings are set (the subquery kept apart
    by OFFSET 0 is scanned before the CASE's subquery is evaluated); its rows come back as one array."""
    found = _applied.get(sql)
    if found is None:
        count = max((int(n) for n in _PARAMETER.findall(sql)), default=0)
        settings, epoch = f"${count + 1}::text[]", f"${count + 2}::bigint"
        found = _applied[sql] = (
            f"SELECT applied.fresh, CASE WHEN applied.fresh THEN (SELECT array_agg(r) FROM ({sql}) AS r) END"
            f" FROM (SELECT {known_callers.settings_sql(settings)},"
            f" {epoch} IS NULL OR current_access_epoch() = {epoch} AS fresh OFFSET 0) AS applied"
        )
    return found


async def one_statement(identity: Identity, read: Callable[[OneStatement, access.Access], Awaitable[T]]) -> T | None:
    """`read`'s answer, each of its statements applying the caller's access itself; None when the caller's access
    kept changing under it (the caller may then read in a transaction).

    A warm caller's read costs its statements alone; a caller not remembered, or whose access changed since,
    one more. An anonymous caller's settings are constant.
    """
    connection = _Connection(statement_pool)
    try:
        known = known_callers.recall(identity.key, clock.now())
        for _ in range(3):
            if known is None:
                known = await identity.decide(connection.fetchrow)
            try:
                return await read(OneStatement(connection, known), known.access)
            except Stale:
                known_callers.forget(identity.key)
                known = None
        return None
    finally:
        await connection.close()


@dataclass(frozen=True)
class Credentials:
    """Who a caller says they are, for a statement that checks it itself: the sign-in must be live and the person's,
    the bearer token unrevoked."""

    person_id: uuid.UUID
    sign_in: uuid.UUID | None
    token_id: uuid.UUID | None
    token_issued_at: datetime | None


async def checking_itself(identity: Identity, read: Callable[[_Connection, Credentials], Awaitable[T]]) -> T | None:
    """`read`'s answer from statements that check the caller themselves, with no access decided first; None for a
    caller with neither a sign-in nor a bearer token naming a person (the caller may then read in a transaction).

    A bearer token names its person. A sign-in's person is remembered from any decision about it (a sign-in never
    changes person); a sign-in not yet seen costs a decision first, one statement, which remembers it. Such
    statements write (a ballot vote), so they go through the one-statement writes' pool (quorum.database)."""
    if identity.token is None and identity.sign_in is None:
        return None
    connection = _Connection(write_pool)
    try:
        person = identity.person_id or known_callers.person_of(identity.key)
        if person is None:
            person = (await identity.decide(connection.fetchrow)).access.person_id
        if person is None:
            return None
        token = identity.token
        credentials = Credentials(
            person, identity.sign_in, token.token_id if token else None, token.issued_at if token else None
        )
        return await read(connection, credentials)
    finally:
        await connection.close()


def limit_sign_in(request: HTTPConnection) -> None:
    """Raises Refused(429) when this address has tried to sign in too often."""
    try:
        limits.SIGN_IN.check(request.client.host if request.client else "unknown")
    except limits.RateLimited as limited:
        raise Refused(429, str(limited), {"Retry-After": str(limited.retry_after)}) from None
