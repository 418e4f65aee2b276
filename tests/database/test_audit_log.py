"""The audit log is append-only, enforced by the database itself, even for its owner."""

from __future__ import annotations

import asyncpg
import pytest

from quorum.database import app_url, connect_kwargs
from tests.support import owner


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_entry SET action = 'tampered'", "DELETE FROM audit_entry", "TRUNCATE audit_entry"],
)
async def test_the_owner_cannot_alter_or_remove_entries(statement):
    conn = await owner()
    try:
        await conn.execute(
            "INSERT INTO audit_entry (org_id, action, entity_type) SELECT id, 'test.append', 'Test' FROM organisation LIMIT 1"
        )
        before = await conn.fetchval("SELECT count(*) FROM audit_entry")
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
            await conn.execute(statement)
        assert await conn.fetchval("SELECT count(*) FROM audit_entry") == before
        assert await conn.fetchval("SELECT count(*) FROM audit_entry WHERE action = 'tampered'") == 0
    finally:
        await conn.close()


async def test_the_app_role_has_no_update_or_delete_privilege():
    conn = await asyncpg.connect(**connect_kwargs(app_url()))
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied"):
            await conn.execute("UPDATE audit_entry SET action = 'x'")
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied"):
            await conn.execute("DELETE FROM audit_entry")
    finally:
        await conn.close()
