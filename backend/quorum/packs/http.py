"""GET /packs/{id}.pdf: the public pack as built; the private pack stamped with its reader's name."""

from __future__ import annotations

import asyncio
import uuid

from sqlmodel import select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from quorum.auth.identity import Refused, caller, transaction_for
from quorum.files.tables import StoredFile
from quorum.meetings.tables import Part
from quorum.packs.service import visible_builds
from quorum.packs.tables import PackBuild
from quorum.packs.watermark import watermark
from quorum.people.tables import Person
from quorum.files.download import download_response

NOT_FOUND = PlainTextResponse("No such pack.", status_code=404)


async def download(request: Request) -> Response:
    try:
        build_id = uuid.UUID(request.path_params["build_id"])
        identity = caller(request, changes_state=False)
    except ValueError:
        return NOT_FOUND
    except Refused as refused:
        return refused.response
    async with transaction_for(identity) as (db, access):
        build = await db.first(visible_builds(access).where(PackBuild.id == build_id))
        if build is None or build.file_id is None:
            return NOT_FOUND
        stored = await db.first(select(StoredFile).where(StoredFile.id == build.file_id))
        reader = access.person_id and await db.first(select(Person).where(Person.id == access.person_id))
    content = stored.content
    if build.part == Part.PRIVATE:
        content = await asyncio.to_thread(watermark, content, f"Private – {reader.name}")
    return download_response(
        content, media_type="application/pdf", filename=stored.filename, inline=bool(request.query_params.get("view")),
        cache_control="private, no-store" if build.part == Part.PRIVATE else "public, max-age=300",
    )
