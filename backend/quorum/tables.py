"""Every table, imported in one place so SQLModel's metadata knows them all."""

from quorum.audit.tables import AuditEntry
from quorum.organisations.tables import Organisation, Practice
from quorum.people.tables import Membership, Person, PersonRegistration

__all__ = ["AuditEntry", "Membership", "Organisation", "Person", "PersonRegistration", "Practice"]
