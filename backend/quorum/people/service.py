"""Registering people with an organisation and giving them roles (memberships)."""

from __future__ import annotations

import re
import uuid
from datetime import date

from sqlalchemy import func
from sqlmodel import select

from quorum import clock
from quorum.access import Access, Role
from quorum.audit.service import record, snapshot
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.organisations.policy import visible_practices
from quorum.organisations.service import administered_org
from quorum.organisations.tables import OrganisationKind, Practice
from quorum.people.policy import visible_memberships, visible_people
from quorum.people.tables import Membership, Person

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

ROLES_BY_KIND = {
    OrganisationKind.CCG: {
        Role.ADMINISTRATOR,
        Role.BOARD_SECRETARY,
        Role.GOVERNING_BODY_MEMBER,
        Role.STAFF,
        Role.PRACTICE_REPRESENTATIVE,
    },
    OrganisationKind.AREA_TEAM: {Role.ADMINISTRATOR, Role.BOARD_SECRETARY, Role.STAFF, Role.AREA_TEAM_OFFICER},
}


async def register_person(db: Db, access: Access, *, org_id: uuid.UUID, name: str, email: str) -> Person:
    """Record that an organisation knows this person; one person record per email across Quorum."""
    await administered_org(db, access, org_id)
    email = email.strip().lower()
    errors = []
    if not name.strip() or len(name) > 200:
        errors.append(UserError(field="name", message="Enter the person's name (200 characters or fewer)."))
    if not EMAIL.match(email) or len(email) > 254:
        errors.append(UserError(field="email", message="Enter an email address like name@nhs.net."))
    if errors:
        raise InputErrors(*errors)
    person_id = await db.scalar(select(func.register_person(org_id, email, name.strip())))
    person = await db.first(select(Person).where(Person.id == person_id))
    await record(db, access, "person.register", person, org_id=org_id)
    return person


async def create_membership(
    db: Db,
    access: Access,
    *,
    person_id: uuid.UUID,
    org_id: uuid.UUID,
    role: Role,
    practice_id: uuid.UUID | None,
    valid_from: date | None,
    valid_to: date | None,
) -> Membership:
    organisation = await administered_org(db, access, org_id)
    errors = []
    person = await db.first(visible_people(access, org_id).where(Person.id == person_id))
    if person is None:
        errors.append(UserError(field="personId", message=f"That person is not registered with {organisation.name}."))
    if role not in ROLES_BY_KIND[OrganisationKind(organisation.kind)]:
        kind = "a CCG" if organisation.kind == OrganisationKind.CCG else "an area team"
        role_name = role.name.replace("_", " ").capitalize()
        errors.append(UserError(field="role", message=f"{role_name} is not a role in {kind}."))
    if role == Role.PRACTICE_REPRESENTATIVE:
        practice = practice_id and await db.first(visible_practices(access, org_id).where(Practice.id == practice_id))
        if not practice:
            errors.append(UserError(field="practiceId", message=f"Choose one of {organisation.name}'s practices."))
    elif practice_id is not None:
        errors.append(UserError(field="practiceId", message="Only a practice representative is linked to a practice."))
    valid_from = valid_from or clock.today()
    if valid_to is not None and valid_to < valid_from:
        errors.append(UserError(field="validTo", message="The end date must be on or after the start date."))
    if errors:
        raise InputErrors(*errors)
    membership = Membership(
        org_id=org_id,
        person_id=person_id,
        role=role,
        practice_id=practice_id,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    await db.add(membership)
    await record(db, access, "membership.create", membership, org_id=org_id)
    return membership


async def end_membership(db: Db, access: Access, membership_id: uuid.UUID, valid_to: date) -> Membership:
    membership = await db.first(visible_memberships(access).where(Membership.id == membership_id))
    if membership is None:
        raise input_error("id", "No such membership.")
    await administered_org(db, access, membership.org_id)
    if valid_to < membership.valid_from:
        raise input_error("validTo", "The end date must be on or after the start date.")
    before = snapshot(membership)
    membership.valid_to = valid_to
    await db.add(membership)
    await record(db, access, "membership.end", membership, org_id=membership.org_id, before=before)
    return membership
