"""Minutes: every declaration, decision and vote of the meeting; nothing of Part II in the public version;
a PDF set like the pack; approved at the next meeting, then frozen and published."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from tests.conduct.support import (
    ADD_ACTION,
    CLOSE,
    DECIDE,
    NOTES,
    counts,
    make_board,
    ok,
    payload,
    start_meeting,
    uuid_of,
)
from tests.support import Caller, owner_fetch

PUBLIC_ITEM, PRIVATE_ITEM = "Urgent care strategy", "Contract dispute with Riverside Medical"
RISK_ITEM = "Litigation risk in the Riverside dispute"
SECRET_WORDS = ("Riverside", "dispute", "settlement", "litigation")
MINUTES = """query($id: ID!, $part: MinutesPart!) { minutes(meetingId: $id, part: $part) {
  status approval part present inAttendance apologies absent arrivals actionLog pdfUrl
  items { number title part chairNote declarations movements notes actions
          decisions { route text outcome chairedBy quorum delegation vote { motion secret named result } } } } }"""
APPROVE = """mutation($input: ApproveMinutesInput!) { approveMinutes(input: $input) { minutes { status approval } errors { field message } } }"""


@pytest.fixture(scope="module")
async def held(app):
    """A meeting with business in both parts: declarations, a named and a secret vote, a consensus decision,
    actions and notes; then closed."""
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        board = await make_board(client, "Strategy committee (minutes)")
        meeting = await start_meeting(
            board,
            [(PUBLIC_ITEM, "PUBLIC"), (PRIVATE_ITEM, "PRIVATE"), (RISK_ITEM, "PRIVATE")],
            title="Strategy meeting",
        )
        secretary = meeting.secretary
        ok(
            await secretary.data(
                """mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { errors { message } } }""",
                {"input": {"meetingId": meeting.id, "personId": board.people["reid"], "change": "APOLOGIES"}},
            )
        )
        await meeting.arrive("lowe", "mistry", "ashworth", "khan", "hargreaves")
        ok(
            await secretary.data(
                """mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { errors { message } } }""",
                {
                    "input": {
                        "meetingId": meeting.id,
                        "guestName": "Alex Turner",
                        "capacity": "Internal audit",
                        "change": "ARRIVED",
                    }
                },
            )
        )

        await meeting.take(PUBLIC_ITEM)
        await meeting.arrive("patel")
        await meeting.declare(
            "khan",
            PUBLIC_ITEM,
            "DECLARE_ONLY",
            category="NON_FINANCIAL_PERSONAL",
            description="Spouse volunteers at the walk-in centre",
        )
        named = await meeting.open_vote(PUBLIC_ITEM, "That the urgent care strategy is adopted.")
        for short, choice in (
            ("lowe", "FOR"),
            ("mistry", "FOR"),
            ("ashworth", "AGAINST"),
            ("khan", "ABSTAIN"),
            ("patel", "FOR"),
        ):
            await meeting.vote(named["id"], short, choice)
        await meeting.close_vote(named["id"])
        ok(
            await secretary.data(
                NOTES,
                {
                    "input": {
                        "itemId": meeting.items[PUBLIC_ITEM],
                        "notes": "The committee discussed **access** at weekends.",
                    }
                },
            )
        )
        ok(
            await secretary.data(
                ADD_ACTION,
                {
                    "input": {
                        "meetingId": meeting.id,
                        "itemId": meeting.items[PUBLIC_ITEM],
                        "description": "Publish the strategy.",
                        "ownerId": board.people["ashworth"],
                        "dueDate": "2099-01-31",
                    }
                },
            )
        )

        await meeting.take(PRIVATE_ITEM)
        await meeting.declare(
            "mistry", PRIVATE_ITEM, "LEAVE_ROOM", category="FINANCIAL", description="Partner at Riverside Medical"
        )
        secret = await meeting.open_vote(PRIVATE_ITEM, "That the Riverside settlement is accepted.", secret=True)
        for short, choice in (("lowe", "FOR"), ("khan", "FOR"), ("patel", "AGAINST"), ("ashworth", "ABSTAIN")):
            await meeting.vote(secret["id"], short, choice)
        await meeting.close_vote(secret["id"])
        ok(
            await secretary.data(
                DECIDE,
                {
                    "input": {
                        "itemId": meeting.items[RISK_ITEM],
                        "route": "CONSENSUS",
                        "text": "Noted the litigation risk in the Riverside dispute.",
                    }
                },
            )
        )
        ok(
            await secretary.data(
                """mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { errors { message } } }""",
                {"input": {"meetingId": meeting.id, "personId": board.people["ashworth"], "change": "LEFT"}},
            )
        )
        ok(
            await secretary.data(
                NOTES,
                {
                    "input": {
                        "itemId": meeting.items[PRIVATE_ITEM],
                        "notes": "Counsel's advice on the dispute was received.",
                    }
                },
            )
        )
        ok(
            await secretary.data(
                ADD_ACTION,
                {
                    "input": {
                        "meetingId": meeting.id,
                        "itemId": meeting.items[PRIVATE_ITEM],
                        "description": "Instruct counsel on the Riverside settlement.",
                        "ownerId": board.people["lowe"],
                        "dueDate": "2099-01-31",
                    }
                },
            )
        )
        ok(await secretary.data(CLOSE, {"input": {"meetingId": meeting.id}}))
        yield board, meeting, client


async def minutes(caller: Caller, meeting_id: str, part: str) -> dict | None:
    return (await caller.data(MINUTES, {"id": meeting_id, "part": part}))["minutes"]


async def test_the_draft_holds_every_declaration_decision_and_vote(held):
    board, meeting, _ = held
    full = await minutes(meeting.secretary, meeting.id, "PRIVATE")
    assert full["status"] == "Draft"
    recorded = await owner_fetch(
        "SELECT (SELECT count(*) FROM declaration WHERE meeting_id = $1) AS declarations,"
        " (SELECT count(*) FROM decision WHERE meeting_id = $1) AS decisions,"
        " (SELECT count(*) FROM vote WHERE meeting_id = $1) AS votes",
        uuid_of(meeting.id),
    )
    items = {i["title"]: i for i in full["items"]}
    assert sum(len(i["declarations"]) for i in full["items"]) == recorded[0]["declarations"] == 2
    assert sum(len(i["decisions"]) for i in full["items"]) == recorded[0]["decisions"] == 3
    assert sum(1 for i in full["items"] for d in i["decisions"] if d["vote"]) == recorded[0]["votes"] == 2

    public_item = items[PUBLIC_ITEM]
    assert public_item["declarations"] == [
        "Dr Amir Khan declared a non-financial personal interest: Spouse volunteers at the walk-in centre. The chair noted "
        "the declaration; Dr Amir Khan took part in the discussion and the decision."
    ]
    vote = public_item["decisions"][0]["vote"]
    assert vote["secret"] is False
    assert vote["named"] == [
        "For: Dr Rajesh Mistry, Margaret Lowe, Susan Patel",
        "Against: Tom Ashworth",
        "Abstained: Dr Amir Khan",
    ]
    assert vote["result"] == "Carried (3 for, 1 against, 1 abstention)."
    assert any("Susan Patel arrived." in m for m in public_item["movements"])
    assert public_item["notes"] == "The committee discussed **access** at weekends."
    assert public_item["actions"][0].startswith("Publish the strategy. Owner: Tom Ashworth. Due 31 January 2099.")

    private_item = items[PRIVATE_ITEM]
    assert "left the room for this item and did not count towards the quorum" in private_item["declarations"][0]
    secret = private_item["decisions"][0]["vote"]
    assert (
        secret["secret"] is True
        and secret["named"] == []
        and secret["result"] == "Carried (2 for, 1 against, 1 abstention)."
    )
    assert items[RISK_ITEM]["decisions"][0]["outcome"] == "Agreed"
    assert any("Tom Ashworth left the meeting." in m for m in private_item["movements"])

    assert "Susan Patel (Lay member)" in full["present"] and "Margaret Lowe (Chair, lay member)" in full["present"]
    assert full["apologies"] == ["Paul Reid (Executive)"]
    assert "Alex Turner (Internal audit)" in full["inAttendance"]


async def test_the_public_version_holds_nothing_of_part_two(held):
    _, meeting, client = held
    public = await minutes(meeting.secretary, meeting.id, "PUBLIC")
    assert [i["title"] for i in public["items"] if i["title"] in (PUBLIC_ITEM, PRIVATE_ITEM, RISK_ITEM)] == [
        PUBLIC_ITEM
    ]
    text = json.dumps(public)
    for word in SECRET_WORDS:
        assert word not in text, word
    assert "Tom Ashworth left the meeting" not in text  # he left during Part II
    pdf = await client.get(public["pdfUrl"], headers={"authorization": f"Bearer {meeting.secretary.token}"})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    pages = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert PUBLIC_ITEM in pages and "Dr Amir Khan declared" in pages and "DRAFT minutes" in pages
    for word in SECRET_WORDS:
        assert word not in pages, word
    private = await client.get(
        public["pdfUrl"].replace("PUBLIC", "PRIVATE"), headers={"authorization": f"Bearer {meeting.secretary.token}"}
    )
    assert "Riverside" in "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(private.content)).pages)


async def test_drafts_are_for_the_committee_only(held):
    _, meeting, client = held
    from tests.support import ISLINGTON_GP, as_person

    for caller in (Caller(client), await as_person(client, ISLINGTON_GP)):
        for part in ("PUBLIC", "PRIVATE"):
            assert await minutes(caller, meeting.id, part) is None
            response = await client.get(
                f"/meetings/{uuid_of(meeting.id)}/minutes.pdf?part={part}",
                headers={"authorization": f"Bearer {caller.token}"} if caller.token else {},
            )
            assert response.status_code == 404


async def test_approved_at_the_next_meeting_the_minutes_are_frozen_and_published(held):
    board, meeting, client = held
    before = await minutes(meeting.secretary, meeting.id, "PRIVATE")
    nxt = await start_meeting(board, [], title="Next strategy meeting", minutes_ago=2)
    minutes_item = nxt.items["Minutes of the last meeting"]
    inquorate = payload(await nxt.secretary.data(APPROVE, {"input": {"meetingId": meeting.id, "itemId": minutes_item}}))
    assert inquorate["errors"][0]["message"].startswith(
        "This item is inquorate: At least four voting members must be present"
    )
    await nxt.arrive("lowe", "mistry", "ashworth", "patel")
    approved = ok(await nxt.secretary.data(APPROVE, {"input": {"meetingId": meeting.id, "itemId": minutes_item}}))
    assert approved["minutes"]["status"] == "Approved"
    assert approved["minutes"]["approval"].startswith("Approved as a true record at the meeting of ")
    again = payload(await nxt.secretary.data(APPROVE, {"input": {"meetingId": meeting.id, "itemId": minutes_item}}))
    assert again["errors"] == [
        {
            "field": None,
            "message": (
                "Minutes are approved once the meeting has closed, and only once; this meeting cannot: its minutes are approved "
                "and its record is frozen."
            ),
        }
    ]

    # Published: anyone may read the public version; the full one stays with the committee.
    public = await minutes(Caller(client), meeting.id, "PUBLIC")
    assert public["status"] == "Approved" and PUBLIC_ITEM in [i["title"] for i in public["items"]]
    assert not any(w in json.dumps(public) for w in SECRET_WORDS)
    assert await minutes(Caller(client), meeting.id, "PRIVATE") is None
    pdf = await client.get(public["pdfUrl"])
    assert pdf.status_code == 200 and "Approved minutes" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()

    # Frozen: nothing more is recorded against the meeting, and the database refuses to change what was approved.
    tables = ("declaration", "decision", "action", "minute_note", "minutes")
    frozen = await counts(*tables)
    refused = payload(
        await meeting.secretary.data(NOTES, {"input": {"itemId": meeting.items[PUBLIC_ITEM], "notes": "Later."}})
    )
    assert refused["errors"][0]["message"].endswith("its minutes are approved and its record is frozen.")
    assert await counts(*tables) == frozen
    import asyncpg

    with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError):
        await owner_fetch("UPDATE minutes SET record = '{}' WHERE meeting_id = $1", uuid_of(meeting.id))
    after = await minutes(meeting.secretary, meeting.id, "PRIVATE")
    assert after["items"] == before["items"]

    # The action carried to the next meeting's log, with the approval recorded as a decision there.
    carried = await nxt.secretary.data(
        "query($id: ID!) { meetingConduct(meetingId: $id) { actionLog { description status } } }", {"id": nxt.id}
    )
    assert {a["description"] for a in carried["meetingConduct"]["actionLog"]} == {
        "Publish the strategy.",
        "Instruct counsel on the Riverside settlement.",
    }
