"""Withholding small groups: hand-made cases, and a property over random groups that no withheld figure
can be derived from the published figures of its question."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.surveys.groups import LEADERS, OTHERS, GroupSplit, RespondentGroups
from quorum.surveys.suppression import Tally, tabulate, withheld

SPLITS = (GroupSplit.LEADERSHIP, GroupSplit.LOCALITY)


def test_a_group_of_four_is_withheld_with_the_next_smallest_so_the_total_does_not_give_it_away():
    sizes = {"City of London": 4, "Hackney South": 30, "Hackney North": 40}
    hidden = withheld(sizes, 5)
    assert hidden == {"City of London", "Hackney South"}
    published = {k: n for k, n in sizes.items() if k not in hidden}
    # Everything subtraction can give is the two together, never the group of four.
    assert sum(sizes.values()) - sum(published.values()) == 34


def test_a_group_at_the_threshold_is_published_and_one_below_is_not():
    assert withheld({"A": 5, "B": 5, "C": 9}, 5) == frozenset()
    assert withheld({"A": 4, "B": 5, "C": 9}, 5) == {"A", "B"}


def test_small_groups_together_must_hold_the_threshold_or_more_are_withheld():
    # 1 and 2 are both withheld, but together they are 3: the next smallest goes too.
    assert withheld({"A": 1, "B": 2, "C": 30, "D": 40}, 5) == {"A", "B", "C"}
    assert withheld({"A": 3, "B": 3, "C": 30}, 5) == {"A", "B"}


def test_a_group_nobody_answered_in_is_withheld_and_so_is_the_next_smallest():
    assert withheld({"Heywood": 0, "Middleton": 6, "Rochdale North": 9}, 5) == {"Heywood", "Middleton"}


def test_leaders_and_others_both_go_when_either_is_small():
    assert withheld({LEADERS: 4, OTHERS: 40}, 5) == {LEADERS, OTHERS}


def _groups(locality: str, leader: bool) -> RespondentGroups:
    return RespondentGroups(role="PRACTICE_REPRESENTATIVE", locality=locality, leader=leader, band=None)


def test_a_question_table_withholds_the_group_of_four_in_every_option():
    cells = {
        _groups("City", False): Tally(4, Counter({("", "AGREE"): 3, ("", "DISAGREE"): 1})),
        _groups("South", False): Tally(12, Counter({("", "AGREE"): 2, ("", "DISAGREE"): 10})),
        _groups("North", True): Tally(9, Counter({("", "AGREE"): 8, ("", "DISAGREE"): 1})),
        _groups("North", False): Tally(6, Counter({("", "AGREE"): 1, ("", "DISAGREE"): 5})),
    }
    catalogue = {GroupSplit.LOCALITY: ["City", "North", "South"], GroupSplit.LEADERSHIP: [LEADERS, OTHERS]}
    table = tabulate(cells, catalogue, 5, SPLITS)
    assert table.overall.respondents == 31 and table.overall.picks[("", "AGREE")] == 14
    localities = table.splits[GroupSplit.LOCALITY]
    assert localities["City"] is None and localities["South"] is None
    assert localities["North"].respondents == 15 and localities["North"].picks[("", "AGREE")] == 9
    leadership = table.splits[GroupSplit.LEADERSHIP]
    assert leadership[LEADERS].respondents == 9 and leadership[OTHERS].respondents == 22


def test_a_question_fewer_than_the_threshold_answered_is_withheld_entirely():
    cells = {_groups("City", False): Tally(2, Counter({("", "AGREE"): 2})), _groups("North", True): Tally(2, Counter({("", "AGREE"): 2}))}
    table = tabulate(cells, {GroupSplit.LOCALITY: ["City", "North"]}, 5, (GroupSplit.LOCALITY,))
    assert table.overall is None and set(table.splits[GroupSplit.LOCALITY].values()) == {None}


# The property: model every respondent combination (locality x leader) and option as an unknown; the
# published figures (counts and respondents of everyone and of each published group) are sums of unknowns.
# A withheld figure can be derived from them exactly when it is a linear combination of them.


@st.composite
def question_tables(draw):
    threshold = draw(st.integers(3, 8))
    localities = [f"L{i}" for i in range(draw(st.integers(1, 5)))]
    options = [f"o{i}" for i in range(draw(st.integers(2, 4)))]
    size = len(options)
    small, large = st.lists(st.integers(0, 1), min_size=size, max_size=size), st.lists(st.integers(0, 12), min_size=size, max_size=size)
    cells = {}
    for locality in localities:
        for leader in (True, False):
            cells[(locality, leader)] = draw(st.one_of(small, large))
    return threshold, localities, options, cells


def _reduce(vector: list[Fraction], basis: list[tuple[int, list[Fraction]]]) -> list[Fraction]:
    vector = list(vector)
    for pivot, row in basis:
        if vector[pivot]:
            factor = vector[pivot]
            vector = [v - factor * r for v, r in zip(vector, row)]
    return vector


def _basis(vectors: list[list[Fraction]]) -> list[tuple[int, list[Fraction]]]:
    basis: list[tuple[int, list[Fraction]]] = []
    for vector in vectors:
        reduced = _reduce(vector, basis)
        pivot = next((i for i, v in enumerate(reduced) if v), None)
        if pivot is None:
            continue
        row = [v / reduced[pivot] for v in reduced]
        basis = [(p, [a - b[pivot] * r for a, r in zip(b, row)]) if b[pivot] else (p, b) for p, b in basis]
        basis.append((pivot, row))
    return basis


@settings(max_examples=300, deadline=None)
@given(question_tables())
def test_no_withheld_figure_can_be_derived_from_the_published_figures_of_its_question(example):
    threshold, localities, options, counts = example
    combos = list(counts)
    variables = [(c, o) for c in combos for o in options]
    index = {v: i for i, v in enumerate(variables)}

    def functional(members: list[tuple[str, bool]], option: str | None) -> list[Fraction]:
        vector = [Fraction(0)] * len(variables)
        for combo in members:
            for o in options if option is None else [option]:
                vector[index[(combo, o)]] = Fraction(1)
        return vector

    cells = {
        _groups(locality, leader): Tally(sum(c), Counter({("", o): n for o, n in zip(options, c)}))
        for (locality, leader), c in counts.items()
    }
    catalogue = {GroupSplit.LOCALITY: localities, GroupSplit.LEADERSHIP: [LEADERS, OTHERS]}
    table = tabulate(cells, catalogue, threshold, SPLITS)
    members = {
        GroupSplit.LOCALITY: {l: [c for c in combos if c[0] == l] for l in localities},
        GroupSplit.LEADERSHIP: {LEADERS: [c for c in combos if c[1]], OTHERS: [c for c in combos if not c[1]]},
    }
    published, hidden = [], []
    figures = [(combos, table.overall)] + [
        (members[split][key], tally) for split in SPLITS for key, tally in table.splits[split].items()
    ]
    for group, tally in figures:
        target = published if tally is not None else hidden
        target += [functional(group, o) for o in options] + [functional(group, None)]
        if tally is not None:
            assert tally.respondents >= threshold, "a published group is under the threshold"

    basis = _basis(published)
    for vector in hidden:
        assert any(_reduce(vector, basis)), "a withheld figure is a combination of published ones"

    if table.overall is not None:
        for split in SPLITS:
            gone = [k for k, t in table.splits[split].items() if t is None]
            sizes = {k: sum(sum(counts[c]) for c in members[split][k]) for k in members[split]}
            if gone:
                assert len(gone) >= 2 and sum(sizes[k] for k in gone) >= threshold
