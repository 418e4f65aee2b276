"""Tenancy: another CCG's users and anonymous callers reach neither a survey's responses nor its results;
an area team sees them only through a live delegation or a published report."""

from __future__ import annotations

import asyncpg
import pytest

from quorum.database import app_url, connect_kwargs
from quorum.ids import decode, encode
from tests.support import (
    BOLTON_GP,
    BOLTON_SECRETARY,
    ISLINGTON_SECRETARY,
    MANCHESTER_OFFICER,
    Caller,
    as_person,
    assert_asked_to_sign_in,
    owner_fetch,
)
from tests.surveys import city_and_hackney as ch
from tests.surveys.scenario import (
    PUBLISH,
    SAVE,
    complete,
    delegations_covering_revoked,
    open_survey,
    question_ids,
    submit_as,
)

FIONA = "fiona.clarke@demo.quorum.example"
LONDON_OFFICER = "oliver.grant@demo.quorum.example"
SEEN = """query($id: ID!) { node(id: $id) { ... on Survey { title resultsExportUrl
  results { responseCount questions { overall { withheld } } } } } }"""
LISTED = "{ surveys(first: 100) { edges { node { id } } } }"


async def bolton_survey(client) -> tuple[str, dict[str, str]]:
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="CONFIDENTIAL")
    ids = await question_ids(secretary, survey)
    for email in (BOLTON_GP, FIONA):
        assert (await submit_as(client, email, survey, complete(ids)))["errors"] == []
    return survey, ids


async def seen(caller: Caller, survey: str) -> dict | None:
    return (await caller.data(SEEN, {"id": survey}))["node"]


async def listed(caller: Caller) -> set[str]:
    return {e["node"]["id"] for e in (await caller.data(LISTED))["surveys"]["edges"]}


async def export_status(client, caller: Caller, survey: str) -> int:
    headers = {"authorization": f"Bearer {caller.token}"} if caller.token else {}
    return (await client.get(f"/exports/survey-results.xlsx?survey={survey}", headers=headers)).status_code


async def test_another_ccg_s_users_and_anonymous_callers_reach_nothing(client):
    survey, ids = await bolton_survey(client)
    for outsider in (await as_person(client, ISLINGTON_SECRETARY), Caller(client)):
        assert await seen(outsider, survey) is None
        assert survey not in await listed(outsider)
        assert await export_status(client, outsider, survey) == 404
        if outsider.token is None:
            await assert_asked_to_sign_in(client, SAVE, {"input": {"surveyId": survey, "answers": complete(ids)}})
        else:
            refused = (await outsider.data(SAVE, {"input": {"surveyId": survey, "answers": complete(ids)}}))[
                "saveResponse"
            ]
            assert refused["errors"] == [{"field": "surveyId", "message": "No such survey."}]
        question = await outsider.data("query($id: ID!) { node(id: $id) { id } }", {"id": ids["engaged"]})
        assert question["node"] is None


async def test_beneath_the_api_another_ccg_s_settings_show_no_survey_rows(client):
    survey, _ = await bolton_survey(client)
    islington = (await owner_fetch("SELECT id FROM organisation WHERE ods_code = '08H'"))[0][0]
    conn = await asyncpg.connect(**connect_kwargs(app_url()))
    try:
        async with conn.transaction():
            for name in ("org_ids", "officer_org_ids", "directory_org_ids"):
                await conn.execute("SELECT set_config($1, $2, true)", f"app.{name}", "{" + str(islington) + "}")
            key = decode(survey)[1]
            for table in ("survey", "survey_question", "survey_response", "survey_answer", "survey_respondent"):
                column = "id" if table == "survey" else "survey_id"
                assert await conn.fetchval(f"SELECT count(*) FROM {table} WHERE {column} = $1", key) == 0, table
    finally:
        await conn.close()


async def test_members_of_the_ccg_see_the_survey_but_not_its_unpublished_results(client):
    survey, _ = await bolton_survey(client)
    fiona = await as_person(client, FIONA)
    found = await seen(fiona, survey)
    assert found["title"] == "Member engagement" and found["results"] is None and found["resultsExportUrl"] is None
    assert await export_status(client, fiona, survey) == 404
    secretary = await as_person(client, BOLTON_SECRETARY)
    assert (await seen(secretary, survey))["results"]["responseCount"] == 0  # two sent: under one step of five


async def test_an_area_team_sees_results_through_a_live_delegation_and_not_without_it(client):
    survey, _ = await bolton_survey(client)
    janet = await as_person(
        client, MANCHESTER_OFFICER
    )  # sits on the joint committee holding a delegation covering Bolton
    assert (await seen(janet, survey))["results"]["responseCount"] == 0  # open: counted in steps of five
    assert await export_status(client, janet, survey) == 200
    oliver = await as_person(client, LONDON_OFFICER)
    assert await seen(oliver, survey) is None
    async with delegations_covering_revoked("00T"):
        assert await seen(janet, survey) is None
        assert await export_status(client, janet, survey) == 404


@pytest.fixture
async def city_and_hackney():
    await ch.add_members()


async def test_an_area_team_reads_a_published_report_of_its_own_ccgs_only(client, city_and_hackney):
    secretary = await as_person(client, ch.SECRETARY)
    survey = await open_survey(secretary, "07T", anonymity="ANONYMOUS", title="Published engagement survey")
    ids = await question_ids(secretary, survey)
    for email, _, _ in ch.REPRESENTATIVES[:6]:
        assert (await submit_as(client, email, survey, complete(ids)))["errors"] == []
    oliver = await as_person(client, LONDON_OFFICER)  # London area team: City and Hackney's
    janet = await as_person(client, MANCHESTER_OFFICER)
    islington = await as_person(client, ISLINGTON_SECRETARY)  # another CCG of the same area team
    representative = await as_person(client, ch.REPRESENTATIVES[0][0])
    for caller in (oliver, janet, islington):
        assert await seen(caller, survey) is None
    assert (await seen(representative, survey))["results"] is None

    published = (await secretary.data(PUBLISH, {"id": survey, "published": True}))["publishSurveyResults"]
    assert published == {"survey": {"resultsPublished": True}, "errors": []}
    assert (await seen(oliver, survey))["results"][
        "responseCount"
    ] == 5  # six sent, counted in steps of five while open
    assert await export_status(client, oliver, survey) == 200
    assert (await seen(representative, survey))["results"]["responseCount"] == 5
    assert await seen(janet, survey) is None and await seen(islington, survey) is None

    withdrawn = (await secretary.data(PUBLISH, {"id": survey, "published": False}))["publishSurveyResults"]
    assert withdrawn["errors"] == []
    assert await seen(oliver, survey) is None


SURVEY_TABLES = [
    "survey",
    "survey_section",
    "survey_question",
    "survey_response",
    "survey_answer",
    "survey_respondent",
    "survey_participation",
    "survey_tally",
]


async def test_every_survey_table_has_forced_row_level_security_and_the_app_cannot_write_tallies():
    rows = await owner_fetch(
        "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1::text[])",
        SURVEY_TABLES,
    )
    assert {r["relname"]: (r["relrowsecurity"], r["relforcerowsecurity"]) for r in rows} == {
        t: (True, True) for t in SURVEY_TABLES
    }
    privileges = await owner_fetch(
        "SELECT table_name, privilege_type FROM information_schema.role_table_grants"
        " WHERE grantee = 'quorum_app' AND table_name = ANY($1::text[])",
        ["survey_participation", "survey_tally"],
    )
    assert {(r["table_name"], r["privilege_type"]) for r in privileges} == {("survey_tally", "SELECT")}


async def test_the_export_route_refuses_ids_that_are_not_surveys(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    headers = {"authorization": f"Bearer {secretary.token}"}
    organisation = (await owner_fetch("SELECT id FROM organisation WHERE ods_code = '00T'"))[0][0]
    for value, status, text in (
        ("garbage", 400, "'garbage' is not a Quorum ID"),
        (encode("Organisation", organisation), 400, "That is not a Survey ID."),
        (encode("Survey", organisation), 404, "No such survey."),
    ):
        response = await client.get(f"/exports/survey-results.xlsx?survey={value}", headers=headers)
        assert (response.status_code, response.text) == (status, text)
