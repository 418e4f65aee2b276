from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Identity, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class DomainEvent(SQLModel, table=True):
    """Something that happened, written by the service that made it happen and read only by the notification
    worker (which decides who is told). The application may insert as itself and read nothing back."""

    __tablename__ = "domain_event"

    id: int | None = Field(default=None, sa_column=Column(BigInteger, Identity(always=True), primary_key=True))
    org_id: uuid.UUID | None = Field(default=None, foreign_key="organisation.id")
    kind: str
    subject_id: uuid.UUID | None = None
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    recorded_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    occurred_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    dispatched_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
