"""Sending queued messages, one at a time: lock the message, send it, mark it sent, commit. A worker killed
mid-send leaves its message queued (its lock dies with its connection), so the next run sends it; one killed
after the server accepted it but before the commit is the only way a message could go twice, and its stable
Message-ID lets the receiving server recognise it. Without QUORUM_SMTP_URL, messages stay in the outbox only."""

from __future__ import annotations

import logging

from sqlalchemy import text

from quorum.config import get_settings
from quorum.database import worker_transaction
from quorum.mail import Mailer
from quorum.notifications.frame import email_message

log = logging.getLogger(__name__)

_NEXT = text(
    "SELECT id, email, recipient_name, subject, body_text, body_html, ics, unsubscribe_url, message_id"
    " FROM notification_message WHERE status = 'QUEUED'"
    " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"
)
_SENT = text("UPDATE notification_message SET status = 'SENT', sent_at = now() WHERE id = :id AND status = 'QUEUED'")
_OUTBOX_ONLY = text("UPDATE notification_message SET status = 'OUTBOX_ONLY' WHERE status = 'QUEUED'")


async def deliver_messages(limit: int | None = None) -> int:
    """Send queued messages until none is left (or `limit` were sent); returns how many were sent."""
    server = get_settings().smtp
    if server is None:
        async with worker_transaction() as db:
            await (await db.session.connection()).execute(_OUTBOX_ONLY)
        return 0
    sent = 0
    async with Mailer(server) as mailer:
        while limit is None or sent < limit:
            async with worker_transaction() as db:
                row = (await (await db.session.connection()).execute(_NEXT)).first()
                if row is None:
                    break
                await mailer.send(
                    email_message(
                        to_email=row.email,
                        to_name=row.recipient_name,
                        subject=row.subject,
                        text=row.body_text,
                        html=row.body_html,
                        message_id=row.message_id,
                        unsubscribe_url=row.unsubscribe_url,
                        ics=row.ics,
                    )
                )
                await (await db.session.connection()).execute(_SENT, {"id": row.id})
            sent += 1
    return sent
