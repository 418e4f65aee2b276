"""GET /meetings/{id}/minutes.pdf?part=PUBLIC|PRIVATE: approved minutes for those who may read them;
a draft only for the committee's members and those who run it."""

from __future__ import annotations

import asyncio
import uuid

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from quorum.auth.identity import Refused, caller, transaction_for
from quorum.conduct.minutes import minutes_of
from quorum.conduct.minutes_document import compile_minutes
from quorum.conduct.tables import MinutesPart
from quorum.meetings.service import get_meeting
from quorum.files.download import download_response

NOT_FOUND = PlainTextResponse("No such minutes.", status_code=404)


async def download(request: Request) -> Response:
    try:
        meeting_id = uuid.UUID(request.path_params["meeting_id"])
        part = MinutesPart(request.query_params.get("part", "PUBLIC").upper())
        identity = caller(request, changes_state=False)
    except ValueError:
        return NOT_FOUND
    except Refused as refused:
        return refused.response
    async with transaction_for(identity) as (db, access):
        meeting = await get_meeting(db, access, meeting_id)
        found = meeting and await minutes_of(db, access, meeting, part)
    if not found:
        return NOT_FOUND
    content, approved = found
    pdf = await asyncio.to_thread(compile_minutes, content)
    slug = "".join(c if c.isalnum() else "-" for c in content.committee.lower()).strip("-")
    filename = f"{slug}-minutes-{meeting_id.hex[:8]}-{part.value.lower()}{'' if approved else '-draft'}.pdf"
    public = approved is not None and part == MinutesPart.PUBLIC
    return download_response(
        pdf, media_type="application/pdf", filename=filename,
        cache_control="public, max-age=300" if public else "private, no-store",
    )
