"""How much to generate, the calendar everything is laid out on, and the seeded randomness behind it."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from quorum.clock import LONDON


@dataclass(frozen=True)
class Scale:
    name: str
    area_teams: int
    ccgs: int
    practices: int
    history_months: int  # months of meetings held before the anchor month
    domain: str  # of every generated person's email


SCALES = {
    "national": Scale(
        "national", area_teams=27, ccgs=211, practices=7_500, history_months=60, domain="national.quorum.example"
    ),
    "small": Scale("small", area_teams=2, ccgs=5, practices=150, history_months=12, domain="small.quorum.example"),
}
MONTHS_AHEAD = 2  # months of meetings already arranged after the anchor month


def default_anchor(today: date) -> date:
    """The first day of the current month: the same seed gives the same data all month."""
    return today.replace(day=1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def nth_weekday(month: date, weekday: int, n: int) -> date:
    """The n-th (from 1) `weekday` (Monday is 0) of `month`."""
    first = month.replace(day=1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def london(day: date, hour: int, minute: int = 0) -> datetime:
    """A London wall-clock moment, in UTC as the database gives it back."""
    return datetime.combine(day, time(hour, minute), LONDON).astimezone(UTC)


def midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time(0), UTC)


class Rng(random.Random):
    """Seeded randomness, and ids drawn from it: the same seed gives the same ids."""

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.getrandbits(128), version=4)

    def chance(self, probability: float) -> bool:
        return self.random() < probability


def rng_for(seed: int, *names: object) -> Rng:
    """A generator of its own for one part of the data (one CCG, one committee), fixed by the seed and the names."""
    return Rng(":".join(map(str, (seed, *names))))
