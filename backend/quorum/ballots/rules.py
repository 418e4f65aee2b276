"""The arithmetic of a ballot's result, exact (fractions, never floats), without a database.

Weight is a practice's registered list size. Under EQUAL weighting questions are decided
by the number of practices, under LIST_SIZE by weight; both are always reported.
Abstentions count towards turnout, never towards a majority: a majority is a share of
what was cast for or against. Simple majority means more for than against (level is a
tie); two-thirds and a stated share mean at least that share. An election fills its seats
with the candidates chosen most; candidates level for the last seat are tied, not elected.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from quorum.ballots.tables import Majority, OptionKind, QuestionKind, TurnoutBasis, VotingRules, Weighting


class Outcome(str, enum.Enum):
    CARRIED = "CARRIED"
    NOT_CARRIED = "NOT_CARRIED"
    TIED = "TIED"
    ELECTED = "ELECTED"
    NONE_ELECTED = "NONE_ELECTED"
    NOT_VALID = "NOT_VALID"


@dataclass(frozen=True)
class Rules:
    weighting: Weighting
    turnout_basis: TurnoutBasis
    turnout_threshold: Fraction
    majority: Majority
    majority_share: Fraction | None = None

    @classmethod
    def of(cls, stored: VotingRules) -> Rules:
        return cls(
            Weighting(stored.weighting),
            TurnoutBasis(stored.turnout_basis),
            percent(stored.turnout_threshold),
            Majority(stored.majority),
            None if stored.majority_share is None else percent(stored.majority_share),
        )

    @property
    def needed(self) -> Fraction:
        return {Majority.SIMPLE: Fraction(1, 2), Majority.TWO_THIRDS: Fraction(2, 3)}.get(
            self.majority
        ) or self.majority_share

    def in_words(self) -> list[str]:
        votes = (
            "One practice, one vote."
            if self.weighting == Weighting.EQUAL
            else ("Each practice's vote is weighted by its registered list size.")
        )
        threshold = as_percent(self.turnout_threshold)
        turnout = (
            f"The ballot is valid if at least {threshold} of the practices vote."
            if self.turnout_basis == TurnoutBasis.PRACTICES
            else f"The ballot is valid if the practices voting hold at least {threshold} of the registered patients."
        )
        majority = {
            Majority.SIMPLE: "A question is carried by a simple majority: more for than against.",
            Majority.TWO_THIRDS: "A question is carried by at least two-thirds of the votes cast for or against.",
            Majority.STATED_SHARE: f"A question is carried by at least {as_percent(self.needed)} of the votes "
            f"cast for or against.",
        }[self.majority]
        return [votes, turnout, majority, "Abstentions count towards turnout, not towards the majority."]


def percent(value: Decimal | int | str) -> Fraction:
    return Fraction(Decimal(value)) / 100


def as_percent(share: Fraction) -> str:
    return f"{round(float(share) * 100, 2):g}%"


@dataclass(frozen=True)
class Count:
    """Practices and their weight (registered patients)."""

    practices: int = 0
    weight: int = 0

    def __add__(self, other: Count) -> Count:
        return Count(self.practices + other.practices, self.weight + other.weight)

    def measure(self, weighting: Weighting) -> int:
        return self.practices if weighting == Weighting.EQUAL else self.weight


@dataclass(frozen=True)
class Turnout:
    electorate: Count
    voted: Count
    basis: TurnoutBasis
    threshold: Fraction

    @property
    def share(self) -> Fraction:
        whole = self.electorate.practices if self.basis == TurnoutBasis.PRACTICES else self.electorate.weight
        part = self.voted.practices if self.basis == TurnoutBasis.PRACTICES else self.voted.weight
        return Fraction(part, whole) if whole else Fraction(0)

    @property
    def met(self) -> bool:
        return self.voted.practices > 0 and self.share >= self.threshold


@dataclass(frozen=True)
class OptionTotal:
    option_id: uuid.UUID
    kind: OptionKind
    label: str
    count: Count


@dataclass(frozen=True)
class OptionResult:
    total: OptionTotal
    share: Fraction | None  # of what was cast for or against (questions), or of practices voting (elections)
    elected: bool = False
    tied: bool = False


@dataclass(frozen=True)
class QuestionResult:
    kind: QuestionKind
    outcome: Outcome
    options: tuple[OptionResult, ...]
    summary: str

    @property
    def carried(self) -> bool:
        return self.outcome == Outcome.CARRIED

    @property
    def tied(self) -> bool:
        return self.outcome == Outcome.TIED


def decide_question(rules: Rules, turnout: Turnout, totals: list[OptionTotal]) -> QuestionResult:
    by_kind = {t.kind: t for t in totals}
    measure = {k: t.count.measure(rules.weighting) for k, t in by_kind.items()}
    cast_for, against = measure.get(OptionKind.FOR, 0), measure.get(OptionKind.AGAINST, 0)
    decisive = cast_for + against
    options = tuple(
        OptionResult(t, Fraction(measure[t.kind], decisive) if decisive and t.kind != OptionKind.ABSTAIN else None)
        for t in totals
    )
    unit = "practices" if rules.weighting == Weighting.EQUAL else "registered patients"
    if not turnout.met:
        return QuestionResult(QuestionKind.FOR_AGAINST, Outcome.NOT_VALID, options, _not_valid(turnout))
    if decisive == 0:
        return QuestionResult(
            QuestionKind.FOR_AGAINST, Outcome.NOT_CARRIED, options, "Not carried: no votes were cast for or against."
        )
    share = Fraction(cast_for, decisive)
    tally = f"{cast_for:,} for, {against:,} against ({unit})"
    if rules.majority == Majority.SIMPLE:
        if cast_for == against:
            return QuestionResult(QuestionKind.FOR_AGAINST, Outcome.TIED, options, f"Tied: {tally}.")
        carried = cast_for > against
        needed = "a simple majority"
    else:
        carried = share >= rules.needed
        needed = "two-thirds" if rules.majority == Majority.TWO_THIRDS else f"{as_percent(rules.needed)}"
    verdict = "Carried" if carried else "Not carried"
    summary = f"{verdict}: {tally}; {as_percent(share)} for, {needed} needed."
    return QuestionResult(
        QuestionKind.FOR_AGAINST, Outcome.CARRIED if carried else Outcome.NOT_CARRIED, options, summary
    )


def decide_election(rules: Rules, turnout: Turnout, seats: int, totals: list[OptionTotal]) -> QuestionResult:
    voters = turnout.voted.measure(rules.weighting)
    candidates = [t for t in totals if t.kind == OptionKind.CANDIDATE]
    scores = {t.option_id: t.count.measure(rules.weighting) for t in candidates}
    elected, tied = set(), set()
    if turnout.met:
        for t in candidates:
            score = scores[t.option_id]
            if score == 0:
                continue
            above = sum(1 for s in scores.values() if s > score)
            level = sum(1 for s in scores.values() if s == score)
            if above + level <= seats:
                elected.add(t.option_id)
            elif above < seats:
                tied.add(t.option_id)
    options = tuple(
        OptionResult(
            t,
            Fraction(t.count.measure(rules.weighting), voters) if voters else None,
            elected=t.option_id in elected,
            tied=t.option_id in tied,
        )
        for t in totals
    )
    names = {t.option_id: t.label for t in candidates}
    if not turnout.met:
        return QuestionResult(QuestionKind.ELECTION, Outcome.NOT_VALID, options, _not_valid(turnout))
    parts = []
    if elected:
        parts.append("Elected: " + ", ".join(names[c] for c in _ranked(candidates, scores) if c in elected) + ".")
    if tied:
        open_seats = seats - len(elected)
        seat_words = "the last seat" if open_seats == 1 else f"the last {open_seats} seats"
        parts.append(
            f"Tied for {seat_words}: " + ", ".join(names[c] for c in _ranked(candidates, scores) if c in tied) + "."
        )
        outcome = Outcome.TIED
    else:
        outcome = Outcome.ELECTED if elected else Outcome.NONE_ELECTED
    if not elected and not tied:
        parts.append("No candidate received a vote.")
    elif not tied and len(elected) < seats:
        parts.append(f"{seats - len(elected)} of {seats} seats remain unfilled.")
    return QuestionResult(QuestionKind.ELECTION, outcome, options, " ".join(parts))


def _ranked(candidates: list[OptionTotal], scores: dict[uuid.UUID, int]) -> list[uuid.UUID]:
    return [t.option_id for t in sorted(candidates, key=lambda t: -scores[t.option_id])]


def _not_valid(turnout: Turnout) -> str:
    return (
        f"Not valid: turnout was {as_percent(turnout.share)}, below the {as_percent(turnout.threshold)} needed."
        if turnout.voted.practices
        else "Not valid: no practice voted."
    )
