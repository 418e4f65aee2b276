"""Respondent groups: the fixed attributes recorded with each response, and how results are split by them.

"Leaders" hold a formal CCG role: governing body members, board secretaries,
administrators, and anyone holding a seat on one of the CCG's committees
(the King's Fund compared them with members without a formal role).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from quorum.access import Role


class GroupSplit(str, enum.Enum):
    LEADERSHIP = "LEADERSHIP"
    ROLE = "ROLE"
    LOCALITY = "LOCALITY"
    LIST_SIZE = "LIST_SIZE"


LEADER_ROLES = frozenset({Role.GOVERNING_BODY_MEMBER, Role.BOARD_SECRETARY, Role.ADMINISTRATOR})
# When someone holds several roles, they are counted under the first of these.
ROLE_ORDER = (
    Role.GOVERNING_BODY_MEMBER,
    Role.BOARD_SECRETARY,
    Role.ADMINISTRATOR,
    Role.STAFF,
    Role.PRACTICE_REPRESENTATIVE,
)
ROLE_LABELS = {
    Role.GOVERNING_BODY_MEMBER.value: "Governing body members",
    Role.BOARD_SECRETARY.value: "Board secretaries",
    Role.ADMINISTRATOR.value: "Administrators",
    Role.STAFF.value: "Staff",
    Role.PRACTICE_REPRESENTATIVE.value: "Practice representatives",
}
LEADERS, OTHERS = "LEADERS", "OTHERS"
LEADERSHIP_LABELS = {LEADERS: "Leaders (formal CCG role)", OTHERS: "Members without a formal role"}
# (smallest list size, key, label)
LIST_SIZE_BANDS = (
    (0, "UNDER_5000", "Under 5,000 patients"),
    (5000, "5000_TO_9999", "5,000 to 9,999 patients"),
    (10000, "10000_TO_14999", "10,000 to 14,999 patients"),
    (15000, "15000_AND_OVER", "15,000 patients or more"),
)
NO_PRACTICE = ""
NO_PRACTICE_LABEL = "Not linked to a practice"
SPLIT_LABELS = {
    GroupSplit.LEADERSHIP: "Leaders and other members",
    GroupSplit.ROLE: "Role",
    GroupSplit.LOCALITY: "Locality",
    GroupSplit.LIST_SIZE: "Practice list size",
}


def band(list_size: int) -> str:
    return [key for floor, key, _ in LIST_SIZE_BANDS if list_size >= floor][-1]


@dataclass(frozen=True)
class RespondentGroups:
    role: str
    locality: str | None
    leader: bool
    band: str | None

    def key(self, split: GroupSplit) -> str:
        if split == GroupSplit.LEADERSHIP:
            return LEADERS if self.leader else OTHERS
        if split == GroupSplit.ROLE:
            return self.role
        if split == GroupSplit.LOCALITY:
            return self.locality or NO_PRACTICE
        return self.band or NO_PRACTICE


def label(split: GroupSplit, key: str) -> str:
    if split == GroupSplit.LEADERSHIP:
        return LEADERSHIP_LABELS.get(key, key)
    if split == GroupSplit.ROLE:
        return ROLE_LABELS.get(key, key)
    if key == NO_PRACTICE:
        return NO_PRACTICE_LABEL
    if split == GroupSplit.LIST_SIZE:
        return next((text for _, k, text in LIST_SIZE_BANDS if k == key), key)
    return key


def order(split: GroupSplit, keys: set[str]) -> list[str]:
    """Groups in the order a report lists them."""
    if split == GroupSplit.LEADERSHIP:
        ranked = [LEADERS, OTHERS]
    elif split == GroupSplit.ROLE:
        ranked = [r.value for r in ROLE_ORDER]
    elif split == GroupSplit.LIST_SIZE:
        ranked = [k for _, k, _ in LIST_SIZE_BANDS]
    else:
        ranked = sorted(k for k in keys if k != NO_PRACTICE)
    ranked.append(NO_PRACTICE)
    return [k for k in dict.fromkeys(ranked) if k in keys] + sorted(keys - set(ranked))
