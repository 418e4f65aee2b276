"""Votes: the vice chair chairs when the chair is conflicted and gives the casting vote on a tie; secret
votes keep no link from a choice to a member; bad votes are refused and change nothing."""

from __future__ import annotations

import pytest

from tests.conduct.support import CAST, DECLARE, Board, counts, make_board, payload, start_meeting, uuid_of
from tests.support import ISLINGTON_GP, as_person, assert_asked_to_sign_in, owner_fetch

ITEM = "Estates strategy"
TABLES = ("vote", "vote_cast", "secret_tally", "decision", "declaration", "audit_entry")


@pytest.fixture(scope="module")
async def board(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield await make_board(client, "Finance and performance committee (votes)")


async def test_the_chair_conflicted_the_vice_chair_chairs_and_gives_the_casting_vote_on_a_tie(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Chair conflicted")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan", "patel")
    await meeting.take(ITEM)
    await meeting.declare(
        "lowe",
        ITEM,
        "DISCUSSION_NOT_DECISION",
        category="NON_FINANCIAL_PROFESSIONAL",
        description="Trustee of the estates charity",
    )
    live = (await meeting.item_conduct(ITEM))["quorum"]
    assert live["chairedBy"] == "Dr Rajesh Mistry"
    assert live["chairNote"] == (
        "The vice chair, Dr Rajesh Mistry, takes the chair for this item: the chair, Margaret Lowe, "
        "is conflicted on this item."
    )
    assert live["met"] is True and sorted(live["mayVote"]) == [
        "Dr Amir Khan",
        "Dr Rajesh Mistry",
        "Susan Patel",
        "Tom Ashworth",
    ]

    vote = await meeting.open_vote(ITEM, "That the committee adopts the estates strategy.")
    assert vote["chairedBy"] == {"name": "Dr Rajesh Mistry"}
    for short, choice in (("mistry", "FOR"), ("ashworth", "AGAINST"), ("khan", "FOR"), ("patel", "AGAINST")):
        assert (await meeting.vote(vote["id"], short, choice))["errors"] == []
    assert (await meeting.vote(vote["id"], "lowe", "FOR"))["errors"] == [
        {
            "field": "voteId",
            "message": "Margaret Lowe has declared an interest in this item and takes no part in the decision.",
        }
    ]

    tied = await meeting.close_vote(vote["id"])
    assert tied["errors"] == [
        {
            "field": "castingVote",
            "message": (
                "The votes are tied (2 for, 2 against). The chair for this item, Dr Rajesh Mistry, has a casting vote: give it."
            ),
        }
    ]
    closed = await meeting.close_vote(vote["id"], casting="FOR")
    assert closed["errors"] == []
    assert closed["vote"]["outcome"] == "CARRIED" and closed["vote"]["castingVote"] == "FOR"
    assert closed["vote"]["result"] == (
        "Carried on the casting vote of the chair, Dr Rajesh Mistry, who voted for (2 for, 2 against, 0 abstentions)."
    )
    assert closed["decision"]["route"] == "VOTE" and closed["decision"]["chairedBy"] == {"name": "Dr Rajesh Mistry"}


async def test_a_casting_vote_is_refused_when_the_votes_are_not_tied(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="No tie")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan")
    vote = await meeting.open_vote(ITEM, "Adopt it.")
    for short in ("lowe", "mistry", "ashworth"):
        await meeting.vote(vote["id"], short, "FOR")
    refused = await meeting.close_vote(vote["id"], casting="AGAINST")
    assert refused["errors"] == [
        {"field": "castingVote", "message": "A casting vote is given only when the votes are tied."}
    ]
    assert (await meeting.close_vote(vote["id"]))["vote"]["result"] == "Carried (3 for, 0 against, 0 abstentions)."


async def test_a_secret_vote_stores_no_link_from_a_choice_to_a_member(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Secret ballot")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan", "patel", "reid")
    vote = await meeting.open_vote(ITEM, "That the chief officer's pay award is approved.", secret=True)
    choices = {
        "lowe": "FOR",
        "mistry": "AGAINST",
        "ashworth": "ABSTAIN",
        "khan": "FOR",
        "patel": "FOR",
        "reid": "AGAINST",
    }
    for short, choice in choices.items():
        assert (await meeting.vote(vote["id"], short, choice))["errors"] == []
    secretary_for_someone = payload(
        await meeting.secretary.data(
            CAST, {"input": {"voteId": vote["id"], "choice": "FOR", "personId": board.people["lowe"]}}
        )
    )
    assert secretary_for_someone["errors"] == [
        {"field": "personId", "message": "In a secret vote each member casts their own vote."}
    ]
    closed = await meeting.close_vote(vote["id"])
    assert (closed["vote"]["forCount"], closed["vote"]["againstCount"], closed["vote"]["abstainCount"]) == (3, 2, 1)

    vote_key = uuid_of(vote["id"])
    person_keys = {uuid_of(board.people[s]) for s in choices}
    # Who voted is known...
    cast = await owner_fetch("SELECT person_id, choice FROM vote_cast WHERE vote_id = $1", vote_key)
    assert {r["person_id"] for r in cast} == person_keys and {r["choice"] for r in cast} == {None}
    # ...and no row of any table, read as the owner, holds both a voter and a choice of this vote.
    columns = await owner_fetch(
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'"
        " AND data_type IN ('uuid', 'ARRAY', 'jsonb', 'character varying', 'text')"
    )
    for table in {c["table_name"] for c in columns}:
        rows = await owner_fetch(f'SELECT to_jsonb(t) AS row FROM "{table}" t')
        for row in rows:
            text = row["row"]
            if str(vote_key) not in text:
                continue
            linked = [p for p in person_keys if str(p) in text]
            has_choice = any(f'"{c}"' in text for c in ("FOR", "AGAINST", "ABSTAIN"))
            assert not (linked and has_choice), f"{table} links a voter to a choice: {text}"
    # The audit log records participation only.
    audit = await owner_fetch(
        "SELECT after FROM audit_entry WHERE action = 'vote.cast' AND entity_type = 'VoteCast'"
        " AND after ->> 'vote_id' = $1",
        str(vote_key),
    )
    assert len(audit) == 6 and all('"choice": null' in a["after"] for a in audit)
    # The counts were last written by the closing, not by any cast (no row version points at a voter).
    tally_versions = {
        r["xmin"] for r in await owner_fetch("SELECT xmin::text FROM secret_tally WHERE vote_id = $1", vote_key)
    }
    cast_versions = {
        r["xmin"] for r in await owner_fetch("SELECT xmin::text FROM vote_cast WHERE vote_id = $1", vote_key)
    }
    assert len(tally_versions) == 1 and not tally_versions & cast_versions


async def test_bad_votes_get_clear_errors_and_write_nothing(board: Board, client):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Bad votes")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan", "hargreaves")
    vote = await meeting.open_vote(ITEM, "Adopt the strategy.")
    assert (await meeting.vote(vote["id"], "lowe", "FOR"))["errors"] == []
    before = await counts(*TABLES)

    cases = [
        (
            board.callers["secretary"],
            {"personId": board.people["hargreaves"]},
            {"field": "personId", "message": "Helen Hargreaves is not a voting member of this committee."},
        ),
        (
            board.callers["patel"],
            {},
            {"field": "voteId", "message": "Susan Patel was not in the room when the vote was called."},
        ),
        (await as_person(client, ISLINGTON_GP), {}, {"field": "voteId", "message": "No such vote."}),
        (board.callers["lowe"], {}, {"field": "voteId", "message": "Margaret Lowe has already voted."}),
        (
            board.callers["mistry"],
            {"personId": board.people["ashworth"]},
            {"field": "personId", "message": "Only the board secretary can record another member's vote."},
        ),
    ]
    for caller, extra, error in cases:
        result = payload(await caller.data(CAST, {"input": {"voteId": vote["id"], "choice": "AGAINST", **extra}}))
        assert result == {"vote": None, "errors": [error]}
    await assert_asked_to_sign_in(client, CAST, {"input": {"voteId": vote["id"], "choice": "FOR"}})
    assert await counts(*TABLES) == before

    await meeting.close_vote(vote["id"])
    after_close = await counts(*TABLES)
    late = await meeting.vote(vote["id"], "mistry", "FOR")
    assert late["errors"] == [{"field": "voteId", "message": "This vote has closed."}]
    again = await meeting.close_vote(vote["id"])
    assert again["errors"] == [{"field": "voteId", "message": "This vote has already closed."}]
    assert await counts(*TABLES) == after_close


async def test_a_declaration_against_an_item_of_another_meeting_is_refused(board: Board):
    first = await start_meeting(board, [(ITEM, "PUBLIC")], title="First")
    second = await start_meeting(board, [("Other business", "PUBLIC")], title="Second")
    before = await counts(*TABLES)
    result = payload(
        await first.secretary.data(
            DECLARE,
            {
                "input": {
                    "meetingId": first.id,
                    "itemId": second.items["Other business"],
                    "personId": board.people["mistry"],
                    "category": "FINANCIAL",
                    "description": "Partner",
                    "management": "LEAVE_ROOM",
                }
            },
        )
    )
    assert result == {
        "declaration": None,
        "errors": [{"field": "itemId", "message": "That item is not on this meeting's agenda."}],
    }
    twice = [await first.declare("mistry", ITEM, "DECLARE_ONLY")]
    repeat = payload(
        await first.secretary.data(
            DECLARE,
            {
                "input": {
                    "meetingId": first.id,
                    "itemId": first.items[ITEM],
                    "personId": board.people["mistry"],
                    "category": "FINANCIAL",
                    "description": "Again",
                    "management": "LEAVE_ROOM",
                }
            },
        )
    )
    assert repeat["errors"] == [
        {
            "field": "personId",
            "message": (
                "Dr Rajesh Mistry has already declared an interest in this item; change how it is managed instead."
            ),
        }
    ]
    assert (await counts(*TABLES))["declaration"] == before["declaration"] + len(twice)


async def test_concurrent_casts_by_one_member_count_once(board: Board):
    import asyncio

    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Double click")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan")
    vote = await meeting.open_vote(ITEM, "Adopt.", secret=True)
    results = await asyncio.gather(*(meeting.vote(vote["id"], "khan", "FOR") for _ in range(8)))
    assert sorted(len(r["errors"]) for r in results) == [0] + [1] * 7
    closed = await meeting.close_vote(vote["id"])
    assert closed["vote"]["forCount"] == 1


async def test_casting_racing_the_close_loses_and_doubles_nothing(board: Board):
    import asyncio

    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Race to close")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan", "patel", "reid")
    vote = await meeting.open_vote(ITEM, "Adopt.", secret=True)
    casts = [
        meeting.vote(vote["id"], short, "FOR") for short in ("lowe", "mistry", "ashworth", "khan", "patel", "reid")
    ]
    results = await asyncio.gather(*casts[:3], meeting.close_vote(vote["id"]), *casts[3:])
    closed = results[3]
    assert closed["errors"] == []
    accepted = [r for i, r in enumerate(results) if i != 3 and r["errors"] == []]
    refused = [r for i, r in enumerate(results) if i != 3 and r["errors"]]
    assert all(r["errors"] == [{"field": "voteId", "message": "This vote has closed."}] for r in refused)
    stored = await owner_fetch("SELECT count(*) FROM vote_cast WHERE vote_id = $1", uuid_of(vote["id"]))
    assert closed["vote"]["forCount"] == len(accepted) == stored[0][0]
