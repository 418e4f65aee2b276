"""One outcome at a time: what an item's standing outcome is, and the refusal of a second."""

from __future__ import annotations

import uuid

from sqlmodel import select

from quorum import clock
from quorum.conduct.tables import Decision, Route
from quorum.database import Db
from quorum.errors import InputErrors, input_error

OUTCOME_WORDS = {
    Route.VOTE: "a decision by vote",
    Route.CONSENSUS: "a decision by consensus",
    Route.CHAIRS_ACTION: "a chair's action",
    Route.DEFERRED: "a deferral",
    Route.REFERRED: "a referral",
    Route.WITHDRAWN: "its withdrawal",
}


def day(moment) -> str:
    local = moment.astimezone(clock.LONDON)
    return f"{local.day} {local:%B %Y}"


async def standing_outcome(db: Db, item_id: uuid.UUID) -> Decision | None:
    """The item's outcome, if one stands (a ratification or an approval of minutes reported under it is not
    the item's)."""
    return await db.first(
        select(Decision).where(
            Decision.item_id == item_id,
            Decision.rescinded_at.is_(None),
            Decision.ratifies_id.is_(None),
            Decision.minutes_of_meeting_id.is_(None),
        )
    )


def already_decided(outcome: Decision) -> InputErrors:
    return input_error(
        "itemId",
        f"This item already has an outcome: {OUTCOME_WORDS[Route(outcome.route)]}, recorded "
        f"on {day(outcome.decided_at)}. Rescind it, saying why, before recording another.",
    )
