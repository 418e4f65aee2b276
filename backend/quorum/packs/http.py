"""GET /packs/{id}.pdf: the public pack as built; the private pack stamped with its reader's name.
`?view=1` shows it in the browser rather than saving it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from functools import partial

from sqlmodel import select

from quorum.access import Access
from quorum.database import Db
from quorum.downloads import PRIVATE, PUBLIC, Download
from quorum.files.tables import StoredFile
from quorum.meetings.tables import Part
from quorum.packs.policy import may_read_file, visible_builds
from quorum.packs.tables import PackBuild
from quorum.packs.watermark import watermark
from quorum.people.tables import Person


def viewing(query: Mapping[str, str]) -> dict[str, bool]:
    return {"view": bool(query.get("view"))}


async def pack_pdf(db: Db, access: Access, build_id: uuid.UUID, view: bool = False) -> Download | None:
    build = await db.first(visible_builds(access).where(PackBuild.id == build_id))
    if build is None or build.file_id is None or not may_read_file(access, build):
        return None
    stored = await db.first(select(StoredFile).where(StoredFile.id == build.file_id))
    if build.part == Part.PRIVATE:
        reader = await db.first(select(Person).where(Person.id == access.person_id))
        return Download(
            partial(watermark, stored.content, f"Private – {reader.name}"),
            media_type="application/pdf",
            filename=stored.filename,
            inline=view,
            cache_control=PRIVATE,
        )
    return Download(
        stored.content,
        media_type="application/pdf",
        filename=stored.filename,
        inline=view,
        cache_control=PUBLIC,
    )
