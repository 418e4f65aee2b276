"""Another organisation's users and anonymous callers reach none of a meeting's declarations, votes, draft
minutes or live state, by ID, by list, by subscription's query or beneath the API; Part II business stays
with those who may see it; the decisions register shows the public only Part I of held meetings."""

from __future__ import annotations

import asyncpg
import pytest

from quorum.database import app_url, connect_kwargs
from tests.conduct.support import DECIDE, make_board, ok, start_meeting, uuid_of
from tests.support import (
    BOLTON_ADMIN,
    ISLINGTON_GP,
    ISLINGTON_SECRETARY,
    MANCHESTER_OFFICER,
    Caller,
    as_person,
    owner_fetch,
)

PUBLIC_ITEM, PRIVATE_ITEM, BENCHMARKING = "Budget", "Senior manager pay", "Pay benchmarking"
NODE = "query($id: ID!) { node(id: $id) { id } }"
CONDUCT = "query($id: ID!) { meetingConduct(meetingId: $id) { stage items { item { title } declarations { id } votes { id } } } }"
REGISTER = """query($c: ID, $ods: String) { decisions(committeeId: $c, odsCode: $ods, first: 100) { edges { node { text route } } } }"""
TABLES = (
    "declaration",
    "vote",
    "vote_cast",
    "secret_tally",
    "decision",
    "minute_note",
    "attendance",
    "meeting_progress",
    "attendance_movement",
    "action",
)


@pytest.fixture(scope="module")
async def recorded(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        board = await make_board(client, "Remuneration committee (tenancy)")
        meeting = await start_meeting(
            board, [(PUBLIC_ITEM, "PUBLIC"), (PRIVATE_ITEM, "PRIVATE"), (BENCHMARKING, "PRIVATE")], title="Tenancy"
        )
        await meeting.arrive("lowe", "mistry", "ashworth", "khan", "patel")
        public_declaration = await meeting.declare(
            "khan", PUBLIC_ITEM, "DECLARE_ONLY", category="INDIRECT", description="Brother-in-law"
        )
        private_declaration = await meeting.declare(
            "reid", PRIVATE_ITEM, "LEAVE_ROOM", category="FINANCIAL", description="Own pay"
        )
        public_vote = await meeting.open_vote(PUBLIC_ITEM, "Approve the budget.")
        for short in ("lowe", "mistry", "ashworth", "khan"):
            await meeting.vote(public_vote["id"], short, "FOR")
        public_decision = (await meeting.close_vote(public_vote["id"]))["decision"]
        private_vote = await meeting.open_vote(PRIVATE_ITEM, "Approve the pay award.", secret=True)
        for short in ("lowe", "mistry", "ashworth", "khan"):
            await meeting.vote(private_vote["id"], short, "FOR")
        private_decision = (await meeting.close_vote(private_vote["id"]))["decision"]
        ok(
            await meeting.secretary.data(
                DECIDE,
                {
                    "input": {
                        "itemId": meeting.items[BENCHMARKING],
                        "route": "CONSENSUS",
                        "text": "Noted the pay benchmarking.",
                    }
                },
            )
        )
        yield {
            "board": board,
            "meeting": meeting,
            "client": client,
            "public": [public_declaration["id"], public_vote["id"], public_decision["id"]],
            "private": [private_declaration["id"], private_vote["id"], private_decision["id"]],
        }


async def outsiders(client) -> list[Caller]:
    return [await as_person(client, e) for e in (ISLINGTON_GP, ISLINGTON_SECRETARY, MANCHESTER_OFFICER)] + [
        Caller(client)
    ]


async def test_outsiders_reach_nothing_of_the_meeting(recorded):
    meeting, client = recorded["meeting"], recorded["client"]
    for caller in await outsiders(client):
        for node_id in recorded["public"] + recorded["private"]:
            assert (await caller.data(NODE, {"id": node_id}))["node"] is None
        assert (await caller.data(CONDUCT, {"id": meeting.id}))["meetingConduct"] is None
        assert (
            await caller.data(
                "query($id: ID!) { minutes(meetingId: $id, part: PUBLIC) { status } }", {"id": meeting.id}
            )
        )["minutes"] is None
        register = (await caller.data(REGISTER, {"c": recorded["board"].committee_id}))["decisions"]["edges"]
        assert register == []  # the meeting is not yet held: nothing is published


async def test_part_two_business_is_for_the_committee_and_its_officers_only(recorded):
    meeting, client, board = recorded["meeting"], recorded["client"], recorded["board"]
    # Bolton's administrator runs its committees; a Bolton staff member who sits on none sees Part I only.
    from tests.support import add_member

    await add_member("staff.member@demo.quorum.example", "Sam Staff", "00T", "STAFF")
    staff = await as_person(client, "staff.member@demo.quorum.example")
    conduct = (await staff.data(CONDUCT, {"id": meeting.id}))["meetingConduct"]
    assert PRIVATE_ITEM not in [i["item"]["title"] for i in conduct["items"]]
    assert [i for i in conduct["items"] if i["item"]["title"] == PUBLIC_ITEM][0]["declarations"] != []
    for node_id in recorded["private"]:
        assert (await staff.data(NODE, {"id": node_id}))["node"] is None
    for node_id in recorded["public"]:
        assert (await staff.data(NODE, {"id": node_id}))["node"] == {"id": node_id}
    for insider in (board.callers["patel"], await as_person(client, BOLTON_ADMIN)):
        for node_id in recorded["private"]:
            assert (await insider.data(NODE, {"id": node_id}))["node"] == {"id": node_id}


async def test_beneath_the_api_row_level_security_hides_the_meeting_from_other_tenants(recorded):
    meeting_key = uuid_of(recorded["meeting"].id)
    islington = (await owner_fetch("SELECT id FROM organisation WHERE ods_code = '08H'"))[0]["id"]
    conn = await asyncpg.connect(**connect_kwargs(app_url()))
    try:
        async with conn.transaction():
            for name in ("org_ids", "directory_org_ids", "practice_org_ids", "officer_org_ids"):
                await conn.execute(f"SELECT set_config('app.{name}', $1, true)", "{" + str(islington) + "}")
            votes = [r["id"] for r in await owner_fetch("SELECT id FROM vote WHERE meeting_id = $1", meeting_key)]
            for table in TABLES:
                mine = "vote_id = ANY($1::uuid[])" if table in ("vote_cast", "secret_tally") else "meeting_id = $1"
                key = votes if table in ("vote_cast", "secret_tally") else meeting_key
                assert await conn.fetchval(f"SELECT count(*) FROM {table} WHERE {mine}", key) == 0, table
            for table in (
                "declaration",
                "vote",
                "vote_cast",
                "secret_tally",
                "minute_note",
                "interest",
                "gift_or_hospitality",
            ):
                assert await conn.fetchval(f"SELECT count(*) FROM {table}") == 0, table
            assert await conn.fetchval("SELECT count(*) FROM minutes WHERE meeting_id = $1", meeting_key) == 0
        rows = await owner_fetch(
            "SELECT relname FROM pg_class WHERE relname = ANY($1::text[]) AND relrowsecurity AND relforcerowsecurity",
            list(TABLES) + ["interest", "interest_review", "gift_or_hospitality", "minutes", "action_update"],
        )
        assert len(rows) == len(TABLES) + 5
    finally:
        await conn.close()


async def test_the_public_decisions_register_shows_part_one_of_held_meetings(recorded):
    meeting, client = recorded["meeting"], recorded["client"]
    ok(
        await meeting.secretary.data(
            """mutation($input: MeetingInput!) { closeMeeting(input: $input) { errors { message } } }""",
            {"input": {"meetingId": meeting.id}},
        )
    )
    for caller in await outsiders(client):
        register = (await caller.data(REGISTER, {"ods": "00T"}))["decisions"]["edges"]
        texts = {e["node"]["text"] for e in register}
        assert "Approve the budget." in texts
        assert not texts & {"Approve the pay award.", "Noted the pay benchmarking."}
    staff_view = (await recorded["board"].callers["patel"].data(REGISTER, {"c": recorded["board"].committee_id}))[
        "decisions"
    ]["edges"]
    assert {"Approve the budget.", "Approve the pay award.", "Noted the pay benchmarking."} <= {
        e["node"]["text"] for e in staff_view
    }
    # Published decisions name no voter to the public, and secret ones stay secret for everyone.
    anonymous = Caller(client)
    decision = recorded["public"][2]
    shown = (
        await anonymous.data(
            "query($id: ID!) { node(id: $id) { ... on Decision { text vote { id } chairedBy { name } } } }",
            {"id": decision},
        )
    )["node"]
    assert shown == {"text": "Approve the budget.", "vote": None, "chairedBy": None}
