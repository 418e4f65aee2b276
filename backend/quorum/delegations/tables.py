from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, Column, DateTime, ForeignKeyConstraint, Text, Uuid, func
from sqlmodel import Field, SQLModel


class Delegation(SQLModel, table=True):
    """Functions the delegating organisation (org_id) gives a committee, for a time, under an agreement."""

    __tablename__ = "delegation"
    __table_args__ = (
        ForeignKeyConstraint(["receiving_org_id", "receiving_committee_id"], ["committee.org_id", "committee.id"]),
        ForeignKeyConstraint(["org_id", "agreement_file_id"], ["stored_file.org_id", "stored_file.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    receiving_org_id: uuid.UUID
    receiving_committee_id: uuid.UUID
    functions: list[str] = Field(sa_column=Column(ARRAY(Text), nullable=False))
    scope_ccg_ids: list[uuid.UUID] = Field(sa_column=Column(ARRAY(Uuid), nullable=False))
    valid_from: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    valid_to: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    agreement_file_id: uuid.UUID | None = None
    recorded_by: uuid.UUID = Field(foreign_key="person.id")
    recorded_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    revoked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    revoked_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    revocation_reason: str | None = None

    def is_live_at(self, moment: datetime) -> bool:
        if self.revoked_at is not None and self.revoked_at <= moment:
            return False
        return self.valid_from <= moment < self.valid_to
