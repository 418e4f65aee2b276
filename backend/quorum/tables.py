"""Every table, imported in one place so SQLModel's metadata knows them all."""

from quorum.audit.tables import AuditEntry
from quorum.committees.tables import Committee, CommitteeParty, Seat
from quorum.contracts.tables import PrimaryCareContract
from quorum.delegations.tables import Delegation
from quorum.files.tables import StoredFile
from quorum.meetings.tables import AgendaItem, Meeting
from quorum.organisations.tables import Organisation, Practice
from quorum.packs.tables import PackBuild
from quorum.papers.tables import Appendix, Paper, PaperVersion
from quorum.people.tables import Membership, Person, PersonRegistration

__all__ = [
    "AgendaItem", "Appendix", "AuditEntry", "Committee", "CommitteeParty", "Delegation", "Meeting", "Membership",
    "Organisation", "PackBuild", "Paper", "PaperVersion", "Person", "PersonRegistration", "Practice",
    "PrimaryCareContract", "Seat", "StoredFile",
]
