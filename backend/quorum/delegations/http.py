"""The register of delegations as an .xlsx workbook, and its HTTP route."""

from __future__ import annotations

import uuid

from sqlalchemy import or_
from sqlmodel import select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from quorum import clock, spreadsheets
from quorum.auth.identity import Refused, caller, transaction_for
from quorum.committees.tables import Committee
from quorum.delegations import service
from quorum.delegations.functions import DELEGABLE
from quorum.delegations.tables import Delegation
from quorum import ids
from quorum.errors import ClientError
from quorum.organisations.tables import Organisation
from quorum.files.download import download_response

COLUMNS = [
    "Delegating organisation", "Receiving committee", "Committee host", "Functions", "Scope (CCGs)",
    "Valid from", "Valid to", "Status", "Agreement on file", "Revoked", "Reason for revocation",
]


def workbook(title: str, rows: list[list]) -> bytes:
    book = spreadsheets.Book(title)
    sheet = book.sheet("Delegations")
    sheet.widths([30, 36, 30, 60, 30, 18, 18, 10, 10, 18, 40])
    sheet.heading([title], size=14)
    sheet.heading(COLUMNS)
    for row in rows:
        sheet.append(row)
    return book.to_bytes()


async def export_register(request: Request) -> Response:
    try:
        identity = caller(request, changes_state=False)
        org_id = ids.expect("Organisation", request.query_params.get("organisation", ""))
    except Refused as refused:
        return refused.response
    except ClientError as error:
        return PlainTextResponse(str(error), status_code=400)
    async with transaction_for(identity) as (db, access):
        organisation = await db.first(select(Organisation).where(Organisation.id == org_id))
        if organisation is None or org_id not in access.org_ids:
            return PlainTextResponse("No such organisation.", status_code=404)
        delegations = await db.all(
            service.visible_delegations(access)
            .where(or_(Delegation.org_id == org_id, Delegation.receiving_org_id == org_id))
            .order_by(Delegation.valid_from, Delegation.id)
        )
        names = await _names(db, delegations)
    now = clock.now()
    rows = [
        [
            names.get(d.org_id, ""), names.get(d.receiving_committee_id, ""), names.get(d.receiving_org_id, ""),
            "; ".join(DELEGABLE.get(f, f) for f in d.functions), "; ".join(names.get(c, "") for c in d.scope_ccg_ids),
            d.valid_from.astimezone(clock.LONDON).replace(tzinfo=None),
            d.valid_to.astimezone(clock.LONDON).replace(tzinfo=None),
            service.status(d, now).value.capitalize(), "Yes" if d.agreement_file_id else "No",
            d.revoked_at.astimezone(clock.LONDON).replace(tzinfo=None) if d.revoked_at else None,
            d.revocation_reason or "",
        ]
        for d in delegations
    ]
    content = workbook(f"Register of delegations: {organisation.name}", rows)
    filename = f"delegations-{organisation.ods_code}-{clock.today().isoformat()}.xlsx"
    return download_response(content, media_type=spreadsheets.XLSX, filename=filename)


async def _names(db, delegations: list[Delegation]) -> dict[uuid.UUID, str]:
    org_ids = {d.org_id for d in delegations} | {d.receiving_org_id for d in delegations}
    org_ids |= {c for d in delegations for c in d.scope_ccg_ids}
    organisations = await db.all(select(Organisation).where(Organisation.id.in_(org_ids)))
    committees = await db.all(select(Committee).where(Committee.id.in_({d.receiving_committee_id for d in delegations})))
    return {o.id: o.name for o in organisations} | {c.id: c.name for c in committees}
