"""A fresh benchmark database with the demo data, and an in-process client (no network in the figures)."""

from __future__ import annotations

import asyncio
import os
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def prepare(name: str) -> None:
    """Point Quorum at a new database `name` (on DATABASE_URL's server, or the embedded one) with demo data."""
    os.environ.setdefault("QUORUM_DATA_DIR", str(ROOT / ".quorum" / "bench"))
    os.environ.setdefault("QUORUM_SECRET_KEY", "benchmark-only")
    import asyncpg

    from quorum.config import get_settings
    from quorum.database import connect_kwargs, owner_url

    server = owner_url()

    async def recreate() -> None:
        conn = await asyncpg.connect(**connect_kwargs(server.set(database="postgres")))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    asyncio.run(recreate())
    os.environ["DATABASE_URL"] = server.set(database=name).render_as_string(hide_password=False)
    get_settings.cache_clear()
    from quorum import migrations
    from quorum.seed.demo import seed_demo

    migrations.upgrade(server.set(database=name))
    asyncio.run(seed_demo())


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(values: list[float]) -> str:
    return f"p50 {statistics.median(values):7.1f} ms   p95 {percentile(values, 95):7.1f} ms"
