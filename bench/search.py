"""Search benchmark at national scale: p50/p95 of one results page over a set of queries, for four kinds of reader.

Each search runs as a request does: a transaction as the app role, the reader's access applied (decided from the
database at their first search and remembered after, as a worker does for a caller's bearer token, checked against
the access epoch in the statement that applies it), then the search statement under row-level security, first page
of 20 results with their highlighted snippets. Readers: anonymous, a CCG board secretary (sees the CCG's Part II and drafts), a governing
body GP and an area team officer (joint committees' business), chosen by SQL so nothing names a person. Queries:
common and rare words, phrases, exclusions, a word found in one CCG only, and the organisation, committee and date
filters. Goal: p95 under 50 ms.

    DATABASE_URL=postgresql://OWNER@HOST/DATABASE .venv/bin/python -m bench.search [--runs 5]

DATABASE_URL is the owner's URL of a database seeded with `quorum seed --scale national` and migrated to 0033 or later
(`quorum migrate`: the search statement calls its `search_day_within`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from bench.common import ROOT, percentile, summary

os.environ.setdefault("QUORUM_DATA_DIR", str(ROOT / ".quorum" / "bench"))
os.environ.setdefault("QUORUM_SECRET_KEY", "benchmark-only")

QUERIES = [
    "finance",
    "primary care",
    "urgent care performance",
    "workforce",
    '"risk register"',
    "financial balance -workforce",
    "practice merger",
    "waiting times",
    "winter",
    "patients public engagement",
    "safeguarding",
    "contract",
    "or",  # only a stop word: refused before any search
]


@dataclass
class Reader:
    label: str
    person_id: uuid.UUID | None
    org_id: uuid.UUID | None = None
    committee_id: uuid.UUID | None = None


async def readers() -> list[Reader]:
    import asyncpg

    from quorum.database import connect_kwargs, owner_url

    conn = await asyncpg.connect(**connect_kwargs(owner_url()))
    try:
        secretary = await conn.fetchrow(
            "SELECT m.person_id, m.org_id, c.id AS committee_id FROM membership m"
            " JOIN organisation o ON o.id = m.org_id JOIN committee c ON c.org_id = o.id AND c.kind = 'GOVERNING_BODY'"
            " WHERE m.role = 'BOARD_SECRETARY' ORDER BY o.ods_code LIMIT 1"
        )
        gp = await conn.fetchval(
            "SELECT s.person_id FROM seat s JOIN committee c ON c.id = s.committee_id"
            " WHERE c.kind = 'GOVERNING_BODY' AND c.org_id = $1 AND s.voting ORDER BY s.person_id LIMIT 1",
            secretary["org_id"],
        )
        officer = await conn.fetchval(
            "SELECT m.person_id FROM membership m WHERE m.role = 'AREA_TEAM_OFFICER'"
            " AND EXISTS (SELECT 1 FROM seat s WHERE s.person_id = m.person_id) ORDER BY m.person_id LIMIT 1"
        )
    finally:
        await conn.close()
    return [
        Reader("anonymous", None),
        Reader("board secretary", secretary["person_id"], secretary["org_id"], secretary["committee_id"]),
        Reader("governing body GP", gp, secretary["org_id"], secretary["committee_id"]),
        Reader("area team officer", officer),
    ]


def searches(reader: Reader) -> list[tuple[str, dict]]:
    """(words, filters) pairs: every query unfiltered, and a few with each filter."""
    from quorum.search.service import Filters

    year_ago = date.today() - timedelta(days=365)
    found: list[tuple[str, dict]] = [(q, {}) for q in QUERIES]
    found += [("finance", {"start": year_ago, "end": date.today()}), ("winter", {"start": year_ago})]
    if reader.org_id:
        found += [("finance", {"org_id": reader.org_id}), ("primary care", {"committee_id": reader.committee_id})]
    return [(words, Filters(**filters).__dict__) for words, filters in found]


async def one(identity, words: str, filters: dict) -> tuple[float, int, int]:
    from quorum.auth.identity import transaction_for
    from quorum.database import counting_statements
    from quorum.search import service

    started = time.perf_counter()
    with counting_statements() as counted:
        async with transaction_for(identity) as (db, access):
            try:
                page = await service.search(db, access, words, service.Filters(**filters), 20, 0)
                hits = len(page.hits)
            except service.SearchRefused:
                hits = -1
    return (time.perf_counter() - started) * 1000, counted[0], hits


def _identity(person_id: uuid.UUID | None):
    from quorum.auth import tokens
    from quorum.auth.identity import Identity

    if person_id is None:
        return Identity()
    return Identity(token=tokens.verify(tokens.issue(person_id, timedelta(hours=1))))


async def main(runs: int) -> None:
    from quorum.database import app_engine

    everyone: list[float] = []
    slowest: list[tuple[float, str, str]] = []
    for reader in await readers():
        times: list[float] = []
        statements: set[int] = set()
        identity = _identity(reader.person_id)  # one sign-in for all their searches, as a reader's browser has
        for words, filters in searches(reader):
            await one(identity, words, filters)  # warm: the plan cached, the pages in memory
            for _ in range(runs):
                elapsed, count, hits = await one(identity, words, filters)
                times.append(elapsed)
                statements.add(count)
                slowest.append((elapsed, reader.label, f"{words} {_shown(filters)}".strip()))
            print(f"    {reader.label:18} {words!r:34} {_shown(filters):28} {hits:3} results  "
                  f"p50 {sorted(times[-runs:])[runs // 2]:6.1f} ms")  # fmt: skip
        everyone += times
        print(f"{reader.label:20} {summary(times)}   statements per search (with access) {sorted(statements)}")
    print(f"{'all readers':20} {summary(everyone)}   goal: p95 under 50 ms")
    print("slowest:", ", ".join(f"{t:.1f} ms ({who}: {what})" for t, who, what in sorted(slowest)[-3:]))
    print(f"p99 {percentile(everyone, 99):.1f} ms over {len(everyone)} searches")
    await app_engine().dispose()


def _shown(filters: dict) -> str:
    return ", ".join(f"{k}={'…' if isinstance(v, uuid.UUID) else v}" for k, v in filters.items() if v)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.runs))
