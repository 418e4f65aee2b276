"""Counting a vote: a simple majority of those voting (abstentions are not votes), and the casting vote
of whoever chairs the item when the votes are tied."""

from __future__ import annotations

from dataclasses import dataclass

from quorum.conduct.tables import Choice, Outcome


@dataclass(frozen=True)
class Count:
    for_: int
    against: int
    abstain: int

    @property
    def tied(self) -> bool:
        return self.for_ == self.against


class CastingVoteNeeded(ValueError):
    pass


class CastingVoteNotAllowed(ValueError):
    pass


def outcome(count: Count, casting_vote: Choice | None, someone_chairs: bool) -> Outcome:
    if not count.tied:
        if casting_vote is not None:
            raise CastingVoteNotAllowed("A casting vote is given only when the votes are tied.")
        return Outcome.CARRIED if count.for_ > count.against else Outcome.LOST
    if casting_vote is None:
        if someone_chairs:
            raise CastingVoteNeeded(f"The votes are tied ({count.for_} for, {count.against} against).")
        return Outcome.LOST  # nobody holds a casting vote: the motion falls
    if not someone_chairs:
        raise CastingVoteNotAllowed("Nobody chairs this item, so nobody holds a casting vote.")
    if casting_vote == Choice.ABSTAIN:
        raise CastingVoteNotAllowed("A casting vote is for or against.")
    return Outcome.CARRIED if casting_vote == Choice.FOR else Outcome.LOST


def in_words(count: Count, result: Outcome, casting_vote: Choice | None, chair: str | None) -> str:
    abstentions = "abstention" if count.abstain == 1 else "abstentions"
    tally = f"{count.for_} for, {count.against} against, {count.abstain} {abstentions}"
    verdict = "Carried" if result == Outcome.CARRIED else "Lost"
    if casting_vote is not None:
        return f"{verdict} on the casting vote of the chair, {chair}, who voted {casting_vote.value.lower()} ({tally})."
    return f"{verdict} ({tally})."
