"""What may be read and written of organisations and practices, and the checks on input."""

from __future__ import annotations

import re
import uuid

from sqlalchemy.exc import IntegrityError

from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.organisations.policy import (
    can_administer,
    can_create_organisations,
    can_rename_organisation,
    visible_organisations,
    visible_practices,
)
from quorum.organisations.tables import Organisation, OrganisationKind, Practice

ORG_ODS = {
    OrganisationKind.CCG: (re.compile(r"^[0-9]{2}[A-Z0-9]$"), "a CCG's ODS code looks like 08J"),
    OrganisationKind.AREA_TEAM: (re.compile(r"^Q[0-9]{2}$"), "an area team's ODS code looks like Q71"),
}
PRACTICE_ODS = re.compile(r"^[A-Z][0-9]{5}$")
MAX_LIST_SIZE = 1_000_000


async def get_organisation(db: Db, access: Access, org_id: uuid.UUID) -> Organisation | None:
    return await db.first(visible_organisations(access).where(Organisation.id == org_id))


async def create_organisation(
    db: Db, access: Access, *, kind: OrganisationKind, ods_code: str, name: str, area_team_id: uuid.UUID | None
) -> Organisation:
    if not can_create_organisations(access):
        raise input_error(None, "Only a platform administrator can create organisations.")
    ods_code = ods_code.strip().upper()
    errors = _name_errors(name) + _org_ods_errors(kind, ods_code)
    if kind == OrganisationKind.CCG:
        area_team = area_team_id and await get_organisation(db, access, area_team_id)
        if not area_team or area_team.kind != OrganisationKind.AREA_TEAM:
            errors.append(UserError(field="areaTeamId", message="Choose the area team this CCG belongs to."))
    elif area_team_id is not None:
        errors.append(UserError(field="areaTeamId", message="An area team does not belong to another area team."))
    if errors:
        raise InputErrors(*errors)
    organisation = Organisation(kind=kind, ods_code=ods_code, name=name.strip(), area_team_id=area_team_id)
    try:
        await db.add(organisation)
    except IntegrityError:
        raise input_error("odsCode", f"An organisation with the ODS code {ods_code} already exists.") from None
    await record(db, access, "organisation.create", organisation, org_id=organisation.id)
    return organisation


async def update_organisation(db: Db, access: Access, org_id: uuid.UUID, *, name: str) -> Organisation:
    organisation = await get_organisation(db, access, org_id)
    if organisation is None:
        raise input_error("id", "No such organisation.")
    if not can_rename_organisation(access):
        raise input_error(None, "Only a platform administrator can rename an organisation.")
    if errors := _name_errors(name):
        raise InputErrors(*errors)
    before = snapshot(organisation)
    organisation.name = name.strip()
    await db.add(organisation)
    await record(db, access, "organisation.update", organisation, org_id=organisation.id, before=before)
    return organisation


async def administered_org(db: Db, access: Access, org_id: uuid.UUID) -> Organisation:
    """The organisation the caller wants to change, if they administer it."""
    organisation = await get_organisation(db, access, org_id)
    if organisation is None:
        raise input_error("organisationId", "No such organisation.")
    if not can_administer(access, org_id):
        raise input_error(None, f"You need to be an administrator of {organisation.name} to do this.")
    return organisation


async def administered_ccg(db: Db, access: Access, org_id: uuid.UUID) -> Organisation:
    """The CCG whose practices the caller wants to change, if they administer it."""
    organisation = await administered_org(db, access, org_id)
    if organisation.kind != OrganisationKind.CCG:
        raise input_error("organisationId", "Practices belong to CCGs, not to area teams.")
    return organisation


def practice_errors(*, ods_code: str | None, name: str, list_size: int, locality: str) -> list[UserError]:
    errors = _name_errors(name)
    if ods_code is not None and not PRACTICE_ODS.match(ods_code):
        errors.append(
            UserError(field="odsCode", message="A practice's ODS code is a letter and five digits, like H84001.")
        )
    if not 0 <= list_size <= MAX_LIST_SIZE:
        errors.append(
            UserError(field="listSize", message=f"The list size must be a whole number from 0 to {MAX_LIST_SIZE:,}.")
        )
    if not locality.strip():
        errors.append(UserError(field="locality", message="Enter the practice's locality."))
    return errors


async def create_practice(
    db: Db, access: Access, *, org_id: uuid.UUID, ods_code: str, name: str, list_size: int, locality: str
) -> Practice:
    await administered_ccg(db, access, org_id)
    ods_code = ods_code.strip().upper()
    if errors := practice_errors(ods_code=ods_code, name=name, list_size=list_size, locality=locality):
        raise InputErrors(*errors)
    practice = Practice(
        org_id=org_id, ods_code=ods_code, name=name.strip(), list_size=list_size, locality=locality.strip()
    )
    try:
        await db.add(practice)
    except IntegrityError:
        raise input_error("odsCode", f"A practice with the ODS code {ods_code} is already registered.") from None
    await record(db, access, "practice.create", practice, org_id=org_id)
    return practice


async def update_practice(
    db: Db, access: Access, practice_id: uuid.UUID, *, name: str, list_size: int, locality: str
) -> Practice:
    practice = await db.first(visible_practices(access).where(Practice.id == practice_id))
    if practice is None:
        raise input_error("id", "No such practice.")
    await administered_ccg(db, access, practice.org_id)
    if errors := practice_errors(ods_code=None, name=name, list_size=list_size, locality=locality):
        raise InputErrors(*errors)
    before = snapshot(practice)
    practice.name, practice.list_size, practice.locality = name.strip(), list_size, locality.strip()
    await db.add(practice)
    await record(db, access, "practice.update", practice, org_id=practice.org_id, before=before)
    return practice


def _name_errors(name: str) -> list[UserError]:
    if not name.strip():
        return [UserError(field="name", message="Enter a name.")]
    if len(name) > 200:
        return [UserError(field="name", message="The name must be 200 characters or fewer.")]
    return []


def _org_ods_errors(kind: OrganisationKind, ods_code: str) -> list[UserError]:
    pattern, hint = ORG_ODS[kind]
    if pattern.match(ods_code):
        return []
    return [UserError(field="odsCode", message=f"That ODS code is not valid: {hint}.")]
