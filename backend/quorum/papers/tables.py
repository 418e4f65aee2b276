from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, DateTime, ForeignKeyConstraint, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class PaperStatus(str, enum.Enum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    INCLUDED = "INCLUDED"  # in a published pack


class AppendixKind(str, enum.Enum):
    PDF = "PDF"
    WORD = "WORD"
    EXCEL = "EXCEL"


IMPACT_AREAS = ("quality", "equality", "privacy", "financial", "legal", "sustainability")


class Paper(SQLModel, table=True):
    """A paper requested for an agenda item; its content lives in versions."""

    __tablename__ = "paper"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "item_id"], ["agenda_item.org_id", "agenda_item.id"]),
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    item_id: uuid.UUID
    title: str
    author_id: uuid.UUID = Field(foreign_key="person.id")
    sponsor_id: uuid.UUID = Field(foreign_key="person.id")
    due_date: date
    requested_by: uuid.UUID = Field(foreign_key="person.id")
    requested_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    status: PaperStatus = Field(default=PaperStatus.DRAFT, sa_type=String)
    is_public: bool = True


class PaperVersion(SQLModel, table=True):
    """The cover sheet and body of one version. Approved versions are frozen (a trigger refuses changes)."""

    __tablename__ = "paper_version"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "paper_id"], ["paper.org_id", "paper.id"]),
        ForeignKeyConstraint(["org_id", "body_file_id"], ["stored_file.org_id", "stored_file.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    paper_id: uuid.UUID
    number: int
    purpose: str = "INFORMATION"
    executive_summary: str = ""
    recommendation: str = ""
    strategic_objectives: str = ""
    assurance_risks: str = ""
    conflicts_noted: str = ""
    impacts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    public_involvement: str = ""
    body_markdown: str = ""
    # A body written in Word: the document (printed in the pack from its PDF conversion) and its HTML for the screen.
    body_file_id: uuid.UUID | None = None
    body_html: str = Field(default="", sa_type=Text)
    created_by: uuid.UUID = Field(foreign_key="person.id")
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    approved_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    approved_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    published_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class Appendix(SQLModel, table=True):
    __tablename__ = "appendix"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "version_id"], ["paper_version.org_id", "paper_version.id"]),
        ForeignKeyConstraint(["org_id", "file_id"], ["stored_file.org_id", "stored_file.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    version_id: uuid.UUID
    position: int
    title: str
    file_id: uuid.UUID
    kind: AppendixKind = Field(sa_type=String)
    page_count: int | None = None
    problem: str | None = None  # why the pack cannot include it (encrypted, damaged, too long)
