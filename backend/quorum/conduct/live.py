"""The live meeting: every change publishes an event on the meeting's topic (quorum.events, so every app
worker hears it), and each subscriber rebuilds the live state with its own access. Events carry only
what changed and where; never a name, a choice or anything from Part II."""

from __future__ import annotations

import enum
import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text

from quorum import events
from quorum.access import Access
from quorum.conduct import policy
from quorum.conduct.quorum_state import ItemQuorum
from quorum.conduct.record import MeetingRecord, RollEntry
from quorum.conduct.stages import Stage
from quorum.conduct.tables import Choice, Management, Outcome, Vote
from quorum.conduct.votes import Count, in_words
from quorum.database import Db
from quorum.meetings.tables import Part


class EventKind(str, enum.Enum):
    SNAPSHOT = "SNAPSHOT"  # the state when the subscription starts
    OPENED = "OPENED"
    CLOSED = "CLOSED"
    ATTENDANCE = "ATTENDANCE"
    CURRENT_ITEM = "CURRENT_ITEM"
    DECLARATION = "DECLARATION"
    VOTE_OPENED = "VOTE_OPENED"
    VOTE_CAST = "VOTE_CAST"
    VOTE_CLOSED = "VOTE_CLOSED"
    DECISION = "DECISION"
    ACTION = "ACTION"
    MINUTES = "MINUTES"


def topic(meeting_id: uuid.UUID) -> str:
    return f"meeting:{meeting_id}"


async def announce(
    db: Db,
    meeting_id: uuid.UUID,
    kind: EventKind,
    *,
    item_id: uuid.UUID | None = None,
    vote_id: uuid.UUID | None = None,
) -> None:
    """Delivered to every subscriber when the transaction commits, and not at all if it rolls back. It names who made
    the change (the transaction's person, read in the same statement), so their own page need not announce it."""
    await db.execute(
        _ANNOUNCE,
        {
            "channel": events.CHANNEL,
            "topic": topic(meeting_id),
            "payload": json.dumps({"kind": kind.value, "item_id": item_id, "vote_id": vote_id}, default=str),
        },
    )


_ANNOUNCE = text(
    "SELECT pg_notify(:channel, CAST(jsonb_build_object('topic', CAST(:topic AS text), 'payload',"
    " CAST(:payload AS jsonb) || jsonb_build_object('actor', app_person_id())) AS text))"
)


MANAGEMENT_WORDS = {
    Management.DECLARE_ONLY: "Declared; takes part in discussion and decision",
    Management.DISCUSSION_NOT_DECISION: "Takes part in discussion but not the decision",
    Management.LEAVE_ROOM: "Leaves the room for this item",
}


@dataclass(frozen=True)
class LiveItem:
    item_id: uuid.UUID
    number: str
    title: str
    part: Part


@dataclass(frozen=True)
class LiveDeclaration:
    person_id: uuid.UUID
    name: str
    description: str
    management: Management


@dataclass(frozen=True)
class LiveQuorum:
    met: bool
    unmet: tuple[str, ...]
    present_voting: int
    may_vote: tuple[str, ...]
    excluded: tuple[str, ...]
    chaired_by: str | None
    chair_note: str
    expected: bool  # before the meeting opens: from the seats minus apologies


@dataclass(frozen=True)
class LiveVote:
    vote_id: uuid.UUID
    item_id: uuid.UUID
    motion: str
    secret: bool
    is_open: bool
    eligible: int
    cast: int
    viewer_may_vote: bool
    viewer_has_voted: bool
    outcome: Outcome | None
    for_count: int | None
    against_count: int | None
    abstain_count: int | None
    result: str | None


@dataclass(frozen=True)
class LiveMeeting:
    meeting_id: uuid.UUID
    stage: Stage
    opened_at: datetime | None
    closed_at: datetime | None
    current_item: LiveItem | None
    quorum: LiveQuorum | None  # of the current item
    declarations: tuple[LiveDeclaration, ...]  # on the current item
    attendance: tuple[RollEntry, ...]
    vote: LiveVote | None  # the open vote, else the latest on the current item


def live_quorum(record: MeetingRecord, quorum: ItemQuorum) -> LiveQuorum:
    return LiveQuorum(
        met=quorum.met,
        unmet=quorum.unmet,
        present_voting=quorum.present_voting,
        may_vote=tuple(record.name(p) for p in quorum.counted),
        excluded=tuple(record.name(p) for p in quorum.excluded),
        chaired_by=record.name(quorum.chaired_by) or None,
        chair_note=quorum.chair_note,
        expected=record.expecting,
    )


def live_vote(record: MeetingRecord, vote: Vote, viewer: Access) -> LiveVote:
    voted = {c.person_id for c in record.casts if c.vote_id == vote.id}
    result = None
    if not vote.is_open:
        count = Count(vote.for_count, vote.against_count, vote.abstain_count)
        result = in_words(
            count, Outcome(vote.outcome), vote.casting_vote and Choice(vote.casting_vote), record.name(vote.chaired_by)
        )
    return LiveVote(
        vote_id=vote.id,
        item_id=vote.item_id,
        motion=vote.motion,
        secret=vote.secret,
        is_open=vote.is_open,
        eligible=len(vote.eligible_person_ids),
        cast=len(voted),
        viewer_may_vote=policy.can_vote(viewer, vote, voted),
        viewer_has_voted=viewer.person_id in voted,
        outcome=vote.outcome,
        for_count=vote.for_count,
        against_count=vote.against_count,
        abstain_count=vote.abstain_count,
        result=result,
    )


def live_state(record: MeetingRecord, viewer: Access) -> LiveMeeting:
    progress = record.progress
    current = record.item(progress.current_item_id) if progress else None
    last_vote_on_current = current and next((v for v in reversed(record.votes) if v.item_id == current.id), None)
    vote = record.open_vote() or last_vote_on_current
    return LiveMeeting(
        meeting_id=record.meeting.id,
        stage=record.stage,
        opened_at=progress and progress.opened_at,
        closed_at=progress and progress.closed_at,
        current_item=current and LiveItem(current.id, record.numbers[current.id], current.title, Part(current.part)),
        quorum=current and live_quorum(record, record.quorum(current.id)),
        declarations=tuple(
            LiveDeclaration(d.person_id, record.name(d.person_id), d.description, Management(d.management))
            for d in record.declarations
            if current and d.item_id == current.id
        ),
        attendance=tuple(record.roll()),
        vote=vote and live_vote(record, vote, viewer),
    )
