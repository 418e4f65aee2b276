from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, DateTime, ForeignKeyConstraint, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class CommitteeKind(str, enum.Enum):
    GOVERNING_BODY = "GOVERNING_BODY"
    COUNCIL_OF_MEMBERS = "COUNCIL_OF_MEMBERS"
    AUDIT = "AUDIT"
    QUALITY = "QUALITY"
    REMUNERATION = "REMUNERATION"
    PRIMARY_CARE_COMMISSIONING = "PRIMARY_CARE_COMMISSIONING"
    JOINT_COMMITTEE = "JOINT_COMMITTEE"
    OTHER = "OTHER"


class CoCommissioningLevel(str, enum.Enum):
    JOINT = "JOINT"
    DELEGATED = "DELEGATED"


class SeatRole(str, enum.Enum):
    CHAIR = "CHAIR"
    VICE_CHAIR = "VICE_CHAIR"
    MEMBER = "MEMBER"
    IN_ATTENDANCE = "IN_ATTENDANCE"


class MemberCategory(str, enum.Enum):
    GP = "GP"
    LAY_MEMBER = "LAY_MEMBER"
    EXECUTIVE = "EXECUTIVE"
    NURSE = "NURSE"
    SECONDARY_CARE_DOCTOR = "SECONDARY_CARE_DOCTOR"
    NHS_ENGLAND = "NHS_ENGLAND"
    HEALTHWATCH = "HEALTHWATCH"
    HWB = "HWB"
    LMC = "LMC"
    OTHER = "OTHER"


class Office(str, enum.Enum):
    """The office a seat holder sits in, as terms of reference name it. Chair and vice chair are the seat's role."""

    ACCOUNTABLE_OFFICER = "ACCOUNTABLE_OFFICER"
    CHIEF_FINANCE_OFFICER = "CHIEF_FINANCE_OFFICER"
    DIRECTOR_OF_NURSING = "DIRECTOR_OF_NURSING"
    DIRECTOR_OF_COMMISSIONING = "DIRECTOR_OF_COMMISSIONING"
    DIRECTOR_OF_PUBLIC_HEALTH = "DIRECTOR_OF_PUBLIC_HEALTH"
    MEDICAL_DIRECTOR = "MEDICAL_DIRECTOR"
    CLINICAL_LEAD = "CLINICAL_LEAD"
    LAY_MEMBER_GOVERNANCE = "LAY_MEMBER_GOVERNANCE"
    LAY_MEMBER_PATIENT_INVOLVEMENT = "LAY_MEMBER_PATIENT_INVOLVEMENT"
    REGISTERED_NURSE = "REGISTERED_NURSE"
    SECONDARY_CARE_SPECIALIST = "SECONDARY_CARE_SPECIALIST"
    AREA_TEAM_DIRECTOR = "AREA_TEAM_DIRECTOR"
    LMC_REPRESENTATIVE = "LMC_REPRESENTATIVE"
    HEALTHWATCH_REPRESENTATIVE = "HEALTHWATCH_REPRESENTATIVE"
    HWB_REPRESENTATIVE = "HWB_REPRESENTATIVE"
    LOCAL_AUTHORITY_REPRESENTATIVE = "LOCAL_AUTHORITY_REPRESENTATIVE"


class Committee(SQLModel, table=True):
    """A committee of its host organisation (org_id). A joint committee also has parties."""

    __tablename__ = "committee"
    __table_args__ = (ForeignKeyConstraint(["org_id", "terms_file_id"], ["stored_file.org_id", "stored_file.id"]),)

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    kind: CommitteeKind = Field(sa_type=String)
    name: str
    terms_summary: str = ""
    terms_file_id: uuid.UUID | None = None
    is_joint: bool = False
    co_commissioning_level: CoCommissioningLevel | None = Field(default=None, sa_type=String)
    party_officers_may_view: bool = True
    quorum_rule: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    agenda_template: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class CommitteeParty(SQLModel, table=True):
    """An organisation that is a party to a joint committee (the host is one too)."""

    __tablename__ = "committee_party"
    __table_args__ = (ForeignKeyConstraint(["org_id", "committee_id"], ["committee.org_id", "committee.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    committee_id: uuid.UUID = Field(primary_key=True)
    party_org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")


class Seat(SQLModel, table=True):
    """A person's place on a committee between two dates; ended seats are kept as history."""

    __tablename__ = "seat"
    __table_args__ = (ForeignKeyConstraint(["org_id", "committee_id"], ["committee.org_id", "committee.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    committee_id: uuid.UUID
    person_id: uuid.UUID = Field(foreign_key="person.id")
    party_org_id: uuid.UUID = Field(foreign_key="organisation.id")  # the organisation the member represents
    role: SeatRole = Field(sa_type=String)
    voting: bool
    category: MemberCategory = Field(sa_type=String)
    office: Office | None = Field(default=None, sa_type=String)
    valid_from: date
    valid_to: date | None = None
    entered_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now())
    )  # null for seats entered before it was kept; a seat is withdrawn only on the day it was entered

    def is_active_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
