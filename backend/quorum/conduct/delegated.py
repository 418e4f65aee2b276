"""Which delegation a joint committee decides under: one it holds, live at the moment of deciding."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import select

from quorum.access import Access
from quorum.database import Db
from quorum.delegations.functions import DELEGABLE
from quorum.delegations.policy import visible_delegations
from quorum.delegations.service import status
from quorum.delegations.tables import Delegation
from quorum.errors import input_error
from quorum.organisations.tables import Organisation


async def covering(
    db: Db, access: Access, committee_id: uuid.UUID, delegation_id: uuid.UUID, at: datetime
) -> tuple[Delegation, str]:
    """The delegation and how the register names it; refuses one the committee does not hold at `at`."""
    delegation = await db.first(visible_delegations(access).where(Delegation.id == delegation_id))
    if delegation is None or delegation.receiving_committee_id != committee_id:
        raise input_error("delegationId", "This committee holds no such delegation.")
    if not delegation.is_live_at(at):
        raise input_error(
            "delegationId",
            f"That delegation is {status(delegation, at).value.lower()}; nothing can be decided under it now.",
        )
    delegating = await db.scalar(select(Organisation.name).where(Organisation.id == delegation.org_id))
    functions = "; ".join(DELEGABLE.get(f, f) for f in delegation.functions)
    label = (
        f"Under delegation from {delegating or 'the delegating organisation'} "
        f"({delegation.valid_from:%-d %B %Y} to {delegation.valid_to:%-d %B %Y}): {functions}"
    )
    return delegation, label
