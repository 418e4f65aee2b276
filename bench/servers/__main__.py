"""Server benchmark: Quorum with one and two workers, and PostGraphile beside it, under load from wrk.

    .venv/bin/python -m bench.servers --demo                 # a fresh database: demo data and business
    DATABASE_URL=postgresql://.../national .venv/bin/python -m bench.servers
    .venv/bin/python -m bench.servers --demo --seconds 3 --clients 16 --only meeting,public

Measures, for seven operations (the meeting page, the committee's meeting list, a practice
representative's home page, casting a ballot vote, survey results, the public meeting page with its
pack and the public directory's search), server-side latency (p50, p95, p99) and requests per second at 1, 16 and 64 concurrent clients,
against `quorum serve --workers 1` and `--workers 2` and against PostGraphile (one Node process) over
the same database with the same row-level security settings; and the SQL statements each Quorum
request sends. Prints Markdown tables. A script, never a test; about ten minutes with the defaults.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time

from bench.servers import load, processes
from bench.servers.load import Measurement
from bench.servers.report import Figures, print_report

DATABASE = os.environ.get("QUORUM_BENCH_DATABASE", "quorum_bench_servers")
WARM_UP_SECONDS = 2


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.servers", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--demo",
        action="store_true",
        help=f"(re)create database {DATABASE} with the demo data and the business measured",
    )
    parser.add_argument("--seconds", type=float, default=8, help="measured seconds per cell (default 8)")
    parser.add_argument("--clients", default="1,16,64", help="concurrent clients, comma-separated (default 1,16,64)")
    parser.add_argument("--workers", default="1,2", help="Quorum worker counts, comma-separated (default 1,2)")
    parser.add_argument(
        "--only", default="", help="operations to measure: meeting, meetings, home, vote, survey, public, directory"
    )
    parser.add_argument("--no-postgraphile", action="store_true", help="measure Quorum alone")
    return parser.parse_args()


def main() -> int:
    args = arguments()
    os.environ.setdefault("QUORUM_DATA_DIR", str(processes.ROOT / ".quorum" / "bench"))
    os.environ.pop("QUORUM_DEMO", None)
    load.ensure_wrk()
    if not args.no_postgraphile:
        processes.ensure_postgraphile_installed()
    if args.demo:
        prepare_demo()
    from quorum.database import owner_url

    owner_url()  # starts the embedded database now, when DATABASE_URL is unset, before any event loop
    operations, answers = asyncio.run(choose_operations(args.only))
    clients = [int(c) for c in args.clients.split(",")]
    started = time.monotonic()
    figures = Figures(clients=clients, operations=operations)
    if not args.no_postgraphile:
        from quorum.database import app_url

        connection = app_url().set(drivername="postgresql").render_as_string(hide_password=False)
        with processes.postgraphile(connection) as server:
            figures.same_rows = compare_rows(answers, server.url, operations)
            measure(server, "postgraphile", operations, clients, args.seconds, figures, quorum=False)
    for workers in [int(w) for w in args.workers.split(",")]:
        with processes.quorum(workers) as server:
            if not figures.statements:
                figures.statements = probe_statements(server.url, operations)
            measure(server, f"quorum {workers}", operations, clients, args.seconds, figures, quorum=True)
    print_report(figures, seconds=args.seconds, elapsed=time.monotonic() - started)
    return 0


def prepare_demo() -> None:
    from bench.common import prepare

    print(f"Preparing database {DATABASE}: migrations, demo data, and the business measured ...", flush=True)
    prepare(DATABASE)

    async def add() -> None:
        from bench.servers.demo_business import add_demo_business
        from quorum.database import app_engine

        await add_demo_business()
        await app_engine().dispose()

    asyncio.run(add())


async def choose_operations(only: str):
    from bench.servers import operations, personas
    from quorum.database import app_engine

    try:
        chosen = await personas.choose()
    except personas.MissingData as missing:
        raise SystemExit(
            f"The database lacks what the benchmark reads: {missing}. Run with --demo for demo data,"
            " or point DATABASE_URL at a database seeded with `quorum seed --scale national`."
        ) from None
    found = await operations.build(chosen)
    if not chosen.votes:
        print(
            "No open ballot is left for a practice representative to vote in (an earlier run cast every vote):"
            " casting a vote is not measured. --demo makes a fresh database.",
            flush=True,
        )
    wanted = {name.strip() for name in only.split(",") if name.strip()}
    unknown = wanted - {o.key for o in found} - ({"vote"} if not chosen.votes else set())
    if unknown:
        raise SystemExit(f"unknown operations: {', '.join(sorted(unknown))}")
    found = [o for o in found if not wanted or o.key in wanted]
    answers = await quorum_answers(found)
    await app_engine().dispose()
    return found, answers


async def quorum_answers(operations) -> dict[str, dict]:
    """Quorum's answer to each read PostGraphile also serves, in process, to compare their rows before timing."""
    import httpx

    from quorum.web.app import create_app

    answers = {}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app()), base_url="http://bench") as client:
        for operation in operations:
            if operation.postgraphile is not None:
                request = operation.quorum[0]
                answers[operation.key] = (
                    await client.post("/graphql", json=request.body, headers=request.headers)
                ).json()["data"]
    return answers


def probe_statements(url: str, operations) -> dict[str, str]:
    """SQL statements per request, from the X-Quorum-SQL-Statements header (a vote: first send, then a retry)."""
    import httpx

    counted = {}
    for operation in operations:
        # The last vote in the rotation, so the load's first sends are still first votes.
        request = operation.quorum[-1]
        sends = 2  # a vote: first send and retry; a read: a caller not yet remembered, then remembered
        answers = [
            httpx.post(f"{url}/graphql", json=request.body, headers=request.headers, timeout=30) for _ in range(sends)
        ]
        for answer in answers:
            body = answer.json()
            if answer.status_code != 200 or body.get("errors"):
                raise SystemExit(f"{operation.label}: Quorum answered {answer.status_code}: {answer.text[:500]}")
        counted[operation.key] = " / ".join(a.headers["x-quorum-sql-statements"] for a in answers)
    return counted


def compare_rows(quorum_answers: dict[str, dict], url: str, operations) -> dict[str, str]:
    """Check once that PostGraphile returns the same rows as Quorum (counts of items, papers, ...)."""
    import httpx

    verdicts = {}
    for operation in operations:
        if operation.postgraphile is None:
            continue
        request = operation.postgraphile[0]
        answer = httpx.post(f"{url}/graphql", json=request.body, headers=request.headers, timeout=30).json()
        if answer.get("errors"):
            raise SystemExit(f"{operation.label}: PostGraphile answered {answer['errors']}")
        theirs, ours = operation.postgraphile_rows(answer["data"]), operation.quorum_rows(quorum_answers[operation.key])
        if theirs == ours:
            verdicts[operation.key] = ", ".join(f"{count} {what}" for what, count in ours.items())
        else:  # timed all the same, and flagged in the table: its ratios compare different work
            verdicts[operation.key] = f"DIFFERENT: Quorum {ours}, PostGraphile {theirs}"
            print(
                f"WARNING {operation.label}: the servers return different rows; Quorum {ours}, PostGraphile {theirs}",
                flush=True,
            )
    return verdicts


def measure(server, name: str, operations, clients: list[int], seconds: float, figures: Figures, quorum: bool) -> None:
    for operation in operations:
        requests = operation.quorum if quorum else operation.postgraphile
        if requests is None:
            continue
        url = f"{server.url}/graphql"
        if (
            operation.key != "vote"
        ):  # no warm-up for votes: the first sends of each ballot paper go to the measured cells
            load.run(url, requests, 1, WARM_UP_SECONDS)
            server.wait_until_idle()
        for count in clients:
            cpu = server.cpu_seconds()
            measured: Measurement = load.run(url, requests, count, seconds)
            # wrk stops waiting at the end of the cell with a request in flight on every connection; the server
            # finishes them. Let it, so they do not slow the next cell, and count their CPU with them.
            server.wait_until_idle()
            cpu = (server.cpu_seconds() - cpu) / (measured.requests + count)
            figures.add(name, operation.key, count, measured, cpu)
            print(
                f"  {name:<13} {operation.key:<9} {count:>3} clients: {measured.per_second:7.0f}/s  p50 {measured.p50_ms:6.1f}"
                f"  p95 {measured.p95_ms:6.1f}  p99 {measured.p99_ms:6.1f} ms"
                + (f"  {measured.failures} FAILED" if measured.failures else ""),
                flush=True,
            )


if __name__ == "__main__":
    sys.exit(main())
