from __future__ import annotations

import enum
import uuid
from datetime import date

from sqlalchemy import ForeignKeyConstraint, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel


class PeriodKind(str, enum.Enum):
    MONTH = "MONTH"
    QUARTER = "QUARTER"
    YEAR = "YEAR"


class Indicator(SQLModel, table=True):
    """One measure a CCG follows across its practices (its definition is public)."""

    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("org_id", "code"), Index("indicator_id_idx", "id"))

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    code: str
    name: str
    unit: str = ""
    higher_is_better: bool = True


class IndicatorValue(SQLModel, table=True):
    """One practice's figure for one indicator and period."""

    __tablename__ = "indicator_value"
    __table_args__ = (
        UniqueConstraint("org_id", "indicator_id", "practice_id", "period_kind", "period_start"),
        ForeignKeyConstraint(["org_id", "indicator_id"], ["indicator.org_id", "indicator.id"]),
        ForeignKeyConstraint(["org_id", "practice_id"], ["practice.org_id", "practice.id"]),
        Index("indicator_value_id_idx", "id"),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    indicator_id: uuid.UUID
    practice_id: uuid.UUID
    period_kind: PeriodKind = Field(sa_type=String)
    period_start: date
    value: float
    numerator: float | None = None
    denominator: float | None = None
