"""Members of the public following a committee's published papers by email, with double opt-in.

Asking to subscribe gives the same answer whether or not the address is already subscribed (or confirmed); a
confirmation message goes to the address (at most once every ten minutes, five a day), and nothing is sent to a
subscriber until they follow its link. The subscriptions are the owner's: the application never reads them."""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlalchemy import Row, text

from quorum.database import Db, worker_transaction
from quorum.errors import input_error
from quorum.notifications.frame import frame, message_id
from quorum.notifications.letters import Letter, Recipient
from quorum.notifications.tokens import confirmation_token

CONFIRMATION_KIND = "public_subscription_confirm"
ANSWER = "If that address can receive email, a message is on its way with a link to confirm your subscription."
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_COMMITTEE = text(
    "SELECT c.org_id, c.name, o.name AS org_name FROM committee c JOIN organisation o ON o.id = c.org_id"
    " WHERE c.id = :id"
)
_SUBSCRIBE = text(
    "INSERT INTO public_subscription (org_id, committee_id, email) VALUES (:org_id, :committee_id, :email)"
    " ON CONFLICT (committee_id, email) DO UPDATE SET email = EXCLUDED.email"
    " RETURNING id, confirmed_at, unsubscribed_at"
)
# At most one confirmation per subscription every ten minutes, and five a day to one address (so nobody can
# fill someone's inbox by asking for them at every committee).
_MAY_CONFIRM = text(
    "SELECT NOT EXISTS (SELECT 1 FROM notification_message WHERE subscription_id = :id AND kind = :kind"
    "                   AND created_at > now() - interval '10 minutes')"
    " AND (SELECT count(*) FROM notification_message WHERE email = :email AND kind = :kind"
    "      AND created_at > now() - interval '1 day') < :daily"
)
DAILY_CONFIRMATIONS = 5
_QUEUE = text(
    "INSERT INTO notification_message (id, kind, org_id, subscription_id, email, subject, body_text, body_html,"
    " status, message_id) VALUES (:id, :kind, :org_id, :subscription_id, :email, :subject, :body_text, :body_html,"
    " 'QUEUED', :message_id)"
)
_SUBSCRIBERS = text(
    "SELECT id, email FROM public_subscription WHERE committee_id = :committee_id"
    " AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL ORDER BY email"
)


async def subscribe(committee_id: uuid.UUID, email: str) -> str:
    """Ask for a confirmation message; the answer says nothing about whether the address was known."""
    address = email.strip().lower()
    if len(address) > 254 or not _EMAIL.match(address):
        raise input_error("email", "Enter an email address, like name@example.com.")
    async with worker_transaction() as db:
        connection = await db.session.connection()
        committee = (await connection.execute(_COMMITTEE, {"id": committee_id})).first()
        if committee is None:
            raise input_error("committeeId", "No such committee.")
        row = (
            await connection.execute(
                _SUBSCRIBE, {"org_id": committee.org_id, "committee_id": committee_id, "email": address}
            )
        ).first()
        active = row.confirmed_at is not None and row.unsubscribed_at is None
        allowed = {"id": row.id, "kind": CONFIRMATION_KIND, "email": address, "daily": DAILY_CONFIRMATIONS}
        if not active and (await connection.execute(_MAY_CONFIRM, allowed)).scalar():
            await _queue_confirmation(db, row.id, committee, address)
    return ANSWER


async def _queue_confirmation(db: Db, subscription_id: uuid.UUID, committee: Row[Any], address: str) -> None:
    letter = Letter(
        subject=f"Confirm your subscription to {committee.name}",
        paragraphs=(
            f"Someone, we hope you, asked to receive an email when {committee.name} publishes its papers.",
            "If it was you, confirm with the link below. If not, ignore this message: nothing will be sent.",
        ),
        link=f"/subscriptions/confirm/{confirmation_token(subscription_id)}",
        link_label="Confirm my subscription",
    )
    rendered = frame(committee.org_name, letter, "", None, "")
    identifier = uuid.uuid4()
    await (await db.session.connection()).execute(
        _QUEUE,
        {
            "id": identifier,
            "kind": CONFIRMATION_KIND,
            "org_id": committee.org_id,
            "subscription_id": subscription_id,
            "email": address,
            "subject": rendered.subject,
            "body_text": rendered.text,
            "body_html": rendered.html,
            "message_id": message_id(identifier),
        },
    )


async def public_subscribers(db: Db, committee_id: uuid.UUID) -> list[Recipient]:
    """The confirmed, still subscribed members of the public following a committee (for the kinds that announce
    its published papers); each message to them carries a link ending that subscription only."""
    rows = (await (await db.session.connection()).execute(_SUBSCRIBERS, {"committee_id": committee_id})).all()
    return [Recipient(email=row.email, name="", subscription_id=row.id) for row in rows]
