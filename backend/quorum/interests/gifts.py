"""Approving gifts and hospitality: only someone the organisation designates, and never the recipient; an entry is
updated later (approved, returned, declined) with each change kept as its history."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.database import Db
from quorum.errors import input_error
from quorum.interests.policy import can_keep_register, visible_gifts
from quorum.interests.service import MAX_TEXT, approval_refusal, is_designated_approver, known_for, register_of
from quorum.interests.tables import GiftApprover, GiftChange, GiftOrHospitality, GiftOrHospitalityUpdate


async def designate_approver(db: Db, access: Access, *, org_id: uuid.UUID, person_id: uuid.UUID) -> GiftApprover:
    organisation = await register_of(db, access, org_id)
    if not can_keep_register(access, org_id):
        raise input_error(
            None, f"Only the board secretary or an administrator of {organisation.name} designates approvers."
        )
    if person_id not in (await known_for(db, access, org_id)).people:
        raise input_error("personId", "That person is not registered with this organisation.")
    approver = GiftApprover(
        org_id=org_id, person_id=person_id, designated_by=access.person_id, designated_at=clock.now()
    )
    try:
        await db.add(approver)
    except IntegrityError:
        raise input_error("personId", "That person is already designated.") from None
    await record(db, access, "gift_approver.designate", approver, org_id=org_id)
    return approver


async def update_gift(
    db: Db, access: Access, *, gift_id: uuid.UUID, change: GiftChange, note: str
) -> GiftOrHospitality:
    entry = await db.first(visible_gifts(access).where(GiftOrHospitality.id == gift_id))
    if entry is None:
        raise input_error("id", "No such entry in the register of gifts and hospitality.")
    note = note.strip()
    if len(note) > MAX_TEXT:
        raise input_error("note", f"Keep the note to {MAX_TEXT:,} characters.")
    if change == GiftChange.APPROVED:
        if (refusal := await approval_refusal(db, entry.org_id, entry.person_id, access.person_id)) is not None:
            raise input_error(None, refusal)
        if entry.approved_by is not None:
            raise input_error("change", "This entry is already approved.")
    elif not can_keep_register(access, entry.org_id) and not await is_designated_approver(
        db, entry.org_id, access.person_id
    ):
        raise input_error(None, "Only the register's keeper or a designated approver records what became of an offer.")
    before = snapshot(entry)
    if change == GiftChange.APPROVED:
        entry.accepted, entry.approved_by = True, access.person_id
    else:  # returned to the giver, or declined: not kept, so nothing stands approved (the history keeps the approval)
        entry.accepted, entry.approved_by = False, None
    await db.add(entry)
    update = GiftOrHospitalityUpdate(
        org_id=entry.org_id, gift_id=entry.id, change=change, note=note, at=clock.now(), recorded_by=access.person_id
    )
    await db.add(update)
    await record(db, access, f"gift_or_hospitality.{change.value.lower()}", entry, org_id=entry.org_id, before=before)
    return entry


def history_of(gift_ids: list[uuid.UUID]):
    updates = select(GiftOrHospitalityUpdate).where(GiftOrHospitalityUpdate.gift_id.in_(gift_ids))
    return updates.order_by(GiftOrHospitalityUpdate.at)
