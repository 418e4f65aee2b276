"""The monthly quality report: its figures are the register's, counted here independently in SQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from quorum import clock
from tests.concerns.test_concerns import DE_ESCALATE, ESCALATE, ladder, log
from tests.meetings.support import create_meeting
from tests.support import BOLTON_GP, BOLTON_SECRETARY, as_person, global_id, owner_fetch

GENERATE = """mutation($input: GenerateQualityReportInput!) { generateQualityReport(input: $input) {
  report { month openAtEnd logged { title } escalated { title } deEscalated { title } overdue { title }
    paper { id title status } } errors { field message } } }"""
BODY = "query($id: ID!) { node(id: $id) { ... on Paper { versions { executiveSummary bodyMarkdown } } } }"
LONDON = ZoneInfo("Europe/London")


def month_start(months_ago: int) -> date:
    first = clock.today().replace(day=1)
    for _ in range(months_ago):
        first = (first - timedelta(days=1)).replace(day=1)
    return first


async def register_titles(first: date) -> dict[str, list[str]]:
    following = (first + timedelta(days=32)).replace(day=1)
    start = datetime(first.year, first.month, 1, tzinfo=LONDON)
    end = datetime(following.year, following.month, 1, tzinfo=LONDON)
    cutoff = min(end, clock.now())
    bolton = "(SELECT id FROM organisation WHERE ods_code = '00T')"

    async def titles(sql: str, *args) -> list[str]:
        return sorted(r["title"] for r in await owner_fetch(sql, *args))

    moved = (
        f"SELECT c.title FROM concern c WHERE c.org_id = {bolton} AND EXISTS (SELECT 1 FROM concern_step_change s"
        " WHERE s.concern_id = c.id AND s.direction = $3 AND s.decided_at >= $1 AND s.decided_at < $2)"
    )
    return {
        "logged": await titles(
            f"SELECT title FROM concern WHERE org_id = {bolton} AND logged_at >= $1 AND logged_at < $2", start, end
        ),
        "escalated": await titles(moved, start, end, "UP"),
        "deEscalated": await titles(moved, start, end, "DOWN"),
        "overdue": await titles(
            f"SELECT title FROM concern WHERE org_id = {bolton} AND logged_at < $1"
            " AND (closed_at IS NULL OR closed_at >= $1) AND review_date < $2",
            cutoff,
            cutoff.astimezone(LONDON).date(),
        ),
    }


@pytest.mark.parametrize("months_ago", [0, 1, 2, 3, 4])
async def test_the_report_s_figures_match_the_register(client, months_ago):
    secretary = await as_person(client, BOLTON_SECRETARY)
    if months_ago == 0:
        concern = await log(secretary, title="Reported this month")
        steps = await ladder(secretary, concern["id"])
        for mutation, step in ((ESCALATE, "Risk summit"), (DE_ESCALATE, "Enhanced surveillance")):
            move = {"id": concern["id"], "stepId": steps[step], "reason": "Why.", "nextSteps": "Next."}
            assert next(iter((await secretary.data(mutation, {"input": move})).values()))["errors"] == []
    meeting = await create_meeting(secretary, f"Governing body: quality report {months_ago}")
    first = month_start(months_ago)
    result = (await secretary.data(GENERATE, {"input": {"meetingId": meeting["id"], "month": first.isoformat()}}))[
        "generateQualityReport"
    ]
    assert result["errors"] == []
    report = result["report"]
    expected = await register_titles(first)
    for measure, titles in expected.items():
        assert sorted(c["title"] for c in report[measure]) == titles, measure
    if months_ago == 0:
        assert all("Reported this month" in expected[m] for m in ("logged", "escalated", "deEscalated"))
    if months_ago in (2, 3):
        assert expected["escalated"], "the demo's history has escalations a few months back"
    assert report["paper"]["status"] == "SUBMITTED" and report["paper"]["title"] == f"Quality report: {first:%B %Y}"
    (version, *_) = (await secretary.data(BODY, {"id": report["paper"]["id"]}))["node"]["versions"]
    body = version["bodyMarkdown"]
    for label, measure in (
        ("New concerns logged", "logged"),
        ("Escalated", "escalated"),
        ("De-escalated", "deEscalated"),
        ("Reviews overdue", "overdue"),
    ):
        assert f"| {label} | {len(expected[measure])} |" in body
    assert f"{len(expected['overdue'])} reviews overdue" in version["executiveSummary"]


async def test_the_report_goes_only_to_a_governing_body_run_by_the_caller(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    meeting = await create_meeting(secretary, "Governing body: report refusals")
    month = clock.today().isoformat()
    gp = await as_person(client, BOLTON_GP)
    refused = await gp.data(GENERATE, {"input": {"meetingId": meeting["id"], "month": month}})
    assert refused["generateQualityReport"]["errors"][0]["message"].startswith("Only the committee's board secretary")
    future = await secretary.data(GENERATE, {"input": {"meetingId": meeting["id"], "month": "2099-01-01"}})
    assert future["generateQualityReport"]["errors"] == [
        {"field": "month", "message": "Choose a month that has begun."}
    ]
    joint = await global_id("Committee", "SELECT id FROM committee WHERE name = 'Bolton primary care joint committee'")
    rows = await owner_fetch("SELECT count(*) FROM paper WHERE title LIKE 'Quality report:%'")
    created = await secretary.data(
        "mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } errors { message } } }",
        {
            "input": {
                "committeeId": joint,
                "title": "Joint committee",
                "startsAt": "2099-01-01T10:00:00+00:00",
                "location": "Bolton",
            }
        },
    )
    assert created["createMeeting"]["errors"] == []
    joint_meeting = created["createMeeting"]["meeting"]["id"]
    wrong = await secretary.data(GENERATE, {"input": {"meetingId": joint_meeting, "month": month}})
    assert wrong["generateQualityReport"]["errors"] == [
        {"field": "meetingId", "message": "The quality report goes to a governing body's meeting."}
    ]
    assert await owner_fetch("SELECT count(*) FROM paper WHERE title LIKE 'Quality report:%'") == rows
