"""The register's deadlines and the gifts and hospitality thresholds (NHS England guidance, 2017).

A declaration is due within 28 days of becoming aware of an interest, and of appointment for a new
decision-maker; each decision-maker's entries are reviewed at least once a year.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from quorum.interests.tables import GiftKind

DECLARE_WITHIN = timedelta(days=28)
DUE_SOON = timedelta(days=28)


def declared_late(became_aware_on: date, declared_on: date) -> bool:
    return declared_on - became_aware_on > DECLARE_WITHIN


def a_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class ReturnStatus(str, enum.Enum):
    UP_TO_DATE = "UP_TO_DATE"
    DUE = "DUE"  # due within the next 28 days
    OVERDUE = "OVERDUE"


@dataclass(frozen=True)
class ReturnDue:
    status: ReturnStatus
    due_on: date
    reason: str


def next_return(appointed_on: date, last_return: date | None, today: date) -> ReturnDue:
    """When a decision-maker's next declaration or review is due, and whether it is late."""
    if last_return is None:
        due = appointed_on + DECLARE_WITHIN
        reason = f"First declaration due within 28 days of appointment on {appointed_on:%-d %B %Y}."
    else:
        due = a_year_after(last_return)
        reason = f"Annual review due a year after the last, made on {last_return:%-d %B %Y}."
    if today > due:
        status = ReturnStatus.OVERDUE
    elif today >= due - DUE_SOON:
        status = ReturnStatus.DUE
    else:
        status = ReturnStatus.UP_TO_DATE
    return ReturnDue(status, due, reason)


class Requirement(str, enum.Enum):
    NOT_REQUIRED = "NOT_REQUIRED"  # may be accepted and need not be declared
    DECLARE = "DECLARE"
    REFUSE_UNLESS_APPROVED = "REFUSE_UNLESS_APPROVED"
    REFUSE = "REFUSE"


@dataclass(frozen=True)
class Band:
    up_to_pence: int | None  # inclusive; None for no upper limit
    requirement: Requirement
    words: str


# (kind, from a supplier or contractor?) -> bands in increasing value.
THRESHOLDS: dict[tuple[GiftKind, bool], tuple[Band, ...]] = (
    {
        (GiftKind.HOSPITALITY, supplier): (
            Band(2499, Requirement.NOT_REQUIRED, "Hospitality under £25 need not be declared."),
            Band(7500, Requirement.DECLARE, "Hospitality of £25 to £75 must be declared."),
            Band(
                None,
                Requirement.REFUSE_UNLESS_APPROVED,
                "Hospitality over £75 must be refused unless senior approval is given, and declared if accepted.",
            ),
        )
        for supplier in (True, False)
    }
    | {
        (GiftKind.GIFT, True): (
            Band(600, Requirement.NOT_REQUIRED, "Gifts from suppliers or contractors worth up to £6 may be accepted."),
            Band(
                None,
                Requirement.REFUSE,
                "Gifts from suppliers or contractors worth over £6 must be refused and the offer declared.",
            ),
        ),
        (GiftKind.GIFT, False): (
            Band(
                5000,
                Requirement.NOT_REQUIRED,
                "Gifts from others worth up to £50 may be accepted and need not be declared.",
            ),
            Band(
                None,
                Requirement.DECLARE,
                "Gifts from others worth over £50 may be accepted only on behalf of the organisation, "
                "and must be declared.",
            ),
        ),
    }
    | {
        (GiftKind.CASH_OR_VOUCHERS, supplier): (
            Band(None, Requirement.REFUSE, "Cash and vouchers must always be refused, whatever their value."),
        )
        for supplier in (True, False)
    }
)


@dataclass(frozen=True)
class Assessment:
    requirement: Requirement
    explanation: str
    breach: str | None  # what went wrong, when what happened breaks the rule


def assess(
    kind: GiftKind, from_supplier: bool, value_pence: int, *, accepted: bool | None = None, approved: bool = False
) -> Assessment:
    band = next(b for b in THRESHOLDS[(kind, from_supplier)] if b.up_to_pence is None or value_pence <= b.up_to_pence)
    breach = None
    if accepted and band.requirement == Requirement.REFUSE:
        breach = "Accepted although it should have been refused."
    elif accepted and band.requirement == Requirement.REFUSE_UNLESS_APPROVED and not approved:
        breach = "Accepted without the approval it needs."
    return Assessment(band.requirement, band.words, breach)


def pounds(pence: int) -> str:
    return f"£{pence // 100:,}" + (f".{pence % 100:02d}" if pence % 100 else "")


def need_not_declare() -> list[tuple[GiftKind, bool, int]]:
    """(kind, from a supplier?, up to pence): the offers that need not be declared, which the published register
    leaves out (the database's search of the register is told these, so the thresholds stay here alone)."""
    return [
        (kind, supplier, bands[0].up_to_pence)
        for (kind, supplier), bands in THRESHOLDS.items()
        if bands[0].requirement == Requirement.NOT_REQUIRED and bands[0].up_to_pence is not None
    ]
