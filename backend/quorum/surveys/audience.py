"""Who a survey asks: by role, locality and practice; and the groups each respondent is counted in."""

from __future__ import annotations

import enum
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from quorum.access import Role
from quorum.surveys.groups import LEADER_ROLES, ROLE_ORDER, GroupSplit, RespondentGroups, band
from quorum.surveys.tables import RespondentUnit


class AudienceRole(str, enum.Enum):
    PRACTICE_REPRESENTATIVE = "PRACTICE_REPRESENTATIVE"
    GOVERNING_BODY_MEMBER = "GOVERNING_BODY_MEMBER"
    COMMITTEE_MEMBER = "COMMITTEE_MEMBER"  # anyone holding a seat on one of the CCG's committees
    STAFF = "STAFF"
    BOARD_SECRETARY = "BOARD_SECRETARY"
    ADMINISTRATOR = "ADMINISTRATOR"


@dataclass(frozen=True)
class Audience:
    roles: frozenset[AudienceRole]
    localities: frozenset[str] = frozenset()
    practice_ids: frozenset[uuid.UUID] = frozenset()

    def to_data(self) -> dict[str, Any]:
        return {
            "roles": sorted(r.value for r in self.roles),
            "localities": sorted(self.localities),
            "practice_ids": sorted(str(p) for p in self.practice_ids),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Audience:
        return cls(
            roles=frozenset(AudienceRole(r) for r in data.get("roles", [])),
            localities=frozenset(data.get("localities", [])),
            practice_ids=frozenset(uuid.UUID(p) for p in data.get("practice_ids", [])),
        )

    @property
    def narrowed(self) -> bool:
        return bool(self.localities or self.practice_ids)

    def admits(self, practice: PracticeFacts) -> bool:
        return (not self.localities or practice.locality in self.localities) and (
            not self.practice_ids or practice.id in self.practice_ids
        )


@dataclass(frozen=True)
class PracticeFacts:
    id: uuid.UUID
    name: str
    locality: str
    list_size: int


@dataclass(frozen=True)
class MemberFacts:
    """One person's standing in the CCG today."""

    person_id: uuid.UUID
    roles: frozenset[Role]
    practices: tuple[PracticeFacts, ...]  # those they represent
    seated: bool  # holds a seat on one of the CCG's committees


@dataclass(frozen=True)
class Respondent:
    person_id: uuid.UUID
    practice: PracticeFacts | None  # the practice answered for, when responses are per practice
    groups: RespondentGroups


def respondents(member: MemberFacts, audience: Audience, unit: RespondentUnit) -> list[Respondent]:
    """How this member may answer: once for themselves, or once for each practice they may answer for."""
    invited = {AudienceRole(r.value) for r in member.roles if r.value in AudienceRole.__members__}
    if member.seated:
        invited.add(AudienceRole.COMMITTEE_MEMBER)
    if not member.roles or not invited & audience.roles:
        return []
    admitted = [p for p in member.practices if audience.admits(p)]
    leader = bool(member.roles & LEADER_ROLES) or member.seated
    if unit == RespondentUnit.PRACTICE:
        if AudienceRole.PRACTICE_REPRESENTATIVE not in audience.roles:
            return []
        return [
            Respondent(member.person_id, p, _groups(Role.PRACTICE_REPRESENTATIVE.value, p, leader)) for p in admitted
        ]
    if audience.narrowed and not admitted:
        return []
    practice = (admitted or list(member.practices) or [None])[0]
    role = next(r for r in ROLE_ORDER if r in member.roles).value
    return [Respondent(member.person_id, None, _groups(role, practice, leader))]


def _groups(role: str, practice: PracticeFacts | None, leader: bool) -> RespondentGroups:
    return RespondentGroups(
        role=role, locality=practice and practice.locality, leader=leader, band=practice and band(practice.list_size)
    )


def invitation(members: Iterable[MemberFacts], audience: Audience, unit: RespondentUnit) -> dict[str, Any]:
    """Who was asked, counted: in all, by locality, and the groups each split can have."""
    asked: dict[uuid.UUID, RespondentGroups] = {}
    catalogue: dict[GroupSplit, set[str]] = {split: set() for split in GroupSplit}
    for member in members:
        for respondent in respondents(member, audience, unit):
            key = respondent.practice.id if respondent.practice else respondent.person_id
            asked.setdefault(key, respondent.groups)
            for split in GroupSplit:
                catalogue[split].add(respondent.groups.key(split))
    by_locality = Counter(g.key(GroupSplit.LOCALITY) for g in asked.values())
    return {
        "total": len(asked),
        "by_locality": dict(sorted(by_locality.items())),
        "groups": {split.value: sorted(keys) for split, keys in catalogue.items()},
    }
