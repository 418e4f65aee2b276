"""Which figures of a survey's results are withheld, so that no small group's answers can be seen or worked out.

A question's results are a table: everyone, then each split (leaders and
others, role, locality, list size) into groups that together make up everyone.
A group with fewer respondents than the survey's threshold is withheld. A
withheld group could still be recovered by subtracting the published groups of
its split from the total, so whenever a split withholds any group it withholds
at least two, holding at least `threshold` respondents between them: the next
smallest groups are withheld too until both hold. Subtraction then yields only
the sum over several withheld groups, never one of them, and that sum always
concerns at least `threshold` people, as a published group would. The decision
is made once per question and split, from the number answering the question,
and applies to every option and statement of it alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from quorum.surveys.groups import GroupSplit, RespondentGroups

K = TypeVar("K", bound=Hashable)


def withheld(sizes: Mapping[K, int], threshold: int) -> frozenset[K]:
    """The groups of one split whose figures are withheld, given each group's number of respondents."""
    chosen = {k for k, n in sizes.items() if n < threshold}
    if not chosen:
        return frozenset()
    rest = sorted((k for k in sizes if k not in chosen), key=lambda k: (sizes[k], str(k)))
    while rest and (len(chosen) < 2 or sum(sizes[k] for k in chosen) < threshold):
        chosen.add(rest.pop(0))
    return frozenset(chosen)


@dataclass
class Tally:
    """One group's answers to one question: respondents, picks per (item, option), and how often each number was given."""

    respondents: int = 0
    picks: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.respondents += other.respondents
        for mine, theirs in ((self.picks, other.picks), (self.numbers, other.numbers)):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count


@dataclass(frozen=True)
class QuestionTable:
    """What may be published of one question: None stands for a withheld figure."""

    overall: Tally | None
    splits: dict[GroupSplit, dict[str, Tally | None]]


def tabulate(
    cells: Mapping[RespondentGroups, Tally],
    catalogue: Mapping[GroupSplit, Iterable[str]],
    threshold: int,
    splits: Iterable[GroupSplit] = tuple(GroupSplit),
) -> QuestionTable:
    """Sum the tallies of each combination of groups into everyone and each split's groups, then withhold."""
    overall = Tally()
    by_split: dict[GroupSplit, dict[str, Tally]] = {}
    for split in splits:
        by_split[split] = {key: Tally() for key in catalogue.get(split, ())}
    for groups, tally in cells.items():
        overall.add(tally)
        for split, tallies in by_split.items():
            key = groups.key(split)
            target = tallies.get(key)
            if target is None:
                target = tallies[key] = Tally()
            target.add(tally)
    if overall.respondents < threshold:
        return QuestionTable(None, {split: dict.fromkeys(tallies) for split, tallies in by_split.items()})
    published = {}
    for split, tallies in by_split.items():
        hidden = withheld({key: t.respondents for key, t in tallies.items()}, threshold)
        published[split] = {key: None if key in hidden else t for key, t in tallies.items()}
    return QuestionTable(overall, published)
