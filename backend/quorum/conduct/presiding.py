"""When neither the chair nor the vice chair can take an item (away or conflicted), the members present choose
one of their number to preside: that member chairs the item and holds its casting vote."""

from __future__ import annotations

import uuid

from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.committees.tables import SeatRole
from quorum.conduct.live import EventKind, announce
from quorum.conduct.record import gather
from quorum.conduct.service import conducted, item_of
from quorum.conduct.stages import Step
from quorum.conduct.tables import PresidingMember, Vote
from quorum.database import Db
from quorum.errors import input_error


async def choose_presiding_member(
    db: Db, access: Access, *, item_id: uuid.UUID, person_id: uuid.UUID
) -> PresidingMember:
    item = await item_of(db, access, item_id)
    meeting, _ = await conducted(db, access, item.meeting_id, Step.PRESIDING, "itemId")
    if await db.first(select(Vote.id).where(Vote.item_id == item.id, Vote.closed_at.is_(None))):
        raise input_error("itemId", "A vote is open on this item; who presides cannot change until it closes.")
    gathered = await gather(db, access, meeting)
    quorum = gathered.quorum(item.id)
    chaired_by = quorum.chaired_by
    holder = chaired_by and gathered.member(chaired_by)
    if holder is not None and SeatRole(holder.role) in (SeatRole.CHAIR, SeatRole.VICE_CHAIR):
        title = "chair" if SeatRole(holder.role) == SeatRole.CHAIR else "vice chair"
        raise input_error(
            "itemId",
            f"The {title}, {gathered.name(chaired_by)}, chairs this item; the members choose "
            "who presides only when neither the chair nor the vice chair can.",
        )
    chosen = gathered.member(person_id)
    name = gathered.name(person_id) or "That person"
    if chosen is None or not chosen.voting:
        raise input_error("personId", f"{name} is not a voting member of this committee.")
    if person_id not in gathered.in_room():
        raise input_error("personId", f"{name} is not in the room.")
    if person_id in quorum.excluded:
        raise input_error(
            "personId", f"{name} has declared an interest in this item and takes no part in the decision."
        )
    existing = await db.first(
        select(PresidingMember).where(PresidingMember.org_id == item.org_id, PresidingMember.item_id == item.id)
    )
    before = snapshot(existing)
    presiding = existing or PresidingMember(
        org_id=item.org_id,
        item_id=item.id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        person_id=person_id,
        chosen_by=access.person_id,
    )
    presiding.person_id, presiding.chosen_by, presiding.chosen_at = person_id, access.person_id, clock.now()
    await db.add(presiding)
    await record(db, access, "item.presiding_member", presiding, org_id=item.org_id, before=before)
    await announce(db, meeting.id, EventKind.CURRENT_ITEM, item_id=item.id)
    return presiding
