"""Cursor connections with keyset pagination: a page costs two statements however deep it is."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import func, literal, select, tuple_
from sqlalchemy.orm import QueryableAttribute

from quorum.database import Db
from quorum.errors import ClientError

T = TypeVar("T")
MAX_PAGE = 100

# The model's attributes (Meeting.starts_at): a row's value for each is read back by the attribute's name.
Key = QueryableAttribute[Any]


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps([str(v) for v in values]).encode()).decode()


def decode_cursor(cursor: str, keys: Sequence[Key]) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if not isinstance(values, list) or len(values) != len(keys):
            raise ValueError
        return [_parse(key.type.python_type, v) for key, v in zip(keys, values)]
    except (binascii.Error, UnicodeError, ValueError, TypeError):
        raise ClientError("The 'after' cursor is not one this list gave out.") from None


def _parse(kind: type, text: str) -> Any:
    if not isinstance(text, str):
        raise TypeError
    if kind in (datetime, date):  # written by str(): "2026-12-01 18:00:00+00:00"
        return kind.fromisoformat(text)
    return kind(text)


async def paginate(
    db: Db,
    statement: Any,
    keys: Sequence[Key],
    first: int,
    after: str | None,
    to_node: Callable[[Any], T],
    *,
    descending: bool = False,
) -> Connection[T]:
    """Page through a one-model `statement` ordered by `keys` of that model, unique together (newest first when
    `descending`)."""
    if not 1 <= first <= MAX_PAGE:
        raise ClientError(f"'first' must be between 1 and {MAX_PAGE}.")
    total = await db.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    page = statement.order_by(*(key.desc() if descending else key for key in keys)).limit(first + 1)
    if after is not None:
        values = decode_cursor(after, keys)
        cursor = tuple_(*[literal(v, k.type) for k, v in zip(keys, values)])
        page = page.where(tuple_(*keys) < cursor if descending else tuple_(*keys) > cursor)
    rows = await db.all(page)
    edges = [Edge(cursor=encode_cursor(_key_values(row, keys)), node=to_node(row)) for row in rows[:first]]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > first,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )


def _key_values(row: Any, keys: Sequence[Key]) -> list[Any]:
    return [getattr(row, key.key) for key in keys]
