"""GraphQL types of a survey's results report: figures for everyone and each group, withheld where small."""

from __future__ import annotations

import strawberry

from quorum.errors import ClientError
from quorum.graphql.context import Info
from quorum.surveys import results
from quorum.surveys.graphql.types import GroupSplitEnum, SurveyQuestionNode
from quorum.surveys.groups import SPLIT_LABELS, GroupSplit
from quorum.surveys.tables import Survey

MAX_TEXT_PAGE = 100


@strawberry.type(name="SurveyOptionFigure")
class OptionFigure:
    key: str
    label: str
    count: int
    percent: float


@strawberry.type(name="SurveyStatementFigures")
class StatementFigures:
    key: str
    label: str
    respondents: int
    options: list[OptionFigure]
    agree_percent: float | None


@strawberry.type(
    name="SurveyGroupFigures",
    description="One group's results for one question. A withheld group shows only its label.",
)
class GroupFigures:
    key: str
    label: str
    withheld: bool
    respondents: int | None
    options: list[OptionFigure]
    statements: list[StatementFigures]
    mean: float | None
    median: float | None
    agree_percent: float | None = strawberry.field(description="Strongly agree or agree, as a percentage.")
    withheld_reason: str | None = strawberry.field(
        description=(
            "Why the group is withheld, in words, for the survey's managers; null when shown or for other readers."
        )
    )

    @classmethod
    def of(cls, figures: results.GroupFigures, explain: bool = False) -> GroupFigures:
        return cls(
            withheld_reason=figures.reason if explain and figures.withheld else None,
            key=figures.key,
            label=figures.label,
            withheld=figures.withheld,
            respondents=figures.respondents,
            options=[OptionFigure(**o.__dict__) for o in figures.options],
            statements=[
                StatementFigures(
                    key=s.key,
                    label=s.label,
                    respondents=s.respondents,
                    options=[OptionFigure(**o.__dict__) for o in s.options],
                    agree_percent=s.agree_percent,
                )
                for s in figures.statements
            ],
            mean=figures.mean,
            median=figures.median,
            agree_percent=figures.agree_percent,
        )


@strawberry.type(name="SurveyQuestionComparison")
class QuestionComparison:
    survey_title: str
    overall: GroupFigures
    groups: list[GroupFigures]


@strawberry.type(name="SurveyTextAnswerPage")
class TextAnswerPage:
    total_count: int
    texts: list[str]


@strawberry.type(name="SurveyQuestionResult")
class QuestionResult:
    question: SurveyQuestionNode
    overall: GroupFigures
    groups: list[GroupFigures]
    previous_round: QuestionComparison | None
    survey: strawberry.Private[Survey]
    result: strawberry.Private[results.QuestionResult]
    split: strawberry.Private[GroupSplit | None]

    @strawberry.field(
        description=(
            "Free-text answers, for everyone or (groupKey) for leaders or others only; null where withheld: "
            "while the survey is open, for fewer writers than the free-text threshold, or when leaders or others "
            "would be under it. Never shown by locality, role or list size."
        )
    )
    async def text_answers(
        self, info: Info, group_key: str | None = None, first: int = 20, offset: int = 0
    ) -> TextAnswerPage | None:
        if not self.result.question.is_text:
            return None
        if not 1 <= first <= MAX_TEXT_PAGE or offset < 0:
            raise ClientError(f"'first' must be between 1 and {MAX_TEXT_PAGE}, and 'offset' not negative.")
        page = await results.text_answers(
            info.context.db, self.survey, self.result, group_key, first=first, offset=offset
        )
        return page and TextAnswerPage(total_count=page.total, texts=page.texts)


@strawberry.type(name="SurveyLocalityRate")
class LocalityRate:
    locality: str
    invited: int | None
    responses: int | None = strawberry.field(description="Null when withheld (too few to show).")
    percent: float | None


@strawberry.type
class SurveyResults:
    suppression_threshold: int
    response_count: int = strawberry.field(
        description=("Responses sent; while the survey is open, rounded down to a multiple of the threshold.")
    )
    provisional: bool = strawberry.field(
        description=(
            "The survey is open: only the response count is shown, and it moves in steps of the threshold. Also true, "
            "with no figures, for a closed round whose previous round is still open (the two are audited together)."
        )
    )
    withheld_reasons: list[str] = strawberry.field(
        description=("What is withheld and why, in words, for the survey's managers (empty for other readers).")
    )
    invited_count: int | None
    response_rate: float | None
    by_locality: list[LocalityRate]
    split: GroupSplitEnum | None
    split_label: str | None
    questions: list[QuestionResult]

    @classmethod
    def of(
        cls,
        survey: Survey,
        current: results.SurveyResults,
        split: GroupSplit | None,
        previous: tuple[Survey, results.SurveyResults] | None,
        explain: bool = False,
    ) -> SurveyResults:
        questions = []
        for result in current.questions:
            before = previous and previous[1].question(result.question.key)
            questions.append(
                QuestionResult(
                    question=SurveyQuestionNode.build(result.question, result.question_id, len(questions) + 1),
                    overall=GroupFigures.of(result.overall, explain),
                    groups=[GroupFigures.of(g, explain) for g in result.splits.get(split, [])] if split else [],
                    previous_round=before
                    and QuestionComparison(
                        survey_title=previous[0].title,
                        overall=GroupFigures.of(before.overall),
                        groups=[GroupFigures.of(g) for g in before.splits.get(split, [])] if split else [],
                    ),
                    survey=survey,
                    result=result,
                    split=split,
                )
            )
        return cls(
            suppression_threshold=current.threshold,
            response_count=current.responses,
            invited_count=current.invited,
            provisional=current.provisional,
            withheld_reasons=current.reasons if explain else [],
            response_rate=results.percent(current.responses, current.invited) if current.invited else None,
            by_locality=[
                LocalityRate(locality=r.label, invited=r.invited, responses=r.responses, percent=r.percent)
                for r in current.by_locality
            ],
            split=split,
            split_label=split and SPLIT_LABELS[split],
            questions=questions,
        )
