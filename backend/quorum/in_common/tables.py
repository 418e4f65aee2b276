from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import ARRAY, Column, DateTime, ForeignKeyConstraint, String, Uuid, func
from sqlmodel import Field, SQLModel

from quorum.meetings.tables import Part, Purpose


def _moment(now: bool = False) -> datetime | None:
    if now:
        return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()))
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


class Arrangement(SQLModel, table=True):
    """Committees of several organisations meeting in common, convened by one organisation (org_id)."""

    __tablename__ = "in_common_arrangement"

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str
    created_by: uuid.UUID = Field(foreign_key="person.id")
    created_at: datetime | None = _moment(now=True)


class PartyStatus(str, enum.Enum):
    INVITED = "INVITED"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"


class InCommonParty(SQLModel, table=True):
    """An organisation invited into an arrangement, its answer, and the committee it sends."""

    __tablename__ = "in_common_party"
    __table_args__ = (
        ForeignKeyConstraint(
            ["org_id", "arrangement_id"], ["in_common_arrangement.org_id", "in_common_arrangement.id"]
        ),
        ForeignKeyConstraint(["invited_org_id", "committee_id"], ["committee.org_id", "committee.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    arrangement_id: uuid.UUID = Field(primary_key=True)
    invited_org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    organisation_name: str
    committee_id: uuid.UUID | None = None
    committee_name: str | None = None
    status: PartyStatus = Field(sa_type=String)
    invited_by: uuid.UUID = Field(foreign_key="person.id")
    invited_at: datetime | None = _moment(now=True)
    answered_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    answered_at: datetime | None = _moment()


class Session(SQLModel, table=True):
    """One sitting of the committees in common: one date, one place, one agenda."""

    __tablename__ = "in_common_session"
    __table_args__ = (
        ForeignKeyConstraint(
            ["org_id", "arrangement_id"], ["in_common_arrangement.org_id", "in_common_arrangement.id"]
        ),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    arrangement_id: uuid.UUID
    title: str
    starts_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    location: str = ""
    created_by: uuid.UUID = Field(foreign_key="person.id")
    created_at: datetime | None = _moment(now=True)


class SessionItem(SQLModel, table=True):
    """An item of the session's agenda, taken by every committee (no committee named) or by those named."""

    __tablename__ = "in_common_item"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "session_id"], ["in_common_session.org_id", "in_common_session.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    session_id: uuid.UUID
    position: int
    title: str
    purpose: Purpose = Field(sa_type=String)
    part: Part = Field(sa_type=String)
    committee_ids: list[uuid.UUID] = Field(default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False))

    def taken_by(self, committee_id: uuid.UUID) -> bool:
        return not self.committee_ids or committee_id in self.committee_ids


class SessionMeeting(SQLModel, table=True):
    """A committee's own meeting of the session, held in its own organisation."""

    __tablename__ = "in_common_meeting"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "session_id"], ["in_common_session.org_id", "in_common_session.id"]),
        ForeignKeyConstraint(["meeting_org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    session_id: uuid.UUID = Field(primary_key=True)
    committee_id: uuid.UUID = Field(primary_key=True)
    meeting_org_id: uuid.UUID
    meeting_id: uuid.UUID


class SessionAgendaItem(SQLModel, table=True):
    """Which item of a committee's meeting is which item of the session."""

    __tablename__ = "in_common_agenda_item"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "item_id"], ["in_common_item.org_id", "in_common_item.id"]),
        ForeignKeyConstraint(["agenda_item_org_id", "agenda_item_id"], ["agenda_item.org_id", "agenda_item.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    item_id: uuid.UUID = Field(primary_key=True)
    committee_id: uuid.UUID = Field(primary_key=True)
    agenda_item_org_id: uuid.UUID
    agenda_item_id: uuid.UUID
