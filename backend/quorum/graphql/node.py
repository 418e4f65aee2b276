"""The Relay Node interface, DataLoaders that fetch visible rows by id in one statement, and loading a node by id."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, ClassVar, Protocol, TypeVar

import strawberry
from strawberry.dataloader import DataLoader

from quorum.graphql.context import Context, Info

LoaderFactory = Callable[[Context], DataLoader[uuid.UUID, Any]]


@strawberry.interface(description="An entity with an opaque global ID, fetchable with node(id:).")
class Node:
    id: strawberry.ID


def by_id_loader(visible: Callable[[Any], Any], key: Any) -> LoaderFactory:
    """A loader factory: `visible(access)` is the domain policy's statement of what the caller may see."""

    def make(ctx: Context) -> DataLoader[uuid.UUID, Any]:
        async def load(ids: list[uuid.UUID]) -> list[Any]:
            rows = await ctx.db.all(visible(ctx.access).where(key.in_(ids)))
            found = {r.id: r for r in rows}
            return [found.get(i) for i in ids]

        return DataLoader(load_fn=load)

    return make


class Loadable(Protocol):
    loader: ClassVar[tuple[str, LoaderFactory]]  # (the request's loader name, its factory)

    @classmethod
    def from_row(cls, row: Any) -> Any: ...


N = TypeVar("N", bound=Loadable)


async def load_node(info: Info, node_type: type[N], key: uuid.UUID | None) -> N | None:
    """The node for the row with this key, if the caller may see it, through the request's one loader for its type."""
    if key is None:
        return None
    name, make = node_type.loader
    row = await info.context.loader(name, make).load(key)
    return None if row is None else node_type.from_row(row)


async def load_nodes(info: Info, node_type: type[N], keys: list[uuid.UUID]) -> list[N]:
    """The nodes for these keys that the caller may see, in the keys' order."""
    name, make = node_type.loader
    rows = await info.context.loader(name, make).load_many(keys)
    return [node_type.from_row(row) for row in rows if row is not None]
