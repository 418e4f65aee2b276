"""GET /exports/interests.xlsx?organisation=ID: the register of interests as the caller may see it."""

from __future__ import annotations

import uuid

from quorum import clock, spreadsheets
from quorum.access import Access
from quorum.database import Db
from quorum.downloads import Download
from quorum.errors import InputErrors
from quorum.interests.service import register_of
from quorum.interests.workbook import export_rows, workbook


async def register_xlsx(db: Db, access: Access, organisation_id: uuid.UUID) -> Download | None:
    try:
        organisation = await register_of(db, access, organisation_id)
    except InputErrors:
        return None
    content = workbook(f"Register of interests: {organisation.name}", await export_rows(db, access, organisation_id))
    filename = f"interests-{organisation.ods_code}-{clock.today().isoformat()}.xlsx"
    return Download(content, media_type=spreadsheets.XLSX, filename=filename)
