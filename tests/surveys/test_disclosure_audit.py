"""The disclosure audit, by hand-made cases from the issue and by a property-based attacker.

The attacker draws populations with overlapping, nested and coinciding groups (a list-size band that is one
locality plus part of another, leaders who are exactly one small locality, a second round with the same
respondents and the same answers), computes the results as the API serves them (`results.computed`, which
`reports` only renames) and the .xlsx export (read back with openpyxl: the question sheets and the raw
responses' group columns), and solves the linear system of everything published with its own exact
arithmetic (fractions, independent of `disclosure`). No withheld group, atom or pair of atoms of fewer than
the threshold may lie in the span of what is published.
"""

from __future__ import annotations

import io
import uuid
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from quorum.surveys import results
from quorum.surveys import workbook as export
from quorum.surveys.definition import AGREEMENT_SCALE, Definition, Option, Question, QuestionKind, Section
from quorum.surveys.disclosure import Words, exposures, protect
from quorum.surveys.groups import GroupSplit, RespondentGroups
from quorum.surveys.rounds import RoundSizes
from quorum.surveys.service import Structure
from quorum.surveys.tables import Anonymity, RespondentUnit, Survey, SurveyStatus

WORDS = Words(split=str, group=lambda split, key: key)


# Hand-made cases: the ones the issue reports.


def test_a_band_less_a_published_locality_is_the_withheld_locality_so_the_audit_finds_it():
    # Band X is localities A (4 practices' representatives) and B (10); C is band Y.
    sizes = {"A": 4, "B": 10, "C": 12}
    assert exposures([{"A", "B", "C"}, {"B"}, {"C"}, {"A", "B"}], sizes, 5) == [frozenset({"A"})]
    assert exposures([{"A", "B", "C"}, {"C"}, {"A", "B"}], sizes, 5) == []


def test_withholding_within_each_split_is_not_enough_when_a_band_is_a_locality_less_a_small_one():
    groups = {
        "Locality": {"A": frozenset({"a"}), "B": frozenset({"b"}), "C": frozenset({"c", "d"})},
        "Band": {"X": frozenset({"a", "b"}), "Y": frozenset({"c"}), "Z": frozenset({"d"})},
    }
    sizes = {"a": 4, "b": 9, "c": 8, "d": 6}
    # On its own: locality withholds A and B; band withholds nothing. Band X less nothing gives A + B (13): safe.
    protection = protect(groups, sizes, 5, WORDS, drop_order=("Band", "Locality"))
    assert protection.withheld["Locality"] == {
        "A": "Fewer than 5 answered.",
        "B": "Withheld with A so that it cannot be worked out from the other groups.",
    }
    assert not protection.splits_withheld
    # Band X were A alone plus part of C: then X less ... gives A; a whole split goes, with the reason in words.
    groups["Band"] = {"X": frozenset({"a", "c"}), "Y": frozenset({"b", "d"})}
    protection = protect(groups, sizes, 5, WORDS, drop_order=("Band", "Locality"))
    published = protection.published(groups)
    assert not exposures(published, sizes, 5)


def test_leaders_who_are_exactly_a_withheld_locality_partner_take_a_whole_split_with_them():
    # Locality A (4) is withheld with B (6); but B's people are exactly the leaders, who are published:
    # everyone less the leaders less C would be A. One split must go, and the reason says why.
    groups = {
        "Locality": {"A": frozenset({"a"}), "B": frozenset({"b"}), "C": frozenset({"c"})},
        "Leaders and other members": {"Leaders": frozenset({"b"}), "Others": frozenset({"a", "c"})},
    }
    sizes = {"a": 4, "b": 6, "c": 20}
    protection = protect(groups, sizes, 5, WORDS, drop_order=("Locality", "Leaders and other members"))
    assert protection.splits_withheld == {
        "Locality": "Locality withheld: together with leaders and other members it would reveal a group of fewer than 5.",
    }
    assert not exposures(protection.published(groups), sizes, 5)


def test_a_second_round_with_the_same_respondents_is_audited_with_the_first():
    # Round one published locality B; round two (the same people, as columns say) publishes only everyone,
    # but its everyone less round one's B is the small A.
    first = [frozenset({"a", "b"}), frozenset({"b"})]
    assert exposures(first + [frozenset({"a", "b"})], {"a": 4, "b": 9}, 5) == [frozenset({"a"})]


def test_sets_of_several_small_atoms_are_found_as_well_as_single_ones():
    sizes = {"a": 2, "b": 2, "c": 10}
    assert exposures([{"a", "b", "c"}, {"c"}], sizes, 5) == [frozenset({"a", "b"})]
    assert exposures([{"a", "b", "c"}, {"c"}], {"a": 3, "b": 3, "c": 10}, 5) == []  # six together: safe


# The attacker.

ROLES = ("PRACTICE_REPRESENTATIVE", "GOVERNING_BODY_MEMBER")
BANDS = ("UNDER_5000", "5000_TO_9999", "10000_TO_14999")
CHOICES = tuple(o.key for o in AGREEMENT_SCALE[:3])
QUESTIONS = (
    Question("engaged", QuestionKind.AGREEMENT, "I feel engaged.", required=True),
    Question("channel", QuestionKind.SINGLE_CHOICE, "Where do you hear?", options=(Option("a", "A"), Option("b", "B"))),
)
STRUCTURE = Structure(Definition((Section("S", questions=QUESTIONS),)), {q.key: uuid.uuid4() for q in QUESTIONS})


@dataclass(frozen=True)
class Person:
    groups: RespondentGroups
    engaged: str
    channel: str | None


@st.composite
def populations(draw) -> tuple[int, list[Person], list[Person] | None]:
    """(threshold, round one, round two or None): round two repeats round one exactly, or is drawn afresh."""
    threshold = draw(st.integers(3, 6))
    people = draw(_people(threshold))
    second = draw(st.sampled_from(["none", "same", "other"]))
    return threshold, people, people if second == "same" else draw(_people(threshold)) if second == "other" else None


@st.composite
def _people(draw, threshold: int):
    localities = [f"L{i}" for i in range(draw(st.integers(1, 4)))]
    band_of = {place: draw(st.sampled_from(BANDS)) for place in localities}  # nested: a band is whole localities
    leading = draw(st.sampled_from(["random", "one locality", "none"]))
    leader_locality = draw(st.sampled_from(localities))
    people = []
    for _ in range(draw(st.integers(threshold, 30))):
        locality = draw(st.sampled_from(localities))
        band = band_of[locality] if draw(st.booleans()) else draw(st.sampled_from(BANDS))
        leader = {"random": draw(st.booleans()), "one locality": locality == leader_locality, "none": False}[leading]
        role = ROLES[1] if leader and draw(st.booleans()) else ROLES[0]
        people.append(
            Person(
                RespondentGroups(role, locality, leader, band),
                draw(st.sampled_from(CHOICES)),
                draw(st.sampled_from(["a", "b", None])),
            )
        )
    return people


def _survey(threshold: int) -> Survey:
    return Survey(
        org_id=uuid.uuid4(),
        id=uuid.uuid4(),
        title="Round",
        anonymity=Anonymity.ANONYMOUS,
        respondent_unit=RespondentUnit.PERSON,
        status=SurveyStatus.CLOSED,
        suppression_threshold=threshold,
        created_by=uuid.uuid4(),
    )


def _rows(people: list[Person]) -> tuple[list, list]:
    """The tallies and response counts the database would hold."""
    tallies, responses = Counter(), Counter()
    for p in people:
        g = (p.groups.role, p.groups.locality, p.groups.leader, p.groups.band)
        responses[g] += 1
        for key, choice in (("engaged", p.engaged), ("channel", p.channel)):
            if choice is not None:
                tallies[(STRUCTURE.question_ids[key], "", "", *g)] += 1
                tallies[(STRUCTURE.question_ids[key], "", choice, *g)] += 1
    return [(*k, n) for k, n in tallies.items()], [(*k, n) for k, n in responses.items()]


def _sizes(people: list[Person], threshold: int) -> RoundSizes:
    return RoundSizes(
        threshold,
        False,
        Counter(p.groups for p in people),
        {"engaged": Counter(p.groups for p in people), "channel": Counter(p.groups for p in people if p.channel)},
        frozenset({"engaged", "channel"}),
    )


def _published(survey: Survey, people: list[Person], earlier: list[RoundSizes]):
    tallies, responses = _rows(people)
    current = results.computed(survey, STRUCTURE, tallies, responses, earlier)
    columns = export._answer_columns(STRUCTURE, False)
    raw = [
        export.RawResponse(
            uuid.uuid4(), p.groups, [columns[0].render(p.engaged), p.channel and columns[1].render(p.channel)]
        )
        for p in people
    ]
    book = load_workbook(io.BytesIO(export.workbook(survey, "CCG", current, {}, columns, raw, {})))
    return current, book


def _atoms(people: list[Person], key: str | None) -> Counter:
    return Counter(p.groups for p in people if key != "channel" or p.channel)


class Span:
    """The linear span of 0/1 vectors over the atoms, in reduced row echelon form with fractions."""

    def __init__(self, rows: list[frozenset], atoms: list):
        self.index = {a: i for i, a in enumerate(atoms)}
        self.basis: list[tuple[int, list[Fraction]]] = []
        for row in dict.fromkeys(rows):
            v = self._reduce(self._vector(row))
            pivot = next((i for i, x in enumerate(v) if x), None)
            if pivot is not None:
                v = [x / v[pivot] for x in v]
                self.basis = [
                    (p, [x - b[pivot] * y for x, y in zip(b, v)]) if b[pivot] else (p, b) for p, b in self.basis
                ]
                self.basis.append((pivot, v))

    def _vector(self, members: frozenset) -> list[Fraction]:
        v = [Fraction(0)] * len(self.index)
        for a in members:
            if a in self.index:
                v[self.index[a]] = Fraction(1)
        return v

    def _reduce(self, v: list[Fraction]) -> list[Fraction]:
        for p, b in self.basis:
            if v[p]:
                v = [x - v[p] * y for x, y in zip(v, b)]
        return v

    def __contains__(self, members: frozenset) -> bool:
        if any(a not in self.index for a in members):
            return False
        return not any(self._reduce(self._vector(members)))


def _collect(current, book, people: list[Person], tag) -> tuple[dict, list]:
    """Everything published of one round, as sets of (tag, atom) by table; and the withheld groups."""
    present = set(p.groups for p in people)

    def members(split: GroupSplit | None, key: str) -> frozenset:
        return frozenset((tag, a) for a in present if split is None or a.key(split) == key)

    published: dict[str | None, list[frozenset]] = {}
    withheld = []
    for q in current.questions:
        sets = published.setdefault(q.question.key, [])
        figures = [(None, q.overall)] + [(s, g) for s, groups in q.splits.items() for g in groups]
        for split, g in figures:
            (
                withheld.append((q.question.key, members(split, g.key)))
                if g.withheld
                else sets.append(members(split, g.key))
            )
    rates = published.setdefault(None, [])
    rates.append(members(None, ""))
    for rate in current.by_locality:
        (rates if rate.responses is not None else []).append(members(GroupSplit.LOCALITY, rate.locality))
    # The export: its question sheets agree with the results, and its raw rows publish each combination shown.
    for number, q in enumerate(current.questions, start=1):
        shown = {row[0]: row[1] for row in book[f"Q{number}"].iter_rows(values_only=True) if row and row[0]}
        assert (shown["Everyone"] == export.WITHHELD) == q.overall.withheld
    sheet = [r for r in book["Responses"].iter_rows(values_only=True)]
    start = next((i for i, r in enumerate(sheet) if r[0] == "Response"), None)
    if start is not None:
        header = sheet[start]
        splits = {label: split for split, label in export.group_words.SPLIT_LABELS.items()}
        shown_splits = [splits[h] for h in header[1:] if h in splits]
        for row in sheet[start + 1 :]:
            assert all(not isinstance(c, str) or not c.startswith("=") for c in row)
        combos = Counter(tuple(row[1 : 1 + len(shown_splits)]) for row in sheet[start + 1 :])
        for combo, n in combos.items():
            assert n >= current.threshold, "a combination of group columns beside raw rows is rarer than the threshold"
            group = frozenset(
                (tag, a)
                for a in present
                if all(export.group_words.label(s, a.key(s)) == v for s, v in zip(shown_splits, combo))
            )
            for table in published:
                published[table].append(group)
            withheld.append(("raw", group))
    return published, withheld


@settings(max_examples=100, deadline=None)
@given(populations())
@example(
    (
        5,
        [Person(RespondentGroups("PRACTICE_REPRESENTATIVE", "City", False, "UNDER_5000"), "AGREE", "a")] * 4
        + [Person(RespondentGroups("PRACTICE_REPRESENTATIVE", "North", True, "UNDER_5000"), "AGREE", "a")] * 6
        + [Person(RespondentGroups("PRACTICE_REPRESENTATIVE", "South", False, "5000_TO_9999"), "AGREE", "b")] * 9,
        None,
    )
)
@example(
    (
        5,
        [Person(RespondentGroups("PRACTICE_REPRESENTATIVE", "City", False, "UNDER_5000"), "AGREE", "a")] * 4
        + [Person(RespondentGroups("GOVERNING_BODY_MEMBER", "North", True, "5000_TO_9999"), "AGREE", "a")] * 6
        + [Person(RespondentGroups("PRACTICE_REPRESENTATIVE", "South", False, "5000_TO_9999"), "AGREE", "b")] * 20,
        None,
    )
)
# Shrunk by hypothesis: two of three answered the optional question; the raw rows show their answers (as raw
# rows do) but no table may.
@example(
    (
        3,
        [
            Person(RespondentGroups("PRACTICE_REPRESENTATIVE", "L0", False, "UNDER_5000"), "STRONGLY_AGREE", c)
            for c in ("a", "a", None)
        ],
        None,
    )
)
def test_no_small_withheld_group_can_be_recovered_from_everything_published(population):
    threshold, first, second = population
    rounds_published = []
    survey = _survey(threshold)
    current, book = _published(survey, first, [])
    rounds_published.append((first, *_collect(current, book, first, 1)))
    if second is not None:
        current, book = _published(_survey(threshold), second, [_sizes(first, threshold)])
        # The same respondents giving the same answers are the same unknowns; a fresh population is not.
        rounds_published.append((second, *_collect(current, book, second, 1 if second is first else 2)))

    for table in (None, "engaged", "channel"):
        rows = [s for _, published, _ in rounds_published for s in published.get(table, [])]
        span = Span(rows, sorted({a for s in rows for a in s}, key=str))
        for people, _, withheld in rounds_published:
            tag = 1 if people is first else 2
            sizes = {(tag, a): n for a, n in _atoms(people, table).items()}
            candidates = [s for key, s in withheld if key == table]
            small = [frozenset({a}) for a, n in sizes.items() if n < threshold]
            candidates += small + [x | y for x in small for y in small if x != y]
            # The raw rows show each answer of a combination of groups shown beside them (of at least the
            # threshold of respondents), however few answered that question: that is what raw rows are.
            shown_raw = {frozenset(a for a in s if a in sizes) for key, s in withheld if key == "raw"}
            for target in candidates:
                size = sum(sizes.get(a, 0) for a in target)
                target = frozenset(a for a in target if a in sizes)
                if 0 < size < threshold and target not in shown_raw:
                    assert target not in span, f"{table}: a set of {size} can be worked out: {sorted(map(str, target))}"


def _rank(vectors: list[list[Fraction]]) -> int:
    rows = [list(v) for v in vectors]
    rank = 0
    for column in range(len(rows[0]) if rows else 0):
        pivot = next((r for r in rows[rank:] if r[column] != 0), None)
        if pivot is None:
            continue
        rows.remove(pivot)
        rows.insert(rank, pivot)
        for other in rows[rank + 1 :]:
            factor = other[column] / pivot[column]
            other[:] = [a - factor * b for a, b in zip(other, pivot, strict=True)]
        rank += 1
    return rank


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sets(st.integers(0, 7), min_size=1), min_size=1, max_size=7),
    st.lists(st.integers(0, 7), min_size=8, max_size=8),
)
def test_the_audit_finds_exactly_the_small_sets_the_published_figures_span(published, sizes):
    """Every set of columns whose count can be derived and is between 1 and the threshold, found by trying them
    all (with a rank test in fractions), is what `exposures` finds: no more, no fewer."""
    threshold = 5
    columns = sorted({c for row in published for c in row})
    matrix = [[Fraction(int(c in row)) for c in columns] for row in published]
    rank = _rank(matrix)
    expected = set()
    for mask in range(1, 1 << len(columns)):
        chosen = frozenset(c for i, c in enumerate(columns) if mask >> i & 1)
        if 0 < sum(sizes[c] for c in chosen) < threshold:
            if _rank([*matrix, [Fraction(int(c in chosen)) for c in columns]]) == rank:
                expected.add(chosen)
    found = exposures([frozenset(row) for row in published], dict(enumerate(sizes)), threshold)
    assert len(found) == len(set(found))
    assert set(found) == expected
