"""Copying a round: the CCG's officers copy any of its surveys into a new draft round with the same questions;
nobody else can, and a refused copy writes nothing."""

from __future__ import annotations

from quorum.ids import decode
from tests.support import BOLTON_GP, BOLTON_SECRETARY, ISLINGTON_SECRETARY, Caller, as_person, owner_fetch
from tests.surveys.scenario import QUESTIONS, open_survey

COPY = """mutation($id: ID!) { copySurveyAsNextRound(input: {surveyId: $id}) {
  survey { id status title previousRound { id } sections { questions { key kind showIf { questionKey anyOf } } } }
  errors { field message } } }"""


async def surveys_owned(survey_id: str) -> int:
    org = (await owner_fetch("SELECT org_id FROM survey WHERE id = $1", decode(survey_id)[1]))[0][0]
    return (await owner_fetch("SELECT count(*) FROM survey WHERE org_id = $1", org))[0][0]


async def test_the_secretary_copies_a_round_into_a_new_draft_with_its_questions(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    first = await open_survey(secretary, "00T", title="Engagement 2026")
    copied = (await secretary.data(COPY, {"id": first}))["copySurveyAsNextRound"]
    assert copied["errors"] == []
    survey = copied["survey"]
    assert survey["status"] == "DRAFT" and survey["previousRound"] == {"id": first}
    original = (await secretary.data(QUESTIONS, {"id": first}))["node"]["sections"]
    assert [[q["key"] for q in s["questions"]] for s in survey["sections"]] == [
        [q["key"] for q in s["questions"]] for s in original
    ]
    branching = {q["key"]: q["showIf"] for s in survey["sections"] for q in s["questions"]}
    assert branching["other_detail"] == {"questionKey": "channel", "anyOf": ["other"]}


async def test_nobody_but_the_ccg_s_officers_can_copy_a_round(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    first = await open_survey(secretary, "00T")
    before = await surveys_owned(first)
    for outsider, error in (
        (await as_person(client, ISLINGTON_SECRETARY), {"field": "surveyId", "message": "No such survey."}),
        (
            await as_person(client, BOLTON_GP),
            {"field": None, "message": "Only the CCG's board secretary or an administrator can change its surveys."},
        ),
    ):
        refused = (await outsider.data(COPY, {"id": first}))["copySurveyAsNextRound"]
        assert refused == {"survey": None, "errors": [error]}
    body = await Caller(client).post(COPY, {"id": first})
    assert body["data"] is None and [e["message"] for e in body["errors"]] == ["Sign in to make changes."]
    assert await surveys_owned(first) == before
