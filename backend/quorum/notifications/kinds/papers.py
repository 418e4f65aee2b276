"""Messages about papers: requested (to the author), submitted (to the sponsor), approved or returned (to the
author), due in three days and overdue (to the author, copied to whoever requested it).

Each reads the paper as the owner and names only the people the paper's workflow names, all of them of the
paper's organisation's business. A paper for a Part II item is called only "a private item", with the link."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, text

from quorum import clock
from quorum.database import Db
from quorum.ids import encode
from quorum.notifications.letters import Event, Kind, Letter, Recipient, Recipients, Write

_PAPER = text(
    "SELECT p.id, p.title, p.due_date, p.author_id, p.sponsor_id, p.requested_by, p.status,"
    " i.part, m.title AS meeting_title, m.starts_at"
    " FROM paper p JOIN agenda_item i ON i.org_id = p.org_id AND i.id = p.item_id"
    " JOIN meeting m ON m.org_id = p.org_id AND m.id = p.meeting_id"
    " WHERE p.id = :id AND p.org_id = :org_id"
)
_PERSON = text("SELECT id, email, name FROM person WHERE id = :id")


@dataclass(frozen=True)
class PaperFacts:
    title: str
    private: bool
    meeting: str
    due: str
    link: str

    @property
    def named(self) -> str:
        return "a private item" if self.private else f"“{self.title}”"

    @property
    def at_meeting(self) -> str:
        return "" if self.private else f" for {self.meeting}"


async def _paper(db: Db, event: Event) -> Row[Any] | None:
    if event.subject_id is None or event.org_id is None:
        return None
    return (
        await (await db.session.connection()).execute(_PAPER, {"id": event.subject_id, "org_id": event.org_id})
    ).first()


async def _person(db: Db, person_id: uuid.UUID, copy: bool = False) -> Recipient | None:
    row = (await (await db.session.connection()).execute(_PERSON, {"id": person_id})).first()
    return Recipient(email=row.email, name=row.name, person_id=row.id, copy=copy) if row else None


def _facts(row: Row[Any]) -> PaperFacts:
    starts: datetime = row.starts_at
    return PaperFacts(
        title=row.title,
        private=row.part == "PRIVATE",
        meeting=f"{row.meeting_title} on {starts.astimezone(clock.LONDON):%-d %B %Y}",
        due=f"{row.due_date:%-d %B %Y}",
        link=f"/papers/{encode('Paper', row.id)}",
    )


def _to(*roles: str) -> Recipients:
    """Recipients: the people named in the paper's `roles` columns (author, sponsor, requested_by as a copy)."""

    async def recipients(db: Db, event: Event) -> list[Recipient]:
        row = await _paper(db, event)
        if row is None:
            return []
        found: dict[str, Recipient] = {}
        for role in roles:
            recipient = await _person(db, getattr(row, role), copy=role == "requested_by")
            if recipient and recipient.email not in found:
                found[recipient.email] = recipient
        return list(found.values())

    return recipients


def _letter(subject: str, *paragraphs: str) -> Write:
    """A letter from templates filled with the paper's facts ({named}, {at_meeting}, {due})."""

    async def write(db: Db, event: Event, recipient: Recipient) -> Letter:
        row = await _paper(db, event)
        if row is None:
            raise LookupError(f"paper {event.subject_id} has gone")
        facts = _facts(row)
        fields = {"named": facts.named, "at_meeting": facts.at_meeting, "due": facts.due}
        said = [paragraph.format(**fields) for paragraph in paragraphs]
        if recipient.copy:
            said.insert(0, "For your information, as the person who requested this paper:")
        return Letter(
            subject=subject.format(**fields),
            paragraphs=tuple(said),
            link=facts.link,
            link_label="Open the paper in Quorum",
        )

    return write


KINDS: list[Kind] = [
    Kind(
        name="paper_requested",
        label="A paper is requested from you",
        recipients=_to("author_id"),
        write=_letter(
            "A paper is requested from you",
            "You have been asked to write the paper {named}{at_meeting}.",
            "It is due by {due}.",
        ),
    ),
    Kind(
        name="paper_submitted",
        label="A paper you sponsor is submitted for your approval",
        recipients=_to("sponsor_id"),
        write=_letter(
            "A paper is waiting for your approval",
            "The paper {named}{at_meeting} has been submitted, and you are its executive sponsor.",
            "Approve it, or return it to its author for changes.",
        ),
    ),
    Kind(
        name="paper_approved",
        label="Your paper is approved",
        recipients=_to("author_id"),
        write=_letter("Your paper is approved", "Your paper {named}{at_meeting} has been approved by its sponsor."),
    ),
    Kind(
        name="paper_returned",
        label="Your paper is returned for changes",
        recipients=_to("author_id"),
        write=_letter(
            "Your paper is returned for changes",
            "Your paper {named}{at_meeting} has been returned to you for changes.",
            "It is due by {due}.",
        ),
    ),
    Kind(
        name="paper_due_soon",
        label="A paper of yours is due in three days",
        recipients=_to("author_id", "requested_by"),
        write=_letter("A paper is due in three days", "The paper {named}{at_meeting} is due by {due}."),
    ),
    Kind(
        name="paper_overdue",
        label="A paper of yours is overdue",
        recipients=_to("author_id", "requested_by"),
        write=_letter(
            "A paper is overdue", "The paper {named}{at_meeting} was due by {due} and has not been submitted."
        ),
    ),
]
