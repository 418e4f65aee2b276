"""Writing audit entries. Every service that changes a governance record calls `record`."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import text
from sqlmodel import SQLModel

from quorum.access import Access
from quorum.database import Db

# Plain SQL: the ORM would ask for the new id back (RETURNING), which the read
# policy may not allow the writer to see.
_INSERT = text(
    "INSERT INTO audit_entry (org_id, actor_person_id, action, entity_type, entity_id, before, after)"
    " VALUES (:org_id, :actor, :action, :entity_type, :entity_id, CAST(:before AS jsonb), CAST(:after AS jsonb))"
)


def snapshot(row: SQLModel | None) -> dict[str, Any] | None:
    return None if row is None else row.model_dump(mode="json", warnings=False)


async def record(
    db: Db,
    access: Access,
    action: str,
    entity: SQLModel,
    *,
    org_id: uuid.UUID | None,
    before: dict[str, Any] | None = None,
    removed: bool = False,
) -> None:
    await db.execute(
        _INSERT,
        {
            "org_id": org_id,
            "actor": access.person_id,
            "action": action,
            "entity_type": type(entity).__name__,
            "entity_id": getattr(entity, "id", None),
            "before": None if before is None else json.dumps(before),
            "after": None if removed else json.dumps(snapshot(entity)),
        },
    )


async def record_removal(db: Db, access: Access, action: str, entity: SQLModel, *, org_id: uuid.UUID | None) -> None:
    """A row removed (a record entered by mistake): the entry keeps what it held, and nothing after."""
    await db.execute(
        _INSERT,
        {
            "org_id": org_id,
            "actor": access.person_id,
            "action": action,
            "entity_type": type(entity).__name__,
            "entity_id": getattr(entity, "id", None),
            "before": json.dumps(snapshot(entity)),
            "after": None,
        },
    )
