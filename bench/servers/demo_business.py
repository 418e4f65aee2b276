"""The business the server benchmark reads, added to the demo data (which holds organisations and people).

A database seeded with `quorum seed --scale national` has all of this already. For the demo, added
through the API as the demo's people where the API can do it (so the rows are what the app would
write), and as the owner for bulk rows:
- Bolton's governing body: a 40-item meeting 25 days ahead with 30 approved papers, its Part I pack
  built and published, and 23 more monthly meetings for the committee's meeting list;
- a nominated representative for every practice that has none, and an open ballot in every CCG
  with a board secretary;
- a closed 30-question survey with 2,000 responses.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import asyncpg
import httpx

from quorum import clock
from quorum.database import connect_kwargs, owner_url
from quorum.ids import encode

ITEMS = 40
PAPERS = 30
FURTHER_MEETINGS = 23
SURVEY_RESPONSES = 2_000
REPRESENTATIVE_DOMAIN = "bench.quorum.example"

SET_STATUS = """mutation($input: ChangeMeetingStatusInput!) {
  changeMeetingStatus(input: $input) { meeting { status } errors { message } } }"""
PUBLISH = (
    "mutation($input: PublishPackInput!) { publishPack(input: $input) { build { publishedAt } errors { message } } }"
)
SET_BALLOT_RULES = (
    "mutation($input: SetBallotSettingsInput!) { setBallotSettings(input: $input) { errors { message } } }"
)
CREATE_BALLOT = (
    "mutation($input: CreateBallotInput!) { createBallot(input: $input) { ballot { id } errors { message } } }"
)
BALLOT_RULES = {
    "weighting": "LIST_SIZE",
    "turnoutBasis": "PRACTICES",
    "turnoutThresholdPercent": 50,
    "majority": "SIMPLE",
    "votesMayBeChanged": False,
}


async def add_demo_business() -> None:
    from quorum.web.app import create_app
    from tests.support import BOLTON_SECRETARY, Caller, token_for

    conn = await asyncpg.connect(**connect_kwargs(owner_url()))
    try:
        represented = await nominate_representatives(conn)
        print(f"  representatives nominated for {represented} practices")
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app()), base_url="http://bench"
        ) as client:
            secretary = Caller(client, await token_for(BOLTON_SECRETARY))
            await governing_body_business(client, secretary)
            for org_id, secretary_id in await conn.fetch(
                "SELECT DISTINCT ON (m.org_id) m.org_id, m.person_id FROM membership m JOIN organisation o ON o.id = m.org_id"
                " WHERE o.kind = 'CCG' AND m.role = 'BOARD_SECRETARY' ORDER BY m.org_id, m.person_id"
            ):
                from quorum.auth import tokens

                await open_ballot(Caller(client, tokens.issue(secretary_id, timedelta(hours=1))), org_id)
            print("  an open ballot in every CCG with a board secretary")
        bolton, helen = await conn.fetchrow(
            "SELECT m.org_id, m.person_id FROM membership m JOIN person p ON p.id = m.person_id WHERE p.email = $1"
            " AND m.role = 'BOARD_SECRETARY'",
            BOLTON_SECRETARY,
        )
        from bench.surveys import load_survey

        await load_survey(conn, bolton, helen, SURVEY_RESPONSES, status="CLOSED", settled=True)
    finally:
        await conn.close()


async def nominate_representatives(conn: asyncpg.Connection) -> int:
    """One representative (a new person) for every practice that has no active one."""
    practices = await conn.fetch(
        "SELECT p.org_id, p.id, p.ods_code FROM practice p WHERE NOT EXISTS (SELECT 1 FROM membership m"
        " WHERE m.practice_id = p.id AND m.role = 'PRACTICE_REPRESENTATIVE' AND m.valid_to IS NULL)"
    )
    async with conn.transaction():
        for org_id, practice_id, ods in practices:
            person = await conn.fetchval(
                "INSERT INTO person (email, name) VALUES ($1, $2) RETURNING id",
                f"rep.{ods.lower()}@{REPRESENTATIVE_DOMAIN}",
                f"Dr Representative {ods}",
            )
            await conn.execute("INSERT INTO person_registration (org_id, person_id) VALUES ($1, $2)", org_id, person)
            await conn.execute(
                "INSERT INTO membership (org_id, person_id, role, practice_id, valid_from)"
                " VALUES ($1, $2, 'PRACTICE_REPRESENTATIVE', $3, '2025-01-01')",
                org_id,
                person,
                practice_id,
            )
    return len(practices)


async def governing_body_business(client: httpx.AsyncClient, secretary) -> None:
    from tests.meetings.support import (
        AUTHOR,
        SPONSOR,
        add_item,
        build_and_wait,
        request_paper,
        write_and_approve,
    )
    from tests.support import Caller, token_for

    author, sponsor = [Caller(client, await token_for(email)) for email in (AUTHOR, SPONSOR)]
    meeting = await create_meeting(
        secretary, "Governing body meeting in public", days_ahead=25
    )  # papers are due 20 days ahead (tests.meetings.support.due)
    items = len(meeting["agenda"])
    papers = 0
    while items < ITEMS:
        items += 1
        item = await add_item(secretary, meeting["id"], f"Item {items}", part="PRIVATE" if items % 5 == 0 else "PUBLIC")
        if papers < PAPERS:
            paper = await request_paper(secretary, meeting["id"], item["id"], f"Paper for item {items}")
            body = "\n\n".join(
                f"Paragraph {k}: the governing body is asked to note the position. " * 3 for k in range(6)
            )
            await write_and_approve(author, sponsor, paper, body)
            papers += 1
    status = await secretary.data(SET_STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}})
    assert status["changeMeetingStatus"]["errors"] == [], status
    build = await build_and_wait(secretary, meeting["id"], "PUBLIC")
    published = (await secretary.data(PUBLISH, {"input": {"id": build["id"]}}))["publishPack"]
    assert published["errors"] == [], published["errors"]
    print(
        f"  a {items}-item governing body meeting with {papers} approved papers and a published Part I pack"
        f" of {build['pageCount']} pages"
    )
    for month in range(1, FURTHER_MEETINGS + 1):
        await create_meeting(secretary, "Governing body meeting", days_ahead=25 + 30 * month)
    print(f"  {FURTHER_MEETINGS} further monthly governing body meetings")


async def create_meeting(secretary, title: str, days_ahead: int) -> dict:
    from tests.meetings.support import CREATE_MEETING
    from tests.support import BOLTON_GOVERNING_BODY, global_id

    starts = (clock.now() + timedelta(days=days_ahead)).replace(hour=14, minute=0, second=0, microsecond=0)
    created = (
        await secretary.data(
            CREATE_MEETING,
            {
                "input": {
                    "committeeId": await global_id("Committee", BOLTON_GOVERNING_BODY),
                    "title": title,
                    "startsAt": starts.isoformat(),
                    "location": "Town Hall",
                }
            },
        )
    )["createMeeting"]
    assert created["errors"] == [], created["errors"]
    return created["meeting"]


async def open_ballot(secretary, org_id: uuid.UUID) -> None:
    organisation = encode("Organisation", org_id)
    rules = await secretary.data(SET_BALLOT_RULES, {"input": {"organisationId": organisation, **BALLOT_RULES}})
    assert rules["setBallotSettings"]["errors"] == [], rules
    now = clock.now()
    created = (
        await secretary.data(
            CREATE_BALLOT,
            {
                "input": {
                    "organisationId": organisation,
                    "title": "Revised constitution and a governing body election",
                    "secret": False,
                    "opensAt": (now - timedelta(minutes=1)).isoformat(),
                    "closesAt": (now + timedelta(days=30)).isoformat(),
                    "questions": [
                        {"text": "Do you approve the revised constitution?"},
                        {
                            "text": "Elect a GP member of the governing body",
                            "kind": "ELECTION",
                            "seats": 1,
                            "candidates": ["Dr Amara Okoye", "Dr Ben Hughes"],
                        },
                    ],
                }
            },
        )
    )["createBallot"]
    assert created["errors"] == [], created["errors"]
