"""The survey results hot read answers exactly what the schema answers, for every kind of caller, and its
kept answers are never one caller's view served to another, nor an earlier state of the round."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from quorum import clock
from quorum.surveys.hot import SURVEY_RESULTS
from tests.conftest import ROOT
from tests.support import (
    BOLTON_GP,
    BOLTON_SECRETARY,
    ISLINGTON_SECRETARY,
    MANCHESTER_OFFICER,
    Caller,
    owner_fetch,
    token_for,
)
from tests.surveys import city_and_hackney as ch
from tests.surveys.scenario import (
    CLOSE,
    OPEN,
    PUBLISH,
    complete,
    delegations_covering_revoked,
    open_survey,
    question_ids,
    submit_as,
)
from tests.surveys.test_results import COPY, given_by

# A comment makes the document differ from the hot one, so the schema answers it.
BY_THE_SCHEMA = SURVEY_RESULTS + "\n# answered by the schema\n"
LONDON_OFFICER = "oliver.grant@demo.quorum.example"  # City and Hackney's area team
SPLITS = [None, "LEADERSHIP", "LOCALITY", "ROLE", "LIST_SIZE"]
DAY = timedelta(days=1)  # tokens outlive the moved clock


async def answers(
    caller: Caller, survey_id: str, split: str | None = None
) -> tuple[tuple[dict, int], tuple[dict, int]]:
    headers = {"Authorization": f"Bearer {caller.token}"} if caller.token else {}
    replies = []
    for document in (SURVEY_RESULTS, BY_THE_SCHEMA):
        response = await caller.client.post(
            "/graphql", json={"query": document, "variables": {"id": survey_id, "split": split}}, headers=headers
        )
        assert response.status_code == 200, response.text
        replies.append((response.json(), int(response.headers["x-quorum-sql-statements"])))
    return replies[0], replies[1]


async def same_as_the_schema(caller: Caller, survey_id: str, split: str | None = None) -> dict:
    (hot, _), (schema, _) = await answers(caller, survey_id, split)
    assert hot == schema
    return hot


@pytest.fixture
async def rounds(client, monkeypatch):
    """City and Hackney's first round closed, settled and published, and a second round open with six answers."""
    await ch.add_members()
    secretary = Caller(client, await token_for(ch.SECRETARY, DAY))
    first = await open_survey(secretary, "07T", title="Hot read engagement 2026")
    ids = await question_ids(secretary, first)
    for number, (email, _, _) in enumerate(ch.REPRESENTATIVES):
        assert (await submit_as(client, email, first, given_by(ids, number, email)))["errors"] == []
    assert (await secretary.data(CLOSE, {"id": first}))["closeSurvey"]["errors"] == []
    assert (await secretary.data(PUBLISH, {"id": first, "published": True}))["publishSurveyResults"]["errors"] == []
    copied = (await secretary.data(COPY, {"id": first, "title": "Hot read engagement 2027"}))["copySurveyAsNextRound"]
    second = copied["survey"]["id"]
    assert (await secretary.data(OPEN, {"id": second}))["openSurvey"]["errors"] == []
    later = clock.now() + timedelta(minutes=2)  # the first round is settled
    monkeypatch.setattr(clock, "now", lambda: later)
    second_ids = await question_ids(secretary, second)
    for number, (email, _, _) in enumerate(ch.REPRESENTATIVES[:6]):
        assert (await submit_as(client, email, second, given_by(second_ids, number, email)))["errors"] == []
    return first, second, second_ids


async def callers(client) -> dict[str, Caller]:
    emails = {
        "secretary": ch.SECRETARY,
        "member practice": ch.REPRESENTATIVES[0][0],
        "staff member": ch.STAFF,
        "another CCG's secretary": ISLINGTON_SECRETARY,
        "another CCG's practice": BOLTON_GP,
        "area team": LONDON_OFFICER,
        "another area team": MANCHESTER_OFFICER,
    }
    found = {name: Caller(client, await token_for(email, DAY)) for name, email in emails.items()}
    return {**found, "anonymous": Caller(client)}


async def test_every_caller_gets_the_schemas_answer_for_every_split_of_both_rounds(client, rounds):
    first, second, _ = rounds
    everyone = await callers(client)
    seen: dict[tuple[str, str], dict] = {}
    for survey_id in (first, second):
        for split in SPLITS:
            # The secretary first: her answer, with the reasons only managers see, is kept before the others ask.
            for name, caller in everyone.items():
                answer = await same_as_the_schema(caller, survey_id, split)
                seen[(name, survey_id)] = answer["data"]["node"]
    for survey_id in (first, second):
        assert seen[("another CCG's secretary", survey_id)] is None
        assert seen[("another CCG's practice", survey_id)] is None
        assert seen[("anonymous", survey_id)] is None
        assert seen[("another area team", survey_id)] is None
    assert seen[("area team", first)]["results"] is not None  # published: its area team reads it
    assert seen[("area team", second)] is None
    closed = {name: seen[(name, first)] for name in ("secretary", "member practice", "staff member")}
    assert closed["secretary"]["results"]["withheldReasons"] != []  # the City of London is withheld, and why
    assert closed["member practice"]["results"]["withheldReasons"] == []
    assert closed["member practice"] == closed["staff member"]
    assert closed["secretary"]["viewerCanManage"] and not closed["member practice"]["viewerCanManage"]
    # The second round is not published: its members see it but not its results; it compares with the first.
    assert seen[("member practice", second)]["results"] is None
    open_round = seen[("secretary", second)]["results"]
    assert open_round["provisional"] and open_round["responseCount"] == 5
    assert open_round["questions"][0]["previousRound"]["surveyTitle"] == "Hot read engagement 2026"


async def test_a_kept_answer_is_served_in_fewer_statements(client, rounds):
    first, second, _ = rounds
    secretary = Caller(client, await token_for(ch.SECRETARY, DAY))
    area_team = Caller(client, await token_for(LONDON_OFFICER, DAY))  # reads the published first round
    for caller, survey_id in ((secretary, first), (secretary, second), (area_team, first)):
        await answers(caller, survey_id)  # kept
        (hot, hot_statements), (schema, schema_statements) = await answers(caller, survey_id)
        assert hot == schema and hot["data"]["node"]["results"] is not None
        assert hot_statements < schema_statements


async def test_new_responses_change_the_open_round_s_answer_when_the_count_moves_a_step(client, rounds):
    _, second, ids = rounds
    secretary = Caller(client, await token_for(ch.SECRETARY, DAY))
    counts = [(await same_as_the_schema(secretary, second))["data"]["node"]["results"]["responseCount"]]
    for email, _, _ in ch.REPRESENTATIVES[6:11]:
        assert (await submit_as(client, email, second, complete(ids)))["errors"] == []
        counts.append((await same_as_the_schema(secretary, second))["data"]["node"]["results"]["responseCount"])
    assert counts == [5, 5, 5, 5, 10, 10]  # six sent, then seven to eleven: steps of five


async def test_closing_publishing_and_withdrawing_change_the_answer_at_once(client, rounds, monkeypatch):
    _, second, _ = rounds
    secretary = Caller(client, await token_for(ch.SECRETARY, DAY))
    member = Caller(client, await token_for(ch.REPRESENTATIVES[0][0], DAY))
    area_team = Caller(client, await token_for(LONDON_OFFICER, DAY))
    await same_as_the_schema(secretary, second)
    assert (await secretary.data(PUBLISH, {"id": second, "published": True}))["publishSurveyResults"]["errors"] == []
    assert (await same_as_the_schema(member, second))["data"]["node"]["results"]["provisional"] is True
    assert (await secretary.data(CLOSE, {"id": second}))["closeSurvey"]["errors"] == []
    # Closed but not settled: the schema answers; a minute later the figures are kept.
    closed = (await same_as_the_schema(secretary, second))["data"]["node"]["results"]
    later = clock.now() + timedelta(minutes=2)
    monkeypatch.setattr(clock, "now", lambda: later)
    settled = (await same_as_the_schema(secretary, second))["data"]["node"]["results"]
    assert closed == settled and settled["provisional"] is False and settled["responseCount"] == 6
    assert (await same_as_the_schema(member, second))["data"]["node"]["results"]["withheldReasons"] == []
    assert (await same_as_the_schema(area_team, second))["data"]["node"]["results"] is not None
    assert (await secretary.data(PUBLISH, {"id": second, "published": False}))["publishSurveyResults"]["errors"] == []
    assert (await same_as_the_schema(member, second))["data"]["node"]["results"] is None
    assert (await same_as_the_schema(area_team, second))["data"]["node"] is None
    assert (await same_as_the_schema(secretary, second))["data"]["node"]["results"] == settled


async def test_a_delegated_committee_s_member_reads_until_the_delegation_is_revoked(client):
    secretary = Caller(client, await token_for(BOLTON_SECRETARY))
    survey_id = await open_survey(secretary, "00T", anonymity="CONFIDENTIAL", title="Hot read delegated survey")
    janet = Caller(client, await token_for(MANCHESTER_OFFICER))  # on the joint committee Bolton delegates to
    for _ in range(2):  # the second is kept
        assert (await same_as_the_schema(janet, survey_id))["data"]["node"]["results"]["responseCount"] == 0
    async with delegations_covering_revoked("00T"):
        assert (await same_as_the_schema(janet, survey_id))["data"]["node"] is None


async def test_other_ids_and_variables_are_left_to_the_schema(client, rounds):
    first, _, _ = rounds
    secretary = Caller(client, await token_for(ch.SECRETARY, DAY))
    organisation = (await owner_fetch("SELECT id FROM organisation WHERE ods_code = '07T'"))[0][0]
    from quorum.ids import encode

    for variables in (
        {"id": encode("Organisation", organisation)},
        {"id": "not-an-id"},
        {"id": first, "split": "PRACTICE"},
        {"id": first, "split": "LOCALITY", "extra": 1},
        {"id": 7},
    ):
        replies = []
        for document in (SURVEY_RESULTS, BY_THE_SCHEMA):
            response = await client.post(
                "/graphql",
                json={"query": document, "variables": variables},
                headers={"Authorization": f"Bearer {secretary.token}"},
            )
            replies.append((response.status_code, response.json()))
        assert replies[0] == replies[1], variables


async def test_two_splits_in_one_document_are_the_schema_s_to_answer_and_agree_with_the_hot_ones(client, rounds):
    first, _, _ = rounds
    secretary = Caller(client, await token_for(ch.SECRETARY, DAY))
    both = """query($id: ID!) { node(id: $id) { ... on Survey {
      a: results(split: LOCALITY) { questions { groups { key withheld respondents } } }
      b: results(split: LIST_SIZE) { questions { groups { key withheld respondents } } } } } }"""
    combined = (await secretary.data(both, {"id": first}))["node"]
    for alias, split in (("a", "LOCALITY"), ("b", "LIST_SIZE")):
        hot = (await same_as_the_schema(secretary, first, split))["data"]["node"]["results"]
        assert [
            [{k: g[k] for k in ("key", "withheld", "respondents")} for g in q["groups"]] for q in hot["questions"]
        ] == [q["groups"] for q in combined[alias]["questions"]]


def test_the_frontend_sends_the_hot_document():
    source = (ROOT / "frontend" / "src" / "api" / "surveys.ts").read_text()
    frontend = re.search(r"export const surveyResultsQuery = gql<[^>]*>\(`(.*?)`\);", source, re.DOTALL)
    assert frontend is not None
    assert " ".join(frontend.group(1).split()) == " ".join(SURVEY_RESULTS.split())
