"""`quorum seed --scale small`, run as an operator runs it into fresh databases, then read through the API
with the frontend's own queries by each kind of person, as a real server serves them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from quorum import clock
from quorum.auth import tokens
from quorum.cli import main
from quorum.database import connect_kwargs, owner_url
from quorum.ids import encode
from quorum.seed.scale.plan import default_anchor
from tests.cli.test_commands import table_fingerprints
from tests.conftest import ROOT, TEST_DATABASE
from tests.live_server import free_port
from tests.scale.frontend import query

ANCHOR = default_anchor(clock.today()).isoformat()  # fixed once, so every run here lays out the same data


def database_url(name: str) -> str:
    return owner_url().set(database=name).render_as_string(hide_password=False)


EMPTY = f"{TEST_DATABASE}_scale_empty"  # migrated once, then copied for each seed


def create_database(name: str, template: str | None = "template1") -> str:
    """A new empty database `name` (copied from `template`), or none with that name when `template` is None."""

    async def recreate() -> None:
        conn = await asyncpg.connect(**connect_kwargs(owner_url().set(database="postgres")))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if template is not None:
                await conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        finally:
            await conn.close()

    asyncio.run(recreate())
    return database_url(name)


@pytest.fixture(scope="module")
def fresh():
    assert quorum(create_database(EMPTY), "migrate").returncode == 0
    made = []

    def copy(name: str) -> str:
        made.append(name)
        return create_database(name, template=EMPTY)

    yield copy
    for name in {*made, EMPTY}:
        create_database(name, template=None)


def quorum(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quorum.cli", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DATABASE_URL": url},
    )


def seed(url: str, number: int) -> subprocess.CompletedProcess:
    return quorum(url, "seed", "--scale", "small", "--seed", str(number), "--anchor", ANCHOR)


@pytest.fixture(scope="module")
def generated(fresh):
    """A database seeded with seed 1, and the checksums of every table straight after."""
    url = fresh(f"{TEST_DATABASE}_scale_1")
    started = time.monotonic()
    result = seed(url, 1)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30
    return url, result.stdout, asyncio.run(table_fingerprints(url))


@pytest.fixture(scope="module")
def server(generated):
    folder = ROOT / ".quorum" / "test"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"server-{TEST_DATABASE}-scale.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "quorum.cli", "serve", "--port", str(port := free_port()), "--no-worker"],
            env={**os.environ, "DATABASE_URL": generated[0], "QUORUM_RATE_LIMITS": "off"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while not _healthy(base):
            if time.monotonic() > deadline:
                process.terminate()
                pytest.fail(f"Quorum did not start; see {log.name}")
            time.sleep(0.2)
        yield base
        process.terminate()
        process.wait(timeout=20)


def _healthy(base: str) -> bool:
    try:
        return httpx.get(f"{base}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


class Facts:
    """Ids and people of the generated data, read as the owner."""

    def __init__(self, url: str):
        self.url = url

    async def fetch(self, sql: str, *args):
        conn = await asyncpg.connect(**connect_kwargs(make_url(self.url)))
        try:
            return await conn.fetch(sql, *args)
        finally:
            await conn.close()

    async def value(self, sql: str, *args):
        rows = await self.fetch(sql, *args)
        assert rows, sql
        return rows[0][0]

    async def id(self, type_name: str, sql: str, *args) -> str:
        return encode(type_name, await self.value(sql, *args))


@pytest.fixture(scope="module")
def facts(generated) -> Facts:
    return Facts(generated[0])


class Caller:
    def __init__(self, base: str, token: str | None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.client = httpx.AsyncClient(base_url=base, timeout=30, headers=headers)

    async def ask(self, name: str, **variables) -> dict:
        response = await self.client.post("/graphql", json={"query": query(name), "variables": variables})
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, (name, body["errors"])
        return body["data"]


async def caller(server: str, facts: Facts, email: str) -> Caller:
    person = await facts.value("SELECT id FROM person WHERE email = $1", email)
    return Caller(server, tokens.issue(person, timedelta(minutes=10)))


FIRST_CCG = "SELECT o.ods_code FROM organisation o WHERE kind = 'CCG' ORDER BY ods_code LIMIT 1 OFFSET $1"
MEETING_OF = """
SELECT m.id FROM meeting m JOIN committee c ON c.id = m.committee_id JOIN organisation o ON o.id = c.org_id
WHERE o.ods_code = $1 AND c.kind = $2 AND m.status = $3 ORDER BY m.starts_at LIMIT 1
"""


# -- the command ---------------------------------------------------------------------------------------------


def test_it_reports_each_stage_with_counts_and_times(generated):
    output = generated[1]
    for stage in (
        "organisations:",
        "committees:",
        "registers:",
        "meetings:",
        "ballots:",
        "surveys:",
        "indicators:",
        "concerns:",
    ):
        assert stage in output
    assert "150 practice" in output and "s in all)" in output


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(generated, fresh):
    url = fresh(f"{TEST_DATABASE}_scale_2")
    assert seed(url, 1).returncode == 0
    assert asyncio.run(table_fingerprints(url)) == generated[2]
    url = fresh(f"{TEST_DATABASE}_scale_2")
    assert seed(url, 2).returncode == 0
    other = asyncio.run(table_fingerprints(url))
    assert {t for t in other if other[t] != generated[2][t]} >= {
        "organisation",
        "practice",
        "person",
        "meeting",
        "minutes",
    }


def test_every_ccg_has_a_concerns_register_with_history(generated):
    async def read() -> list:
        conn = await asyncpg.connect(**connect_kwargs(make_url(generated[0])))
        try:
            return await conn.fetch(
                "SELECT o.id, (SELECT count(*) FROM concern_ladder_step s WHERE s.org_id = o.id) AS steps,"
                " (SELECT count(DISTINCT c.current_step_id) FROM concern c WHERE c.org_id = o.id) AS at_steps,"
                " (SELECT count(*) FROM concern c WHERE c.org_id = o.id AND NOT EXISTS (SELECT 1 FROM"
                "  concern_step_change h WHERE h.concern_id = c.id AND h.direction = 'LOGGED')) AS unlogged"
                " FROM organisation o WHERE o.kind = 'CCG'"
            )
        finally:
            await conn.close()

    found = asyncio.run(read())
    assert found and all(r["steps"] == 4 and r["at_steps"] >= 2 and r["unlogged"] == 0 for r in found), found


def test_it_refuses_a_database_already_holding_generated_data(generated):
    url, _, checksums = generated
    result = seed(url, 3)
    assert result.returncode == 1
    assert "already holds generated data" in result.stderr
    assert asyncio.run(table_fingerprints(url)) == checksums


def test_demo_and_scale_are_one_or_the_other():
    for args in (["seed", "--demo", "--scale", "small"], ["seed"], ["seed", "--scale", "large"]):
        with pytest.raises(SystemExit) as exit:
            main(args)
        assert exit.value.code == 2
    assert main(["seed", "--demo", "--seed", "2"]) == 2


async def test_the_shape_is_what_the_app_expects(facts):
    counts = dict(await facts.fetch("SELECT kind, count(*) FROM organisation GROUP BY kind"))
    assert counts == {"AREA_TEAM": 2, "CCG": 5}
    assert await facts.value("SELECT count(*) FROM practice") == 150
    assert await facts.value("SELECT max(n) FROM (SELECT count(*) n FROM agenda_item GROUP BY meeting_id) x") == 40
    open_ballots = await facts.value(
        "SELECT count(DISTINCT org_id) FROM ballot WHERE opens_at <= now() AND closes_at > now()"
    )
    assert open_ballots == 5
    upcoming = await facts.value("SELECT count(*) FROM meeting WHERE starts_at > now() AND status <> 'DRAFT'")
    assert upcoming >= 5
    # Secret ballots' totals came through the database's own trigger: one per chosen option per practice.
    mismatched = await facts.fetch("""
        SELECT b.id FROM ballot b WHERE b.secret AND (SELECT coalesce(sum(votes), 0) FROM ballot_tally t WHERE t.ballot_id = b.id)
            < (SELECT count(*) FROM ballot_participation p WHERE p.ballot_id = b.id)""")
    assert mismatched == []
    # A year of quality indicators for every CCG's practices.
    assert await facts.value("SELECT count(*) FROM indicator") == 5 * 6
    assert await facts.value("SELECT count(DISTINCT practice_id) FROM indicator_value") == 150


# Each query finds rows that break a rule the app keeps; none should.
DISAGREEMENTS = {
    "included paper without its published approved version": """
        SELECT p.id FROM paper p WHERE p.status = 'INCLUDED' AND NOT EXISTS (
            SELECT 1 FROM paper_version v WHERE v.paper_id = p.id AND v.approved_at IS NOT NULL AND v.published_at IS NOT NULL)""",
    "paper whose latest version does not match its status": """
        SELECT p.id FROM paper p JOIN LATERAL (SELECT * FROM paper_version v WHERE v.paper_id = p.id
                                               ORDER BY number DESC LIMIT 1) v ON true
        WHERE (p.status IN ('APPROVED', 'INCLUDED')) <> (v.approved_at IS NOT NULL)""",
    "published pack naming an unpublished version": """
        SELECT b.id FROM pack_build b, unnest(b.paper_version_ids) AS v_id JOIN paper_version v ON v.id = v_id
        WHERE b.published_at IS NOT NULL AND v.published_at IS NULL""",
    "minutes approved without both parts, or parts without approval": """
        SELECT m.id FROM meeting m WHERE (m.status = 'MINUTES_APPROVED') <> (
            (SELECT count(*) FROM minutes x WHERE x.meeting_id = m.id) = 2)""",
    "record of a meeting that was not held": """
        SELECT m.id FROM meeting m WHERE m.status NOT IN ('HELD', 'MINUTES_APPROVED')
            AND (EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)
                 OR EXISTS (SELECT 1 FROM decision d WHERE d.meeting_id = m.id))""",
    "named vote whose counts are not its casts": """
        SELECT v.id FROM vote v WHERE NOT v.secret AND (v.for_count, v.against_count, v.abstain_count) <> (
            SELECT count(*) FILTER (WHERE choice = 'FOR'), count(*) FILTER (WHERE choice = 'AGAINST'),
                   count(*) FILTER (WHERE choice = 'ABSTAIN') FROM vote_cast c WHERE c.vote_id = v.id)""",
    "secret vote whose tally is not its casts": """
        SELECT v.id FROM vote v WHERE v.secret AND (v.for_count + v.against_count + v.abstain_count,
            v.for_count + v.against_count + v.abstain_count) <> (
            (SELECT sum(count) FROM secret_tally t WHERE t.vote_id = v.id), (SELECT count(*) FROM vote_cast c WHERE c.vote_id = v.id))""",
    "vote cast by someone excluded by a declared conflict": """
        SELECT c.vote_id FROM vote_cast c JOIN vote v ON v.id = c.vote_id JOIN declaration d
            ON d.item_id = v.item_id AND d.person_id = c.person_id
        WHERE d.management IN ('LEAVE_ROOM', 'DISCUSSION_NOT_DECISION')""",
    "decision by vote without its closed vote": """
        SELECT d.id FROM decision d LEFT JOIN vote v ON v.id = d.vote_id
        WHERE d.route = 'VOTE' AND (v.closed_at IS NULL OR v.outcome IS NULL)""",
    "anonymous survey whose sent responses and participation markers differ": """
        SELECT s.id FROM survey s WHERE s.anonymity = 'ANONYMOUS'
            AND (SELECT count(*) FROM survey_response r WHERE r.survey_id = s.id AND r.status = 'SUBMITTED')
             <> (SELECT count(*) FROM survey_participation p WHERE p.survey_id = s.id)""",
    "named or confidential response without its respondent": """
        SELECT r.id FROM survey_response r JOIN survey s ON s.id = r.survey_id
        WHERE s.anonymity <> 'ANONYMOUS' AND NOT EXISTS (SELECT 1 FROM survey_respondent l WHERE l.response_id = r.id
            AND (l.submitted_at IS NOT NULL) = (r.status = 'SUBMITTED'))""",
    "two chairs at once": """
        SELECT a.id FROM seat a JOIN seat b ON a.committee_id = b.committee_id AND a.role = b.role AND a.id < b.id
        WHERE a.role IN ('CHAIR', 'VICE_CHAIR') AND daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')""",
    "something done after the anchor day": """
        SELECT 'paper' FROM paper WHERE requested_at >= $1 UNION ALL SELECT 'version' FROM paper_version WHERE created_at >= $1
        UNION ALL SELECT 'pack' FROM pack_build WHERE published_at >= $1 UNION ALL SELECT 'ballot' FROM ballot WHERE created_at >= $1
        UNION ALL SELECT 'vote' FROM ballot_participation WHERE recorded_at >= $1
        UNION ALL SELECT 'gift' FROM gift_or_hospitality WHERE recorded_at >= $1
        UNION ALL SELECT 'note' FROM minute_note WHERE updated_at >= $1""",
}


@pytest.mark.parametrize("rule", DISAGREEMENTS)
async def test_the_records_agree_with_each_other(facts, rule):
    sql = DISAGREEMENTS[rule]
    args = [datetime.fromisoformat(ANCHOR).replace(tzinfo=UTC)] if "$1" in sql else []
    assert await facts.fetch(sql + " LIMIT 5", *args) == [], rule


# -- read through the API ----------------------------------------------------------------------------------


async def test_a_secretary_reads_their_ccgs_business(server, facts):
    ods = await facts.value(FIRST_CCG, 0)
    me = await caller(server, facts, f"secretary.{ods.lower()}@small.quorum.example")
    org = await facts.id("Organisation", "SELECT id FROM organisation WHERE ods_code = $1", ods)
    governing_body = await facts.id(
        "Committee",
        "SELECT c.id FROM committee c JOIN organisation o ON o.id = c.org_id"
        " WHERE o.ods_code = $1 AND c.kind = 'GOVERNING_BODY'",
        ods,
    )
    assert (await me.ask("Session"))["viewer"]
    committees = await me.ask("Committees", first=50)
    assert committees["committees"]["totalCount"] >= 3
    await me.ask("Committee", id=governing_body)
    meetings = await me.ask("CommitteeMeetings", committeeId=governing_body, first=50)
    assert meetings["meetings"]["totalCount"] >= 12
    for status in ("MINUTES_APPROVED", "HELD", "PAPERS_PUBLISHED", "AGENDA_PUBLISHED", "DRAFT"):
        meeting = await facts.id("Meeting", MEETING_OF, ods, "GOVERNING_BODY", status)
        page = await me.ask("Meeting", id=meeting)
        assert page["node"]["agenda"]
        await me.ask("MeetingConduct", meetingId=meeting)
        for part in ("PUBLIC", "PRIVATE"):
            await me.ask("Minutes", meetingId=meeting, part=part)
    annual = await facts.id(
        "Meeting",
        "SELECT m.id FROM meeting m JOIN organisation o ON o.id = m.org_id WHERE o.ods_code = $1"
        " AND m.title LIKE '%plan and budgets' ORDER BY m.starts_at LIMIT 1",
        ods,
    )
    assert len((await me.ask("Meeting", id=annual))["node"]["agenda"]) == 40
    paper = await facts.id(
        "Paper",
        "SELECT p.id FROM paper p JOIN organisation o ON o.id = p.org_id WHERE o.ods_code = $1"
        " AND p.status = 'INCLUDED' LIMIT 1",
        ods,
    )
    await me.ask("Paper", id=paper)
    await me.ask("ActionLog", committeeId=governing_body, includeClosed=True, first=50)
    for name in (
        "DecisionsRegister",
        "Interests",
        "GiftsAndHospitality",
        "Delegations",
        "OrganisationPractices",
        "Surveys",
    ):
        await me.ask(name, organisationId=org, first=50)
    for name in (
        "InterestReturnsDue",
        "OrganisationBallots",
        "BallotSettings",
        "PaperPeople",
        "SeatChoices",
        "MembershipChoices",
        "DelegationChoices",
    ):
        await me.ask(name, organisationId=org)
    await me.ask("OrganisationMemberships", id=org, first=50)
    await me.ask("PrimaryCareContracts", first=50)
    for ballot in await facts.fetch(
        "SELECT b.id FROM ballot b JOIN organisation o ON o.id = b.org_id WHERE o.ods_code = $1", ods
    ):
        await me.ask("Ballot", id=encode("Ballot", ballot["id"]))
    surveys = await facts.fetch(
        "SELECT DISTINCT ON (anonymity, status) s.id FROM survey s JOIN organisation o"
        " ON o.id = s.org_id WHERE o.ods_code = $1",
        ods,
    )
    assert len(surveys) == 4  # anonymous open and closed, confidential, named
    for survey in surveys:
        for split in (None, "LEADERSHIP", "ROLE", "LOCALITY", "LIST_SIZE"):
            results = await me.ask("SurveyResults", id=encode("Survey", survey["id"]), split=split)
            assert results["node"]


async def test_a_governing_body_member_reads_meetings_minutes_and_published_results(server, facts):
    ods = await facts.value(FIRST_CCG, 1)
    me = await caller(server, facts, f"member4.{ods.lower()}@small.quorum.example")
    approved = await facts.id("Meeting", MEETING_OF, ods, "GOVERNING_BODY", "MINUTES_APPROVED")
    assert (await me.ask("Meeting", id=approved))["node"]["agenda"]
    conduct = await me.ask("MeetingConduct", meetingId=approved)
    assert conduct
    minutes = await me.ask("Minutes", meetingId=approved, part="PRIVATE")
    assert minutes
    await me.ask("MyPapers", first=50)
    await me.ask("MySurveys")
    org = await facts.id("Organisation", "SELECT id FROM organisation WHERE ods_code = $1", ods)
    surveys = await me.ask("Surveys", organisationId=org, first=50)
    for edge in surveys["surveys"]["edges"]:
        if edge["node"]["viewerCanReadResults"]:
            await me.ask("SurveyResults", id=edge["node"]["id"], split="LEADERSHIP")


async def test_a_practice_representative_sees_the_open_ballot_and_survey(server, facts):
    ods = await facts.value(FIRST_CCG, 2)
    rep = await facts.value(
        "SELECT p.ods_code FROM practice p JOIN organisation o ON o.id = p.org_id WHERE o.ods_code = $1"
        " AND p.id NOT IN (SELECT practice_id FROM ballot_participation bp JOIN ballot b ON b.id = bp.ballot_id"
        "                  WHERE b.closes_at > now()) ORDER BY p.ods_code LIMIT 1",
        ods,
    )
    me = await caller(server, facts, f"rep.{rep.lower()}@small.quorum.example")
    home = await me.ask("MyBallots")
    ballots = [e["node"] for e in home["myBallots"]["edges"]]
    open_now = [b for b in ballots if b["status"] == "OPEN"]
    assert open_now and open_now[0]["viewerVotingRights"][0]["canVote"]
    assert any(b["results"] for b in ballots if b["status"] == "CLOSED")
    surveys = (await me.ask("MySurveys"))["mySurveys"]
    assert surveys
    await me.ask("SurveyForAnswering", id=surveys[0]["id"])
    await me.ask("Ballot", id=open_now[0]["id"])


async def test_an_area_team_officer_reads_the_joint_committee(server, facts):
    officer = await facts.value("SELECT email FROM person WHERE email LIKE 'officer.%' ORDER BY email LIMIT 1")
    me = await caller(server, facts, officer)
    joint = await facts.value(
        "SELECT c.id FROM committee c JOIN seat s ON s.committee_id = c.id JOIN person p ON p.id = s.person_id"
        " WHERE p.email = $1 AND c.is_joint",
        officer,
    )
    await me.ask("Committee", id=encode("Committee", joint))
    meetings = await me.ask("CommitteeMeetings", committeeId=encode("Committee", joint), first=20)
    for edge in meetings["meetings"]["edges"]:
        await me.ask("Meeting", id=edge["node"]["id"])
        await me.ask("MeetingConduct", meetingId=edge["node"]["id"])
    await me.ask("PrimaryCareContracts", first=50)


# -- tenancy -------------------------------------------------------------------------------------------------


async def test_a_member_of_one_ccg_cannot_read_anothers_unpublished_meeting_or_private_business(server, facts):
    mine, theirs = await facts.value(FIRST_CCG, 0), await facts.value(FIRST_CCG, 1)
    me = await caller(server, facts, f"member4.{mine.lower()}@small.quorum.example")
    draft = await facts.id("Meeting", MEETING_OF, theirs, "GOVERNING_BODY", "DRAFT")
    assert (await me.ask("Meeting", id=draft))["node"] is None
    held = await facts.id("Meeting", MEETING_OF, theirs, "GOVERNING_BODY", "MINUTES_APPROVED")
    page = (await me.ask("Meeting", id=held))["node"]
    assert page is not None and all(item["part"] == "PUBLIC" for item in page["agenda"])  # published, Part I only
    ballot = await facts.id(
        "Ballot",
        "SELECT b.id FROM ballot b JOIN organisation o ON o.id = b.org_id WHERE o.ods_code = $1 LIMIT 1",
        theirs,
    )
    assert (await me.ask("Ballot", id=ballot))["ballot"] is None
    survey = await facts.id(
        "Survey",
        "SELECT s.id FROM survey s JOIN organisation o ON o.id = s.org_id WHERE o.ods_code = $1 LIMIT 1",
        theirs,
    )
    assert (await me.ask("SurveyResults", id=survey))["node"] is None


async def test_the_public_reads_published_things_only(server, facts):
    ods = await facts.value(FIRST_CCG, 0)
    anyone = Caller(server, None)
    organisation = (await anyone.ask("PublicOrganisation", odsCode=ods))["publicOrganisation"]
    assert organisation["committees"]
    committee = organisation["committees"][0]["id"]
    meetings = (await anyone.ask("PublicCommittee", odsCode=ods, committeeId=committee, first=50))["meetings"]
    assert meetings["edges"] and all(e["node"]["status"] != "DRAFT" for e in meetings["edges"])
    published = await facts.id("Meeting", MEETING_OF, ods, "GOVERNING_BODY", "PAPERS_PUBLISHED")
    page = (await anyone.ask("Meeting", id=published))["node"]
    assert all(item["part"] == "PUBLIC" for item in page["agenda"])
    assert [p["part"] for p in page["packs"]] == ["PUBLIC"]
    await anyone.ask(
        "Minutes",
        meetingId=await facts.id("Meeting", MEETING_OF, ods, "GOVERNING_BODY", "MINUTES_APPROVED"),
        part="PUBLIC",
    )
    await anyone.ask("PublishedRegisterOfInterests", odsCode=ods)
    await anyone.ask("PublicScheme", odsCode=ods)
    draft = await facts.id("Meeting", MEETING_OF, ods, "GOVERNING_BODY", "DRAFT")
    assert (await anyone.ask("Meeting", id=draft))["node"] is None
