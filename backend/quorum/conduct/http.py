"""GET /meetings/{id}/minutes.pdf?part=PUBLIC|PRIVATE: approved minutes for those who may read them;
a draft only for the committee's members and those who run it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from functools import partial

from quorum.access import Access
from quorum.conduct.minutes import minutes_of
from quorum.conduct.minutes_document import compile_minutes
from quorum.conduct.tables import MinutesPart
from quorum.database import Db
from quorum.downloads import PRIVATE, PUBLIC, Download
from quorum.meetings.service import get_meeting


def part_asked(query: Mapping[str, str]) -> dict[str, MinutesPart]:
    """The part named in the query (PUBLIC if none); a ValueError for any other word."""
    return {"part": MinutesPart(query.get("part", "PUBLIC").upper())}


async def minutes_pdf(db: Db, access: Access, meeting_id: uuid.UUID, part: MinutesPart) -> Download | None:
    meeting = await get_meeting(db, access, meeting_id)
    found = meeting and await minutes_of(db, access, meeting, part)
    if not found:
        return None
    content, approved = found
    slug = "".join(c if c.isalnum() else "-" for c in content.committee.lower()).strip("-")
    filename = f"{slug}-minutes-{meeting_id.hex[:8]}-{part.value.lower()}{'' if approved else '-draft'}.pdf"
    public = approved is not None and part == MinutesPart.PUBLIC
    return Download(
        partial(compile_minutes, content),
        media_type="application/pdf",
        filename=filename,
        cache_control=PUBLIC if public else PRIVATE,
    )
