"""PostgreSQL restarted while 200 representatives vote and 50 members load the meeting and its pack.

The server must keep answering (clear GraphQL errors while the database is away, never a hang, never a 500),
recover by itself, and hold every acknowledged vote exactly once afterwards.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter

import httpx
import websockets

from quorum import ids
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
from tests.faults.deployment import SECRETARY, open_ballot, token
from tests.faults.votes import assert_each_acknowledged_vote_once
from tests.meetings.support import build_and_wait
from tests.support import Caller

VOTING_SPREAD = 5.0  # seconds over which the representatives start, so voting spans the outage
RESTART_AFTER = 2.0
DOWN_FOR = 2.0


async def test_votes_and_reads_survive_a_postgresql_restart(deployment, server):
    ballot = Ballot(**await open_ballot(deployment, server, secret=True))
    workers = sorted(server.worker_pids())
    votes, reads = Observed(), Observed()
    outcomes: dict = {}
    stop_reading = asyncio.Event()

    async with new_client(server.url) as client:

        async def representative(position: int, voter) -> None:
            await asyncio.sleep(position * VOTING_SPREAD / len(deployment.voters))
            outcomes[voter.practice_id] = await vote(client, voter, ballot, votes, give_up_after=90)

        readers = [
            asyncio.create_task(
                keep_reading(client, member, deployment.meeting_id, deployment.pack_url, reads, stop_reading)
            )
            for member in deployment.members
        ]
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

    print(
        f"\nPostgreSQL stopped (fast shutdown) and started again: {outage:.1f} s without a database;"
        f" {len(deployment.voters)} representatives voting, {len(deployment.members)} members reading"
    )
    print(votes.summary("Votes"))
    print(
        f"Acknowledged: {Counter(outcomes.values())} (ALREADY_RECORDED: recorded by an attempt whose answer was lost)"
    )
    print(reads.summary("Meeting page and pack downloads"))
    late = [t - back for t in votes.unavailable_at + reads.unavailable_at if t > back]
    print(
        f"503s answered after PostgreSQL was back: {len(late)}"
        + (f", the last {max(late):.2f} s after" if late else "")
    )

    for observed in (votes, reads):
        assert observed.unclear == [], "every answer is a success or a clear GraphQL error"
        assert observed.timed_out == 0, f"no request waits beyond {CLIENT_TIMEOUT} s"
        assert not observed.dropped, "the server stays up: every request gets an answer"
        assert 500 not in observed.statuses
    assert votes.statuses[503] + reads.statuses[503] > 0, "the outage was seen (else this test tested nothing)"
    assert afterwards.succeeded == afterwards.requests, "the server answers normally once PostgreSQL is back"
    assert sorted(server.worker_pids()) == workers, "and it is the same server: no worker was restarted"
    assert all(outcome in ACKNOWLEDGED for outcome in outcomes.values()) and len(outcomes) == len(deployment.voters)
    await assert_each_acknowledged_vote_once(deployment, ballot, acknowledged={p for p, o in outcomes.items() if o})


SUBSCRIBE = """subscription($id: ID!) { meetingEvents(meetingId: $id) { kind live { attendance { name inRoom } } } }"""
OPEN_MEETING = "mutation($input: MeetingInput!) { openMeeting(input: $input) { errors { message } } }"
ATTEND = "mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { errors { message } } }"
CHAIR = "margaret.lowe@demo.quorum.example"


async def test_a_live_meeting_page_keeps_receiving_events_after_a_postgresql_restart(deployment, server):
    meeting_id = ids.decode(deployment.meeting_id)[1]
    conn = await deployment.owner()
    try:  # the meeting began five minutes ago (the API only arranges meetings in the future)
        await conn.execute("UPDATE meeting SET starts_at = now() - interval '5 minutes' WHERE id = $1", meeting_id)
        chair = await conn.fetchval("SELECT id FROM person WHERE email = $1", CHAIR)
    finally:
        await conn.close()
    async with httpx.AsyncClient(base_url=server.url, timeout=CLIENT_TIMEOUT) as client:
        secretary = Caller(client, token(deployment.people[SECRETARY]))
        assert (await secretary.data(OPEN_MEETING, {"input": {"meetingId": deployment.meeting_id}}))["openMeeting"][
            "errors"
        ] == []
        signed_in = await client.post("/auth/demo/sign-in", json={"email": SECRETARY}, headers={"x-quorum-csrf": "1"})
        assert signed_in.status_code == 204, signed_in.text
        url = server.url.replace("http://", "ws://") + "/graphql"
        headers = {"Cookie": f"quorum_session={client.cookies['quorum_session']}", "Origin": server.url}
        async with websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers) as socket:
            await socket.send(json.dumps({"type": "connection_init"}))
            assert json.loads(await socket.recv())["type"] == "connection_ack"
            await socket.send(
                json.dumps(
                    {
                        "id": "1",
                        "type": "subscribe",
                        "payload": {"query": SUBSCRIBE, "variables": {"id": deployment.meeting_id}},
                    }
                )
            )
            assert (await next_event(socket))["kind"] == "SNAPSHOT"

            await asyncio.to_thread(deployment.postgres.stop)
            await asyncio.sleep(DOWN_FOR)
            await asyncio.to_thread(deployment.postgres.start)
            arrived = {
                "input": {
                    "meetingId": deployment.meeting_id,
                    "personId": ids.encode("Person", chair),
                    "change": "ARRIVED",
                }
            }
            for _ in range(30):  # the secretary's page retries while the database is coming back
                response = await client.post(
                    "/graphql",
                    json={"query": ATTEND, "variables": arrived},
                    headers={"Authorization": f"Bearer {secretary.token}"},
                )
                if response.status_code != 503:
                    break
                await asyncio.sleep(float(response.headers["retry-after"]))
            assert response.json()["data"]["recordAttendance"]["errors"] == []

            # The attendance event itself, or (if it was published before this worker listened again) the snapshot
            # every subscriber is sent once it does.
            kinds = []
            while True:
                event = await next_event(socket)
                kinds.append(event["kind"])
                if {a["name"]: a["inRoom"] for a in event["live"]["attendance"]}.get("Margaret Lowe"):
                    break
    print(f"\nLive meeting events after PostgreSQL restarted: {', '.join(kinds)}")


async def next_event(socket) -> dict:
    message = json.loads(await asyncio.wait_for(socket.recv(), timeout=20))
    assert message["type"] == "next", message
    return message["payload"]["data"]["meetingEvents"]


async def test_the_job_workers_build_packs_again_after_a_postgresql_restart(deployment, server):
    await asyncio.to_thread(deployment.postgres.stop)
    await asyncio.sleep(DOWN_FOR)
    await asyncio.to_thread(deployment.postgres.start)
    back = time.monotonic()
    await server.wait_until_serving()
    async with httpx.AsyncClient(base_url=server.url, timeout=CLIENT_TIMEOUT) as client:
        secretary = Caller(client, token(deployment.people[SECRETARY]))
        built = await build_and_wait(secretary, deployment.meeting_id, "PRIVATE", run_jobs=False)
    print(
        f"\nA pack queued after PostgreSQL restarted: {built['status']} {time.monotonic() - back:.1f} s after it was back"
    )
    assert built["status"] == "DONE"
