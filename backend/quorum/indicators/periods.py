"""Reporting periods as written in a file: 2024-03 (a month), 2024-Q1 (a quarter), 2024 (a year)."""

from __future__ import annotations

import re
from datetime import date

from quorum.indicators.tables import PeriodKind

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


def parse_period(text: str) -> tuple[PeriodKind, date] | None:
    text = text.strip()
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        return (PeriodKind.MONTH, date(year, month, 1)) if 1 <= month <= 12 and 1990 <= year <= 2100 else None
    if m := _QUARTER.match(text):
        year = int(m[1])
        return (PeriodKind.QUARTER, date(year, 3 * int(m[2]) - 2, 1)) if 1990 <= year <= 2100 else None
    if m := _YEAR.match(text.removesuffix(".0")):
        year = int(m[1])
        return (PeriodKind.YEAR, date(year, 1, 1)) if 1990 <= year <= 2100 else None
    return None


def period_label(kind: PeriodKind, start: date) -> str:
    if kind == PeriodKind.MONTH:
        return f"{start:%Y-%m}"
    if kind == PeriodKind.QUARTER:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)
