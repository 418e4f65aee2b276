from __future__ import annotations

import enum
import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Column, DateTime, ForeignKeyConstraint, Numeric, SmallInteger, String, func
from sqlmodel import Field, SQLModel


class Weighting(str, enum.Enum):
    EQUAL = "EQUAL"  # one practice, one vote
    LIST_SIZE = "LIST_SIZE"  # each practice's vote weighs its registered list size


class TurnoutBasis(str, enum.Enum):
    PRACTICES = "PRACTICES"
    LIST_SIZE = "LIST_SIZE"


class Majority(str, enum.Enum):
    SIMPLE = "SIMPLE"
    TWO_THIRDS = "TWO_THIRDS"
    STATED_SHARE = "STATED_SHARE"


class QuestionKind(str, enum.Enum):
    FOR_AGAINST = "FOR_AGAINST"
    ELECTION = "ELECTION"


class OptionKind(str, enum.Enum):
    FOR = "FOR"
    AGAINST = "AGAINST"
    ABSTAIN = "ABSTAIN"
    CANDIDATE = "CANDIDATE"


def _moment(nullable: bool = False, **kwargs) -> Column:
    return Column(DateTime(timezone=True), nullable=nullable, **kwargs)


class VotingRules(SQLModel):
    """A CCG's constitution on council of members ballots; each ballot keeps the copy it was created under."""

    weighting: Weighting = Field(sa_type=String)
    turnout_basis: TurnoutBasis = Field(sa_type=String)
    turnout_threshold: Decimal = Field(sa_type=Numeric(5, 2))  # percent
    majority: Majority = Field(sa_type=String)
    majority_share: Decimal | None = Field(default=None, sa_type=Numeric(5, 2))  # percent, STATED_SHARE only
    votes_may_change: bool


class BallotSettings(VotingRules, table=True):
    __tablename__ = "ballot_settings"

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    updated_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    updated_at: datetime | None = Field(default=None, sa_column=_moment(server_default=func.now()))


class Ballot(VotingRules, table=True):
    """A question or election put to the council of members, open between two moments."""

    __tablename__ = "ballot"
    __table_args__ = (ForeignKeyConstraint(["org_id", "document_file_id"], ["stored_file.org_id", "stored_file.id"]),)

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organisation.id")
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    title: str
    description: str = ""
    document_file_id: uuid.UUID | None = None
    secret: bool
    opens_at: datetime = Field(sa_column=_moment())
    closes_at: datetime = Field(sa_column=_moment())
    closed_early_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))
    closed_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    electorate_frozen_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))
    created_by: uuid.UUID = Field(foreign_key="person.id")
    created_at: datetime | None = Field(default=None, sa_column=_moment(server_default=func.now()))


class BallotQuestion(SQLModel, table=True):
    __tablename__ = "ballot_question"
    __table_args__ = (ForeignKeyConstraint(["org_id", "ballot_id"], ["ballot.org_id", "ballot.id"]),)

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ballot_id: uuid.UUID
    position: int = Field(sa_type=SmallInteger)
    kind: QuestionKind = Field(sa_type=String)
    text: str
    seats: int = Field(default=1, sa_type=SmallInteger)


class BallotOption(SQLModel, table=True):
    __tablename__ = "ballot_option"
    __table_args__ = (
        ForeignKeyConstraint(
            ["org_id", "ballot_id", "question_id"],
            ["ballot_question.org_id", "ballot_question.ballot_id", "ballot_question.id"],
        ),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ballot_id: uuid.UUID
    question_id: uuid.UUID
    position: int = Field(sa_type=SmallInteger)
    kind: OptionKind = Field(sa_type=String)
    label: str


class BallotElector(SQLModel, table=True):
    """A practice entitled to vote, with its list size as it stood when the ballot opened."""

    __tablename__ = "ballot_elector"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "ballot_id"], ["ballot.org_id", "ballot.id"]),
        ForeignKeyConstraint(["org_id", "practice_id"], ["practice.org_id", "practice.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    ballot_id: uuid.UUID = Field(primary_key=True)
    practice_id: uuid.UUID = Field(primary_key=True)
    ods_code: str
    list_size: int


class BallotProxy(SQLModel, table=True):
    """A practice's appointment of another practice's representative to vote for it in one ballot."""

    __tablename__ = "ballot_proxy"
    __table_args__ = (
        ForeignKeyConstraint(["org_id", "ballot_id"], ["ballot.org_id", "ballot.id"]),
        ForeignKeyConstraint(["org_id", "practice_id"], ["practice.org_id", "practice.id"]),
        ForeignKeyConstraint(["org_id", "proxy_practice_id"], ["practice.org_id", "practice.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ballot_id: uuid.UUID
    practice_id: uuid.UUID
    proxy_person_id: uuid.UUID = Field(foreign_key="person.id")
    proxy_practice_id: uuid.UUID
    appointed_by: uuid.UUID = Field(foreign_key="person.id")
    appointed_at: datetime = Field(sa_column=_moment())
    revoked_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))
    revoked_by: uuid.UUID | None = Field(default=None, foreign_key="person.id")


class BallotParticipation(SQLModel, table=True):
    """That a practice voted, who cast it and when: never how."""

    __tablename__ = "ballot_participation"
    __table_args__ = (
        ForeignKeyConstraint(
            ["org_id", "ballot_id", "practice_id"],
            ["ballot_elector.org_id", "ballot_elector.ballot_id", "ballot_elector.practice_id"],
        ),
        ForeignKeyConstraint(["org_id", "proxy_id"], ["ballot_proxy.org_id", "ballot_proxy.id"]),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    ballot_id: uuid.UUID = Field(primary_key=True)
    practice_id: uuid.UUID = Field(primary_key=True)
    cast_by: uuid.UUID = Field(foreign_key="person.id")
    proxy_id: uuid.UUID | None = None
    submission_key: str | None = None
    recorded_at: datetime = Field(sa_column=_moment())
    changed_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))


class BallotVote(SQLModel, table=True):
    """A practice's answer to one question of a named ballot. Secret ballots have none (the database refuses)."""

    __tablename__ = "ballot_vote"
    __table_args__ = (
        ForeignKeyConstraint(
            ["org_id", "ballot_id", "practice_id"],
            ["ballot_participation.org_id", "ballot_participation.ballot_id", "ballot_participation.practice_id"],
        ),
        ForeignKeyConstraint(
            ["org_id", "ballot_id", "question_id"],
            ["ballot_question.org_id", "ballot_question.ballot_id", "ballot_question.id"],
        ),
    )

    org_id: uuid.UUID = Field(primary_key=True)
    ballot_id: uuid.UUID = Field(primary_key=True)
    question_id: uuid.UUID = Field(primary_key=True)
    practice_id: uuid.UUID = Field(primary_key=True)
    secret: bool = False


class BallotVoteChoice(SQLModel, table=True):
    """An option a practice chose in answering a question of a named ballot."""

    __tablename__ = "ballot_vote_choice"

    org_id: uuid.UUID = Field(primary_key=True)
    ballot_id: uuid.UUID = Field(primary_key=True)
    question_id: uuid.UUID = Field(primary_key=True)
    practice_id: uuid.UUID = Field(primary_key=True)
    option_id: uuid.UUID = Field(primary_key=True)


class BallotTally(SQLModel, table=True):
    """Running totals of a secret ballot's options: every vote updates every row of its ballot, so no row tells."""

    __tablename__ = "ballot_tally"

    org_id: uuid.UUID = Field(primary_key=True)
    ballot_id: uuid.UUID = Field(primary_key=True)
    option_id: uuid.UUID = Field(primary_key=True)
    question_id: uuid.UUID
    secret: bool = True
    votes: int = 0
    weight: int = Field(default=0, sa_type=BigInteger)
