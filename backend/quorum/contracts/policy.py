"""Who may see and change primary care contract records: the area team holding them, and a committee whose live
delegation covers the practice's CCG (to read; to change as well when it delegates `primary_care.contracts`)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, or_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access, Role
from quorum.contracts.tables import PrimaryCareContract

AREA_TEAM_EDITORS = (Role.AREA_TEAM_OFFICER, Role.ADMINISTRATOR)


def visible_contracts(access: Access) -> SelectOfScalar[PrimaryCareContract]:
    return select(PrimaryCareContract).where(
        or_(
            col(PrimaryCareContract.org_id).in_(access.org_ids),
            col(PrimaryCareContract.practice_org_id).in_(access.contract_read_ccgs),
        )
    )


def can_edit_for_area_team(access: Access, area_team_id: uuid.UUID | None) -> bool:
    """An officer or administrator of the area team that holds (or would hold) the record."""
    return area_team_id is not None and access.has_role(area_team_id, *AREA_TEAM_EDITORS)


def can_change_by_delegation(access: Access, contract: PrimaryCareContract) -> bool:
    return contract.practice_org_id in access.contract_write_ccgs


def can_change(access: Access, contract: PrimaryCareContract) -> bool:
    return can_edit_for_area_team(access, contract.org_id) or can_change_by_delegation(access, contract)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    PrimaryCareContract: visible_contracts,
}
