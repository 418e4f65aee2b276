from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    LargeBinary,
    SmallInteger,
    String,
    func,
)
from sqlmodel import Field, SQLModel


class Status(str, enum.Enum):
    QUEUED = "QUEUED"  # to be sent at once
    DIGEST = "DIGEST"  # waiting for its recipient's daily digest
    SENT = "SENT"  # handed to the SMTP server (or gathered into a digest that was)
    OUTBOX_ONLY = "OUTBOX_ONLY"  # no SMTP server configured: kept in the outbox only
    FAILED = "FAILED"  # the mail server refused it for good (a 5xx answer): not tried again


class Mode(str, enum.Enum):
    AT_ONCE = "AT_ONCE"
    DIGEST = "DIGEST"
    OFF = "OFF"


class NotificationMessage(SQLModel, table=True):
    """One message to one address, written by the notification worker; its recipient may read it."""

    __tablename__ = "notification_message"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    event_id: int | None = Field(default=None, sa_column=Column(BigInteger, ForeignKey("domain_event.id")))
    kind: str
    org_id: uuid.UUID | None = Field(default=None, foreign_key="organisation.id")
    person_id: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    subscription_id: uuid.UUID | None = Field(default=None, foreign_key="public_subscription.id")
    email: str
    recipient_name: str = ""
    subject: str
    body_text: str
    body_html: str
    ics: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    unsubscribe_url: str | None = None
    status: Status = Field(sa_type=String)
    failure: str | None = None
    digest_id: uuid.UUID | None = Field(default=None, foreign_key="notification_message.id")
    message_id: str
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    sent_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class NotificationPreference(SQLModel, table=True):
    """How a person wants one kind of message; no row means at once."""

    __tablename__ = "notification_preference"

    person_id: uuid.UUID = Field(primary_key=True, foreign_key="person.id")
    kind: str = Field(primary_key=True)
    mode: Mode = Field(sa_type=String)


class NotificationSetting(SQLModel, table=True):
    __tablename__ = "notification_setting"

    person_id: uuid.UUID = Field(primary_key=True, foreign_key="person.id")
    digest_hour: int = Field(default=8, sa_column=Column(SmallInteger, nullable=False, server_default="8"))


class PublicSubscription(SQLModel, table=True):
    """A member of the public following a committee's published papers, once they confirm their address."""

    __tablename__ = "public_subscription"
    __table_args__ = (ForeignKeyConstraint(["org_id", "committee_id"], ["committee.org_id", "committee.id"]),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    org_id: uuid.UUID = Field(foreign_key="organisation.id")
    committee_id: uuid.UUID
    email: str
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    confirmed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    unsubscribed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
