from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Identity, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class AuditEntry(SQLModel, table=True):
    """One write. The database refuses UPDATE, DELETE and TRUNCATE on this table."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, sa_column=Column(BigInteger, Identity(always=True), primary_key=True))
    org_id: uuid.UUID | None = Field(default=None, foreign_key="organisation.id")
    at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    actor_person_id: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    action: str
    entity_type: str
    entity_id: uuid.UUID | None = None
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB(none_as_null=True)))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB(none_as_null=True)))
