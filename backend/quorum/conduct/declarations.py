"""Declarations of interest against agenda items, how the chair manages each, and the conflicts the
register suggests before the meeting."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.committees.tables import Seat
from quorum.conduct import conflicts, policy
from quorum.conduct.live import EventKind, announce
from quorum.conduct.record import MeetingRecord
from quorum.conduct.service import conducted, item_in, item_of
from quorum.conduct.stages import Step
from quorum.conduct.tables import Attendance, Decision, Declaration, Management, Route, Vote
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.interests import pending
from quorum.interests.policy import visible_interests
from quorum.interests.tables import Interest, InterestCategory
from quorum.meetings.tables import AgendaItem, Meeting
from quorum.organisations.policy import visible_organisations, visible_practices
from quorum.organisations.tables import Organisation, Practice
from quorum.people.tables import Person

MAX_TEXT = 2000


async def _item_still_open(db: Db, item: AgendaItem) -> None:
    """A declaration changes who may decide: it cannot follow a vote called or a decision taken on the item."""
    if await db.first(select(Vote.id).where(Vote.item_id == item.id, Vote.closed_at.is_(None))):
        raise input_error("itemId", "A vote is open on this item; declarations are taken before the vote is called.")
    if await db.first(
        select(Decision.id).where(
            Decision.item_id == item.id,
            Decision.rescinded_at.is_(None),
            Decision.route.not_in([Route.DEFERRED, Route.WITHDRAWN]),
        )
    ):
        raise input_error("itemId", "This item has been decided; a declaration now would not change who decided it.")


async def _takes_part(db: Db, meeting: Meeting, person_id: uuid.UUID) -> bool:
    day = clock.local_date(meeting.starts_at)
    seats = await db.all(select(Seat).where(Seat.committee_id == meeting.committee_id, Seat.person_id == person_id))
    if any(s.is_active_on(day) for s in seats):
        return True
    return (
        await db.first(
            select(Attendance.id).where(Attendance.meeting_id == meeting.id, Attendance.person_id == person_id)
        )
        is not None
    )


async def record_declaration(
    db: Db,
    access: Access,
    *,
    meeting_id: uuid.UUID,
    item_id: uuid.UUID,
    person_id: uuid.UUID,
    interest_id: uuid.UUID | None,
    category: InterestCategory | None,
    description: str,
    management: Management,
) -> Declaration:
    meeting, _ = await conducted(db, access, meeting_id, Step.DECLARATION)
    return await declare(
        db,
        access,
        meeting,
        item_id=item_id,
        person_id=person_id,
        interest_id=interest_id,
        category=category,
        description=description,
        management=management,
    )


async def declare(
    db: Db,
    access: Access,
    meeting: Meeting,
    *,
    item_id: uuid.UUID,
    person_id: uuid.UUID,
    interest_id: uuid.UUID | None,
    category: InterestCategory | None,
    description: str,
    management: Management,
) -> Declaration:
    """The declaration, once the caller's right to make it and the meeting's stage have been checked."""
    item = await item_in(db, access, meeting, item_id)
    person = await db.first(select(Person).where(Person.id == person_id))
    if person is None or not await _takes_part(db, meeting, person_id):
        raise input_error(
            "personId",
            "Only the committee's members and those attending this meeting declare interests in its business.",
        )
    errors: list[UserError] = []
    interest = None
    if interest_id is not None:
        interest = await db.first(visible_interests(access).where(Interest.id == interest_id))
        if interest is None or interest.person_id != person_id:
            errors.append(
                UserError(field="interestId", message=f"That is not one of {person.name}'s entries in the register.")
            )
    category = category or (interest and InterestCategory(interest.category))
    description = description.strip() or (interest.description if interest else "")
    if category is None:
        errors.append(UserError(field="category", message="Say what kind of interest it is."))
    if not description or len(description) > MAX_TEXT:
        errors.append(
            UserError(field="description", message=f"Describe the interest ({MAX_TEXT:,} characters or fewer).")
        )
    if errors:
        raise InputErrors(*errors)
    await _item_still_open(db, item)
    declaration = Declaration(
        org_id=meeting.org_id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        item_id=item.id,
        person_id=person_id,
        interest_org_id=interest and interest.org_id,
        interest_id=interest and interest.id,
        category=category,
        description=description,
        management=management,
        recorded_by=access.person_id,
    )
    try:
        await db.add(declaration)
    except IntegrityError:
        raise input_error(
            "personId",
            f"{person.name} has already declared an interest in this item; change how it is managed instead.",
        ) from None
    await record(db, access, "declaration.record", declaration, org_id=meeting.org_id)
    if interest is None:
        await pending.from_declaration(
            db,
            access,
            org_id=meeting.org_id,
            declaration_id=declaration.id,
            person_id=person_id,
            category=category,
            description=description,
            declared_on=min(clock.local_date(meeting.starts_at), clock.today()),
        )
    await announce(db, meeting.id, EventKind.DECLARATION, item_id=item.id)
    return declaration


async def _declaration(db: Db, access: Access, declaration_id: uuid.UUID) -> tuple[Declaration, Meeting, AgendaItem]:
    declaration = await db.first(policy.visible_declarations(access).where(Declaration.id == declaration_id))
    if declaration is None:
        raise input_error("id", "No such declaration.")
    meeting, _ = await conducted(db, access, declaration.meeting_id, Step.DECLARATION, "id")
    item = await item_in(db, access, meeting, declaration.item_id, "id")
    await _item_still_open(db, item)
    return declaration, meeting, item


async def manage_declaration(db: Db, access: Access, declaration_id: uuid.UUID, management: Management) -> Declaration:
    declaration, meeting, item = await _declaration(db, access, declaration_id)
    before = snapshot(declaration)
    declaration.management = management
    await db.add(declaration)
    await record(db, access, "declaration.manage", declaration, org_id=meeting.org_id, before=before)
    await announce(db, meeting.id, EventKind.DECLARATION, item_id=item.id)
    return declaration


async def withdraw_declaration(db: Db, access: Access, declaration_id: uuid.UUID) -> Declaration:
    """For a declaration recorded in error: the audit log keeps what it said."""
    declaration, meeting, item = await _declaration(db, access, declaration_id)
    before = snapshot(declaration)
    await db.session.delete(declaration)
    await db.flush()
    await record(db, access, "declaration.withdraw", declaration, org_id=meeting.org_id, before=before)
    await pending.declaration_withdrawn(db, access, org_id=meeting.org_id, declaration_id=declaration.id)
    await announce(db, meeting.id, EventKind.DECLARATION, item_id=item.id)
    return declaration


async def set_concerns(
    db: Db, access: Access, item_id: uuid.UUID, org_ids: list[uuid.UUID], practice_ids: list[uuid.UUID]
) -> AgendaItem:
    """The organisations and practices an item concerns: what the register is checked against."""
    item = await item_of(db, access, item_id)
    meeting, _ = await conducted(db, access, item.meeting_id, Step.CONCERNS, "itemId")
    errors = []
    if len(await db.all(visible_organisations(access).where(Organisation.id.in_(org_ids)))) != len(set(org_ids)):
        errors.append(UserError(field="organisationIds", message="Choose organisations from those you can see."))
    if len(await db.all(visible_practices(access).where(Practice.id.in_(practice_ids)))) != len(set(practice_ids)):
        errors.append(UserError(field="practiceIds", message="Choose practices from those you can see."))
    if errors:
        raise InputErrors(*errors)
    before = snapshot(item)
    item.concerns_org_ids, item.concerns_practice_ids = list(dict.fromkeys(org_ids)), list(dict.fromkeys(practice_ids))
    await db.add(item)
    await record(db, access, "agenda_item.concerns", item, org_id=item.org_id, before=before)
    return item


async def suggestions(db: Db, access: Access, record_: MeetingRecord) -> list[conflicts.Suggestion]:
    """Likely conflicts, from the registers the caller may read, for items not yet decided."""
    items = [i for i in record_.items if i.concerns_org_ids or i.concerns_practice_ids]
    if not items:
        return []
    people = {m.person_id for m in record_.members} | {a.person_id for a in record_.attendance if a.person_id}
    interests = await db.all(visible_interests(access).where(Interest.person_id.in_(people)))
    concerned = {c for i in items for c in (*i.concerns_org_ids, *i.concerns_practice_ids)}
    names = dict(await db.all(select(Organisation.id, Organisation.name).where(Organisation.id.in_(concerned))))
    names |= {
        p: f"{n} ({code})"
        for p, n, code in await db.all(
            select(Practice.id, Practice.name, Practice.ods_code).where(Practice.id.in_(concerned))
        )
    }
    decided = {d.item_id for d in record_.decisions if d.route != Route.DEFERRED}
    declared = {(d.item_id, d.person_id) for d in record_.declarations}
    return conflicts.suggest(
        [i for i in items if i.id not in decided],
        sorted(people, key=record_.name),
        interests,
        declared,
        names,
        clock.local_date(record_.meeting.starts_at),
    )
