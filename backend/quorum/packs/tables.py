from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import ARRAY, Column, DateTime, ForeignKeyConstraint, String, Uuid, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class BuildStatus(str, enum.Enum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    DONE = "DONE"
    FAILED = "FAILED"


class PackBuild(SQLModel, table=True):
    """One build of a meeting's pack for one part; earlier builds are kept."""

    __tablename__ = "pack_build"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
        ForeignKeyConstraint(["org_id", "file_id"], ["stored_file.org_id", "stored_file.id"]),
        ForeignKeyConstraint(
            ["session_org_id", "session_id"],
            ["in_common_session.org_id", "in_common_session.id"],
            name="pack_build_session_fkey",
        ),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    part: str = Field(sa_type=String)  # PUBLIC: Part I only; PRIVATE: Parts I and II
    number: int
    is_supplement: bool = False
    status: BuildStatus = Field(default=BuildStatus.QUEUED, sa_type=String)
    progress: int = 0
    message: str = ""
    file_id: uuid.UUID | None = None
    page_count: int | None = None
    paper_version_ids: list[uuid.UUID] = Field(default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False))
    item_pages: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))  # item id -> page
    created_by: uuid.UUID = Field(foreign_key="person.id")
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    finished_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    published_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    # A published pack withdrawn: its row stays (the public reads why), its file only for the committee's private side.
    withdrawn_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    withdrawn_reason: str | None = None
    withdrawn_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    session_org_id: uuid.UUID | None = None  # a session of committees in common's pack (held by one of its meetings)
    session_id: uuid.UUID | None = None
