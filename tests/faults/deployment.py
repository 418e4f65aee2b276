"""A whole Quorum deployment for the faults tests: its own PostgreSQL, demo data, a large CCG, a published
pack, and `quorum serve --workers 2` as a separate process whose workers the tests may kill."""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
import psutil

from quorum import ids
from quorum.auth import tokens
from tests.conftest import ROOT
from tests.faults.postgres import DedicatedPostgres, free_port
from tests.meetings.pdfs import pdf_with_pages
from tests.meetings.support import (
    ADD_ITEM,
    BUILD,
    CREATE_MEETING,
    REQUEST_PAPER,
    build_and_wait,
    due,
    future,
    write_and_approve,
)
from tests.support import Caller

BOLTON = "00T"
SECRETARY, AUTHOR, SPONSOR = (
    f"{name}@demo.quorum.example" for name in ("helen.hargreaves", "tom.ashworth", "rajesh.mistry")
)
CHANGE_STATUS = """mutation($input: ChangeMeetingStatusInput!) {
  changeMeetingStatus(input: $input) { meeting { status } errors { message } } }"""
PUBLISH = (
    "mutation($input: PublishPackInput!) { publishPack(input: $input) { build { publishedAt } errors { message } } }"
)
SET_RULES = "mutation($input: SetBallotSettingsInput!) { setBallotSettings(input: $input) { errors { message } } }"
CREATE_BALLOT = """mutation($input: CreateBallotInput!) { createBallot(input: $input) {
  ballot { id questions { id options { id label } } } errors { message } } }"""


@dataclass(frozen=True)
class Voter:
    practice_id: uuid.UUID
    person_id: uuid.UUID


@dataclass
class Deployment:
    postgres: DedicatedPostgres
    voters: list[Voter] = field(default_factory=list)
    members: list[uuid.UUID] = field(default_factory=list)  # CCG staff who read meetings and packs
    people: dict[str, uuid.UUID] = field(default_factory=dict)  # the demo people used, by email
    governing_body: uuid.UUID | None = None
    meeting_id: str = ""
    pack_url: str = ""

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DATABASE_URL": self.postgres.url, "QUORUM_DATA_DIR": str(self.postgres.folder / "app")}

    async def owner(self) -> asyncpg.Connection:
        return await asyncpg.connect(self.postgres.url)


def token(person_id: uuid.UUID) -> str:
    return tokens.issue(person_id, timedelta(hours=1))


def bearer(person_id: uuid.UUID) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(person_id)}"}


def quorum_command(deployment: Deployment, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "quorum.cli", *args],
        env=deployment.env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )


def deploy(voters: int, members: int) -> Deployment:
    """A migrated database with the demo data, and `voters` more Bolton practices each with a representative."""
    postgres = DedicatedPostgres()
    try:
        postgres.create()
        deployment = Deployment(postgres)
        quorum_command(deployment, "migrate")
        quorum_command(deployment, "seed", "--demo")
        asyncio.run(_add_practices_and_members(deployment, voters, members))
    except BaseException:
        postgres.destroy()  # a deployment that failed to come up leaves no server behind
        raise
    return deployment


async def _add_practices_and_members(deployment: Deployment, voters: int, members: int) -> None:
    conn = await deployment.owner()
    rng = random.Random(2016)
    try:
        async with conn.transaction():
            ccg = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = $1", BOLTON)
            practices = [
                (ccg, uuid.uuid4(), f"F{i:05d}", f"Faults Practice {i}", rng.randint(2_000, 18_000), "Faults")
                for i in range(voters)
            ]
            await conn.copy_records_to_table(
                "practice", records=practices, columns=["org_id", "id", "ods_code", "name", "list_size", "locality"]
            )
            representatives = [
                (uuid.uuid4(), f"rep.{p[2].lower()}@faults.example", f"Dr Rep {p[2]}") for p in practices
            ]
            staff = [(uuid.uuid4(), f"member.{i}@faults.example", f"Member {i}") for i in range(members)]
            await conn.copy_records_to_table("person", records=representatives + staff, columns=["id", "email", "name"])
            await conn.copy_records_to_table(
                "person_registration",
                records=[(ccg, p[0]) for p in representatives + staff],
                columns=["org_id", "person_id"],
            )
            await conn.executemany(
                "INSERT INTO membership (org_id, person_id, role, practice_id, valid_from) VALUES ($1, $2, $3, $4, '2025-01-01')",
                [(ccg, r[0], "PRACTICE_REPRESENTATIVE", p[1]) for r, p in zip(representatives, practices)]
                + [(ccg, s[0], "STAFF", None) for s in staff],
            )
            for email in (SECRETARY, AUTHOR, SPONSOR):
                deployment.people[email] = await conn.fetchval("SELECT id FROM person WHERE email = $1", email)
            deployment.governing_body = await conn.fetchval(
                "SELECT id FROM committee WHERE org_id = $1 AND kind = 'GOVERNING_BODY'", ccg
            )
    finally:
        await conn.close()
    deployment.voters = [Voter(p[1], r[0]) for p, r in zip(practices, representatives)]
    deployment.members = [s[0] for s in staff]


class QuorumServer:
    """`quorum serve --workers N` against the deployment's database, as an operator runs it."""

    def __init__(self, deployment: Deployment, workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = ROOT / ".quorum" / "test" / f"faults-server-{self.port}.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "quorum.cli", "serve", "--port", str(self.port), "--workers", str(workers)],
            env=deployment.env,
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.workers = workers

    def worker_pids(self) -> list[int]:
        """The uvicorn worker processes (children started by multiprocessing's spawn), alive now."""
        found = []
        for child in psutil.Process(self.process.pid).children():
            try:
                if "spawn_main" in " ".join(child.cmdline()) and child.status() != psutil.STATUS_ZOMBIE:
                    found.append(child.pid)
            except psutil.NoSuchProcess:
                pass
        return found

    async def wait_until_serving(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(base_url=self.url, timeout=5) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"quorum serve exited; see {self.log_path}")
                try:
                    healthy = (await client.get("/healthz")).status_code == 200
                except httpx.TransportError:
                    healthy = False
                if healthy and len(self.worker_pids()) == self.workers:
                    return
                await asyncio.sleep(0.2)
        raise RuntimeError(f"quorum serve did not start; see {self.log_path}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            for child in psutil.Process(self.process.pid).children(recursive=True):
                child.kill()
            self.process.kill()
            self.process.wait()
        self._log.close()


async def publish_a_pack(deployment: Deployment, server: QuorumServer) -> None:
    """A governing body meeting with two papers (one with a 20-page appendix) and its published Part I pack."""
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        secretary, author, sponsor = (Caller(client, token(deployment.people[e])) for e in (SECRETARY, AUTHOR, SPONSOR))
        meeting = (
            await secretary.data(
                CREATE_MEETING,
                {
                    "input": {
                        "committeeId": ids.encode("Committee", deployment.governing_body),
                        "title": "Governing body in public",
                        "startsAt": future(),
                        "location": "Bolton Town Hall",
                    }
                },
            )
        )["createMeeting"]["meeting"]
        for title, appendix in (("Estates strategy", pdf_with_pages(20, "Estates data")), ("Finance report", None)):
            item = (
                await secretary.data(
                    ADD_ITEM,
                    {
                        "input": {
                            "meetingId": meeting["id"],
                            "title": title,
                            "purpose": "DECISION",
                            "part": "PUBLIC",
                            "presenter": "Tom Ashworth",
                            "needsPaper": True,
                        }
                    },
                )
            )["addAgendaItem"]["item"]
            paper = (
                await secretary.data(
                    REQUEST_PAPER,
                    {
                        "input": {
                            "meetingId": meeting["id"],
                            "itemId": item["id"],
                            "title": title,
                            "dueDate": due(),
                            "authorId": ids.encode("Person", deployment.people[AUTHOR]),
                            "sponsorId": ids.encode("Person", deployment.people[SPONSOR]),
                        }
                    },
                )
            )["requestPaper"]["paper"]["id"]
            await write_and_approve(
                author, sponsor, paper, f"## {title}\n\nThe governing body is asked to approve.", appendix
            )
        await secretary.data(CHANGE_STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}})
        build = await build_and_wait(secretary, meeting["id"], "PUBLIC", run_jobs=False)
        assert (await secretary.data(PUBLISH, {"input": {"id": build["id"]}}))["publishPack"]["errors"] == []
        deployment.meeting_id, deployment.pack_url = meeting["id"], build["url"]


async def start_pack_build(secretary: Caller, meeting_id: str, part: str) -> str:
    result = (await secretary.data(BUILD, {"input": {"meetingId": meeting_id, "part": part}}))["buildPack"]
    assert result["errors"] == [], result["errors"]
    return result["build"]["id"]


async def open_ballot(deployment: Deployment, server: QuorumServer, *, secret: bool) -> dict:
    """A ballot of the whole council of members: a for-or-against question and a two-seat election."""
    headers = bearer(deployment.people[SECRETARY])
    conn = await deployment.owner()
    try:
        ccg = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = $1", BOLTON)
    finally:
        await conn.close()
    organisation = ids.encode("Organisation", ccg)
    now = datetime.now(UTC)
    async with httpx.AsyncClient(base_url=server.url, timeout=30, headers=headers) as client:
        caller = Caller(client)
        rules = {
            "organisationId": organisation,
            "weighting": "EQUAL",
            "turnoutBasis": "PRACTICES",
            "turnoutThresholdPercent": 50,
            "majority": "SIMPLE",
            "votesMayBeChanged": False,
        }
        assert (await caller.data(SET_RULES, {"input": rules}))["setBallotSettings"]["errors"] == []
        created = (
            await caller.data(
                CREATE_BALLOT,
                {
                    "input": {
                        "organisationId": organisation,
                        "title": "Constitution change and election",
                        "secret": secret,
                        "opensAt": (now - timedelta(minutes=1)).isoformat(),
                        "closesAt": (now + timedelta(hours=1)).isoformat(),
                        "questions": [
                            {"text": "Do you approve the revised constitution?"},
                            {
                                "text": "Elect two GP members",
                                "kind": "ELECTION",
                                "seats": 2,
                                "candidates": ["Dr Amara Okoye", "Dr Ben Hughes", "Dr Chloe Patel"],
                            },
                        ],
                    }
                },
            )
        )["createBallot"]
    assert created["errors"] == [], created["errors"]
    return created["ballot"]
