"""GET /files/{id}: a stored document, for whoever may see what it is attached to."""

from __future__ import annotations

import uuid

from sqlmodel import select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from quorum.access import Access
from quorum.auth.identity import Refused, caller, transaction_for
from quorum.committees.service import visible_committees
from quorum.committees.tables import Committee
from quorum.database import Db
from quorum.delegations.service import visible_delegations
from quorum.delegations.tables import Delegation
from quorum.files.tables import StoredFile

NOT_FOUND = PlainTextResponse("No such file.", status_code=404)


async def readable_file(db: Db, access: Access, file_id: uuid.UUID) -> StoredFile | None:
    row = await db.first(select(StoredFile).where(StoredFile.id == file_id))
    if row is None:
        return None
    if row.org_id in access.org_ids:
        return row
    attached = [
        visible_committees(access).where(Committee.terms_file_id == file_id),
        visible_delegations(access).where(Delegation.agreement_file_id == file_id),
    ]
    for statement in attached:
        if await db.first(statement) is not None:
            return row
    return None


async def download(request: Request) -> Response:
    try:
        file_id = uuid.UUID(request.path_params["file_id"])
        identity = caller(request, changes_state=False)
    except ValueError:
        return NOT_FOUND
    except Refused as refused:
        return refused.response
    async with transaction_for(identity) as (db, access):
        row = await readable_file(db, access, file_id)
    if row is None:
        return NOT_FOUND
    return Response(
        row.content,
        media_type=row.content_type,
        headers={
            "Content-Disposition": f'attachment; filename="{row.filename}"',
            "Cache-Control": "private, no-store",
        },
    )
