"""The register of delegations as an .xlsx workbook."""

from __future__ import annotations

import uuid

from sqlalchemy import or_
from sqlmodel import select

from quorum import clock, spreadsheets
from quorum.access import Access
from quorum.committees.tables import Committee
from quorum.database import Db
from quorum.delegations import service
from quorum.delegations.functions import DELEGABLE
from quorum.delegations.policy import visible_delegations
from quorum.delegations.tables import Delegation
from quorum.organisations.tables import Organisation

COLUMNS = [
    "Delegating organisation",
    "Receiving committee",
    "Committee host",
    "Functions",
    "Scope (CCGs)",
    "Valid from",
    "Valid to",
    "Status",
    "Agreement on file",
    "Revoked",
    "Reason for revocation",
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


async def register_workbook(db: Db, access: Access, organisation: Organisation) -> bytes:
    """The delegations the caller may see that the organisation gives or receives."""
    delegations = await db.all(
        visible_delegations(access)
        .where(or_(Delegation.org_id == organisation.id, Delegation.receiving_org_id == organisation.id))
        .order_by(Delegation.valid_from, Delegation.id)
    )
    names = await _names(db, delegations)
    now = clock.now()
    rows = [
        [
            names.get(d.org_id, ""),
            names.get(d.receiving_committee_id, ""),
            names.get(d.receiving_org_id, ""),
            "; ".join(DELEGABLE.get(f, f) for f in d.functions),
            "; ".join(names.get(c, "") for c in d.scope_ccg_ids),
            d.valid_from.astimezone(clock.LONDON).replace(tzinfo=None),
            d.valid_to.astimezone(clock.LONDON).replace(tzinfo=None),
            service.status(d, now).value.capitalize(),
            "Yes" if d.agreement_file_id else "No",
            d.revoked_at.astimezone(clock.LONDON).replace(tzinfo=None) if d.revoked_at else None,
            d.revocation_reason or "",
        ]
        for d in delegations
    ]
    return workbook(f"Register of delegations: {organisation.name}", rows)


async def _names(db: Db, delegations: list[Delegation]) -> dict[uuid.UUID, str]:
    org_ids = {d.org_id for d in delegations} | {d.receiving_org_id for d in delegations}
    org_ids |= {c for d in delegations for c in d.scope_ccg_ids}
    organisations = await db.all(select(Organisation).where(Organisation.id.in_(org_ids)))
    committee_ids = {d.receiving_committee_id for d in delegations}
    committees = await db.all(select(Committee).where(Committee.id.in_(committee_ids)))
    return {o.id: o.name for o in organisations} | {c.id: c.name for c in committees}
