"""The dashboard's pure rules: periods, ranks, and the public aggregate's threshold."""

from __future__ import annotations

from datetime import date

import pytest

from quorum.indicators.periods import parse_period, period_label
from quorum.indicators.policy import PUBLIC_THRESHOLD
from quorum.indicators.service import rank_of, summarise
from quorum.indicators.tables import PeriodKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03", (PeriodKind.MONTH, date(2026, 3, 1))),
        ("2025-q4", (PeriodKind.QUARTER, date(2025, 10, 1))),
        ("2025", (PeriodKind.YEAR, date(2025, 1, 1))),
        ("2025.0", (PeriodKind.YEAR, date(2025, 1, 1))),  # a year typed in a spreadsheet's number cell
        ("2026-13", None),
        ("2026-Q5", None),
        ("March 2026", None),
        ("", None),
    ],
)
def test_periods_are_read_as_written(text, expected):
    assert parse_period(text) == expected
    if expected:
        assert parse_period(period_label(*expected)) == expected


def test_rank_counts_only_strictly_better_values_so_ties_share_a_rank():
    values = [3.0, 5.0, 5.0, 9.0]
    assert [rank_of(v, values, higher_is_better=True) for v in values] == [4, 2, 2, 1]
    assert [rank_of(v, values, higher_is_better=False) for v in values] == [1, 2, 2, 4]


def test_an_aggregate_of_fewer_practices_than_the_threshold_is_withheld():
    assert PUBLIC_THRESHOLD == 5
    small = summarise(PeriodKind.MONTH, date(2026, 3, 1), [1.0, 2.0, 3.0, 4.0], PUBLIC_THRESHOLD)
    assert small.withheld == "Fewer than 5 practices reported."
    assert (small.practices, small.median, small.mean, small.lower_quartile) == (None, None, None, None)
    enough = summarise(PeriodKind.MONTH, date(2026, 3, 1), [1.0, 2.0, 3.0, 4.0, 5.0], PUBLIC_THRESHOLD)
    assert enough.withheld is None
    assert (enough.practices, enough.lower_quartile, enough.median, enough.upper_quartile, enough.mean) == (
        5,
        2.0,
        3.0,
        4.0,
        3.0,
    )
