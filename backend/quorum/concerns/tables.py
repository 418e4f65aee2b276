from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Column, DateTime, ForeignKeyConstraint, String, func
from sqlmodel import Field, SQLModel


class ProviderType(str, enum.Enum):
    TRUST = "TRUST"
    COMMUNITY_PROVIDER = "COMMUNITY_PROVIDER"
    INDEPENDENT_SECTOR = "INDEPENDENT_SECTOR"


class ConcernSource(str, enum.Enum):
    COMPLAINT = "COMPLAINT"
    SERIOUS_INCIDENT = "SERIOUS_INCIDENT"
    PATIENT_SURVEY = "PATIENT_SURVEY"
    CQC_INSPECTION = "CQC_INSPECTION"
    WHISTLEBLOWING = "WHISTLEBLOWING"
    DATA = "DATA"


class ConcernCategory(str, enum.Enum):
    SAFETY = "SAFETY"
    EFFECTIVENESS = "EFFECTIVENESS"
    EXPERIENCE = "EXPERIENCE"
    WELL_LED = "WELL_LED"


class StepDirection(str, enum.Enum):
    LOGGED = "LOGGED"
    UP = "UP"
    DOWN = "DOWN"


def _now_column() -> Column:  # type: ignore[type-arg]
    return Column(DateTime(timezone=True), nullable=False, server_default=func.now())


class LadderStep(SQLModel, table=True):
    """One rung of an organisation's escalation ladder; position 1 is the lowest."""

    __tablename__ = "concern_ladder_step"

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    position: int
    name: str
    description: str = ""


class Concern(SQLModel, table=True):
    """A quality concern about a member practice or a named provider, held by its CCG (org_id)."""

    __tablename__ = "concern"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "practice_id"], ["practice.org_id", "practice.id"]),
        ForeignKeyConstraint(["org_id", "current_step_id"], ["concern_ladder_step.org_id", "concern_ladder_step.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    practice_id: uuid.UUID | None = None
    provider_name: str | None = None
    provider_type: ProviderType | None = Field(default=None, sa_type=String)
    source: ConcernSource = Field(sa_type=String)
    category: ConcernCategory = Field(sa_type=String)
    title: str
    summary: str
    owner_id: uuid.UUID = Field(foreign_key="person.id")
    review_date: date
    current_step_id: uuid.UUID
    escalated_to_nhs_england: bool = False
    logged_by: uuid.UUID = Field(foreign_key="person.id")
    logged_at: datetime | None = Field(default=None, sa_column=_now_column())
    closed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class ConcernStepChange(SQLModel, table=True):
    """A move on the ladder (or the first step, when logged): who decided, why, and what happens next."""

    __tablename__ = "concern_step_change"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "concern_id"], ["concern.org_id", "concern.id"]),
        ForeignKeyConstraint(["org_id", "from_step_id"], ["concern_ladder_step.org_id", "concern_ladder_step.id"]),
        ForeignKeyConstraint(["org_id", "to_step_id"], ["concern_ladder_step.org_id", "concern_ladder_step.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    concern_id: uuid.UUID
    from_step_id: uuid.UUID | None = None
    to_step_id: uuid.UUID
    direction: StepDirection = Field(sa_type=String)
    decided_by: uuid.UUID = Field(foreign_key="person.id")
    reason: str
    next_steps: str
    decided_at: datetime | None = Field(default=None, sa_column=_now_column())


class ConcernEvidence(SQLModel, table=True):
    """A file of evidence for a concern, uploaded and checked as every upload is."""

    __tablename__ = "concern_evidence"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "concern_id"], ["concern.org_id", "concern.id"]),
        ForeignKeyConstraint(["org_id", "file_id"], ["stored_file.org_id", "stored_file.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    concern_id: uuid.UUID
    file_id: uuid.UUID
    description: str = ""
    added_by: uuid.UUID = Field(foreign_key="person.id")
    added_at: datetime | None = Field(default=None, sa_column=_now_column())


class ConcernAgendaItem(SQLModel, table=True):
    """A concern put on a committee's agenda: the item (in the meeting's organisation) and its paper."""

    __tablename__ = "concern_agenda_item"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "concern_id"], ["concern.org_id", "concern.id"]),
        ForeignKeyConstraint(["item_org_id", "item_id"], ["agenda_item.org_id", "agenda_item.id"]),
        ForeignKeyConstraint(["item_org_id", "paper_id"], ["paper.org_id", "paper.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    concern_id: uuid.UUID
    item_org_id: uuid.UUID
    item_id: uuid.UUID
    paper_id: uuid.UUID
    added_by: uuid.UUID = Field(foreign_key="person.id")
    added_at: datetime | None = Field(default=None, sa_column=_now_column())
