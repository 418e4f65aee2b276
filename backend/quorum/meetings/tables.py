from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import ARRAY, Column, DateTime, ForeignKeyConstraint, Integer, String, Uuid, func
from sqlmodel import Field, SQLModel


class MeetingStatus(str, enum.Enum):
    DRAFT = "DRAFT"
    AGENDA_PUBLISHED = "AGENDA_PUBLISHED"
    PAPERS_PUBLISHED = "PAPERS_PUBLISHED"
    HELD = "HELD"
    MINUTES_APPROVED = "MINUTES_APPROVED"


class Purpose(str, enum.Enum):
    DECISION = "DECISION"
    APPROVAL = "APPROVAL"
    RATIFICATION = "RATIFICATION"
    ASSURANCE = "ASSURANCE"
    DISCUSSION = "DISCUSSION"
    INFORMATION = "INFORMATION"
    NOTE = "NOTE"


class Part(str, enum.Enum):
    PUBLIC = "PUBLIC"  # Part I, held in public
    PRIVATE = "PRIVATE"  # Part II, the public excluded


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"
    __table_args__ = (ForeignKeyConstraint(["org_id", "committee_id"], ["committee.org_id", "committee.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    committee_id: uuid.UUID
    title: str
    starts_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    ends_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    location: str = ""
    call_link: str = ""
    status: MeetingStatus = Field(default=MeetingStatus.DRAFT, sa_type=String)
    papers_due: date | None = None
    notice_sent_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    sequence: int = Field(
        default=0, sa_column=Column(Integer, nullable=False, server_default="0")
    )  # iCalendar SEQUENCE
    cancelled_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class AgendaItem(SQLModel, table=True):
    """An item on a meeting's agenda; sub-items (5.1, 5.2) have a parent."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
        ForeignKeyConstraint(["org_id", "parent_id"], ["agenda_item.org_id", "agenda_item.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    parent_id: uuid.UUID | None = None
    position: int
    title: str
    presenter: str = ""
    minutes_allotted: int = 0
    purpose: Purpose = Field(sa_type=String)
    part: Part = Field(sa_type=String)
    needs_paper: bool = False
    closing: bool = False  # closes the agenda (questions from the public, any other business): new items go before it
    concerns_org_ids: list[uuid.UUID] = Field(default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False))
    concerns_practice_ids: list[uuid.UUID] = Field(default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False))
