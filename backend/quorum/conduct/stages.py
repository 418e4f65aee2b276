"""A meeting's stages while it is run, and what may be recorded at each: the rules as data."""

from __future__ import annotations

import enum

from quorum.conduct.tables import MeetingProgress
from quorum.errors import InputErrors, input_error
from quorum.meetings.tables import Meeting, MeetingStatus


class Stage(str, enum.Enum):
    UNPUBLISHED = "UNPUBLISHED"  # the agenda is still a draft
    NOT_OPEN = "NOT_OPEN"
    OPEN = "OPEN"
    CLOSED = "CLOSED"
    MINUTES_APPROVED = "MINUTES_APPROVED"  # the record is frozen


class Step(str, enum.Enum):
    OPEN_MEETING = "OPEN_MEETING"
    CLOSE_MEETING = "CLOSE_MEETING"
    APOLOGIES = "APOLOGIES"
    MOVEMENT = "MOVEMENT"
    CURRENT_ITEM = "CURRENT_ITEM"
    CONCERNS = "CONCERNS"
    DECLARATION = "DECLARATION"
    VOTE = "VOTE"
    DECISION = "DECISION"
    CHAIRS_ACTION = "CHAIRS_ACTION"
    RESCIND = "RESCIND"
    PRESIDING = "PRESIDING"
    ACTION = "ACTION"
    NOTES = "NOTES"
    APPROVE_MINUTES = "APPROVE_MINUTES"


ALLOWED: dict[Step, frozenset[Stage]] = {
    Step.OPEN_MEETING: frozenset({Stage.NOT_OPEN}),
    Step.CLOSE_MEETING: frozenset({Stage.OPEN}),
    Step.APOLOGIES: frozenset({Stage.NOT_OPEN, Stage.OPEN}),
    Step.MOVEMENT: frozenset({Stage.OPEN}),
    Step.CURRENT_ITEM: frozenset({Stage.OPEN}),
    Step.CONCERNS: frozenset({Stage.UNPUBLISHED, Stage.NOT_OPEN, Stage.OPEN}),
    Step.DECLARATION: frozenset({Stage.NOT_OPEN, Stage.OPEN}),
    Step.VOTE: frozenset({Stage.OPEN}),
    Step.DECISION: frozenset({Stage.OPEN}),
    Step.CHAIRS_ACTION: frozenset({Stage.OPEN, Stage.CLOSED}),
    Step.RESCIND: frozenset({Stage.OPEN, Stage.CLOSED}),
    Step.PRESIDING: frozenset({Stage.OPEN}),
    Step.ACTION: frozenset({Stage.OPEN, Stage.CLOSED}),
    Step.NOTES: frozenset({Stage.OPEN, Stage.CLOSED}),
    Step.APPROVE_MINUTES: frozenset({Stage.CLOSED}),
}
STEP_WORDS = {
    Step.OPEN_MEETING: "The meeting can be opened only once its agenda is published and before it has been held",
    Step.CLOSE_MEETING: "Only an open meeting can be closed",
    Step.APOLOGIES: "Apologies are recorded before or during the meeting",
    Step.MOVEMENT: "Arrivals and departures are recorded while the meeting is open",
    Step.CURRENT_ITEM: "Items are taken while the meeting is open",
    Step.CONCERNS: "What an item concerns is set until the meeting closes",
    Step.DECLARATION: "Declarations are taken before or during the meeting",
    Step.VOTE: "Votes are taken while the meeting is open",
    Step.DECISION: "Decisions are recorded while the meeting is open, so that its quorum is known",
    Step.CHAIRS_ACTION: (
        "A chair's action is recorded during the meeting or after it closes, until its minutes are approved"
    ),
    Step.RESCIND: "An outcome is rescinded during the meeting or after it closes, until its minutes are approved",
    Step.PRESIDING: "The members choose who presides while the meeting is open",
    Step.ACTION: "Actions are recorded during the meeting or afterwards, until its minutes are approved",
    Step.NOTES: "Notes for the minutes are written during the meeting or afterwards, until the minutes are approved",
    Step.APPROVE_MINUTES: "Minutes are approved once the meeting has closed, and only once",
}
STAGE_WORDS = {
    Stage.UNPUBLISHED: "its agenda has not been published",
    Stage.NOT_OPEN: "it has not been opened",
    Stage.OPEN: "it is open",
    Stage.CLOSED: "it has closed",
    Stage.MINUTES_APPROVED: "its minutes are approved and its record is frozen",
}


def stage_of(meeting: Meeting, progress: MeetingProgress | None) -> Stage:
    status = MeetingStatus(meeting.status)
    if status == MeetingStatus.DRAFT:
        return Stage.UNPUBLISHED
    if status == MeetingStatus.MINUTES_APPROVED:
        return Stage.MINUTES_APPROVED
    if progress is None:
        return Stage.CLOSED if status == MeetingStatus.HELD else Stage.NOT_OPEN
    return Stage.OPEN if progress.closed_at is None else Stage.CLOSED


def refusal(step: Step, stage: Stage) -> InputErrors | None:
    if stage in ALLOWED[step]:
        return None
    return input_error(None, f"{STEP_WORDS[step]}; this meeting cannot: {STAGE_WORDS[stage]}.")


def require(step: Step, stage: Stage) -> None:
    if (error := refusal(step, stage)) is not None:
        raise error
