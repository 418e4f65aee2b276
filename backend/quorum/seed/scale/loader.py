"""Rows gathered in memory and copied into PostgreSQL in batches, parents first."""

from __future__ import annotations

from collections import Counter, defaultdict

import asyncpg

from quorum.seed.scale.rows import LOAD_ORDER, ROWS

BATCH = 60_000


class Loader:
    def __init__(self, conn: asyncpg.Connection):
        self.conn = conn
        self.counts: Counter[str] = Counter()
        self._buffers: dict[str, list[tuple]] = defaultdict(list)
        self._pending = 0

    def add(self, row: tuple) -> tuple:
        self._buffers[row.table].append(row)
        self._pending += 1
        return row

    def extend(self, rows: list[tuple]) -> None:
        for row in rows:
            self.add(row)

    async def flush_if_full(self) -> None:
        if self._pending >= BATCH:
            await self.flush()

    async def flush(self) -> None:
        """Copy everything gathered, table by table in load order (foreign keys are checked per statement)."""
        for table in LOAD_ORDER:
            rows = self._buffers.pop(table, None)
            if rows:
                await self.conn.copy_records_to_table(table, records=rows, columns=list(ROWS[table]._fields))
                self.counts[table] += len(rows)
        self._pending = 0
