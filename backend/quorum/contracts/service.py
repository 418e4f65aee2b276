"""Primary care contract records: the area team's, and what a live delegation opens to a committee."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import any_, literal
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.contracts.policy import can_change, can_edit_for_area_team, visible_contracts
from quorum.contracts.tables import ContractType, PrimaryCareContract
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.interests.tables import Interest, InterestStatus
from quorum.organisations.policy import visible_practices
from quorum.organisations.service import get_organisation
from quorum.organisations.tables import Practice


async def conflict_with(db: Db, access: Access, contract: PrimaryCareContract) -> str | None:
    """Why the caller may not change this record through a delegation: the conflicts rule of meetings, outside
    them. A member who represents or works for the practice, or holds an interest in it, is conflicted."""
    today = clock.local_date(clock.now())
    practice = await db.scalar(select(Practice.name).where(Practice.id == contract.practice_id)) or "this practice"
    if any(g.practice_id == contract.practice_id for g in access.grants):
        return f"You represent or work for {practice}, so you cannot change its contract record; another member must."
    interests = await db.all(
        select(Interest).where(
            Interest.person_id == access.person_id,
            literal(contract.practice_id) == any_(Interest.concerns_practice_ids),
            Interest.status != InterestStatus.REJECTED,
        )
    )
    if any(i.is_current_on(today) for i in interests):
        return (
            f"You have declared an interest in {practice} in the register of interests, so you cannot change its "
            "contract record; another member must."
        )
    return None


def _errors(start_date: date, enhanced_services: list[str], notes: str) -> list[UserError]:
    errors = []
    if start_date.year < 1948:
        errors.append(UserError(field="startDate", message="The start date cannot be before the NHS began (1948)."))
    if len(enhanced_services) > 40 or any(not s.strip() or len(s) > 120 for s in enhanced_services):
        errors.append(
            UserError(field="enhancedServices", message="Name each enhanced service (at most 40, 120 characters each).")
        )
    if len(notes) > 5000:
        errors.append(UserError(field="notes", message="Keep the notes to 5,000 characters."))
    return errors


async def create_contract(
    db: Db,
    access: Access,
    *,
    practice_id: uuid.UUID,
    contract_type: ContractType,
    start_date: date,
    enhanced_services: list[str],
    notes: str,
) -> PrimaryCareContract:
    practice = await db.first(visible_practices(access).where(Practice.id == practice_id))
    if practice is None:
        raise input_error("practiceId", "No such practice.")
    ccg = await get_organisation(db, access, practice.org_id)
    area_team_id = ccg and ccg.area_team_id
    if not can_edit_for_area_team(access, area_team_id):
        raise input_error(None, "Only the practice's area team records its contract.")
    if errors := _errors(start_date, enhanced_services, notes):
        raise InputErrors(*errors)
    contract = PrimaryCareContract(
        org_id=area_team_id,
        practice_org_id=practice.org_id,
        practice_id=practice.id,
        contract_type=contract_type,
        start_date=start_date,
        enhanced_services=[s.strip() for s in enhanced_services],
        notes=notes.strip(),
    )
    try:
        await db.add(contract)
    except IntegrityError:
        raise input_error("practiceId", f"{practice.name} already has a contract record; change that one.") from None
    await record(db, access, "contract.create", contract, org_id=area_team_id)
    return contract


async def update_contract(
    db: Db,
    access: Access,
    contract_id: uuid.UUID,
    *,
    contract_type: ContractType,
    start_date: date,
    enhanced_services: list[str],
    notes: str,
) -> PrimaryCareContract:
    contract = await db.first(visible_contracts(access).where(PrimaryCareContract.id == contract_id))
    if contract is None:
        raise input_error("id", "No such contract record.")
    if not can_change(access, contract):
        raise input_error(None, "Your delegation lets you read this contract record, not change it.")
    if not can_edit_for_area_team(access, contract.org_id) and (conflict := await conflict_with(db, access, contract)):
        # The refusal is committed with its audit entry: the payload carries the error, not an exception.
        await record(db, access, "contract.update_refused", contract, org_id=contract.org_id)
        raise input_error(None, conflict)
    if errors := _errors(start_date, enhanced_services, notes):
        raise InputErrors(*errors)
    before = snapshot(contract)
    contract.contract_type, contract.start_date = contract_type, start_date
    contract.enhanced_services, contract.notes = [s.strip() for s in enhanced_services], notes.strip()
    await db.add(contract)
    await record(db, access, "contract.update", contract, org_id=contract.org_id, before=before)
    return contract
