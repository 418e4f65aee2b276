"""Who may read and record entries in the registers, and the checks on them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from quorum import clock
from quorum.access import Access, Role
from quorum.audit.service import record, snapshot
from quorum.committees.tables import Committee, Seat, SeatRole
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.interests import rules
from quorum.interests.policy import (
    can_keep_register,
    can_record_for,
    can_see_registers_of,
    visible_interests,
)
from quorum.interests.tables import (
    GiftApprover,
    GiftKind,
    GiftOrHospitality,
    Interest,
    InterestCategory,
    InterestReview,
    InterestStatus,
)
from quorum.organisations.policy import visible_organisations, visible_practices
from quorum.organisations.service import get_organisation
from quorum.organisations.tables import Organisation
from quorum.people.tables import Membership, Person, PersonRegistration

MAX_TEXT = 2000


async def register_of(db: Db, access: Access, org_id: uuid.UUID, field: str = "organisationId") -> Organisation:
    organisation = await get_organisation(db, access, org_id)
    if organisation is None or not can_see_registers_of(access, org_id):
        raise input_error(field, "No such organisation.")
    return organisation


def _refuse_unless_may_record_for(
    access: Access, org_id: uuid.UUID, person_id: uuid.UUID, organisation: Organisation, what: str
) -> None:
    if not can_record_for(access, org_id, person_id):
        raise input_error(
            None,
            f"Only the board secretary or an administrator of {organisation.name} can record {what} for someone else.",
        )


@dataclass(frozen=True)
class DecisionMaker:
    person_id: uuid.UUID
    appointed_on: date
    positions: tuple[str, ...]


async def decision_makers(db: Db, org_id: uuid.UUID, today: date) -> dict[uuid.UUID, DecisionMaker]:
    """Who holds a seat (not merely in attendance) on one of the organisation's committees, or sits on its
    governing body, today: the people whose interests the published register names."""
    seats = await db.all(
        select(Seat, Committee.name)
        .join(Committee, Committee.id == Seat.committee_id)
        .where(Seat.org_id == org_id, Seat.role != SeatRole.IN_ATTENDANCE)
    )
    members = await db.all(
        select(Membership).where(Membership.org_id == org_id, Membership.role == Role.GOVERNING_BODY_MEMBER)
    )
    found: dict[uuid.UUID, DecisionMaker] = {}

    def add(person_id: uuid.UUID, since: date, position: str) -> None:
        known = found.get(person_id)
        if known is None:
            found[person_id] = DecisionMaker(person_id, since, (position,))
        else:
            found[person_id] = DecisionMaker(person_id, min(known.appointed_on, since), known.positions + (position,))

    for seat, committee_name in seats:
        if seat.is_active_on(today):
            seat_role = SeatRole(seat.role).name.replace("_", " ").capitalize()
            add(seat.person_id, seat.valid_from, f"{seat_role}, {committee_name}")
    for membership in members:
        if membership.is_active_on(today) and membership.person_id not in found:
            add(membership.person_id, membership.valid_from, "Governing body member")
    return found


@dataclass
class Known:
    """What an entry may name: the organisation's people, practices and organisations visible to the caller."""

    people: dict[uuid.UUID, str] = field(default_factory=dict)  # id -> email
    practices: dict[uuid.UUID, str] = field(default_factory=dict)  # id -> ODS code
    organisations: dict[uuid.UUID, str] = field(default_factory=dict)  # id -> ODS code
    appointed: dict[uuid.UUID, date] = field(default_factory=dict)

    def person_by_email(self, email: str) -> uuid.UUID | None:
        return next((p for p, e in self.people.items() if e == email.strip().lower()), None)


async def known_for(db: Db, access: Access, org_id: uuid.UUID) -> Known:
    people = await db.all(
        select(Person.id, Person.email)
        .join(PersonRegistration, PersonRegistration.person_id == Person.id)
        .where(PersonRegistration.org_id == org_id)
    )
    practices = await db.all(visible_practices(access))
    organisations = await db.all(visible_organisations(access))
    makers = await decision_makers(db, org_id, clock.today())
    return Known(
        people=dict(people),
        practices={p.id: p.ods_code for p in practices},
        organisations={o.id: o.ods_code for o in organisations},
        appointed={m.person_id: m.appointed_on for m in makers.values()},
    )


@dataclass(frozen=True)
class Entry:
    person_id: uuid.UUID
    category: InterestCategory
    description: str
    concerns_org_ids: tuple[uuid.UUID, ...] = ()
    concerns_practice_ids: tuple[uuid.UUID, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    action_taken: str = ""
    became_aware_on: date | None = None
    declared_on: date | None = None
    withheld: bool = False


def entry_errors(entry: Entry, known: Known, today: date) -> tuple[list[UserError], Entry]:
    """What is wrong with an entry, and the entry with its dates filled in."""
    errors: list[UserError] = []
    if entry.person_id not in known.people:
        errors.append(UserError(field="personId", message="That person is not registered with this organisation."))
    if not entry.description.strip() or len(entry.description) > MAX_TEXT:
        errors.append(
            UserError(field="description", message=f"Describe the interest ({MAX_TEXT:,} characters or fewer).")
        )
    if len(entry.action_taken) > MAX_TEXT:
        errors.append(UserError(field="actionTaken", message=f"Keep the action taken to {MAX_TEXT:,} characters."))
    if any(o not in known.organisations for o in entry.concerns_org_ids):
        errors.append(
            UserError(field="concernsOrganisationIds", message="Choose organisations from those you can see.")
        )
    if any(p not in known.practices for p in entry.concerns_practice_ids):
        errors.append(UserError(field="concernsPracticeIds", message="Choose practices from those you can see."))
    declared_on = entry.declared_on or today
    valid_from = entry.valid_from
    if valid_from is None:
        errors.append(UserError(field="validFrom", message="Give the date the interest began."))
        valid_from = declared_on
    if entry.valid_to is not None and entry.valid_to < valid_from:
        errors.append(UserError(field="validTo", message="The interest must end on or after the date it began."))
    if declared_on > today:
        errors.append(UserError(field="declaredOn", message="The declaration cannot be dated in the future."))
    # One becomes aware, for the register's purposes, when the interest arises or on appointment if later.
    appointed_on = known.appointed.get(entry.person_id, valid_from)
    became_aware_on = entry.became_aware_on or min(max(valid_from, appointed_on), declared_on)
    if became_aware_on > declared_on:
        errors.append(
            UserError(field="becameAwareOn", message="One becomes aware of an interest on or before declaring it.")
        )
    return errors, replace(
        entry,
        valid_from=valid_from,
        declared_on=declared_on,
        became_aware_on=became_aware_on,
        description=entry.description.strip(),
        action_taken=entry.action_taken.strip(),
    )


def new_interest(org_id: uuid.UUID, entry: Entry, recorded_by: uuid.UUID) -> Interest:
    return Interest(
        org_id=org_id,
        person_id=entry.person_id,
        category=entry.category,
        description=entry.description,
        concerns_org_ids=list(dict.fromkeys(entry.concerns_org_ids)),
        concerns_practice_ids=list(dict.fromkeys(entry.concerns_practice_ids)),
        valid_from=entry.valid_from,
        valid_to=entry.valid_to,
        action_taken=entry.action_taken,
        became_aware_on=entry.became_aware_on,
        declared_on=entry.declared_on,
        withheld=entry.withheld,
        recorded_by=recorded_by,
    )


async def declare_interest(db: Db, access: Access, org_id: uuid.UUID, entry: Entry) -> Interest:
    organisation = await register_of(db, access, org_id)
    _refuse_unless_may_record_for(access, org_id, entry.person_id, organisation, "interests")
    if entry.withheld and not can_keep_register(access, org_id):
        raise input_error(
            "withheld", "Only the board secretary or an administrator can withhold an entry from publication."
        )
    errors, entry = entry_errors(entry, await known_for(db, access, org_id), clock.today())
    if errors:
        raise InputErrors(*errors)
    interest = new_interest(org_id, entry, access.person_id)
    await db.add(interest)
    await record(db, access, "interest.declare", interest, org_id=org_id)
    return interest


async def end_interest(
    db: Db, access: Access, interest_id: uuid.UUID, valid_to: date, action_taken: str | None
) -> Interest:
    interest = await db.first(visible_interests(access).where(Interest.id == interest_id))
    if interest is None:
        raise input_error("id", "No such entry in the register.")
    organisation = await register_of(db, access, interest.org_id, "id")
    _refuse_unless_may_record_for(access, interest.org_id, interest.person_id, organisation, "changes to interests")
    if valid_to < interest.valid_from:
        raise input_error("validTo", "The interest must end on or after the date it began.")
    if action_taken is not None and len(action_taken) > MAX_TEXT:
        raise input_error("actionTaken", f"Keep the action taken to {MAX_TEXT:,} characters.")
    before = snapshot(interest)
    interest.valid_to = valid_to
    if action_taken is not None:
        interest.action_taken = action_taken.strip()
    await db.add(interest)
    await record(db, access, "interest.end", interest, org_id=interest.org_id, before=before)
    return interest


async def record_review(
    db: Db, access: Access, org_id: uuid.UUID, person_id: uuid.UUID, reviewed_on: date | None, nil_return: bool
) -> InterestReview:
    organisation = await register_of(db, access, org_id)
    _refuse_unless_may_record_for(access, org_id, person_id, organisation, "reviews")
    reviewed_on = reviewed_on or clock.today()
    known = await known_for(db, access, org_id)
    errors = []
    if person_id not in known.people:
        errors.append(UserError(field="personId", message="That person is not registered with this organisation."))
    if reviewed_on > clock.today():
        errors.append(UserError(field="reviewedOn", message="A review cannot be dated in the future."))
    if nil_return:
        current = await db.all(
            visible_interests(access).where(Interest.org_id == org_id, Interest.person_id == person_id)
        )
        if any(i.is_current_on(reviewed_on) and i.status != InterestStatus.REJECTED for i in current):
            errors.append(
                UserError(
                    field="nilReturn",
                    message=("A nil return says there is nothing to declare, but this person has current interests."),
                )
            )
    if errors:
        raise InputErrors(*errors)
    review = InterestReview(
        org_id=org_id, person_id=person_id, reviewed_on=reviewed_on, nil_return=nil_return, recorded_by=access.person_id
    )
    try:
        await db.add(review)
    except IntegrityError:
        raise input_error("reviewedOn", "A review on that date is already recorded.") from None
    await record(db, access, "interest.review", review, org_id=org_id)
    return review


@dataclass(frozen=True)
class ReviewDue:
    person_id: uuid.UUID
    positions: tuple[str, ...]
    appointed_on: date
    last_return: date | None
    due: rules.ReturnDue


async def reviews_due(db: Db, access: Access, org_id: uuid.UUID) -> list[ReviewDue]:
    """Each decision-maker's next declaration or review, the overdue first: for those who keep the register."""
    if not can_keep_register(access, org_id):
        return []
    return await returns_due(db, org_id, clock.today())


async def returns_due(db: Db, org_id: uuid.UUID, today: date) -> list[ReviewDue]:
    """Each decision-maker's next declaration or review, the overdue first (no check on who asks: the caller's
    transaction decides what it reads)."""
    makers = await decision_makers(db, org_id, today)
    reviews = await db.all(select(InterestReview).where(InterestReview.org_id == org_id))
    interests = await db.all(select(Interest).where(Interest.org_id == org_id))
    result = []
    for maker in makers.values():
        reviewed = [r.reviewed_on for r in reviews if r.person_id == maker.person_id]
        declared = [i.declared_on for i in interests if i.person_id == maker.person_id]
        last = max(reviewed) if reviewed else (min(declared) if declared else None)
        due = rules.next_return(maker.appointed_on, last, today)
        result.append(ReviewDue(maker.person_id, maker.positions, maker.appointed_on, last, due))
    order = {rules.ReturnStatus.OVERDUE: 0, rules.ReturnStatus.DUE: 1, rules.ReturnStatus.UP_TO_DATE: 2}
    return sorted(result, key=lambda r: (order[r.due.status], r.due.due_on))


MAX_VALUE_PENCE = 100_000_000


async def record_gift(
    db: Db,
    access: Access,
    *,
    org_id: uuid.UUID,
    person_id: uuid.UUID,
    kind: GiftKind,
    description: str,
    offered_by: str,
    from_supplier: bool,
    value_pence: int,
    offered_on: date,
    accepted: bool,
    approved_by: uuid.UUID | None,
) -> GiftOrHospitality:
    organisation = await register_of(db, access, org_id)
    _refuse_unless_may_record_for(access, org_id, person_id, organisation, "gifts and hospitality")
    known = await known_for(db, access, org_id)
    errors = []
    if person_id not in known.people:
        errors.append(UserError(field="personId", message="That person is not registered with this organisation."))
    if not description.strip() or len(description) > MAX_TEXT:
        errors.append(
            UserError(field="description", message=f"Describe what was offered ({MAX_TEXT:,} characters or fewer).")
        )
    if not offered_by.strip() or len(offered_by) > 300:
        errors.append(UserError(field="offeredBy", message="Say who offered it (300 characters or fewer)."))
    if not 0 <= value_pence <= MAX_VALUE_PENCE:
        errors.append(UserError(field="valuePence", message="Give the value in pence, from 0 up to £1,000,000."))
    if offered_on > clock.today():
        errors.append(UserError(field="offeredOn", message="The offer cannot be dated in the future."))
    if approved_by is not None and not accepted:
        errors.append(UserError(field="approvedById", message="Only something accepted needs approval."))
    elif approved_by is not None and approved_by not in known.people:
        errors.append(
            UserError(field="approvedById", message="The approver must be registered with this organisation.")
        )
    elif approved_by is not None and (refusal := await approval_refusal(db, org_id, person_id, approved_by)):
        errors.append(UserError(field="approvedById", message=refusal))
    if errors:
        raise InputErrors(*errors)
    entry = GiftOrHospitality(
        org_id=org_id,
        person_id=person_id,
        kind=kind,
        description=description.strip(),
        offered_by=offered_by.strip(),
        from_supplier=from_supplier,
        value_pence=value_pence,
        offered_on=offered_on,
        accepted=accepted,
        approved_by=approved_by,
        recorded_by=access.person_id,
    )
    await db.add(entry)
    await record(db, access, "gift_or_hospitality.record", entry, org_id=org_id)
    return entry


RECIPIENT_REFUSED = (
    "The recipient cannot approve their own gift or hospitality; someone the organisation designates must."
)


async def is_designated_approver(db: Db, org_id: uuid.UUID, person_id: uuid.UUID) -> bool:
    return (
        await db.first(
            select(GiftApprover.person_id).where(GiftApprover.org_id == org_id, GiftApprover.person_id == person_id)
        )
        is not None
    )


async def approval_refusal(db: Db, org_id: uuid.UUID, recipient_id: uuid.UUID, approver_id: uuid.UUID) -> str | None:
    """Approval is only by someone the organisation designates, never the recipient."""
    if approver_id == recipient_id:
        return RECIPIENT_REFUSED
    if not await is_designated_approver(db, org_id, approver_id):
        name = await db.scalar(select(Person.name).where(Person.id == approver_id)) or "That person"
        return f"{name} is not designated to approve gifts and hospitality for this organisation."
    return None


def assessment_of(entry: GiftOrHospitality) -> rules.Assessment:
    return rules.assess(
        GiftKind(entry.kind),
        entry.from_supplier,
        entry.value_pence,
        accepted=entry.accepted,
        approved=entry.approved_by is not None,
    )
