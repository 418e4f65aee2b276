"""Row-level security beneath the API: the database keeps tenants apart by itself."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from quorum.database import APP_ROLE, app_url, connect_kwargs
from quorum.jobs import queue_tables
from tests.support import owner_fetch

TENANT_TABLES = [
    "organisation",
    "practice",
    "person",
    "person_registration",
    "membership",
    "audit_entry",
    "committee",
    "committee_party",
    "seat",
    "delegation",
    "stored_file",
    "primary_care_contract",
]


async def app_connection() -> asyncpg.Connection:
    return await asyncpg.connect(**connect_kwargs(app_url()))


async def org_id(ods: str):
    return (await owner_fetch("SELECT id FROM organisation WHERE ods_code = $1", ods))[0]["id"]


async def set_access(conn: asyncpg.Connection, *org_ids) -> None:
    """What a member of these organisations (and nothing more) would have set."""
    value = "{" + ",".join(str(o) for o in org_ids) + "}"
    for name in ("org_ids", "directory_org_ids", "practice_org_ids"):
        await conn.execute(f"SELECT set_config('app.{name}', $1, true)", value)


async def test_every_tenant_table_has_forced_row_level_security():
    rows = await owner_fetch(
        "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1::text[])",
        TENANT_TABLES,
    )
    assert {r["relname"]: (r["relrowsecurity"], r["relforcerowsecurity"]) for r in rows} == {
        t: (True, True) for t in TENANT_TABLES
    }


# Tables that need no row-level security, each with its reason.
TABLES_WITHOUT_ROW_LEVEL_SECURITY = {
    "alembic_version",  # the migration number only; the app role has no grant on it
    "access_epoch",  # a counter only; the app role has no grant on it, and reads it through current_access_epoch()
    *queue_tables(),  # the job queue: the app role has no grant on it, and queues a job through enqueue_job()
}


async def test_every_table_in_the_schema_has_forced_row_level_security():
    rows = await owner_fetch(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
        " AND NOT (c.relrowsecurity AND c.relforcerowsecurity) ORDER BY c.relname"
    )
    assert [r["relname"] for r in rows] == sorted(TABLES_WITHOUT_ROW_LEVEL_SECURITY)


async def test_app_role_owns_nothing_and_is_not_a_superuser():
    owned = await owner_fetch(
        "SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1", APP_ROLE
    )
    role = (await owner_fetch("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1", APP_ROLE))[0]
    assert owned == []
    assert (role["rolsuper"], role["rolbypassrls"]) == (False, False)


# Published Part I material is everyone's (migration 0004): what an anonymous connection may still read.
PUBLISHED = {
    "committee": "SELECT count(*) FROM committee c WHERE EXISTS"
    " (SELECT 1 FROM meeting m WHERE m.committee_id = c.id AND m.status <> 'DRAFT')",
}


@pytest.mark.parametrize("table", TENANT_TABLES)
async def test_without_settings_every_tenant_table_is_empty(table):
    if table == "audit_entry":
        await owner_fetch(
            "INSERT INTO audit_entry (org_id, action, entity_type) SELECT id, 'test.row', 'Test' FROM organisation LIMIT 1"
        )
    assert (await owner_fetch(f"SELECT count(*) FROM {table}"))[0][0] > 0, "the demo data should fill it"
    public = (await owner_fetch(PUBLISHED[table]))[0][0] if table in PUBLISHED else 0
    conn = await app_connection()
    try:
        if table == "stored_file":
            # A file is read through what it is attached to (migration 0010): anonymously, exactly the files of
            # published rows an anonymous connection can itself see (public packs not withdrawn, Part I appendices and
            # Word bodies, terms of committees with published meetings, the published scheme's agreements).
            attached = {r[0] for r in await conn.fetch(ATTACHED_FILES)}
            assert {r[0] for r in await conn.fetch("SELECT id FROM stored_file")} == attached
            private_packs = await conn.fetchval("SELECT count(*) FROM pack_build WHERE part <> 'PUBLIC'")
            assert private_packs == 0
        else:
            assert await conn.fetchval(f"SELECT count(*) FROM {table}") == public
    finally:
        await conn.close()


ATTACHED_FILES = """
    SELECT terms_file_id FROM committee WHERE terms_file_id IS NOT NULL
    UNION SELECT agreement_file_id FROM delegation WHERE agreement_file_id IS NOT NULL
    UNION SELECT file_id FROM appendix
    UNION SELECT file_id FROM pack_build WHERE file_id IS NOT NULL AND withdrawn_at IS NULL
    UNION SELECT document_file_id FROM ballot WHERE document_file_id IS NOT NULL
    UNION SELECT body_file_id FROM paper_version WHERE body_file_id IS NOT NULL
"""


async def test_settings_for_one_ccg_show_none_of_another():
    bolton, islington = await org_id("00T"), await org_id("08H")
    conn = await app_connection()
    try:
        async with conn.transaction():
            await set_access(conn, bolton)
            practice_orgs = {r["org_id"] for r in await conn.fetch("SELECT org_id FROM practice")}
            membership_orgs = {r["org_id"] for r in await conn.fetch("SELECT org_id FROM membership")}
            organisations = {r["id"] for r in await conn.fetch("SELECT id FROM organisation")}
        assert practice_orgs == {bolton} and membership_orgs == {bolton} and organisations == {bolton}
        assert islington not in practice_orgs
    finally:
        await conn.close()


async def test_insert_into_another_ccg_is_refused():
    bolton, islington = await org_id("00T"), await org_id("08H")
    conn = await app_connection()
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="row-level security"):
            async with conn.transaction():
                await set_access(conn, bolton)
                await conn.execute(
                    "INSERT INTO practice (org_id, ods_code, name, list_size, locality) VALUES ($1, 'F83999', 'X', 1, 'Y')",
                    islington,
                )
    finally:
        await conn.close()
    assert await owner_fetch("SELECT 1 FROM practice WHERE ods_code = 'F83999'") == []


async def test_settings_end_with_the_transaction():
    bolton = await org_id("00T")
    conn = await app_connection()
    try:
        async with conn.transaction():
            await set_access(conn, bolton)
            assert await conn.fetchval("SELECT count(*) FROM practice") > 0
        assert await conn.fetchval("SELECT current_setting('app.org_ids', true)") == ""
        assert await conn.fetchval("SELECT count(*) FROM practice") == 0
    finally:
        await conn.close()


async def test_a_pooled_connection_carries_nothing_from_one_request_to_the_next():
    """The same physical connection serves A then B (pool of one): B sees only B."""
    from quorum.access import Access, Grant, Role, apply

    bolton, islington = await org_id("00T"), await org_id("08H")
    engine = create_async_engine(app_url(), pool_size=1, max_overflow=0)
    seen, backends = [], []
    try:
        for org in (bolton, islington):
            async with engine.connect() as conn, conn.begin():
                await apply(conn, Access(grants=(Grant(org, Role.STAFF),), practice_org_ids=frozenset({org})))
                backends.append(await conn.scalar(text("SELECT pg_backend_pid()")))
                seen.append(set((await conn.execute(text("SELECT DISTINCT org_id FROM practice"))).scalars()))
        async with engine.connect() as conn, conn.begin():
            backends.append(await conn.scalar(text("SELECT pg_backend_pid()")))
            leftover = (await conn.execute(text("SELECT count(*) FROM practice"))).scalar()
    finally:
        await engine.dispose()
    assert len(set(backends)) == 1, "the test must reuse one pooled connection"
    assert seen == [{bolton}, {islington}]
    assert leftover == 0
