"""A secret ballot records that a practice voted, never how: not in any table, nor in the audit log."""

from __future__ import annotations

import json

import asyncpg
import pytest

from tests.ballots.helpers import (
    FIONA,
    add_representative,
    answers,
    ballot_uuid,
    cast,
    close,
    new_ballot,
    practice_id,
    results,
    secretary,
    stored_votes,
)
from tests.support import BOLTON_GP, as_person, global_id, owner, owner_fetch

QUESTIONS = [
    {"text": "Do you approve the merger of the two localities?"},
    {
        "text": "Elect two GP members of the governing body",
        "kind": "ELECTION",
        "seats": 2,
        "candidates": ["Dr Amara Okoye", "Dr Ben Hughes", "Dr Chloe Patel"],
    },
]


async def option_ids(ballot_id) -> dict[str, str]:
    rows = await owner_fetch("SELECT id::text, label FROM ballot_option WHERE ballot_id = $1", ballot_id)
    return {r["id"]: r["label"] for r in rows}


async def every_row_mentioning(values: set[str]) -> list[tuple[str, str]]:
    """(table, row as JSON) for every row of every table in the database that mentions any of `values`."""
    tables = await owner_fetch(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
    )
    found = []
    for table in (t["table_name"] for t in tables):
        for row in await owner_fetch(f'SELECT row_to_json(t)::text AS row FROM "{table}" t'):
            if any(v in row["row"] for v in values):
                found.append((table, row["row"]))
    return found


async def test_a_secret_ballot_leaves_no_link_from_practice_or_person_to_choice(client):
    ballot = await new_ballot(
        client,
        secret=True,
        questions=QUESTIONS,
        rules={"weighting": "LIST_SIZE", "votesMayBeChanged": True},
    )
    emails = [BOLTON_GP, FIONA, await add_representative("P82003")]
    voters = [await as_person(client, email) for email in emails]
    papers = [("For", ("Dr Amara Okoye", "Dr Ben Hughes")), ("Against", ("Dr Chloe Patel",)), ("For", ("Abstain",))]
    for voter, paper in zip(voters, papers):
        voted = await cast(voter, ballot, *paper, key=f"paper-{voters.index(voter)}")
        assert voted["outcome"] == "RECORDED"
        assert voted["vote"]["answers"] is None  # not even the voter is shown it back

    key = ballot_uuid(ballot)
    options = await option_ids(key)
    people = {r["id"] for r in await owner_fetch("SELECT id::text FROM person WHERE email = ANY ($1::text[])", emails)}
    practices = {
        r["id"]
        for r in await owner_fetch("SELECT id::text FROM practice WHERE ods_code IN ('P82001', 'P82002', 'P82003')")
    }
    # Every row anywhere that names a voter or a voting practice names no option of this ballot ...
    for table, row in await every_row_mentioning(people | practices):
        assert not any(option in row for option in options), f"{table} links a voter to a choice: {row}"
    # ... and the rows that do name its options name no voter, practice or voting moment.
    holding_options = await every_row_mentioning(set(options))
    assert {table for table, _ in holding_options} == {"ballot_option", "ballot_tally"}
    for table, row in holding_options:
        assert not any(v in row for v in people | practices), f"{table}: {row}"
        assert set(json.loads(row)) <= {
            "org_id",
            "id",
            "ballot_id",
            "question_id",
            "option_id",
            "position",
            "kind",
            "label",
            "secret",
            "votes",
            "weight",
        }
    assert (await stored_votes(ballot))["ballot_vote"] == 0

    # Every vote updates every total of the ballot, so no total's transaction id or position points to a voter.
    tally = await owner_fetch(
        "SELECT xmin::text AS xmin, ctid::text AS ctid FROM ballot_tally WHERE ballot_id = $1", key
    )
    assert len({r["xmin"] for r in tally}) == 1
    last_vote = await owner_fetch(
        "SELECT xmin::text AS xmin FROM ballot_participation WHERE ballot_id = $1 ORDER BY recorded_at DESC LIMIT 1",
        key,
    )
    assert tally[0]["xmin"] == last_vote[0]["xmin"]

    # The audit log says who voted, never how.
    audit = await owner_fetch(
        "SELECT action, after::text AS after FROM audit_entry WHERE after ->> 'ballot_id' = $1", str(key)
    )
    votes = [a for a in audit if a["action"].startswith("ballot.vote")]
    assert len(votes) == 3
    for entry in votes:
        assert not any(o in entry["after"] for o in options)
        assert not any(label in entry["after"] for label in set(options.values()) - {"For", "Against", "Abstain"})
        assert set(json.loads(entry["after"])) == {
            "org_id",
            "ballot_id",
            "practice_id",
            "cast_by",
            "proxy_id",
            "submission_key",
            "recorded_at",
            "changed_at",
        }

    # The totals are still right.
    assert (await close(await secretary(client), ballot))["errors"] == []
    found = (await results(voters[0], ballot))["results"]["questions"]
    assert [(o["option"]["label"], o["votes"]) for o in found[0]["options"]] == [
        ("For", 2),
        ("Against", 1),
        ("Abstain", 0),
    ]
    assert [(o["option"]["label"], o["votes"]) for o in found[1]["options"]] == [
        ("Dr Amara Okoye", 1),
        ("Dr Ben Hughes", 1),
        ("Dr Chloe Patel", 1),
        ("Abstain", 1),
    ]


async def test_a_secret_vote_cannot_be_changed_even_where_named_votes_can(client):
    ballot = await new_ballot(client, secret=True, rules={"votesMayBeChanged": True})
    rules = "query($id: ID!) { node(id: $id) { ... on Ballot { rules { votesMayBeChanged } } } }"
    gp = await as_person(client, BOLTON_GP)
    assert (await gp.data(rules, {"id": ballot["id"]}))["node"]["rules"] == {"votesMayBeChanged": False}
    assert (await cast(gp, ballot, "For", key="k1"))["outcome"] == "RECORDED"
    assert (await cast(gp, ballot, "For", key="k1"))["outcome"] == "ALREADY_RECORDED"
    refused = await cast(gp, ballot, "Against", key="k2")
    assert refused["outcome"] is None
    assert refused["errors"][0]["message"].endswith("by Dr Rajesh Mistry; votes in a secret ballot cannot be changed.")
    assert (await stored_votes(ballot))["tally"] == 1


async def test_named_ballots_show_who_voted_how_after_the_close_and_secret_ones_never(client):
    query = """query($id: ID!) { node(id: $id) { ... on Ballot {
      namedVotes { edges { node { practice { odsCode } castBy { email } answers { options { label } } } } } } } }"""
    gp = await as_person(client, BOLTON_GP)
    for secret in (False, True):
        ballot = await new_ballot(client, secret=secret)
        await cast(gp, ballot, "Against")
        assert (await gp.data(query, {"id": ballot["id"]}))["node"]["namedVotes"] is None
        await close(await secretary(client), ballot)
        shown = (await gp.data(query, {"id": ballot["id"]}))["node"]["namedVotes"]
        if secret:
            assert shown is None
        else:
            assert shown["edges"] == [
                {
                    "node": {
                        "practice": {"odsCode": "P82001"},
                        "castBy": {"email": BOLTON_GP},
                        "answers": [{"options": [{"label": "Against"}]}],
                    }
                }
            ]


async def test_the_database_refuses_a_named_answer_in_a_secret_ballot(client):
    ballot = await new_ballot(client, secret=True)
    await cast(await as_person(client, BOLTON_GP), ballot, "For")
    key = ballot_uuid(ballot)
    conn = await owner()
    try:
        with pytest.raises(asyncpg.ForeignKeyViolationError):
            await conn.execute(
                "INSERT INTO ballot_vote (org_id, ballot_id, question_id, practice_id)"
                " SELECT q.org_id, q.ballot_id, q.id, p.practice_id FROM ballot_question q"
                " JOIN ballot_participation p ON p.ballot_id = q.ballot_id WHERE q.ballot_id = $1",
                key,
            )
    finally:
        await conn.close()


async def test_the_database_refuses_a_secret_vote_without_its_paper(client):
    ballot = await new_ballot(client, secret=True)
    await cast(await as_person(client, FIONA), ballot, "Against")  # freezes the electorate
    key = ballot_uuid(ballot)
    conn = await owner()
    try:
        with pytest.raises(asyncpg.CheckViolationError, match="a secret vote needs its paper"):
            async with conn.transaction():
                await conn.execute(
                    "INSERT INTO ballot_participation (org_id, ballot_id, practice_id, cast_by, recorded_at)"
                    " SELECT e.org_id, e.ballot_id, e.practice_id, p.id, now() FROM ballot_elector e, person p"
                    " WHERE e.ballot_id = $1 AND e.ods_code = 'P82001' AND p.email = $2",
                    key,
                    BOLTON_GP,
                )
    finally:
        await conn.close()
    assert (await stored_votes(ballot))["ballot_participation"] == 1 and (await stored_votes(ballot))["tally"] == 1


async def test_a_proxy_casting_two_secret_papers_in_one_request_has_each_counted_as_cast(client):
    ballot = await new_ballot(client, secret=True, questions=QUESTIONS)
    fiona, gp = await as_person(client, FIONA), await as_person(client, BOLTON_GP)
    appoint = "mutation($input: AppointBallotProxyInput!) { appointBallotProxy(input: $input) { errors { message } } }"
    rajesh = await global_id("Person", "SELECT id FROM person WHERE email = $1", BOLTON_GP)
    appointed = await fiona.data(
        appoint,
        {
            "input": {
                "ballotId": ballot["id"],
                "practiceId": await practice_id("P82002"),
                "proxyPersonId": rajesh,
            }
        },
    )
    assert appointed["appointBallotProxy"]["errors"] == []
    both = """mutation($own: CastBallotVoteInput!, $proxy: CastBallotVoteInput!) {
      own: castBallotVote(input: $own) { outcome } proxy: castBallotVote(input: $proxy) { outcome } }"""
    papers = {
        "own": {
            "ballotId": ballot["id"],
            "practiceId": await practice_id("P82001"),
            "answers": answers(ballot, "Against", ("Dr Ben Hughes",)),
        },
        "proxy": {
            "ballotId": ballot["id"],
            "practiceId": await practice_id("P82002"),
            "answers": answers(ballot, "For", ("Dr Amara Okoye", "Dr Chloe Patel")),
        },
    }
    assert await gp.data(both, papers) == {"own": {"outcome": "RECORDED"}, "proxy": {"outcome": "RECORDED"}}
    await close(await secretary(client), ballot)
    found = (await results(gp, ballot))["results"]["questions"]
    assert [(o["option"]["label"], o["votes"]) for o in found[0]["options"]] == [
        ("For", 1),
        ("Against", 1),
        ("Abstain", 0),
    ]
    assert [(o["option"]["label"], o["votes"]) for o in found[1]["options"]] == [
        ("Dr Amara Okoye", 1),
        ("Dr Ben Hughes", 1),
        ("Dr Chloe Patel", 1),
        ("Abstain", 0),
    ]
    weights = {
        r["ods_code"]: r["list_size"]
        for r in await owner_fetch(
            "SELECT ods_code, list_size FROM ballot_elector WHERE ballot_id = $1", ballot_uuid(ballot)
        )
    }
    assert [o["weight"] for o in found[0]["options"][:2]] == [weights["P82002"], weights["P82001"]]
