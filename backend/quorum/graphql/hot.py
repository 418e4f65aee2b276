"""Hot reads: the busiest pages' documents, answered with JSON that PostgreSQL builds in one statement.

A hot read is registered for one exact document (the frontend's, compared with whitespace collapsed)
and is a fixed SQL text, so asyncpg prepares it once per connection and PostgreSQL plans it once.
It runs with the caller's access applied, and reads the tables directly:
what the caller may see is decided by the row-level security policies, which state the same rules
as the services' `visible_*` statements (the schema's resolvers apply both). It skips graphql-core's
per-field execution, most of the cost of a large read. Its answer must be the one the schema gives:
tests compare the two for every kind of caller. It may decline (return None); the schema then answers.

A read registered with `one_statement=True` reads only through `records` and needs no transaction: each of its
statements applies the caller's access itself and is checked against the access epoch (quorum.auth.identity
`one_statement`), so a warm caller's read is one round trip. A read registered with `checks_its_caller=True` is
given the caller's credentials instead of their access, and its statements check them and apply what they need
themselves (quorum.auth.identity `checking_itself`): one round trip with no access decided. Other reads run in the
caller's transaction.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, cast

from quorum.access import Access
from quorum.auth.identity import Credentials
from quorum.database import Db


class Reader(Protocol):
    """What a one-statement read may use: rows from SQL (a `Db` is one too)."""

    async def records(self, sql: str, *args: Any) -> list[Any]: ...


HotRead = Callable[[Db, Access, dict[str, Any]], Awaitable[str | None]]
OneStatementRead = Callable[[Reader, Access, dict[str, Any]], Awaitable[str | None]]
SelfCheckingRead = Callable[[Reader, Credentials, dict[str, Any]], Awaitable[str | None]]

_reads: dict[str, tuple[str, HotRead]] = {}  # document -> (operation name, read)
_one_statement: set[HotRead] = set()
_checking_caller: set[HotRead] = set()


def normalise(document: str) -> str:
    return " ".join(document.split())


def hot_read(document: str, *, one_statement: bool = False, checks_its_caller: bool = False) -> Callable[[Any], Any]:
    operation = re.search(r"(?:query|mutation)\s+(\w+)", document)
    if operation is None:
        raise ValueError("A hot read's document names its operation.")

    def register(read: Any) -> Any:
        _reads[normalise(document)] = (operation.group(1), read)
        if one_statement:
            _one_statement.add(read)
        if checks_its_caller:
            _checking_caller.add(read)
        return read

    return register


def needs_no_transaction(read: HotRead) -> bool:
    return read in _one_statement or read in _checking_caller


def as_one_statement(read: HotRead) -> OneStatementRead:
    return cast(OneStatementRead, read)


def self_checking(read: HotRead) -> SelfCheckingRead | None:
    return cast(SelfCheckingRead, read) if read in _checking_caller else None


def registered(body: dict[str, Any]) -> HotRead | None:
    """The hot read for this request's document and operation, among those registered so far."""
    found = _reads.get(normalise(body["query"]))
    if found is None or body.get("operationName") not in (None, found[0]):
        return None
    return found[1]


# SQL for values formatted exactly as the schema's scalars serialise them.


def global_id(type_name: str, key: str) -> str:
    """ids.encode: unpadded base64url of "Type:uuid"."""
    assert type_name.isidentifier()
    return f"rtrim(translate(encode(convert_to('{type_name}:' || {key}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')"


def iso_datetime(moment: str) -> str:
    """datetime.isoformat() of the UTC datetime asyncpg returns: microseconds only when there are any."""
    utc = f"({moment} AT TIME ZONE 'UTC')"
    return (
        f"to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
        f" || CASE WHEN date_trunc('second', {moment}) = {moment} THEN '' ELSE to_char({utc}, '.US') END || '+00:00'"
    )
