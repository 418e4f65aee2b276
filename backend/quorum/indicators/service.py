"""The dashboard's three forms of one indicator, each decided here from the caller's access.

- Public (and Part I): per period, the number of practices, quartiles and mean, withheld when fewer than
  PUBLIC_THRESHOLD practices reported (the surveys' rule, `surveys.disclosure.protect`). One aggregate is published
  per indicator and period, over every practice that reported, so no two published figures differ by one practice.
- A practice's own view: its figures named, its rank ("3rd of 11") and the others' values anonymised. The others
  are given as a sorted list of values per period, without any identifier or pseudonym, so nothing links one
  practice's figures across periods. When fewer than PUBLIC_THRESHOLD practices reported, only its own figure is
  given (with few peers, anonymous values point at a practice).
- Named (Part II): every practice by name, for those `policy.can_see_named` allows.
"""

from __future__ import annotations

import statistics
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from quorum.access import Access
from quorum.database import Db
from quorum.indicators.periods import period_label
from quorum.indicators.policy import (
    PUBLIC_THRESHOLD,
    can_see_named,
    can_see_peers,
    can_see_practice,
    governing_body_seat_org_ids,
    visible_indicators,
    visible_values,
)
from quorum.indicators.tables import Indicator, IndicatorValue, PeriodKind
from quorum.organisations.tables import Practice
from quorum.surveys.disclosure import Words, protect

_WORDS = Words(split=lambda _: "Practices", group=lambda _, __: "practices")


@dataclass(frozen=True)
class Summary:
    """One period's aggregate across practices; the figures are None when withheld."""

    period_kind: PeriodKind
    period_start: date
    practices: int | None
    lower_quartile: float | None = None
    median: float | None = None
    upper_quartile: float | None = None
    mean: float | None = None
    withheld: str | None = None

    @property
    def label(self) -> str:
        return period_label(self.period_kind, self.period_start)


@dataclass(frozen=True)
class Position:
    """One period of a practice's own view."""

    summary: Summary
    value: float | None
    numerator: float | None
    denominator: float | None
    rank: int | None  # 1 is the best
    of: int | None
    peer_values: list[float] = field(default_factory=list)  # the others', best first, anonymised


@dataclass(frozen=True)
class NamedFigure:
    practice_id: uuid.UUID
    practice_name: str
    ods_code: str
    value: float
    numerator: float | None
    denominator: float | None
    rank: int


@dataclass(frozen=True)
class NamedPeriod:
    summary: Summary
    figures: list[NamedFigure]


def summarise(period_kind: PeriodKind, period_start: date, values: Sequence[float], threshold: int) -> Summary:
    """The aggregate of one period's values, withheld under the threshold as a survey group would be."""
    protection = protect(
        {"all": {"all": frozenset(range(len(values)))}},
        dict.fromkeys(range(len(values)), 1),
        threshold,
        _WORDS,
        answered="practices reported",
    )
    if protection.everyone_withheld:
        return Summary(period_kind, period_start, None, withheld=protection.everyone_withheld)
    return _figures(period_kind, period_start, values)


def _figures(period_kind: PeriodKind, period_start: date, values: Sequence[float]) -> Summary:
    if len(values) == 1:
        q1 = median = q3 = values[0]
    else:
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Summary(
        period_kind,
        period_start,
        len(values),
        round(q1, 2),
        round(median, 2),
        round(q3, 2),
        round(statistics.fmean(values), 2),
    )


def rank_of(value: float, values: Sequence[float], higher_is_better: bool) -> int:
    """1 + the number of values strictly better (ties share a rank)."""
    return 1 + sum(1 for v in values if (v > value if higher_is_better else v < value))


def _best_first(values: Sequence[float], higher_is_better: bool) -> list[float]:
    return sorted(values, reverse=higher_is_better)


async def sees_named(db: Db, access: Access, org_id: uuid.UUID) -> bool:
    """Whether the caller sees this CCG's practices named (the Part II form)."""
    return can_see_named(access, org_id, await db.all(governing_body_seat_org_ids(access)))


async def get_indicator(db: Db, access: Access, indicator_id: uuid.UUID) -> Indicator | None:
    return await db.first(visible_indicators(access).where(Indicator.id == indicator_id))


async def indicators_of(db: Db, access: Access, org_id: uuid.UUID) -> list[Indicator]:
    return await db.all(visible_indicators(access).where(Indicator.org_id == org_id).order_by(col(Indicator.code)))


async def _distribution(db: Db, indicator: Indicator) -> list[tuple[PeriodKind, date, list[float]]]:
    """Each period's values without practices, as the database allows the caller (migration 0022)."""
    rows = await db.records(
        "SELECT period_kind, period_start, vals FROM indicator_distribution($1, $2)", indicator.org_id, indicator.id
    )
    # A period the database withholds from this caller comes back without values, and is summarised as empty.
    return [(PeriodKind(r["period_kind"]), r["period_start"], list(r["vals"] or ())) for r in rows]


async def public_summary(db: Db, access: Access, indicator: Indicator) -> list[Summary]:
    """The public and Part I form: aggregates only, each of at least PUBLIC_THRESHOLD practices."""
    return [
        summarise(kind, start, values, PUBLIC_THRESHOLD) for kind, start, values in await _distribution(db, indicator)
    ]


async def practice_view(db: Db, access: Access, indicator: Indicator, practice_id: uuid.UUID) -> list[Position] | None:
    """The practice's own figures named and the others anonymised; None unless the caller may see this practice."""
    seats = await db.all(governing_body_seat_org_ids(access))
    if not can_see_practice(access, indicator.org_id, practice_id, seats) or not can_see_peers(
        access, indicator.org_id
    ):
        return None
    own = {
        (v.period_kind, v.period_start): v
        for v in await db.all(
            visible_values(access).where(
                IndicatorValue.indicator_id == indicator.id, IndicatorValue.practice_id == practice_id
            )
        )
    }
    positions = []
    for kind, start, values in await _distribution(db, indicator):
        mine = own.get((kind, start))
        summary = summarise(kind, start, values, PUBLIC_THRESHOLD)
        if summary.withheld:
            positions.append(
                Position(summary, mine and mine.value, mine and mine.numerator, mine and mine.denominator, None, None)
            )
            continue
        others = list(values)
        if mine is not None:
            others.remove(mine.value)
        positions.append(
            Position(
                summary,
                mine and mine.value,
                mine and mine.numerator,
                mine and mine.denominator,
                rank_of(mine.value, values, indicator.higher_is_better) if mine else None,
                len(values) if mine else None,
                _best_first(others, indicator.higher_is_better),
            )
        )
    return positions


async def named_view(db: Db, access: Access, indicator: Indicator) -> list[NamedPeriod] | None:
    """Every practice by name (Part II); None unless the caller may see them named."""
    if not await sees_named(db, access, indicator.org_id):
        return None
    rows = await db.all(
        select(IndicatorValue, Practice)
        .join(
            Practice, (col(Practice.org_id) == IndicatorValue.org_id) & (col(Practice.id) == IndicatorValue.practice_id)
        )
        .where(col(IndicatorValue.id).in_(visible_values(access).with_only_columns(col(IndicatorValue.id))))
        .where(IndicatorValue.indicator_id == indicator.id)
    )
    by_period: dict[tuple[PeriodKind, date], list[tuple[IndicatorValue, Practice]]] = defaultdict(list)
    for value, practice in rows:
        by_period[(PeriodKind(value.period_kind), value.period_start)].append((value, practice))
    periods = []
    for (kind, start), pairs in sorted(by_period.items(), key=lambda item: (item[0][1], item[0][0].value)):
        values = [v.value for v, _ in pairs]
        figures = [
            NamedFigure(
                p.id,
                p.name,
                p.ods_code,
                v.value,
                v.numerator,
                v.denominator,
                rank_of(v.value, values, indicator.higher_is_better),
            )
            for v, p in pairs
        ]
        figures.sort(key=lambda f: (f.rank, f.practice_name))
        periods.append(NamedPeriod(_figures(kind, start, values), figures))
    return periods
