"""Who may read the audit log: the members of the organisation an entry belongs to; entries of no organisation
(platform changes) only platform administrators. Nobody changes an entry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, or_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.audit.tables import AuditEntry


def visible_audit_entries(access: Access) -> SelectOfScalar[AuditEntry]:
    readable: list[ColumnElement[bool]] = [col(AuditEntry.org_id).in_(access.org_ids)]
    if access.is_platform_admin:
        readable.append(col(AuditEntry.org_id).is_(None))
    return select(AuditEntry).where(or_(*readable))


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    AuditEntry: visible_audit_entries,
}
