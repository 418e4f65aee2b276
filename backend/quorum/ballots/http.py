"""GET /exports/ballot.xlsx?ballot=ID: a closed ballot's result, for those who may see the ballot."""

from __future__ import annotations

import uuid

from sqlmodel import select

from quorum import clock, spreadsheets
from quorum.access import Access
from quorum.ballots import service
from quorum.ballots.service import BallotStatus
from quorum.ballots.workbook import local, workbook
from quorum.database import Db
from quorum.downloads import Download, NotReady
from quorum.organisations.tables import Organisation


async def result_xlsx(db: Db, access: Access, ballot_id: uuid.UUID) -> Download | None:
    ballot = await service.get_ballot(db, access, ballot_id)
    if ballot is None:
        return None
    if service.status(ballot, clock.now()) != BallotStatus.CLOSED:
        raise NotReady("The result can be exported once the ballot has closed.")
    organisation = await db.first(select(Organisation).where(Organisation.id == ballot.org_id))
    filename = f"ballot-{organisation.ods_code}-{local(service.closed_at(ballot)):%Y-%m-%d}.xlsx"
    return Download(await workbook(db, ballot, organisation), media_type=spreadsheets.XLSX, filename=filename)
