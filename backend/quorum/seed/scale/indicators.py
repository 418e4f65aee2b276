"""Practice quality indicators for every CCG: the demo's year of figures (quorum.seed.demo_indicators), made for
each CCG's practices from the CCG's own seeded generator."""

from __future__ import annotations

from quorum.seed.demo_indicators import INDICATORS, indicator_values
from quorum.seed.scale.loader import Rows
from quorum.seed.scale.rows import ROWS
from quorum.seed.scale.world import CcgInfo, World

Indicator, IndicatorValue = ROWS["indicator"], ROWS["indicator_value"]


def build(world: World, loader: Rows, ccgs: list[CcgInfo]) -> None:
    for ccg in ccgs:
        rng = world.rng("indicators", ccg.ods_code)
        ids = {}
        for code, name, unit, better in INDICATORS:
            ids[code] = rng.new_id()
            loader.add(Indicator(org_id=ccg.id, id=ids[code], code=code, name=name, unit=unit, higher_is_better=better))
        practices = {p.ods_code: p.id for p in ccg.practices}
        sizes = {p.ods_code: p.list_size for p in ccg.practices}
        for ods, code, kind, start, value, (numerator, denominator) in indicator_values(rng, sizes):
            loader.add(
                IndicatorValue(
                    org_id=ccg.id,
                    id=rng.new_id(),
                    indicator_id=ids[code],
                    practice_id=practices[ods],
                    period_kind=kind.value,
                    period_start=start,
                    value=value,
                    numerator=numerator,
                    denominator=denominator,
                )
            )
