"""Preferences, unsubscribing and public subscriptions.

Unsubscribing and confirming a subscription work without signing in: the signed token is the whole of the
authority, so these run as the owner and change only the one person's kind, or the one subscription, it names."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from quorum.access import Access
from quorum.database import Db, worker_transaction
from quorum.errors import input_error
from quorum.notifications import catalogue
from quorum.notifications.digests import DEFAULT_HOUR
from quorum.notifications.policy import visible_preferences, visible_settings
from quorum.notifications.tables import Mode, NotificationPreference, NotificationSetting
from quorum.notifications.tokens import Unsubscribe, read_confirmation_token


@dataclass(frozen=True)
class Choice:
    kind: str
    label: str
    mandatory: bool
    mode: Mode


async def preferences(db: Db, access: Access) -> list[Choice]:
    """Every kind of message and how the caller receives it (at once unless they chose otherwise)."""
    rows = {row.kind: Mode(row.mode) for row in await db.all(visible_preferences(access))}
    return [
        Choice(kind.name, kind.label, kind.mandatory, Mode.AT_ONCE if kind.mandatory else rows.get(name, Mode.AT_ONCE))
        for name, kind in sorted(catalogue.KINDS.items(), key=lambda item: item[1].label)
    ]


async def digest_hour(db: Db, access: Access) -> int:
    row = await db.first(visible_settings(access))
    return row.digest_hour if row else DEFAULT_HOUR


async def set_preferences(
    db: Db, access: Access, *, modes: dict[str, Mode], digest_hour: int | None = None
) -> list[Choice]:
    """Set the caller's own choices; a mandatory kind cannot be changed from at once, an unknown kind is refused."""
    if access.person_id is None:
        raise input_error(None, "Sign in to choose what you receive.")
    for name, mode in modes.items():
        kind = catalogue.kind(name)
        if kind is None:
            raise input_error("kind", f"There is no kind of message called {name!r}.")
        if kind.mandatory and mode != Mode.AT_ONCE:
            raise input_error("kind", f"“{kind.label}” is always sent at once and cannot be turned off.")
    if digest_hour is not None and not 0 <= digest_hour <= 23:
        raise input_error("digestHour", "Choose an hour from 0 to 23.")
    for name, mode in modes.items():
        existing = await db.first(visible_preferences(access).where(NotificationPreference.kind == name))
        row = existing or NotificationPreference(person_id=access.person_id, kind=name, mode=mode)
        row.mode = mode
        await db.add(row, refresh=False)
    if digest_hour is not None:
        setting = await db.first(visible_settings(access)) or NotificationSetting(person_id=access.person_id)
        setting.digest_hour = digest_hour
        await db.add(setting, refresh=False)
    return await preferences(db, access)


def describe(what: Unsubscribe) -> str | None:
    """What an unsubscribe link stops, in words; None when it names no kind that can be stopped."""
    kind = catalogue.kind(what.kind)
    if what.subscription_id is not None:
        return "messages about this committee's published papers"
    if kind is None or kind.mandatory or what.person_id is None:
        return None
    return f"messages like this one: “{kind.label}”"


_TURN_OFF = text(
    "INSERT INTO notification_preference (person_id, kind, mode) VALUES (:person, :kind, 'OFF')"
    " ON CONFLICT (person_id, kind) DO UPDATE SET mode = 'OFF'"
)
_END_SUBSCRIPTION = text(
    "UPDATE public_subscription SET unsubscribed_at = coalesce(unsubscribed_at, now()) WHERE id = :id"
)


async def unsubscribe(what: Unsubscribe) -> bool:
    """Stop what a verified unsubscribe token names; False when it names nothing that can be stopped."""
    if describe(what) is None:
        return False
    async with worker_transaction() as db:
        if what.subscription_id is not None:
            await db.execute(_END_SUBSCRIPTION, {"id": what.subscription_id})
        else:
            exists = await db.scalar(text("SELECT 1 FROM person WHERE id = :id").bindparams(id=what.person_id))
            if not exists:
                return False
            await db.execute(_TURN_OFF, {"person": what.person_id, "kind": what.kind})
    return True


async def confirm_subscription(token: str) -> bool:
    """Confirm the public subscription a confirmation link names (once; again changes nothing)."""
    subscription_id = read_confirmation_token(token)
    if subscription_id is None:
        return False
    async with worker_transaction() as db:
        found = await db.scalar(
            text(
                "UPDATE public_subscription SET confirmed_at = coalesce(confirmed_at, now()), unsubscribed_at = NULL"
                " WHERE id = :id RETURNING id"
            ).bindparams(id=subscription_id)
        )
    return found is not None
