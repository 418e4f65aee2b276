"""Events become messages. As the owner, claim undispatched events in order (skipping those another worker holds),
ask each kind who is told and what it says to each of them, apply each person's preference, and write one message
per recipient address; the event is marked dispatched in the same transaction, so a retried dispatch writes
nothing twice (and the unique (event, address) key says so again)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, BIGINT, UUID

from quorum.database import Db, worker_transaction
from quorum.notifications import catalogue
from quorum.notifications.frame import message_id, render
from quorum.notifications.letters import Event, Kind, Recipient
from quorum.notifications.tables import Mode, Status

log = logging.getLogger(__name__)

BATCH = 50

_CLAIM = text(
    "SELECT e.id, e.kind, e.org_id, coalesce(o.name, '') AS org_name, e.subject_id, e.payload, e.occurred_at"
    " FROM domain_event e LEFT JOIN organisation o ON o.id = e.org_id"
    " WHERE e.dispatched_at IS NULL AND e.id <> ALL (:skip)"
    " ORDER BY e.id LIMIT :batch FOR UPDATE OF e SKIP LOCKED"
).bindparams(bindparam("skip", type_=ARRAY(BIGINT)))

_MODES = text(
    "SELECT person_id, mode FROM notification_preference WHERE kind = :kind AND person_id = ANY (:people)"
).bindparams(bindparam("people", type_=ARRAY(UUID(as_uuid=True))))

_INSERT = text(
    "INSERT INTO notification_message (id, event_id, kind, org_id, person_id, subscription_id, email, recipient_name,"
    " subject, body_text, body_html, ics, unsubscribe_url, status, message_id, created_at)"
    " VALUES (:id, :event_id, :kind, :org_id, :person_id, :subscription_id, :email, :recipient_name, :subject,"
    " :body_text, :body_html, :ics, :unsubscribe_url, :status, :message_id, clock_timestamp())"
    " ON CONFLICT (event_id, email) DO NOTHING"
)

_DISPATCHED = text("UPDATE domain_event SET dispatched_at = now() WHERE id = ANY (:ids)").bindparams(
    bindparam("ids", type_=ARRAY(BIGINT))
)


async def dispatch_events(batch: int = BATCH) -> int:
    """Dispatch every event waiting now; returns how many were dispatched. An event whose kind fails is logged and
    left for the next run (the others go on)."""
    failed: list[int] = []
    dispatched = 0
    while True:
        async with worker_transaction() as db:
            rows = (await (await db.session.connection()).execute(_CLAIM, {"skip": failed, "batch": batch})).all()
            if not rows:
                return dispatched
            done: list[int] = []
            for row in rows:
                event = Event(
                    id=row.id,
                    kind=row.kind,
                    org_id=row.org_id,
                    org_name=row.org_name,
                    subject_id=row.subject_id,
                    payload=dict(row.payload or {}),
                    occurred_at=row.occurred_at,
                )
                try:
                    async with db.session.begin_nested():
                        await dispatch_one(db, event)
                except Exception:
                    log.exception("Event %s (%s) could not be dispatched; it will be tried again", event.id, event.kind)
                    failed.append(event.id)
                    continue
                done.append(event.id)
            if done:
                await (await db.session.connection()).execute(_DISPATCHED, {"ids": done})
            dispatched += len(done)


async def dispatch_one(db: Db, event: Event) -> int:
    """Write the messages for one event; returns how many were written."""
    kind = catalogue.kind(event.kind)
    if kind is None:
        log.info("Event %s: no message for kind %r", event.id, event.kind)
        return 0
    recipients = await kind.recipients(db, event)
    modes = await _modes(db, kind, recipients)
    rows: list[dict[str, Any]] = []
    for recipient in recipients:
        mode = modes.get(recipient.person_id, Mode.AT_ONCE) if recipient.person_id else Mode.AT_ONCE
        if mode == Mode.OFF:
            continue
        letter = await kind.write(db, event, recipient)
        rendered = render(event.org_name, kind, letter, recipient)
        identifier = uuid.uuid4()
        rows.append(
            {
                "id": identifier,
                "event_id": event.id,
                "kind": kind.name,
                "org_id": event.org_id,
                "person_id": recipient.person_id,
                "subscription_id": recipient.subscription_id,
                "email": recipient.email.strip().lower(),
                "recipient_name": recipient.name,
                "subject": rendered.subject,
                "body_text": rendered.text,
                "body_html": rendered.html,
                "ics": letter.ics,
                "unsubscribe_url": rendered.unsubscribe_url,
                "status": (Status.DIGEST if mode == Mode.DIGEST else Status.QUEUED).value,
                "message_id": message_id(identifier),
            }
        )
    if rows:
        await (await db.session.connection()).execute(_INSERT, rows)
    return len(rows)


async def _modes(db: Db, kind: Kind, recipients: list[Recipient]) -> dict[uuid.UUID, Mode]:
    """Each person's choice for this kind; a mandatory kind is sent at once whatever they chose."""
    if kind.mandatory:
        return {}
    people = list({r.person_id for r in recipients if r.person_id})
    if not people:
        return {}
    rows = (await (await db.session.connection()).execute(_MODES, {"kind": kind.name, "people": people})).all()
    return {row.person_id: Mode(row.mode) for row in rows}
