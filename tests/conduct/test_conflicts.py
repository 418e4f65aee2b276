"""A member with a financial interest in a practice an item names: suggested, declared, not counted, no vote,
minuted; with enough of them the item is inquorate and cannot be decided, and the route taken is recorded."""

from __future__ import annotations

import re

import pytest

from tests.conduct.support import (
    CONCERNS,
    DECIDE,
    Board,
    make_board,
    move_start,
    ok,
    org_id,
    payload,
    practice_id,
    start_meeting,
    uuid_of,
)
from tests.support import owner_fetch

DECLARE_INTEREST = """mutation($input: DeclareInterestInput!) { declareInterest(input: $input) { interest { id } errors { field message } } }"""
MINUTES = """query($id: ID!, $part: MinutesPart!) { minutes(meetingId: $id, part: $part) { status
  items { title declarations decisions { route outcome quorum text vote { result named } } } } }"""


@pytest.fixture(scope="module")
async def board(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        board = await make_board(client, "Primary care commissioning (conflicts)")
        # Dr Mistry is a partner at Brook Lane (P82001); Dr Khan has a share in it too.
        for short, description in (
            ("mistry", "Partner at the practice"),
            ("khan", "Holds a share in the practice's premises"),
        ):
            ok(
                await board.callers["secretary"].data(
                    DECLARE_INTEREST,
                    {
                        "input": {
                            "organisationId": await org_id("00T"),
                            "personId": board.people[short],
                            "category": "FINANCIAL",
                            "description": description,
                            "concernsPracticeIds": [await practice_id("P82001")],
                            "validFrom": "2020-01-01",
                        }
                    },
                )
            )
        yield board


async def merger_meeting(board: Board, title: str):
    meeting = await start_meeting(board, [("Practice merger: P82001 and P82002", "PUBLIC")], title=title)
    ok(
        await meeting.secretary.data(
            CONCERNS,
            {
                "input": {
                    "itemId": meeting.items["Practice merger: P82001 and P82002"],
                    "practiceIds": [await practice_id("P82001"), await practice_id("P82002")],
                }
            },
        )
    )
    return meeting


ITEM = "Practice merger: P82001 and P82002"


async def test_the_register_suggests_the_conflict_and_the_declared_member_neither_counts_nor_votes(board):
    meeting = await merger_meeting(board, "Merger, one conflicted")
    suggestions = (await meeting.conduct())["conflictSuggestions"]
    found = {
        (s["person"]["name"], s["suggestedManagement"]) for s in suggestions if s["item"]["id"] == meeting.items[ITEM]
    }
    assert found == {("Dr Rajesh Mistry", "LEAVE_ROOM"), ("Dr Amir Khan", "LEAVE_ROOM")}
    mistry = next(s for s in suggestions if s["person"]["name"] == "Dr Rajesh Mistry")
    assert "Brook Lane" in mistry["reason"] or "P82001" in mistry["reason"]

    await meeting.arrive("lowe", "mistry", "ashworth", "khan", "patel")
    await meeting.take(ITEM)
    # The secretary confirms the suggestion for Dr Mistry: from the register, managed as the chair rules.
    declaration = await meeting.declare(
        "mistry", ITEM, "LEAVE_ROOM", interestId=mistry["interest"]["id"], category=None, description=""
    )
    assert declaration["takesPartInDecision"] is False

    item = await meeting.item_conduct(ITEM)
    assert item["quorum"]["met"] is True
    assert item["quorum"]["presentVoting"] == 5
    assert "Dr Rajesh Mistry" not in item["quorum"]["mayVote"]
    assert item["quorum"]["excluded"] == ["Dr Rajesh Mistry"]
    assert item["quorum"]["chairedBy"] == "Margaret Lowe"

    vote = await meeting.open_vote(ITEM, "That the committee approves the merger.")
    assert vote["eligibleCount"] == 4
    refused = await meeting.vote(vote["id"], "mistry", "FOR")
    assert refused["errors"] == [
        {
            "field": "voteId",
            "message": "Dr Rajesh Mistry has declared an interest in this item and takes no part in the decision.",
        }
    ]
    for short, choice in (("lowe", "FOR"), ("ashworth", "FOR"), ("khan", "AGAINST"), ("patel", "FOR")):
        assert (await meeting.vote(vote["id"], short, choice))["errors"] == []
    closed = await meeting.close_vote(vote["id"])
    assert closed["errors"] == []
    assert closed["vote"]["result"] == "Carried (3 for, 1 against, 0 abstentions)."
    assert closed["decision"]["quorum"] == {"met": True, "takingPart": 4}
    casts = await owner_fetch("SELECT person_id FROM vote_cast WHERE vote_id = $1", uuid_of(vote["id"]))
    assert uuid_of(board.people["mistry"]) not in {r["person_id"] for r in casts}

    draft = (await meeting.secretary.data(MINUTES, {"id": meeting.id, "part": "PUBLIC"}))["minutes"]
    minuted = next(i for i in draft["items"] if i["title"] == ITEM)
    # Which of Dr Mistry's interests in the practice the suggestion names depends on what else is registered.
    assert len(minuted["declarations"]) == 1
    assert re.fullmatch(
        r"Dr Rajesh Mistry declared a financial interest: .+\. Dr Rajesh Mistry left the room for "
        r"this item and did not count towards the quorum\.",
        minuted["declarations"][0],
    )
    assert minuted["decisions"][0]["quorum"] == "Quorate: 5 voting members present, 4 taking part in the decision."


async def test_with_both_gps_conflicted_the_item_is_inquorate_and_cannot_be_decided(board):
    meeting = await merger_meeting(board, "Merger, both GPs conflicted")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan", "patel", "reid")
    await meeting.take(ITEM)
    await meeting.declare("mistry", ITEM, "LEAVE_ROOM")
    await meeting.declare(
        "khan", ITEM, "DISCUSSION_NOT_DECISION", category="FINANCIAL", description="Share in premises"
    )

    item = await meeting.item_conduct(ITEM)
    assert item["quorum"]["met"] is False
    assert item["quorum"]["unmet"] == ["At least one voting GP must be present; none is."]

    refused_vote = payload(
        await meeting.secretary.data(
            """mutation($input: OpenVoteInput!) { openVote(input: $input) { vote { id } errors { field message } } }""",
            {"input": {"itemId": meeting.items[ITEM], "motion": "Approve the merger."}},
        )
    )
    message = (
        "This item is inquorate: At least one voting GP must be present; none is. It cannot be decided: defer it, "
        "or record a chair's action to be ratified at the next meeting."
    )
    assert refused_vote == {"vote": None, "errors": [{"field": "itemId", "message": message}]}
    refused_consensus = payload(
        await meeting.secretary.data(
            DECIDE, {"input": {"itemId": meeting.items[ITEM], "route": "CONSENSUS", "text": "Approved the merger."}}
        )
    )
    assert refused_consensus["errors"] == [{"field": "itemId", "message": message}]
    assert await owner_fetch("SELECT 1 FROM vote WHERE item_id = $1", uuid_of(meeting.items[ITEM])) == []

    taken = ok(
        await meeting.secretary.data(
            DECIDE,
            {
                "input": {
                    "itemId": meeting.items[ITEM],
                    "route": "CHAIRS_ACTION",
                    "text": "The chair approved the merger, to be ratified.",
                }
            },
        )
    )
    assert taken["decision"]["route"] == "CHAIRS_ACTION"
    assert taken["decision"]["chairedBy"]["name"] == "Margaret Lowe"
    assert taken["decision"]["quorum"]["met"] is False
    draft = (await meeting.secretary.data(MINUTES, {"id": meeting.id, "part": "PRIVATE"}))["minutes"]
    decided = next(i for i in draft["items"] if i["title"] == ITEM)["decisions"]
    assert decided[0]["route"] == "Chair's action, to be ratified at the next meeting"
    assert decided[0]["quorum"].startswith("Inquorate: 6 voting members present, 4 taking part in the decision.")


async def test_an_inquorate_item_can_be_deferred_and_the_deferral_is_minuted_not_registered(board):
    meeting = await merger_meeting(board, "Merger deferred")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan", "patel")
    await meeting.declare("mistry", ITEM, "LEAVE_ROOM")
    await meeting.declare("khan", ITEM, "LEAVE_ROOM")
    quorate_refusal = payload(
        await meeting.secretary.data(
            DECIDE,
            {
                "input": {
                    "itemId": meeting.items["Welcome and apologies for absence"],
                    "route": "CHAIRS_ACTION",
                    "text": "x",
                }
            },
        )
    )
    assert quorate_refusal["errors"] == [
        {"field": "route", "message": "The item is quorate: decide it by vote or by consensus."}
    ]
    deferred = ok(await meeting.secretary.data(DECIDE, {"input": {"itemId": meeting.items[ITEM], "route": "DEFERRED"}}))
    assert deferred["decision"]["text"] == "Deferred to a later meeting."
    register = await meeting.secretary.data(
        "query($c: ID!) { decisions(committeeId: $c) { edges { node { route } } } }", {"c": board.committee_id}
    )
    assert "DEFERRED" not in {e["node"]["route"] for e in register["decisions"]["edges"]}


RATIFY = """mutation($input: RatifyChairsActionInput!) { ratifyChairsAction(input: $input) {
  decision { id ratifiedAt } errors { field message } } }"""
RATIFICATION_ITEM = "Ratification of chair's actions"


async def test_conflicts_declared_on_the_item_carry_into_its_ratification_even_with_the_conflicted_members_present(
    board,
):
    taken_at = await merger_meeting(board, "Merger by chair's action")
    await move_start(taken_at.id, 180)
    await taken_at.arrive("lowe", "mistry", "ashworth", "khan", "patel")
    await taken_at.declare("mistry", ITEM, "LEAVE_ROOM")
    await taken_at.declare("khan", ITEM, "DISCUSSION_NOT_DECISION", description="Share in premises")
    action = ok(
        await taken_at.secretary.data(
            DECIDE,
            {
                "input": {
                    "itemId": taken_at.items[ITEM],
                    "route": "CHAIRS_ACTION",
                    "text": "The chair approved the merger.",
                }
            },
        )
    )["decision"]

    later = await start_meeting(board, [(RATIFICATION_ITEM, "PUBLIC")], title="Ratifying the merger")
    await later.arrive("lowe", "mistry", "ashworth", "khan", "patel", "reid")
    ratify = {"input": {"decisionId": action["id"], "itemId": later.items[RATIFICATION_ITEM]}}
    refused = payload(await later.secretary.data(RATIFY, ratify))
    assert refused["errors"] == [
        {
            "field": "itemId",
            "message": (
                "This item is inquorate: At least one voting GP must be present; none is. It cannot be decided: defer it, "
                "or record a chair's action to be ratified at the next meeting."
            ),
        }
    ]
    assert (await owner_fetch("SELECT ratified_at FROM decision WHERE id = $1", uuid_of(action["id"])))[0][0] is None

    # Dr Khan has since sold his share, and says so on the ratification item: he takes part; Dr Mistry does not.
    await later.declare(
        "khan",
        RATIFICATION_ITEM,
        "DECLARE_ONLY",
        category="NON_FINANCIAL_PERSONAL",
        description="Sold his share in the practice's premises since the chair's action",
    )
    ratified = ok(await later.secretary.data(RATIFY, ratify))["decision"]
    assert ratified["ratifiedAt"] is not None
    draft = (await later.secretary.data(MINUTES, {"id": later.id, "part": "PRIVATE"}))["minutes"]
    decided = next(i for i in draft["items"] if i["title"] == RATIFICATION_ITEM)["decisions"]
    assert decided[0]["text"].startswith("Ratified the chair's action of ")
    assert decided[0]["text"].endswith(
        "The chair approved the merger. Not taking part, for interests declared on the original item: Dr Rajesh Mistry."
    )
    assert decided[0]["quorum"].startswith("Quorate: 6 voting members present, 5 taking part in the decision.")
    rows = await owner_fetch(
        "SELECT ratifies_id, quorum->'excluded' AS excluded FROM decision WHERE item_id = $1",
        uuid_of(later.items[RATIFICATION_ITEM]),
    )
    assert rows[0]["ratifies_id"] == uuid_of(action["id"])
    assert str(uuid_of(board.people["mistry"])) in rows[0]["excluded"]
