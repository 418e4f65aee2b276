"""A year of quality indicators for Bolton's practices: deterministic, plausible figures.

Monthly prescribing and list sizes, quarterly QOF achievement, a yearly GP patient survey score and CQC rating,
and one measure only three practices reported (so its public aggregate is withheld).
"""

from __future__ import annotations

import random
import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col

from quorum.indicators.tables import Indicator, IndicatorValue, PeriodKind
from quorum.organisations.tables import Practice

# code, name, unit, higher is better
INDICATORS = [
    ("QOF_ACH", "QOF achievement", "% of points", True),
    ("GPPS_OVERALL", "GP patient survey: good overall experience", "% of respondents", True),
    ("ABX_STARPU", "Antibacterial items per STAR-PU", "items", False),
    ("LIST_SIZE", "Registered list size", "patients", True),
    ("CQC_RATING", "CQC rating (1 inadequate to 4 outstanding)", "rating", True),
    ("EXT_ACCESS_PILOT", "Extended access pilot: appointments per 1,000", "per 1,000", True),
]
MONTHS = [date(2025 + (m + 3) // 12, (m + 3) % 12 + 1, 1) for m in range(12)]  # April 2025 to March 2026
QUARTERS = [date(2025, 4, 1), date(2025, 7, 1), date(2025, 10, 1), date(2026, 1, 1)]


def indicator_values(
    rng: random.Random, list_sizes: dict[str, int]
) -> list[tuple[str, str, PeriodKind, date, float, tuple]]:
    """(practice ODS code, indicator code, period kind, period start, value, (numerator, denominator)) rows."""
    rows = []
    for ods, size in sorted(list_sizes.items()):
        quality = rng.gauss(0, 1)  # a practice's tendency, shared by its measures
        for q in QUARTERS:
            achieved = min(100.0, round(92 + 3 * quality + rng.gauss(0, 1.2), 1))
            rows.append((ods, "QOF_ACH", PeriodKind.QUARTER, q, achieved, (round(achieved * 5.59, 1), 559.0)))
        asked = rng.randint(90, 140)
        good = round(asked * min(0.98, max(0.5, 0.82 + 0.05 * quality + rng.gauss(0, 0.03))))
        rows.append(
            (ods, "GPPS_OVERALL", PeriodKind.YEAR, date(2025, 1, 1), round(100 * good / asked, 1), (good, asked))
        )
        rows.append(
            (
                ods,
                "CQC_RATING",
                PeriodKind.YEAR,
                date(2025, 1, 1),
                float(min(4, max(1, round(3 + quality / 2)))),
                (None, None),
            )
        )
        for i, month in enumerate(MONTHS):
            rate = round(max(0.5, 1.05 - 0.08 * quality + rng.gauss(0, 0.05) - 0.005 * i), 3)
            rows.append((ods, "ABX_STARPU", PeriodKind.MONTH, month, rate, (None, None)))
            rows.append(
                (ods, "LIST_SIZE", PeriodKind.MONTH, month, float(size + 12 * i + rng.randint(-20, 20)), (None, None))
            )
    for ods in sorted(list_sizes)[:3]:
        rows.append(
            (ods, "EXT_ACCESS_PILOT", PeriodKind.QUARTER, date(2026, 1, 1), float(rng.randint(30, 60)), (None, None))
        )
    return rows


async def seed_indicators(conn, bolton, practice_ids: dict) -> None:
    """Idempotent: indicators match on their code, values on (indicator, practice, period). Only the demo's own
    practices (`practice_ids`) get figures, so a practice added later (by hand, or by a test) changes nothing."""
    rows = await conn.execute(
        select(Practice.ods_code, Practice.list_size).where(
            Practice.org_id == bolton, col(Practice.ods_code).in_(list(practice_ids))
        )
    )
    sizes = dict(rows.all())
    ids = {}
    for code, name, unit, better in INDICATORS:
        await conn.execute(
            insert(Indicator)
            .values(org_id=bolton, id=uuid.uuid4(), code=code, name=name, unit=unit, higher_is_better=better)
            .on_conflict_do_nothing()
        )
        ids[code] = await conn.scalar(select(Indicator.id).where(Indicator.org_id == bolton, Indicator.code == code))
    rows = indicator_values(random.Random("bolton indicators"), sizes)
    await conn.execute(
        insert(IndicatorValue)
        .values(
            [
                {
                    "org_id": bolton,
                    "id": uuid.uuid4(),
                    "indicator_id": ids[code],
                    "practice_id": practice_ids[ods],
                    "period_kind": kind.value,
                    "period_start": start,
                    "value": value,
                    "numerator": numerator,
                    "denominator": denominator,
                }
                for ods, code, kind, start, value, (numerator, denominator) in rows
            ]
        )
        .on_conflict_do_nothing()
    )
