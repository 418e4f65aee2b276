"""The agenda's shape: standard items, numbering and moves, as plain functions over items."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from quorum.meetings.tables import AgendaItem, Part, Purpose


@dataclass(frozen=True)
class TemplateItem:
    title: str
    purpose: Purpose
    minutes: int
    at_end: bool = False

    def to_data(self) -> dict:
        return {"title": self.title, "purpose": self.purpose.value, "minutes": self.minutes, "at_end": self.at_end}

    @classmethod
    def from_data(cls, data: dict) -> TemplateItem:
        return cls(data["title"], Purpose(data["purpose"]), int(data["minutes"]), bool(data.get("at_end", False)))


# The standard opening of a CCG committee's agenda, and questions from the public at the end.
STANDARD_TEMPLATE = (
    TemplateItem("Welcome and apologies for absence", Purpose.NOTE, 5),
    TemplateItem("Confirmation of quorum", Purpose.NOTE, 2),
    TemplateItem("Declarations of interest", Purpose.NOTE, 5),
    TemplateItem("Minutes of the last meeting", Purpose.APPROVAL, 5),
    TemplateItem("Action log", Purpose.ASSURANCE, 5),
    TemplateItem("Matters arising", Purpose.DISCUSSION, 5),
    TemplateItem("Questions from the public", Purpose.DISCUSSION, 15, at_end=True),
)


def template_of(data: list[dict]) -> tuple[TemplateItem, ...]:
    return tuple(TemplateItem.from_data(d) for d in data) if data else STANDARD_TEMPLATE


def numbers(items: Sequence[AgendaItem]) -> dict[uuid.UUID, str]:
    """ "5" for the fifth item, "5.1" for its first sub-item: Part I first, then Part II, each in order."""
    result: dict[uuid.UUID, str] = {}
    tops = sorted((i for i in items if i.parent_id is None), key=lambda i: (i.part != Part.PUBLIC, i.position))
    for n, top in enumerate(tops, start=1):
        result[top.id] = str(n)
        subs = sorted((i for i in items if i.parent_id == top.id), key=lambda i: i.position)
        for m, sub in enumerate(subs, start=1):
            result[sub.id] = f"{n}.{m}"
    return result


def in_agenda_order(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    """Part I items before Part II ones, each followed by its sub-items, as the agenda presents them."""
    tops = sorted((i for i in items if i.parent_id is None), key=lambda i: (i.part != Part.PUBLIC, i.position))
    result: list[AgendaItem] = []
    for top in tops:
        result.append(top)
        result.extend(sorted((i for i in items if i.parent_id == top.id), key=lambda i: i.position))
    return result


def start_times(items: Sequence[AgendaItem], starts_at: datetime) -> dict[uuid.UUID, datetime]:
    """When each item starts: the meeting's start plus the minutes of every item before it, in agenda order.

    An item's minutes are its own; its sub-items follow it with theirs (a parent's minutes are its introduction).
    """
    result: dict[uuid.UUID, datetime] = {}
    at = starts_at
    for item in in_agenda_order(items):
        result[item.id] = at
        at += timedelta(minutes=item.minutes_allotted)
    return result


def new_item_position(
    items: Sequence[AgendaItem], parent_id: uuid.UUID | None, part: Part, *, closing: bool = False
) -> int:
    """Where a new item goes among its siblings: before the closing items of its part (unless it closes the agenda
    itself), and a Part I item before any Part II item (the parts' main items share one order); else last."""
    siblings = [i for i in items if i.parent_id == parent_id]
    after = [
        i.position
        for i in siblings
        if (i.closing and i.part == part and not closing) or (part == Part.PUBLIC and i.part == Part.PRIVATE)
    ]
    return min(after) if after else max((i.position for i in siblings), default=0) + 1


class InvalidMove(ValueError):
    pass


def move(
    items: Sequence[AgendaItem], item_id: uuid.UUID, parent_id: uuid.UUID | None, position: int
) -> dict[uuid.UUID, tuple[uuid.UUID | None, int]]:
    """New (parent, position) for every item after moving one; raises InvalidMove with a reason."""
    by_id = {i.id: i for i in items}
    item = by_id.get(item_id)
    if item is None:
        raise InvalidMove("That item is not on this agenda.")
    if parent_id is not None:
        parent = by_id.get(parent_id)
        if parent is None:
            raise InvalidMove("The new parent is not on this agenda.")
        if parent.parent_id is not None:
            raise InvalidMove("Sub-items cannot have sub-items of their own.")
        if parent_id == item_id:
            raise InvalidMove("An item cannot be its own sub-item.")
        if any(i.parent_id == item_id for i in items):
            raise InvalidMove("An item with sub-items cannot become a sub-item.")
    siblings = sorted((i for i in items if i.parent_id == parent_id and i.id != item_id), key=lambda i: i.position)
    if not 1 <= position <= len(siblings) + 1:
        raise InvalidMove(f"Position must be between 1 and {len(siblings) + 1}.")
    siblings.insert(position - 1, item)
    placed = {s.id: (parent_id, n) for n, s in enumerate(siblings, start=1)}
    if item.parent_id != parent_id:  # close the gap it left
        old = sorted((i for i in items if i.parent_id == item.parent_id and i.id != item_id), key=lambda i: i.position)
        placed |= {s.id: (item.parent_id, n) for n, s in enumerate(old, start=1)}
    return placed
