"""PostgreSQL restarted while 200 representatives vote and 50 members load the meeting and its pack.

The server must keep answering (clear GraphQL errors while the database is away, never a hang, never a 500),
recover by itself, and hold every acknowledged vote exactly once afterwards.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter

from tests.faults.crowd import (
    ACKNOWLEDGED,
    CLIENT_TIMEOUT,
    Ballot,
    Observed,
    keep_reading,
    new_client,
    read_meeting,
    vote,
)
from tests.faults.deployment import open_ballot
from tests.faults.votes import assert_each_acknowledged_vote_once

VOTING_SPREAD = 6.0  # seconds over which the representatives start, so voting spans the outage
RESTART_AFTER = 2.0
DOWN_FOR = 2.0


async def test_votes_and_reads_survive_a_postgresql_restart(deployment, server):
    ballot = Ballot(**await open_ballot(deployment, server, secret=True))
    votes, reads = Observed(), Observed()
    outcomes: dict = {}
    stop_reading = asyncio.Event()

    async with new_client(server.url) as client:
        async def representative(position: int, voter) -> None:
            await asyncio.sleep(position * VOTING_SPREAD / len(deployment.voters))
            outcomes[voter.practice_id] = await vote(client, voter, ballot, votes, give_up_after=90)

        readers = [asyncio.create_task(keep_reading(client, member, deployment.meeting_id, deployment.pack_url, reads,
                                                     stop_reading)) for member in deployment.members]
        voting = [asyncio.create_task(representative(n, voter)) for n, voter in enumerate(deployment.voters)]
        await asyncio.sleep(RESTART_AFTER)
        went_down = time.monotonic()
        await asyncio.to_thread(deployment.postgres.stop)
        await asyncio.sleep(DOWN_FOR)
        await asyncio.to_thread(deployment.postgres.start)
        back = time.monotonic()
        outage = back - went_down
        await asyncio.gather(*voting)
        stop_reading.set()
        await asyncio.gather(*readers)

        afterwards = Observed()
        for member in deployment.members[:10]:
            await read_meeting(client, member, deployment.meeting_id, deployment.pack_url, afterwards)

    print(f"\nPostgreSQL stopped (fast shutdown) and started again: {outage:.1f} s without a database;"
          f" {len(deployment.voters)} representatives voting, {len(deployment.members)} members reading")
    print(votes.summary("Votes"))
    print(f"Acknowledged: {Counter(outcomes.values())} (ALREADY_RECORDED: recorded by an attempt whose answer was lost)")
    print(reads.summary("Meeting page and pack downloads"))
    late = [t - back for t in votes.unavailable_at + reads.unavailable_at if t > back]
    print(f"503s answered after PostgreSQL was back: {len(late)}" + (f", the last {max(late):.2f} s after" if late else ""))

    for observed in (votes, reads):
        assert observed.unclear == [], "every answer is a success or a clear GraphQL error"
        assert observed.timed_out == 0, f"no request waits beyond {CLIENT_TIMEOUT} s"
        assert not observed.dropped, "the server stays up: every request gets an answer"
        assert 500 not in observed.statuses
    assert votes.statuses[503] + reads.statuses[503] > 0, "the outage was seen (else this test tested nothing)"
    assert afterwards.succeeded == afterwards.requests, "the same server answers normally once PostgreSQL is back"
    assert all(outcome in ACKNOWLEDGED for outcome in outcomes.values()) and len(outcomes) == len(deployment.voters)
    await assert_each_acknowledged_vote_once(deployment, ballot, acknowledged={p for p, o in outcomes.items() if o})

