from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import ARRAY, Column, DateTime, ForeignKeyConstraint, String, Uuid, func
from sqlmodel import Field, SQLModel


class InterestCategory(str, enum.Enum):
    FINANCIAL = "FINANCIAL"
    NON_FINANCIAL_PROFESSIONAL = "NON_FINANCIAL_PROFESSIONAL"
    NON_FINANCIAL_PERSONAL = "NON_FINANCIAL_PERSONAL"
    INDIRECT = "INDIRECT"


class InterestStatus(str, enum.Enum):
    PENDING = "PENDING"  # declared at a meeting; the register's keeper has yet to confirm it
    CONFIRMED = "CONFIRMED"
    REJECTED = "REJECTED"


class Interest(SQLModel, table=True):
    """An entry in an organisation's register of interests."""

    __tablename__ = "interest"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "person_id"], ["person_registration.org_id", "person_registration.person_id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    person_id: uuid.UUID = Field(foreign_key="person.id")
    category: InterestCategory = Field(sa_type=String)
    description: str
    concerns_org_ids: list[uuid.UUID] = Field(default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False))
    concerns_practice_ids: list[uuid.UUID] = Field(default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False))
    valid_from: date
    valid_to: date | None = None
    action_taken: str = ""
    became_aware_on: date
    declared_on: date
    withheld: bool = False  # kept from the published register in exceptional circumstances
    status: InterestStatus = Field(default=InterestStatus.CONFIRMED, sa_type=String)
    source_declaration_id: uuid.UUID | None = None  # declared at a meeting: pending until the keeper confirms it
    reviewed_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    reviewed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    review_note: str = ""
    recorded_by: uuid.UUID = Field(foreign_key="person.id")
    recorded_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )

    def is_current_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class GiftApprover(SQLModel, table=True):
    """Someone the organisation designates to approve gifts and hospitality (never their own)."""

    __tablename__ = "gift_approver"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "person_id"], ["person_registration.org_id", "person_registration.person_id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    person_id: uuid.UUID = Field(primary_key=True, foreign_key="person.id")
    designated_by: uuid.UUID = Field(foreign_key="person.id")
    designated_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class InterestReview(SQLModel, table=True):
    """A person's confirmation that their entries are complete and current (a nil return if they have none)."""

    __tablename__ = "interest_review"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "person_id"], ["person_registration.org_id", "person_registration.person_id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    person_id: uuid.UUID = Field(foreign_key="person.id")
    reviewed_on: date
    nil_return: bool = False
    recorded_by: uuid.UUID = Field(foreign_key="person.id")
    recorded_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class GiftChange(str, enum.Enum):
    APPROVED = "APPROVED"
    RETURNED = "RETURNED"
    DECLINED = "DECLINED"


class GiftOrHospitalityUpdate(SQLModel, table=True):
    """A later change to an entry of gifts and hospitality: its history, kept."""

    __tablename__ = "gift_or_hospitality_update"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "gift_id"], ["gift_or_hospitality.org_id", "gift_or_hospitality.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    gift_id: uuid.UUID
    change: GiftChange = Field(sa_type=String)
    note: str = ""
    at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    recorded_by: uuid.UUID = Field(foreign_key="person.id")


class GiftKind(str, enum.Enum):
    GIFT = "GIFT"
    HOSPITALITY = "HOSPITALITY"
    CASH_OR_VOUCHERS = "CASH_OR_VOUCHERS"


class GiftOrHospitality(SQLModel, table=True):
    """An entry in the register of gifts and hospitality: what was offered, by whom, and what became of it."""

    __tablename__ = "gift_or_hospitality"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "person_id"], ["person_registration.org_id", "person_registration.person_id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    person_id: uuid.UUID = Field(foreign_key="person.id")
    kind: GiftKind = Field(sa_type=String)
    description: str
    offered_by: str
    from_supplier: bool
    value_pence: int
    offered_on: date
    accepted: bool
    approved_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    recorded_by: uuid.UUID = Field(foreign_key="person.id")
    recorded_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
