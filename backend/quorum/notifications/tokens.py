"""Signed tokens in links that work without signing in: unsubscribing from one kind of message, and confirming a
public subscription. Signed with the secret key (HMAC), so nothing secret is stored and an altered token is
refused."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from itsdangerous import BadSignature, URLSafeSerializer, URLSafeTimedSerializer

from quorum.config import get_settings

CONFIRMATION_LIFETIME = timedelta(days=7)


@dataclass(frozen=True)
class Unsubscribe:
    """What one unsubscribe link stops: a person's messages of one kind, or one public subscription."""

    kind: str
    person_id: uuid.UUID | None = None
    subscription_id: uuid.UUID | None = None


def _unsubscribing() -> URLSafeSerializer:
    return URLSafeSerializer(get_settings().secret_key, salt="quorum.notifications.unsubscribe")


def _confirming() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(get_settings().secret_key, salt="quorum.notifications.confirm")


def unsubscribe_token(what: Unsubscribe) -> str:
    return str(
        _unsubscribing().dumps(
            [what.kind, str(what.person_id or ""), str(what.subscription_id or "")],
        )
    )


def read_unsubscribe_token(token: str) -> Unsubscribe | None:
    try:
        kind, person, subscription = _unsubscribing().loads(token)
        return Unsubscribe(
            kind=str(kind),
            person_id=uuid.UUID(person) if person else None,
            subscription_id=uuid.UUID(subscription) if subscription else None,
        )
    except (BadSignature, ValueError, TypeError):
        return None


def confirmation_token(subscription_id: uuid.UUID) -> str:
    return str(_confirming().dumps(str(subscription_id)))


def read_confirmation_token(token: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(_confirming().loads(token, max_age=int(CONFIRMATION_LIFETIME.total_seconds())))
    except (BadSignature, ValueError, TypeError):
        return None
