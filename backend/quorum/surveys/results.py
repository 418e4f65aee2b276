"""A survey's results: counted in the database in one pass, then withheld where groups are small.

The database groups the answers by question, option and every combination of
respondent groups; `suppression.tabulate` sums those combinations into
everyone and each split and decides what is withheld. Only counts leave the
database, never a response, so the work does not grow with the number of
respondents beyond the one aggregate.
"""

from __future__ import annotations

import statistics
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import text

from quorum.database import Db
from quorum.surveys import groups as group_words
from quorum.surveys.definition import AGREEING, AGREEMENT_SCALE, Question, QuestionKind
from quorum.surveys.groups import GroupSplit, RespondentGroups
from quorum.surveys.service import Structure
from quorum.surveys.suppression import QuestionTable, Tally, tabulate, withheld
from quorum.surveys.tables import Survey

# Free text is shown only for everyone and for leaders and others: never beside a locality or list
# size, which can point to a practice, and never for two overlapping splits that could be intersected.
TEXT_SPLITS = (GroupSplit.LEADERSHIP,)

_COUNTS = text("""
SELECT a.question_id, a.item, c.choice, r.group_role, r.group_locality, r.group_leader, r.group_band,
       count(*) AS picks, count(*) FILTER (WHERE c.ordinal = 1) AS respondents
FROM survey_answer a
JOIN survey_response r ON r.org_id = a.org_id AND r.id = a.response_id
CROSS JOIN LATERAL unnest(coalesce(a.choices, ARRAY[a.choice]::text[])) WITH ORDINALITY AS c (choice, ordinal)
WHERE a.org_id = :org_id AND a.survey_id = :survey_id AND r.status = 'SUBMITTED'
GROUP BY 1, 2, 3, 4, 5, 6, 7
""")
_NUMBERS = text("""
SELECT a.question_id, r.group_role, r.group_locality, r.group_leader, r.group_band, array_agg(a.number) AS numbers
FROM survey_answer a
JOIN survey_response r ON r.org_id = a.org_id AND r.id = a.response_id
WHERE a.org_id = :org_id AND a.survey_id = :survey_id AND r.status = 'SUBMITTED' AND a.number IS NOT NULL
GROUP BY 1, 2, 3, 4, 5
""")
_RESPONSES = text("""
SELECT group_locality, count(*) AS responses FROM survey_response
WHERE org_id = :org_id AND survey_id = :survey_id AND status = 'SUBMITTED'
GROUP BY 1
""")


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


async def survey_results(db: Db, survey: Survey, structure: Structure) -> SurveyResults:
    """Every question's results, for everyone and by every split, with small groups withheld."""
    params = {"org_id": survey.org_id, "survey_id": survey.id}
    cells: dict[uuid.UUID, dict[RespondentGroups, Tally]] = defaultdict(dict)
    item_respondents: dict[tuple[uuid.UUID, RespondentGroups], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in await db.all(_COUNTS.bindparams(**params)):
        groups = RespondentGroups(row.group_role, row.group_locality, row.group_leader, row.group_band)
        tally = cells[row.question_id].setdefault(groups, Tally())
        if row.choice is not None:
            tally.picks[(row.item, row.choice)] += row.picks
        item_respondents[(row.question_id, groups)][row.item] += row.respondents
    for (question_id, groups), by_item in item_respondents.items():
        cells[question_id][groups].respondents = max(by_item.values())  # a matrix is answered whole or not at all
    if any(q.kind == QuestionKind.NUMBER for q in structure.definition.questions):
        for row in await db.all(_NUMBERS.bindparams(**params)):
            groups = RespondentGroups(row.group_role, row.group_locality, row.group_leader, row.group_band)
            cells[row.question_id][groups].numbers.extend(row.numbers)
    by_locality = {row.group_locality or group_words.NO_PRACTICE: row.responses for row in await db.all(_RESPONSES.bindparams(**params))}

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
        values = sorted(tally.numbers)
        return GroupFigures(
            key, label, False, n,
            mean=round(float(sum(values) / len(values)), 2) if values else None,
            median=round(float(statistics.median(values)), 2) if values else None,
        )
    counts = {o.key: tally.picks.get(("", o.key), 0) for o in question.scale}
    mean = None
    if question.kind == QuestionKind.RATING and n:
        mean = round(sum(int(k) * c for k, c in counts.items()) / n, 2)
    return GroupFigures(
        key, label, False, n, options=_options(question, counts, n), mean=mean, agree_percent=_agree(question, counts, n)
    )


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


async def text_answers(
    db: Db, survey: Survey, question_id: uuid.UUID, figures: GroupFigures, split: GroupSplit | None,
    *, first: int, offset: int,
) -> TextPage | None:
    """Free-text answers of everyone, or of one published group of leaders or others; None when withheld."""
    if figures.withheld or (split is not None and split not in TEXT_SPLITS):
        return None
    condition = ""
    params = {"org_id": survey.org_id, "survey_id": survey.id, "question_id": question_id}
    if split == GroupSplit.LEADERSHIP:
        condition = "AND r.group_leader = :leader"
        params["leader"] = figures.key == group_words.LEADERS
    base = f"""
        FROM survey_answer a JOIN survey_response r ON r.org_id = a.org_id AND r.id = a.response_id
        WHERE a.org_id = :org_id AND a.survey_id = :survey_id AND a.question_id = :question_id
          AND r.status = 'SUBMITTED' AND a.text IS NOT NULL {condition}
    """
    total = (await db.all(text(f"SELECT count(*) AS n {base}").bindparams(**params)))[0].n
    rows = await db.all(
        text(f"SELECT a.text {base} ORDER BY a.text, a.response_id LIMIT :first OFFSET :offset")
        .bindparams(**params, first=first, offset=offset)
    )
    return TextPage(total, [r.text for r in rows])
