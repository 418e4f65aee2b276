"""Daily digests: at each hour, everyone whose digest hour it is (in London) gets the messages waiting for their
digest gathered into one, and those are marked sent as part of it. Running twice in the hour gathers nothing the
second time."""

from __future__ import annotations

import uuid
from datetime import datetime
from html import escape
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from quorum import clock
from quorum.database import worker_transaction
from quorum.notifications.frame import absolute, message_id

DEFAULT_HOUR = 8

# Everyone with messages waiting whose digest hour is this one (no setting: the default hour).
_DUE = text(
    "SELECT m.person_id, m.id, m.email, m.recipient_name, m.subject, m.body_text"
    " FROM notification_message m LEFT JOIN notification_setting s ON s.person_id = m.person_id"
    " WHERE m.status = 'DIGEST' AND m.created_at <= :now AND coalesce(s.digest_hour, :default_hour) = :hour"
    " ORDER BY m.person_id, m.created_at, m.id FOR UPDATE OF m SKIP LOCKED"
)
_INSERT = text(
    "INSERT INTO notification_message (id, kind, person_id, email, recipient_name, subject, body_text, body_html,"
    " status, message_id) VALUES (:id, 'digest', :person_id, :email, :recipient_name, :subject, :body_text,"
    " :body_html, 'QUEUED', :message_id)"
)
_GATHERED = text(
    "UPDATE notification_message SET status = 'SENT', sent_at = now(), digest_id = :digest WHERE id = ANY (:ids)"
).bindparams(bindparam("ids", type_=ARRAY(UUID(as_uuid=True))))


async def send_digests(now: datetime | None = None) -> int:
    """Gather the digests due at `now`'s London hour; returns how many digests were written."""
    now = now or clock.now()
    hour = now.astimezone(clock.LONDON).hour
    async with worker_transaction() as db:
        rows = (
            await (await db.session.connection()).execute(
                _DUE, {"now": now, "hour": hour, "default_hour": DEFAULT_HOUR}
            )
        ).all()
        by_person: dict[uuid.UUID, list[Any]] = {}
        for row in rows:
            by_person.setdefault(row.person_id, []).append(row)
        for person_rows in by_person.values():
            digest_id = uuid.uuid4()
            await (await db.session.connection()).execute(
                _INSERT, {"id": digest_id, **digest(person_rows), "message_id": message_id(digest_id)}
            )
            await (await db.session.connection()).execute(
                _GATHERED, {"digest": digest_id, "ids": [row.id for row in person_rows]}
            )
    return len(by_person)


def digest(rows: list[Any]) -> dict[str, Any]:
    first = rows[0]
    count = len(rows)
    subject = f"Your Quorum digest: {count} message{'s' if count != 1 else ''}"
    greeting = f"Dear {first.recipient_name}," if first.recipient_name else "Hello,"
    settings_link = absolute("/settings/notifications")
    text_parts = [greeting, "", f"{count} message{'s' if count != 1 else ''} since your last digest:", ""]
    html_parts = [
        '<!doctype html><html><body style="font-family: Arial, sans-serif; color: #212b32">',
        f"<p>{escape(greeting)}</p>",
    ]
    for row in rows:
        text_parts += ["=" * 60, row.subject, "", row.body_text, ""]
        html_parts += [
            f"<h2>{escape(row.subject)}</h2>",
            f'<div style="white-space: pre-wrap">{escape(row.body_text)}</div>',
        ]
    text_parts += [f"Choose what you receive: {settings_link}"]
    html_parts += [
        f'<p><a href="{escape(settings_link, quote=True)}">Choose what you receive</a></p>',
        "</body></html>",
    ]
    return {
        "person_id": first.person_id,
        "email": first.email,
        "recipient_name": first.recipient_name,
        "subject": subject,
        "body_text": "\n".join(text_parts),
        "body_html": "\n".join(html_parts),
    }
