"""Who may see and record delegations: the delegating and receiving organisations and the receiving committee's
members see one; the delegating organisation's administrators, board secretaries and area team officers record it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, or_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access, Role
from quorum.delegations.tables import Delegation

RECORDERS = (Role.ADMINISTRATOR, Role.BOARD_SECRETARY, Role.AREA_TEAM_OFFICER)


def visible_delegations(access: Access) -> SelectOfScalar[Delegation]:
    return select(Delegation).where(
        or_(
            col(Delegation.org_id).in_(access.org_ids),
            col(Delegation.receiving_org_id).in_(access.org_ids),
            col(Delegation.receiving_committee_id).in_(access.committee_ids),
        )
    )


def can_act_for(access: Access, org_id: uuid.UUID) -> bool:
    """A member of the organisation: may see whom it could delegate to, and name it as the delegator."""
    return org_id in access.org_ids


def can_record(access: Access, org_id: uuid.UUID) -> bool:
    return access.has_role(org_id, *RECORDERS)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Delegation: visible_delegations,
}
