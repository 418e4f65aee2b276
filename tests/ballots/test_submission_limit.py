"""Votes are rate limited per person: past the limit a phone is told when to try again, and nothing is doubled."""

from __future__ import annotations

from tests.ballots.helpers import CAST, answers, new_ballot, stored_votes
from tests.support import BOLTON_GP, as_person


async def test_too_many_submissions_get_429_with_retry_after_and_change_nothing(client, monkeypatch):
    from quorum import limits

    ballot = await new_ballot(client)
    monkeypatch.setattr(limits, "SUBMISSIONS", limits.RateLimit(limit=2, per_seconds=60))
    gp = await as_person(client, BOLTON_GP)
    body = {"query": CAST, "variables": {"input": {"ballotId": ballot["id"], "answers": answers(ballot, "For")}}}
    replies = [
        await client.post("/graphql", json=body, headers={"authorization": f"Bearer {gp.token}"}) for _ in range(3)
    ]

    assert [r.status_code for r in replies] == [200, 200, 429]
    assert [r.json()["data"]["castBallotVote"]["outcome"] for r in replies[:2]] == ["RECORDED", "ALREADY_RECORDED"]
    assert replies[2].json()["errors"][0]["message"].startswith("Too many requests; try again in ")
    assert 1 <= int(replies[2].headers["retry-after"]) <= 60
    counts = await stored_votes(ballot)
    assert (counts["ballot_participation"], counts["ballot_vote"]) == (1, 1)
