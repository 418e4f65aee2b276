from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import ARRAY, Column, DateTime, ForeignKeyConstraint, String, Text, func
from sqlmodel import Field, SQLModel


class ContractType(str, enum.Enum):
    GMS = "GMS"
    PMS = "PMS"
    APMS = "APMS"


class PrimaryCareContract(SQLModel, table=True):
    """The area team's (org_id) record of one practice's contract."""

    __tablename__ = "primary_care_contract"
    __table_args__ = (ForeignKeyConstraint(["practice_org_id", "practice_id"], ["practice.org_id", "practice.id"]),)

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    practice_org_id: uuid.UUID
    practice_id: uuid.UUID = Field(unique=True)
    contract_type: ContractType = Field(sa_type=String)
    start_date: date
    enhanced_services: list[str] = Field(default_factory=list, sa_column=Column(ARRAY(Text), nullable=False))
    notes: str = ""
    updated_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
