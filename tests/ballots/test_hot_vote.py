"""The frontend's CastBallotVote document, answered by one SQL function call that checks its caller itself: one
statement with no access decided first (no transaction), two for a sign-in the worker has not seen, with exactly
the schema's answer, never a vote lost or doubled, and nothing recorded once the caller's membership, sign-in or
token has ended."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

from quorum import clock
from quorum.auth import known_callers, tokens
from quorum.ballots.hot import CAST_BALLOT_VOTE
from tests.ballots.helpers import (
    FIONA,
    KWAME,
    add_representative,
    answers,
    ballot_uuid,
    close,
    new_ballot,
    practice_id,
    representative,
    secretary,
    stored_votes,
)
from tests.conftest import ROOT
from tests.support import BOLTON_GP, CSRF, Caller, as_person, global_id, owner_fetch, token_for

# A comment makes the document differ from the hot one, so the schema answers it.
BY_THE_SCHEMA = CAST_BALLOT_VOTE + "\n# answered by the schema\n"
ELECTION = [
    {"text": "Do you approve the revised constitution?"},
    {"text": "Elect two GP members", "kind": "ELECTION", "seats": 2, "candidates": ["Dr A", "Dr B", "Dr C"]},
]


class Answer(dict):
    """The response's JSON, and its bytes (the hot answer must be the schema's byte for byte)."""

    raw: bytes


async def send(caller: Caller, document: str, vote: dict) -> tuple[Answer, int]:
    """The answer, sent with the caller's bearer token, or with the client's sign-in cookie when they have none."""
    headers = {"Authorization": f"Bearer {caller.token}"} if caller.token else CSRF
    response = await caller.client.post(
        "/graphql", json={"query": document, "variables": {"input": vote}}, headers=headers
    )
    assert response.status_code == 200, response.text
    answer = Answer(response.json())
    answer.raw = response.content
    return answer, int(response.headers["x-quorum-sql-statements"])


def paper(ballot: dict, *choices, key: str | None = None, **fields) -> dict:
    vote = {"ballotId": ballot["id"], "answers": answers(ballot, *choices), **fields}
    return vote if key is None else {**vote, "submissionKey": key}


async def audit_of(ballot: dict) -> list[dict]:
    """The ballot's vote audit entries, without what differs between two ballots."""
    rows = await owner_fetch(
        "SELECT actor_person_id, action, entity_type, entity_id, before, after - 'ballot_id' - 'recorded_at' AS after,"
        " (after ->> 'recorded_at') ~ '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z$' AS moment_as_pydantic"
        " FROM audit_entry WHERE action LIKE 'ballot.vote%' AND after ->> 'ballot_id' = $1 ORDER BY at",
        str(ballot_uuid(ballot)),
    )
    return [dict(r) for r in rows]


def test_the_frontend_sends_the_hot_document():
    source = (ROOT / "frontend" / "src" / "api" / "ballots.ts").read_text()
    frontend = re.search(r"export const castBallotVoteMutation = gql<[^>]*>\(`(.*?)`\);", source, re.DOTALL)
    assert frontend is not None
    assert " ".join(frontend.group(1).split()) == " ".join(CAST_BALLOT_VOTE.split())


async def test_a_first_vote_and_its_retries_are_the_schemas_answers_in_one_statement(client):
    gp = await as_person(client, BOLTON_GP)
    for secret in (False, True):
        hot_ballot = await new_ballot(client, questions=ELECTION, secret=secret)
        schema_ballot = await new_ballot(client, questions=ELECTION, secret=secret)
        choices = ("Against", ("Dr A", "Dr C"))
        first = [
            await send(gp, CAST_BALLOT_VOTE, paper(hot_ballot, *choices, key="k1")),
            await send(gp, BY_THE_SCHEMA, paper(schema_ballot, *choices, key="k1")),
        ]
        assert first[0][0].raw == first[1][0].raw
        assert first[0][0]["data"]["castBallotVote"]["outcome"] == "RECORDED"
        assert first[0][1] == 1 < first[1][1]  # a bearer token names its person: no access is decided first
        repeats = [paper(hot_ballot, *choices, key="k1"), paper(hot_ballot, *choices, key="  k1 ")]
        if not secret:  # a named ballot knows the same choices sent without the key
            repeats.append(paper(hot_ballot, *choices))
        for repeat in repeats:
            (hot, hot_statements), (schema, _) = [await send(gp, d, repeat) for d in (CAST_BALLOT_VOTE, BY_THE_SCHEMA)]
            assert hot.raw == schema.raw
            assert hot["data"]["castBallotVote"]["outcome"] == "ALREADY_RECORDED"
            assert hot_statements == 1
        assert await stored_votes(hot_ballot) == await stored_votes(schema_ballot)
        assert await audit_of(hot_ballot) == await audit_of(schema_ballot)
        assert [a["moment_as_pydantic"] for a in await audit_of(hot_ballot)] == [True]


async def test_every_refusal_is_the_schemas_and_changes_nothing(client):
    gp, helen, kwame = await as_person(client, BOLTON_GP), await secretary(client), await as_person(client, KWAME)
    ballot = await new_ballot(client, questions=ELECTION)
    voted = await new_ballot(client)
    secret = await new_ballot(client, secret=True)
    changeable = await new_ballot(client, rules={"votesMayBeChanged": True})
    for earlier in (voted, secret, changeable):
        first, _ = await send(gp, CAST_BALLOT_VOTE, paper(earlier, "For", key="mine"))
        assert first["data"]["castBallotVote"]["outcome"] == "RECORDED"
    closed = await new_ballot(client)
    await close(helen, closed)
    scheduled = await new_ballot(client, opens=timedelta(hours=1), closes=timedelta(hours=2))
    question, election = ballot["questions"]
    good = answers(ballot, "For", ("Dr A",))
    candidates = {"answers": [good[0], {**good[1], "optionIds": [o["id"] for o in election["options"][:3]]}]}
    cases = [
        (gp, paper(closed, "For")),
        (gp, paper(scheduled, "For")),
        (helen, {"ballotId": ballot["id"], "answers": good}),  # not a representative
        (kwame, {"ballotId": ballot["id"], "answers": good}),  # another CCG's representative
        (Caller(client), {"ballotId": ballot["id"], "answers": good}),  # anonymous
        (gp, {"ballotId": "not-an-id", "answers": good}),
        (gp, {"ballotId": question["id"], "answers": good}),
        (gp, {"ballotId": ballot["id"], "answers": good, "practiceId": await practice_id("P82002")}),
        (gp, {"ballotId": ballot["id"], "answers": good, "practiceId": await practice_id("F83001")}),
        (gp, {"ballotId": ballot["id"], "answers": good[:1]}),  # a question unanswered
        (gp, {"ballotId": ballot["id"], "answers": [*good, good[0]]}),  # a question answered twice
        (gp, {"ballotId": ballot["id"], "answers": [{**good[0], "optionIds": good[1]["optionIds"]}, good[1]]}),
        (gp, {"ballotId": ballot["id"], "answers": [good[0], {**good[1], "optionIds": good[1]["optionIds"] * 2}]}),
        (gp, {"ballotId": ballot["id"], "answers": [good[0], {**good[1], "optionIds": []}]}),
        (gp, {"ballotId": ballot["id"], "answers": [good[0], {**good[1], "optionIds": ["nonsense"]}]}),
        (gp, {"ballotId": ballot["id"], "answers": [good[0], {**good[1], "optionIds": [voted["id"]]}]}),
        (gp, {"ballotId": ballot["id"], "answers": [good[0], {**good[1], "questionId": question["id"]}]}),
        (gp, {"ballotId": ballot["id"], **candidates}),  # three candidates for two seats
        (gp, {"ballotId": ballot["id"], "answers": answers(ballot, "For", ("Dr A", "Abstain"))}),
        (gp, {"ballotId": ballot["id"], "answers": answers(voted, "For")}),  # another ballot's paper
        (gp, {"ballotId": ballot["id"], "answers": good, "submissionKey": "   "}),
        (gp, {"ballotId": ballot["id"], "answers": good, "submissionKey": "x" * 101}),
        (gp, {"ballotId": ballot["id"], "answers": [{**good[0], "extra": 1}, good[1]]}),
        (gp, paper(voted, "Against", key="another")),  # a changed vote where changes are not allowed
        (gp, paper(secret, "For", key="another")),  # a secret ballot cannot tell a retry from a change
    ]
    ballots = (ballot, voted, secret, changeable, closed, scheduled)
    for caller, vote in cases:
        before = [await stored_votes(b) for b in ballots]
        hot, _ = await send(caller, CAST_BALLOT_VOTE, vote)
        assert [await stored_votes(b) for b in ballots] == before, vote
        schema, _ = await send(caller, BY_THE_SCHEMA, vote)
        assert hot.raw == schema.raw, vote
        refused = hot["data"] and hot["data"]["castBallotVote"]
        assert (refused["outcome"] is None and refused["errors"]) if refused else hot["errors"], vote
    # A change where the rules allow it is the schema's to make.
    changed, _ = await send(gp, CAST_BALLOT_VOTE, paper(changeable, "Against"))
    assert changed["data"]["castBallotVote"]["outcome"] == "CHANGED"


async def test_concurrent_sends_of_one_paper_and_of_many_record_each_vote_once(client):
    second = await representative(client, "P82001")
    gp, fiona = await as_person(client, BOLTON_GP), await as_person(client, FIONA)
    others = [await representative(client, ods) for ods in ("P82003", "P82004")]
    for secret in (False, True):
        ballot = await new_ballot(client, secret=secret)  # not yet frozen: the first sends race to freeze it
        sends = [send(gp, CAST_BALLOT_VOTE, paper(ballot, "For", key="rajesh")) for _ in range(6)]
        sends += [send(second, CAST_BALLOT_VOTE, paper(ballot, "For", key="rajesh")) for _ in range(3)]
        sends += [send(fiona, CAST_BALLOT_VOTE, paper(ballot, "Against", key="fiona")) for _ in range(3)]
        sends += [send(o, CAST_BALLOT_VOTE, paper(ballot, "Abstain", key=f"o{i}")) for i, o in enumerate(others)]
        replies = await asyncio.gather(*sends)
        outcomes = [r[0]["data"]["castBallotVote"]["outcome"] for r in replies]
        assert outcomes.count("RECORDED") == 4
        assert outcomes.count("ALREADY_RECORDED") == len(sends) - 4
        assert all(statements == 1 for _, statements in replies)
        counts = await stored_votes(ballot)
        assert (counts["ballot_participation"], counts["audit_entry"]) == (4, 4)
        if secret:
            assert (counts["ballot_vote"], counts["tally"]) == (0, 4)
        else:
            assert (counts["ballot_vote"], counts["ballot_vote_choice"], counts["tally"]) == (4, 4, 0)


async def test_a_proxy_votes_for_the_practice_it_holds_until_revoked(client):
    gp, fiona = await as_person(client, BOLTON_GP), await as_person(client, FIONA)
    ballot = await new_ballot(client)
    appoint = """mutation($input: AppointBallotProxyInput!) {
      appointBallotProxy(input: $input) { proxy { id } errors { message } } }"""
    revoke = "mutation($id: ID!) { revokeBallotProxy(input: {id: $id}) { errors { message } } }"
    mill = await practice_id("P82001")
    fiona_id = await global_id("Person", "SELECT id FROM person WHERE email = $1", FIONA)
    appointed = (
        await gp.data(appoint, {"input": {"ballotId": ballot["id"], "practiceId": mill, "proxyPersonId": fiona_id}})
    )["appointBallotProxy"]
    assert appointed["errors"] == []
    # Holding a proxy as well as her own practice's vote, Fiona must say which practice she votes for.
    (unnamed, _), (schema, _) = [await send(fiona, d, paper(ballot, "For")) for d in (CAST_BALLOT_VOTE, BY_THE_SCHEMA)]
    assert unnamed.raw == schema.raw
    assert unnamed["data"]["castBallotVote"]["errors"][0]["message"].startswith("You can vote for more than one")

    revoked_ballot = await new_ballot(client)
    proxy = (
        await gp.data(
            appoint, {"input": {"ballotId": revoked_ballot["id"], "practiceId": mill, "proxyPersonId": fiona_id}}
        )
    )["appointBallotProxy"]["proxy"]
    assert (await gp.data(revoke, {"id": proxy["id"]}))["revokeBallotProxy"]["errors"] == []
    refused, _ = await send(fiona, CAST_BALLOT_VOTE, paper(revoked_ballot, "For", practiceId=mill))
    assert refused.raw == (await send(fiona, BY_THE_SCHEMA, paper(revoked_ballot, "For", practiceId=mill)))[0].raw
    assert refused["data"]["castBallotVote"]["errors"][0]["message"] == (
        "You are not a representative or proxy of that practice in this ballot."
    )

    voted, statements = await send(fiona, CAST_BALLOT_VOTE, paper(ballot, "For", practiceId=mill))
    assert voted["data"]["castBallotVote"]["outcome"] == "RECORDED" and statements == 1
    again, _ = await send(fiona, BY_THE_SCHEMA, paper(ballot, "For", practiceId=mill))
    assert again["data"]["castBallotVote"]["outcome"] == "ALREADY_RECORDED"
    cast = await owner_fetch(
        "SELECT p.ods_code, b.proxy_id IS NOT NULL FROM ballot_participation b JOIN practice p ON p.id = b.practice_id"
        " WHERE b.ballot_id = $1",
        ballot_uuid(ballot),
    )
    assert [tuple(r) for r in cast] == [("P82001", True)]
    assert await stored_votes(revoked_ballot) == {k: 0 for k in await stored_votes(revoked_ballot)}


async def test_the_submission_limit_counts_each_hot_send_once_refused_or_not(client, monkeypatch):
    from quorum import limits

    monkeypatch.setattr(limits, "SUBMISSIONS", limits.RateLimit(limit=3, per_seconds=60))
    gp = await as_person(client, BOLTON_GP)
    closed, ballot = await new_ballot(client), await new_ballot(client)
    await close(await secretary(client), closed)
    headers = {"Authorization": f"Bearer {gp.token}"}
    replies = [
        await client.post("/graphql", json={"query": CAST_BALLOT_VOTE, "variables": {"input": vote}}, headers=headers)
        for vote in (paper(closed, "For"), *[paper(ballot, "For", key="k")] * 3)
    ]
    # The refusal was declined by the function and answered by the schema: counted once, not twice.
    assert [r.status_code for r in replies] == [200, 200, 200, 429]
    outcomes = [r.json()["data"]["castBallotVote"]["outcome"] for r in replies[:3]]
    assert outcomes == [None, "RECORDED", "ALREADY_RECORDED"]
    assert int(replies[3].headers["retry-after"]) >= 1
    assert (await stored_votes(ballot))["ballot_participation"] == 1


async def test_a_signed_in_browser_votes_in_two_statements_once_then_one(client):
    signed_in = await client.post("/auth/demo/sign-in", json={"email": BOLTON_GP}, headers=CSRF)
    assert signed_in.status_code == 204
    browser = Caller(client)
    try:
        ballots = [await new_ballot(client) for _ in range(2)]
        known_callers.forget_everyone()
        counted = []
        for ballot, choice in ((ballots[0], "For"), (ballots[0], "For"), (ballots[1], "Against")):
            hot, statements = await send(browser, CAST_BALLOT_VOTE, paper(ballot, choice))
            counted.append((hot["data"]["castBallotVote"]["outcome"], statements))
        # A sign-in this worker has not seen is decided first (and remembered); then its person is known.
        assert counted == [("RECORDED", 2), ("ALREADY_RECORDED", 1), ("RECORDED", 1)]
        (hot, _), (schema, _) = [
            await send(browser, d, paper(ballots[1], "Against")) for d in (CAST_BALLOT_VOTE, BY_THE_SCHEMA)
        ]
        assert hot.raw == schema.raw
        assert [(await stored_votes(b))["ballot_participation"] for b in ballots] == [1, 1]
    finally:
        client.cookies.clear()


async def refused_and_unrecorded(caller: Caller, ballot: dict) -> Answer:
    """The hot answer to a first paper: the schema's, and nothing recorded by either."""
    hot, _ = await send(caller, CAST_BALLOT_VOTE, paper(ballot, "For"))
    schema, _ = await send(caller, BY_THE_SCHEMA, paper(ballot, "For"))
    assert hot.raw == schema.raw
    assert (await stored_votes(ballot))["ballot_participation"] == 0
    return hot


async def test_a_vote_is_refused_once_the_membership_has_ended_or_before_it_starts(client):
    email = await add_representative("P82003")
    rep = Caller(client, await token_for(email))
    first, later, last = [await new_ballot(client) for _ in range(3)]
    voted, _ = await send(rep, CAST_BALLOT_VOTE, paper(first, "For"))
    assert voted["data"]["castBallotVote"]["outcome"] == "RECORDED"  # and their access remembered
    person = "(SELECT id FROM person WHERE email = $2)"
    await owner_fetch(
        f"UPDATE membership SET valid_to = $1 WHERE person_id = {person}", clock.today() - timedelta(days=1), email
    )
    refused = await refused_and_unrecorded(rep, later)
    assert refused["data"]["castBallotVote"]["outcome"] is None
    tomorrow = clock.today() + timedelta(days=1)
    await owner_fetch(
        f"UPDATE membership SET valid_from = $1, valid_to = NULL WHERE person_id = {person}", tomorrow, email
    )
    assert (await refused_and_unrecorded(rep, last)) == refused


async def test_a_vote_is_refused_once_the_token_is_revoked(client):
    token = await token_for(await add_representative("P82004"))
    first, later = await new_ballot(client), await new_ballot(client)
    voted, _ = await send(Caller(client, token), CAST_BALLOT_VOTE, paper(first, "For"))
    assert voted["data"]["castBallotVote"]["outcome"] == "RECORDED"
    assert await tokens.revoke(tokens.token_id(token)) is True
    response = await client.post(
        "/graphql",
        json={"query": CAST_BALLOT_VOTE, "variables": {"input": paper(later, "For")}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "The bearer token has been revoked."
    assert (await stored_votes(later))["ballot_participation"] == 0


async def test_a_vote_is_refused_once_the_browser_has_signed_out(client):
    assert (await client.post("/auth/demo/sign-in", json={"email": BOLTON_GP}, headers=CSRF)).status_code == 204
    browser = Caller(client)
    try:
        first, later = await new_ballot(client), await new_ballot(client)
        voted, _ = await send(browser, CAST_BALLOT_VOTE, paper(first, "For"))
        assert voted["data"]["castBallotVote"]["outcome"] == "RECORDED"
        kept = client.cookies["quorum_session"]
        assert (await client.post("/auth/sign-out", headers=CSRF)).status_code == 204
        client.cookies.set("quorum_session", kept)  # a copy of the cookie kept from before signing out
        refused = await refused_and_unrecorded(browser, later)
        assert refused["errors"] or refused["data"]["castBallotVote"]["outcome"] is None
    finally:
        client.cookies.clear()
