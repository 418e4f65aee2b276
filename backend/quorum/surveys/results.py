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
from quorum.surveys import rounds
from quorum.surveys.definition import AGREEING, AGREEMENT_SCALE, TEXT_LIMITS, Question, QuestionKind
from quorum.surveys.disclosure import Protection
from quorum.surveys.groups import GroupSplit, RespondentGroups
from quorum.surveys.rounds import RoundSizes
from quorum.surveys.service import Structure, current_status
from quorum.surveys.suppression import QuestionTable, Tally, tabulate
from quorum.surveys.tables import Anonymity, Survey, SurveyStatus

# Free text is shown only for everyone and for leaders and others: never beside a locality or list
# size, which can point to a practice, and never for two overlapping splits that could be intersected.
TEXT_SPLITS = (GroupSplit.LEADERSHIP,)

# Plain SQL for asyncpg: these are the two reads of a report, and SQLAlchemy's row handling would cost more
# than the query.
_TALLIES = """
SELECT question_id, item, choice, group_role, group_locality, group_leader, group_band, count
FROM survey_tally
WHERE org_id = $1 AND survey_id = $2 AND count > 0
"""
_RESPONSES = """
SELECT group_role, group_locality, group_leader, group_band, count(*) AS responses FROM survey_response
WHERE org_id = $1 AND survey_id = $2 AND status = 'SUBMITTED'
GROUP BY 1, 2, 3, 4
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
    """One group's results for one question; when withheld, only its key, label and the reason."""

    key: str
    label: str
    withheld: bool
    respondents: int | None = None
    options: list[OptionFigure] = field(default_factory=list)
    statements: list[StatementFigures] = field(default_factory=list)
    mean: float | None = None
    median: float | None = None
    agree_percent: float | None = None
    reason: str | None = None


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
    provisional: bool = False  # open: the response count only, in steps of the threshold
    reasons: list[str] = field(default_factory=list)
    sizes: RoundSizes | None = None  # for the export's raw responses, audited with the same tables
    earlier: list = field(default_factory=list)
    protection: rounds.RoundProtection | None = None

    def question(self, key: str) -> QuestionResult | None:
        return next((q for q in self.questions if q.question.key == key), None)


# A survey closed this long ago can gain no more answers: any request that was sending one when it closed has
# finished (requests are stopped after 30 seconds). Its results are then kept, a few per worker: they are the
# same for everyone allowed to read them, which callers check first. An open survey's are never kept here: they
# show only the response count, in steps (see `stepped`), and cost little to compute. (The results page's
# whole answer, open or settled, is kept by `surveys.hot`.)
SETTLED_AFTER = timedelta(minutes=1)
_settled: OrderedDict[uuid.UUID, SurveyResults] = OrderedDict()
_SETTLED_KEPT = 64


def stepped(responses: int, threshold: int) -> int:
    """An open survey's response count, rounded down to a multiple of the threshold: it moves only once
    `threshold` more responses have arrived, so no reading changes because of one submission."""
    return responses - responses % threshold


async def survey_results(db: Db, survey: Survey, structure: Structure) -> SurveyResults:
    """Every question's results, for everyone and by every split, with small groups withheld."""
    status = current_status(survey, clock.now())
    settled = status == SurveyStatus.CLOSED and (
        survey.closes_at is None or survey.closes_at + SETTLED_AFTER <= clock.now()
    )
    if settled and survey.id in _settled:
        _settled.move_to_end(survey.id)
        return _settled[survey.id]
    if status != SurveyStatus.CLOSED:
        return await _provisional_results(db, survey, structure)
    found = await _computed_results(db, survey, structure)
    if settled and not found.provisional:
        _settled[survey.id] = found
        while len(_settled) > _SETTLED_KEPT:
            _settled.popitem(last=False)
    return found


async def _provisional_results(db: Db, survey: Survey, structure: Structure) -> SurveyResults:
    responses = await db.records(
        "SELECT count(*) FROM survey_response WHERE org_id = $1 AND survey_id = $2 AND status = 'SUBMITTED'",
        survey.org_id,
        survey.id,
    )
    protection = Protection(everyone_withheld=rounds.OPEN_REASON)
    questions = [
        _question_result(question, structure.question_ids[question.key], tabulate({}, {}, protection))
        for question in structure.definition.questions
    ]
    return SurveyResults(
        threshold=survey.suppression_threshold,
        responses=stepped(responses[0][0], survey.suppression_threshold),
        invited=survey.invited and survey.invited["total"],
        by_locality=[],
        questions=questions,
        provisional=True,
        reasons=[rounds.OPEN_REASON],
    )


async def earlier_rounds(db: Db, survey: Survey) -> list[RoundSizes]:
    """The earlier rounds of this survey, oldest first, as the disclosure audit needs them."""
    if survey.previous_round_id is None:
        return []
    found: dict[uuid.UUID, dict] = {}
    for row in await db.records(_EARLIER, survey.org_id, survey.id):
        entry = found.setdefault(
            row["survey_id"],
            {
                "depth": row["depth"],
                "threshold": row["threshold"],
                "open": row["status"] != SurveyStatus.CLOSED
                and not (row["closes_at"] and row["closes_at"] <= clock.now()),
                "responses": {},
                "answering": defaultdict(dict),
                "named": row["anonymity"] == Anonymity.NAMED,
                "raw": set(),
            },
        )
        if row["count"] is None:
            continue
        atom = RespondentGroups(
            row["group_role"], row["group_locality"] or None, row["group_leader"], row["group_band"] or None
        )
        if row["question_key"] is None:
            entry["responses"][atom] = row["count"]
        else:
            entry["answering"][row["question_key"]][atom] = row["count"]
            if QuestionKind(row["question_kind"]) not in TEXT_LIMITS:
                entry["raw"].add(row["question_key"])
    ordered = sorted(found.values(), key=lambda e: -e["depth"])
    return [
        RoundSizes(e["threshold"], e["open"], e["responses"], dict(e["answering"]), frozenset(e["raw"]), e["named"])
        for e in ordered
    ]


_EARLIER = """
SELECT survey_id, depth, threshold, status, closes_at, anonymity, question_key, question_kind, group_role,
group_locality, group_leader,
       group_band, count
FROM survey_earlier_round_sizes($1, $2)
"""


async def _computed_results(db: Db, survey: Survey, structure: Structure) -> SurveyResults:
    tallies = await db.records(_TALLIES, survey.org_id, survey.id)
    responses = await db.records(_RESPONSES, survey.org_id, survey.id)
    return computed(survey, structure, tallies, responses, await earlier_rounds(db, survey))


def computed(
    survey: Survey,
    structure: Structure,
    tallies: list,
    responses_by_groups: list,
    earlier_sizes: list[RoundSizes],
) -> SurveyResults:
    """A closed round's results from its tallies (question, item, choice, role, locality, leader, band, count),
    its response counts (role, locality, leader, band, count) and its earlier rounds' sizes, oldest first."""
    numbers = {structure.question_ids[q.key] for q in structure.definition.questions if q.kind == QuestionKind.NUMBER}
    cells: dict[uuid.UUID, dict[RespondentGroups, Tally]] = defaultdict(dict)
    answering: dict[tuple[uuid.UUID, RespondentGroups], dict[str, int]] = defaultdict(dict)
    combinations: dict[tuple, RespondentGroups] = {}

    def atom(role, locality, leader, band) -> RespondentGroups:
        combination = (role, locality, leader, band)
        groups = combinations.get(combination)
        if groups is None:
            groups = combinations[combination] = RespondentGroups(role, locality or None, leader, band or None)
        return groups

    for question_id, item, choice, role, locality, leader, band, count in tallies:
        groups = atom(role, locality, leader, band)
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
    responses = {
        atom(role, locality or "", leader, band or ""): n for role, locality, leader, band, n in responses_by_groups
    }
    keys = structure.keys_by_id
    sizes = RoundSizes(
        survey.suppression_threshold,
        False,
        responses,
        {keys[q]: {g: t.respondents for g, t in by_atom.items()} for q, by_atom in cells.items() if q in keys},
        frozenset(q.key for q in structure.definition.questions if not q.is_text),
        survey.anonymity == Anonymity.NAMED,
    )
    if any(before.open for before in earlier_sizes):
        # A round is audited with the rounds before it, so an earlier round still open would later publish
        # figures this round was never audited against: this round waits for it.
        protection = Protection(everyone_withheld=rounds.EARLIER_OPEN_REASON)
        return SurveyResults(
            threshold=survey.suppression_threshold,
            responses=sum(responses.values()),
            invited=survey.invited and survey.invited["total"],
            by_locality=[],
            questions=[
                _question_result(q, structure.question_ids[q.key], tabulate({}, {}, protection))
                for q in structure.definition.questions
            ],
            provisional=True,
            reasons=[rounds.EARLIER_OPEN_REASON],
        )
    earlier = rounds.protect_rounds(earlier_sizes)
    protected = rounds.protect_round(sizes, earlier, raw=False)

    catalogue = _catalogue(survey, list(responses))
    threshold = survey.suppression_threshold
    questions = []
    for question in structure.definition.questions:
        question_id = structure.question_ids[question.key]
        protection = protected.questions.get(question.key) or protected.survey
        if question.key not in protected.questions and not protection.everyone_withheld:
            protection = Protection(everyone_withheld=f"Fewer than {threshold} answered.")
        table = tabulate(cells.get(question_id, {}), catalogue, protection)
        questions.append(_question_result(question, question_id, table))
    return SurveyResults(
        threshold=threshold,
        responses=sum(responses.values()),
        invited=survey.invited and survey.invited["total"],
        by_locality=_rates(survey, responses, catalogue[GroupSplit.LOCALITY], protected.survey),
        questions=questions,
        reasons=_reasons(protected, structure),
        sizes=sizes,
        earlier=earlier,
        protection=protected,
    )


def _reasons(protected: rounds.RoundProtection, structure: Structure) -> list[str]:
    """What is withheld and why, in words, for the secretary: the survey's splits, then each question's own."""
    found = []
    survey = protected.survey
    if survey.everyone_withheld:
        return [f"Every figure withheld: {survey.everyone_withheld[0].lower()}{survey.everyone_withheld[1:]}"]
    found += list(survey.splits_withheld.values())
    for split, reasons in survey.withheld.items():
        if split not in survey.splits_withheld:
            found += [
                f"{group_words.SPLIT_LABELS[split]}: {group_words.label(split, k)}: {r}" for k, r in reasons.items()
            ]
    numbers = structure.definition.numbers
    for question in structure.definition.questions:
        own = protected.questions.get(question.key)
        if own is None or own is survey:
            continue
        prefix = f"Q{numbers[question.key]}"
        if own.everyone_withheld:
            found.append(
                f"{prefix}: every figure withheld: {own.everyone_withheld[0].lower()}{own.everyone_withheld[1:]}"
            )
            continue
        found += [f"{prefix}: {r}" for s, r in own.splits_withheld.items() if s not in survey.splits_withheld]
        for split, reasons in own.withheld.items():
            if split in own.splits_withheld:
                continue
            before = survey.withheld.get(split, {})
            found += [
                f"{prefix}: {group_words.SPLIT_LABELS[split]}: {group_words.label(split, k)}: {r}"
                for k, r in reasons.items()
                if k not in before
            ]
    return found


def _catalogue(survey: Survey, present: list[RespondentGroups]) -> dict[GroupSplit, list[str]]:
    """Each split's groups: those of everyone asked (fixed when the survey opened) and any others answering."""
    asked = (survey.invited or {}).get("groups", {})
    catalogue = {}
    for split in GroupSplit:
        keys = set(asked.get(split.value, [])) | {g.key(split) for g in present}
        catalogue[split] = group_words.order(split, keys)
    return catalogue


def _rates(
    survey: Survey,
    by_atom: dict[RespondentGroups, int],
    localities: list[str],
    protection: Protection,
) -> list[LocalityRate]:
    invited = (survey.invited or {}).get("by_locality", {})
    responses: dict[str, int] = defaultdict(int)
    for groups, n in by_atom.items():
        responses[groups.key(GroupSplit.LOCALITY)] += n
    keys = group_words.order(GroupSplit.LOCALITY, set(localities) | set(invited) | set(responses))
    rates = []
    for key in keys:
        count = None if protection.reason(GroupSplit.LOCALITY, key) else responses.get(key, 0)
        asked = invited.get(key)
        rates.append(
            LocalityRate(
                key,
                group_words.label(GroupSplit.LOCALITY, key),
                asked,
                count,
                percent(count, asked) if count is not None and asked else None,
            )
        )
    return rates


def _question_result(question: Question, question_id: uuid.UUID, table: QuestionTable) -> QuestionResult:
    overall = _figures(question, "ALL", "Everyone", table.overall, table.protection.everyone_withheld)
    splits = {
        split: [
            _figures(question, key, group_words.label(split, key), tally, table.protection.reason(split, key))
            for key, tally in groups.items()
        ]
        for split, groups in table.splits.items()
    }
    return QuestionResult(question, question_id, overall, splits)


def _figures(question: Question, key: str, label: str, tally: Tally | None, reason: str | None = None) -> GroupFigures:
    if tally is None:
        return GroupFigures(key, label, withheld=True, reason=reason)
    n = tally.respondents
    if question.kind == QuestionKind.MATRIX:
        statements = []
        for statement in question.statements:
            counts = {o.key: tally.picks.get((statement.key, o.key), 0) for o in question.scale}
            answered = sum(counts.values())
            statements.append(
                StatementFigures(
                    statement.key,
                    statement.label,
                    answered,
                    _options(question, counts, answered),
                    _agree(question, counts, answered),
                )
            )
        return GroupFigures(key, label, False, n, statements=statements)
    if question.kind == QuestionKind.NUMBER:
        mean, median = _mean_and_median(tally.numbers)
        return GroupFigures(key, label, False, n, mean=mean, median=median)
    counts = {o.key: tally.picks.get(("", o.key), 0) for o in question.scale}
    mean = None
    if question.kind == QuestionKind.RATING and n:
        mean = round(sum(int(k) * c for k, c in counts.items()) / n, 2)
    return GroupFigures(
        key,
        label,
        False,
        n,
        options=_options(question, counts, n),
        mean=mean,
        agree_percent=_agree(question, counts, n),
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


# Free text can give its writer away by its style or its content, so it needs a larger group than a count.
FREE_TEXT_MINIMUM = 10


def free_text_threshold(survey: Survey) -> int:
    return max(survey.suppression_threshold, FREE_TEXT_MINIMUM)


_TEXTS = """
SELECT a.text, r.group_leader
FROM survey_answer a JOIN survey_response r ON r.org_id = a.org_id AND r.id = a.response_id
WHERE a.org_id = $1 AND a.survey_id = $2 AND a.question_id = $3 AND r.status = 'SUBMITTED' AND a.text IS NOT NULL
  AND ($4::boolean IS NULL OR r.group_leader = $4)
ORDER BY a.text, a.response_id
"""
_TEXT_COUNTS = """
SELECT r.group_leader, count(*) FROM survey_answer a JOIN survey_response r ON r.org_id = a.org_id AND r.id =
a.response_id
WHERE a.org_id = $1 AND a.survey_id = $2 AND a.question_id = $3 AND r.status = 'SUBMITTED' AND a.text IS NOT NULL
GROUP BY 1
"""


def _leaders(figures: GroupFigures, split: GroupSplit | None) -> bool | None:
    return None if split is None else figures.key == group_words.LEADERS


async def shown_text_groups(
    db: Db, survey: Survey, result: QuestionResult
) -> list[tuple[GroupSplit | None, GroupFigures]]:
    """The groups whose free text may be shown: everyone, when at least the free-text threshold wrote; leaders
    and others only when both are published and each wrote at least that many (or none), since everyone's
    answers less one group's are the other's. Never by locality, role or list size, which narrow it to practices."""
    if current_status(survey, clock.now()) != SurveyStatus.CLOSED or result.overall.withheld:
        return []
    minimum = free_text_threshold(survey)
    counts = {leader: n for leader, n in await db.records(_TEXT_COUNTS, survey.org_id, survey.id, result.question_id)}
    if sum(counts.values()) < minimum:
        return []
    shown: list[tuple[GroupSplit | None, GroupFigures]] = [(None, result.overall)]
    leadership = result.splits.get(GroupSplit.LEADERSHIP, [])
    if leadership and all(
        not g.withheld and not 0 < counts.get(g.key == group_words.LEADERS, 0) < minimum for g in leadership
    ):
        shown += [(GroupSplit.LEADERSHIP, g) for g in leadership if counts.get(g.key == group_words.LEADERS, 0)]
    return shown


async def text_answers(
    db: Db,
    survey: Survey,
    result: QuestionResult,
    group_key: str | None,
    *,
    first: int,
    offset: int,
) -> TextPage | None:
    """Free-text answers of everyone, or of leaders or others; None when not shown."""
    shown = await shown_text_groups(db, survey, result)
    found = next(((s, g) for s, g in shown if (g.key if s else None) == group_key), None)
    if found is None:
        return None
    leaders = _leaders(found[1], found[0])
    total = (
        await db.records(
            "SELECT count(*) FROM (" + _TEXTS.replace("ORDER BY a.text, a.response_id", "") + ") t",
            survey.org_id,
            survey.id,
            result.question_id,
            leaders,
        )
    )[0][0]
    rows = await db.records(
        _TEXTS + " LIMIT $5 OFFSET $6", survey.org_id, survey.id, result.question_id, leaders, first, offset
    )
    return TextPage(total, [r["text"] for r in rows])


async def every_text_answer(db: Db, survey: Survey, result: QuestionResult) -> dict[str, list[str]]:
    """All the free-text answers that may be shown, by group key ('ALL', 'LEADERS', 'OTHERS'), for the export."""
    groups = await shown_text_groups(db, survey, result)
    if not groups:
        return {}
    rows = await db.records(_TEXTS, survey.org_id, survey.id, result.question_id, None)
    found = {}
    for split, figures in groups:
        leaders = _leaders(figures, split)
        found[figures.key] = [text for text, leader in rows if leaders is None or leader == leaders]
    return found
