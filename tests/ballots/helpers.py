"""Setting up ballots through the API, and voting in them, as the tests' people."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from tests.support import BOLTON_SECRETARY, DEMO, Caller, as_person, global_id, owner, owner_fetch

BOLTON = "SELECT id FROM organisation WHERE ods_code = '00T'"
FIONA = f"fiona.clarke@{DEMO}"
KWAME = f"kwame.mensah@{DEMO}"

SET_RULES = """mutation($input: SetBallotSettingsInput!) {
  setBallotSettings(input: $input) { settings { rules { weighting turnoutBasis turnoutThresholdPercent majority
    majorityPercent votesMayBeChanged inWords } } errors { field message } } }"""
CREATE = """mutation($input: CreateBallotInput!) {
  createBallot(input: $input) { ballot { id title status secret questions { id kind seats options { id kind label } } }
    errors { field message } } }"""
CAST = """mutation($input: CastBallotVoteInput!) {
  castBallotVote(input: $input) { outcome message practice { odsCode }
    vote { asProxy castBy { email } answers { question { position } options { label } } }
    errors { field message } } }"""
CLOSE = (
    """mutation($id: ID!) { closeBallot(input: {id: $id}) { ballot { status closedAt } errors { field message } } }"""
)
RESULTS = """query($id: ID!) { node(id: $id) { ... on Ballot { status
  turnout { electoratePractices electorateWeight votedPractices votedWeight notVotedPractices percent thresholdMet }
  results { valid questions { outcome carried tied summary
    options { option { label } votes weight percent elected tied } } } } } }"""

EQUAL_RULES = {
    "weighting": "EQUAL",
    "turnoutBasis": "PRACTICES",
    "turnoutThresholdPercent": 50,
    "majority": "SIMPLE",
    "votesMayBeChanged": False,
}
FOR_AGAINST = [{"text": "Do you approve the revised constitution?"}]


def now() -> datetime:
    return datetime.now(UTC)


async def secretary(client) -> Caller:
    return await as_person(client, BOLTON_SECRETARY)


async def set_rules(caller: Caller, org_query: str = BOLTON, **rules) -> dict:
    org = await global_id("Organisation", org_query)
    result = await caller.data(SET_RULES, {"input": {"organisationId": org, **EQUAL_RULES, **rules}})
    return result["setBallotSettings"]


async def create_ballot(
    caller: Caller, *, questions=None, secret=False, opens=timedelta(minutes=-1), closes=timedelta(hours=1), **fields
) -> dict:
    org = await global_id("Organisation", BOLTON)
    result = await caller.data(
        CREATE,
        {
            "input": {
                "organisationId": org,
                "title": "Constitution change 2026",
                "secret": secret,
                "opensAt": (now() + opens).isoformat(),
                "closesAt": (now() + closes).isoformat(),
                "questions": questions or FOR_AGAINST,
                **fields,
            }
        },
    )
    payload = result["createBallot"]
    assert payload["errors"] == [], payload["errors"]
    return payload["ballot"]


async def new_ballot(client, *, rules=None, **kwargs) -> dict:
    """A Bolton ballot under these rules (the CCG's settings are set first; the ballot keeps its copy)."""
    helen = await secretary(client)
    assert (await set_rules(helen, **(rules or {})))["errors"] == []
    return await create_ballot(helen, **kwargs)


def answers(ballot: dict, *choices) -> list[dict]:
    """One answer per question: a label, or a tuple of labels for an election."""
    found = []
    for question, choice in zip(ballot["questions"], choices):
        labels = choice if isinstance(choice, tuple) else (choice,)
        by_label = {o["label"]: o["id"] for o in question["options"]}
        found.append({"questionId": question["id"], "optionIds": [by_label[label] for label in labels]})
    return found


async def cast(caller: Caller, ballot: dict, *choices, key: str | None = None, practice: str | None = None) -> dict:
    payload = {"ballotId": ballot["id"], "answers": answers(ballot, *choices)}
    if key is not None:
        payload["submissionKey"] = key
    if practice is not None:
        payload["practiceId"] = await practice_id(practice)
    return (await caller.data(CAST, {"input": payload}))["castBallotVote"]


async def practice_id(ods: str) -> str:
    return await global_id("Practice", "SELECT id FROM practice WHERE ods_code = $1", ods)


async def close(caller: Caller, ballot: dict) -> dict:
    return (await caller.data(CLOSE, {"id": ballot["id"]}))["closeBallot"]


async def results(caller: Caller, ballot: dict) -> dict:
    return (await caller.data(RESULTS, {"id": ballot["id"]}))["node"]


async def add_representative(practice_ods: str) -> str:
    """A practice representative for the practice, written as the owner; returns their email."""
    email = f"rep.{practice_ods.lower()}.{uuid.uuid4().hex[:6]}@nhs.example"
    conn = await owner()
    try:
        async with conn.transaction():
            org_id, practice = await conn.fetchrow("SELECT org_id, id FROM practice WHERE ods_code = $1", practice_ods)
            person = await conn.fetchval(
                "INSERT INTO person (email, name) VALUES ($1, $2) RETURNING id", email, f"Dr Rep {practice_ods}"
            )
            await conn.execute("INSERT INTO person_registration (org_id, person_id) VALUES ($1, $2)", org_id, person)
            await conn.execute(
                "INSERT INTO membership (org_id, person_id, role, practice_id, valid_from)"
                " VALUES ($1, $2, 'PRACTICE_REPRESENTATIVE', $3, '2025-01-01')",
                org_id,
                person,
                practice,
            )
    finally:
        await conn.close()
    return email


async def representative(client, practice_ods: str) -> Caller:
    return await as_person(client, await add_representative(practice_ods))


def ballot_uuid(ballot: dict) -> uuid.UUID:
    from quorum.ids import decode

    return decode(ballot["id"])[1]


async def stored_votes(ballot: dict) -> dict[str, int]:
    """How many rows the ballot has in each table that records voting."""
    key = ballot_uuid(ballot)
    counts = {}
    for table in ("ballot_participation", "ballot_vote", "ballot_vote_choice"):
        counts[table] = (await owner_fetch(f"SELECT count(*) FROM {table} WHERE ballot_id = $1", key))[0][0]
    counts["audit_entry"] = (
        await owner_fetch(
            "SELECT count(*) FROM audit_entry WHERE action LIKE 'ballot.vote%' AND after ->> 'ballot_id' = $1", str(key)
        )
    )[0][0]
    counts["tally"] = (await owner_fetch("SELECT coalesce(sum(votes), 0) FROM ballot_tally WHERE ballot_id = $1", key))[
        0
    ][0]
    return counts
