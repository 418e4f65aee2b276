"""Results through the API on a small CCG whose arithmetic can be checked by hand, the export, and the frozen electorate.

NHS Testwick CCG (99W) has five practices:
    Y99001 10,000 patients   Y99002 3,000   Y99003 4,000   Y99004 2,000   Y99005 6,000   (25,000 in all)
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from tests.ballots.helpers import CREATE, EQUAL_RULES, RESULTS, SET_RULES, answers, ballot_uuid, now
from tests.support import DEMO, Caller, as_person, global_id, owner, owner_fetch

LIST_SIZES = {"Y99001": 10_000, "Y99002": 3_000, "Y99003": 4_000, "Y99004": 2_000, "Y99005": 6_000}
SECRETARY = f"tess.secretary@{DEMO}"
CANDIDATES = ["Dr Ahmed", "Dr Brown", "Dr Clarke"]
TESTWICK = "SELECT id FROM organisation WHERE ods_code = '99W'"


def rep_email(ods: str) -> str:
    return f"rep.{ods.lower()}@testwick.example"


@pytest.fixture(scope="module", autouse=True)
async def testwick():
    conn = await owner()
    try:
        async with conn.transaction():
            area_team = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = 'Q46'")
            ccg = await conn.fetchval(
                "INSERT INTO organisation (kind, ods_code, name, area_team_id) VALUES ('CCG', '99W', 'NHS Testwick CCG', $1)"
                " RETURNING id",
                area_team,
            )
            people = [(SECRETARY, "Tess Secretary", None)] + [(rep_email(o), f"Dr Rep {o}", o) for o in LIST_SIZES]
            for ods, size in LIST_SIZES.items():
                await conn.execute(
                    "INSERT INTO practice (org_id, ods_code, name, list_size, locality) VALUES ($1, $2, $3, $4, 'Testwick')",
                    ccg,
                    ods,
                    f"Practice {ods}",
                    size,
                )
            for email, name, ods in people:
                roles = ["BOARD_SECRETARY", "ADMINISTRATOR"] if ods is None else ["PRACTICE_REPRESENTATIVE"]
                await add_person(conn, ccg, email, name, roles, ods)
    finally:
        await conn.close()


async def add_person(conn, ccg, email: str, name: str, roles: list[str], practice_ods: str | None) -> None:
    person = await conn.fetchval("INSERT INTO person (email, name) VALUES ($1, $2) RETURNING id", email, name)
    await conn.execute("INSERT INTO person_registration (org_id, person_id) VALUES ($1, $2)", ccg, person)
    for role in roles:
        await conn.execute(
            "INSERT INTO membership (org_id, person_id, role, practice_id, valid_from)"
            " VALUES ($1, $2, $3, (SELECT id FROM practice WHERE ods_code = $4), '2025-01-01')",
            ccg,
            person,
            role,
            practice_ods,
        )


async def ballot_in_testwick(client, rules: dict, questions: list[dict], **fields) -> tuple[Caller, dict]:
    tess = await as_person(client, SECRETARY)
    org = await global_id("Organisation", TESTWICK)
    settings = await tess.data(SET_RULES, {"input": {"organisationId": org, **EQUAL_RULES, **rules}})
    assert settings["setBallotSettings"]["errors"] == []
    created = (
        await tess.data(
            CREATE,
            {
                "input": {
                    "organisationId": org,
                    "title": "Annual ballot",
                    "opensAt": (now() - timedelta(minutes=1)).isoformat(),
                    "closesAt": (now() + timedelta(hours=1)).isoformat(),
                    "questions": questions,
                    **fields,
                }
            },
        )
    )["createBallot"]
    assert created["errors"] == []
    return tess, created["ballot"]


async def vote(client, ods: str, ballot: dict, *choices) -> None:
    caller = await as_person(client, rep_email(ods))
    result = (
        await caller.data(
            "mutation($input: CastBallotVoteInput!) { castBallotVote(input: $input) { outcome errors { message } } }",
            {"input": {"ballotId": ballot["id"], "answers": answers(ballot, *choices)}},
        )
    )["castBallotVote"]
    assert result == {"outcome": "RECORDED", "errors": []}


async def close_and_read(tess: Caller, ballot: dict) -> dict:
    closed = await tess.data(
        "mutation($id: ID!) { closeBallot(input: {id: $id}) { errors { message } } }", {"id": ballot["id"]}
    )
    assert closed["closeBallot"]["errors"] == []
    return (await tess.data(RESULTS, {"id": ballot["id"]}))["node"]


def table(question: dict) -> list[tuple]:
    return [
        (o["option"]["label"], o["votes"], o["weight"], o["percent"], o["elected"], o["tied"])
        for o in question["options"]
    ]


QUESTION = {"text": "Do you approve the annual report and accounts?"}
ELECTION = {"text": "Elect two GP members", "kind": "ELECTION", "seats": 2, "candidates": CANDIDATES}


async def test_a_weighted_ballot_checked_by_hand(client):
    tess, ballot = await ballot_in_testwick(
        client, {"weighting": "LIST_SIZE", "turnoutBasis": "LIST_SIZE"}, [QUESTION, ELECTION]
    )
    await vote(client, "Y99001", ballot, "For", ("Dr Ahmed", "Dr Brown"))
    await vote(client, "Y99002", ballot, "Against", ("Dr Brown", "Dr Clarke"))
    await vote(client, "Y99003", ballot, "Against", ("Dr Clarke",))
    await vote(client, "Y99004", ballot, "Abstain", ("Abstain",))
    found = await close_and_read(tess, ballot)

    # 4 of 5 practices, 19,000 of 25,000 patients: 76% turnout by list size.
    assert found["turnout"] == {
        "electoratePractices": 5,
        "electorateWeight": 25_000,
        "votedPractices": 4,
        "votedWeight": 19_000,
        "notVotedPractices": 1,
        "percent": 76.0,
        "thresholdMet": True,
    }
    question, election = found["results"]["questions"]
    # For 10,000; against 3,000 + 4,000 = 7,000: 10,000 / 17,000 = 58.82% for. One practice against two, yet carried.
    assert table(question) == [
        ("For", 1, 10_000, 58.82, False, False),
        ("Against", 2, 7_000, 41.18, False, False),
        ("Abstain", 1, 2_000, None, False, False),
    ]
    assert (question["outcome"], question["carried"], question["tied"]) == ("CARRIED", True, False)
    # Ahmed 10,000; Brown 10,000 + 3,000 = 13,000; Clarke 3,000 + 4,000 = 7,000; of 19,000 voting.
    assert table(election) == [
        ("Dr Ahmed", 1, 10_000, 52.63, True, False),
        ("Dr Brown", 2, 13_000, 68.42, True, False),
        ("Dr Clarke", 2, 7_000, 36.84, False, False),
        ("Abstain", 1, 2_000, 10.53, False, False),
    ]
    assert election["outcome"] == "ELECTED" and election["summary"] == "Elected: Dr Brown, Dr Ahmed."

    response = await tess.client.get(
        f"/exports/ballot.xlsx?ballot={ballot['id']}", headers={"authorization": f"Bearer {tess.token}"}
    )
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith('attachment; filename="ballot-99W-')
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Result", "Who voted", "Votes"]
    result = list(book["Result"].iter_rows(values_only=True))
    assert ("Turnout (%)", 76.0) == result[[r[0] for r in result].index("Turnout (%)")][:2]
    header = [r[0] for r in result].index("Question")
    assert result[header + 1][:7] == (
        "1. Do you approve the annual report and accounts?",
        "For",
        1,
        10_000,
        58.82,
        None,
        None,
    )
    assert result[header + 1][7].startswith("Carried: 10,000 for, 7,000 against (registered patients)")
    assert result[header + 4][1:6] == ("Dr Ahmed", 1, 10_000, 52.63, "Yes")
    who = list(book["Who voted"].iter_rows(values_only=True))
    assert [(r[1], r[2], r[3]) for r in who[1:]] == [
        ("Y99001", 10_000, "Yes"),
        ("Y99002", 3_000, "Yes"),
        ("Y99003", 4_000, "Yes"),
        ("Y99004", 2_000, "Yes"),
        ("Y99005", 6_000, "No"),
    ]
    votes = list(book["Votes"].iter_rows(values_only=True))
    assert ("Practice Y99002", "Y99002", 2, "Dr Clarke") in votes and len(votes) == 1 + 4 + 6


async def test_the_same_votes_one_practice_one_vote_and_a_tie_for_the_seat(client):
    one_seat = {**ELECTION, "seats": 1}
    tess, ballot = await ballot_in_testwick(client, {"turnoutThresholdPercent": 80}, [QUESTION, one_seat])
    await vote(client, "Y99001", ballot, "For", ("Dr Ahmed",))
    await vote(client, "Y99002", ballot, "Against", ("Dr Brown",))
    await vote(client, "Y99003", ballot, "Against", ("Dr Clarke",))
    await vote(client, "Y99004", ballot, "For", ("Dr Brown",))
    await vote(client, "Y99005", ballot, "Abstain", ("Dr Clarke",))
    found = await close_and_read(tess, ballot)
    assert found["turnout"]["percent"] == 100.0 and found["results"]["valid"]
    question, election = found["results"]["questions"]
    # Two for, two against, one abstains: level, so tied and not carried.
    assert (question["outcome"], question["carried"], question["tied"]) == ("TIED", False, True)
    assert question["summary"] == "Tied: 2 for, 2 against (practices)."
    assert table(election)[:3] == [
        ("Dr Ahmed", 1, 10_000, 20.0, False, False),
        ("Dr Brown", 2, 5_000, 40.0, False, True),
        ("Dr Clarke", 2, 10_000, 40.0, False, True),
    ]
    assert (election["outcome"], election["summary"]) == ("TIED", "Tied for the last seat: Dr Brown, Dr Clarke.")


async def test_turnout_below_the_threshold_carries_nothing_and_two_thirds_is_exact(client):
    tess, short = await ballot_in_testwick(
        client, {"turnoutBasis": "LIST_SIZE", "turnoutThresholdPercent": 60, "majority": "TWO_THIRDS"}, [QUESTION]
    )
    await vote(client, "Y99002", short, "For")
    await vote(client, "Y99003", short, "For")
    await vote(client, "Y99005", short, "Against")
    found = await close_and_read(tess, short)
    # 13,000 of 25,000 patients = 52%, below 60%; two-thirds of practices voted for, but the ballot is not valid.
    assert found["turnout"]["percent"] == 52.0 and not found["turnout"]["thresholdMet"]
    assert found["results"]["valid"] is False
    assert found["results"]["questions"][0]["outcome"] == "NOT_VALID"
    assert found["results"]["questions"][0]["summary"] == "Not valid: turnout was 52%, below the 60% needed."

    tess, exact = await ballot_in_testwick(
        client, {"majority": "TWO_THIRDS", "turnoutThresholdPercent": 60}, [QUESTION]
    )
    for ods, choice in [("Y99001", "Against"), ("Y99002", "For"), ("Y99003", "For")]:
        await vote(client, ods, exact, choice)
    question = (await close_and_read(tess, exact))["results"]["questions"][0]
    assert question["outcome"] == "CARRIED"
    assert question["summary"] == "Carried: 2 for, 1 against (practices); 66.67% for, two-thirds needed."


async def test_the_electorate_is_frozen_when_the_ballot_opens(client):
    tess, ballot = await ballot_in_testwick(client, {"weighting": "LIST_SIZE"}, [QUESTION])
    frozen = "query($id: ID!) { node(id: $id) { ... on Ballot { electorateFrozenAt turnout { electorateWeight electoratePractices } } } }"
    assert (await tess.data(frozen, {"id": ballot["id"]}))["node"]["electorateFrozenAt"] is None
    practice = await global_id("Practice", "SELECT id FROM practice WHERE ods_code = 'Y99005'")
    update = """mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { practice { listSize } errors { message } } }"""
    moved = await tess.data(
        update, {"input": {"id": practice, "name": "Practice Y99005", "listSize": 9_000, "locality": "Testwick"}}
    )
    assert moved["updatePractice"] == {"practice": {"listSize": 9_000}, "errors": []}
    create = """mutation($input: CreatePracticeInput!) { createPractice(input: $input) { errors { message } } }"""
    joined = await tess.data(
        create,
        {
            "input": {
                "organisationId": await global_id("Organisation", TESTWICK),
                "odsCode": "Y99006",
                "name": "Practice Y99006",
                "listSize": 5_000,
                "locality": "Testwick",
            }
        },
    )
    assert joined["createPractice"]["errors"] == []

    seen = (await tess.data(frozen, {"id": ballot["id"]}))["node"]
    assert seen["electorateFrozenAt"] is not None
    assert seen["turnout"] == {"electorateWeight": 25_000, "electoratePractices": 5}
    await vote(client, "Y99005", ballot, "For")
    weights = await owner_fetch(
        "SELECT e.list_size FROM ballot_elector e JOIN practice p ON p.id = e.practice_id"
        " WHERE p.ods_code = 'Y99005' AND e.ballot_id = $1",
        ballot_uuid(ballot),
    )
    assert [w["list_size"] for w in weights] == [6_000]

    conn = await owner()
    try:
        await add_person(
            conn, await conn.fetchval(TESTWICK), rep_email("Y99006"), "Dr Late", ["PRACTICE_REPRESENTATIVE"], "Y99006"
        )
    finally:
        await conn.close()
    late = await as_person(client, rep_email("Y99006"))
    refused = (
        await late.data(
            "mutation($input: CastBallotVoteInput!) { castBallotVote(input: $input) { outcome errors { field message } } }",
            {"input": {"ballotId": ballot["id"], "answers": answers(ballot, "For")}},
        )
    )["castBallotVote"]
    assert refused == {
        "outcome": None,
        "errors": [
            {
                "field": "practiceId",
                "message": "Practice Y99006 joined the CCG after this ballot opened and has no vote in it.",
            }
        ],
    }


async def test_a_ballot_not_yet_open_is_not_frozen_by_practice_changes(client):
    tess = await as_person(client, SECRETARY)
    org = await global_id("Organisation", TESTWICK)
    created = (
        await tess.data(
            CREATE,
            {
                "input": {
                    "organisationId": org,
                    "title": "Next year's ballot",
                    "questions": [QUESTION],
                    "opensAt": (now() + timedelta(days=1)).isoformat(),
                    "closesAt": (now() + timedelta(days=2)).isoformat(),
                }
            },
        )
    )["createBallot"]
    assert created["errors"] == []
    await owner_fetch("UPDATE practice SET list_size = list_size + 1 WHERE ods_code = 'Y99001'")
    frozen = await owner_fetch("SELECT electorate_frozen_at FROM ballot WHERE id = $1", ballot_uuid(created["ballot"]))
    assert [r["electorate_frozen_at"] for r in frozen] == [None]
