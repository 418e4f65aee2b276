"""`quorum seed --scale national|small [--seed N] [--anchor YYYY-MM-DD]`: a whole country's governance, generated.

National: 211 CCGs in 27 area teams, 7,500 practices (list sizes log-normal around a median of 7,500,
from 1,000 to 40,000), five years of meetings. Small: the same shape with 2 area teams, 5 CCGs, 150
practices and one year, for tests. Each CCG has its governing body (monthly but August), council of
members (quarterly), audit committee (quarterly) and, where it holds NHS England's delegation, a
primary care commissioning committee (every other month); each area team has a primary care joint
committee with about half its CCGs (every other month), holding an expired delegation, a live one and
sometimes one revoked. Meetings come with agendas, papers, cover sheets, versions and published packs;
held ones with attendance, declarations, votes, decisions, actions, notes and approved minutes. CCGs
also have registers of interests and of gifts, council of members ballots (one open now) and rounds
of the member engagement survey (one open now) with responses, and a year of practice quality indicators.

Deterministic: every id and choice comes from random.Random seeded by --seed (default 1), and every
moment is laid out from the anchor, by default the first day of the current month (London), so the
same seed gives the same data all month; --anchor fixes it for good. Meetings before the anchor month
have been held; the anchor month's has its papers published; later ones are being arranged. Each
CCG's open ballot and survey round are open from a few days before the anchor until weeks after the
end of its month.

People, all at @national.quorum.example (or @small.quorum.example), lower-case ODS codes:
    admin@                       platform administrator
    secretary.<ccg>@             board secretary and administrator of that CCG
    member<N>.<ccg>@             governing body members: 1 clinical chair, 2 lay vice chair, 3 lay member,
                                 4 accountable officer, 5 chief finance officer, 6 nurse, 7 secondary care
                                 doctor, 8-11 GPs; 12 and up replaced one of them part way
    staff1.<ccg>@, staff2.<ccg>@ heads of commissioning and of primary care (paper authors)
    rep.<practice>@              the practice's representative
    officer.<area team>@         area team officer, vice chair of its joint committee

Loading: as the database owner (a superuser, or a role with BYPASSRLS, as for `seed --demo`), in one
transaction, by COPY; every foreign key, check and unique constraint is checked by PostgreSQL as the
rows arrive, and a failure loads nothing. Rows are what the app itself would have written: states,
quorums, vote outcomes, minutes, survey groups and invitations come from the app's own functions
(quorum.conduct, quorum.surveys, quorum.ballots.rules), secret ballot totals from the database's own
trigger fed the queued papers as the app feeds it, survey tallies from its own survey_response_tallies().
The database's triggers all run, but one: vote_cast_vote_open (a cast needs its vote still open) is
disabled inside the transaction, since votes are loaded already closed and its lock per vote would
outgrow the lock table. The seed writes no audit entries (neither does `seed --demo`: it is an
operator's load, not an API write). It refuses a database that already holds generated people
(exit code 1; nothing changes): seed a fresh, migrated database. Ends with VACUUM (ANALYZE).
"""

from __future__ import annotations

import json
import time
from datetime import date
from functools import partial

import asyncpg

from quorum.database import connect_kwargs, owner_url
from quorum.seed.scale import ballots, committees, concerns, indicators, meetings, organisations, registers, surveys
from quorum.seed.scale.loader import Loader
from quorum.seed.scale.plan import SCALES
from quorum.seed.scale.world import World


class Refused(Exception):
    """The database cannot take this data; the message says why."""


async def seed_scale(scale_name: str, seed: int, anchor: date) -> World:
    world = World(SCALES[scale_name], seed, anchor)
    conn = await asyncpg.connect(**connect_kwargs(owner_url()))
    try:
        await conn.set_type_codec(
            "jsonb",
            schema="pg_catalog",
            format="binary",
            encoder=lambda v: b"\x01" + json.dumps(v).encode(),
            decoder=lambda b: json.loads(b[1:]),
        )
        await _check(conn, world)
        try:
            async with conn.transaction():
                await _load(conn, world)
        except asyncpg.UniqueViolationError as clash:
            raise Refused(
                f"The generated data clashes with what the database holds ({clash.detail}); "
                "nothing was loaded. Seed a fresh database."
            ) from None
        started = time.monotonic()
        await conn.execute("VACUUM (ANALYZE)")  # settled, as benchmarks and the planner want it
        print(f"vacuumed and analysed ({time.monotonic() - started:.1f} s)")
    finally:
        await conn.close()
    return world


async def _check(conn: asyncpg.Connection, world: World) -> None:
    if not await conn.fetchval("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"):
        raise Refused(
            "The seed loads as the database owner past row-level security: DATABASE_URL must name a "
            "superuser or a role with BYPASSRLS."
        )
    if await conn.fetchval("SELECT to_regclass('public.survey_tally') IS NULL"):
        raise Refused("The database has no schema yet: run `quorum migrate` first.")
    domains = [f"%@{s.domain}" for s in SCALES.values()]
    found = await conn.fetchval("SELECT email FROM person WHERE email LIKE ANY ($1::text[]) LIMIT 1", domains)
    if found:
        raise Refused(
            f"The database already holds generated data ({found} exists). `quorum seed --scale` loads "
            f"into a database without it, and never changes it: create a database, migrate it and seed that."
        )


async def _load(conn: asyncpg.Connection, world: World) -> None:
    loader = Loader(conn)
    stage = Stage(loader)
    await conn.execute("ALTER TABLE vote_cast DISABLE TRIGGER vote_cast_vote_open")
    people = organisations.build(world, loader)
    await loader.flush()
    await committees.standing_committees(world, conn)
    stage.done("organisations", "organisation", "practice", "person", "membership", "primary_care_contract")
    committees.build(world, people)
    await loader.flush()
    stage.done("committees", "committee", "seat", "delegation")
    registers.build(world, loader)
    await loader.flush()
    stage.done("registers", "interest", "interest_review", "gift_or_hospitality")
    await loader.pipelined(partial(meetings.build_for, world, ccgs=batch) for batch in _batches(world.ccgs, 8))
    stage.done(
        "meetings",
        "meeting",
        "agenda_item",
        "paper",
        "paper_version",
        "pack_build",
        "attendance",
        "declaration",
        "vote",
        "decision",
        "action",
        "minutes",
    )
    await conn.execute("ALTER TABLE vote_cast ENABLE TRIGGER vote_cast_vote_open")
    secret = ballots.build(world, loader)
    await loader.flush()
    loader.counts["ballot_participation"] += await ballots.load_secret(conn, secret)
    stage.done("ballots", "ballot", "ballot_elector", "ballot_participation", "ballot_vote_choice")
    await loader.pipelined(partial(surveys.build, world, ccgs=batch) for batch in _batches(world.ccgs, 30))
    loader.counts["survey_tally"] += await surveys.count_tallies(conn)
    stage.done("surveys", "survey", "survey_response", "survey_answer", "survey_tally")
    await loader.pipelined(partial(indicators.build, world, ccgs=batch) for batch in _batches(world.ccgs, 30))
    stage.done("indicators", "indicator", "indicator_value")
    concerns.build(world, loader)
    await loader.flush()
    stage.done("concerns", "concern_ladder_step", "concern", "concern_step_change")


def _batches(ccgs: list, size: int) -> list[list]:
    """CCGs in groups: one group's rows are made while the previous group's are copied."""
    return [ccgs[i : i + size] for i in range(0, len(ccgs), size)]


class Stage:
    """One line per stage: what it added and how long it took."""

    def __init__(self, loader: Loader):
        self.loader = loader
        self.started = self.last = time.monotonic()
        self.reported: dict[str, int] = {}

    def done(self, name: str, *tables: str) -> None:
        now = time.monotonic()
        counts = ", ".join(f"{self.loader.counts[t]:,} {t}" for t in tables)
        print(f"{name}: {counts} ({now - self.last:.1f} s, {now - self.started:.1f} s in all)", flush=True)
        self.last = now
