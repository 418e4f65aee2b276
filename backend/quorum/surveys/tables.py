from __future__ import annotations

import enum
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ARRAY, Column, DateTime, ForeignKeyConstraint, Numeric, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class SurveyStatus(str, enum.Enum):
    DRAFT = "DRAFT"
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class Anonymity(str, enum.Enum):
    ANONYMOUS = "ANONYMOUS"  # no link from a response to a person or practice is stored
    CONFIDENTIAL = "CONFIDENTIAL"  # the organisation knows who responded; reports never show it
    NAMED = "NAMED"


class RespondentUnit(str, enum.Enum):
    PERSON = "PERSON"
    PRACTICE = "PRACTICE"  # one response per practice, by one of its representatives


class ResponseStatus(str, enum.Enum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"


class Survey(SQLModel, table=True):
    """A membership-engagement survey owned by a CCG (org_id)."""

    __tablename__ = "survey"
    __table_args__ = (ForeignKeyConstraint(["org_id", "previous_round_id"], ["survey.org_id", "survey.id"]),)

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    title: str
    description: str = ""
    status: SurveyStatus = Field(default=SurveyStatus.DRAFT, sa_type=String)
    anonymity: Anonymity = Field(sa_type=String)
    respondent_unit: RespondentUnit = Field(sa_type=String)
    audience: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    suppression_threshold: int = 5
    allow_edits_after_submit: bool = False
    closes_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    results_published: bool = False
    previous_round_id: uuid.UUID | None = None
    template_key: str | None = None
    invited: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))  # fixed when the survey opens
    created_by: uuid.UUID = Field(foreign_key="person.id")
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class SurveySection(SQLModel, table=True):
    __tablename__ = "survey_section"
    __table_args__ = (ForeignKeyConstraint(["org_id", "survey_id"], ["survey.org_id", "survey.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    survey_id: uuid.UUID
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    position: int
    title: str = ""
    description: str = ""
    show_if: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))


class SurveyQuestion(SQLModel, table=True):
    __tablename__ = "survey_question"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "survey_id"], ["survey.org_id", "survey.id"]),
        ForeignKeyConstraint(
            ["org_id", "section_id"], ["survey_section.org_id", "survey_section.id"], ondelete="CASCADE"
        ),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    survey_id: uuid.UUID
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    section_id: uuid.UUID
    position: int  # across the whole survey
    key: str
    kind: str
    prompt: str
    help_text: str = ""
    required: bool = False
    options: list[dict[str, str]] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    statements: list[dict[str, str]] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    minimum: Decimal | None = Field(default=None, sa_column=Column(Numeric))
    maximum: Decimal | None = Field(default=None, sa_column=Column(Numeric))
    show_if: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))


class SurveyResponse(SQLModel, table=True):
    """One response and the respondent's groups, fixed when it was started. It names nobody."""

    __tablename__ = "survey_response"
    __table_args__ = (ForeignKeyConstraint(["org_id", "survey_id"], ["survey.org_id", "survey.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    survey_id: uuid.UUID
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    status: ResponseStatus = Field(default=ResponseStatus.DRAFT, sa_type=String)
    group_role: str
    group_locality: str | None = None
    group_leader: bool
    group_band: str | None = None
    resume_token_hash: str | None = None  # anonymous surveys: sha256 of the token only the respondent holds


class SurveyAnswer(SQLModel, table=True):
    """One answer; item is the statement of a matrix question, '' otherwise."""

    __tablename__ = "survey_answer"
    __table_args__ = (
        ForeignKeyConstraint(
            ["org_id", "survey_id", "response_id"],
            ["survey_response.org_id", "survey_response.survey_id", "survey_response.id"],
        ),
        ForeignKeyConstraint(
            ["org_id", "survey_id", "question_id"],
            ["survey_question.org_id", "survey_question.survey_id", "survey_question.id"],
        ),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    survey_id: uuid.UUID
    response_id: uuid.UUID = Field(primary_key=True)
    question_id: uuid.UUID = Field(primary_key=True)
    item: str = Field(default="", primary_key=True)
    choice: str | None = None
    choices: list[str] | None = Field(default=None, sa_column=Column(ARRAY(Text)))
    number: Decimal | None = Field(default=None, sa_column=Column(Numeric))
    text: str | None = None


class SurveyRespondent(SQLModel, table=True):
    """Who gave a response, for confidential and named surveys only; readable by the respondent."""

    __tablename__ = "survey_respondent"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "survey_id", "anonymity"], ["survey.org_id", "survey.id", "survey.anonymity"]),
        ForeignKeyConstraint(
            ["org_id", "survey_id", "response_id"],
            ["survey_response.org_id", "survey_response.survey_id", "survey_response.id"],
        ),
        ForeignKeyConstraint(["org_id", "practice_id"], ["practice.org_id", "practice.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    survey_id: uuid.UUID
    anonymity: Anonymity = Field(sa_type=String)
    response_id: uuid.UUID = Field(primary_key=True)
    person_id: uuid.UUID = Field(foreign_key="person.id")
    practice_id: uuid.UUID | None = None
    submitted_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class SurveyDraft(SQLModel, table=True):
    """A signed-in respondent's unsent answers, kept so they can finish on another device; deleted on submission."""

    __tablename__ = "survey_draft"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "survey_id"], ["survey.org_id", "survey.id"]),
        ForeignKeyConstraint(["org_id", "practice_id"], ["practice.org_id", "practice.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    survey_id: uuid.UUID
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    person_id: uuid.UUID = Field(foreign_key="person.id")
    practice_id: uuid.UUID | None = None
    answers: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    saved_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
