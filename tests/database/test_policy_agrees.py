"""The database and the policy agree (issue 15): for every kind of caller and every table a domain's policy names,
the rows the Python policy allows are exactly the rows row-level security returns under the same settings.

Each domain's `policy.ROW_POLICIES` maps its tables to the statement builders that say which rows a caller may see.
For each caller, in one transaction on one owner's connection:
  1. the caller's access is established as requests do it (`access.establish`), as the application role;
  2. every named table is read as the application role (SET LOCAL ROLE), which row-level security restricts;
  3. back as the owner, whom row-level security does not restrict, every builder runs under the same settings;
and the primary keys from 2 and 3 must be equal. Both halves share the transaction so that a change made for one
caller (revoking a delegation) is seen by both, and is rolled back afterwards.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Select, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

import quorum
from quorum import clock
from quorum.access import Access, apply, establish
from quorum.auth.demo_people import DEMO_PEOPLE
from quorum.database import APP_ROLE, owner_url
from quorum.files.tables import FileConversion, FileText, StoredFile
from quorum.jobs import queue_tables
from quorum.meetings.tables import Meeting
from quorum.web.files import visible_file_conversions, visible_file_texts, visible_stored_files
from tests.support import JOINT_COMMITTEE, MANCHESTER_OFFICER, owner_fetch

# Tables with row-level security that no policy names, and why.
UNNAMED = {
    "sign_in_session": "no privilege for the app role: reached only through SECURITY DEFINER functions (0002)",
    "bearer_token_revocation": "no privilege for the app role: reached only through SECURITY DEFINER functions (0009)",
    "bearer_token_cutoff": "no privilege for the app role: reached only through SECURITY DEFINER functions (0009)",
    "survey_participation": "anonymous surveys' markers: no privilege for the app role, two narrow functions (0006)",
    "survey_tally": "no ORM table to name: surveys/results.py reads its counts in SQL",
}
# Tables without row-level security, and why.
NOT_TENANT_OWNED = {
    "alembic_version": "Alembic's record of the schema's revision: no tenant's data",
    "access_epoch": "a counter of changes to access: no tenant's data, read through current_access_epoch()",
    **{table: "the job queue: the app role only queues a job through enqueue_job()" for table in queue_tables()},
}

# A column that names a row for a person reading a difference, the first a table has.
LABELS = ("title", "name", "email", "motion", "text")


@dataclass(frozen=True)
class RowPolicy:
    domain: str
    model: type[SQLModel]
    builder: Callable[[Access], Select[Any]]

    @property
    def table(self) -> str:
        return self.model.__table__.name  # type: ignore[attr-defined]

    @property
    def key(self) -> tuple[Column[Any], ...]:
        return tuple(self.model.__table__.primary_key.columns)  # type: ignore[attr-defined]

    @property
    def label(self) -> Column[Any] | None:
        columns = self.model.__table__.columns  # type: ignore[attr-defined]
        return next((columns[name] for name in LABELS if name in columns), None)


def domains() -> list[str]:
    """Every domain package: those with a tables.py."""
    return sorted(tables.parent.name for tables in Path(quorum.__file__).parent.glob("*/tables.py"))


def collect_row_policies() -> tuple[list[RowPolicy], list[str]]:
    """Every domain's ROW_POLICIES, and what is missing (a domain without a policy module or without the mapping)."""
    found: list[RowPolicy] = []
    missing: list[str] = []
    for domain in domains():
        module_name = f"quorum.{domain}.policy"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            missing.append(f"{domain}: no policy module")
            continue
        row_policies = getattr(module, "ROW_POLICIES", None)
        if row_policies is None:
            missing.append(f"{domain}: {module_name} has no ROW_POLICIES")
            continue
        found += [RowPolicy(domain, model, builder) for model, builder in row_policies.items()]
    # A file is read through its owner, and the owners are domains above `files`: the web layer names them all.
    owned = {StoredFile: visible_stored_files, FileConversion: visible_file_conversions, FileText: visible_file_texts}
    found = [RowPolicy(p.domain, p.model, owned[p.model]) if p.model in owned else p for p in found]
    return found, missing


ROW_POLICIES, MISSING = collect_row_policies()


# --- which rows each side gives one caller ---------------------------------------------------------------------

Rows = dict[tuple[Any, ...], str]  # primary key -> a label for the row ('' when the table has none)


Change = Callable[[AsyncConnection, Any], Awaitable[None]]  # given the connection and the caller's person id


@dataclass(frozen=True)
class Caller:
    name: str
    email: str | None = None
    change: Change | None = None  # made as the owner inside the caller's transaction, before their access is decided


@dataclass(frozen=True)
class Difference:
    """What one caller is given of one table by the policy and by row-level security, where they differ."""

    caller: str
    table: str
    columns: tuple[str, ...]
    policy_only: Rows = field(default_factory=dict)
    database_only: Rows = field(default_factory=dict)
    errors: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.policy_only or self.database_only or self.errors)

    def __str__(self) -> str:
        lines = [f"{self.caller}, table {self.table}: the policy and row-level security disagree."]
        lines += [f"  error: {error}" for error in self.errors]
        for heading, rows in (
            ("the policy allows, row-level security hides", self.policy_only),
            ("row-level security returns, the policy does not allow", self.database_only),
        ):
            if rows:
                lines.append(f"  {heading} ({len(rows)}):")
                lines += [f"    {self._describe(key, label)}" for key, label in sorted(rows.items(), key=str)[:20]]
                lines += [f"    ... and {len(rows) - 20} more"] if len(rows) > 20 else []
        return "\n".join(lines)

    def _describe(self, key: tuple[Any, ...], label: str) -> str:
        named = ", ".join(f"{column}={value}" for column, value in zip(self.columns, key))
        return f"({named}) {label!r}" if label else f"({named})"


@dataclass
class Reading:
    """One caller's access, and the rows each side gave them (or the error it raised), by table."""

    caller: Caller
    access: Access
    allowed: dict[str, Rows | str] = field(default_factory=dict)  # by the policy's builder, as the owner
    returned: dict[str, Rows | str] = field(default_factory=dict)  # by row-level security, as the app role

    def difference(self, policy: RowPolicy) -> Difference:
        allowed, returned = self.allowed[policy.table], self.returned[policy.table]
        errors = tuple(
            f"{side}: {rows}" for side, rows in (("policy", allowed), ("database", returned)) if isinstance(rows, str)
        )
        columns = tuple(column.name for column in policy.key)
        if errors:
            return Difference(self.caller.name, policy.table, columns, errors=errors)
        assert isinstance(allowed, dict) and isinstance(returned, dict)
        return Difference(
            self.caller.name,
            policy.table,
            columns,
            policy_only={key: allowed[key] for key in allowed.keys() - returned.keys()},
            database_only={key: returned[key] for key in returned.keys() - allowed.keys()},
        )


async def _rows(conn: AsyncConnection, statement: Select[Any]) -> Rows | str:
    """The rows `statement` gives (key..., label), or the database's error, leaving the transaction usable."""
    try:
        async with conn.begin_nested():
            return {tuple(row[:-1]): row[-1] or "" for row in await conn.execute(statement)}
    except DBAPIError as error:
        return str(error.orig).splitlines()[0]


def _labelled(key: Iterable[Any], label: Any) -> Select[Any]:
    return select(*key, label if label is not None else text("''"))


def allowed_by(policy: RowPolicy, access: Access) -> Select[Any]:
    """The primary keys (and label) of the rows the policy's builder gives."""
    rows = policy.builder(access).subquery()
    label = policy.label
    return _labelled((rows.c[column.name] for column in policy.key), None if label is None else rows.c[label.name])


def returned_by_database(policy: RowPolicy) -> Select[Any]:
    """SELECT <primary key> FROM <table>: what row-level security leaves."""
    return _labelled(policy.key, policy.label)


async def read_both_ways(engine: AsyncEngine, caller: Caller, policies: Iterable[RowPolicy]) -> Reading:
    """What each policy allows `caller` and what row-level security returns them: one transaction, rolled back."""
    async with engine.connect() as conn:
        async with conn.begin() as transaction:
            person_id = None
            if caller.email is not None:
                person_id = await conn.scalar(
                    text("SELECT id FROM person WHERE email = :email"), {"email": caller.email}
                )
                assert person_id is not None, f"no person {caller.email} in the demo data"
            if caller.change is not None:
                await caller.change(conn, person_id)

            await conn.execute(text(f"SET LOCAL ROLE {APP_ROLE}"))
            assert await conn.scalar(text("SELECT current_user")) == APP_ROLE
            reading = Reading(caller, await establish(conn, person_id, clock.now()))
            for policy in policies:
                reading.returned[policy.table] = await _rows(conn, returned_by_database(policy))

            await conn.execute(text("RESET ROLE"))
            await apply(conn, reading.access)
            for policy in policies:
                reading.allowed[policy.table] = await _rows(conn, allowed_by(policy, reading.access))
            await transaction.rollback()
    return reading


class Readings:
    """Each caller read once for all tables, on first use."""

    def __init__(self) -> None:
        self.engine = create_async_engine(owner_url(), poolclass=NullPool)
        self._by_caller: dict[str, Reading] = {}

    async def of(self, caller: Caller) -> Reading:
        if caller.name not in self._by_caller:
            self._by_caller[caller.name] = await read_both_ways(self.engine, caller, ROW_POLICIES)
        return self._by_caller[caller.name]


@pytest.fixture(scope="module")
async def readings():
    readings = Readings()
    yield readings
    await readings.engine.dispose()


# --- the callers ---------------------------------------------------------------------------------------------


async def revoke_held_delegations(conn: AsyncConnection, person_id: Any) -> None:
    """Revoke the live delegations held by the committees the person sits on."""
    revoked = await conn.execute(
        text(
            "UPDATE delegation SET revoked_at = now(), revoked_by = :person, revocation_reason = 'Revoked for a test'"
            " WHERE revoked_at IS NULL"
            " AND receiving_committee_id IN (SELECT committee_id FROM seat WHERE person_id = :person)"
        ),
        {"person": person_id},
    )
    assert revoked.rowcount, "the caller's committees should hold a delegation to revoke"


async def delegate_to_bolton_s_joint_committee(conn: AsyncConnection, person_id: Any) -> None:
    """The person's area team (which takes no part in it) delegates to Bolton's joint committee."""
    delegated = await conn.execute(
        text(
            "INSERT INTO delegation (org_id, receiving_org_id, receiving_committee_id, functions, scope_ccg_ids,"
            " valid_from, valid_to, recorded_by)"
            " SELECT m.org_id, c.org_id, c.id, '{primary_care.mergers}', ARRAY[c.org_id], now() - interval '1 day',"
            " now() + interval '1 year', :person"
            f" FROM membership m, committee c WHERE m.person_id = :person AND c.id = ({JOINT_COMMITTEE})"
        ),
        {"person": person_id},
    )
    assert delegated.rowcount == 1, "one area team delegating to one committee"


ANONYMOUS = Caller("anonymous")
OFFICER_WITH_DELEGATION = Caller(MANCHESTER_OFFICER.split("@")[0], MANCHESTER_OFFICER)
OFFICER_WITHOUT_DELEGATION = Caller(
    f"{OFFICER_WITH_DELEGATION.name} (delegation revoked)", MANCHESTER_OFFICER, revoke_held_delegations
)
CALLERS = [Caller(person.email.split("@")[0], person.email) for person in DEMO_PEOPLE]
LONDON_OFFICER = "oliver.grant@demo.quorum.example"
DELEGATOR = Caller(
    "oliver.grant (London delegated to Bolton's joint committee)", LONDON_OFFICER, delegate_to_bolton_s_joint_committee
)
CALLERS += [ANONYMOUS, OFFICER_WITHOUT_DELEGATION, DELEGATOR]


# --- the tests -----------------------------------------------------------------------------------------------


async def test_every_table_has_row_level_security_enabled_and_forced():
    rows = await owner_fetch(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT (c.relrowsecurity AND c.relforcerowsecurity)"
    )
    assert sorted(r["relname"] for r in rows) == sorted(NOT_TENANT_OWNED)


async def test_every_domain_names_its_row_policies():
    assert MISSING == [], "every domain with tables needs policy.ROW_POLICIES:\n  " + "\n  ".join(MISSING)


async def test_every_table_with_row_level_security_is_named_by_exactly_one_row_policy():
    tables = await owner_fetch(
        "SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
    )
    guarded = {r["relname"] for r in tables if r["relrowsecurity"]}
    named = Counter(policy.table for policy in ROW_POLICIES)
    problems = _problems(
        {
            "tables with row-level security that no ROW_POLICIES entry names": sorted(
                guarded - named.keys() - UNNAMED.keys()
            ),
            "tables named by more than one ROW_POLICIES entry": sorted(
                f"{table} ({', '.join(p.domain for p in ROW_POLICIES if p.table == table)})"
                for table, count in named.items()
                if count > 1
            ),
            "ROW_POLICIES entries naming no table of the schema": sorted(named.keys() - {r["relname"] for r in tables}),
            "listed as unnamed, but named by a policy or not a table with row-level security": sorted(
                (UNNAMED.keys() & named.keys()) | (UNNAMED.keys() - guarded)
            ),
        }
    )
    assert not problems, problems


def _problems(found: Mapping[str, list[str]]) -> str:
    return "\n".join(f"{heading}:\n  " + "\n  ".join(items) for heading, items in found.items() if items)


async def test_the_area_team_officer_holds_a_live_delegation_until_it_is_revoked(readings):
    with_delegation = await readings.of(OFFICER_WITH_DELEGATION)
    without = await readings.of(OFFICER_WITHOUT_DELEGATION)
    assert with_delegation.access.powers and with_delegation.access.delegated_ccgs
    assert without.access.powers == () and without.access.delegated_ccgs == frozenset()
    assert without.access.committee_ids == with_delegation.access.committee_ids, "still sits on the joint committee"


@pytest.mark.parametrize("policy", ROW_POLICIES, ids=lambda policy: policy.table)
@pytest.mark.parametrize("caller", CALLERS, ids=lambda caller: caller.name)
async def test_the_policy_allows_exactly_the_rows_row_level_security_returns(readings, caller, policy):
    difference = (await readings.of(caller)).difference(policy)
    assert not difference, str(difference)


async def test_delegating_to_a_committee_does_not_let_the_delegator_read_it(readings):
    reading = await readings.of(DELEGATOR)
    joint = (await owner_fetch(JOINT_COMMITTEE))[0]["id"]
    published = await owner_fetch("SELECT 1 FROM meeting WHERE committee_id = $1 AND status <> 'DRAFT'", joint)
    committees = reading.returned["committee"]
    assert isinstance(committees, dict)
    assert any(key[-1] == joint for key in committees) == bool(published), "seen only as the public sees it"


async def add_draft_meeting(conn: AsyncConnection, _: Any) -> None:
    await conn.execute(
        text(
            "INSERT INTO meeting (org_id, committee_id, title, starts_at, status)"
            " SELECT org_id, id, 'A draft nobody outside the committee may see', now(), 'DRAFT' FROM committee LIMIT 1"
        )
    )


async def test_a_wrong_policy_is_reported_with_the_rows_it_wrongly_allows(readings):
    every_meeting = RowPolicy("meetings", Meeting, lambda access: select(Meeting))
    anonymous = Caller("anonymous", change=add_draft_meeting)

    difference = (await read_both_ways(readings.engine, anonymous, [every_meeting])).difference(every_meeting)
    assert difference and difference.database_only == {} and difference.errors == ()
    draft = [
        key for key, label in difference.policy_only.items() if label == "A draft nobody outside the committee may see"
    ]
    assert len(draft) == 1, "other tests' drafts may be reported too, but this one must be"
    ((org_id, meeting_id),) = draft
    assert str(difference).startswith("anonymous, table meeting: the policy and row-level security disagree.\n")
    assert await owner_fetch("SELECT id FROM meeting WHERE id = $1", meeting_id) == [], "rolled back"
