"""Every table, imported in one place so SQLModel's metadata knows them all."""

from quorum.audit.tables import AuditEntry
from quorum.committees.tables import Committee, CommitteeParty, Seat
from quorum.contracts.tables import PrimaryCareContract
from quorum.delegations.tables import Delegation
from quorum.files.tables import StoredFile
from quorum.organisations.tables import Organisation, Practice
from quorum.people.tables import Membership, Person, PersonRegistration
from quorum.surveys.tables import Survey, SurveyAnswer, SurveyQuestion, SurveyRespondent, SurveyResponse, SurveySection

__all__ = [
    "AuditEntry", "Committee", "CommitteeParty", "Delegation", "Membership", "Organisation", "Person",
    "PersonRegistration", "Practice", "PrimaryCareContract", "Seat", "StoredFile", "Survey", "SurveyAnswer",
    "SurveyQuestion", "SurveyRespondent", "SurveyResponse", "SurveySection",
]
