"""Every table, imported in one place so SQLModel's metadata knows them all."""

from quorum.audit.tables import AuditEntry
from quorum.ballots.tables import (
    Ballot, BallotElector, BallotOption, BallotParticipation, BallotProxy, BallotQuestion, BallotSettings, BallotTally,
    BallotVote, BallotVoteChoice,
)
from quorum.committees.tables import Committee, CommitteeParty, Seat
from quorum.contracts.tables import PrimaryCareContract
from quorum.delegations.tables import Delegation
from quorum.files.tables import StoredFile
from quorum.organisations.tables import Organisation, Practice
from quorum.people.tables import Membership, Person, PersonRegistration

__all__ = [
    "AuditEntry", "Ballot", "BallotElector", "BallotOption", "BallotParticipation", "BallotProxy", "BallotQuestion",
    "BallotSettings", "BallotTally", "BallotVote", "BallotVoteChoice", "Committee", "CommitteeParty", "Delegation", "Membership", "Organisation", "Person",
    "PersonRegistration", "Practice", "PrimaryCareContract", "Seat", "StoredFile",
]
