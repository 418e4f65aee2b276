"""Drafts kept on the server: a respondent resumes on another device; nobody else (another member, another CCG,
an anonymous caller) reads them; saving again or at once keeps one draft; sending deletes it in the same
transaction, so an anonymous survey keeps nothing tying the person to their answers."""

from __future__ import annotations

import asyncio
import json

import asyncpg

from quorum.database import app_url, connect_kwargs
from quorum.ids import decode
from tests.support import BOLTON_GP, BOLTON_SECRETARY, ISLINGTON_SECRETARY, Caller, as_person, owner_fetch
from tests.surveys.scenario import SUBMIT, answers, complete, open_survey, question_ids

FIONA = "fiona.clarke@demo.quorum.example"
SAVE_DRAFT = """mutation($input: SurveyDraftInput!) {
  saveSurveyDraft(input: $input) { draft { savedAt answers { questionId statementKey choice choices number text } }
                                   errors { field message } } }"""
MY_DRAFT = """query($id: ID!) { node(id: $id) { ... on Survey {
  myDraft { answers { questionId statementKey choice choices number text } } } } }"""


async def drafts_stored(survey_id: str) -> list[dict]:
    key = decode(survey_id)[1]
    rows = await owner_fetch("SELECT person_id, answers FROM survey_draft WHERE survey_id = $1", key)
    return [{"person_id": r["person_id"], "answers": json.loads(r["answers"])} for r in rows]


async def save(caller: Caller, survey: str, given: list[dict]) -> dict:
    return (await caller.data(SAVE_DRAFT, {"input": {"surveyId": survey, "answers": given}}))["saveSurveyDraft"]


async def my_draft(caller: Caller, survey: str) -> dict | None:
    node = (await caller.data(MY_DRAFT, {"id": survey}))["node"]
    return node and node["myDraft"]


async def test_a_draft_resumes_on_a_second_device_and_is_deleted_when_sent(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="ANONYMOUS")
    ids = await question_ids(secretary, survey)
    phone = await as_person(client, BOLTON_GP)
    saved = await save(phone, survey, answers(ids, engaged="AGREE", topics=["finance", "access"], hours=12))
    assert saved["errors"] == []
    laptop = await as_person(client, BOLTON_GP)  # a second sign-in: nothing shared but the person
    assert laptop.token != phone.token
    resumed = await my_draft(laptop, survey)
    assert {a["questionId"]: a for a in resumed["answers"]} == {
        ids["engaged"]: {
            "questionId": ids["engaged"],
            "statementKey": None,
            "choice": "AGREE",
            "choices": None,
            "number": None,
            "text": None,
        },
        ids["topics"]: {
            "questionId": ids["topics"],
            "statementKey": None,
            "choice": None,
            "choices": ["finance", "access"],
            "number": None,
            "text": None,
        },
        ids["hours"]: {
            "questionId": ids["hours"],
            "statementKey": None,
            "choice": None,
            "choices": None,
            "number": 12.0,
            "text": None,
        },
    }
    sent = (await laptop.data(SUBMIT, {"input": {"surveyId": survey, "answers": complete(ids)}}))["submitResponse"]
    assert sent["errors"] == []
    assert await drafts_stored(survey) == []
    assert await my_draft(laptop, survey) is None
    again = await save(phone, survey, answers(ids, engaged="DISAGREE"))
    assert again["draft"] is None and again["errors"] == [
        {"field": None, "message": "You have sent your response, so your answers are no longer kept as a draft."}
    ]
    assert await drafts_stored(survey) == []


async def test_a_failed_submission_keeps_the_draft(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="CONFIDENTIAL")
    ids = await question_ids(secretary, survey)
    gp = await as_person(client, BOLTON_GP)
    assert (await save(gp, survey, answers(ids, engaged="AGREE")))["errors"] == []
    refused = (await gp.data(SUBMIT, {"input": {"surveyId": survey, "answers": answers(ids, engaged="AGREE")}}))[
        "submitResponse"
    ]
    assert refused["errors"] == [{"field": "answers", "message": "Question 2 needs an answer."}]
    assert len(await drafts_stored(survey)) == 1


async def test_repeated_and_concurrent_saves_keep_one_draft(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="ANONYMOUS")
    ids = await question_ids(secretary, survey)
    devices = [await as_person(client, BOLTON_GP) for _ in range(4)]
    for choice in ("AGREE", "NEITHER"):
        assert (await save(devices[0], survey, answers(ids, engaged=choice)))["errors"] == []
    results = await asyncio.gather(
        *(save(device, survey, answers(ids, engaged="DISAGREE", hours=n)) for n, device in enumerate(devices))
    )
    assert all(r["errors"] == [] for r in results)
    stored = await drafts_stored(survey)
    assert len(stored) == 1
    assert len((await my_draft(devices[0], survey))["answers"]) == 2


async def test_nobody_else_reads_or_writes_a_draft(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="ANONYMOUS")
    ids = await question_ids(secretary, survey)
    gp = await as_person(client, BOLTON_GP)
    assert (await save(gp, survey, answers(ids, engaged="AGREE")))["errors"] == []
    # Another member of the same CCG, and the CCG's own secretary, see the survey but not the GP's draft.
    for colleague in (await as_person(client, FIONA), secretary):
        assert await my_draft(colleague, survey) is None
    # Another CCG's secretary and an anonymous caller do not see the survey at all, nor can save a draft on it.
    outsider = await as_person(client, ISLINGTON_SECRETARY)
    assert (await outsider.data(MY_DRAFT, {"id": survey}))["node"] is None
    refused = await save(outsider, survey, answers(ids, engaged="AGREE"))
    assert refused["errors"] == [{"field": "surveyId", "message": "No such survey."}]
    anonymous = Caller(client)
    assert (await anonymous.data(MY_DRAFT, {"id": survey}))["node"] is None
    body = await anonymous.post(SAVE_DRAFT, {"input": {"surveyId": survey, "answers": []}})
    assert body["data"] is None and [e["message"] for e in body["errors"]] == ["Sign in to make changes."]
    stored = await drafts_stored(survey)
    assert len(stored) == 1 and stored[0]["answers"][0]["choice"] == "AGREE"


async def test_bad_answers_are_refused_and_change_nothing(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="ANONYMOUS")
    ids = await question_ids(secretary, survey)
    gp = await as_person(client, BOLTON_GP)
    assert (await save(gp, survey, answers(ids, engaged="AGREE")))["errors"] == []
    refused = await save(gp, survey, answers(ids, engaged="MAYBE"))
    assert refused["draft"] is None
    assert refused["errors"] == [{"field": "answers", "message": "Question 1: 'MAYBE' is not one of its answers."}]
    other_survey = await question_ids(secretary, await open_survey(secretary, "00T"))
    stranger = await save(gp, survey, [{"questionId": other_survey["engaged"], "choice": "DISAGREE"}])
    assert stranger == {
        "draft": None,
        "errors": [{"field": "answers", "message": "An answer names a question that is not part of this survey."}],
    }
    assert (await drafts_stored(survey))[0]["answers"][0]["choice"] == "AGREE"


async def test_beneath_the_api_only_the_person_reads_their_draft_row(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="ANONYMOUS")
    ids = await question_ids(secretary, survey)
    assert (await save(await as_person(client, BOLTON_GP), survey, answers(ids, engaged="AGREE")))["errors"] == []
    gp_id, org_id = (
        await owner_fetch(
            "SELECT p.id, m.org_id FROM person p JOIN membership m ON m.person_id = p.id"
            " JOIN organisation o ON o.id = m.org_id WHERE p.email = $1 AND o.ods_code = '00T' LIMIT 1",
            BOLTON_GP,
        )
    )[0]
    secretary_id = (await owner_fetch("SELECT id FROM person WHERE email = $1", BOLTON_SECRETARY))[0][0]
    conn = await asyncpg.connect(**connect_kwargs(app_url()))
    try:
        for person, expected in ((gp_id, 1), (secretary_id, 0)):
            async with conn.transaction():
                await conn.execute("SELECT set_config('app.person_id', $1, true)", str(person))
                await conn.execute("SELECT set_config('app.org_ids', $1, true)", "{" + str(org_id) + "}")
                await conn.execute("SELECT set_config('app.officer_org_ids', $1, true)", "{" + str(org_id) + "}")
                count = await conn.fetchval("SELECT count(*) FROM survey_draft WHERE survey_id = $1", decode(survey)[1])
                assert count == expected
    finally:
        await conn.close()
