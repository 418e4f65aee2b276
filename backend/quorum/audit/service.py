"""Writing audit entries. Every service that changes a governance record calls `record`."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import SQLModel

from quorum.access import Access
from quorum.audit.tables import AuditEntry
from quorum.database import Db


def snapshot(row: SQLModel | None) -> dict[str, Any] | None:
    return None if row is None else row.model_dump(mode="json")


async def record(
    db: Db,
    access: Access,
    action: str,
    entity: SQLModel,
    *,
    org_id: uuid.UUID | None,
    before: dict[str, Any] | None = None,
) -> None:
    await db.add(
        AuditEntry(
            org_id=org_id,
            actor_person_id=access.person_id,
            action=action,
            entity_type=type(entity).__name__,
            entity_id=getattr(entity, "id", None),
            before=before,
            after=snapshot(entity),
        ),
        refresh=False,
    )
