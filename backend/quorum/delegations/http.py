"""GET /exports/delegations.xlsx?organisation=ID: the register of delegations of one of the caller's
organisations, as the caller may see it."""

from __future__ import annotations

import uuid

from sqlmodel import select

from quorum import clock, spreadsheets
from quorum.access import Access
from quorum.database import Db
from quorum.delegations.workbook import register_workbook
from quorum.downloads import Download
from quorum.organisations.tables import Organisation


async def register_xlsx(db: Db, access: Access, organisation_id: uuid.UUID) -> Download | None:
    organisation = await db.first(select(Organisation).where(Organisation.id == organisation_id))
    if organisation is None or organisation_id not in access.org_ids:
        return None
    filename = f"delegations-{organisation.ods_code}-{clock.today().isoformat()}.xlsx"
    return Download(await register_workbook(db, access, organisation), media_type=spreadsheets.XLSX, filename=filename)
