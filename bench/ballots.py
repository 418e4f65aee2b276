"""Benchmark: a thousand member practices vote in the same second.

Run from the repository root, after `pip install -e '.[test]'`:

    .venv/bin/python bench/ballots.py              # a named ballot
    .venv/bin/python bench/ballots.py --secret     # a secret ballot
    .venv/bin/python bench/ballots.py --practices 2000 --retries 300 --resubmissions 100

It creates a fresh database `quorum_bench` (on the embedded PostgreSQL in .quorum/bench/, or on the
server DATABASE_URL names), migrates it, and loads one CCG with N practices (list sizes 2,000 to
18,000), one nominated representative each, and a board secretary. It starts
`quorum serve --workers 2` on a free loopback port; the secretary sets the CCG's voting rules and
opens a ballot (a for-or-against question and a two-seat election) through the API; once the
ballot's opening has been dispatched to the representatives (a letter each, written by the server's job worker)
and the server is idle again, every representative submits a ballot paper at the same moment (the phone page's CastBallotVote document), together with deliberate duplicates:
retries carrying the same submission key, and resubmissions of the same choices without one. (A
secret ballot cannot tell a keyless resubmission from an attempt to change the vote, since nothing
records how a practice voted; it refuses both as already recorded, so the secret run sends none.)

The client behaves as the phone page will: after a 503 answer (every database connection stayed
busy for the pool's timeout, as happens when a thousand arrive together on a small machine) or a
dropped connection it sends the same submission again, unchanged, after a second; those resends
are counted and printed. Each phone's request is built once as HTTP/1.1 bytes and sent over a plain asyncio
connection of its own, so the client spends well under a second of CPU (`--profile` samples the server's
workers with py-spy meanwhile).

It prints the submissions accepted, the votes recorded (counted in the database), the duplicates
answered as already recorded, the errors, p50/p95 latency, the server's CPU time per request, the
client's and PostgreSQL's CPU meanwhile, with the machine's load (the figures depend on what else the machine is running); then checks that
every practice's vote was recorded exactly once, none lost and none doubled, and that the votes are
those sent (each practice's choice for a named ballot; the totals' count for a secret one). It
exits with status 1 if any check fails. This is a script, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATABASE = os.environ.get("QUORUM_BENCH_DATABASE", "quorum_bench")
os.environ.update(
    QUORUM_ENV="development",
    QUORUM_DATA_DIR=os.environ.get("QUORUM_BENCH_DATA_DIR", str(ROOT / ".quorum" / "bench")),
    QUORUM_SECRET_KEY=secrets.token_urlsafe(32),
)
os.environ.pop("QUORUM_DEMO", None)

import asyncpg  # noqa: E402
import httpx  # noqa: E402

from quorum.ballots.hot import CAST_BALLOT_VOTE as CAST  # noqa: E402  (the phone page's document)
from quorum.config import get_settings  # noqa: E402
from quorum.database import connect_kwargs, owner_url  # noqa: E402

ACKNOWLEDGED_WITHIN_SECONDS = 2
CANDIDATES = ["Dr Amara Okoye", "Dr Ben Hughes", "Dr Chloe Patel", "Dr Dev Sharma"]
MAX_BUSY_RETRIES = 5
CLIENT_TIMEOUT_SECONDS = 120


def fresh_database():
    """Drop and create the benchmark database; returns its owner URL."""
    server = owner_url()

    async def recreate() -> None:
        conn = await asyncpg.connect(**connect_kwargs(server.set(database="postgres")))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{DATABASE}"')
        finally:
            await conn.close()

    asyncio.run(recreate())
    url = server.set(database=DATABASE)
    os.environ["DATABASE_URL"] = url.render_as_string(hide_password=False)
    get_settings.cache_clear()
    from quorum import migrations

    migrations.upgrade(url)
    return url


async def load_ccg(url, practices: int) -> dict:
    """One CCG, its practices and representatives, and a secretary, written as the owner."""
    conn = await asyncpg.connect(**connect_kwargs(url))
    rng = random.Random(2014)
    try:
        async with conn.transaction():
            area_team = await conn.fetchval(
                "INSERT INTO organisation (kind, ods_code, name) VALUES ('AREA_TEAM', 'Q99', 'Benchmark Area Team') RETURNING id"
            )
            ccg = await conn.fetchval(
                "INSERT INTO organisation (kind, ods_code, name, area_team_id) VALUES ('CCG', '99B', 'NHS Benchmark CCG', $1)"
                " RETURNING id",
                area_team,
            )
            rows = [
                (ccg, uuid.uuid4(), f"B{i:05d}", f"Practice {i}", rng.randint(2_000, 18_000), "Benchmark")
                for i in range(1, practices + 1)
            ]
            await conn.copy_records_to_table(
                "practice", records=rows, columns=["org_id", "id", "ods_code", "name", "list_size", "locality"]
            )
            people = [(uuid.uuid4(), f"rep.{r[2].lower()}@bench.example", f"Dr Rep {r[2]}") for r in rows]
            secretary = (uuid.uuid4(), "secretary@bench.example", "Bench Secretary")
            await conn.copy_records_to_table("person", records=[*people, secretary], columns=["id", "email", "name"])
            await conn.copy_records_to_table(
                "person_registration",
                records=[(ccg, p[0]) for p in [*people, secretary]],
                columns=["org_id", "person_id"],
            )
            memberships = [(ccg, p[0], "PRACTICE_REPRESENTATIVE", r[1]) for p, r in zip(people, rows)]
            memberships.append((ccg, secretary[0], "BOARD_SECRETARY", None))
            await conn.executemany(
                "INSERT INTO membership (org_id, person_id, role, practice_id, valid_from) VALUES ($1, $2, $3, $4, '2025-01-01')",
                memberships,
            )
    finally:
        await conn.close()
    return {
        "ccg": ccg,
        "practices": [r[1] for r in rows],
        "representatives": [p[0] for p in people],
        "secretary": secretary[0],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "quorum.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        env=os.environ.copy(),
        cwd=ROOT,
    )


async def wait_until_healthy(base: str, server: subprocess.Popen) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        for _ in range(300):
            if server.poll() is not None:
                raise SystemExit("the server exited; see its log")
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("the server did not become healthy")


def bearer(person_id: uuid.UUID) -> dict:
    from quorum.auth import tokens

    return {"Authorization": f"Bearer {tokens.issue(person_id, timedelta(hours=1))}"}


async def open_ballot(client: httpx.AsyncClient, loaded: dict, secret: bool) -> dict:
    from quorum.ids import encode

    headers = bearer(loaded["secretary"])
    org = encode("Organisation", loaded["ccg"])
    rules = {
        "organisationId": org,
        "weighting": "LIST_SIZE",
        "turnoutBasis": "PRACTICES",
        "turnoutThresholdPercent": 50,
        "majority": "TWO_THIRDS",
        "votesMayBeChanged": False,
    }
    set_rules = "mutation($input: SetBallotSettingsInput!) { setBallotSettings(input: $input) { errors { message } } }"
    assert (await graphql(client, set_rules, {"input": rules}, headers))["setBallotSettings"]["errors"] == []
    now = datetime.now(UTC)
    create = """mutation($input: CreateBallotInput!) { createBallot(input: $input) {
      ballot { id questions { id options { id label } } } errors { message } } }"""
    created = (
        await graphql(
            client,
            create,
            {
                "input": {
                    "organisationId": org,
                    "title": "Constitution change and governing body election",
                    "secret": secret,
                    "opensAt": (now - timedelta(minutes=1)).isoformat(),
                    "closesAt": (now + timedelta(hours=1)).isoformat(),
                    "questions": [
                        {"text": "Do you approve the revised constitution?"},
                        {
                            "text": "Elect two GP members of the governing body",
                            "kind": "ELECTION",
                            "seats": 2,
                            "candidates": CANDIDATES,
                        },
                    ],
                }
            },
            headers,
        )
    )["createBallot"]
    assert created["errors"] == [], created["errors"]
    return created["ballot"]


async def graphql(client: httpx.AsyncClient, query: str, variables: dict, headers: dict) -> dict:
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    response.raise_for_status()
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def paper(ballot: dict, rng: random.Random) -> tuple[list[dict], str]:
    question, election = ballot["questions"]
    choice = rng.choice(question["options"])
    picks = rng.sample(election["options"][:-1], rng.choice([1, 2]))
    return [
        {"questionId": question["id"], "optionIds": [choice["id"]]},
        {"questionId": election["id"], "optionIds": [p["id"] for p in picks]},
    ], choice["id"]


class Phone:
    """One representative's phone: the request's bytes built once (HTTP/1.1, the phone page's document), each send
    on a new connection of its own, the answer read to its end. Plain asyncio streams, so the client's own CPU is
    a small part of what the benchmark measures (httpx spent 11 s of CPU sending 1,200 requests)."""

    def __init__(self, port: int, headers: dict, payload: dict):
        self.port = port
        body = json.dumps({"query": CAST, "variables": {"input": payload}}).encode()
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        self.request = (
            f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n{head}"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode() + body

    async def send(self) -> tuple[int, dict[str, str], bytes]:
        """The answer's status, headers (names in lower case) and body. OSError (ConnectionError) if the connection
        failed or was dropped before the whole answer came."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        try:
            writer.write(self.request)
            head = await reader.readuntil(b"\r\n\r\n")
            status_line, *lines = head.decode("latin-1").split("\r\n")
            headers = {}
            for line in lines:
                if line:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            return int(status_line.split(" ", 2)[1]), headers, body
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError) as error:
            raise ConnectionError(f"the answer was cut short: {error}") from error
        finally:
            writer.close()


async def submit(phone: Phone, start: asyncio.Event) -> tuple[float, str, int]:
    """Send one submission as the phone page would: on 503 (busy) or a dropped connection, send the same again.

    Returns the time until the final answer, that answer, and how many busy answers came first.
    """
    await start.wait()
    began, busy = time.perf_counter(), 0
    while True:
        try:
            async with asyncio.timeout(CLIENT_TIMEOUT_SECONDS):
                status, headers, body = await phone.send()
        except (OSError, TimeoutError) as error:
            if busy < MAX_BUSY_RETRIES:  # the connection dropped: send the same again, as a phone would
                busy += 1
                await asyncio.sleep(1)
                continue
            return time.perf_counter() - began, f"transport error: {type(error).__name__}", busy
        if status == 503 and busy < MAX_BUSY_RETRIES:
            busy += 1
            await asyncio.sleep(float(headers.get("retry-after", "1")))
            continue
        elapsed = time.perf_counter() - began
        if status != 200:
            return elapsed, f"HTTP {status}", busy
        answer = json.loads(body)
        if answer.get("errors"):
            return elapsed, "GraphQL error: " + answer["errors"][0]["message"], busy
        result = answer["data"]["castBallotVote"]
        return elapsed, result["outcome"] or "refused: " + result["errors"][0]["message"], busy


PROFILE = Path(os.environ["QUORUM_DATA_DIR"]) / "ballots-profile.txt"


def sample(server: subprocess.Popen) -> subprocess.Popen:
    """py-spy sampling `quorum serve` and its workers for the next 15 s (raw stacks in PROFILE)."""
    spy = Path(sys.executable).with_name("py-spy")
    command = [str(spy), "record", "--subprocesses", "--rate", "250", "--format", "raw", "--duration", "15"]
    sampling = subprocess.Popen(
        [*command, "--output", str(PROFILE), "--pid", str(server.pid)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)  # attached before the votes are sent
    return sampling


async def until_told(url, server: subprocess.Popen, seconds: float = 120) -> None:
    """Wait until the ballot's opening has been dispatched to the representatives (the job worker in `quorum serve`
    writes a letter to each of them) and the server is idle: the phones vote once told the ballot is open, and the
    thousand letters are not part of what the storm measures."""
    conn = await asyncpg.connect(**connect_kwargs(url))
    deadline = time.monotonic() + seconds
    try:
        while await conn.fetchval("SELECT count(*) FROM domain_event WHERE dispatched_at IS NULL"):
            if time.monotonic() > deadline:
                raise SystemExit("the ballot's opening was not dispatched in time; see the server's log")
            await asyncio.sleep(0.1)
    finally:
        await conn.close()
    used = server_cpu(server)
    while time.monotonic() < deadline:
        await asyncio.sleep(0.25)
        now = server_cpu(server)
        if now - used < 0.025:  # under a tenth of a CPU for a quarter of a second
            return
        used = now


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def server_cpu(server: subprocess.Popen) -> float:
    """CPU seconds used so far by `quorum serve` and its workers."""
    import psutil

    parent = psutil.Process(server.pid)
    return sum(sum(p.cpu_times()[:2]) for p in [parent, *parent.children(recursive=True)])


def postgresql_cpu() -> float:
    """CPU seconds used so far by the machine's PostgreSQL processes, those that have ended included (the
    postmaster's reaped children); 0 where they cannot be read."""
    import psutil

    used = 0.0
    for process in psutil.process_iter(["name", "cpu_times"]):
        times = process.info["cpu_times"]
        if process.info["name"] == "postgres" and times is not None:
            used += times.user + times.system + times.children_user + times.children_system
    return used


async def fire(base: str, loaded: dict, ballot: dict, retries: int, resubmissions: int) -> tuple[list, float, dict]:
    from quorum.ids import decode

    rng = random.Random(7)
    sent: dict[uuid.UUID, str] = {}
    jobs = []
    for practice, person in zip(loaded["practices"], loaded["representatives"]):
        answers, choice = paper(ballot, rng)
        sent[practice] = decode(choice)[1]
        key = str(uuid.uuid4())
        jobs.append((bearer(person), {"ballotId": ballot["id"], "answers": answers, "submissionKey": key}))
    firsts = list(jobs)
    jobs += [rng.choice(firsts) for _ in range(retries)]
    jobs += [(h, {k: v for k, v in p.items() if k != "submissionKey"}) for h, p in rng.sample(firsts, resubmissions)]
    rng.shuffle(jobs)
    port = int(base.rsplit(":", 1)[1])
    phones = [Phone(port, h, p) for h, p in jobs]
    start = asyncio.Event()
    tasks = [asyncio.create_task(submit(phone, start)) for phone in phones]
    await asyncio.sleep(0.5)  # every task is waiting at the start line
    began, client_began = time.perf_counter(), time.process_time()
    start.set()
    results = await asyncio.gather(*tasks)
    wall = time.perf_counter() - began
    print(f"Client CPU (this process, sending and reading): {time.process_time() - client_began:.1f} s")
    return results, wall, sent


async def count_votes(url, ballot_id: uuid.UUID, secret: bool, sent: dict) -> dict:
    conn = await asyncpg.connect(**connect_kwargs(url))
    try:
        voted = await conn.fetch("SELECT practice_id FROM ballot_participation WHERE ballot_id = $1", ballot_id)
        per_question = await conn.fetch(
            "SELECT question_id, count(*) AS n, count(DISTINCT practice_id) AS practices FROM ballot_vote"
            " WHERE ballot_id = $1 GROUP BY question_id",
            ballot_id,
        )
        counted = {
            "recorded": len(voted),
            "missing": len(set(sent) - {r["practice_id"] for r in voted}),
            "doubled": sum(r["n"] - r["practices"] for r in per_question),
        }
        if secret:
            counted["papers in the totals"] = await conn.fetchval(
                "SELECT coalesce(sum(t.votes), 0) FROM ballot_tally t JOIN ballot_question q ON q.id = t.question_id"
                " WHERE t.ballot_id = $1 AND q.position = 1",
                ballot_id,
            )
        else:
            chosen = await conn.fetch(
                "SELECT c.practice_id, c.option_id FROM ballot_vote_choice c JOIN ballot_option o ON o.id = c.option_id"
                " WHERE c.ballot_id = $1 AND o.kind <> 'CANDIDATE'",
                ballot_id,
            )
            counted["not as sent"] = sum(1 for r in chosen if sent.get(r["practice_id"]) != r["option_id"])
        return counted
    finally:
        await conn.close()


def report(args, results: list, wall: float, counted: dict, cpu: float) -> bool:
    outcomes = [r[1] for r in results]
    latencies = sorted(r[0] * 1000 for r in results)
    errors = [o for o in outcomes if o not in ("RECORDED", "ALREADY_RECORDED")]
    kind = "secret" if args.secret else "named"
    print(f"Ballot: {kind}; {args.practices:,} practices, one representative each; `quorum serve --workers 2`")
    print(
        f"Submissions sent at once:   {len(results):,} ({args.practices:,} ballot papers, {args.retries:,} retries with the"
        f" same submission key, {args.resubmissions:,} resubmissions of the same choices without a key)"
    )
    print(f"Accepted (RECORDED):        {outcomes.count('RECORDED'):,}")
    print(f"Duplicates (ALREADY_RECORDED): {outcomes.count('ALREADY_RECORDED'):,}")
    print(f"Errors:                     {len(errors):,}")
    busy = sum(r[2] for r in results)
    print(
        f"Busy answers (503, Retry-After) or dropped connections, resent unchanged: {busy:,}"
        f" (on {sum(1 for r in results if r[2]):,} submissions)"
    )
    for message in sorted(set(errors))[:5]:
        print(f"    {errors.count(message):,} x {message}")
    print(
        f"Votes recorded in the database: {counted['recorded']:,}; missing: {counted['missing']:,};"
        f" doubled: {counted['doubled']:,}"
        + "".join(
            f"; {name}: {value:,}" for name, value in counted.items() if name not in ("recorded", "missing", "doubled")
        )
    )
    print(f"Wall time: {wall:.2f} s for all submissions ({len(results) / wall:,.0f} per second)")
    print(
        f"Latency (first send to final answer): p50 {percentile(latencies, 0.50):,.0f} ms,"
        f" p95 {percentile(latencies, 0.95):,.0f} ms, max {latencies[-1]:,.0f} ms"
    )
    requests = len(results) + sum(r[2] for r in results)
    print(
        f"Server CPU (both workers): {cpu:.1f} s for {requests:,} requests ({cpu / requests * 1000:.1f} ms each);"
        f" load average afterwards {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    checks = {
        "every paper accepted once": outcomes.count("RECORDED") == args.practices,
        "every duplicate answered as already recorded": outcomes.count("ALREADY_RECORDED")
        == args.retries + args.resubmissions,
        "no errors": not errors,
        "none answered busy (503) or dropped": busy == 0,
        f"every submission answered within {ACKNOWLEDGED_WITHIN_SECONDS} s of the first": wall
        <= ACKNOWLEDGED_WITHIN_SECONDS,
        "one vote per practice in the database": counted["recorded"] == args.practices
        and not counted["missing"]
        and not counted["doubled"],
        "votes as sent": counted.get("not as sent", 0) == 0
        and counted.get("papers in the totals", args.practices) == args.practices,
    }
    for name, passed in checks.items():
        print(f"{'ok  ' if passed else 'FAIL'} {name}")
    return all(checks.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=1000)
    parser.add_argument("--retries", type=int, default=150, help="resends of a paper with its submission key")
    parser.add_argument(
        "--resubmissions",
        type=int,
        help="resends of a paper's choices without a key (default 50; none for a secret ballot)",
    )
    parser.add_argument("--secret", action="store_true", help="a secret ballot instead of a named one")
    parser.add_argument(
        "--profile", action="store_true", help="sample the server's workers with py-spy while the votes arrive"
    )
    args = parser.parse_args()
    if args.resubmissions is None:
        args.resubmissions = 0 if args.secret else 50

    url = fresh_database()
    loaded = asyncio.run(load_ccg(url, args.practices))
    port, log = free_port(), Path(os.environ["QUORUM_DATA_DIR"]) / "server.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    server = start_server(port, log)
    base = f"http://127.0.0.1:{port}"
    try:

        async def run() -> bool:
            await wait_until_healthy(base, server)
            async with httpx.AsyncClient(base_url=base, timeout=60) as client:
                ballot = await open_ballot(client, loaded, args.secret)
            await until_told(url, server)
            spy = sample(server) if args.profile else None
            cpu, database_cpu = server_cpu(server), postgresql_cpu()
            results, wall, sent = await fire(base, loaded, ballot, args.retries, args.resubmissions)
            database_cpu = postgresql_cpu() - database_cpu
            if spy is not None:
                spy.wait()
            cpu = server_cpu(server) - cpu
            print(
                f"PostgreSQL CPU meanwhile: {database_cpu:.1f} s (every postgres process on this machine,"
                " other work's included)"
            )
            from quorum.ids import decode

            counted = await count_votes(url, decode(ballot["id"])[1], args.secret, sent)
            return report(args, results, wall, counted, cpu)

        passed = asyncio.run(run())
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"(server log: {log})")
    if args.profile:
        sys.path.insert(0, str(ROOT))  # run as a script, the repository's root is not on the path
        from bench.servers.profile import print_profile

        print_profile(PROFILE)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
