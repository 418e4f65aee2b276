"""A question's figures for everyone and each split's groups, with what the disclosure audit withholds.

A question's results are a table: everyone, then each split (leaders and others, role, locality, list
size) into groups that together make up everyone. Which figures are withheld, and why, is decided by
`rounds.protect_round` over every table of the survey and its earlier rounds together (see `disclosure`);
here the tallies are summed and the withheld figures left out. The decision applies to every option and
statement of a question alike, and to its means and medians.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from quorum.surveys.disclosure import Protection
from quorum.surveys.groups import GroupSplit, RespondentGroups


@dataclass
class Tally:
    """One group's answers to one question: respondents, picks per (item, option), and how often each number
    was given."""

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
    protection: Protection = field(default_factory=Protection)


def tabulate(
    cells: Mapping[RespondentGroups, Tally],
    catalogue: Mapping[GroupSplit, Iterable[str]],
    protection: Protection,
    splits: Iterable[GroupSplit] = tuple(GroupSplit),
) -> QuestionTable:
    """Sum the tallies of each combination of groups into everyone and each split's groups, then leave out
    what `protection` withholds."""
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
    if protection.everyone_withheld:
        return QuestionTable(None, {split: dict.fromkeys(tallies) for split, tallies in by_split.items()}, protection)
    published = {
        split: {key: None if protection.reason(split, key) else t for key, t in tallies.items()}
        for split, tallies in by_split.items()
    }
    return QuestionTable(overall, published, protection)
