from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKeyConstraint, LargeBinary, String, Text, func
from sqlmodel import Field, SQLModel


class StoredFile(SQLModel, table=True):
    """A document's bytes with what was checked about them. Visible when what it is attached to is."""

    __tablename__ = "stored_file"

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    # What the upload check removed or noticed, told to the uploader.
    inspection_note: str | None = Field(default=None, sa_type=Text)
    uploaded_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    uploaded_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class ConversionStatus(str, enum.Enum):
    PENDING = "PENDING"
    DONE = "DONE"
    FAILED = "FAILED"


class FileConversion(SQLModel, table=True):
    """A Word or Excel file as PDF pages (quorum.files.conversion): one per source file, seen with that file."""

    __tablename__ = "file_conversion"
    __table_args__ = (ForeignKeyConstraint(["org_id", "source_file_id"], ["stored_file.org_id", "stored_file.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    source_file_id: uuid.UUID = Field(primary_key=True)
    status: ConversionStatus = Field(default=ConversionStatus.PENDING, sa_type=String)
    problem: str | None = Field(default=None, sa_type=Text)  # why it did not convert, told to the author
    pdf: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    page_count: int | None = None
    seconds: float | None = None  # how long LibreOffice took
    requested_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    finished_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class FileText(SQLModel, table=True):
    """The words of a PDF, or of a Word or Excel file's PDF conversion (quorum.files.text), for search: one per
    file, seen with that file. The search vector beside it (migration 0031) is not mapped; only search reads it."""

    __tablename__ = "file_text"
    __table_args__ = (ForeignKeyConstraint(["org_id", "file_id"], ["stored_file.org_id", "stored_file.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    file_id: uuid.UUID = Field(primary_key=True)
    text: str = Field(sa_type=Text)
    extracted_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
