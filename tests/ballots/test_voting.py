"""Casting votes through the API: once per practice, whoever presses and however often."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from quorum import clock
from quorum.ballots import voting
from tests.ballots.helpers import (
    CAST,
    FIONA,
    answers,
    ballot_uuid,
    cast,
    close,
    new_ballot,
    practice_id,
    representative,
    results,
    secretary,
    stored_votes,
)
from tests.support import BOLTON_GP, Caller, as_person, global_id, owner_fetch, token_for

ALREADY = "The Mill Health Centre's vote was already recorded at "


async def test_a_representative_votes_and_is_told_so(client):
    ballot = await new_ballot(client)
    gp = await as_person(client, BOLTON_GP)
    voted = await cast(gp, ballot, "For")
    assert voted["outcome"] == "RECORDED" and voted["errors"] == []
    assert voted["message"] == "The vote for The Mill Health Centre has been recorded."
    assert voted["practice"] == {"odsCode": "P82001"}
    assert voted["vote"]["castBy"] == {"email": BOLTON_GP} and not voted["vote"]["asProxy"]
    assert voted["vote"]["answers"] == [{"question": {"position": 1}, "options": [{"label": "For"}]}]
    assert await stored_votes(ballot) == {
        "ballot_participation": 1,
        "ballot_vote": 1,
        "ballot_vote_choice": 1,
        "audit_entry": 1,
        "tally": 0,
    }


async def test_two_representatives_of_one_practice_pressing_at_once_give_one_vote(client, monkeypatch):
    second, fiona = await representative(client, "P82001"), await as_person(client, FIONA)
    gp = await as_person(client, BOLTON_GP)
    real_gate = voting._gate
    for choices in (("For", "Against"), ("For", "For")):
        ballot = await new_ballot(client)
        await cast(fiona, ballot, "Abstain")  # the first vote freezes the electorate
        both_at_the_gate, arrived = asyncio.Event(), []

        async def together(db, participation):
            # Both transactions are open and past every check before either tries to record the vote.
            arrived.append(participation.cast_by)
            if len(arrived) == 2:
                both_at_the_gate.set()
            await asyncio.wait_for(both_at_the_gate.wait(), timeout=10)
            return await real_gate(db, participation)

        monkeypatch.setattr(voting, "_gate", together)
        first, other = await asyncio.gather(cast(gp, ballot, choices[0]), cast(second, ballot, choices[1]))
        monkeypatch.setattr(voting, "_gate", real_gate)
        assert len(arrived) == 2
        outcomes = sorted([first["outcome"] or "REFUSED", other["outcome"] or "REFUSED"])
        if choices[0] == choices[1]:
            assert outcomes == ["ALREADY_RECORDED", "RECORDED"]
        else:
            assert outcomes == ["RECORDED", "REFUSED"]
            refused = first if first["outcome"] is None else other
            assert refused["errors"][0]["message"].startswith(ALREADY)
            assert refused["errors"][0]["message"].endswith("; this ballot does not allow votes to be changed.")
        assert await stored_votes(ballot) == {
            "ballot_participation": 2,
            "ballot_vote": 2,
            "ballot_vote_choice": 2,
            "audit_entry": 2,
            "tally": 0,
        }
        p82001 = await owner_fetch(
            "SELECT count(*) FROM ballot_vote_choice c JOIN practice p ON p.id = c.practice_id"
            " WHERE c.ballot_id = $1 AND p.ods_code = 'P82001'",
            ballot_uuid(ballot),
        )
        assert p82001[0][0] == 1


async def test_a_burst_of_presses_and_retries_from_both_representatives_records_one_vote(client):
    second = await representative(client, "P82001")
    gp = await as_person(client, BOLTON_GP)
    ballot = await new_ballot(client, rules={"votesMayBeChanged": True})
    presses = [cast(gp, ballot, "For", key="rajesh-paper-1") for _ in range(8)]
    presses += [cast(second, ballot, "Against", key="second-paper-1") for _ in range(8)]
    outcomes = [p["outcome"] for p in await asyncio.gather(*presses)]
    assert outcomes.count("RECORDED") == 1
    assert set(outcomes) <= {"RECORDED", "ALREADY_RECORDED", "CHANGED"}
    counts = await stored_votes(ballot)
    assert (counts["ballot_participation"], counts["ballot_vote"], counts["ballot_vote_choice"]) == (1, 1, 1)


async def test_a_retried_submission_is_recorded_once_and_says_so(client):
    ballot = await new_ballot(client)
    gp = await as_person(client, BOLTON_GP)
    assert (await cast(gp, ballot, "Against", key="paper-7f3a"))["outcome"] == "RECORDED"
    retry = await cast(gp, ballot, "Against", key="paper-7f3a")
    assert retry["outcome"] == "ALREADY_RECORDED" and retry["errors"] == []
    assert retry["message"].startswith("The vote for The Mill Health Centre was already recorded at ")
    assert retry["message"].endswith("; nothing has changed.")
    without_key = await cast(gp, ballot, "Against")
    assert without_key["outcome"] == "ALREADY_RECORDED"
    assert await stored_votes(ballot) == {
        "ballot_participation": 1,
        "ballot_vote": 1,
        "ballot_vote_choice": 1,
        "audit_entry": 1,
        "tally": 0,
    }


async def test_a_vote_changes_only_where_the_rules_allow(client):
    gp = await as_person(client, BOLTON_GP)
    fixed = await new_ballot(client)
    await cast(gp, fixed, "For")
    refused = await cast(gp, fixed, "Against", key="a-new-paper")
    assert refused["outcome"] is None and refused["errors"][0]["message"].startswith(ALREADY)

    changeable = await new_ballot(client, rules={"votesMayBeChanged": True})
    await cast(gp, changeable, "For")
    changed = await cast(gp, changeable, "Against")
    assert changed["outcome"] == "CHANGED"
    assert changed["message"] == "The vote for The Mill Health Centre has been changed."
    assert changed["vote"]["answers"][0]["options"] == [{"label": "Against"}]
    assert (await stored_votes(changeable))["ballot_vote_choice"] == 1
    actions = await owner_fetch(
        "SELECT action FROM audit_entry WHERE after ->> 'ballot_id' = $1 ORDER BY id",
        str(ballot_uuid(changeable)),
    )
    assert [a["action"] for a in actions] == ["ballot.vote", "ballot.vote.change"]
    assert (await close(await secretary(client), changeable))["errors"] == []
    options = (await results(gp, changeable))["results"]["questions"][0]["options"]
    assert [(o["option"]["label"], o["votes"]) for o in options] == [("For", 0), ("Against", 1), ("Abstain", 0)]


async def test_voting_before_the_opening_is_refused(client):
    ballot = await new_ballot(client, opens=timedelta(hours=2), closes=timedelta(hours=3))
    assert ballot["status"] == "SCHEDULED"
    refused = await cast(await as_person(client, BOLTON_GP), ballot, "For")
    assert refused["outcome"] is None
    assert refused["errors"][0]["field"] == "ballotId"
    assert refused["errors"][0]["message"].startswith("Voting has not started: the ballot opens at ")
    assert (await stored_votes(ballot))["ballot_participation"] == 0


async def test_voting_after_the_close_is_refused(client, monkeypatch):
    gp = Caller(client, await token_for(BOLTON_GP, ttl=timedelta(days=1)))
    closed_early = await new_ballot(client)
    assert (await close(await secretary(client), closed_early))["ballot"]["status"] == "CLOSED"
    refused = await cast(gp, closed_early, "For")
    assert refused["errors"][0]["message"].startswith("The ballot closed at ")
    assert refused["errors"][0]["message"].endswith("; votes can no longer be cast.")

    on_time = await new_ballot(client, closes=timedelta(minutes=30))
    later = clock.now() + timedelta(minutes=31)
    monkeypatch.setattr(clock, "now", lambda: later)
    refused = await cast(gp, on_time, "For")
    assert refused["outcome"] is None and "votes can no longer be cast" in refused["errors"][0]["message"]
    for ballot in (closed_early, on_time):
        assert (await stored_votes(ballot))["ballot_participation"] == 0


async def test_results_are_unreadable_until_the_close(client, monkeypatch):
    gp = Caller(client, await token_for(BOLTON_GP, ttl=timedelta(days=1)))
    helen = await secretary(client)
    ballot = await new_ballot(client, closes=timedelta(minutes=30))
    await cast(gp, ballot, "For")
    for caller in (gp, helen):
        seen = await results(caller, ballot)
        assert seen["status"] == "OPEN" and seen["results"] is None
        assert seen["turnout"]["votedPractices"] == 1
    export = await client.get(
        f"/exports/ballot.xlsx?ballot={ballot['id']}", headers={"authorization": f"Bearer {helen.token}"}
    )
    assert export.status_code == 409
    named = "query($id: ID!) { node(id: $id) { ... on Ballot { namedVotes { totalCount } } } }"
    assert (await gp.data(named, {"id": ballot["id"]}))["node"]["namedVotes"] is None

    later = clock.now() + timedelta(minutes=31)
    monkeypatch.setattr(clock, "now", lambda: later)
    closed = await results(gp, ballot)
    assert closed["status"] == "CLOSED" and closed["results"]["questions"][0]["options"][0]["votes"] == 1
    assert (await gp.data(named, {"id": ballot["id"]}))["node"]["namedVotes"] == {"totalCount": 1}


async def test_a_practice_appoints_a_proxy_who_votes_for_it(client):
    fiona, gp = await as_person(client, FIONA), await as_person(client, BOLTON_GP)
    ballot = await new_ballot(client)
    rajesh = await global_id("Person", "SELECT id FROM person WHERE email = $1", BOLTON_GP)
    appoint = """mutation($input: AppointBallotProxyInput!) { appointBallotProxy(input: $input) {
      proxy { id practice { odsCode } proxy { email } proxyPractice { odsCode } appointedBy { email } } errors { field message } } }"""
    appointed = (
        await fiona.data(
            appoint,
            {
                "input": {
                    "ballotId": ballot["id"],
                    "practiceId": await practice_id("P82002"),
                    "proxyPersonId": rajesh,
                }
            },
        )
    )["appointBallotProxy"]
    assert appointed["errors"] == []
    assert appointed["proxy"]["practice"] == {"odsCode": "P82002"} and appointed["proxy"]["proxy"] == {
        "email": BOLTON_GP
    }
    assert appointed["proxy"]["proxyPractice"] == {"odsCode": "P82001"}

    rights = """query($id: ID!) { node(id: $id) { ... on Ballot {
      viewerVotingRights { practice { odsCode } asProxy canVote vote { asProxy } } proxies { practice { odsCode } } } } }"""
    seen = (await gp.data(rights, {"id": ballot["id"]}))["node"]
    assert seen["viewerVotingRights"] == [
        {"practice": {"odsCode": "P82001"}, "asProxy": False, "canVote": True, "vote": None},
        {"practice": {"odsCode": "P82002"}, "asProxy": True, "canVote": True, "vote": None},
    ]
    assert seen["proxies"] == [{"practice": {"odsCode": "P82002"}}]

    unclear = await cast(gp, ballot, "For")
    assert unclear["errors"] == [
        {"field": "practiceId", "message": "You can vote for more than one practice here: choose which."}
    ]
    as_proxy = await cast(gp, ballot, "Against", practice="P82002")
    assert as_proxy["outcome"] == "RECORDED" and as_proxy["practice"] == {"odsCode": "P82002"}
    assert as_proxy["vote"]["asProxy"] is True
    own = await cast(gp, ballot, "For", practice="P82001")
    assert own["outcome"] == "RECORDED"
    too_late = await cast(fiona, ballot, "For")
    assert too_late["outcome"] is None and "by Dr Rajesh Mistry" in too_late["errors"][0]["message"]

    audit = await owner_fetch(
        "SELECT a.action, a.after ->> 'proxy_id' IS NOT NULL AS via_proxy, p.email FROM audit_entry a"
        " JOIN person p ON p.id = a.actor_person_id WHERE a.after ->> 'ballot_id' = $1 ORDER BY a.id",
        str(ballot_uuid(ballot)),
    )
    assert [tuple(r) for r in audit] == [
        ("ballot.proxy.appoint", False, FIONA),
        ("ballot.vote", True, BOLTON_GP),
        ("ballot.vote", False, BOLTON_GP),
    ]


async def test_a_vote_finding_every_connection_busy_is_answered_503_and_can_be_sent_again(client, monkeypatch):
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    from quorum.auth import identity

    ballot = await new_ballot(client)
    gp = await as_person(client, BOLTON_GP)

    class Busy:
        def connect(self):
            raise PoolTimeout("QueuePool limit of size 10 overflow 10 reached")

    monkeypatch.setattr(identity, "app_engine", Busy)
    paper = {"ballotId": ballot["id"], "answers": answers(ballot, "For"), "submissionKey": "paper-busy"}
    response = await client.post(
        "/graphql", json={"query": CAST, "variables": {"input": paper}}, headers={"Authorization": f"Bearer {gp.token}"}
    )
    assert response.status_code == 503 and response.headers["retry-after"] == "1"
    assert response.json() == {"errors": [{"message": "The database is unavailable just now; try again in a moment."}]}
    monkeypatch.undo()
    assert (await cast(gp, ballot, "For", key="paper-busy"))["outcome"] == "RECORDED"
    assert (await stored_votes(ballot))["ballot_participation"] == 1
