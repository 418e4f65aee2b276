"""GET /indicators/{indicator_id}/trend.svg (the aggregate form, for anyone) and
/indicators/{indicator_id}/practices.svg (the latest period with every practice named, for those who may see
them named): the dashboard's charts as SVG for packs and papers."""

from __future__ import annotations

import uuid

from quorum.access import Access
from quorum.database import Db
from quorum.downloads import PUBLIC, Download
from quorum.indicators import service
from quorum.indicators.svg import distribution_svg, trend_svg

SVG = "image/svg+xml"


async def trend(db: Db, access: Access, indicator_id: uuid.UUID) -> Download | None:
    indicator = await service.get_indicator(db, access, indicator_id)
    if indicator is None:
        return None
    summaries = await service.public_summary(db, access, indicator)
    content = trend_svg(indicator.name, indicator.unit, summaries).encode()
    return Download(content, media_type=SVG, filename=f"{indicator.code.lower()}-trend.svg", cache_control=PUBLIC)


async def practices(db: Db, access: Access, indicator_id: uuid.UUID) -> Download | None:
    indicator = await service.get_indicator(db, access, indicator_id)
    periods = indicator and await service.named_view(db, access, indicator)
    if indicator is None or not periods:
        return None
    content = distribution_svg(indicator.name, indicator.unit, periods[-1], indicator.higher_is_better).encode()
    return Download(content, media_type=SVG, filename=f"{indicator.code.lower()}-practices.svg")
