"""Messages about quality concerns: a concern given to a new owner (logged for them, or passed on), to that owner
alone, while they still own it and it is open. A letter names neither the concern nor what it is about (a practice,
a provider): only its category and review date, with the link; the register says the rest to those who may read it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, text

from quorum.concerns.agenda import CATEGORY_WORDS
from quorum.database import Db
from quorum.ids import encode
from quorum.notifications.letters import Event, Kind, Letter, Recipient

_CONCERN = text(
    "SELECT c.id, c.category, c.review_date, p.id AS owner_id, p.email, p.name FROM concern c"
    " JOIN person p ON p.id = c.owner_id"
    " WHERE c.id = :id AND c.org_id = :org_id AND c.closed_at IS NULL AND c.owner_id = :owner"
)


async def _concern(db: Db, event: Event) -> Row[Any] | None:
    owner = event.payload.get("owner_id")
    if event.subject_id is None or event.org_id is None or owner is None:
        return None
    connection = await db.session.connection()
    return (
        await connection.execute(_CONCERN, {"id": event.subject_id, "org_id": event.org_id, "owner": owner})
    ).first()


async def _owner(db: Db, event: Event) -> list[Recipient]:
    row = await _concern(db, event)
    return [Recipient(email=row.email, name=row.name, person_id=row.owner_id)] if row else []


async def _assigned(db: Db, event: Event, recipient: Recipient) -> Letter:
    row = await _concern(db, event)
    if row is None:
        raise LookupError(f"concern {event.subject_id} has gone, closed or passed on")
    return Letter(
        subject="A quality concern is now yours",
        paragraphs=(
            f"You are now the owner of a {CATEGORY_WORDS[row.category]} concern in the quality concerns register.",
            f"Its next review is due by {row.review_date:%-d %B %Y}.",
        ),
        link=f"/concerns/{encode('Concern', row.id)}",
        link_label="Open the concern in Quorum",
    )


KINDS: list[Kind] = [
    Kind(
        name="concern_assigned",
        label="A quality concern is given to you to own",
        recipients=_owner,
        write=_assigned,
    ),
]
