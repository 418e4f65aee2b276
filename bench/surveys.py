"""Survey results benchmark: 10,000 responses to a 30-question survey.

Prints the time to compute every question's results for everyone and every
split (5 groupings: everyone, leaders and others, role, locality, list size),
with the disclosure audit deciding what is withheld (goal: under 300 ms; a
locality of three respondents makes the audit do its full work on every
question), and to write the .xlsx export
(goal: under 3 s), each as the median of several runs, and the peak Python
memory of each (tracemalloc, measured in a separate run because tracing slows
everything it measures). Both run as the app role with a board secretary's
access, so row-level security is part of the cost, as in production. Last, the
time to send (here: change) one response, which counts it into the tallies
that results are read from: the price paid at answering time for fast results. Then the open round's
results page through the app's real request path, warm and after each new response (goal: at most 10 ms
of this process's CPU; `--requests-only` measures only this).

    .venv/bin/python bench/surveys.py [--responses 10000] [--runs 5] [--requests-only]

With no DATABASE_URL it starts the embedded PostgreSQL in .quorum/bench; it
(re)creates a database called quorum_bench (or $QUORUM_BENCH_DATABASE) either way.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
import tracemalloc
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QUORUM_DATA_DIR", str(ROOT / ".quorum" / "bench"))
sys.path.insert(0, str(ROOT / "backend"))
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402

from quorum.config import get_settings  # noqa: E402
from quorum.database import connect_kwargs, owner_url  # noqa: E402

DATABASE = os.environ.get("QUORUM_BENCH_DATABASE", "quorum_bench")
LOCALITIES = ["Bolton Central", "Farnworth and Kearsley", "Horwich and Westhoughton", None]
BANDS = ["UNDER_5000", "5000_TO_9999", "10000_TO_14999", "15000_AND_OVER"]
AGREEMENT = ["STRONGLY_AGREE", "AGREE", "NEITHER", "DISAGREE", "STRONGLY_DISAGREE", "DONT_KNOW"]


def thirty_questions() -> list[dict]:
    """12 agreement, 3 matrices of 5 statements, 4 single and 3 multiple choice, 3 ratings, 2 numbers, 3 texts."""
    options = [{"key": f"o{i}", "label": f"Option {i}"} for i in range(5)]
    questions = [
        {"key": f"agree_{i}", "kind": "AGREEMENT", "prompt": f"Statement {i}", "required": True} for i in range(12)
    ]
    questions += [
        {
            "key": f"matrix_{i}",
            "kind": "MATRIX",
            "prompt": f"Matrix {i}",
            "statements": [{"key": f"s{j}", "label": f"Statement {j}"} for j in range(5)],
        }
        for i in range(3)
    ]
    questions += [
        {"key": f"single_{i}", "kind": "SINGLE_CHOICE", "prompt": f"Choose {i}", "options": options} for i in range(4)
    ]
    questions += [
        {"key": f"multi_{i}", "kind": "MULTIPLE_CHOICE", "prompt": f"Choose any {i}", "options": options}
        for i in range(3)
    ]
    questions += [{"key": f"rating_{i}", "kind": "RATING", "prompt": f"Rate {i}"} for i in range(3)]
    questions += [
        {"key": f"number_{i}", "kind": "NUMBER", "prompt": f"How many {i}", "minimum": 0, "maximum": 1000}
        for i in range(2)
    ]
    questions += [
        {"key": "short_0", "kind": "SHORT_TEXT", "prompt": "In a word"},
        {
            "key": "short_1",
            "kind": "SHORT_TEXT",
            "prompt": "Where else?",
            "show_if": {"question_key": "single_0", "any_of": ["o4"], "statement_key": None},
        },
        {"key": "long_0", "kind": "LONG_TEXT", "prompt": "Anything else?"},
    ]
    assert len(questions) == 30
    return questions


def answer_rows(rng: random.Random, org_id, survey_id, response_id, questions: list[dict], ids: dict[str, uuid.UUID]):
    rows = []
    single_0 = None
    for q in questions:
        key, kind, question_id = q["key"], q["kind"], ids[q["key"]]
        row = lambda item="", choice=None, choices=None, number=None, text=None: (  # noqa: E731
            org_id,
            survey_id,
            response_id,
            question_id,
            item,
            choice,
            choices,
            number,
            text,
        )
        if kind == "AGREEMENT":
            rows.append(row(choice=rng.choice(AGREEMENT)))
        elif kind == "MATRIX":
            rows += [row(item=f"s{j}", choice=rng.choice(AGREEMENT)) for j in range(5)]
        elif kind == "SINGLE_CHOICE":
            choice = f"o{rng.randrange(5)}"
            single_0 = choice if key == "single_0" else single_0
            rows.append(row(choice=choice))
        elif kind == "MULTIPLE_CHOICE":
            rows.append(row(choices=sorted(rng.sample([f"o{i}" for i in range(5)], rng.randint(1, 3)))))
        elif kind == "RATING":
            rows.append(row(choice=str(rng.randrange(11))))
        elif kind == "NUMBER":
            rows.append(row(number=Decimal(rng.randrange(0, 200))))
        elif key == "short_1":
            if single_0 == "o4" and rng.random() < 0.5:
                rows.append(row(text=rng.choice(["Bulletin", "Locality lead", "Practice manager"])))
        elif rng.random() < 0.3:
            rows.append(row(text=f"Free text answer number {rng.randrange(100000)} about the CCG and its members."))
    return rows


async def build(server, responses: int) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """A fresh database with the demo data and one open survey with `responses` sent responses."""
    conn = await asyncpg.connect(**connect_kwargs(server.set(database="postgres")))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await conn.close()
    url = server.set(database=DATABASE)
    os.environ["DATABASE_URL"] = url.render_as_string(hide_password=False)
    get_settings.cache_clear()
    from quorum import migrations
    from quorum.seed.demo import seed_demo

    await asyncio.to_thread(migrations.upgrade, url)
    await seed_demo()

    conn = await asyncpg.connect(**connect_kwargs(url))
    try:
        org_id = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = '00T'")
        secretary = await conn.fetchval("SELECT id FROM person WHERE email = 'helen.hargreaves@demo.quorum.example'")
        representative = await conn.fetchval("SELECT id FROM person WHERE email = 'rajesh.mistry@demo.quorum.example'")
        survey_id = await load_survey(conn, org_id, secretary, responses)
        return survey_id, secretary, representative
    finally:
        await conn.close()


async def load_survey(
    conn, org_id, created_by, responses: int, status: str = "CLOSED", settled: bool = False
) -> uuid.UUID:
    """A 30-question survey of `org_id` with `responses` sent responses and their tallies, written as the owner."""
    from quorum.surveys.definition import Condition

    rng = random.Random(2026)
    questions = thirty_questions()
    survey_id, section_id = uuid.uuid4(), uuid.uuid4()
    # Unless `settled`, closed but with its closing time ahead: never settled, so its results are computed afresh
    # every time (a settled survey's results are kept per worker, which would measure a dictionary look-up).
    invited = {
        "total": 12000,
        "by_locality": {
            "Bolton Central": 4000,
            "Farnworth and Kearsley": 3500,
            "Horwich and Westhoughton": 3000,
            "": 1500,
        },
        "groups": {},
    }
    await conn.execute(
        "INSERT INTO survey (org_id, id, title, status, anonymity, respondent_unit, audience, invited, created_by,"
        " allow_edits_after_submit, closes_at) VALUES ($1, $2, 'Benchmark survey', $5, 'ANONYMOUS', 'PERSON',"
        " '{\"roles\": [\"PRACTICE_REPRESENTATIVE\"]}', $3::text::jsonb, $4, true, now() + $6 * interval '1 day')",
        org_id,
        survey_id,
        json.dumps(invited),
        created_by,
        status,
        -1 if settled else 1,
    )
    await conn.execute(
        "INSERT INTO survey_section (org_id, survey_id, id, position, title) VALUES ($1, $2, $3, 0, 'All')",
        org_id,
        survey_id,
        section_id,
    )
    ids = {q["key"]: uuid.uuid4() for q in questions}
    await conn.copy_records_to_table(
        "survey_question",
        columns=[
            "org_id",
            "survey_id",
            "id",
            "section_id",
            "position",
            "key",
            "kind",
            "prompt",
            "required",
            "options",
            "statements",
            "minimum",
            "maximum",
            "show_if",
        ],
        records=[
            (
                org_id,
                survey_id,
                ids[q["key"]],
                section_id,
                n,
                q["key"],
                q["kind"],
                q["prompt"],
                q.get("required", False),
                json.dumps(q.get("options", [])),
                json.dumps(q.get("statements", [])),
                q.get("minimum") and Decimal(q["minimum"]),
                q.get("maximum") and Decimal(q["maximum"]),
                q.get("show_if")
                and json.dumps(Condition(**{**q["show_if"], "any_of": tuple(q["show_if"]["any_of"])}).to_data()),
            )
            for n, q in enumerate(questions)
        ],
    )
    response_rows, answers = [], []
    for _ in range(responses):
        response_id = uuid.uuid4()
        role = rng.choices(["PRACTICE_REPRESENTATIVE", "GOVERNING_BODY_MEMBER", "STAFF"], [70, 10, 20])[0]
        locality = None if role != "PRACTICE_REPRESENTATIVE" else rng.choice(LOCALITIES[:3])
        if locality and len(response_rows) % 3000 == 1:
            locality = "Blackrod"  # a locality of three respondents: withheld, with whatever would give it away
        leader = role == "GOVERNING_BODY_MEMBER" or rng.random() < 0.1
        band = locality and rng.choice(BANDS)
        response_rows.append((org_id, survey_id, response_id, "SUBMITTED", role, locality, leader, band))
        answers += answer_rows(rng, org_id, survey_id, response_id, questions, ids)
    await conn.copy_records_to_table(
        "survey_response",
        records=response_rows,
        columns=["org_id", "survey_id", "id", "status", "group_role", "group_locality", "group_leader", "group_band"],
    )
    await conn.copy_records_to_table(
        "survey_answer",
        records=answers,
        columns=["org_id", "survey_id", "response_id", "question_id", "item", "choice", "choices", "number", "text"],
    )
    # What sending each response through the app would have counted into the tallies.
    keys = "org_id, survey_id, question_id, item, choice, group_role, group_locality, group_leader, group_band"
    await conn.execute(
        f"INSERT INTO survey_tally ({keys}, count) SELECT {', '.join('d.' + k for k in keys.split(', '))}, sum(d.n)"
        f" FROM survey_response r, survey_response_tallies(r.org_id, r.id) d WHERE r.survey_id = $1"
        f" GROUP BY {', '.join('d.' + k for k in keys.split(', '))}",
        survey_id,
    )
    for table in ("survey_response", "survey_answer", "survey_tally"):
        await conn.execute(f"VACUUM ANALYZE {table}")
    print(f"Built {responses:,} responses with {len(answers):,} answers to 30 questions.")
    return survey_id


def identity_of(person_id: uuid.UUID):
    from datetime import timedelta

    from quorum.auth import tokens
    from quorum.auth.identity import Identity

    return Identity(token=tokens.verify(tokens.issue(person_id, timedelta(hours=1))))


async def as_secretary(secretary: uuid.UUID, work):
    from quorum.auth.identity import transaction_for

    async with transaction_for(identity_of(secretary)) as (db, access):
        return await work(db, access)


async def compute_results(db, access, survey_id):
    from quorum.surveys import results, service

    survey = await service.get_survey(db, access, survey_id)
    return await results.survey_results(db, survey, await service.structure(db, survey))


async def write_export(db, access, survey_id):
    from quorum.surveys import http as export
    from quorum.surveys import service

    survey = await service.get_survey(db, access, survey_id)
    return await export.workbook_for(db, survey, "NHS Bolton CCG", None)


async def send_responses(survey_id: uuid.UUID, representative: uuid.UUID, runs: int) -> None:
    """A representative sends a full response, then changes it: each time it is counted out of and into the tallies."""
    from quorum.auth.identity import transaction_for
    from quorum.surveys import answering, service
    from quorum.surveys.answering import GivenAnswer

    rng = random.Random(7)
    token, times = None, []
    for _ in range(runs + 1):
        async with transaction_for(identity_of(representative)) as (db, access):
            survey = await service.get_survey(db, access, survey_id)
            structure = await service.structure(db, survey)
            given = []
            for question in structure.definition.questions:
                question_id = structure.question_ids[question.key]
                if question.kind.value == "MATRIX":
                    given += [
                        GivenAnswer(question_id, s.key, choice=rng.choice(AGREEMENT)) for s in question.statements
                    ]
                elif question.kind.value == "MULTIPLE_CHOICE":
                    given.append(GivenAnswer(question_id, choices=("o1", "o3")))
                elif question.kind.value == "NUMBER":
                    given.append(GivenAnswer(question_id, number=Decimal(rng.randrange(100))))
                elif question.is_text:
                    given.append(GivenAnswer(question_id, text="A few words"))
                else:
                    given.append(GivenAnswer(question_id, choice=rng.choice([o.key for o in question.scale])))
            start = time.perf_counter()
            saved = await answering.save(db, access, survey_id, given, token=token, practice_id=None, submit=True)
            times.append(time.perf_counter() - start)
            token = token or saved.resume_token
    print(
        f"Sending a response (30 questions, counted into the tallies): median {statistics.median(times[1:]) * 1000:,.0f} ms"
        f" over {runs} changes of a sent response"
    )


async def measure(label: str, goal: float, runs: int, secretary, work) -> object:
    outcome = await as_secretary(secretary, work)  # warm the connection pool and caches
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        await as_secretary(secretary, work)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    tracemalloc.start()
    await as_secretary(secretary, work)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    median = statistics.median(times)
    verdict = "within" if median < goal else "OVER"
    print(
        f"{label}: median {median * 1000:,.0f} ms, fastest {min(times) * 1000:,.0f} ms over {runs} runs"
        f" ({verdict} the {goal * 1000:,.0f} ms goal); peak Python memory {peak / 1e6:,.1f} MB"
    )
    print(
        f"  this process's own CPU time: median {statistics.median(cpu) * 1000:,.0f} ms (the rest is PostgreSQL,"
        f" and waiting for a CPU when the machine is busy: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )
    return outcome


async def add_response(conn, survey_id: uuid.UUID, rng: random.Random) -> None:
    """One more sent response, written as the owner with what sending it counts into the tallies."""
    org_id = await conn.fetchval("SELECT org_id FROM survey WHERE id = $1", survey_id)
    ids = dict(await conn.fetch("SELECT key, id FROM survey_question WHERE survey_id = $1", survey_id))
    response_id = uuid.uuid4()
    async with conn.transaction():
        await conn.execute(
            "INSERT INTO survey_response (org_id, survey_id, id, status, group_role, group_locality, group_leader,"
            " group_band) VALUES ($1, $2, $3, 'SUBMITTED', 'PRACTICE_REPRESENTATIVE', 'Bolton Central', false,"
            " 'UNDER_5000')",
            org_id,
            survey_id,
            response_id,
        )
        await conn.copy_records_to_table(
            "survey_answer",
            records=answer_rows(rng, org_id, survey_id, response_id, thirty_questions(), ids),
            columns=[
                "org_id",
                "survey_id",
                "response_id",
                "question_id",
                "item",
                "choice",
                "choices",
                "number",
                "text",
            ],
        )
        keys = "org_id, survey_id, question_id, item, choice, group_role, group_locality, group_leader, group_band"
        await conn.execute(
            f"INSERT INTO survey_tally AS t ({keys}, count) SELECT {keys}, n FROM survey_response_tallies($1, $2)"
            f" ON CONFLICT ({keys}) DO UPDATE SET count = t.count + EXCLUDED.count",
            org_id,
            response_id,
        )


async def request_results(survey_id: uuid.UUID, secretary, runs: int) -> None:
    """The frontend's results document for the open round, POSTed to /graphql through the app (the real request
    path: the caller's token, access, hot reads, the schema): warm, then each time after one more response."""
    import httpx

    from bench.servers.documents import frontend_document
    from bench.servers.operations import bearer
    from quorum.ids import encode
    from quorum.web.app import create_app

    body = {
        "query": frontend_document("surveys", "surveyResultsQuery"),
        "variables": {"id": encode("Survey", survey_id)},
    }
    headers = bearer(secretary)

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app()), base_url="http://bench") as client:

        async def timed() -> tuple[float, float, dict]:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = await client.post("/graphql", json=body, headers=headers)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            assert response.status_code == 200 and "errors" not in response.json(), response.text
            return elapsed, cpu, response.json()

        await timed()
        warm = [await timed() for _ in range(max(runs, 20))]
        after = []
        conn = await asyncpg.connect(**connect_kwargs(owner_url()))
        try:
            for n in range(max(runs, 20)):
                await add_response(conn, survey_id, random.Random(n))
                after.append(await timed())
        finally:
            await conn.close()
    answer = warm[-1][2]["data"]["node"]["results"]
    print(f"Results request for the open round ({answer['responseCount']:,} responses shown), this process's CPU:")
    for label, times in (("warm", warm), ("each after one more response", after)):
        cpu = sorted(t[1] * 1000 for t in times)
        print(
            f"  {label}: median {statistics.median(cpu):,.1f} ms, slowest {cpu[-1]:,.1f} ms over {len(times)} requests"
            f" (wall clock median {statistics.median(t[0] for t in times) * 1000:,.1f} ms; load average"
            f" {os.getloadavg()[0]:.1f})"
        )


async def _open(survey_id: uuid.UUID) -> None:
    conn = await asyncpg.connect(**connect_kwargs(owner_url()))
    try:  # open again, as the owner: sending a response and reading an open round are measured on it
        await conn.execute("UPDATE survey SET status = 'OPEN' WHERE id = $1", survey_id)
    finally:
        await conn.close()


async def main(server, responses: int, runs: int, requests_only: bool) -> None:
    survey_id, secretary, representative = await build(server, responses)
    if requests_only:
        await _open(survey_id)
        await request_results(survey_id, secretary, runs)
        return
    found = await measure(
        "Results with the disclosure audit (30 questions, 5 groupings)",
        0.3,
        runs,
        secretary,
        lambda db, access: compute_results(db, access, survey_id),
    )
    withheld = sum(g.withheld for q in found.questions for groups in q.splits.values() for g in groups)
    print(
        f"  {found.responses:,} responses; {withheld} of "
        f"{sum(len(groups) for q in found.questions for groups in q.splits.values())} group results withheld"
    )
    for reason in found.reasons[:6]:
        print(f"  withheld: {reason}")
    content = await measure(
        "Export to .xlsx (a sheet per question and the raw responses)",
        3.0,
        runs,
        secretary,
        lambda db, access: write_export(db, access, survey_id),
    )
    print(f"  workbook of {len(content) / 1e6:,.1f} MB")
    await _open(survey_id)
    await send_responses(survey_id, representative, runs)
    await request_results(survey_id, secretary, runs)
    from quorum.database import app_engine

    await app_engine().dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests-only", action="store_true", help="only the open round's results requests")
    arguments = parser.parse_args()
    server = owner_url()  # starts the embedded server when DATABASE_URL is unset, before any event loop
    asyncio.run(main(server, arguments.responses, arguments.runs, arguments.requests_only))
