"""Representatives voting and members reading, as their phones and browsers would, with every answer kept.

A representative's phone sends the same ballot paper (same submission key) until the server acknowledges it:
after a 503 it waits the Retry-After; after a dropped connection or an error it backs off and tries again.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

import httpx

from quorum.meetings.hot import MEETING_PAGE as HOT_MEETING_PAGE
from tests.faults.deployment import Voter, bearer

CLIENT_TIMEOUT = 35  # seconds: beyond the server's own 30-second request timeout
CAST = """mutation($input: CastBallotVoteInput!) { castBallotVote(input: $input) { outcome errors { message } } }"""
ACKNOWLEDGED = ("RECORDED", "ALREADY_RECORDED")
# Half the members read through the schema, half send the frontend's document (a hot read).
SCHEMA_MEETING_PAGE = """query($id: ID!) { node(id: $id) { ... on Meeting { title status committee { name }
  agenda { number title paper { title currentVersion { appendices { title pageCount } } } } packs { part status url } } } }"""
# What no answer meant for a person may show: internals, or a message that is not a sentence.
INTERNALS = re.compile(r"Traceback|File \"|asyncpg|sqlalchemy|psycopg|Exception|Error\b|\bat 0x", re.IGNORECASE)


def is_clear(message: object) -> bool:
    return (
        isinstance(message, str)
        and message[:1].isupper()
        and message.rstrip().endswith((".", "?"))
        and not INTERNALS.search(message)
    )


@dataclass
class Observed:
    """Every answer the crowd received, sorted into what the assertions need."""

    requests: int = 0
    succeeded: int = 0
    statuses: Counter = field(default_factory=Counter)
    error_messages: Counter = field(default_factory=Counter)  # clear errors, by message
    unclear: list[str] = field(default_factory=list)  # answers that were neither a success nor a clear error
    dropped: Counter = field(default_factory=Counter)  # transport errors by kind (the server never answered)
    timed_out: int = 0
    retries: int = 0
    latencies: list[float] = field(default_factory=list)
    unavailable_at: list[float] = field(default_factory=list)  # when each 503 arrived (time.monotonic())

    def answered(self, response: httpx.Response, elapsed: float, *, pdf: bool = False) -> dict | None:
        """Records one answer; returns its JSON body (None for a PDF)."""
        self.requests += 1
        self.statuses[response.status_code] += 1
        self.latencies.append(elapsed)
        if response.status_code == 503:
            self.unavailable_at.append(time.monotonic())
        if pdf and response.status_code == 200 and response.headers.get("content-type") == "application/pdf":
            self.succeeded += 1
            return None
        try:
            body = response.json()
        except ValueError:
            self.unclear.append(
                f"{response.status_code} {response.headers.get('content-type')}: {response.text[:200]!r}"
            )
            return None
        errors = body.get("errors") if isinstance(body, dict) else None
        if response.status_code == 200 and not errors:
            self.succeeded += 1
        elif (
            response.status_code >= 500
            and response.status_code != 503
            or not errors
            or not is_clear(errors[0].get("message"))
        ):
            self.unclear.append(f"{response.status_code}: {str(body)[:300]}")
        else:
            self.error_messages[f"{response.status_code} {errors[0]['message']}"] += 1
        return body

    def failed(self, error: httpx.TransportError, elapsed: float) -> None:
        self.requests += 1
        self.latencies.append(elapsed)
        if isinstance(error, httpx.TimeoutException):
            self.timed_out += 1
        else:
            self.dropped[type(error).__name__] += 1

    def summary(self, title: str) -> str:
        latencies = sorted(self.latencies) or [0.0]
        lines = [
            (
                f"{title}: {self.requests} requests, {self.succeeded} succeeded, {self.retries} retries;"
                f" statuses {dict(sorted(self.statuses.items()))}; no answer (connection dropped) {dict(self.dropped)};"
                f" timed out {self.timed_out}; latency p50 {latencies[len(latencies) // 2] * 1000:.0f} ms,"
                f" max {latencies[-1]:.2f} s"
            )
        ]
        lines += [f"    {count} x {message}" for message, count in self.error_messages.most_common()]
        lines += [f"    UNCLEAR: {answer}" for answer in self.unclear[:10]]
        return "\n".join(lines)


def new_client(base_url: str) -> httpx.AsyncClient:
    # A new connection per request: no client-side race with the server closing an idle keep-alive connection.
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=CLIENT_TIMEOUT,
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=0),
    )


@dataclass(frozen=True)
class Ballot:
    id: str
    questions: list[dict]

    def paper(self, rng: random.Random) -> list[dict]:
        question, election = self.questions
        return [
            {"questionId": question["id"], "optionIds": [rng.choice(question["options"])["id"]]},
            {"questionId": election["id"], "optionIds": [o["id"] for o in rng.sample(election["options"][:-1], 2)]},
        ]


async def vote(
    client: httpx.AsyncClient, voter: Voter, ballot: Ballot, observed: Observed, *, give_up_after: float
) -> str | None:
    """Sends the practice's paper until it is acknowledged; returns the acknowledging outcome, or None."""
    rng = random.Random(voter.practice_id.int)
    payload = {
        "ballotId": ballot.id,
        "answers": ballot.paper(rng),
        "submissionKey": str(uuid.UUID(int=voter.practice_id.int)),
    }
    headers = bearer(voter.person_id)
    deadline, backoff = time.monotonic() + give_up_after, 0.25
    while True:
        began = time.monotonic()
        try:
            response = await client.post(
                "/graphql", json={"query": CAST, "variables": {"input": payload}}, headers=headers
            )
        except httpx.TransportError as error:
            observed.failed(error, time.monotonic() - began)
            wait = backoff
        else:
            body = observed.answered(response, time.monotonic() - began)
            cast = ((body or {}).get("data") or {}).get("castBallotVote")
            if response.status_code == 200 and cast and cast["outcome"] in ACKNOWLEDGED:
                return cast["outcome"]
            if cast and cast["errors"]:
                return None  # refused outright: retrying the same paper cannot help
            wait = float(response.headers.get("retry-after", backoff))
        if time.monotonic() + wait > deadline:
            return None
        observed.retries += 1
        await asyncio.sleep(wait + rng.uniform(0, 0.25))
        backoff = min(backoff * 2, 4)


async def read_meeting(
    client: httpx.AsyncClient, member: uuid.UUID, meeting_id: str, pack_url: str, observed: Observed
) -> None:
    """A member opening the meeting page, then downloading its pack."""
    headers = bearer(member)
    document = HOT_MEETING_PAGE if member.int % 2 else SCHEMA_MEETING_PAGE
    for request in (
        client.build_request(
            "POST", "/graphql", json={"query": document, "variables": {"id": meeting_id}}, headers=headers
        ),
        client.build_request("GET", pack_url, headers=headers),
    ):
        began = time.monotonic()
        try:
            response = await client.send(request)
        except httpx.TransportError as error:
            observed.failed(error, time.monotonic() - began)
        else:
            observed.answered(response, time.monotonic() - began, pdf=request.method == "GET")


async def keep_reading(
    client: httpx.AsyncClient,
    member: uuid.UUID,
    meeting_id: str,
    pack_url: str,
    observed: Observed,
    stop: asyncio.Event,
) -> None:
    rng = random.Random(member.int)
    while not stop.is_set():
        await read_meeting(client, member, meeting_id, pack_url, observed)
        await asyncio.sleep(rng.uniform(1.0, 3.0))  # reading the page
