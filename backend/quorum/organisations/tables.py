from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, Index, Text, func
from sqlmodel import Field, SQLModel


class OrganisationKind(str, enum.Enum):
    CCG = "CCG"
    AREA_TEAM = "AREA_TEAM"


class Organisation(SQLModel, table=True):
    """A tenant. Its own id is the org_id of everything it owns."""

    __tablename__ = "organisation"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    kind: OrganisationKind = Field(sa_type=Text)
    ods_code: str = Field(unique=True)
    name: str
    area_team_id: uuid.UUID | None = Field(default=None, foreign_key="organisation.id")
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()))


class Practice(SQLModel, table=True):
    """A GP practice: a member of exactly one CCG."""

    __tablename__ = "practice"
    __table_args__ = (Index("practice_id_idx", "id"),)

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ods_code: str = Field(unique=True)
    name: str
    list_size: int
    locality: str
