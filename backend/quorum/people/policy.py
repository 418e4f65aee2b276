"""Who may see people, their registrations and their memberships.

A person is seen by the organisations they are registered with, by the members of committees they sit on, and by
themselves; a membership by its organisation and its holder; platform administrators see everything."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, Uuid, column, exists, false, or_, table
from sqlalchemy.orm import Mapped
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.people.tables import Membership, Person, PersonRegistration

# The committees' seat table, named rather than imported: committees sit above people, and only these two columns
# say who sits with whom (the rule the `person_visible` row-level policy states in SQL).
_seat = table("seat", column("person_id", Uuid), column("committee_id", Uuid))


def _is_caller(person_id: Mapped[uuid.UUID] | ColumnElement[uuid.UUID], access: Access) -> ColumnElement[bool]:
    return false() if access.person_id is None else person_id == access.person_id


def visible_people(access: Access, org_id: uuid.UUID | None = None) -> SelectOfScalar[Person]:
    """People registered with the caller's organisations (with `org_id`, that one only); without `org_id`, also the
    caller and those who sit on a committee with them."""
    registered = select(PersonRegistration.person_id).where(col(PersonRegistration.person_id) == Person.id)
    if not access.is_platform_admin:
        registered = registered.where(col(PersonRegistration.org_id).in_(access.org_ids))
    if org_id is not None:
        registered = registered.where(col(PersonRegistration.org_id) == org_id)
    condition: ColumnElement[bool] = exists(registered)
    if org_id is None:
        seated = select(_seat.c.person_id).where(
            _seat.c.person_id == Person.id, _seat.c.committee_id.in_(access.committee_ids)
        )
        condition = or_(condition, exists(seated), _is_caller(col(Person.id), access))
    return select(Person).where(condition)


def visible_registrations(access: Access) -> SelectOfScalar[PersonRegistration]:
    statement = select(PersonRegistration)
    if not access.is_platform_admin:
        statement = statement.where(
            or_(
                col(PersonRegistration.org_id).in_(access.org_ids),
                _is_caller(col(PersonRegistration.person_id), access),
            )
        )
    return statement


def visible_memberships(access: Access) -> SelectOfScalar[Membership]:
    statement = select(Membership)
    if not access.is_platform_admin:
        statement = statement.where(
            or_(col(Membership.org_id).in_(access.org_ids), _is_caller(col(Membership.person_id), access))
        )
    return statement


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Person: visible_people,
    PersonRegistration: visible_registrations,
    Membership: visible_memberships,
}
