"""Who may see and change organisations and practices.

The directory (organisations) is read by their members, their area team's and their joint committees' members;
practices by those the caller's memberships and seats open; platform administrators see and create everything;
an organisation's administrators manage its practices, people and memberships."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.organisations.tables import Organisation, Practice


def visible_organisations(access: Access) -> SelectOfScalar[Organisation]:
    """Organisations whose directory entry the caller may read (their own, their area, their joint committees')."""
    statement = select(Organisation)
    if not access.is_platform_admin:
        statement = statement.where(col(Organisation.id).in_(access.directory_org_ids))
    return statement


def visible_practices(access: Access, org_id: uuid.UUID | None = None) -> SelectOfScalar[Practice]:
    statement = select(Practice)
    if not access.is_platform_admin:
        statement = statement.where(col(Practice.org_id).in_(access.practice_org_ids))
    if org_id is not None:
        statement = statement.where(col(Practice.org_id) == org_id)
    return statement


def can_create_organisations(access: Access) -> bool:
    return access.is_platform_admin


def can_rename_organisation(access: Access) -> bool:
    return access.is_platform_admin


def can_administer(access: Access, org_id: uuid.UUID) -> bool:
    """Manage the organisation's practices, people and memberships."""
    return access.can_administer(org_id)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Organisation: visible_organisations,
    Practice: visible_practices,
}
