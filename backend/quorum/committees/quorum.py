"""Quorum rules as data, and their evaluation in words a chair understands.

A rule is a dict stored with the committee:
    {"minimum_voting": 4, "categories": {"LAY_MEMBER": 1, "GP": 1, "EXECUTIVE": 1}, "each_party": true}
Only voting members count towards quorum.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from quorum.committees.tables import MemberCategory

CATEGORY_WORDS = {
    MemberCategory.GP: ("GP", "GPs"),
    MemberCategory.LAY_MEMBER: ("lay member", "lay members"),
    MemberCategory.EXECUTIVE: ("executive", "executives"),
    MemberCategory.NURSE: ("nurse", "nurses"),
    MemberCategory.SECONDARY_CARE_DOCTOR: ("secondary care doctor", "secondary care doctors"),
    MemberCategory.NHS_ENGLAND: ("NHS England member", "NHS England members"),
    MemberCategory.HEALTHWATCH: ("Healthwatch member", "Healthwatch members"),
    MemberCategory.HWB: ("Health and Wellbeing Board member", "Health and Wellbeing Board members"),
    MemberCategory.LMC: ("LMC member", "LMC members"),
    MemberCategory.OTHER: ("other member", "other members"),
}
NUMBER_WORDS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


class InvalidRule(ValueError):
    pass


@dataclass(frozen=True)
class QuorumRule:
    minimum_voting: int = 1
    categories: Mapping[MemberCategory, int] = field(default_factory=dict)
    each_party: bool = False

    @classmethod
    def from_data(cls, data: Mapping) -> QuorumRule:
        try:
            minimum = int(data.get("minimum_voting", 1))
            categories = {MemberCategory(k): int(v) for k, v in (data.get("categories") or {}).items()}
            each_party = bool(data.get("each_party", False))
        except (TypeError, ValueError) as error:
            raise InvalidRule(str(error)) from None
        if minimum < 1 or any(v < 0 for v in categories.values()):
            raise InvalidRule("Counts must be positive.")
        in_order = {c: categories[c] for c in MemberCategory if categories.get(c, 0) > 0}  # JSON keeps no order
        return cls(minimum, in_order, each_party)

    def to_data(self) -> dict:
        return {
            "minimum_voting": self.minimum_voting,
            "categories": {k.value: v for k, v in self.categories.items()},
            "each_party": self.each_party,
        }

    def in_words(self) -> str:
        parts = [f"at least {count(self.minimum_voting)} voting {plural(self.minimum_voting, 'member', 'members')} present"]
        parts += [f"at least {count(n)} {category_words(c, n)}" for c, n in self.categories.items()]
        if self.each_party:
            parts.append("at least one voting member from each party")
        return "Quorate with " + join(parts) + "."


@dataclass(frozen=True)
class PresentMember:
    voting: bool
    category: MemberCategory
    party_org_id: uuid.UUID


@dataclass(frozen=True)
class QuorumResult:
    met: bool
    unmet: tuple[str, ...]


def evaluate(rule: QuorumRule, present: Iterable[PresentMember], parties: Mapping[uuid.UUID, str]) -> QuorumResult:
    """Is a meeting with these members present quorate? `parties` names each party (joint committees)."""
    voting = [m for m in present if m.voting]
    unmet = []
    if len(voting) < rule.minimum_voting:
        unmet.append(
            f"At least {count(rule.minimum_voting)} voting {plural(rule.minimum_voting, 'member', 'members')} "
            f"must be present; {how_many_are(len(voting))}."
        )
    by_category = Counter(m.category for m in voting)
    for category, needed in rule.categories.items():
        have = by_category[category]
        if have < needed:
            unmet.append(
                f"At least {count(needed)} voting {category_words(category, needed)} must be present; "
                f"{how_many_are(have)}."
            )
    if rule.each_party:
        represented = {m.party_org_id for m in voting}
        for party_id, name in parties.items():
            if party_id not in represented:
                unmet.append(f"At least one voting member from {name} must be present; none is.")
    return QuorumResult(met=not unmet, unmet=tuple(unmet))


def count(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def how_many_are(n: int) -> str:
    return f"{count(n)} {plural(n, 'is', 'are')}" if n else "none is"


def plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def category_words(category: MemberCategory, n: int) -> str:
    one, many = CATEGORY_WORDS[category]
    return one if n == 1 else many


def join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
