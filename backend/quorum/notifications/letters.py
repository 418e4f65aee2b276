"""What a kind of message is: who receives it for an event, and what it says to each of them.

The notification worker reads events as the database owner (row-level security does not apply), so each kind's
`recipients` is the whole of who may be told: it names exactly the people allowed to know, and a kind never puts
Part II business or another organisation's business in a letter. The frame around a letter (the organisation's
name, the link back into Quorum, the unsubscribe link and header, HTML and plain text) is added when it is sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from quorum.database import Db


@dataclass(frozen=True)
class Event:
    """A domain event as the worker reads it, with the name of the organisation it belongs to."""

    id: int
    kind: str
    org_id: uuid.UUID | None
    org_name: str
    subject_id: uuid.UUID | None
    payload: dict[str, Any]
    occurred_at: datetime


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    person_id: uuid.UUID | None = None  # None for a member of the public subscribed by email
    copy: bool = False  # sent for information (a secretary copied on an author's reminder)
    subscription_id: uuid.UUID | None = None  # the public subscription a member of the public receives it through


@dataclass(frozen=True)
class Letter:
    """The words of one message; the frame adds the organisation, links and unsubscribing."""

    subject: str
    paragraphs: tuple[str, ...]
    link: str  # a path inside Quorum, such as /meetings/<id>
    link_label: str
    ics: bytes | None = None  # an iCalendar attachment (meeting invitations and changes)
    extra: dict[str, Any] = field(default_factory=dict)


Recipients = Callable[[Db, Event], Awaitable[list[Recipient]]]
Write = Callable[[Db, Event, Recipient], Awaitable[Letter]]


@dataclass(frozen=True)
class Kind:
    name: str  # the domain_event.kind it answers
    label: str  # how a person's preferences name it: "A paper is requested from you"
    recipients: Recipients
    write: Write
    mandatory: bool = False  # cannot be turned off (a ballot paper)
