"""Members send their own apologies, declare interests in advance and check in; the chair takes items, runs
votes and records outcomes; before the meeting opens the page shows who is expected and whether each item
is expected to be quorate. Another CCG's member, a member of another committee and an anonymous caller
can do none of it, and neither can a member who does not chair."""

from __future__ import annotations

import pytest

from tests.conduct.support import (
    CREATE_MEETING,
    DECIDE,
    LIVE,
    STATUS,
    Board,
    counts,
    make_board,
    ok,
    payload,
    start_meeting,
    uuid_of,
)
from tests.meetings.support import future
from tests.support import BOLTON_GOVERNING_BODY, ISLINGTON_GP, Caller, as_person, assert_asked_to_sign_in, global_id

ERRORS = "errors { field message }"
APOLOGIES = f"mutation($input: MeetingInput!) {{ sendApologies(input: $input) {{ {LIVE} {ERRORS} }} }}"
CHECK_IN = f"mutation($input: MeetingInput!) {{ checkIn(input: $input) {{ {LIVE} {ERRORS} }} }}"
DECLARE = f"""mutation($input: DeclareInterestInItemInput!) {{ declareInterestInItem(input: $input) {{
  declaration {{ id management person {{ name }} }} {ERRORS} }} }}"""
TAKE = f"mutation($input: TakeItemInput!) {{ takeItem(input: $input) {{ {LIVE} {ERRORS} }} }}"
OPEN_VOTE = f"mutation($input: OpenVoteInput!) {{ openVote(input: $input) {{ vote {{ id }} {ERRORS} }} }}"
CLOSE_VOTE = f"mutation($input: CloseVoteInput!) {{ closeVote(input: $input) {{ vote {{ outcome }} decision {{ route }} {ERRORS} }} }}"
PAGE = """query($id: ID!) { meetingConduct(meetingId: $id) { stage viewerCanConduct viewerChairs viewerIsMember
  items { item { title } quorum { met expected presentVoting unmet } declarations { person { name } management } }
  attendance { name standing } } }"""
ITEM = "Community services contract"


@pytest.fixture(scope="module")
async def board(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        board = await make_board(client, "Finance committee (members)")
        board.callers["islington"] = await as_person(client, ISLINGTON_GP)
        board.callers["anonymous"] = Caller(client)
        yield board


async def test_before_opening_the_page_shows_expected_attendance_and_quorum(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Expected", open_it=False, minutes_ago=-120)
    for short in ("patel", "reid"):
        ok(await board.callers[short].data(APOLOGIES, {"input": {"meetingId": meeting.id}}))
    page = (await board.callers["khan"].data(PAGE, {"id": meeting.id}))["meetingConduct"]
    standing = {a["name"]: a["standing"] for a in page["attendance"]}
    assert standing["Susan Patel"] == standing["Paul Reid"] == "APOLOGIES"
    assert standing["Margaret Lowe"] == standing["Dr Amir Khan"] == "EXPECTED"
    assert "ABSENT" not in standing.values()
    item = next(i for i in page["items"] if i["item"]["title"] == ITEM)
    assert item["quorum"] == {"met": True, "expected": True, "presentVoting": 4, "unmet": []}
    # One more apology leaves three expected voting members, one short of the rule's four.
    ok(await board.callers["ashworth"].data(APOLOGIES, {"input": {"meetingId": meeting.id}}))
    page = (await board.callers["khan"].data(PAGE, {"id": meeting.id}))["meetingConduct"]
    item = next(i for i in page["items"] if i["item"]["title"] == ITEM)
    assert item["quorum"]["met"] is False and item["quorum"]["expected"] is True
    assert item["quorum"]["presentVoting"] == 3


async def test_a_member_sends_apologies_declares_in_advance_and_checks_in(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Own record", open_it=False)
    khan = board.callers["khan"]
    ok(await khan.data(APOLOGIES, {"input": {"meetingId": meeting.id}}))
    again = payload(await khan.data(APOLOGIES, {"input": {"meetingId": meeting.id}}))
    assert again["errors"] == [{"field": "change", "message": "Dr Amir Khan has attended or already sent apologies."}]
    early = payload(await khan.data(CHECK_IN, {"input": {"meetingId": meeting.id}}))
    assert early["errors"][0]["message"].startswith("Arrivals and departures are recorded while the meeting is open")

    declared = ok(
        await board.callers["mistry"].data(
            DECLARE,
            {
                "input": {
                    "meetingId": meeting.id,
                    "itemId": meeting.items[ITEM],
                    "category": "FINANCIAL",
                    "description": "Partner at a practice that subcontracts community services",
                }
            },
        )
    )["declaration"]
    assert declared == {"id": declared["id"], "management": "DECLARE_ONLY", "person": {"name": "Dr Rajesh Mistry"}}
    blank = payload(
        await board.callers["mistry"].data(
            DECLARE, {"input": {"meetingId": meeting.id, "itemId": meeting.items[ITEM], "description": " "}}
        )
    )
    assert {e["field"] for e in blank["errors"]} == {"category", "description"}

    ok(
        await meeting.secretary.data(
            """mutation($input: MeetingInput!) { openMeeting(input: $input) { errors { message } } }""",
            {"input": {"meetingId": meeting.id}},
        )
    )
    arrived = ok(await khan.data(CHECK_IN, {"input": {"meetingId": meeting.id}}))["live"]
    assert {a["name"]: (a["standing"], a["inRoom"]) for a in arrived["attendance"]}["Dr Amir Khan"] == ("PRESENT", True)
    page = (await khan.data(PAGE, {"id": meeting.id}))["meetingConduct"]
    assert page["viewerIsMember"] and not page["viewerChairs"] and not page["viewerCanConduct"]
    item = next(i for i in page["items"] if i["item"]["title"] == ITEM)
    assert item["declarations"] == [{"person": {"name": "Dr Rajesh Mistry"}, "management": "DECLARE_ONLY"}]
    assert item["quorum"]["expected"] is False


async def test_outsiders_cannot_act_as_members(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Outsiders", open_it=False)
    before = await counts("attendance", "declaration", "attendance_movement")
    declaration = {
        "meetingId": meeting.id,
        "itemId": meeting.items[ITEM],
        "category": "INDIRECT",
        "description": "Spouse",
    }
    # Tom Ashworth is Bolton's CFO but the secretary's seat apart, the Islington GP sees nothing of Bolton's
    # committees, and an anonymous caller is nobody; the secretary sits "in attendance" and is a member too.
    islington = board.callers["islington"]
    refused = payload(await islington.data(APOLOGIES, {"input": {"meetingId": meeting.id}}))
    assert refused["errors"] == [
        {"field": "meetingId", "message": "Only the committee's members can send apologies for this meeting."}
    ]
    refused = payload(await islington.data(DECLARE, {"input": declaration}))
    assert refused["errors"][0]["field"] == "meetingId"
    await assert_asked_to_sign_in(board.callers["anonymous"].client, APOLOGIES, {"input": {"meetingId": meeting.id}})
    await assert_asked_to_sign_in(board.callers["anonymous"].client, DECLARE, {"input": declaration})
    assert await counts("attendance", "declaration", "attendance_movement") == before


async def test_a_member_of_another_committee_cannot_act_as_a_member(board: Board):
    """Dr Amir Khan sits on this test's committee but not on Bolton's governing body."""
    secretary = board.callers["secretary"]
    governing_body = await global_id("Committee", BOLTON_GOVERNING_BODY)
    meeting = ok(
        await secretary.data(
            CREATE_MEETING,
            {
                "input": {
                    "committeeId": governing_body,
                    "title": "Governing body (members)",
                    "startsAt": future(),
                    "location": "Bolton",
                }
            },
        )
    )["meeting"]
    ok(await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}}))
    before = await counts("attendance", "declaration")
    khan = board.callers["khan"]
    refused = payload(await khan.data(APOLOGIES, {"input": {"meetingId": meeting["id"]}}))
    assert refused["errors"] == [
        {"field": "meetingId", "message": "Only the committee's members can send apologies for this meeting."}
    ]
    refused = payload(
        await khan.data(
            DECLARE,
            {
                "input": {
                    "meetingId": meeting["id"],
                    "itemId": meeting["agenda"][0]["id"],
                    "category": "INDIRECT",
                    "description": "Spouse",
                }
            },
        )
    )
    assert refused["errors"] == [
        {"field": "meetingId", "message": "Only the committee's members can declare interests for this meeting."}
    ]
    assert await counts("attendance", "declaration") == before


async def test_row_level_security_keeps_members_to_their_own_rows_and_the_chair_s_controls_to_chairs(board: Board):
    """Beneath the API, as the app's role with Dr Khan's settings: he cannot record another member's attendance or
    declaration, nor move the meeting on; the chair's settings can."""
    import asyncpg

    from quorum.database import app_url, connect_kwargs

    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Beneath the API")
    meeting_id, committee = uuid_of(meeting.id), uuid_of(board.committee_id)
    item = uuid_of(meeting.items[ITEM])
    conn = await asyncpg.connect(**connect_kwargs(app_url()))

    async def as_member(short: str) -> None:
        await conn.execute(
            "SELECT set_config('app.person_id', $1, true), set_config('app.committee_ids', $2, true),"
            " set_config('app.private_committee_ids', $2, true)",
            str(uuid_of(board.people[short])),
            "{" + str(committee) + "}",
        )

    try:
        async with conn.transaction():
            await as_member("khan")
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.execute(
                    "INSERT INTO attendance (org_id, id, meeting_id, committee_id, person_id, capacity, status, in_room)"
                    " SELECT org_id, gen_random_uuid(), id, committee_id, $2, '', 'APOLOGIES', false FROM meeting WHERE id = $1",
                    meeting_id,
                    uuid_of(board.people["lowe"]),
                )
        async with conn.transaction():
            await as_member("khan")
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.execute(
                    "INSERT INTO declaration (org_id, id, meeting_id, committee_id, item_id, person_id, category, description,"
                    " management, recorded_by) SELECT org_id, gen_random_uuid(), id, committee_id, $2, $3, 'FINANCIAL', 'x',"
                    " 'DECLARE_ONLY', $4 FROM meeting WHERE id = $1",
                    meeting_id,
                    item,
                    uuid_of(board.people["lowe"]),
                    uuid_of(board.people["khan"]),
                )
        async with conn.transaction():
            await as_member("khan")
            moved = await conn.execute(
                "UPDATE meeting_progress SET current_item_id = $2 WHERE meeting_id = $1", meeting_id, item
            )
            assert moved == "UPDATE 0"
        chair = conn.transaction()
        await chair.start()
        await as_member("lowe")
        moved = await conn.execute(
            "UPDATE meeting_progress SET current_item_id = $2 WHERE meeting_id = $1", meeting_id, item
        )
        assert moved == "UPDATE 1"
        await chair.rollback()
    finally:
        await conn.close()


async def test_the_chair_runs_an_item_and_a_member_who_does_not_chair_cannot(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Chaired")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan", "patel")
    chair, member = board.callers["lowe"], board.callers["khan"]
    item = {"meetingId": meeting.id, "itemId": meeting.items[ITEM]}

    refused = payload(await member.data(TAKE, {"input": item}))
    assert refused["errors"] == [
        {
            "field": None,
            "message": (
                "Only the chair, the vice chair or the committee's board secretary can run the meeting's items and votes."
            ),
        }
    ]
    refused = payload(
        await member.data(OPEN_VOTE, {"input": {"itemId": item["itemId"], "motion": "Award the contract."}})
    )
    assert refused["errors"][0]["message"].startswith("Only the chair, the vice chair")

    taken = ok(await chair.data(TAKE, {"input": item}))["live"]
    assert taken["currentItem"]["title"] == ITEM
    page = (await chair.data(PAGE, {"id": meeting.id}))["meetingConduct"]
    assert page["viewerChairs"] and not page["viewerCanConduct"]
    vote = ok(await chair.data(OPEN_VOTE, {"input": {"itemId": item["itemId"], "motion": "Award the contract."}}))[
        "vote"
    ]
    for short in ("lowe", "mistry", "ashworth", "khan"):
        ok(
            await board.callers[short].data(
                """mutation($input: CastVoteInput!) { castVote(input: $input) { errors { field message } } }""",
                {"input": {"voteId": vote["id"], "choice": "FOR"}},
            )
        )
    refused = payload(await member.data(CLOSE_VOTE, {"input": {"voteId": vote["id"]}}))
    assert refused["errors"][0]["message"].startswith("Only the chair, the vice chair")
    closed = ok(await chair.data(CLOSE_VOTE, {"input": {"voteId": vote["id"]}}))
    assert closed["vote"]["outcome"] == "CARRIED" and closed["decision"]["route"] == "VOTE"
    # And an outcome without a vote, on another item of the same meeting.
    noted = payload(
        await member.data(DECIDE, {"input": {"itemId": item["itemId"], "route": "CONSENSUS", "text": "Noted."}})
    )
    assert noted["errors"][0]["message"].startswith("Only the chair, the vice chair")
    # The chair still cannot do the secretary's part: opening and closing the meeting.
    refused = payload(
        await chair.data(
            """mutation($input: MeetingInput!) { closeMeeting(input: $input) { errors { message } } }""",
            {"input": {"meetingId": meeting.id}},
        )
    )
    assert refused["errors"] == [
        {"message": "Only the committee's board secretary or an administrator can record the meeting."}
    ]
