"""Sending queued messages, one at a time: lock the message, send it, mark it sent, commit. A worker killed
mid-send leaves its message queued (its lock dies with its connection), so the next run sends it; one killed
after the server accepted it but before the commit is the only way a message could go twice, and its stable
Message-ID lets the receiving server recognise it. Without QUORUM_SMTP_URL, messages stay in the outbox only."""

from __future__ import annotations

import asyncio
import logging

import aiosmtplib
import asyncpg
from sqlalchemy import text

from quorum.config import get_settings
from quorum.database import connect_kwargs, owner_url, worker_transaction
from quorum.mail import Mailer
from quorum.notifications.frame import email_message

log = logging.getLogger(__name__)

# Plain SQL on one connection per SMTP connection: a message's transaction is a few round trips, no more.
_NEXT = (
    "SELECT id, email, recipient_name, subject, body_text, body_html, ics, unsubscribe_url, message_id"
    " FROM notification_message WHERE status = 'QUEUED'"
    " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"
)
_SENT = "UPDATE notification_message SET status = 'SENT', sent_at = now() WHERE id = $1 AND status = 'QUEUED'"
_FAILED = "UPDATE notification_message SET status = 'FAILED', failure = $2 WHERE id = $1"
_OUTBOX_ONLY = text("UPDATE notification_message SET status = 'OUTBOX_ONLY' WHERE status = 'QUEUED'")


async def deliver_messages(limit: int | None = None, connections: int = 4) -> int:
    """Send queued messages until none is left (or about `limit` were sent), over up to `connections` SMTP
    connections at once; returns how many were sent."""
    server = get_settings().smtp
    if server is None:
        async with worker_transaction() as db:
            await (await db.session.connection()).execute(_OUTBOX_ONLY)
        return 0
    counted = [0]

    async def one_connection() -> None:
        database = await asyncpg.connect(**connect_kwargs(owner_url()))
        try:
            async with Mailer(server) as mailer:
                while limit is None or counted[0] < limit:
                    if not await _send_next(database, mailer):
                        return
                    counted[0] += 1
        except (aiosmtplib.SMTPException, OSError) as error:
            # The server is away or refusing for now: the message stays queued for the next run.
            log.warning("Delivery stopped for now: %s", error)
        finally:
            await database.close()

    await asyncio.gather(*(one_connection() for _ in range(max(1, connections))))
    return counted[0]


async def _send_next(database: asyncpg.Connection, mailer: Mailer) -> bool:
    """Send the oldest queued message nobody else holds, and mark it sent; False when there is none."""
    async with database.transaction():
        row = await database.fetchrow(_NEXT)
        if row is None:
            return False
        try:
            message = email_message(
                to_email=row["email"],
                to_name=row["recipient_name"],
                subject=row["subject"],
                text=row["body_text"],
                html=row["body_html"],
                message_id=row["message_id"],
                unsubscribe_url=row["unsubscribe_url"],
                ics=row["ics"],
            )
        except (ValueError, TypeError) as unbuildable:
            # A message that cannot be built never will be: it must not hold up the ones queued behind it.
            log.error("Message %s cannot be built: %s", row["message_id"], unbuildable)
            await database.execute(_FAILED, row["id"], f"The message could not be built: {unbuildable}"[:500])
            return True
        try:
            await mailer.send(message)
        except (aiosmtplib.SMTPRecipientsRefused, aiosmtplib.SMTPResponseException) as refused:
            reason = permanent_refusal(refused)
            if reason is None:
                raise
            log.warning("Message %s refused for good: %s", row["message_id"], reason)
            await database.execute(_FAILED, row["id"], reason)
            return True
        await database.execute(_SENT, row["id"])
    return True


def permanent_refusal(error: aiosmtplib.SMTPException) -> str | None:
    """The server's words when it refused a message for good (5xx); None when it may accept it later (4xx)."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        answers = [(e.code, e.message) for e in error.recipients]
    elif isinstance(error, aiosmtplib.SMTPResponseException):
        answers = [(error.code, error.message)]
    else:
        return None
    if answers and all(code >= 500 for code, _ in answers):
        return "; ".join(f"{code} {message}" for code, message in answers)[:500]
    return None
