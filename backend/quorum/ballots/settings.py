"""A CCG's voting rules, from its constitution: who may read and set them, and the checks on input."""

from __future__ import annotations

import math
import uuid
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.ballots.policy import is_member, visible_settings
from quorum.ballots.service import managed_ccg
from quorum.ballots.tables import BallotSettings, Majority, TurnoutBasis, Weighting
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error


async def settings_of(db: Db, access: Access, org_id: uuid.UUID) -> BallotSettings | None:
    if not is_member(access, org_id):
        return None
    return await db.first(visible_settings(access).where(BallotSettings.org_id == org_id))


def percent_value(field: str, value: float, low: Decimal, high: Decimal, words: str) -> Decimal:
    amount = (
        Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if math.isfinite(value) and abs(value) < 1000
        else None
    )
    if amount is None or not low <= amount <= high:
        raise input_error(field, f"{words} must be from {low:g}% to {high:g}%.")
    return amount


async def set_settings(
    db: Db,
    access: Access,
    org_id: uuid.UUID,
    *,
    weighting: Weighting,
    turnout_basis: TurnoutBasis,
    turnout_threshold: float,
    majority: Majority,
    majority_share: float | None,
    votes_may_change: bool,
) -> BallotSettings:
    await managed_ccg(db, access, org_id, "set its voting rules")
    errors: list[UserError] = []
    threshold = share = None
    try:
        threshold = percent_value("turnoutThresholdPercent", turnout_threshold, Decimal(0), Decimal(100), "The turnout")
    except InputErrors as e:
        errors += e.errors
    if majority == Majority.STATED_SHARE:
        if majority_share is None:
            errors.append(
                UserError(field="majorityPercent", message="State the share of votes that carries a question.")
            )
        else:
            try:
                share = percent_value("majorityPercent", majority_share, Decimal("50.01"), Decimal(100), "The majority")
            except InputErrors as e:
                errors += e.errors
    elif majority_share is not None:
        errors.append(UserError(field="majorityPercent", message="Only a stated-share majority has a percentage."))
    if errors:
        raise InputErrors(*errors)
    existing = await db.first(select(BallotSettings).where(BallotSettings.org_id == org_id))
    before = snapshot(existing)
    settings = existing or BallotSettings(org_id=org_id)
    settings.weighting, settings.turnout_basis, settings.turnout_threshold = weighting, turnout_basis, threshold
    settings.majority, settings.majority_share, settings.votes_may_change = majority, share, votes_may_change
    settings.updated_by, settings.updated_at = access.person_id, clock.now()
    await db.add(settings)
    await record(db, access, "ballot_settings.set", settings, org_id=org_id, before=before)
    return settings
