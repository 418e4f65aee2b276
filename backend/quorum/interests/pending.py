"""Declarations made at a meeting reach the register of interests as pending entries, which the register's
keeper (board secretary or administrator) confirms or rejects. Only confirmed entries are published."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.database import Db
from quorum.errors import input_error
from quorum.interests.policy import can_keep_register, visible_interests
from quorum.interests.service import MAX_TEXT
from quorum.interests.tables import Interest, InterestCategory, InterestStatus
from quorum.people.tables import PersonRegistration


async def from_declaration(
    db: Db,
    access: Access,
    *,
    org_id: uuid.UUID,
    declaration_id: uuid.UUID,
    person_id: uuid.UUID,
    category: InterestCategory,
    description: str,
    declared_on: date,
) -> Interest | None:
    """A pending entry in the register of the organisation whose meeting it was; none for someone not registered
    with that organisation (a guest of a joint committee is on their own organisation's register)."""
    registered = await db.first(
        select(PersonRegistration.person_id).where(
            PersonRegistration.org_id == org_id, PersonRegistration.person_id == person_id
        )
    )
    if registered is None:
        return None
    interest = Interest(
        org_id=org_id,
        person_id=person_id,
        category=category,
        description=description,
        valid_from=declared_on,
        became_aware_on=declared_on,
        declared_on=declared_on,
        recorded_by=access.person_id,
        status=InterestStatus.PENDING,
        source_declaration_id=declaration_id,
    )
    await db.add(interest)
    await record(db, access, "interest.pending", interest, org_id=org_id)
    return interest


async def review_pending(db: Db, access: Access, *, interest_id: uuid.UUID, confirm: bool, note: str) -> Interest:
    interest = await db.first(visible_interests(access).where(Interest.id == interest_id))
    if interest is None:
        raise input_error("id", "No such entry in the register.")
    if not can_keep_register(access, interest.org_id):
        raise input_error(
            None, "Only the register's keeper (the board secretary or an administrator) confirms or rejects entries."
        )
    if InterestStatus(interest.status) != InterestStatus.PENDING:
        raise input_error("id", f"That entry is already {interest.status.lower()}.")
    note = note.strip()
    if len(note) > MAX_TEXT or (not confirm and not note):
        raise input_error("note", f"Say why the entry is rejected ({MAX_TEXT:,} characters or fewer).")
    before = snapshot(interest)
    interest.status = InterestStatus.CONFIRMED if confirm else InterestStatus.REJECTED
    interest.reviewed_by, interest.reviewed_at, interest.review_note = access.person_id, clock.now(), note
    await db.add(interest)
    action = "interest.confirm" if confirm else "interest.reject"
    await record(db, access, action, interest, org_id=interest.org_id, before=before)
    return interest


async def declaration_withdrawn(db: Db, access: Access, *, org_id: uuid.UUID, declaration_id: uuid.UUID) -> None:
    """A declaration recorded in error takes its pending entry with it (rejected, so the register keeps the trace)."""
    interest = await db.first(
        select(Interest).where(
            Interest.org_id == org_id,
            Interest.source_declaration_id == declaration_id,
            Interest.status == InterestStatus.PENDING,
        )
    )
    if interest is None:
        return
    before = snapshot(interest)
    interest.status, interest.reviewed_by, interest.reviewed_at = InterestStatus.REJECTED, access.person_id, clock.now()
    interest.review_note = "The declaration at the meeting was withdrawn as recorded in error."
    await db.add(interest)
    await record(db, access, "interest.reject", interest, org_id=org_id, before=before)
