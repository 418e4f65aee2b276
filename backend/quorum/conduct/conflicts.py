"""Likely conflicts before the meeting: the register against the organisations and practices each item
concerns, for the secretary to confirm as declarations."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from quorum.conduct.tables import Management
from quorum.interests.tables import Interest, InterestCategory
from quorum.meetings.tables import AgendaItem, Purpose

# What the chair is likely to decide; the secretary confirms or changes it.
LIKELY_MANAGEMENT = {
    InterestCategory.FINANCIAL: Management.LEAVE_ROOM,
    InterestCategory.NON_FINANCIAL_PROFESSIONAL: Management.DISCUSSION_NOT_DECISION,
    InterestCategory.INDIRECT: Management.DISCUSSION_NOT_DECISION,
    InterestCategory.NON_FINANCIAL_PERSONAL: Management.DECLARE_ONLY,
}
# Items on which the committee decides: a financial interest there calls for more than "declare only".
DECIDING = frozenset({Purpose.DECISION, Purpose.APPROVAL, Purpose.RATIFICATION})


def management_warning(category: InterestCategory, management: Management, purpose: Purpose) -> str | None:
    if category == InterestCategory.FINANCIAL and management == Management.DECLARE_ONLY and purpose in DECIDING:
        return (
            "A financial interest in an item for decision is managed as declare only: the member takes part in "
            "the decision. The guidance expects them to take no part unless the chair minutes why they may."
        )
    return None


CATEGORY_WORDS = {
    InterestCategory.FINANCIAL: "financial interest",
    InterestCategory.NON_FINANCIAL_PROFESSIONAL: "non-financial professional interest",
    InterestCategory.NON_FINANCIAL_PERSONAL: "non-financial personal interest",
    InterestCategory.INDIRECT: "indirect interest",
}


@dataclass(frozen=True)
class Suggestion:
    item_id: uuid.UUID
    person_id: uuid.UUID
    interest: Interest
    reason: str
    management: Management


def suggest(
    items: Sequence[AgendaItem],
    people: Collection[uuid.UUID],
    interests: Sequence[Interest],
    declared: Collection[tuple[uuid.UUID, uuid.UUID]],
    names: Mapping[uuid.UUID, str],
    on: date,
) -> list[Suggestion]:
    """One suggestion per item and person not yet declared: their first matching current interest."""
    found = []
    for item in items:
        named = set(item.concerns_org_ids) | set(item.concerns_practice_ids)
        if not named:
            continue
        for person_id in people:
            if (item.id, person_id) in declared:
                continue
            for interest in interests:
                if interest.person_id != person_id or not interest.is_current_on(on):
                    continue
                shared = [c for c in (*interest.concerns_org_ids, *interest.concerns_practice_ids) if c in named]
                if shared:
                    category = InterestCategory(interest.category)
                    concerns = ", ".join(names.get(c, "an organisation") for c in shared)
                    found.append(
                        Suggestion(
                            item.id,
                            person_id,
                            interest,
                            f"A {CATEGORY_WORDS[category]} ({interest.description}) concerning {concerns},"
                            " which this item concerns.",
                            LIKELY_MANAGEMENT[category],
                        )
                    )
                    break
    return found
