"""The template library: surveys a CCG copies and edits as its own.

"Member ownership and engagement" follows the questions the King's Fund asked
CCG members (Naylor and others, 2013 and 2015), which found 66% of leaders but
35% of members without a formal role felt the CCG was owned by its members,
and 81% against 38% that its decisions reflected members' views. Its results
are meant to be read split into leaders and others, and round against round.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from quorum.surveys.audience import Audience, AudienceRole
from quorum.surveys.definition import Condition, Definition, Option, Question, QuestionKind, Section
from quorum.surveys.tables import Anonymity, RespondentUnit

K = QuestionKind


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    description: str
    anonymity: Anonymity
    respondent_unit: RespondentUnit
    audience: Audience
    definition: Definition


def _options(*pairs: tuple[str, str]) -> tuple[Option, ...]:
    return tuple(Option(k, label) for k, label in pairs)


MEMBER_OWNERSHIP = Template(
    key="member_ownership",
    title="Member ownership and engagement",
    description=(
        "How far do member practices feel they own the CCG and can influence it? Your answers are anonymous: "
        "results are shown only for groups of five or more."
    ),
    anonymity=Anonymity.ANONYMOUS,
    respondent_unit=RespondentUnit.PERSON,
    audience=Audience(
        roles=frozenset(
            {
                AudienceRole.PRACTICE_REPRESENTATIVE,
                AudienceRole.GOVERNING_BODY_MEMBER,
                AudienceRole.COMMITTEE_MEMBER,
            }
        )
    ),
    definition=Definition(
        (
            Section(
                title="Ownership and influence",
                questions=(
                    Question(
                        key="ownership",
                        kind=K.MATRIX,
                        required=True,
                        prompt="How far do you agree with these statements about the CCG?",
                        statements=_options(
                            ("owned", "The CCG is owned by its member practices."),
                            ("reflects_views", "The CCG's decisions reflect the views of member practices."),
                            ("influence", "I can influence the CCG's decisions."),
                            ("informed", "My practice is kept well informed about the CCG's work."),
                            ("accountable", "The CCG's leaders are accountable to member practices."),
                        ),
                    ),
                    Question(
                        key="engaged",
                        kind=K.AGREEMENT,
                        required=True,
                        prompt="Overall, I feel engaged with the work of the CCG.",
                    ),
                    Question(
                        key="recommend",
                        kind=K.RATING,
                        required=True,
                        prompt="How likely are you to recommend getting involved in the CCG's work to a colleague?",
                        help_text="0 means not at all likely, 10 extremely likely.",
                    ),
                ),
            ),
            Section(
                title="How you take part",
                questions=(
                    Question(
                        key="taken_part",
                        kind=K.MULTIPLE_CHOICE,
                        prompt="Which of these have you taken part in during the last 12 months?",
                        help_text="Choose all that apply.",
                        options=_options(
                            ("council", "Council of members meetings"),
                            ("locality", "Locality meetings"),
                            ("committee", "A CCG committee or working group"),
                            ("consultation", "A consultation or survey by the CCG"),
                            ("none", "None of these"),
                        ),
                    ),
                    Question(
                        key="locality_meetings",
                        kind=K.SINGLE_CHOICE,
                        required=True,
                        prompt="How often do you go to locality meetings?",
                        options=_options(("regularly", "Regularly"), ("sometimes", "Sometimes"), ("never", "Never")),
                    ),
                    Question(
                        key="locality_value",
                        kind=K.AGREEMENT,
                        required=True,
                        prompt="Locality meetings are a good use of my time.",
                        show_if=Condition("locality_meetings", ("regularly", "sometimes")),
                    ),
                    Question(
                        key="hours",
                        kind=K.NUMBER,
                        minimum=Decimal(0),
                        maximum=Decimal(200),
                        prompt="Roughly how many hours a month do you spend on CCG business?",
                    ),
                    Question(
                        key="hears_from",
                        kind=K.SINGLE_CHOICE,
                        prompt="Where do you mainly hear about the CCG's decisions?",
                        options=_options(
                            ("meetings", "Council or locality meetings"),
                            ("bulletin", "The CCG's bulletin or emails"),
                            ("colleagues", "Colleagues"),
                            ("website", "The CCG's website"),
                            ("nowhere", "I rarely hear about them"),
                        ),
                    ),
                ),
            ),
            Section(
                title="Your views",
                questions=(
                    Question(
                        key="priority",
                        kind=K.SHORT_TEXT,
                        prompt="In a few words, what should the CCG's first priority be?",
                    ),
                    Question(
                        key="one_change",
                        kind=K.LONG_TEXT,
                        prompt="What one change would make you feel more ownership of the CCG?",
                    ),
                ),
            ),
        )
    ),
)

TEMPLATES = {t.key: t for t in (MEMBER_OWNERSHIP,)}
