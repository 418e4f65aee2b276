"""Quorum rules as data, and their evaluation in words a chair understands.

A rule is a dict stored with the committee; every requirement in it must be met ("and"):
    {"minimum_voting": 5,                                   at least five voting members
     "categories": {"GP": 1},                               at least one GP
     "pools": [{"count": 2, "categories": ["LAY_MEMBER", "NURSE", "SECONDARY_CARE_DOCTOR"]}],
                                                            two of the lay members, nurse and secondary care doctor
     "offices": [{"count": 1, "offices": ["ACCOUNTABLE_OFFICER", "CHIEF_FINANCE_OFFICER"]}],
                                                            the accountable officer or the chief finance officer
     "chair_or_vice_chair": true,                           the chair or the vice chair
     "each_party": true,                                    a voting member from each party (joint committees)
     "clinical_majority": true,                             most of those present are clinicians
     "fraction": [1, 3]}                                    a third of the voting membership
Rules written before pools and offices existed hold only the first three keys and read the same.
Only voting members count towards quorum. `evaluate` is the one entry point for "is this quorate?";
`cannot_be_met` says why the committee's seats can never satisfy a rule.
"""

from __future__ import annotations

import itertools
import math
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from quorum.committees.tables import MemberCategory, Office, SeatRole

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
OFFICE_WORDS = {
    Office.ACCOUNTABLE_OFFICER: "accountable officer",
    Office.CHIEF_FINANCE_OFFICER: "chief finance officer",
    Office.DIRECTOR_OF_NURSING: "director of nursing",
    Office.DIRECTOR_OF_COMMISSIONING: "director of commissioning",
    Office.DIRECTOR_OF_PUBLIC_HEALTH: "director of public health",
    Office.MEDICAL_DIRECTOR: "medical director",
    Office.CLINICAL_LEAD: "clinical lead",
    Office.LAY_MEMBER_GOVERNANCE: "lay member for governance",
    Office.LAY_MEMBER_PATIENT_INVOLVEMENT: "lay member for patient and public involvement",
    Office.REGISTERED_NURSE: "registered nurse",
    Office.SECONDARY_CARE_SPECIALIST: "secondary care specialist doctor",
    Office.AREA_TEAM_DIRECTOR: "area team director of commissioning",
    Office.LMC_REPRESENTATIVE: "LMC representative",
    Office.HEALTHWATCH_REPRESENTATIVE: "Healthwatch representative",
    Office.HWB_REPRESENTATIVE: "Health and Wellbeing Board representative",
    Office.LOCAL_AUTHORITY_REPRESENTATIVE: "local authority representative",
}
CLINICAL = frozenset({MemberCategory.GP, MemberCategory.NURSE, MemberCategory.SECONDARY_CARE_DOCTOR})
NUMBER_WORDS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
FRACTION_WORDS = {
    (1, 2): "half",
    (1, 3): "a third",
    (2, 3): "two thirds",
    (1, 4): "a quarter",
    (3, 4): "three quarters",
}
CLINICAL_MAJORITY_UNMET = (
    "Most of the voting members present must be clinicians (GPs, nurses or secondary care doctors)"
)
MOST_COMBINATIONS = 20_000  # how far cannot_be_met searches for a clinical majority before giving the rule the benefit


COUNTS = "Quorum counts must be whole numbers, at least one voting member in all."


class InvalidRule(ValueError):
    """A rule that cannot be evaluated; the message says why, for the secretary."""


@dataclass(frozen=True)
class Pool:
    """At least `count` voting members from any of these categories."""

    count: int
    categories: tuple[MemberCategory, ...]


@dataclass(frozen=True)
class Offices:
    """At least `count` of these offices held by voting members present."""

    count: int
    offices: tuple[Office, ...]


@dataclass(frozen=True)
class QuorumRule:
    minimum_voting: int = 1
    categories: Mapping[MemberCategory, int] = field(default_factory=dict)
    each_party: bool = False
    pools: tuple[Pool, ...] = ()
    offices: tuple[Offices, ...] = ()
    chair_or_vice_chair: bool = False
    clinical_majority: bool = False
    fraction: tuple[int, int] | None = None  # of the voting membership, rounded up

    @classmethod
    def from_data(cls, data: Mapping) -> QuorumRule:
        try:
            minimum = int(data.get("minimum_voting", 1))
            categories = {MemberCategory(k): int(v) for k, v in (data.get("categories") or {}).items()}
            pools = tuple(
                Pool(int(p["count"]), tuple(dict.fromkeys(MemberCategory(c) for c in p["categories"])))
                for p in data.get("pools") or ()
            )
            offices = tuple(
                Offices(int(o.get("count", 1)), tuple(dict.fromkeys(Office(x) for x in o["offices"])))
                for o in data.get("offices") or ()
            )
            fraction = data.get("fraction")
            fraction = (int(fraction[0]), int(fraction[1])) if fraction else None
            flags = {k: bool(data.get(k, False)) for k in ("each_party", "chair_or_vice_chair", "clinical_majority")}
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            raise InvalidRule(COUNTS) from None
        if minimum < 1 or any(v < 0 for v in categories.values()):
            raise InvalidRule(COUNTS)
        if any(p.count < 1 or len(p.categories) < 2 or p.count > 50 for p in pools):
            raise InvalidRule("A pool names at least two categories and needs at least one of them.")
        if any(o.count < 1 or not o.offices or o.count > len(o.offices) for o in offices):
            raise InvalidRule("Name at least one office, and need no more of them than are named.")
        if fraction and not (1 <= fraction[0] <= fraction[1] and 2 <= fraction[1] <= 10):
            raise InvalidRule("A fraction of the membership is between a tenth and the whole.")
        in_order = {c: categories[c] for c in MemberCategory if categories.get(c, 0) > 0}  # JSON keeps no order
        return cls(minimum, in_order, pools=pools, offices=offices, fraction=fraction, **flags)

    def to_data(self) -> dict:
        data: dict = {
            "minimum_voting": self.minimum_voting,
            "categories": {k.value: v for k, v in self.categories.items()},
            "each_party": self.each_party,
        }
        if self.pools:
            data["pools"] = [{"count": p.count, "categories": [c.value for c in p.categories]} for p in self.pools]
        if self.offices:
            data["offices"] = [{"count": o.count, "offices": [x.value for x in o.offices]} for o in self.offices]
        if self.chair_or_vice_chair:
            data["chair_or_vice_chair"] = True
        if self.clinical_majority:
            data["clinical_majority"] = True
        if self.fraction:
            data["fraction"] = list(self.fraction)
        return data

    def in_words(self) -> str:
        members = plural(self.minimum_voting, "member", "members")
        parts = [f"at least {count(self.minimum_voting)} voting {members} present"]
        parts += [f"at least {count(n)} {category_words(c, n)}" for c, n in self.categories.items()]
        parts += [
            f"at least {count(p.count)} of the {join([category_words(c, 2) for c in p.categories])}" for p in self.pools
        ]
        parts += [offices_in_words(o) for o in self.offices]
        if self.chair_or_vice_chair:
            parts.append("the chair or the vice chair")
        if self.fraction:
            parts.append(f"at least {fraction_words(self.fraction)} of the voting membership")
        if self.clinical_majority:
            parts.append("a clinical majority of the voting members present")
        if self.each_party:
            parts.append("at least one voting member from each party")
        return "Quorate with " + join(parts) + "."


@dataclass(frozen=True)
class PresentMember:
    """A seat holder: present at a meeting when passed to `evaluate` as present, or merely seated."""

    voting: bool
    category: MemberCategory
    party_org_id: uuid.UUID
    role: SeatRole = SeatRole.MEMBER
    office: Office | None = None


@dataclass(frozen=True)
class QuorumResult:
    met: bool
    unmet: tuple[str, ...]


def evaluate(
    rule: QuorumRule,
    present: Iterable[PresentMember],
    parties: Mapping[uuid.UUID, str],
    seated: Sequence[PresentMember] | None = None,
) -> QuorumResult:
    """Is a meeting with these members present quorate? `parties` names each party (joint committees);
    `seated` is the whole membership on the day (a fraction of it may be required, and the reasons speak of
    "the lay members" when more than one is seated). Without it, those present are taken as the membership."""
    voting = [m for m in present if m.voting]
    membership = [m for m in (seated if seated is not None else voting) if m.voting]
    unmet: list[str] = []
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
    seated_in = Counter(m.category for m in membership)
    for pool in rule.pools:
        have = sum(by_category[c] for c in pool.categories)
        if have < pool.count:
            # "the lay members, nurse and ..."
            named = join([category_words(c, max(seated_in[c], 1)) for c in pool.categories])
            unmet.append(
                f"{capital(count(pool.count))} of the {named} {plural(pool.count, 'is', 'are')} needed; "
                f"{present_count(have)}."
            )
    offices_present = Counter(m.office for m in voting if m.office is not None)
    for group in rule.offices:
        have = sum(min(offices_present[o], 1) for o in group.offices)
        if have < group.count:
            unmet.append(offices_unmet(group, have))
    if rule.chair_or_vice_chair and not any(m.role in (SeatRole.CHAIR, SeatRole.VICE_CHAIR) for m in voting):
        unmet.append("Neither the chair nor the vice chair is present.")
    if rule.fraction:
        needed = math.ceil(len(membership) * rule.fraction[0] / rule.fraction[1])
        if len(voting) < needed:
            unmet.append(
                f"At least {fraction_words(rule.fraction)} of the {count(len(membership))} voting "
                f"{plural(len(membership), 'member', 'members')} ({count(needed)}) must be present; "
                f"{how_many_are(len(voting))}."
            )
    if rule.clinical_majority:
        clinicians = sum(1 for m in voting if m.category in CLINICAL)
        if clinicians * 2 <= len(voting):
            unmet.append(
                f"{CLINICAL_MAJORITY_UNMET}; "
                f"{count(clinicians)} of {count(len(voting))} {plural(clinicians, 'is', 'are')}."
            )
    if rule.each_party:
        represented = {m.party_org_id for m in voting}
        for party_id, name in parties.items():
            if party_id not in represented:
                unmet.append(f"At least one voting member from {name} must be present; none is.")
    return QuorumResult(met=not unmet, unmet=tuple(unmet))


def cannot_be_met(
    rule: QuorumRule, seated: Sequence[PresentMember], parties: Mapping[uuid.UUID, str]
) -> tuple[str, ...]:
    """Why no meeting of these seat holders could be quorate under the rule (empty when one could).

    Every requirement but a clinical majority is easier the more members come, so the whole voting membership
    present is the best case; a clinical majority needs every clinician and as few others as will do."""
    voting = [m for m in seated if m.voting]
    everyone = evaluate(rule, voting, parties, seated)
    if everyone.met:
        return ()
    if not rule.clinical_majority or any(r != clinical_majority_unmet(everyone.unmet) for r in everyone.unmet):
        return everyone.unmet
    clinicians = [m for m in voting if m.category in CLINICAL]
    others = [m for m in voting if m.category not in CLINICAL]
    tried = 0
    for size in range(0, min(len(others), max(len(clinicians) - 1, 0)) + 1):
        for chosen in itertools.combinations(others, size):
            tried += 1
            if tried > MOST_COMBINATIONS or evaluate(rule, [*clinicians, *chosen], parties, seated).met:
                return ()
    return evaluate(rule, clinicians, parties, seated).unmet or (
        "No combination of the current members gives a clinical majority and meets the other requirements.",
    )


def clinical_majority_unmet(reasons: Sequence[str]) -> str | None:
    return next((r for r in reasons if r.startswith(CLINICAL_MAJORITY_UNMET)), None)


def offices_in_words(group: Offices) -> str:
    names = [f"the {OFFICE_WORDS[o]}" for o in group.offices]
    if group.count == 1:
        return join(names, "or")
    if group.count == len(names):
        return join(names)
    return f"at least {count(group.count)} of {join(names)}"


def offices_unmet(group: Offices, have: int) -> str:
    names = [f"the {OFFICE_WORDS[o]}" for o in group.offices]
    if len(names) == 1:
        return f"{capital(names[0])} is not present."
    if group.count == 1 and len(names) == 2:
        return f"Neither {names[0]} nor {names[1]} is present."
    needed = plural(group.count, "is", "are")
    return f"{capital(count(group.count))} of {join(names)} {needed} needed; {present_count(have)}."


def office_words(office: Office) -> str:
    return OFFICE_WORDS[office]


def seat_title(role: SeatRole, category: MemberCategory, office: Office | None, voting: bool) -> str:
    """How minutes and the committee page name a seat: "Chair, lay member for governance",
    "LMC representative, non-voting"."""
    what = office_words(office) if office else category_words(category, 1)
    if role in (SeatRole.CHAIR, SeatRole.VICE_CHAIR):
        return f"{role.name.replace('_', ' ').capitalize()}, {what}"
    if role == SeatRole.IN_ATTENDANCE:
        return "In attendance" if office is None and category == MemberCategory.OTHER else f"In attendance, {what}"
    return what[:1].upper() + what[1:] + ("" if voting else ", non-voting")


def fraction_words(fraction: tuple[int, int]) -> str:
    return FRACTION_WORDS.get(fraction, f"{fraction[0]}/{fraction[1]}")


def count(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def how_many_are(n: int) -> str:
    return f"{count(n)} {plural(n, 'is', 'are')}" if n else "none is"


def present_count(n: int) -> str:
    return f"{how_many_are(n)} present"


def plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def category_words(category: MemberCategory, n: int) -> str:
    one, many = CATEGORY_WORDS[category]
    return one if n == 1 else many


def join(parts: list[str], conjunction: str = "and") -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {conjunction} " + parts[-1]
