"""What the database holds of a ballot afterwards, read as its owner (row-level security does not hide any row)."""

from __future__ import annotations

import uuid

from quorum import ids
from tests.faults.crowd import Ballot
from tests.faults.deployment import Deployment


async def assert_each_acknowledged_vote_once(
    deployment: Deployment, ballot: Ballot, acknowledged: set[uuid.UUID]
) -> None:
    """Every acknowledged practice voted exactly once, nobody else voted, and the totals count each paper once."""
    ballot_id = ids.decode(ballot.id)[1]
    conn = await deployment.owner()
    try:
        participation = await conn.fetch(
            "SELECT practice_id, count(*) AS n FROM ballot_participation WHERE ballot_id = $1 GROUP BY practice_id",
            ballot_id,
        )
        answers = await conn.fetch(
            "SELECT practice_id, question_id, count(*) AS n FROM ballot_vote WHERE ballot_id = $1"
            " GROUP BY practice_id, question_id",
            ballot_id,
        )
        papers_in_totals = await conn.fetchval(
            "SELECT coalesce(sum(t.votes), 0) FROM ballot_tally t JOIN ballot_question q ON q.id = t.question_id"
            " WHERE t.ballot_id = $1 AND q.position = 1",
            ballot_id,
        )
        secret = await conn.fetchval("SELECT secret FROM ballot WHERE id = $1", ballot_id)
    finally:
        await conn.close()
    voted = {row["practice_id"]: row["n"] for row in participation}
    assert {p for p, n in voted.items() if n != 1} == set(), "a practice's participation is recorded more than once"
    assert acknowledged - set(voted) == set(), "an acknowledged vote is missing"
    assert set(voted) - acknowledged == set(), "a vote is recorded that no representative was told of"
    if secret:
        assert answers == [], "a secret ballot keeps no row per vote"
        assert papers_in_totals == len(voted), "the totals count each recorded paper once"
    else:
        assert all(row["n"] == 1 for row in answers), "an answer is recorded twice"
        assert {row["practice_id"] for row in answers} == set(voted)
        assert len(answers) == 2 * len(voted), "each paper answers both questions"
    print(
        f"Database afterwards: {len(voted)} practices voted once each, none twice, none missing;"
        f" {'the totals count' if secret else 'answers recorded for'} {papers_in_totals if secret else len(answers)}"
        f" {'papers' if secret else 'questions'}"
    )
