"""The quorum of one item, live: the committee's rule over the voting members in the room who are not
excluded by a declared conflict, and who chairs the item."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from quorum.committees.quorum import PresentMember, QuorumRule, evaluate
from quorum.committees.tables import MemberCategory, Office, SeatRole
from quorum.conduct.tables import EXCLUDED_FROM_DECISION, Management


@dataclass(frozen=True)
class Member:
    """A seat holder on the day of the meeting."""

    person_id: uuid.UUID
    role: SeatRole
    voting: bool
    category: MemberCategory
    party_org_id: uuid.UUID
    office: Office | None = None

    def as_seat_holder(self) -> PresentMember:
        return PresentMember(self.voting, self.category, self.party_org_id, self.role, self.office)


@dataclass(frozen=True)
class ItemQuorum:
    met: bool
    unmet: tuple[str, ...]
    present_voting: int  # voting members in the room
    counted: tuple[uuid.UUID, ...]  # voting members in the room and not excluded: who may vote
    excluded: tuple[uuid.UUID, ...]  # members taking no part in the decision
    chaired_by: uuid.UUID | None
    chair_note: str

    def to_data(self) -> dict:
        return {
            "met": self.met,
            "unmet": list(self.unmet),
            "present_voting": self.present_voting,
            "counted": [str(p) for p in self.counted],
            "excluded": [str(p) for p in self.excluded],
            "chaired_by": self.chaired_by and str(self.chaired_by),
            "chair_note": self.chair_note,
        }

    @classmethod
    def from_data(cls, data: Mapping) -> ItemQuorum:
        return cls(
            met=bool(data["met"]),
            unmet=tuple(data["unmet"]),
            present_voting=int(data["present_voting"]),
            counted=tuple(uuid.UUID(p) for p in data["counted"]),
            excluded=tuple(uuid.UUID(p) for p in data["excluded"]),
            chaired_by=data["chaired_by"] and uuid.UUID(data["chaired_by"]),
            chair_note=data["chair_note"],
        )


def who_chairs(
    members: Sequence[Member],
    in_room: Collection[uuid.UUID],
    excluded: Collection[uuid.UUID],
    names: Mapping[uuid.UUID, str],
    chosen: uuid.UUID | None = None,
) -> tuple[uuid.UUID | None, str]:
    """The chair, unless conflicted or away; then the vice chair; else the one the members present chose from
    their number (while still in the room and not conflicted)."""

    def holder(role: SeatRole) -> Member | None:
        return next((m for m in members if m.role == role), None)

    def why_not(member: Member | None, title: str) -> str | None:
        if member is None:
            return f"the committee has no {title}"
        if member.person_id in excluded:
            return f"the {title}, {names.get(member.person_id, 'who')}, is conflicted on this item"
        if member.person_id not in in_room:
            return f"the {title}, {names.get(member.person_id, 'who')}, is not in the room"
        return None

    chair, vice = holder(SeatRole.CHAIR), holder(SeatRole.VICE_CHAIR)
    chair_reason = why_not(chair, "chair")
    if chair_reason is None:
        return chair.person_id, ""
    vice_reason = why_not(vice, "vice chair")
    if vice_reason is None:
        return (
            vice.person_id,
            f"The vice chair, {names.get(vice.person_id, '')}, takes the chair for this item: {chair_reason}.",
        )
    if (
        chosen is not None
        and chosen in in_room
        and chosen not in excluded
        and any(m.person_id == chosen and m.voting for m in members)
    ):
        return chosen, (
            f"The members present chose {names.get(chosen, 'one of their number')} to chair this item: "
            f"{chair_reason}, and {vice_reason}."
        )
    return None, (
        f"The members present choose one of their number to chair this item: {chair_reason}, and {vice_reason}."
    )


def item_quorum(
    rule: QuorumRule,
    parties: Mapping[uuid.UUID, str],
    members: Sequence[Member],
    in_room: Collection[uuid.UUID],
    management: Mapping[uuid.UUID, Management],
    names: Mapping[uuid.UUID, str],
    presiding: uuid.UUID | None = None,
) -> ItemQuorum:
    excluded = {p for p, m in management.items() if m in EXCLUDED_FROM_DECISION}
    present_voting = [m for m in members if m.voting and m.person_id in in_room]
    counted = [m for m in present_voting if m.person_id not in excluded]
    result = evaluate(rule, [m.as_seat_holder() for m in counted], parties, [m.as_seat_holder() for m in members])
    chaired_by, note = who_chairs(members, in_room, excluded, names, presiding)
    return ItemQuorum(
        met=result.met,
        unmet=result.unmet,
        present_voting=len(present_voting),
        counted=tuple(m.person_id for m in counted),
        excluded=tuple(m.person_id for m in members if m.person_id in excluded),
        chaired_by=chaired_by,
        chair_note=note,
    )
