"""The practice quality dashboard in the governing body's pack: Part I aggregates without a practice's name, Part II
every practice named, each chart followed by its table."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.indicators.dashboard import ISLINGTON, bolton_practices, dashboard
from tests.meetings.support import MOVE, build_and_wait, create_meeting
from tests.support import (
    BOLTON_GP,
    BOLTON_SECRETARY,
    ISLINGTON_SECRETARY,
    Caller,
    as_person,
    global_id,
    owner_fetch,
)

ADD = """mutation($input: AddPracticeQualityPapersInput!) { addPracticeQualityPapers(input: $input) {
  papers { partOne { id title isPublic } partTwo { id title isPublic } } errors { field message } } }"""
PAPERS = "SELECT count(*) AS n FROM paper WHERE title LIKE 'Practice quality dashboard%'"
STATUS = """mutation($input: ChangeMeetingStatusInput!) {
  changeMeetingStatus(input: $input) { meeting { status } errors { message } } }"""
ITEMS = "SELECT count(*) AS n FROM agenda_item WHERE title LIKE 'Practice quality dashboard%'"


async def counts() -> tuple[int, int]:
    return (await owner_fetch(PAPERS))[0]["n"], (await owner_fetch(ITEMS))[0]["n"]


def figure(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


async def pack_text(client, secretary: Caller, url: str) -> str:
    response = await client.get(url, headers={"authorization": f"Bearer {secretary.token}"})
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


async def test_part_one_has_the_aggregates_and_no_name_and_part_two_names_every_practice(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    meeting = await create_meeting(secretary, "Governing body: practice quality")
    result = (await secretary.data(ADD, {"input": {"meetingId": meeting["id"]}}))["addPracticeQualityPapers"]
    assert result["errors"] == []
    papers = result["papers"]
    assert papers["partOne"]["isPublic"] is True and papers["partTwo"]["isPublic"] is False
    for paper in papers.values():
        moved = await secretary.data(MOVE, {"input": {"id": paper["id"], "status": "APPROVED"}})
        assert moved["movePaper"]["errors"] == []
    await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}})
    public = await pack_text(client, secretary, (await build_and_wait(secretary, meeting["id"], "PUBLIC"))["url"])
    private = await pack_text(client, secretary, (await build_and_wait(secretary, meeting["id"], "PRIVATE"))["url"])

    summaries = (await dashboard(secretary))["QOF_ACH"]["publicSummary"]
    shown = [s for s in summaries if s["median"] is not None]
    assert shown
    for s in shown:
        assert f"{s['period']} {s['practices']} {figure(s['lowerQuartile'])} {figure(s['median'])}" in public, s
    assert "Practice quality dashboard: practices named" not in public
    names = (await bolton_practices()).values()
    assert [n for n in names if n in public] == []
    assert "Practice quality dashboard: practices named" in private
    assert [n for n in names if n not in private] == []


async def test_another_organisation_anonymous_and_a_gp_cannot_add_them(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    meeting = await create_meeting(secretary, "Governing body: refused practice quality")
    before = await counts()
    for caller in (await as_person(client, ISLINGTON_SECRETARY), await as_person(client, BOLTON_GP)):
        result = (await caller.data(ADD, {"input": {"meetingId": meeting["id"]}}))["addPracticeQualityPapers"]
        assert result["errors"] and result["papers"] is None
    anonymous = await client.post("/graphql", json={"query": ADD, "variables": {"input": {"meetingId": meeting["id"]}}})
    body = anonymous.json()
    assert body.get("errors") or body["data"]["addPracticeQualityPapers"]["errors"]
    assert await counts() == before


@pytest.mark.parametrize("period", ["2025-13", "2019-Q1"])
async def test_a_bad_period_is_refused_and_changes_nothing(client, period):
    secretary = await as_person(client, BOLTON_SECRETARY)
    meeting = await create_meeting(secretary, f"Governing body: period {period}")
    before = await counts()
    result = (await secretary.data(ADD, {"input": {"meetingId": meeting["id"], "period": period}}))[
        "addPracticeQualityPapers"
    ]
    assert [e["field"] for e in result["errors"]] == ["period"]
    assert await counts() == before


async def test_a_meeting_not_of_a_governing_body_or_a_ccg_without_indicators_is_refused(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    joint = await global_id("Committee", "SELECT id FROM committee WHERE name = 'Bolton primary care joint committee'")
    created = await secretary.data(
        "mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } errors { message } } }",
        {"input": {"committeeId": joint, "title": "Joint", "startsAt": "2099-01-01T10:00:00+00:00", "location": "B"}},
    )
    assert created["createMeeting"]["errors"] == []
    before = await counts()
    wrong = (await secretary.data(ADD, {"input": {"meetingId": created["createMeeting"]["meeting"]["id"]}}))[
        "addPracticeQualityPapers"
    ]
    assert wrong["errors"] == [
        {"field": "meetingId", "message": "The practice quality papers go to a governing body's meeting."}
    ]

    islington = await as_person(client, ISLINGTON_SECRETARY)
    assert (await owner_fetch(f"SELECT count(*) AS n FROM indicator WHERE org_id = ({ISLINGTON})"))[0]["n"] == 0
    committee = await global_id(
        "Committee", f"SELECT id FROM committee WHERE org_id = ({ISLINGTON}) AND kind = 'GOVERNING_BODY'"
    )
    made = await islington.data(
        "mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } errors { message } } }",
        {"input": {"committeeId": committee, "title": "GB", "startsAt": "2099-01-01T10:00:00+00:00", "location": "I"}},
    )
    assert made["createMeeting"]["errors"] == []
    none = (await islington.data(ADD, {"input": {"meetingId": made["createMeeting"]["meeting"]["id"]}}))[
        "addPracticeQualityPapers"
    ]
    assert none["errors"] == [
        {"field": "meetingId", "message": "The CCG has no practice indicator figures to report; import them first."}
    ]
    assert await counts() == before


async def test_a_period_chooses_the_named_distribution(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    meeting = await create_meeting(secretary, "Governing body: practice quality 2025-Q3")
    result = (await secretary.data(ADD, {"input": {"meetingId": meeting["id"], "period": "2025-Q3"}}))[
        "addPracticeQualityPapers"
    ]
    assert result["errors"] == []
    body = "query($id: ID!) { node(id: $id) { ... on Paper { versions { bodyMarkdown } } } }"
    named = (await secretary.data(body, {"id": result["papers"]["partTwo"]["id"]}))["node"]["versions"][-1]
    assert "## QOF achievement, 2025-Q3: every practice" in named["bodyMarkdown"]
    assert "2025-Q2" not in named["bodyMarkdown"] and "2025-Q4" not in named["bodyMarkdown"]
