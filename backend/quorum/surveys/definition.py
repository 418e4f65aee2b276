"""A survey's structure (sections, questions, scales, branching) and what makes its answers valid.

Branching shows a section or question only when an earlier answer is one of
some options. A condition may name only a question that comes before it, so a
survey can neither look ahead nor loop, and visibility is settled in one pass.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from quorum.errors import UserError


class QuestionKind(str, enum.Enum):
    AGREEMENT = "AGREEMENT"  # five points plus "don't know"
    SINGLE_CHOICE = "SINGLE_CHOICE"
    MULTIPLE_CHOICE = "MULTIPLE_CHOICE"
    MATRIX = "MATRIX"  # several statements on one scale
    RATING = "RATING"  # 0 to 10
    NUMBER = "NUMBER"
    SHORT_TEXT = "SHORT_TEXT"
    LONG_TEXT = "LONG_TEXT"


@dataclass(frozen=True)
class Option:
    key: str
    label: str


AGREEMENT_SCALE = (
    Option("STRONGLY_AGREE", "Strongly agree"),
    Option("AGREE", "Agree"),
    Option("NEITHER", "Neither agree nor disagree"),
    Option("DISAGREE", "Disagree"),
    Option("STRONGLY_DISAGREE", "Strongly disagree"),
    Option("DONT_KNOW", "Don't know"),
)
AGREEING = frozenset({"STRONGLY_AGREE", "AGREE"})
RATING_SCALE = tuple(Option(str(n), str(n)) for n in range(11))
PICKED_KINDS = frozenset(
    {
        QuestionKind.AGREEMENT,
        QuestionKind.SINGLE_CHOICE,
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.MATRIX,
        QuestionKind.RATING,
    }
)
TEXT_LIMITS = {QuestionKind.SHORT_TEXT: 200, QuestionKind.LONG_TEXT: 5000}
QUESTION_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
OPTION_KEY = re.compile(r"^[A-Za-z0-9_]{1,40}$")
MAX_SECTIONS, MAX_QUESTIONS, MAX_OPTIONS = 50, 200, 30


@dataclass(frozen=True)
class Condition:
    """Show only if the answer to `question_key` (or one statement of it) is any of `any_of`."""

    question_key: str
    any_of: tuple[str, ...]
    statement_key: str | None = None

    def to_data(self) -> dict[str, Any]:
        return {"question_key": self.question_key, "any_of": list(self.any_of), "statement_key": self.statement_key}

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> Condition | None:
        if not data:
            return None
        return cls(data["question_key"], tuple(data["any_of"]), data.get("statement_key"))


@dataclass(frozen=True)
class Question:
    key: str
    kind: QuestionKind
    prompt: str
    help_text: str = ""
    required: bool = False
    options: tuple[Option, ...] = ()
    statements: tuple[Option, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    show_if: Condition | None = None

    @property
    def scale(self) -> tuple[Option, ...]:
        """The answers to pick from (empty for numbers and text)."""
        if self.kind == QuestionKind.AGREEMENT:
            return AGREEMENT_SCALE
        if self.kind == QuestionKind.RATING:
            return RATING_SCALE
        if self.kind == QuestionKind.MATRIX:
            return self.options or AGREEMENT_SCALE
        return self.options

    @property
    def items(self) -> tuple[str, ...]:
        """What is answered separately: each statement of a matrix, or the question itself ('')."""
        return tuple(s.key for s in self.statements) if self.kind == QuestionKind.MATRIX else ("",)

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_LIMITS


@dataclass(frozen=True)
class Section:
    title: str
    description: str = ""
    show_if: Condition | None = None
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class Definition:
    sections: tuple[Section, ...]

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Each question's number as the respondent sees it (1, 2, ...)."""
        return {q.key: n for n, q in enumerate(self.questions, start=1)}

    def question(self, key: str) -> Question | None:
        return self._by_key.get(key)

    @cached_property
    def _by_key(self) -> dict[str, Question]:
        return {q.key: q for q in self.questions}


@dataclass(frozen=True)
class Answer:
    question_key: str
    item: str = ""
    choice: str | None = None
    choices: tuple[str, ...] | None = None
    number: Decimal | None = None
    text: str | None = None

    @property
    def is_blank(self) -> bool:
        return (
            self.choice in (None, "")
            and not self.choices
            and self.number is None
            and (self.text is None or not self.text.strip())
        )

    def picked(self) -> frozenset[str]:
        return frozenset(self.choices or ()) | ({self.choice} if self.choice else frozenset())


def unstorable(*texts: str | None) -> bool:
    """True when text holds a character PostgreSQL cannot store (NUL)."""
    return any(t is not None and "\x00" in t for t in texts)


def definition_errors(definition: Definition) -> list[UserError]:
    """Everything wrong with a survey's structure, so the builder can fix it all at once."""
    errors: list[UserError] = []
    written = [t for s in definition.sections for t in (s.title, s.description)] + [
        t for q in definition.questions for t in (q.prompt, q.help_text, *(o.label for o in q.options + q.statements))
    ]
    if unstorable(*written):
        errors.append(_error("The text contains a character that cannot be stored (NUL); remove it."))
    if len(definition.sections) > MAX_SECTIONS:
        errors.append(_error(f"A survey can have at most {MAX_SECTIONS} sections."))
    if len(definition.questions) > MAX_QUESTIONS:
        errors.append(_error(f"A survey can have at most {MAX_QUESTIONS} questions."))
    seen: dict[str, Question] = {}
    for number, section in enumerate(definition.sections, start=1):
        if len(section.title) > 200 or len(section.description) > 2000:
            errors.append(_error(f"Section {number}: keep the title to 200 characters and the description to 2,000."))
        if section.show_if is not None:
            errors += _condition_errors(f"Section {number}", section.show_if, seen, None)
        for question in section.questions:
            label = f"Question {len(seen) + 1}"
            errors += _question_errors(label, question, seen)
            if question.show_if is not None:
                errors += _condition_errors(label, question.show_if, seen, question.key)
            seen.setdefault(question.key, question)
    return errors


def _question_errors(label: str, question: Question, seen: Mapping[str, Question]) -> list[UserError]:
    errors = []
    if not QUESTION_KEY.match(question.key):
        errors.append(
            _error(f"{label}: its key must start with a lower-case letter and use only a-z, 0-9 and _ (40 at most).")
        )
    elif question.key in seen:
        errors.append(_error(f"{label}: the key {question.key!r} is already used by another question."))
    if not question.prompt.strip() or len(question.prompt) > 1000:
        errors.append(_error(f"{label}: enter the question (1,000 characters or fewer)."))
    if len(question.help_text) > 2000:
        errors.append(_error(f"{label}: keep the help text to 2,000 characters."))
    kind = question.kind
    if kind in (QuestionKind.AGREEMENT, QuestionKind.RATING) and question.options:
        errors.append(_error(f"{label}: {_kind_words(kind)} questions use a fixed scale; leave the options empty."))
    if (
        kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)
        and not 2 <= len(question.options) <= MAX_OPTIONS
    ):
        errors.append(_error(f"{label}: give between 2 and {MAX_OPTIONS} options to choose from."))
    if kind == QuestionKind.MATRIX:
        if not 1 <= len(question.statements) <= MAX_OPTIONS:
            errors.append(_error(f"{label}: give between 1 and {MAX_OPTIONS} statements."))
        if len(question.options) == 1 or len(question.options) > MAX_OPTIONS:
            errors.append(
                _error(f"{label}: give between 2 and {MAX_OPTIONS} scale points, or none for the agreement scale.")
            )
    elif question.statements:
        errors.append(_error(f"{label}: only a matrix question has statements."))
    if kind not in PICKED_KINDS and question.options:
        errors.append(_error(f"{label}: only questions answered from a list have options."))
    errors += _option_errors(label, "option", question.options) + _option_errors(
        label, "statement", question.statements
    )
    if kind == QuestionKind.NUMBER:
        for bound in (question.minimum, question.maximum):
            if bound is not None and not bound.is_finite():
                errors.append(_error(f"{label}: the limits must be numbers."))
        if None not in (question.minimum, question.maximum) and question.minimum > question.maximum:
            errors.append(_error(f"{label}: the minimum must not be more than the maximum."))
    elif question.minimum is not None or question.maximum is not None:
        errors.append(_error(f"{label}: only a number question has a minimum and maximum."))
    return errors


def _option_errors(label: str, noun: str, options: tuple[Option, ...]) -> list[UserError]:
    errors = []
    keys = [o.key for o in options]
    if any(not OPTION_KEY.match(k) for k in keys):
        errors.append(_error(f"{label}: each {noun}'s key uses only letters, digits and _ (40 at most)."))
    if len(set(keys)) != len(keys):
        errors.append(_error(f"{label}: two {noun}s have the same key."))
    if any(not o.label.strip() or len(o.label) > 500 for o in options):
        errors.append(_error(f"{label}: give every {noun} a label (500 characters or fewer)."))
    return errors


def _condition_errors(
    label: str, condition: Condition, earlier: Mapping[str, Question], own_key: str | None
) -> list[UserError]:
    if condition.question_key == own_key:
        return [_error(f"{label}: a question cannot depend on its own answer.")]
    target = earlier.get(condition.question_key)
    if target is None:
        return [
            _error(f"{label}: it can only depend on an earlier question, and {condition.question_key!r} is not one.")
        ]
    if target.kind not in PICKED_KINDS:
        return [_error(f"{label}: it can only depend on a question answered from a list.")]
    if target.kind == QuestionKind.MATRIX and condition.statement_key not in target.items:
        return [_error(f"{label}: name one of the statements of {condition.question_key!r}.")]
    if target.kind != QuestionKind.MATRIX and condition.statement_key is not None:
        return [_error(f"{label}: {condition.question_key!r} has no statements.")]
    scale = {o.key for o in target.scale}
    if not condition.any_of or not set(condition.any_of) <= scale:
        return [
            _error(
                f"{label}: choose which answers to {condition.question_key!r} show it, from that question's options."
            )
        ]
    return []


def shown_questions(definition: Definition, answers: Mapping[tuple[str, str], Answer]) -> set[str]:
    """The questions a respondent sees, given their answers so far (keyed by question and item)."""
    shown: set[str] = set()
    for section in definition.sections:
        if not _met(section.show_if, answers, shown):
            continue
        shown.update(q.key for q in section.questions if _met(q.show_if, answers, shown))
    return shown


def _met(condition: Condition | None, answers: Mapping[tuple[str, str], Answer], shown: set[str]) -> bool:
    if condition is None:
        return True
    if condition.question_key not in shown:
        return False
    answer = answers.get((condition.question_key, condition.statement_key or ""))
    return answer is not None and bool(answer.picked() & set(condition.any_of))


@dataclass
class Review:
    """Answers worth keeping (valid, not blank, on questions the respondent sees) and what is wrong."""

    kept: list[Answer] = field(default_factory=list)
    errors: list[UserError] = field(default_factory=list)


def review(definition: Definition, answers: Iterable[Answer], *, complete: bool) -> Review:
    """Check answers; `complete` also asks for every required question the respondent sees."""
    result = Review()
    valid: dict[tuple[str, str], Answer] = {}
    for answer in answers:
        question = definition.question(answer.question_key)
        label = f"Question {definition.numbers.get(answer.question_key, '?')}"
        if question is None:
            result.errors.append(_answer_error("That question is not part of this survey."))
            continue
        if (answer.question_key, answer.item) in valid:
            result.errors.append(_answer_error(f"{label} is answered twice."))
            continue
        problem = answer_problem(question, answer)
        if problem:
            result.errors.append(_answer_error(f"{label}: {problem}"))
        elif not answer.is_blank:
            valid[(answer.question_key, answer.item)] = answer
    shown = shown_questions(definition, valid)
    result.kept = [a for a in valid.values() if a.question_key in shown]
    if complete:
        answered = {a.question_key for a in result.kept}
        for question in definition.questions:
            if question.key not in shown:
                continue
            label = f"Question {definition.numbers[question.key]}"
            if question.required and question.key not in answered:
                result.errors.append(_answer_error(f"{label} needs an answer."))
            elif question.kind == QuestionKind.MATRIX and question.key in answered:
                missing = [i for i in question.items if (question.key, i) not in valid]
                if missing:
                    result.errors.append(_answer_error(f"{label}: answer every statement, or none."))
    return result


def answer_problem(question: Question, answer: Answer) -> str | None:
    """Why this answer does not fit its question, or None."""
    kind = question.kind
    if answer.item not in question.items:
        return "that statement is not part of the question." if answer.item else "answer each statement separately."
    given = [
        name
        for name, value in (
            ("choice", answer.choice),
            ("choices", answer.choices),
            ("number", answer.number),
            ("text", answer.text),
        )
        if value is not None
    ]
    expected = _expected_field(kind)
    if any(name != expected for name in given):
        return f"give the answer as {expected}."
    if answer.is_blank:
        return None
    scale = {o.key for o in question.scale}
    if expected == "choice" and answer.choice not in scale:
        return f"{answer.choice!r} is not one of its answers."
    if expected == "choices":
        if len(set(answer.choices)) != len(answer.choices):
            return "an option is chosen twice."
        strays = [c for c in answer.choices if c not in scale]
        if strays:
            return f"{strays[0]!r} is not one of its options."
    if expected == "number":
        if not answer.number.is_finite():
            return "give a number."
        if question.minimum is not None and answer.number < question.minimum:
            return f"the answer must be at least {_plain(question.minimum)}."
        if question.maximum is not None and answer.number > question.maximum:
            return f"the answer must be at most {_plain(question.maximum)}."
        if abs(answer.number) >= Decimal("1e15"):
            return "that number is too large."
    if expected == "text" and len(answer.text) > TEXT_LIMITS[kind]:
        return f"keep the answer to {TEXT_LIMITS[kind]:,} characters."
    if expected == "text" and unstorable(answer.text):
        return "the answer contains a character that cannot be stored (NUL)."
    return None


def _expected_field(kind: QuestionKind) -> str:
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return "choices"
    if kind == QuestionKind.NUMBER:
        return "number"
    if kind in TEXT_LIMITS:
        return "text"
    return "choice"


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _kind_words(kind: QuestionKind) -> str:
    return {QuestionKind.AGREEMENT: "Agreement", QuestionKind.RATING: "0 to 10 rating"}.get(kind, kind.value)


def _error(message: str) -> UserError:
    return UserError(field="sections", message=message)


def _answer_error(message: str) -> UserError:
    return UserError(field="answers", message=message)
