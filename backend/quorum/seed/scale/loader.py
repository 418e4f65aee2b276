"""Rows gathered in memory and copied into PostgreSQL in batches, parents first."""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

import asyncpg

from quorum.seed.scale.rows import LOAD_ORDER, ROWS

BATCH = 60_000


class Rows:
    """Rows gathered by table, in the order they were made."""

    def __init__(self) -> None:
        self.by_table: dict[str, list[tuple]] = defaultdict(list)
        self.pending = 0

    def add(self, row: tuple) -> tuple:
        self.by_table[row.table].append(row)
        self.pending += 1
        return row


class Loader(Rows):
    """Rows gathered, then copied table by table in load order (foreign keys are checked per statement)."""

    def __init__(self, conn: asyncpg.Connection):
        super().__init__()
        self.conn = conn
        self.counts: Counter[str] = Counter()

    async def flush_if_full(self) -> None:
        if self.pending >= BATCH:
            await self.flush()

    async def flush(self) -> None:
        gathered, self.by_table, self.pending = self.by_table, defaultdict(list), 0
        await self.copy(gathered)

    async def copy(self, by_table: dict[str, list[tuple]]) -> None:
        for table in LOAD_ORDER:
            rows = by_table.get(table)
            if rows:
                await self.conn.copy_records_to_table(table, records=rows, columns=list(ROWS[table]._fields))
                self.counts[table] += len(rows)

    async def pipelined(self, batches: Iterable[Callable[[Rows], object]]) -> None:
        """Make each batch's rows in a thread while the previous batch is being copied (two cores, both busy)."""
        copying = None
        for fill in batches:
            rows = Rows()
            await asyncio.to_thread(fill, rows)
            if copying is not None:
                await copying
            copying = asyncio.create_task(self.copy(rows.by_table))
        if copying is not None:
            await copying
