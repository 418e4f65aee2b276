"""The one place Quorum asks the time, so tests can move it.

Dates (memberships, seats) are English calendar dates, so "today" is London's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def now() -> datetime:
    return datetime.now(UTC)


def local_date(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


def today() -> date:
    return local_date(now())
