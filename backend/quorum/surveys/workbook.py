"""A survey's results as an .xlsx workbook, withholding exactly what the screen withholds.

Sheets: a summary with the response rate, one sheet per question (everyone,
the previous round, and every split, with withheld groups marked), the raw
responses, and the codes their answers are given in. Raw responses are listed
in an order that says nothing about who answered when. Unless the survey is
named, they carry no names and only those respondent groups that the disclosure
audit allows (`rounds.raw_splits`: every combination present held by at least
`threshold` respondents, and nothing exposed together with the tables), fewer
columns rather than a rare combination, and the sheet says which went; free text
appears only on its question's sheet. While the survey is open the workbook holds
the summary alone, with the response count in steps of the threshold.

Workbooks are written by `quorum.spreadsheets`, so that an answer such as
`=HYPERLINK(...)` is text, never a formula.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from quorum import clock, spreadsheets
from quorum.database import Db
from quorum.surveys import groups as group_words
from quorum.surveys import results, rounds, service
from quorum.surveys.definition import AGREEMENT_SCALE, Option, Question, QuestionKind
from quorum.surveys.groups import GroupSplit, RespondentGroups
from quorum.surveys.tables import Anonymity, Survey

WITHHELD = "Withheld"
ANONYMITY_WORDS = {
    Anonymity.ANONYMOUS: "Anonymous: no response is linked to a person or practice.",
    Anonymity.CONFIDENTIAL: "Confidential: the CCG knows who responded; reports never show who said what.",
    Anonymity.NAMED: "Named: responses are attributed.",
}
RAW_SPLITS = rounds.RAW_SPLITS

# Plain SQL for asyncpg (Db.records): the raw responses are the one big read of an export. Each answer
# arrives with the number of its column, from the (question, item, column) arrays passed in.
_RAW = """
WITH given AS (
    SELECT a.response_id, array_agg(k.col) AS columns,
           array_agg(coalesce(a.choice, array_to_string(a.choices, '|'), a.number::text, a.text)) AS answers
    FROM survey_answer a
    JOIN unnest($3::uuid[], $4::text[], $5::int[]) AS k (question_id, item, col)
      ON k.question_id = a.question_id AND k.item = a.item
    WHERE a.org_id = $1 AND a.survey_id = $2
    GROUP BY a.response_id
)
SELECT r.id, r.group_role, r.group_locality, r.group_leader, r.group_band, g.columns, g.answers
FROM survey_response r LEFT JOIN given g ON g.response_id = r.id
WHERE r.org_id = $1 AND r.survey_id = $2 AND r.status = 'SUBMITTED'
ORDER BY r.id
"""
_NAMES = """
SELECT l.response_id, p.name AS person, pr.name AS practice
FROM survey_respondent l
JOIN person p ON p.id = l.person_id
LEFT JOIN practice pr ON pr.org_id = l.org_id AND pr.id = l.practice_id
WHERE l.org_id = $1 AND l.survey_id = $2
"""


@dataclass(frozen=True)
class AnswerColumn:
    question_id: uuid.UUID
    key: str  # the question's
    item: str
    title: str
    render: Callable[[str], object]  # from the stored value to what the cell shows
    options: tuple[Option, ...] = ()  # coded 1, 2, ... in the cells


@dataclass(frozen=True)
class RawResponse:
    id: uuid.UUID
    groups: RespondentGroups
    values: list  # one per answer column


async def workbook_for(
    db: Db,
    survey: Survey,
    organisation_name: str,
    previous: tuple[Survey, results.SurveyResults] | None,
    explain: bool = False,
) -> bytes:
    structure = await service.structure(db, survey)
    current = await results.survey_results(db, survey, structure)
    if current.provisional:
        return workbook(survey, organisation_name, current, {}, [], [], {}, None, explain)
    texts = {}
    for result in current.questions:
        if result.question.is_text:
            for key, found in (await results.every_text_answer(db, survey, result)).items():
                texts[(result.question.key, key)] = found
    named = survey.anonymity == Anonymity.NAMED
    columns = _answer_columns(structure, named)
    raw = await _raw_responses(db, survey, columns)
    names = {}
    if named:
        respondents = await db.records(_NAMES, survey.org_id, survey.id)
        names = {r["response_id"]: (r["person"], r["practice"] or "") for r in respondents}
    return workbook(survey, organisation_name, current, texts, columns, raw, names, previous, explain)


async def _raw_responses(db: Db, survey: Survey, columns: list[AnswerColumn]) -> list[RawResponse]:
    renders = [c.render for c in columns]
    rows = await db.records(
        _RAW,
        survey.org_id,
        survey.id,
        [c.question_id for c in columns],
        [c.item for c in columns],
        list(range(len(columns))),
    )
    raw = []
    for row in rows:
        values = [None] * len(columns)
        for column, value in zip(row["columns"] or (), row["answers"] or ()):
            values[column] = renders[column](value)
        groups = RespondentGroups(row["group_role"], row["group_locality"], row["group_leader"], row["group_band"])
        raw.append(RawResponse(row["id"], groups, values))
    return raw


def workbook(
    survey: Survey,
    organisation_name: str,
    current: results.SurveyResults,
    texts: dict[tuple[str, str], list[str]],
    columns: list[AnswerColumn],
    raw: list[RawResponse],
    names: dict[uuid.UUID, tuple[str, str]],
    previous: tuple[Survey, results.SurveyResults] | None = None,
    explain: bool = False,
) -> bytes:
    book = spreadsheets.Book()
    _summary(book.sheet("Summary"), survey, organisation_name, current, explain)
    if not current.provisional:
        for number, result in enumerate(current.questions, start=1):
            before = previous and previous[1].question(result.question.key)
            _question_sheet(
                book.sheet(f"Q{number}"), number, result, texts, before and (previous[0].title, before), explain
            )
        _raw_sheet(book.sheet("Responses"), survey, current, columns, raw, names)
        _codes_sheet(book.sheet("Codes"), columns)
    return book.to_bytes()


def _summary(sheet, survey: Survey, organisation_name: str, current: results.SurveyResults, explain: bool) -> None:
    sheet.width("A", 34)
    sheet.width("B", 60)
    sheet.append([sheet.bold(survey.title, 14)])
    sheet.append(["Organisation", organisation_name])
    sheet.append(["Anonymity", ANONYMITY_WORDS[Anonymity(survey.anonymity)]])
    if current.provisional:
        sheet.append([f"Responses (in steps of {current.threshold})", current.responses])
        sheet.append(["Results", rounds.OPEN_REASON])
        return
    sheet.append(["Responses", current.responses])
    if current.invited:
        sheet.append(["Asked", current.invited])
        sheet.append(["Response rate (%)", results.percent(current.responses, current.invited)])
    sheet.append(
        [
            "Withholding",
            f"Groups of fewer than {current.threshold} respondents are shown as {WITHHELD}, with whatever else "
            "(another group, or a whole split) would let a group of fewer than "
            f"{current.threshold} be worked out by combining published figures, including earlier rounds'.",
        ]
    )
    sheet.append(["Exported", clock.now().astimezone(clock.LONDON).strftime("%d %B %Y %H:%M")])
    sheet.append([])
    sheet.append([sheet.bold(h) for h in ("Locality", "Asked", "Responses", "Response rate (%)")])
    for rate in current.by_locality:
        sheet.append([rate.label, rate.invited, WITHHELD if rate.responses is None else rate.responses, rate.percent])
    if explain and current.reasons:
        sheet.append([])
        sheet.append([sheet.bold("What is withheld and why")])
        for reason in current.reasons:
            sheet.append([reason])


def _question_sheet(
    sheet,
    number: int,
    result: results.QuestionResult,
    texts: dict[tuple[str, str], list[str]],
    before: tuple[str, results.QuestionResult] | None,
    explain: bool = False,
) -> None:
    question = result.question
    sheet.width("A", 36)
    sheet.append([sheet.bold(f"Q{number}. {question.prompt}", 12)])
    if question.is_text:
        _text_rows(sheet, result, texts)
        return
    rows = [("Everyone", result.overall)]
    if before:
        rows.append((f"Everyone, previous round ({before[0]})", before[1].overall))
    for split, groups in result.splits.items():
        rows += [(f"{group_words.SPLIT_LABELS[split]}: {g.label}", g) for g in groups]
    if question.kind == QuestionKind.MATRIX:
        for statement in question.statements:
            sheet.append([])
            sheet.append([sheet.bold(statement.label)])
            _figure_rows(sheet, question, rows, statement.key, explain)
    else:
        _figure_rows(sheet, question, rows, None, explain)


def _withheld_row(label: str, figures: results.GroupFigures, explain: bool) -> list:
    return [label, WITHHELD] + ([figures.reason] if explain and figures.reason else [])


def _figure_rows(
    sheet,
    question: Question,
    rows: list[tuple[str, results.GroupFigures]],
    statement: str | None,
    explain: bool,
) -> None:
    if question.kind == QuestionKind.NUMBER:
        sheet.append([sheet.bold(h) for h in ("Group", "Respondents", "Mean", "Median")])
        for label, figures in rows:
            sheet.append(
                _withheld_row(label, figures, explain)
                if figures.withheld
                else [label, figures.respondents, figures.mean, figures.median]
            )
        return
    header = ["Group", "Respondents"]
    for option in question.scale:
        header += [option.label, f"{option.label} (%)"]
    agreement = question.scale == AGREEMENT_SCALE
    header += ["Agree (%)"] if agreement else []
    header += ["Mean"] if question.kind == QuestionKind.RATING else []
    sheet.append([sheet.bold(h) for h in header])
    for label, figures in rows:
        if figures.withheld:
            sheet.append(_withheld_row(label, figures, explain))
            continue
        source = next((s for s in figures.statements if s.key == statement), None) if statement else figures
        line = [label, source.respondents]
        for option in source.options:
            line += [option.count, option.percent]
        line += [source.agree_percent] if agreement else []
        line += [figures.mean] if question.kind == QuestionKind.RATING else []
        sheet.append(line)


def _text_rows(sheet, result: results.QuestionResult, texts: dict[tuple[str, str], list[str]]) -> None:
    groups = [("Everyone", result.overall)] + [
        (g.label, g) for split in results.TEXT_SPLITS for g in result.splits.get(split, [])
    ]
    for label, figures in groups:
        sheet.append([])
        found = texts.get((result.question.key, figures.key))
        if found is None:
            sheet.append([sheet.bold(label), WITHHELD])
            continue
        sheet.append([sheet.bold(label), f"{len(found)} answers"])
        for answer in found:
            sheet.append([answer])


def _raw_sheet(
    sheet,
    survey: Survey,
    current: results.SurveyResults,
    columns: list[AnswerColumn],
    raw: list[RawResponse],
    names: dict[uuid.UUID, tuple[str, str]],
) -> None:
    named = survey.anonymity == Anonymity.NAMED
    threshold = survey.suppression_threshold
    if not named and len(raw) < threshold:
        sheet.append([f"Fewer than {threshold} responses: the responses are withheld."])
        return
    splits = RAW_SPLITS if named else raw_splits(current, {c.key for c in columns})
    if not named and len(splits) < len(RAW_SPLITS):
        left_out = ", ".join(group_words.SPLIT_LABELS[s].lower() for s in RAW_SPLITS if s not in splits)
        sheet.append(
            [
                f"Not shown beside the responses: {left_out}. With them, a combination of groups would hold fewer "
                f"than {threshold} respondents or give a withheld group away."
            ]
        )
    header = (["Respondent", "Practice"] if named else []) + ["Response"]
    header += [group_words.SPLIT_LABELS[s] for s in splits] + [c.title for c in columns]
    sheet.append([sheet.bold(h) for h in header])
    labels = {}  # of each combination of groups, worked out once

    def line(number: int, response: RawResponse) -> list:
        found = list(names.get(response.id, ("", ""))) if named else []
        found.append(number)
        shown = labels.get(response.groups)
        if shown is None:
            shown = labels[response.groups] = [group_words.label(split, response.groups.key(split)) for split in splits]
        return found + shown + response.values

    sheet.block(line(number, response) for number, response in enumerate(raw, start=1))


def raw_splits(current: results.SurveyResults, shown: set[str]) -> tuple[GroupSplit, ...]:
    if current.sizes is None or current.protection is None:
        return ()
    return rounds.raw_splits(current.sizes, current.protection, current.earlier, shown)


def _answer_columns(structure: service.Structure, with_text: bool) -> list[AnswerColumn]:
    """The columns of the raw responses: one per question, one per statement of a matrix. Answers picked
    from a list appear as the option's number (the Codes sheet names them): numbers, not repeated labels,
    keep a 10,000-response sheet quick to write."""
    columns = []
    for number, question in enumerate(structure.definition.questions, start=1):
        if question.is_text and not with_text:
            continue
        question_id, title = structure.question_ids[question.key], f"Q{number} {question.prompt}"
        codes = {o.key: code for code, o in enumerate(question.scale, start=1)}
        if question.kind == QuestionKind.MATRIX:
            columns += [
                AnswerColumn(question_id, question.key, s.key, f"Q{number} {s.label}", codes.get, question.scale)
                for s in question.statements
            ]
        elif question.kind == QuestionKind.MULTIPLE_CHOICE:
            columns.append(
                AnswerColumn(
                    question_id,
                    question.key,
                    "",
                    title,
                    lambda value, codes=codes: "; ".join(str(codes[k]) for k in value.split("|")),
                    question.scale,
                )
            )
        elif question.kind == QuestionKind.NUMBER:
            columns.append(AnswerColumn(question_id, question.key, "", title, float))
        elif question.kind == QuestionKind.RATING:
            columns.append(AnswerColumn(question_id, question.key, "", title, int))
        elif question.is_text:
            columns.append(AnswerColumn(question_id, question.key, "", title, str))
        else:
            columns.append(AnswerColumn(question_id, question.key, "", title, codes.get, question.scale))
    return columns


def _codes_sheet(sheet, columns: list[AnswerColumn]) -> None:
    sheet.width("A", 60)
    sheet.width("C", 40)
    sheet.append([sheet.bold(h) for h in ("Column of Responses", "Code", "Answer")])
    for column in columns:
        for code, option in enumerate(column.options, start=1):
            sheet.append([column.title, code, option.label])
