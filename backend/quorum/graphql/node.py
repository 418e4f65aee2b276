"""The Relay Node interface, and DataLoaders that fetch visible rows by id in one statement."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import strawberry
from strawberry.dataloader import DataLoader

from quorum.graphql.context import Context


@strawberry.interface(description="An entity with an opaque global ID, fetchable with node(id:).")
class Node:
    id: strawberry.ID


def by_id_loader(visible: Callable[[Any], Any], key: Any) -> Callable[[Context], DataLoader]:
    """A loader factory: `visible(access)` is the service's statement of what the caller may see."""

    def make(ctx: Context) -> DataLoader:
        async def load(ids: list[uuid.UUID]) -> list[Any]:
            rows = await ctx.db.all(visible(ctx.access).where(key.in_(ids)))
            found = {r.id: r for r in rows}
            return [found.get(i) for i in ids]

        return DataLoader(load_fn=load)

    return make
