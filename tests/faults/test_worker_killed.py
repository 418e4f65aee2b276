"""An app worker killed (SIGKILL, as the kernel's OOM killer would) in the middle of requests.

Requests on that worker fail at the client as dropped connections; the phone sends the same paper again. Nothing
acknowledged may be lost or doubled, the other worker keeps serving, and uvicorn's supervisor (0.30 and later)
starts a replacement worker.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections import Counter

import psutil

from quorum import ids
from tests.faults.crowd import (
    ACKNOWLEDGED,
    Ballot,
    Observed,
    new_client,
    read_meeting,
    vote,
)
from tests.faults.deployment import (
    SECRETARY,
    QuorumServer,
    open_ballot,
    start_pack_build,
    token,
)
from tests.faults.votes import assert_each_acknowledged_vote_once
from tests.meetings.support import BUILD_STATUS
from tests.support import Caller

VOTING_SPREAD = 4.0
IN_FLIGHT = 3  # requests a worker must be in the middle of when it is killed


async def test_no_acknowledged_vote_is_lost_or_doubled_when_a_worker_is_killed(deployment, server):
    ballot = Ballot(**await open_ballot(deployment, server, secret=False))
    votes, outcomes = Observed(), {}

    async with new_client(server.url) as client:

        async def representative(position: int, voter) -> None:
            await asyncio.sleep(position * VOTING_SPREAD / len(deployment.voters))
            outcomes[voter.practice_id] = await vote(client, voter, ballot, votes, give_up_after=90)

        voting = [asyncio.create_task(representative(n, voter)) for n, voter in enumerate(deployment.voters)]
        deadline = time.monotonic() + 60
        while votes.succeeded < len(deployment.voters) // 4 and time.monotonic() < deadline:  # well into the voting
            await asyncio.sleep(0.01)
        victim, in_flight = await worker_in_the_middle_of_requests(server)
        os.kill(victim, signal.SIGKILL)
        killed_after = votes.succeeded
        await asyncio.gather(*voting)
        replacement = await wait_for_replacement(server, killed=victim)

        afterwards = Observed()
        for member in deployment.members[:10]:
            await read_meeting(client, member, deployment.meeting_id, deployment.pack_url, afterwards)

    print(
        f"\nWorker {victim} killed (SIGKILL) while answering {in_flight} requests, after {killed_after} votes were"
        f" acknowledged; uvicorn started worker {replacement} in its place"
    )
    print(votes.summary("Votes"))
    print(
        f"Acknowledged: {Counter(outcomes.values())} (ALREADY_RECORDED: recorded by an attempt whose answer was lost)"
    )
    assert votes.unclear == [] and 500 not in votes.statuses
    assert sum(votes.dropped.values()) > 0, "the requests in flight on the killed worker were dropped"
    assert all(outcome in ACKNOWLEDGED for outcome in outcomes.values()) and len(outcomes) == len(deployment.voters)
    assert afterwards.succeeded == afterwards.requests, "the server keeps serving"
    await assert_each_acknowledged_vote_once(deployment, ballot, acknowledged=set(outcomes))


async def test_a_pack_build_whose_worker_dies_is_resumed_by_another(deployment, server):
    workers = server.worker_pids()
    async with new_client(server.url) as client:
        secretary = Caller(client, token(deployment.people[SECRETARY]))
        build_id = await start_pack_build(secretary, deployment.meeting_id, "PRIVATE")
        progress = await wait_until_running(deployment, build_id)
        for pid in workers:  # the build runs in whichever worker's job worker took it; neither outlives it
            os.kill(pid, signal.SIGKILL)
        for pid in workers:
            await wait_for_replacement(server, killed=pid)
        started = time.monotonic()
        for _ in range(600):
            finished = (await secretary.data(BUILD_STATUS, {"id": build_id}))["node"]
            if finished["status"] in ("DONE", "FAILED"):
                break
            await asyncio.sleep(0.1)
        waited = time.monotonic() - started

    print(
        f"\nPack build: both workers killed at {progress}%; the replacements' job workers took it up again and it"
        f" ended {finished['status']} ({finished['pageCount']} pages) {waited:.1f} s later"
    )
    assert finished["status"] == "DONE", "a build whose worker died is resumed, not abandoned"
    assert finished["url"], "and it can be downloaded"


async def wait_until_running(deployment, build_id: str) -> int:
    """The build's progress once its worker has started it (as stored; polled as the owner)."""
    key = ids.decode(build_id)[1]
    conn = await deployment.owner()
    try:
        for _ in range(2000):
            status, progress = await conn.fetchrow("SELECT status, progress FROM pack_build WHERE id = $1", key)
            if status == "RUNNING":
                return progress
            assert status == "QUEUED", f"the build was {status} before it could be interrupted"
            await asyncio.sleep(0.005)
    finally:
        await conn.close()
    raise AssertionError("the build never started")


async def worker_in_the_middle_of_requests(server: QuorumServer) -> tuple[int, int]:
    """A worker holding at least IN_FLIGHT client connections (requests not yet answered: clients do not keep
    connections alive), and how many it held."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for pid in server.worker_pids():
            try:
                connections = psutil.Process(pid).net_connections(kind="tcp")
            except psutil.NoSuchProcess:
                continue
            serving = [c for c in connections if c.laddr.port == server.port and c.status == psutil.CONN_ESTABLISHED]
            if len(serving) >= IN_FLIGHT:
                return pid, len(serving)
        await asyncio.sleep(0.005)
    raise AssertionError(f"no worker was ever answering {IN_FLIGHT} requests at once")


async def wait_for_replacement(server: QuorumServer, killed: int) -> int:
    """uvicorn's supervisor notices the dead worker within a second and starts another; returns its pid."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        alive = server.worker_pids()
        if killed not in alive and len(alive) == server.workers:
            await server.wait_until_serving()
            return max(alive, key=lambda pid: psutil.Process(pid).create_time())
        await asyncio.sleep(0.1)
    raise AssertionError(f"no worker replaced {killed}")
