"""Who may see and do what with notifications: a person reads their own messages and reads and sets their own
preferences; platform administrators read every message, and the API shows them only in demo mode (Sent mail).
Public subscriptions are read by nobody through the application: only the worker, as the owner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, false
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.notifications.tables import (
    NotificationMessage,
    NotificationPreference,
    NotificationSetting,
    PublicSubscription,
)


def visible_messages(access: Access) -> SelectOfScalar[NotificationMessage]:
    if access.is_platform_admin:
        return select(NotificationMessage)
    # Guarded: comparing with None would read as IS NULL, every public subscriber's messages.
    if access.person_id is None:
        return select(NotificationMessage).where(false())
    return select(NotificationMessage).where(col(NotificationMessage.person_id) == access.person_id)


def visible_preferences(access: Access) -> SelectOfScalar[NotificationPreference]:
    if access.person_id is None:
        return select(NotificationPreference).where(false())
    return select(NotificationPreference).where(col(NotificationPreference.person_id) == access.person_id)


def visible_settings(access: Access) -> SelectOfScalar[NotificationSetting]:
    if access.person_id is None:
        return select(NotificationSetting).where(false())
    return select(NotificationSetting).where(col(NotificationSetting.person_id) == access.person_id)


def visible_public_subscriptions(access: Access) -> SelectOfScalar[PublicSubscription]:
    return select(PublicSubscription).where(false())


def can_read_sent_mail(access: Access, demo_mode: bool) -> bool:
    """The Sent mail page: the whole outbox, for a platform administrator of a demonstration only."""
    return demo_mode and access.is_platform_admin


def can_set_preferences(access: Access) -> bool:
    return access.signed_in


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    NotificationMessage: visible_messages,
    NotificationPreference: visible_preferences,
    NotificationSetting: visible_settings,
    PublicSubscription: visible_public_subscriptions,
}
