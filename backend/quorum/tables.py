"""Every table, imported in one place so SQLModel's metadata knows them all."""

from quorum.audit.tables import AuditEntry
from quorum.ballots.tables import (
    Ballot,
    BallotElector,
    BallotOption,
    BallotParticipation,
    BallotProxy,
    BallotQuestion,
    BallotSettings,
    BallotTally,
    BallotVote,
    BallotVoteChoice,
)
from quorum.committees.tables import Committee, CommitteeParty, Seat
from quorum.concerns.tables import Concern, ConcernAgendaItem, ConcernEvidence, ConcernStepChange, LadderStep
from quorum.conduct.tables import (
    Action,
    ActionUpdate,
    Attendance,
    AttendanceMovement,
    Decision,
    Declaration,
    MeetingProgress,
    MinuteNote,
    Minutes,
    PresidingMember,
    SecretTally,
    Vote,
    VoteCast,
)
from quorum.contracts.tables import PrimaryCareContract
from quorum.delegations.tables import Delegation
from quorum.files.tables import FileConversion, FileText, StoredFile
from quorum.in_common.tables import Arrangement, InCommonParty, Session, SessionAgendaItem, SessionItem, SessionMeeting
from quorum.indicators.tables import Indicator, IndicatorValue
from quorum.interests.tables import GiftApprover, GiftOrHospitality, GiftOrHospitalityUpdate, Interest, InterestReview
from quorum.meetings.tables import AgendaItem, Meeting
from quorum.notifications.tables import (
    NotificationMessage,
    NotificationPreference,
    NotificationSetting,
    PublicSubscription,
)
from quorum.organisations.tables import Organisation, Practice
from quorum.outbox.tables import DomainEvent
from quorum.packs.tables import PackBuild
from quorum.papers.tables import Appendix, Paper, PaperVersion
from quorum.people.tables import Membership, Person, PersonRegistration
from quorum.surveys.tables import Survey, SurveyAnswer, SurveyQuestion, SurveyRespondent, SurveyResponse, SurveySection

__all__ = [
    "Action",
    "ActionUpdate",
    "AgendaItem",
    "Appendix",
    "Attendance",
    "AttendanceMovement",
    "AuditEntry",
    "Ballot",
    "BallotElector",
    "BallotOption",
    "BallotParticipation",
    "BallotProxy",
    "BallotQuestion",
    "BallotSettings",
    "BallotTally",
    "BallotVote",
    "BallotVoteChoice",
    "Committee",
    "Concern",
    "ConcernAgendaItem",
    "ConcernEvidence",
    "ConcernStepChange",
    "CommitteeParty",
    "Decision",
    "Declaration",
    "Arrangement",
    "Delegation",
    "DomainEvent",
    "GiftApprover",
    "GiftOrHospitality",
    "GiftOrHospitalityUpdate",
    "InCommonParty",
    "Indicator",
    "IndicatorValue",
    "Session",
    "SessionAgendaItem",
    "SessionItem",
    "SessionMeeting",
    "Interest",
    "LadderStep",
    "InterestReview",
    "Meeting",
    "MeetingProgress",
    "Membership",
    "MinuteNote",
    "NotificationMessage",
    "NotificationPreference",
    "NotificationSetting",
    "Minutes",
    "Organisation",
    "PackBuild",
    "Paper",
    "PaperVersion",
    "Person",
    "PersonRegistration",
    "PresidingMember",
    "Practice",
    "PrimaryCareContract",
    "PublicSubscription",
    "Seat",
    "SecretTally",
    "FileConversion",
    "FileText",
    "StoredFile",
    "Survey",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyRespondent",
    "SurveyResponse",
    "SurveySection",
    "Vote",
    "VoteCast",
]
