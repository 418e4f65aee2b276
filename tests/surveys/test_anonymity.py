"""Anonymity: an anonymous survey stores no link from a response to a person or practice anywhere, the
respondent finds their draft only through their token; confidential surveys tell officers who responded
but never what they said."""

from __future__ import annotations

import hashlib
import io

import asyncpg
import httpx
import pytest
from openpyxl import load_workbook

from quorum.database import app_url, connect_kwargs
from quorum.ids import decode
from tests.support import BOLTON_GP, BOLTON_SECRETARY, Caller, as_person, owner_fetch, token_for
from tests.surveys.scenario import CLOSE, SAVE, SUBMIT, add_person, complete, open_survey, question_ids, submit_as

DEMO = "demo.quorum.example"
SECRETARY = f"hmr.surveys@{DEMO}"
REPRESENTATIVES = [(f"hmr.rep{i}@{DEMO}", f"P86{i + 1:03d}", i < 2) for i in range(6)]
DRAFTER = f"hmr.drafter@{DEMO}"
FIONA = f"fiona.clarke@{DEMO}"
MINE = """query($id: ID!, $token: String) { node(id: $id) { ... on Survey {
  myResponse(token: $token) { status answers { choice } } } } }"""
WHO = """query($id: ID!) { node(id: $id) { ... on Survey {
  responseCount respondents { totalCount respondents { person { email } practice { odsCode } } } } } }"""


@pytest.fixture(scope="module")
async def members():
    await add_person(SECRETARY, "Hana Surveys", "01D", "BOARD_SECRETARY")
    for email, practice, seated in REPRESENTATIVES + [(DRAFTER, "P86007", False)]:
        await add_person(email, email.split("@")[0], "01D", "PRACTICE_REPRESENTATIVE", practice, seated=seated)


async def ids_of(emails: list[str]) -> tuple[set[str], set[str]]:
    people = await owner_fetch("SELECT id FROM person WHERE email = ANY($1::text[])", emails)
    practices = await owner_fetch(
        "SELECT DISTINCT m.practice_id FROM membership m JOIN person p ON p.id = m.person_id"
        " WHERE p.email = ANY($1::text[]) AND m.practice_id IS NOT NULL",
        emails,
    )
    return {str(r[0]) for r in people}, {str(r[0]) for r in practices}


async def every_row() -> dict[str, list[str]]:
    """Every row of every table, as text, read as the owner."""
    tables = await owner_fetch(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
    )
    found = {}
    for (table,) in tables:
        found[table] = [r[0] for r in await owner_fetch(f'SELECT t::text FROM public."{table}" t')]
    assert {"survey_response", "survey_answer", "survey_participation", "audit_entry"} <= set(found)
    return found


@pytest.mark.parametrize("unit", ["PERSON", "PRACTICE"])
async def test_no_table_links_an_anonymous_response_to_a_person_or_practice(app, members, unit):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary = Caller(client, await token_for(SECRETARY))
        audience = {"roles": ["PRACTICE_REPRESENTATIVE"]}
        survey = await open_survey(secretary, "01D", anonymity="ANONYMOUS", respondentUnit=unit, audience=audience)
        ids = await question_ids(secretary, survey)
        tokens = []
        for email, _, _ in REPRESENTATIVES:
            caller = await as_person(client, email)
            draft = (await caller.data(SAVE, {"input": {"surveyId": survey, "answers": complete(ids)}}))["saveResponse"]
            sent = await caller.data(
                SUBMIT,
                {
                    "input": {
                        "surveyId": survey,
                        "token": draft["resumeToken"],
                        "answers": complete(ids, comments=f"Said by {email}"),
                    }
                },
            )
            assert sent["submitResponse"]["errors"] == []
            tokens.append(draft["resumeToken"])
        drafter = await as_person(client, DRAFTER)
        tokens.append(
            (await drafter.data(SAVE, {"input": {"surveyId": survey, "answers": complete(ids)}}))["saveResponse"][
                "resumeToken"
            ]
        )
        who = (await secretary.data(WHO, {"id": survey}))["node"]
        # A count, in steps of the threshold while the survey is open (six sent: five), and no list.
        assert who == {"responseCount": 5, "respondents": None}

    emails = [e for e, _, _ in REPRESENTATIVES] + [DRAFTER]
    people, practices = await ids_of(emails)
    responses = {
        str(r[0]) for r in await owner_fetch("SELECT id FROM survey_response WHERE survey_id = $1", decode(survey)[1])
    }
    assert len(responses) == 7
    rows = await every_row()
    for table, texts in rows.items():
        for text in texts:
            if any(r in text for r in responses):
                assert not any(i in text for i in people | practices), (
                    f"{table} links a response to a respondent: {text}"
                )
            assert not any(t in text for t in tokens), f"{table} holds a resume token itself"
    assert not [t for t in rows["audit_entry"] if any(r in t for r in responses)]
    acted = await owner_fetch(
        "SELECT count(*) FROM audit_entry WHERE actor_person_id::text = ANY($1::text[])", list(people)
    )
    assert acted[0][0] == 0  # answering an anonymous survey leaves nothing in the audit log

    columns = await owner_fetch(
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = 'public' AND table_name IN ('survey_response', 'survey_answer', 'survey_participation')"
    )
    assert not [c for c in columns if "time" in c["data_type"] or "date" in c["data_type"]]  # no time to match up
    assert {c["column_name"] for c in columns if c["table_name"] == "survey_participation"} == {
        "org_id",
        "survey_id",
        "anonymity",
        "respondent",
    }


async def app_connection(email: str, token: str | None = None) -> tuple[asyncpg.Connection, object]:
    """The app role with one member's settings (as quorum.access would set them), inside a transaction."""
    person = (await owner_fetch("SELECT id FROM person WHERE email = $1", email))[0][0]
    orgs = await owner_fetch("SELECT DISTINCT org_id FROM membership WHERE person_id = $1", person)
    officer = await owner_fetch(
        "SELECT DISTINCT org_id FROM membership WHERE person_id = $1 AND role IN ('ADMINISTRATOR', 'BOARD_SECRETARY')",
        person,
    )
    conn = await asyncpg.connect(**connect_kwargs(app_url()))
    transaction = conn.transaction()
    await transaction.start()
    settings = {
        "person_id": str(person),
        "org_ids": "{" + ",".join(str(r[0]) for r in orgs) + "}",
        "officer_org_ids": "{" + ",".join(str(r[0]) for r in officer) + "}",
        "response_token": hashlib.sha256(token.encode()).hexdigest() if token else "",
    }
    for name, value in settings.items():
        await conn.execute("SELECT set_config($1, $2, true)", f"app.{name}", value)
    return conn, transaction


async def test_the_respondent_sees_their_draft_only_through_the_token_they_hold(client, members):
    secretary = await as_person(client, SECRETARY)
    survey = await open_survey(secretary, "01D", anonymity="ANONYMOUS", audience={"roles": ["PRACTICE_REPRESENTATIVE"]})
    ids = await question_ids(secretary, survey)
    drafter = await as_person(client, DRAFTER)
    token = (await drafter.data(SAVE, {"input": {"surveyId": survey, "answers": complete(ids, engaged="NEITHER")}}))[
        "saveResponse"
    ]["resumeToken"]
    assert (await drafter.data(MINE, {"id": survey}))["node"]["myResponse"] is None
    assert (await drafter.data(MINE, {"id": survey, "token": "not-the-token"}))["node"]["myResponse"] is None
    mine = (await drafter.data(MINE, {"id": survey, "token": token}))["node"]["myResponse"]
    assert mine["status"] == "DRAFT" and {"choice": "NEITHER"} in mine["answers"]
    other = await as_person(client, REPRESENTATIVES[0][0])
    assert (await other.data(MINE, {"id": survey}))["node"]["myResponse"] is None

    saved = (await drafter.data(SAVE, {"input": {"surveyId": survey, "token": "forged", "answers": []}}))[
        "saveResponse"
    ]
    assert saved["errors"] == [
        {"field": "token", "message": "That resume token does not belong to a response to this survey."}
    ]

    survey_key = decode(survey)[1]
    for presented, expected in ((None, 0), (token, 1)):
        conn, transaction = await app_connection(DRAFTER, presented)
        try:
            assert (
                await conn.fetchval("SELECT count(*) FROM survey_response WHERE survey_id = $1", survey_key) == expected
            )
            assert (
                await conn.fetchval("SELECT count(*) FROM survey_answer WHERE survey_id = $1", survey_key) > 0
            ) == bool(expected)
        finally:
            await transaction.rollback()
            await conn.close()


async def test_the_app_role_cannot_read_who_took_part_in_an_anonymous_survey(members):
    conn, transaction = await app_connection(SECRETARY)
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.fetch("SELECT * FROM survey_participation")
    finally:
        await transaction.rollback()
        await conn.close()


async def test_a_confidential_survey_tells_officers_who_responded_but_never_what_they_said(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="CONFIDENTIAL", suppressionThreshold=3)
    ids = await question_ids(secretary, survey)
    for email in (BOLTON_GP, FIONA, "margaret.lowe@demo.quorum.example"):
        assert (await submit_as(client, email, survey, complete(ids, comments=f"Private view of {email}")))[
            "errors"
        ] == []

    who = (await secretary.data(WHO, {"id": survey}))["node"]
    assert who["responseCount"] == 3
    assert {r["person"]["email"] for r in who["respondents"]["respondents"]} == {
        BOLTON_GP,
        FIONA,
        "margaret.lowe@demo.quorum.example",
    }
    assert (await secretary.data(CLOSE, {"id": survey}))["closeSurvey"]["errors"] == []

    url = f"/exports/survey-results.xlsx?survey={survey}"
    book = load_workbook(
        io.BytesIO((await client.get(url, headers={"authorization": f"Bearer {secretary.token}"})).content)
    )
    cells = {str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c}
    assert not {c for c in cells if "Mistry" in c or "Clarke" in c or "Lowe" in c}
    assert "Respondent" not in next(book["Responses"].iter_rows(values_only=True))

    conn, transaction = await app_connection(BOLTON_SECRETARY)
    try:  # beneath the API: the officer's settings open the answers but not who gave them
        survey_key = decode(survey)[1]
        assert await conn.fetchval("SELECT count(*) FROM survey_response WHERE survey_id = $1", survey_key) == 3
        assert await conn.fetchval("SELECT count(*) FROM survey_respondent WHERE survey_id = $1", survey_key) == 0
    finally:
        await transaction.rollback()
        await conn.close()
    fiona = await as_person(client, FIONA)
    assert (await fiona.data(MINE, {"id": survey}))["node"]["myResponse"]["status"] == "SUBMITTED"
    assert (await fiona.data(WHO, {"id": survey}))["node"] == {"responseCount": None, "respondents": None}


async def test_a_named_survey_s_raw_responses_carry_names(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    survey = await open_survey(secretary, "00T", anonymity="NAMED", suppressionThreshold=3)
    ids = await question_ids(secretary, survey)
    for email in (BOLTON_GP, FIONA):
        assert (await submit_as(client, email, survey, complete(ids, comments="Signed")))["errors"] == []
    assert (await secretary.data(CLOSE, {"id": survey}))["closeSurvey"]["errors"] == []
    url = f"/exports/survey-results.xlsx?survey={survey}"
    book = load_workbook(
        io.BytesIO((await client.get(url, headers={"authorization": f"Bearer {secretary.token}"})).content)
    )
    raw = list(book["Responses"].iter_rows(values_only=True))
    assert raw[0][:3] == ("Respondent", "Practice", "Response")
    assert {r[0] for r in raw[1:]} == {"Dr Rajesh Mistry", "Dr Fiona Clarke"}
