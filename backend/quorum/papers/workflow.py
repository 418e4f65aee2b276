"""The paper's workflow as data: who may move it from which status to which."""

from __future__ import annotations

import enum

from quorum.papers.tables import PaperStatus


class Actor(str, enum.Enum):
    AUTHOR = "author"
    SPONSOR = "sponsor"
    SECRETARY = "secretary"


# (from, to) -> who may make the move
MOVES = {
    (PaperStatus.DRAFT, PaperStatus.SUBMITTED): {Actor.AUTHOR, Actor.SECRETARY},
    (PaperStatus.SUBMITTED, PaperStatus.DRAFT): {Actor.AUTHOR, Actor.SPONSOR, Actor.SECRETARY},  # returned for changes
    (PaperStatus.SUBMITTED, PaperStatus.APPROVED): {Actor.SPONSOR},
    (PaperStatus.APPROVED, PaperStatus.INCLUDED): {Actor.SECRETARY},  # by publishing the pack
}

EDITABLE = {PaperStatus.DRAFT}

WORDS = {
    PaperStatus.DRAFT: "a draft",
    PaperStatus.SUBMITTED: "submitted",
    PaperStatus.APPROVED: "approved",
    PaperStatus.INCLUDED: "included in a published pack",
}


def can_move(actors: set[Actor], current: PaperStatus, target: PaperStatus) -> bool:
    return bool(MOVES.get((current, target), set()) & actors)
