"""The physical floor of each read: the very statement the server sends for a remembered caller (or the public),
sent again and again by asyncpg alone, with no HTTP and no Python but the driver's, at 1 and 16 connections.
No server can answer the read faster on this machine and database; the gap between this and a server's figures
is that server's own work.

    DATABASE_URL=postgresql://OWNER@HOST/DATABASE .venv/bin/python -m bench.servers.floor [--seconds 5]

It reads the database DATABASE_URL names (after `bench.servers --demo`, that is quorum_bench_servers, or
$QUORUM_BENCH_DATABASE) and chooses its personas as bench.servers does.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from statistics import quantiles
from typing import Any

import asyncpg

from bench.servers import operations as measured
from bench.servers import personas

READS = ("meeting", "meetings", "home", "public")


async def captured_statements(operation: measured.Operation) -> list[tuple[str, tuple[Any, ...]]]:
    """The statements the server sends for the operation's first request, once its caller is remembered."""
    from quorum.auth import identity as identities
    from quorum.auth import tokens
    from quorum.graphql.hot import as_one_statement, needs_no_transaction
    from quorum.web.hot_reads import find

    request = operation.quorum[0]
    hot = find(request.body)
    assert hot is not None and needs_no_transaction(hot), f"{operation.key} is not a one-statement hot read"
    authorization = request.headers.get("Authorization")
    who = identities.Identity(token=tokens.verify(authorization.split()[1])) if authorization else identities.Identity()
    read, variables = as_one_statement(hot), request.body.get("variables") or {}
    sent: list[tuple[str, tuple[Any, ...]]] = []
    original = identities._Connection.fetchrow

    async def recording(self: Any, sql: str, *args: Any) -> Any:
        sent.append((sql, args))
        return await original(self, sql, *args)

    identities._Connection.fetchrow = recording  # type: ignore[method-assign]
    try:
        for _ in range(2):  # the first request decides the caller's access; the second is the remembered one
            sent.clear()
            answer = await identities.one_statement(who, lambda reader, access: read(reader, access, variables))
            assert answer is not None
    finally:
        identities._Connection.fetchrow = original  # type: ignore[method-assign]
    return list(sent)


async def loop(statements: list[tuple[str, tuple[Any, ...]]], connections: int, seconds: float) -> dict[str, float]:
    from quorum.database import app_url, connect_kwargs

    pool = [await asyncpg.connect(**connect_kwargs(app_url())) for _ in range(connections)]
    latencies: list[float] = []
    try:
        for conn in pool:  # prepared once per connection, as the server's are
            for sql, args in statements:
                await conn.fetchrow(sql, *args)
        deadline = time.perf_counter() + seconds

        async def one(conn: asyncpg.Connection) -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                for sql, args in statements:
                    await conn.fetchrow(sql, *args)
                latencies.append(time.perf_counter() - started)

        began = time.perf_counter()
        await asyncio.gather(*(one(conn) for conn in pool))
        elapsed = time.perf_counter() - began
    finally:
        for conn in pool:
            await conn.close()
    return {"per_second": len(latencies) / elapsed, "p95_ms": quantiles(latencies, n=20)[18] * 1000}


async def main(seconds: float) -> None:
    chosen = await personas.choose()
    print("| read | statements | 1 connection | 16 connections |")
    print("|---|---|---|---|")
    for operation in await measured.build(chosen):
        if operation.key not in READS:
            continue
        statements = await captured_statements(operation)
        one = await loop(statements, 1, seconds)
        sixteen = await loop(statements, 16, seconds)
        print(
            f"| {operation.label} | {len(statements)} | {one['per_second']:,.0f}/s, p95 {one['p95_ms']:.1f} ms"
            f" | {sixteen['per_second']:,.0f}/s, p95 {sixteen['p95_ms']:.1f} ms |"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per cell (default 5)")
    asyncio.run(main(parser.parse_args().seconds))
