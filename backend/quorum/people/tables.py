from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKeyConstraint, String
from sqlmodel import Field, SQLModel

from quorum.access import Role


class Person(SQLModel, table=True):
    """Someone who can sign in. Not owned by one organisation: a GP may belong to several."""

    __tablename__ = "person"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    email: str = Field(unique=True)  # stored lower-case; sign-in matches on it
    name: str
    is_platform_admin: bool = False


class PersonRegistration(SQLModel, table=True):
    """An organisation's record that it knows this person; it makes the person visible to it."""

    __tablename__ = "person_registration"

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    person_id: uuid.UUID = Field(primary_key=True, foreign_key="person.id")


class Membership(SQLModel, table=True):
    """A person's role in an organisation, between two dates."""

    __tablename__ = "membership"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "practice_id"], ["practice.org_id", "practice.id"]),
        ForeignKeyConstraint(["org_id", "person_id"], ["person_registration.org_id", "person_registration.person_id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    person_id: uuid.UUID = Field(foreign_key="person.id")
    role: Role = Field(sa_type=String)
    practice_id: uuid.UUID | None = None
    valid_from: date
    valid_to: date | None = None

    def is_active_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
