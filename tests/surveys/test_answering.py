"""Answering: save and resume, submit, change until the close when allowed; branching; bad input refused
with nothing written; one response each (or per practice)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quorum import clock
from quorum.ids import decode, encode
from tests.support import BOLTON_GP, BOLTON_SECRETARY, ISLINGTON_GP, Caller, as_person, owner_fetch, token_for
from tests.surveys.scenario import (
    SAVE,
    SUBMIT,
    add_person,
    answers,
    assert_tallies_match,
    complete,
    open_survey,
    question_ids,
    submit_as,
)

FIONA = "fiona.clarke@demo.quorum.example"
MARGARET = "margaret.lowe@demo.quorum.example"
SECOND_REP = "bolton.partner@demo.quorum.example"  # a second representative of Rajesh's practice, P82001
TWO_PRACTICES = "bolton.locum@demo.quorum.example"  # represents P82003 and P82004
MINE = """query($id: ID!, $token: String) { node(id: $id) { ... on Survey {
  viewerAnswersAs { hasResponded practice { odsCode } }
  myResponse(token: $token) { status canChange practice { odsCode } answers { questionId statementKey choice choices number text } } } } }"""


@pytest.fixture(scope="module", autouse=True)
async def representatives():
    await add_person(SECOND_REP, "Dr Sana Partner", "00T", "PRACTICE_REPRESENTATIVE", "P82001")
    await add_person(TWO_PRACTICES, "Dr Lou Locum", "00T", "PRACTICE_REPRESENTATIVE", "P82003")
    await add_person(TWO_PRACTICES, "Dr Lou Locum", "00T", "PRACTICE_REPRESENTATIVE", "P82004")


async def stored(survey_id: str) -> dict[str, int]:
    key = decode(survey_id)[1]
    counts = {}
    for table in ("survey_response", "survey_answer", "survey_respondent", "survey_participation"):
        counts[table] = (await owner_fetch(f"SELECT count(*) FROM {table} WHERE survey_id = $1", key))[0][0]
    counts["submitted"] = (
        await owner_fetch("SELECT count(*) FROM survey_response WHERE survey_id = $1 AND status = 'SUBMITTED'", key)
    )[0][0]
    return counts


async def test_save_resume_then_submit_a_named_survey(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="NAMED")
    ids = await question_ids(secretary, survey)
    fiona = await as_person(client, FIONA)
    saved = (await fiona.data(SAVE, {"input": {"surveyId": survey, "answers": answers(ids, engaged="AGREE")}}))[
        "saveResponse"
    ]
    assert saved["errors"] == [] and saved["resumeToken"] is None
    assert saved["response"]["status"] == "DRAFT" and saved["response"]["canChange"] is True

    mine = (await fiona.data(MINE, {"id": survey}))["node"]
    assert mine["myResponse"]["answers"] == [
        {
            "questionId": ids["engaged"],
            "statementKey": None,
            "choice": "AGREE",
            "choices": None,
            "number": None,
            "text": None,
        }
    ]
    assert mine["viewerAnswersAs"] == [{"hasResponded": False, "practice": None}]

    sent = await fiona.data(
        SUBMIT, {"input": {"surveyId": survey, "answers": complete(ids, hours=4.5, topics=["finance", "access"])}}
    )
    assert sent["submitResponse"]["errors"] == []
    assert sent["submitResponse"]["response"]["status"] == "SUBMITTED"
    assert sent["submitResponse"]["response"]["canChange"] is False
    assert (await fiona.data(MINE, {"id": survey}))["node"]["viewerAnswersAs"] == [
        {"hasResponded": True, "practice": None}
    ]

    before = await stored(survey)
    again = await fiona.data(SUBMIT, {"input": {"surveyId": survey, "answers": complete(ids, engaged="DISAGREE")}})
    assert again["submitResponse"]["errors"] == [
        {"field": None, "message": "You have already responded to this survey, and it does not allow changes."}
    ]
    assert await stored(survey) == before
    audit = await owner_fetch(
        "SELECT a.action, a.after::text AS after FROM audit_entry a JOIN person p ON p.id = a.actor_person_id"
        " WHERE p.email = $1 AND a.entity_type = 'SurveySubmission' AND a.entity_id = $2",
        FIONA,
        decode(survey)[1],
    )
    assert [a["action"] for a in audit] == ["survey.respond"]
    assert "AGREE" not in audit[0]["after"]  # who responded, never what they said


async def test_where_the_survey_allows_it_a_sent_response_is_changed_not_repeated(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="CONFIDENTIAL", allowEditsAfterSubmit=True)
    ids = await question_ids(secretary, survey)
    assert (await submit_as(client, BOLTON_GP, survey, complete(ids, engaged="DISAGREE")))["errors"] == []
    changed = await submit_as(client, BOLTON_GP, survey, complete(ids, engaged="STRONGLY_AGREE"))
    assert changed["errors"] == [] and changed["response"]["canChange"] is True
    assert {a["choice"] for a in changed["response"]["answers"] if a["questionId"] == ids["engaged"]} == {
        "STRONGLY_AGREE"
    }
    assert (await stored(survey))["survey_response"] == 1
    await assert_tallies_match(survey)  # counted out before the change, in after it: never twice
    gp = await as_person(client, BOLTON_GP)
    draft_after_sending = (await gp.data(SAVE, {"input": {"surveyId": survey, "answers": []}}))["saveResponse"]
    assert draft_after_sending["errors"] == [
        {"field": None, "message": "Your response has been sent; submit it again to change it."}
    ]


async def test_a_hidden_question_is_neither_required_nor_stored(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="NAMED")
    ids = await question_ids(secretary, survey)
    sent = await submit_as(client, FIONA, survey, complete(ids, channel="meetings", other_detail="The local paper"))
    assert sent["errors"] == []
    assert ids["other_detail"] not in {a["questionId"] for a in sent["response"]["answers"]}
    assert await owner_fetch("SELECT 1 FROM survey_answer WHERE question_id = $1", decode(ids["other_detail"])[1]) == []

    margaret = await as_person(client, MARGARET)
    shown_but_empty = complete(ids, channel="other")
    refused = (await margaret.data(SUBMIT, {"input": {"surveyId": survey, "answers": shown_but_empty}}))[
        "submitResponse"
    ]
    assert refused["errors"] == [{"field": "answers", "message": "Question 3 needs an answer."}]
    saved = (await margaret.data(SAVE, {"input": {"surveyId": survey, "answers": shown_but_empty}}))["saveResponse"]
    assert saved["errors"] == [] and saved["response"]["status"] == "DRAFT"


BAD_ANSWERS = [
    (lambda ids: complete(ids, engaged="SOMEWHAT"), "Question 1: 'SOMEWHAT' is not one of its answers."),
    (lambda ids: complete(ids, recommend=11), "Question 4: '11' is not one of its answers."),
    (lambda ids: complete(ids, hours=101), "Question 7: the answer must be at most 100."),
    (lambda ids: complete(ids, topics=["finance", "parking"]), "Question 5: 'parking' is not one of its options."),
    (
        lambda ids: complete(ids) + [{"questionId": ids["views"], "statementKey": "speed", "choice": "AGREE"}],
        "Question 6: that statement is not part of the question.",
    ),
    (lambda ids: complete(ids) + [{"questionId": ids["engaged"], "number": 3}], "Question 1 is answered twice."),
    (lambda ids: [{"questionId": ids["hours"], "choice": "3"}], "Question 7: give the answer as number."),
    (lambda ids: [{"questionId": "not-an-id", "choice": "AGREE"}], "That is not a valid SurveyQuestion ID."),
]


@pytest.mark.parametrize(("build", "message"), BAD_ANSWERS)
@pytest.mark.parametrize("mutation", [SAVE, SUBMIT])
async def test_bad_answers_are_refused_and_nothing_is_written(client, build, message, mutation):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="ANONYMOUS")
    ids = await question_ids(secretary, survey)
    before = await stored(survey)
    result = await (await as_person(client, FIONA)).data(
        mutation, {"input": {"surveyId": survey, "answers": build(ids)}}
    )
    payload = result["saveResponse" if mutation == SAVE else "submitResponse"]
    assert payload["response"] is None and payload["resumeToken"] is None
    assert {"field": "answers", "message": message} in payload["errors"]
    assert await stored(survey) == before


async def test_an_answer_to_another_survey_s_question_is_refused_and_nothing_is_written(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="CONFIDENTIAL")
    other = await open_survey(secretary, "00T", anonymity="CONFIDENTIAL", title="Another survey")
    ids, other_ids = await question_ids(secretary, survey), await question_ids(secretary, other)
    given = complete(ids)
    given[0]["questionId"] = other_ids["engaged"]
    before, before_other = await stored(survey), await stored(other)
    refused = await submit_as(client, FIONA, survey, given)
    assert refused["errors"] == [
        {"field": "answers", "message": "An answer names a question that is not part of this survey."}
    ]
    assert (await stored(survey), await stored(other)) == (before, before_other)


async def test_a_second_anonymous_response_is_refused_and_nothing_is_written(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="ANONYMOUS")
    ids = await question_ids(secretary, survey)
    gp = await as_person(client, BOLTON_GP)
    first = (await gp.data(SAVE, {"input": {"surveyId": survey, "answers": complete(ids)}}))["saveResponse"]
    second = (await gp.data(SAVE, {"input": {"surveyId": survey, "answers": complete(ids)}}))["saveResponse"]
    assert first["resumeToken"] and second["resumeToken"] and first["resumeToken"] != second["resumeToken"]
    sent = await gp.data(
        SUBMIT, {"input": {"surveyId": survey, "token": first["resumeToken"], "answers": complete(ids)}}
    )
    assert sent["submitResponse"]["errors"] == []
    before = await stored(survey)
    assert before["submitted"] == 1 and before["survey_participation"] == 1
    for token in (second["resumeToken"], None):
        refused = await gp.data(SUBMIT, {"input": {"surveyId": survey, "token": token, "answers": complete(ids)}})
        assert refused["submitResponse"]["errors"] == [
            {"field": None, "message": "You have already responded to this survey."}
        ]
    assert await stored(survey) == before


async def test_one_response_per_practice_whoever_represents_it(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    practice_only = {"respondentUnit": "PRACTICE", "audience": {"roles": ["PRACTICE_REPRESENTATIVE"]}}
    confidential = await open_survey(secretary, "00T", anonymity="CONFIDENTIAL", **practice_only)
    ids = await question_ids(secretary, confidential)
    sent = await submit_as(client, BOLTON_GP, confidential, complete(ids))
    assert sent["errors"] == []
    before = await stored(confidential)
    practice = (await owner_fetch("SELECT name FROM practice WHERE ods_code = 'P82001'"))[0][0]
    refused = await submit_as(client, SECOND_REP, confidential, complete(ids))
    assert refused["errors"] == [
        {"field": "practiceId", "message": f"Another representative of {practice} has already started its response."}
    ]
    assert await stored(confidential) == before

    anonymous = await open_survey(secretary, "00T", anonymity="ANONYMOUS", **practice_only)
    ids = await question_ids(secretary, anonymous)
    assert (await submit_as(client, BOLTON_GP, anonymous, complete(ids)))["errors"] == []
    before = await stored(anonymous)
    refused = await submit_as(client, SECOND_REP, anonymous, complete(ids))
    assert refused["errors"] == [
        {"field": "practiceId", "message": f"{practice} has already responded to this survey."}
    ]
    assert await stored(anonymous) == before


async def test_a_representative_of_two_practices_says_which_one_they_answer_for(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(
        secretary, "00T", anonymity="NAMED", respondentUnit="PRACTICE", audience={"roles": ["PRACTICE_REPRESENTATIVE"]}
    )
    ids = await question_ids(secretary, survey)
    locum = await as_person(client, TWO_PRACTICES)
    assert {a["practice"]["odsCode"] for a in (await locum.data(MINE, {"id": survey}))["node"]["viewerAnswersAs"]} == {
        "P82003",
        "P82004",
    }
    unsure = (await locum.data(SUBMIT, {"input": {"surveyId": survey, "answers": complete(ids)}}))["submitResponse"]
    assert unsure["errors"] == [
        {"field": "practiceId", "message": "Choose which of your practices you are answering for."}
    ]
    practice = (await owner_fetch("SELECT id FROM practice WHERE ods_code = 'P82004'"))[0][0]
    sent = (
        await locum.data(
            SUBMIT,
            {"input": {"surveyId": survey, "answers": complete(ids), "practiceId": encode("Practice", practice)}},
        )
    )["submitResponse"]
    assert sent["errors"] == []
    answered_as = (await locum.data(MINE, {"id": survey}))["node"]["viewerAnswersAs"]
    assert {a["practice"]["odsCode"]: a["hasResponded"] for a in answered_as} == {"P82003": False, "P82004": True}


async def test_only_those_the_survey_asks_may_answer(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="NAMED", audience={"roles": ["PRACTICE_REPRESENTATIVE"]})
    ids = await question_ids(secretary, survey)
    before = await stored(survey)
    lay_member = await submit_as(client, MARGARET, survey, complete(ids))
    assert lay_member["errors"] == [
        {"field": "surveyId", "message": "This survey is not for you: it asks other members of the CCG."}
    ]
    outsider = await submit_as(client, ISLINGTON_GP, survey, complete(ids))
    assert outsider["errors"] == [{"field": "surveyId", "message": "No such survey."}]
    assert await stored(survey) == before


async def test_after_the_closing_time_the_survey_is_closed(client, monkeypatch):
    secretary = await as_person(client, BOLTON_SECRETARY)
    closes = datetime.now(UTC) + timedelta(hours=1)
    survey = await open_survey(secretary, "00T", anonymity="NAMED", closesAt=closes.isoformat())
    ids = await question_ids(secretary, survey)
    fiona = Caller(client, await token_for(FIONA, ttl=timedelta(days=1)))  # outlives the moved clock
    monkeypatch.setattr(clock, "now", lambda: closes + timedelta(seconds=1))
    status = await fiona.data("query($id: ID!) { node(id: $id) { ... on Survey { status } } }", {"id": survey})
    assert status["node"]["status"] == "CLOSED"
    refused = (await fiona.data(SUBMIT, {"input": {"surveyId": survey, "answers": complete(ids)}}))["submitResponse"]
    assert refused["errors"] == [{"field": "surveyId", "message": "This survey has closed."}]


async def test_my_surveys_lists_the_open_surveys_that_ask_me(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    for_reps = await open_survey(
        secretary,
        "00T",
        anonymity="ANONYMOUS",
        audience={"roles": ["PRACTICE_REPRESENTATIVE"]},
        title="For representatives",
    )
    query = "{ mySurveys { id title viewerAnswersAs { hasResponded } } }"
    fiona = [s["id"] for s in (await (await as_person(client, FIONA)).data(query))["mySurveys"]]
    margaret = [s["id"] for s in (await (await as_person(client, MARGARET)).data(query))["mySurveys"]]
    assert for_reps in fiona and for_reps not in margaret
    assert (await (await as_person(client, ISLINGTON_GP)).data(query))["mySurveys"] == []
