"""One survey round's protection, audited together with the earlier rounds it is compared with.

Everything published about a round is one linked set of tables: the response counts (everyone and each
split), each question's figures (everyone and each split) and the raw responses' group columns. Each is
audited by `disclosure` against everything published before it: the survey's figures first, then each
question inheriting what the survey withholds, and the raw responses' columns last (dropped rather than
withhold any figure).

Rounds are linked through their respondents. An atom of one round and the same atom of another are one
unknown to an attacker when they hold the same number of respondents (as when the same people answer
both rounds): a column is an (atom, respondents) pair, shared by every round where that atom has that
size, so figures of different rounds combine exactly where they could be combined in fact.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from quorum.surveys import groups as group_words
from quorum.surveys.disclosure import Protection, Words, exposures, protect
from quorum.surveys.groups import SPLIT_LABELS, GroupSplit, RespondentGroups

# The first split to withhold whole when a combination would give a small group away; leaders and others
# (the comparison the King's Fund asked for) go last.
DROP_ORDER = (GroupSplit.LIST_SIZE, GroupSplit.ROLE, GroupSplit.LOCALITY, GroupSplit.LEADERSHIP)
RAW_SPLITS = (GroupSplit.LEADERSHIP, GroupSplit.ROLE, GroupSplit.LOCALITY, GroupSplit.LIST_SIZE)
WORDS = Words(split=lambda s: SPLIT_LABELS[s], group=group_words.label)
RESPONSES = None  # the key of the response counts among a round's tables


@dataclass(frozen=True)
class RoundSizes:
    """How many responded, and answered each question, in each atom of one round."""

    threshold: int
    open: bool
    responses: Mapping[RespondentGroups, int]
    answering: Mapping[str, Mapping[RespondentGroups, int]]  # by question key
    raw_questions: frozenset[str] | None = None  # whose answers the raw responses carry (None: all)
    named: bool = False  # the raw responses carry names and every group


@dataclass
class RoundProtection:
    survey: Protection
    questions: dict[str, Protection]
    published: dict[str | None, list[frozenset]] = field(default_factory=dict)  # by table: RESPONSES or question key
    raw_splits: tuple[GroupSplit, ...] | None = None


def columns(sizes: Mapping[RespondentGroups, int]) -> dict[GroupSplit, dict[str, frozenset]]:
    """Each split's groups as sets of (atom, respondents) columns."""
    found: dict[GroupSplit, dict[str, set]] = {split: {} for split in GroupSplit}
    for atom, n in sizes.items():
        if n > 0:
            for split in GroupSplit:
                found[split].setdefault(atom.key(split), set()).add((atom, n))
    return {split: {k: frozenset(v) for k, v in by_key.items()} for split, by_key in found.items()}


def _sizes(sizes: Mapping[RespondentGroups, int]) -> dict:
    return {(atom, n): n for atom, n in sizes.items() if n > 0}


OPEN_REASON = "The survey is still open: figures are shown once it closes."
EARLIER_OPEN_REASON = (
    "The previous round is still open: this round's figures are shown once it closes, as the two are checked together."
)


def protect_round(round: RoundSizes, earlier: Iterable[RoundProtection] = (), *, raw: bool = True) -> RoundProtection:
    """What this round withholds, given what the earlier rounds published. With `raw`, also the raw
    responses' group columns, whose combinations then count as published (a later round needs them)."""
    earlier = list(earlier)
    if round.open:
        closed = Protection(everyone_withheld=OPEN_REASON)
        return RoundProtection(closed, {key: closed for key in round.answering}, {RESPONSES: []}, ())

    def context(table: str | None) -> list[frozenset]:
        return [s for before in earlier for s in before.published.get(table, [])]

    threshold = round.threshold
    groups = columns(round.responses)
    survey = protect(
        groups,
        _sizes(round.responses),
        threshold,
        WORDS,
        context=context(RESPONSES),
        drop_order=DROP_ORDER,
        answered="responded",
    )
    published = {RESPONSES: survey.published(groups)}
    questions = {}
    for key, sizes in round.answering.items():
        by_split = columns(sizes)
        questions[key] = protect(
            by_split,
            _sizes(sizes),
            threshold,
            WORDS,
            context=context(key),
            inherited=survey,
            drop_order=DROP_ORDER,
        )
        published[key] = questions[key].published(by_split)
    protected = RoundProtection(survey, questions, published)
    if raw:
        protected.raw_splits = RAW_SPLITS if round.named else raw_splits(round, protected, earlier, round.raw_questions)
        for table, sets in _raw_sets(round, protected.raw_splits).items():
            protected.published[table] = protected.published.get(table, []) + sets
    return protected


def _raw_sets(round: RoundSizes, splits: tuple[GroupSplit, ...]) -> dict[str | None, list[frozenset]]:
    """The sets of columns whose answers the raw responses show, for each table, with these group columns."""
    if not splits:
        return {}
    tables = {RESPONSES: round.responses, **round.answering}
    found = {}
    for table, sizes in tables.items():
        combos: dict[tuple, set] = {}
        for atom, n in sizes.items():
            if n > 0:
                combos.setdefault(tuple(atom.key(s) for s in splits), set()).add((atom, n))
        found[table] = [frozenset(v) for v in combos.values()]
    return found


def raw_splits(
    round: RoundSizes,
    protected: RoundProtection,
    earlier: list[RoundProtection],
    shown: Iterable[str] | None = None,
) -> tuple[GroupSplit, ...]:
    """The most group columns the raw responses can carry: only splits published whole, every combination
    present held by at least the threshold of respondents, and nothing exposed once the combinations are
    added to everything else published about the survey and each question shown (`shown`, by key; all when
    None). A combination whose few answers to one question the rows show anyway is not counted: the rows
    are individual answers among at least `threshold` respondents, which is what raw responses are."""
    threshold = round.threshold
    whole = [
        s
        for s in RAW_SPLITS
        if s not in protected.survey.splits_withheld
        and not protected.survey.withheld.get(s)
        and not protected.survey.everyone_withheld
    ]
    keys = set(round.answering) if shown is None else set(shown) & set(round.answering)
    tables = {RESPONSES: round.responses, **{k: v for k, v in round.answering.items() if k in keys}}
    for width in range(len(whole), 0, -1):
        for chosen in itertools.combinations(whole, width):
            combos = Counter()
            for atom, n in round.responses.items():
                combos[tuple(atom.key(s) for s in chosen)] += n
            if min(combos.values(), default=0) < threshold:
                continue
            extra = _raw_sets(round, chosen)
            if all(
                set(
                    exposures(
                        [s for before in earlier for s in before.published.get(table, [])]
                        + protected.published.get(table, [])
                        + extra[table],
                        _sizes(sizes),
                        threshold,
                    )
                )
                <= set(extra[table])
                for table, sizes in tables.items()
            ):
                return chosen
    return ()


def protect_rounds(rounds: list[RoundSizes]) -> list[RoundProtection]:
    """Each round's protection, oldest first, each audited with every earlier one."""
    done: list[RoundProtection] = []
    for round in rounds:
        done.append(protect_round(round, done))
    return done
