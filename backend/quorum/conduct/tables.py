from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ARRAY, Column, DateTime, ForeignKeyConstraint, String, Uuid, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from quorum.interests.tables import InterestCategory


def _moment(nullable: bool = True, now: bool = False) -> Any:
    if now:
        return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()))
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=nullable))


class MeetingProgress(SQLModel, table=True):
    """A meeting under way: when it opened and closed, and the item being taken."""

    __tablename__ = "meeting_progress"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
        ForeignKeyConstraint(["org_id", "current_item_id"], ["agenda_item.org_id", "agenda_item.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    meeting_id: uuid.UUID = Field(primary_key=True)
    committee_id: uuid.UUID
    opened_at: datetime | None = _moment(now=True)
    closed_at: datetime | None = _moment()
    current_item_id: uuid.UUID | None = None


class AttendanceStatus(str, enum.Enum):
    PRESENT = "PRESENT"  # a member who came
    APOLOGIES = "APOLOGIES"
    IN_ATTENDANCE = "IN_ATTENDANCE"  # not a member: officers, presenters, guests


class Attendance(SQLModel, table=True):
    """Someone's attendance at a meeting. A member with no row is absent."""

    __tablename__ = "attendance"
    __table_args__ = (ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    person_id: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    guest_name: str | None = None
    capacity: str = ""
    status: AttendanceStatus = Field(sa_type=String)
    in_room: bool = False


class Movement(str, enum.Enum):
    ARRIVED = "ARRIVED"
    LEFT = "LEFT"


class AttendanceMovement(SQLModel, table=True):
    """An arrival or a departure, with its time and the item then being taken."""

    __tablename__ = "attendance_movement"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "attendance_id"], ["attendance.org_id", "attendance.id"]),
        ForeignKeyConstraint(["org_id", "item_id"], ["agenda_item.org_id", "agenda_item.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    attendance_id: uuid.UUID
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    movement: Movement = Field(sa_type=String)
    at: datetime | None = _moment(now=True)
    item_id: uuid.UUID | None = None


class Management(str, enum.Enum):
    """How the chair manages a declared conflict for the item."""

    DECLARE_ONLY = "DECLARE_ONLY"
    DISCUSSION_NOT_DECISION = "DISCUSSION_NOT_DECISION"
    LEAVE_ROOM = "LEAVE_ROOM"


# A member so managed takes no part in the decision: not counted to quorum, no vote.
EXCLUDED_FROM_DECISION = frozenset({Management.DISCUSSION_NOT_DECISION, Management.LEAVE_ROOM})


class Declaration(SQLModel, table=True):
    """A declaration of interest against an agenda item, and how the chair manages it."""

    __tablename__ = "declaration"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
        ForeignKeyConstraint(["org_id", "item_id"], ["agenda_item.org_id", "agenda_item.id"]),
        ForeignKeyConstraint(["interest_org_id", "interest_id"], ["interest.org_id", "interest.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    item_id: uuid.UUID
    person_id: uuid.UUID = Field(foreign_key="person.id")
    interest_org_id: uuid.UUID | None = None
    interest_id: uuid.UUID | None = None
    category: InterestCategory = Field(sa_type=String)
    description: str
    management: Management = Field(sa_type=String)
    recorded_by: uuid.UUID = Field(foreign_key="person.id")
    recorded_at: datetime | None = _moment(now=True)


class Choice(str, enum.Enum):
    FOR = "FOR"
    AGAINST = "AGAINST"
    ABSTAIN = "ABSTAIN"


class Outcome(str, enum.Enum):
    CARRIED = "CARRIED"
    LOST = "LOST"


class Vote(SQLModel, table=True):
    """A motion put to the vote on an item: who might vote was fixed when it opened."""

    __tablename__ = "vote"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
        ForeignKeyConstraint(["org_id", "item_id"], ["agenda_item.org_id", "agenda_item.id"]),
        ForeignKeyConstraint(["delegation_org_id", "delegation_id"], ["delegation.org_id", "delegation.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    item_id: uuid.UUID
    motion: str
    secret: bool
    eligible_person_ids: list[uuid.UUID] = Field(default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False))
    chaired_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    quorum: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))  # when it opened
    delegation_org_id: uuid.UUID | None = None
    delegation_id: uuid.UUID | None = None
    opened_by: uuid.UUID = Field(foreign_key="person.id")
    opened_at: datetime | None = _moment(now=True)
    closed_at: datetime | None = _moment()
    for_count: int | None = None
    against_count: int | None = None
    abstain_count: int | None = None
    casting_vote: Choice | None = Field(default=None, sa_type=String)
    outcome: Outcome | None = Field(default=None, sa_type=String)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class VoteCast(SQLModel, table=True):
    """That a member voted; their choice too, unless the vote is secret."""

    __tablename__ = "vote_cast"
    __table_args__ = (ForeignKeyConstraint(["org_id", "vote_id", "secret"], ["vote.org_id", "vote.id", "vote.secret"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    vote_id: uuid.UUID = Field(primary_key=True)
    person_id: uuid.UUID = Field(primary_key=True, foreign_key="person.id")
    committee_id: uuid.UUID
    secret: bool
    choice: Choice | None = Field(default=None, sa_type=String)


class SecretTally(SQLModel, table=True):
    """How many chose each way in a secret vote: a count, with nothing to say whose."""

    __tablename__ = "secret_tally"
    __table_args__ = (ForeignKeyConstraint(["org_id", "vote_id"], ["vote.org_id", "vote.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    vote_id: uuid.UUID = Field(primary_key=True)
    choice: Choice = Field(primary_key=True, sa_type=String)
    committee_id: uuid.UUID
    count: int = 0


class Route(str, enum.Enum):
    """How an item was resolved (its outcome). Chair's action and deferral are also the standing orders' routes
    for an inquorate item."""

    VOTE = "VOTE"
    CONSENSUS = "CONSENSUS"
    CHAIRS_ACTION = "CHAIRS_ACTION"
    DEFERRED = "DEFERRED"
    REFERRED = "REFERRED"  # to a named committee
    WITHDRAWN = "WITHDRAWN"


class Decision(SQLModel, table=True):
    """An item's outcome: an entry in the decisions register, or (deferred, withdrawn) kept for the minutes only.
    An item has one standing outcome; an earlier one is rescinded, not removed."""

    __tablename__ = "decision"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
        ForeignKeyConstraint(["org_id", "item_id"], ["agenda_item.org_id", "agenda_item.id"]),
        ForeignKeyConstraint(["org_id", "vote_id"], ["vote.org_id", "vote.id"]),
        ForeignKeyConstraint(["org_id", "ratified_at_meeting_id"], ["meeting.org_id", "meeting.id"]),
        ForeignKeyConstraint(["delegation_org_id", "delegation_id"], ["delegation.org_id", "delegation.id"]),
        ForeignKeyConstraint(["referred_to_org_id", "referred_to_committee_id"], ["committee.org_id", "committee.id"]),
        ForeignKeyConstraint(["org_id", "ratifies_id"], ["decision.org_id", "decision.id"]),
        ForeignKeyConstraint(["org_id", "minutes_of_meeting_id"], ["meeting.org_id", "meeting.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    item_id: uuid.UUID
    route: Route = Field(sa_type=String)
    text: str
    vote_id: uuid.UUID | None = None
    chaired_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    quorum: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    delegation_org_id: uuid.UUID | None = None
    delegation_id: uuid.UUID | None = None
    delegation_label: str | None = None  # as it stood when decided: the register is a record of its day
    decided_at: datetime | None = _moment(now=True)
    recorded_by: uuid.UUID = Field(foreign_key="person.id")
    ratified_at: datetime | None = _moment()
    ratified_at_meeting_id: uuid.UUID | None = None
    referred_to_org_id: uuid.UUID | None = None
    referred_to_committee_id: uuid.UUID | None = None
    referred_to: str | None = None  # the committee's name as it stood
    ratifies_id: uuid.UUID | None = None  # a ratification: the chair's action it ratifies
    minutes_of_meeting_id: uuid.UUID | None = None  # an approval of minutes: whose
    rescinded_at: datetime | None = _moment()
    rescinded_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    rescission_reason: str | None = None


class PresidingMember(SQLModel, table=True):
    """Who the members present chose to chair an item that neither the chair nor the vice chair can take."""

    __tablename__ = "presiding_member"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "item_id"], ["agenda_item.org_id", "agenda_item.id"]),
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    item_id: uuid.UUID = Field(primary_key=True)
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    person_id: uuid.UUID = Field(foreign_key="person.id")
    chosen_by: uuid.UUID = Field(foreign_key="person.id")
    chosen_at: datetime | None = _moment(now=True)


class ActionStatus(str, enum.Enum):
    OPEN = "OPEN"
    IN_PROGRESS = "IN_PROGRESS"
    CLOSED = "CLOSED"


class Action(SQLModel, table=True):
    """An action from a meeting, carried on the committee's action log until closed."""

    __tablename__ = "action"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
        ForeignKeyConstraint(["org_id", "item_id"], ["agenda_item.org_id", "agenda_item.id"]),
        ForeignKeyConstraint(["org_id", "closed_at_meeting_id"], ["meeting.org_id", "meeting.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    committee_id: uuid.UUID
    meeting_id: uuid.UUID
    item_id: uuid.UUID | None = None
    description: str
    owner_id: uuid.UUID = Field(foreign_key="person.id")
    due_date: date
    status: ActionStatus = Field(default=ActionStatus.OPEN, sa_type=String)
    raised_by: uuid.UUID = Field(foreign_key="person.id")
    raised_at: datetime | None = _moment(now=True)
    closed_at: datetime | None = _moment()
    closed_at_meeting_id: uuid.UUID | None = None


class ActionUpdate(SQLModel, table=True):
    __tablename__ = "action_update"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "action_id"], ["action.org_id", "action.id"]),
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    action_id: uuid.UUID
    committee_id: uuid.UUID
    meeting_id: uuid.UUID | None = None
    status: ActionStatus = Field(sa_type=String)
    note: str = ""
    at: datetime | None = _moment(now=True)
    recorded_by: uuid.UUID = Field(foreign_key="person.id")


class MinuteNote(SQLModel, table=True):
    """The secretary's notes of the discussion of one item."""

    __tablename__ = "minute_note"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "item_id"], ["agenda_item.org_id", "agenda_item.id"]),
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    item_id: uuid.UUID = Field(primary_key=True)
    meeting_id: uuid.UUID
    committee_id: uuid.UUID
    notes: str
    updated_by: uuid.UUID = Field(foreign_key="person.id")
    updated_at: datetime | None = _moment(now=True)


class MinutesPart(str, enum.Enum):
    PUBLIC = "PUBLIC"  # Part I only, published
    PRIVATE = "PRIVATE"  # Parts I and II


class Minutes(SQLModel, table=True):
    """Approved minutes, frozen: the database refuses to change or remove them."""

    __tablename__ = "minutes"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "meeting_id"], ["meeting.org_id", "meeting.id"]),
        ForeignKeyConstraint(["org_id", "approved_at_meeting_id"], ["meeting.org_id", "meeting.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    meeting_id: uuid.UUID = Field(primary_key=True)
    part: MinutesPart = Field(primary_key=True, sa_type=String)
    committee_id: uuid.UUID
    record: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    approved_at: datetime | None = _moment(now=True)
    approved_by: uuid.UUID = Field(foreign_key="person.id")
    approved_at_meeting_id: uuid.UUID
