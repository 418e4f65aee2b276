"""What the later stages need to know of the organisations, people and committees generated first."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from quorum.committees.tables import MemberCategory, SeatRole
from quorum.seed.scale.plan import Rng, Scale, add_months, rng_for


@dataclass(frozen=True)
class Slot:
    """A place on a CCG's governing body; its holders change over the years."""

    number: int
    title: str
    category: MemberCategory
    role: SeatRole

    @property
    def is_gp(self) -> bool:
        return self.category == MemberCategory.GP

    @property
    def is_executive(self) -> bool:
        return self.number in (4, 5, 6)


GOVERNING_BODY_SLOTS = (
    Slot(1, "Clinical chair", MemberCategory.GP, SeatRole.CHAIR),
    Slot(2, "Lay member for governance", MemberCategory.LAY_MEMBER, SeatRole.VICE_CHAIR),
    Slot(3, "Lay member for patient and public involvement", MemberCategory.LAY_MEMBER, SeatRole.MEMBER),
    Slot(4, "Accountable officer", MemberCategory.EXECUTIVE, SeatRole.MEMBER),
    Slot(5, "Chief finance officer", MemberCategory.EXECUTIVE, SeatRole.MEMBER),
    Slot(6, "Director of nursing and quality", MemberCategory.NURSE, SeatRole.MEMBER),
    Slot(7, "Secondary care doctor", MemberCategory.SECONDARY_CARE_DOCTOR, SeatRole.MEMBER),
    *(Slot(n, "GP member", MemberCategory.GP, SeatRole.MEMBER) for n in range(8, 12)),
)


@dataclass
class Tenure:
    """Someone holding a governing body slot between two dates (their membership and seats follow it)."""

    person_id: uuid.UUID
    slot: Slot
    valid_from: date
    valid_to: date | None

    def active_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass
class SeatHolder:
    """A seat as the meeting generator needs it."""

    person_id: uuid.UUID
    role: SeatRole
    voting: bool
    category: MemberCategory
    party_org_id: uuid.UUID
    valid_from: date
    valid_to: date | None
    office: str | None = None  # the generated committees' rules name no offices; the demo's do

    def active_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass
class CommitteeInfo:
    id: uuid.UUID
    org_id: uuid.UUID
    kind: str
    name: str
    quorum_rule: dict
    host: CcgInfo
    months: frozenset[int]  # months of the year it meets in
    weekday: int
    week: int
    hour: int
    seats: list[SeatHolder] = field(default_factory=list)
    parties: dict[uuid.UUID, str] = field(default_factory=dict)  # joint committees only
    delegations: list[tuple] = field(default_factory=list)  # delegation rows it holds

    @property
    def is_joint(self) -> bool:
        return self.kind == "JOINT_COMMITTEE"


@dataclass
class PracticeInfo:
    id: uuid.UUID
    ods_code: str
    name: str
    list_size: int
    locality: str
    rep_id: uuid.UUID


@dataclass
class AreaTeamInfo:
    id: uuid.UUID
    ods_code: str
    name: str
    officer_id: uuid.UUID
    ccgs: list[CcgInfo] = field(default_factory=list)


@dataclass
class CcgInfo:
    id: uuid.UUID
    ods_code: str
    name: str
    place: str
    area_team: AreaTeamInfo
    practice_prefix: str
    localities: list[str]
    secretary_id: uuid.UUID
    practices: list[PracticeInfo] = field(default_factory=list)
    staff_ids: list[uuid.UUID] = field(default_factory=list)
    tenures: list[Tenure] = field(default_factory=list)
    home_practice: dict[uuid.UUID, PracticeInfo] = field(default_factory=dict)  # GP members' own practices
    committees: dict[str, CommitteeInfo] = field(default_factory=dict)
    co_commissioning: str | None = None  # JOINT, DELEGATED or None (greater involvement)
    voting_rules: tuple | None = None  # its ballot_settings row
    interests: dict[uuid.UUID, list[tuple]] = field(default_factory=dict)  # person -> interest rows
    _holders: dict[tuple[int, date], uuid.UUID] = field(default_factory=dict, repr=False)

    def holder(self, slot_number: int, day: date) -> uuid.UUID:
        """Who held a governing body slot on a day (the first holder, before the records begin)."""
        found = self._holders.get((slot_number, day))
        if found is None:
            held = [t for t in self.tenures if t.slot.number == slot_number]
            found = self._holders[(slot_number, day)] = next(
                (t.person_id for t in held if t.active_on(day)), held[0].person_id
            )
        return found

    def governing_body_on(self, day: date) -> list[Tenure]:
        return [t for t in self.tenures if t.active_on(day)]


@dataclass
class World:
    scale: Scale
    seed: int
    anchor: date
    area_teams: list[AreaTeamInfo] = field(default_factory=list)
    names: dict[uuid.UUID, str] = field(default_factory=dict)  # every person's name
    platform_admin_id: uuid.UUID | None = None

    @property
    def ccgs(self) -> list[CcgInfo]:
        return [c for a in self.area_teams for c in a.ccgs]

    @property
    def history_start(self) -> date:
        return add_months(self.anchor, -self.scale.history_months)

    def email(self, local: str) -> str:
        return f"{local}@{self.scale.domain}"

    @property
    def established(self) -> date:
        """When the memberships and seats in force as the records begin were taken up."""
        return add_months(self.history_start, -12)

    def rng(self, *names: object) -> Rng:
        return rng_for(self.seed, self.scale.name, *names)
