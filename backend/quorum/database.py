"""Where the database is, and the two ways Quorum connects to it.

The owner connection (DATABASE_URL as given) runs migrations and the background worker, which reads across
organisations to decide who is told what (each kind of message names exactly who may know it).
The application connects as APP_ROLE, which owns no table, so row-level
security applies to every statement it sends.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any, TypeVar, cast

import asyncpg
from asyncpg.pool import PoolConnectionProxy
from sqlalchemy import event, or_
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from quorum.config import Settings, get_settings

APP_ROLE = "quorum_app"
EMBEDDED_DATABASE = "quorum"

log = logging.getLogger(__name__)
T = TypeVar("T")


def owner_url(settings: Settings | None = None) -> URL:
    """The owner's URL, starting the embedded server when DATABASE_URL is unset."""
    settings = settings or get_settings()
    if settings.database_url:
        return make_url(settings.database_url).set(drivername="postgresql+asyncpg")
    url = start_embedded_server(settings)
    # Later calls, and child processes (uvicorn workers, the test server), find the same server.
    os.environ["DATABASE_URL"] = url.render_as_string(hide_password=False)
    get_settings.cache_clear()
    return url


def app_url(settings: Settings | None = None) -> URL:
    settings = settings or get_settings()
    return owner_url(settings).set(username=APP_ROLE, password=settings.app_database_password)


def start_embedded_server(settings: Settings) -> URL:
    from quorum import embedded_server

    server = embedded_server.start(settings.data_dir)
    asyncio.run(create_database_if_missing(server, EMBEDDED_DATABASE))
    return server.set(database=EMBEDDED_DATABASE)


async def create_database_if_missing(server: URL, name: str) -> None:
    conn = await asyncpg.connect(**connect_kwargs(server.set(database="postgres")))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


def connect_kwargs(url: URL) -> dict[str, Any]:
    """asyncpg.connect arguments for a SQLAlchemy URL (socket paths included)."""
    kwargs: dict[str, Any] = {"user": url.username, "password": url.password, "database": url.database}
    host = url.query.get("host") or url.host
    kwargs["host"] = host
    if url.port:
        kwargs["port"] = url.port
    return {k: v for k, v in kwargs.items() if v is not None}


_statements: ContextVar[list[int] | None] = ContextVar("statements", default=None)


@contextmanager
def counting_statements() -> Iterator[list[int]]:
    """Counts the SQL statements sent while inside; read counted[0] afterwards."""
    counted = [0]
    token = _statements.set(counted)
    try:
        yield counted
    finally:
        _statements.reset(token)


def count_statement(*_: Any) -> None:
    counted = _statements.get()
    if counted is not None:
        counted[0] += 1


@cache
def app_engine() -> AsyncEngine:
    # One engine per process; uvicorn workers each build their own. No pre-ping (a round trip per checkout): the
    # callers send a statement that finds its connection dead once more on a fresh one (quorum.auth.identity).
    # No JIT: the app's statements are short reads, and compiling a large one (a search's ten branches under their
    # policies) took seconds that it never repaid.
    engine = create_async_engine(
        app_url(), pool_size=10, max_overflow=10, connect_args={"server_settings": {"jit": "off"}}
    )
    event.listen(engine.sync_engine, "before_cursor_execute", count_statement)
    return engine


# The one-statement reads' own asyncpg pool (quorum.auth.identity): a statement there needs no transaction, and
# checking an asyncpg connection out of asyncpg's pool and back costs about a third of SQLAlchemy's. Bounded per
# worker and kept open between requests (the SQLAlchemy pool's overflow opened and closed a connection for every
# request past its tenth). The same role, URL, statement counting and no JIT as app_engine().
# Four, because these statements keep the database's CPU busy for all of their time: more connections than it has
# cores to run them only make it switch between them; a request waits its turn in the worker instead.
STATEMENT_CONNECTIONS = 4
# One-statement writes (a ballot vote, quorum.auth.identity `checking_itself`) have a pool of their own, of one
# connection a worker: votes contend for the same ballot's rows and index pages and each waits for its commit to
# be flushed, so several at a time cost PostgreSQL more CPU each (a thousand votes at once, bench/ballots.py, two
# workers on two cores: 0.8 to 1.0 s of PostgreSQL's CPU from one connection a worker, 1.2 to 1.3 s from four).
WRITE_CONNECTIONS = 1
STATEMENT_POOL_SECONDS = 30  # as SQLAlchemy's pool: waiting longer for a connection is answered 503


class StatementPool:
    """A lazily created asyncpg pool, one per worker's event loop; `warm` at start and `close` at shutdown (the
    app's lifespan).

    Its connections stay open however long they idle: a thousand votes after a quiet hour should not wait for
    connections to be made (asyncpg closes one idle for five minutes unless told not to). It does not ping a
    connection before lending it, and resets nothing on its return: its statements set only transaction-local
    settings (`set_config(..., true)`), which end with the statement's implicit transaction."""

    def __init__(self, size: int = STATEMENT_CONNECTIONS) -> None:
        self.size = size
        self._pool: asyncpg.Pool | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._starting: asyncio.Future[asyncpg.Pool] | None = None

    async def acquire(self) -> PoolConnectionProxy:
        pool = self._pool
        if pool is None or self._loop is not asyncio.get_running_loop():
            pool = await self._start()
        try:
            async with asyncio.timeout(STATEMENT_POOL_SECONDS):
                return await pool.acquire()
        except TimeoutError:
            raise PoolTimeout(f"No connection came free within {STATEMENT_POOL_SECONDS} s.") from None

    async def warm(self) -> None:
        """Open every connection now, before requests need them. One that cannot be opened is left for a request to
        open, which then answers for the failure as it always has."""
        opened = await asyncio.gather(*(self.acquire() for _ in range(self.size)), return_exceptions=True)
        for connection in opened:
            if not isinstance(connection, BaseException):
                await self.release(connection)

    async def release(self, connection: PoolConnectionProxy) -> None:
        if self._pool is not None and self._loop is asyncio.get_running_loop():
            await self._pool.release(connection)
        else:  # its pool was closed, or belonged to another event loop
            connection.terminate()

    async def _start(self) -> asyncpg.Pool:
        loop = asyncio.get_running_loop()
        if self._starting is None or self._loop is not loop:
            self._pool, self._loop = None, loop
            self._starting = starting = loop.create_future()
            try:
                pool = await asyncpg.create_pool(
                    **connect_kwargs(app_url()),
                    min_size=0,
                    max_size=self.size,
                    max_inactive_connection_lifetime=0,
                    server_settings={"jit": "off"},
                    init=_json_as_sqlalchemy_reads_it,
                    reset=_nothing_to_reset,
                )
            except BaseException as error:
                self._starting = None
                starting.set_exception(error)
                starting.exception()  # retrieved: whoever awaits it sees it too
                raise
            self._pool = pool
            starting.set_result(pool)
            return pool
        return await asyncio.shield(self._starting)

    async def close(self) -> None:
        pool, self._pool, self._starting, self._loop = self._pool, None, None, None
        if pool is not None:
            await pool.close()


async def _json_as_sqlalchemy_reads_it(connection: asyncpg.Connection) -> None:
    """json and jsonb decoded to Python values, as SQLAlchemy's asyncpg dialect sets up its connections."""
    await connection.set_type_codec(
        "json", encoder=str.encode, decoder=lambda b: json.loads(b.decode()), schema="pg_catalog", format="binary"
    )
    await connection.set_type_codec(
        "jsonb",
        encoder=lambda s: b"\x01" + s.encode(),
        decoder=lambda b: json.loads(b[1:].decode()),
        schema="pg_catalog",
        format="binary",
    )


async def _nothing_to_reset(connection: asyncpg.Connection) -> None:
    """asyncpg's own reset (RESET ALL, UNLISTEN *, ...) is a round trip per request; nothing here needs it (an
    open transaction is still rolled back by asyncpg itself)."""


statement_pool = StatementPool()
write_pool = StatementPool(WRITE_CONNECTIONS)


@cache
def worker_engine() -> AsyncEngine:
    """The background worker's connections, as the owner: row-level security does not apply to them."""
    return create_async_engine(owner_url(), pool_size=5, max_overflow=5, pool_pre_ping=True)


@asynccontextmanager
async def worker_transaction() -> AsyncIterator[Db]:
    """One transaction as the owner, for the worker; commits unless the block raises."""
    async with worker_engine().connect() as conn:
        async with conn.begin():
            db = Db(AsyncSession(bind=conn, expire_on_commit=False))
            try:
                yield db
            finally:
                await db.settle()


# How the socket and asyncpg say the server went away or is not taking connections, rather than that a statement
# was refused. After a connection is lost mid-statement, asyncpg reports the next statements sent on it as
# interface or internal client errors ("connection is closed", "cannot switch to state ...").
_DATABASE_AWAY = (
    ConnectionError,
    TimeoutError,
    socket.gaierror,
    PoolTimeout,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.TooManyConnectionsError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
)


def is_unavailable(error: BaseException | None) -> bool:
    """Whether `error`, or what caused it, means the database could not be reached or the connection was lost."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, _DATABASE_AWAY) or getattr(error, "connection_invalidated", False):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


async def set_app_role_password(owner: URL, password: str) -> None:
    conn = await asyncpg.connect(**connect_kwargs(owner))
    try:
        quoted = await conn.fetchval("SELECT quote_literal($1)", password)
        await conn.execute(f"ALTER ROLE {APP_ROLE} PASSWORD {quoted}")
    finally:
        await conn.close()


class Db:
    """The request's one transaction. Resolvers run concurrently; statements must not.

    Each statement is shielded: when GraphQL abandons sibling fields after an error, a statement
    already sent finishes rather than being cancelled half-way, which would poison the transaction.
    """

    def __init__(self, session: AsyncSession):
        self.session = session
        self._lock = asyncio.Lock()
        self._pending: set[asyncio.Task[Any]] = set()

    async def _serially(self, operation: Callable[[], Awaitable[T]]) -> T:
        async def run() -> T:
            async with self._lock:
                return await operation()

        task = asyncio.ensure_future(run())
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)
        return await asyncio.shield(task)

    async def settle(self) -> None:
        """Wait for statements still running (abandoned by their resolvers) before the transaction ends."""
        while self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)

    async def all(self, statement: Any) -> list[Any]:
        return await self._serially(lambda: self._all(statement))

    async def _all(self, statement: Any) -> list[Any]:
        return list((await self.session.exec(statement)).all())

    async def first(self, statement: Any) -> Any:
        return await self._serially(lambda: self._first(statement))

    async def _first(self, statement: Any) -> Any:
        return (await self.session.exec(statement)).first()

    async def scalar(self, statement: Any) -> Any:
        return await self._serially(lambda: self.session.scalar(statement))

    async def records(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        """Rows straight from asyncpg, skipping SQLAlchemy's row handling: for reports reading many plain values."""
        async with self._lock:
            connection = await (await self.session.connection()).get_raw_connection()
            count_statement()
            # SQLAlchemy types the driver connection loosely (None once detached); a checked-out one is asyncpg's.
            driver = cast("asyncpg.Connection[asyncpg.Record]", connection.driver_connection)
            return await driver.fetch(sql, *args)

    async def execute(self, statement: Any, parameters: dict[str, Any] | None = None) -> None:
        async def run() -> None:
            await (await self.session.connection()).execute(statement, parameters)

        await self._serially(run)

    async def add(self, row: T, *, refresh: bool = True) -> T:
        """Insert or update `row` now; an IntegrityError leaves the transaction usable."""

        async def run() -> T:
            savepoint = await self.session.begin_nested()
            try:
                self.session.add(row)
                await self.session.flush()
            except IntegrityError:
                await savepoint.rollback()
                raise
            await savepoint.commit()
            if refresh:
                await self.session.refresh(row)
            return row

        return await self._serially(run)

    async def flush(self) -> None:
        await self._serially(self.session.flush)


def matching(statement: Any, *columns: Any, text: str | None) -> Any:
    """Narrow `statement` to rows where any of `columns` contains `text` (case-insensitive)."""
    if not text or not text.strip():
        return statement
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return statement.where(or_(*(c.ilike(f"%{escaped}%") for c in columns)))
