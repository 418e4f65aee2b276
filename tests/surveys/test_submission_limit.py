"""Survey responses are rate limited per person, like votes: 429 with Retry-After, and nothing doubled."""

from __future__ import annotations

from quorum.ids import decode
from tests.support import as_person, owner_fetch
from tests.surveys.scenario import SAVE, add_person, complete, open_survey, question_ids

SECRETARY = "hmr.limit.secretary@demo.quorum.example"
RESPONDENT = "hmr.limit.respondent@demo.quorum.example"


async def test_too_many_saves_get_429_and_keep_one_response(client, monkeypatch):
    from quorum import limits

    await add_person(SECRETARY, "Lena Limits", "01D", "BOARD_SECRETARY")
    await add_person(RESPONDENT, "Dr Rita Respondent", "01D", "PRACTICE_REPRESENTATIVE", "P86009")
    secretary = await as_person(client, SECRETARY)
    survey = await open_survey(
        secretary, "01D", anonymity="CONFIDENTIAL", audience={"roles": ["PRACTICE_REPRESENTATIVE"]}
    )
    body = {
        "query": SAVE,
        "variables": {"input": {"surveyId": survey, "answers": complete(await question_ids(secretary, survey))}},
    }
    headers = {"authorization": f"Bearer {(await as_person(client, RESPONDENT)).token}"}
    monkeypatch.setattr(limits, "SUBMISSIONS", limits.RateLimit(limit=2, per_seconds=60))
    replies = [await client.post("/graphql", json=body, headers=headers) for _ in range(3)]

    assert [r.status_code for r in replies] == [200, 200, 429]
    assert all(r.json()["data"]["saveResponse"]["errors"] == [] for r in replies[:2])
    assert replies[2].json()["errors"][0]["message"].startswith("Too many requests; try again in ")
    assert int(replies[2].headers["retry-after"]) >= 1
    stored = await owner_fetch("SELECT count(*) FROM survey_response WHERE survey_id = $1", decode(survey)[1])
    assert stored[0][0] == 1
