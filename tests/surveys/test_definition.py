"""A survey's structure and its answers: branching may only look back, hidden answers are neither required nor kept."""

from __future__ import annotations

import uuid
from decimal import Decimal

from quorum.access import Role
from quorum.surveys.audience import Audience, AudienceRole, MemberFacts, PracticeFacts, invitation, respondents
from quorum.surveys.definition import (
    Answer,
    Condition,
    Definition,
    Option,
    Question,
    QuestionKind,
    Section,
    definition_errors,
    review,
    shown_questions,
)
from quorum.surveys.tables import RespondentUnit

K = QuestionKind
YES_NO = (Option("yes", "Yes"), Option("no", "No"))


def survey(*questions: Question, sections: tuple[Section, ...] = ()) -> Definition:
    return Definition(sections or (Section("One", questions=questions),))


def messages(definition: Definition) -> list[str]:
    return [e.message for e in definition_errors(definition)]


ATTENDS = Question("attends", K.SINGLE_CHOICE, "Do you attend locality meetings?", required=True, options=YES_NO)
VALUE = Question(
    "value", K.AGREEMENT, "They are a good use of my time.", required=True, show_if=Condition("attends", ("yes",))
)
BRANCHED = survey(ATTENDS, VALUE)


def test_a_well_formed_survey_has_no_errors():
    assert definition_errors(BRANCHED) == []


def test_a_question_cannot_depend_on_a_later_one():
    assert messages(survey(VALUE, ATTENDS)) == [
        "Question 1: it can only depend on an earlier question, and 'attends' is not one."
    ]


def test_a_question_cannot_depend_on_itself():
    loop = Question("loop", K.SINGLE_CHOICE, "Again?", options=YES_NO, show_if=Condition("loop", ("yes",)))
    assert messages(survey(loop)) == ["Question 1: a question cannot depend on its own answer."]


def test_a_section_can_only_depend_on_a_question_in_an_earlier_section():
    sections = (
        Section("First", questions=(ATTENDS,)),
        Section(
            "Meetings", show_if=Condition("attends", ("yes",)), questions=(Question("often", K.RATING, "How useful?"),)
        ),
    )
    assert definition_errors(Definition(sections)) == []
    inside = (Section("Meetings", show_if=Condition("attends", ("yes",)), questions=(ATTENDS,)),)
    assert messages(Definition(inside)) == [
        "Section 1: it can only depend on an earlier question, and 'attends' is not one."
    ]


def test_conditions_must_name_real_options_of_a_question_answered_from_a_list():
    comment = Question("comment", K.SHORT_TEXT, "Say more")
    on_text = Question("x", K.AGREEMENT, "?", show_if=Condition("comment", ("anything",)))
    unknown_option = Question("y", K.AGREEMENT, "?", show_if=Condition("attends", ("maybe",)))
    assert messages(survey(ATTENDS, comment, on_text, unknown_option)) == [
        "Question 3: it can only depend on a question answered from a list.",
        "Question 4: choose which answers to 'attends' show it, from that question's options.",
    ]


def test_structure_errors_are_all_reported_at_once():
    bad = survey(
        Question("Bad Key", K.SINGLE_CHOICE, " ", options=(Option("a", "A"),)),
        Question("dup", K.AGREEMENT, "One", options=YES_NO),
        Question("dup", K.NUMBER, "Two", minimum=Decimal(5), maximum=Decimal(1)),
    )
    assert messages(bad) == [
        "Question 1: its key must start with a lower-case letter and use only a-z, 0-9 and _ (40 at most).",
        "Question 1: enter the question (1,000 characters or fewer).",
        "Question 1: give between 2 and 30 options to choose from.",
        "Question 2: Agreement questions use a fixed scale; leave the options empty.",
        "Question 3: the key 'dup' is already used by another question.",
        "Question 3: the minimum must not be more than the maximum.",
    ]


def test_a_hidden_question_is_neither_required_nor_kept():
    given = [Answer("attends", choice="no"), Answer("value", choice="AGREE")]
    checked = review(BRANCHED, given, complete=True)
    assert checked.errors == []
    assert checked.kept == [Answer("attends", choice="no")]


def test_a_shown_required_question_must_be_answered_to_submit_but_not_to_save():
    given = [Answer("attends", choice="yes")]
    assert review(BRANCHED, given, complete=False).errors == []
    assert [e.message for e in review(BRANCHED, given, complete=True).errors] == ["Question 2 needs an answer."]


def test_branching_follows_hidden_questions_down_the_chain():
    third = Question("why", K.LONG_TEXT, "Why?", show_if=Condition("value", ("DISAGREE", "STRONGLY_DISAGREE")))
    definition = survey(ATTENDS, VALUE, third)
    answers = {("attends", ""): Answer("attends", choice="no"), ("value", ""): Answer("value", choice="DISAGREE")}
    assert shown_questions(definition, answers) == {"attends"}


def test_answers_must_fit_their_question():
    definition = survey(
        ATTENDS,
        Question("agree", K.AGREEMENT, "Agree?"),
        Question("score", K.RATING, "Score?"),
        Question("topics", K.MULTIPLE_CHOICE, "Topics?", options=YES_NO),
        Question("hours", K.NUMBER, "Hours?", minimum=Decimal(0), maximum=Decimal(100)),
        Question("grid", K.MATRIX, "Grid", statements=(Option("a", "A"), Option("b", "B"))),
        Question("note", K.SHORT_TEXT, "Note"),
    )
    given = [
        Answer("agree", choice="SOMEWHAT"),
        Answer("score", choice="11"),
        Answer("topics", choices=("yes", "yes")),
        Answer("hours", number=Decimal(101)),
        Answer("grid", item="c", choice="AGREE"),
        Answer("note", text="x" * 201),
        Answer("attends", number=Decimal(1)),
        Answer("nowhere", choice="yes"),
    ]
    assert [e.message for e in review(definition, given, complete=False).errors] == [
        "Question 2: 'SOMEWHAT' is not one of its answers.",
        "Question 3: '11' is not one of its answers.",
        "Question 4: an option is chosen twice.",
        "Question 5: the answer must be at most 100.",
        "Question 6: that statement is not part of the question.",
        "Question 7: keep the answer to 200 characters.",
        "Question 1: give the answer as choice.",
        "That question is not part of this survey.",
    ]


def test_a_matrix_is_answered_whole_or_not_at_all_when_sent():
    grid = Question("grid", K.MATRIX, "Grid", statements=(Option("a", "A"), Option("b", "B")))
    partial = [Answer("grid", item="a", choice="AGREE")]
    assert review(survey(grid), partial, complete=False).errors == []
    assert [e.message for e in review(survey(grid), partial, complete=True).errors] == [
        "Question 1: answer every statement, or none."
    ]


PRACTICE = PracticeFacts(id=uuid.uuid4(), name="Brook Lane Surgery", locality="Heywood", list_size=12000)


def test_leaders_are_those_with_a_formal_role_or_a_committee_seat():
    audience = Audience(roles=frozenset({AudienceRole.PRACTICE_REPRESENTATIVE, AudienceRole.GOVERNING_BODY_MEMBER}))
    rep = MemberFacts(uuid.uuid4(), frozenset({Role.PRACTICE_REPRESENTATIVE}), (PRACTICE,), seated=False)
    seated_rep = MemberFacts(uuid.uuid4(), frozenset({Role.PRACTICE_REPRESENTATIVE}), (PRACTICE,), seated=True)
    gp = MemberFacts(
        uuid.uuid4(), frozenset({Role.GOVERNING_BODY_MEMBER, Role.PRACTICE_REPRESENTATIVE}), (PRACTICE,), seated=False
    )
    staff = MemberFacts(uuid.uuid4(), frozenset({Role.STAFF}), (), seated=False)
    found = {m.person_id: respondents(m, audience, RespondentUnit.PERSON) for m in (rep, seated_rep, gp, staff)}
    assert [r.groups.leader for r in found[rep.person_id]] == [False]
    assert [r.groups.leader for r in found[seated_rep.person_id]] == [True]
    assert [(r.groups.role, r.groups.leader, r.groups.locality, r.groups.band) for r in found[gp.person_id]] == [
        ("GOVERNING_BODY_MEMBER", True, "Heywood", "10000_TO_14999")
    ]
    assert found[staff.person_id] == []
    counted = invitation([rep, seated_rep, gp, staff], audience, RespondentUnit.PRACTICE)
    assert counted["total"] == 1 and counted["by_locality"] == {"Heywood": 1}
