"""A survey's results: read from the tallies, then withheld where groups are small.

The tallies (survey_tally, kept by the database as responses are sent and
changed) count the answers by question, option and every combination of
respondent groups; `suppression.tabulate` sums those combinations into
everyone and each split and decides what is withheld. Only counts leave the
database, never a response, and their number depends on the questions and
groups, not on how many responded.
"""

from __future__ import annotations

import uuid
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from quorum import clock
from quorum.database import Db
from quorum.surveys import groups as group_words
from quorum.surveys.definition import AGREEING, AGREEMENT_SCALE, Question, QuestionKind
from quorum.surveys.groups import GroupSplit, RespondentGroups
from quorum.surveys.service import Structure, current_status
from quorum.surveys.suppression import QuestionTable, Tally, tabulate, withheld
from quorum.surveys.tables import Survey, SurveyStatus

# Free text is shown only for everyone and for leaders and others: never beside a locality or list
# size, which can point to a practice, and never for two overlapping splits that could be intersected.
TEXT_SPLITS = (GroupSplit.LEADERSHIP,)

# Plain SQL for asyncpg: these are the two reads of a report, and SQLAlchemy's row handling would cost more than the query.
_TALLIES = """
SELECT question_id, item, choice, group_role, group_locality, group_leader, group_band, count
FROM survey_tally
WHERE org_id = $1 AND survey_id = $2 AND count > 0
"""
_RESPONSES = """
SELECT group_locality, count(*) AS responses FROM survey_response
WHERE org_id = $1 AND survey_id = $2 AND status = 'SUBMITTED'
GROUP BY 1
"""


@dataclass(frozen=True)
class OptionFigure:
    key: str
    label: str
    count: int
    percent: float


@dataclass(frozen=True)
class StatementFigures:
    key: str
    label: str
    respondents: int
    options: list[OptionFigure]
    agree_percent: float | None


@dataclass(frozen=True)
class GroupFigures:
    """One group's results for one question; when withheld, only its key and label."""

    key: str
    label: str
    withheld: bool
    respondents: int | None = None
    options: list[OptionFigure] = field(default_factory=list)
    statements: list[StatementFigures] = field(default_factory=list)
    mean: float | None = None
    median: float | None = None
    agree_percent: float | None = None


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    question_id: uuid.UUID
    overall: GroupFigures
    splits: dict[GroupSplit, list[GroupFigures]]


@dataclass(frozen=True)
class LocalityRate:
    locality: str
    label: str
    invited: int | None
    responses: int | None  # None when withheld
    percent: float | None


@dataclass(frozen=True)
class SurveyResults:
    threshold: int
    responses: int
    invited: int | None
    by_locality: list[LocalityRate]
    questions: list[QuestionResult]

    def question(self, key: str) -> QuestionResult | None:
        return next((q for q in self.questions if q.question.key == key), None)


# A survey closed this long ago can gain no more answers: any request that was sending one when it closed has
# finished (requests are stopped after 30 seconds). Its results are then kept, a few per worker: they are the
# same for everyone allowed to read them, which callers check first.
SETTLED_AFTER = timedelta(minutes=1)
_settled: OrderedDict[uuid.UUID, SurveyResults] = OrderedDict()
_SETTLED_KEPT = 64


async def survey_results(db: Db, survey: Survey, structure: Structure) -> SurveyResults:
    """Every question's results, for everyone and by every split, with small groups withheld."""
    settled = current_status(survey, clock.now()) == SurveyStatus.CLOSED and (
        survey.closes_at is None or survey.closes_at + SETTLED_AFTER <= clock.now()
    )
    if settled and survey.id in _settled:
        _settled.move_to_end(survey.id)
        return _settled[survey.id]
    found = await _computed_results(db, survey, structure)
    if settled:
        _settled[survey.id] = found
        while len(_settled) > _SETTLED_KEPT:
            _settled.popitem(last=False)
    return found


async def _computed_results(db: Db, survey: Survey, structure: Structure) -> SurveyResults:
    numbers = {structure.question_ids[q.key] for q in structure.definition.questions if q.kind == QuestionKind.NUMBER}
    cells: dict[uuid.UUID, dict[RespondentGroups, Tally]] = defaultdict(dict)
    answering: dict[tuple[uuid.UUID, RespondentGroups], dict[str, int]] = defaultdict(dict)
    combinations: dict[tuple, RespondentGroups] = {}
    for question_id, item, choice, role, locality, leader, band, count in await db.records(_TALLIES, survey.org_id, survey.id):
        combination = (role, locality, leader, band)
        groups = combinations.get(combination)
        if groups is None:
            groups = combinations[combination] = RespondentGroups(role, locality or None, leader, band or None)
        question_cells = cells[question_id]
        tally = question_cells.get(groups)
        if tally is None:
            tally = question_cells[groups] = Tally()
        if choice == "":
            by_item = answering[(question_id, groups)]
            by_item[item] = by_item.get(item, 0) + count
        elif question_id in numbers:
            value = Decimal(choice)
            tally.numbers[value] = tally.numbers.get(value, 0) + count
        else:
            tally.picks[(item, choice)] = tally.picks.get((item, choice), 0) + count
    for (question_id, groups), by_item in answering.items():
        cells[question_id][groups].respondents = max(by_item.values())  # a matrix is answered whole or not at all
    by_locality = {
        locality or group_words.NO_PRACTICE: responses
        for locality, responses in await db.records(_RESPONSES, survey.org_id, survey.id)
    }

    catalogue = _catalogue(survey, [g for question_cells in cells.values() for g in question_cells])
    threshold = survey.suppression_threshold
    questions = []
    for question in structure.definition.questions:
        question_id = structure.question_ids[question.key]
        table = tabulate(cells.get(question_id, {}), catalogue, threshold)
        questions.append(_question_result(question, question_id, table))
    return SurveyResults(
        threshold=threshold,
        responses=sum(by_locality.values()),
        invited=survey.invited and survey.invited["total"],
        by_locality=_rates(survey, by_locality, catalogue[GroupSplit.LOCALITY], threshold),
        questions=questions,
    )


def _catalogue(survey: Survey, present: list[RespondentGroups]) -> dict[GroupSplit, list[str]]:
    """Each split's groups: those of everyone asked (fixed when the survey opened) and any others answering."""
    asked = (survey.invited or {}).get("groups", {})
    catalogue = {}
    for split in GroupSplit:
        keys = set(asked.get(split.value, [])) | {g.key(split) for g in present}
        catalogue[split] = group_words.order(split, keys)
    return catalogue


def _rates(survey: Survey, responses: dict[str, int], localities: list[str], threshold: int) -> list[LocalityRate]:
    invited = (survey.invited or {}).get("by_locality", {})
    keys = group_words.order(GroupSplit.LOCALITY, set(localities) | set(invited) | set(responses))
    hidden = withheld({k: responses.get(k, 0) for k in keys}, threshold)
    rates = []
    for key in keys:
        count = None if key in hidden else responses.get(key, 0)
        asked = invited.get(key)
        rates.append(LocalityRate(
            key, group_words.label(GroupSplit.LOCALITY, key), asked, count,
            percent(count, asked) if count is not None and asked else None,
        ))
    return rates


def _question_result(question: Question, question_id: uuid.UUID, table: QuestionTable) -> QuestionResult:
    overall = _figures(question, "ALL", "Everyone", table.overall)
    splits = {
        split: [_figures(question, key, group_words.label(split, key), tally) for key, tally in groups.items()]
        for split, groups in table.splits.items()
    }
    return QuestionResult(question, question_id, overall, splits)


def _figures(question: Question, key: str, label: str, tally: Tally | None) -> GroupFigures:
    if tally is None:
        return GroupFigures(key, label, withheld=True)
    n = tally.respondents
    if question.kind == QuestionKind.MATRIX:
        statements = []
        for statement in question.statements:
            counts = {o.key: tally.picks.get((statement.key, o.key), 0) for o in question.scale}
            answered = sum(counts.values())
            statements.append(StatementFigures(
                statement.key, statement.label, answered, _options(question, counts, answered),
                _agree(question, counts, answered),
            ))
        return GroupFigures(key, label, False, n, statements=statements)
    if question.kind == QuestionKind.NUMBER:
        mean, median = _mean_and_median(tally.numbers)
        return GroupFigures(key, label, False, n, mean=mean, median=median)
    counts = {o.key: tally.picks.get(("", o.key), 0) for o in question.scale}
    mean = None
    if question.kind == QuestionKind.RATING and n:
        mean = round(sum(int(k) * c for k, c in counts.items()) / n, 2)
    return GroupFigures(
        key, label, False, n, options=_options(question, counts, n), mean=mean, agree_percent=_agree(question, counts, n)
    )


def _mean_and_median(values: Counter) -> tuple[float | None, float | None]:
    """Of numbers counted as {value: how many gave it}."""
    given = sum(values.values())
    if not given:
        return None, None
    ordered = sorted(values.items())

    def nth(position: int) -> Decimal:
        seen = 0
        for value, count in ordered:
            seen += count
            if position < seen:
                return value
        raise IndexError(position)

    mean = sum(value * count for value, count in ordered) / given
    median = (nth((given - 1) // 2) + nth(given // 2)) / 2
    return round(float(mean), 2), round(float(median), 2)


def _options(question: Question, counts: dict[str, int], base: int) -> list[OptionFigure]:
    return [OptionFigure(o.key, o.label, counts[o.key], percent(counts[o.key], base)) for o in question.scale]


def _agree(question: Question, counts: dict[str, int], base: int) -> float | None:
    if question.scale != AGREEMENT_SCALE or not base:
        return None
    return percent(sum(counts[k] for k in AGREEING), base)


def percent(count: int, base: int) -> float:
    return round(100 * count / base, 1) if base else 0.0


@dataclass(frozen=True)
class TextPage:
    total: int
    texts: list[str]


_TEXTS = """
SELECT a.text, r.group_leader
FROM survey_answer a JOIN survey_response r ON r.org_id = a.org_id AND r.id = a.response_id
WHERE a.org_id = $1 AND a.survey_id = $2 AND a.question_id = $3 AND r.status = 'SUBMITTED' AND a.text IS NOT NULL
  AND ($4::boolean IS NULL OR r.group_leader = $4)
ORDER BY a.text, a.response_id
"""


def _leaders(figures: GroupFigures, split: GroupSplit | None) -> bool | None:
    return None if split is None else figures.key == group_words.LEADERS


async def text_answers(
    db: Db, survey: Survey, question_id: uuid.UUID, figures: GroupFigures, split: GroupSplit | None,
    *, first: int, offset: int,
) -> TextPage | None:
    """Free-text answers of everyone, or of one published group of leaders or others; None when withheld."""
    if figures.withheld or (split is not None and split not in TEXT_SPLITS):
        return None
    leaders = _leaders(figures, split)
    total = (await db.records(
        "SELECT count(*) FROM (" + _TEXTS.replace("ORDER BY a.text, a.response_id", "") + ") t",
        survey.org_id, survey.id, question_id, leaders,
    ))[0][0]
    rows = await db.records(_TEXTS + " LIMIT $5 OFFSET $6", survey.org_id, survey.id, question_id, leaders, first, offset)
    return TextPage(total, [r["text"] for r in rows])


async def every_text_answer(db: Db, survey: Survey, result: QuestionResult) -> dict[str, list[str]]:
    """All the free-text answers that may be shown, by group key ('ALL', 'LEADERS', 'OTHERS'), for the export."""
    groups = [(None, result.overall)] + [(s, g) for s in TEXT_SPLITS for g in result.splits.get(s, [])]
    if all(figures.withheld for _, figures in groups):
        return {}
    rows = await db.records(_TEXTS, survey.org_id, survey.id, result.question_id, None)
    found = {}
    for split, figures in groups:
        if not figures.withheld:
            leaders = _leaders(figures, split)
            found[figures.key] = [text for text, leader in rows if leaders is None or leader == leaders]
    return found
