"""Recording, evidencing and revoking delegations, and who may see them."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.database import Db
from quorum.delegations.functions import DELEGABLE, RETAINED
from quorum.delegations.policy import can_act_for, can_record, visible_delegations
from quorum.delegations.tables import Delegation
from quorum.errors import InputErrors, UserError, input_error
from quorum.files import service as files
from quorum.organisations.service import get_organisation
from quorum.organisations.tables import Organisation, OrganisationKind


class DelegationStatus(str, enum.Enum):
    FUTURE = "FUTURE"
    ACTIVE = "ACTIVE"
    EXPIRED = "EXPIRED"
    REVOKED = "REVOKED"


def status(delegation: Delegation, now: datetime) -> DelegationStatus:
    if delegation.revoked_at is not None and delegation.revoked_at <= now:
        return DelegationStatus.REVOKED
    if now < delegation.valid_from:
        return DelegationStatus.FUTURE
    return DelegationStatus.ACTIVE if now < delegation.valid_to else DelegationStatus.EXPIRED


@dataclass(frozen=True)
class Target:
    org_id: uuid.UUID
    committee_id: uuid.UUID
    name: str
    host_name: str


async def targets(db: Db, access: Access, org_id: uuid.UUID) -> list[Target]:
    if not can_act_for(access, org_id):
        return []
    found = func.delegation_targets(org_id).table_valued("org_id", "id", "name", "host_name")
    rows = await db.all(select(found.c.org_id, found.c.id, found.c.name, found.c.host_name))
    return [Target(r.org_id, r.id, r.name, r.host_name) for r in rows]


def function_errors(functions: list[str]) -> list[UserError]:
    if not functions:
        return [UserError(field="functions", message="Choose at least one function to delegate.")]
    errors = []
    for code in dict.fromkeys(functions):
        if code in RETAINED:
            kept = f"NHS England keeps {RETAINED[code].lower()} ({code}); it cannot be delegated."
            errors.append(UserError(field="functions", message=kept))
        elif code not in DELEGABLE:
            errors.append(UserError(field="functions", message=f"{code!r} is not a function that can be delegated."))
    return errors


async def scope_errors(db: Db, delegator: Organisation, scope_ccg_ids: list[uuid.UUID]) -> list[UserError]:
    if not scope_ccg_ids:
        return [UserError(field="scopeIds", message="Name the CCGs whose practices the delegation covers.")]
    found = {o.id: o for o in await db.all(select(Organisation).where(Organisation.id.in_(scope_ccg_ids)))}
    if delegator.kind == OrganisationKind.AREA_TEAM:
        inside = {i for i, o in found.items() if o.kind == OrganisationKind.CCG and o.area_team_id == delegator.id}
    else:
        inside = {delegator.id} & set(found)
    if set(scope_ccg_ids) - inside:
        return [UserError(field="scopeIds", message=f"The scope must be CCGs within {delegator.name}'s area.")]
    return []


async def record_delegation(
    db: Db,
    access: Access,
    *,
    org_id: uuid.UUID,
    committee_id: uuid.UUID,
    functions: list[str],
    scope_ccg_ids: list[uuid.UUID],
    valid_from: datetime,
    valid_to: datetime,
    agreement: tuple[str, str] | None,
) -> Delegation:
    delegator = await get_organisation(db, access, org_id)
    if delegator is None or not can_act_for(access, org_id):
        raise input_error("organisationId", "No such organisation.")
    if not can_record(access, org_id):
        raise input_error(
            None,
            f"Only {delegator.name}'s administrators, board secretaries and area team officers record its delegations.",
        )
    errors = function_errors(functions)
    target = next((t for t in await targets(db, access, org_id) if t.committee_id == committee_id), None)
    if target is None:
        errors.append(UserError(field="committeeId", message=f"{delegator.name} cannot delegate to that committee."))
    errors += await scope_errors(db, delegator, list(dict.fromkeys(scope_ccg_ids)))
    if valid_from.tzinfo is None or valid_to.tzinfo is None:
        errors.append(UserError(field="validFrom", message="Give the start and end with a time zone."))
    elif valid_to <= valid_from:
        errors.append(UserError(field="validTo", message="The delegation must end after it starts."))
    if errors:
        raise InputErrors(*errors)
    agreement_file = None
    if agreement is not None:
        agreement_file = await files.store(
            db,
            access,
            org_id=org_id,
            field="agreement",
            filename=agreement[0],
            content_base64=agreement[1],
            allowed=(files.PDF,),
        )
    delegation = Delegation(
        org_id=org_id,
        receiving_org_id=target.org_id,
        receiving_committee_id=committee_id,
        functions=sorted(set(functions)),
        scope_ccg_ids=list(dict.fromkeys(scope_ccg_ids)),
        valid_from=valid_from,
        valid_to=valid_to,
        agreement_file_id=agreement_file and agreement_file.id,
        recorded_by=access.person_id,
    )
    await db.add(delegation)
    await record(db, access, "delegation.record", delegation, org_id=org_id)
    return delegation


async def recorded_delegation(db: Db, access: Access, delegation_id: uuid.UUID) -> Delegation:
    delegation = await db.first(visible_delegations(access).where(Delegation.id == delegation_id))
    if delegation is None:
        raise input_error("id", "No such delegation.")
    if not can_record(access, delegation.org_id):
        raise input_error(None, "Only the delegating organisation can change a delegation.")
    return delegation


async def attach_agreement(
    db: Db, access: Access, delegation_id: uuid.UUID, filename: str, content_base64: str
) -> Delegation:
    delegation = await recorded_delegation(db, access, delegation_id)
    stored = await files.store(
        db,
        access,
        org_id=delegation.org_id,
        field="contentBase64",
        filename=filename,
        content_base64=content_base64,
        allowed=(files.PDF,),
    )
    before = snapshot(delegation)
    delegation.agreement_file_id = stored.id
    await db.add(delegation)
    await record(db, access, "delegation.agreement", delegation, org_id=delegation.org_id, before=before)
    return delegation


async def revoke(db: Db, access: Access, delegation_id: uuid.UUID, reason: str) -> Delegation:
    delegation = await recorded_delegation(db, access, delegation_id)
    if delegation.revoked_at is not None:
        raise input_error("id", "That delegation has already been revoked.")
    if not reason.strip() or len(reason) > 2000:
        raise input_error("reason", "Say why the delegation is revoked (2,000 characters or fewer).")
    before = snapshot(delegation)
    delegation.revoked_at, delegation.revoked_by = clock.now(), access.person_id
    delegation.revocation_reason = reason.strip()
    await db.add(delegation)
    await record(db, access, "delegation.revoke", delegation, org_id=delegation.org_id, before=before)
    return delegation
