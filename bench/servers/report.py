"""The figures gathered in a run, printed as Markdown tables (ready to paste into the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

from bench.servers.load import Measurement

PEER = "postgraphile"


@dataclass
class Figures:
    clients: list[int]
    operations: list
    statements: dict[str, str] = field(default_factory=dict)  # operation -> SQL statements per request
    same_rows: dict[str, str] = field(default_factory=dict)  # operation -> what both servers returned
    # (server, operation, clients) -> the measurement and the server's CPU seconds per request
    cells: dict[tuple[str, str, int], tuple[Measurement, float]] = field(default_factory=dict)

    def add(self, server: str, operation: str, clients: int, measured: Measurement, cpu_per_request: float) -> None:
        self.cells[(server, operation, clients)] = (measured, cpu_per_request)

    def quorum_servers(self) -> list[str]:
        return sorted({server for server, _, _ in self.cells if server != PEER})


def _latency(measured: Measurement) -> str:
    if not measured.requests:
        return "none answered in time"
    return f"{measured.p50_ms:.1f} / {measured.p95_ms:.1f} / {measured.p99_ms:.1f}"


def _throughput(measured: Measurement) -> str:
    failed = f" ({measured.failures} failed)" if measured.failures else ""
    return f"{measured.per_second:,.0f}{failed}"


def _cpu_per_request(measured: Measurement, cpu_per_request: float) -> str:
    return f"{cpu_per_request * 1000:.1f}"


def _workers(server: str) -> str:
    count = server.split()[-1]
    return f"{count} worker{'s' if count != '1' else ''}"


def print_report(figures: Figures, seconds: float, elapsed: float) -> None:
    servers = figures.quorum_servers()
    print()
    print(
        f"Server benchmark, {date.today().isoformat()}: {seconds:g} s per cell after a warm-up, load from wrk"
        f" (one thread) on the same machine; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end;"
        f" {elapsed / 60:.1f} minutes."
    )
    print()
    print(
        "Quorum (`quorum serve`): latency p50 / p95 / p99 in ms; throughput in requests/s; the server's own CPU per request"
        " in ms (PostgreSQL's is not counted). SQL statements of a read: the caller's first request / a later one"
        " (a worker remembers a caller's access; see the README)."
    )
    print()
    head = ["operation", "SQL statements", "clients"]
    for server in servers:
        head += [f"{_workers(server)}: p50 / p95 / p99", "req/s", "CPU ms/req"]
    _row(head)
    _row(["---"] * len(head))
    for operation in figures.operations:
        for clients in figures.clients:
            row = [operation.label, figures.statements.get(operation.key, "-"), str(clients)]
            for server in servers:
                cell = figures.cells.get((server, operation.key, clients))
                row += [_latency(cell[0]), _throughput(cell[0]), _cpu_per_request(*cell)] if cell else ["-", "-", "-"]
            _row(row)
    _vote_outcomes(figures, servers)
    if any(server == PEER for server, _, _ in figures.cells):
        _beside_postgraphile(figures, servers)


def _vote_outcomes(figures: Figures, servers: list[str]) -> None:
    sends = [
        (server, clients, figures.cells[(server, "vote", clients)][0])
        for server in servers
        for clients in figures.clients
        if (server, "vote", clients) in figures.cells
    ]
    if not sends:
        return
    print()
    print(
        "Cast a ballot vote: each practice's first send is recorded; every later send of the same ballot paper (same"
        ' submission key) is a retry, answered "already recorded". SQL statements: first vote / retry. Answers per cell:'
    )
    for server, clients, measured in sends:
        print(
            f"- {_workers(server)}, {clients} clients: {measured.recorded:,} recorded, {measured.already_recorded:,}"
            " already recorded"
        )


def _beside_postgraphile(figures: Figures, servers: list[str]) -> None:
    print()
    print(
        "Beside PostGraphile 5.1 (one Node 22 process, pool of 20), the same reads from the same database as the same"
        " role under the same row-level security settings. Ratios are Quorum's figure divided by PostGraphile's:"
        " above 1 is better for requests/s, below 1 is better for p95."
    )
    print()
    head = ["operation", "rows (both servers)", "clients", "PostGraphile p50 / p95 / p99", "req/s", "CPU ms/req"]
    for server in servers:
        head += [f"{_workers(server)}: req/s ratio", "p95 ratio"]
    _row(head)
    _row(["---"] * len(head))
    for operation in figures.operations:
        if operation.postgraphile is None:
            _row([operation.label, f"no equivalent: {operation.no_peer}", *[""] * (len(head) - 2)])
            continue
        for clients in figures.clients:
            peer = figures.cells.get((PEER, operation.key, clients))
            if peer is None:
                continue
            theirs = peer[0]
            row = [
                operation.label,
                figures.same_rows.get(operation.key, "-"),
                str(clients),
                _latency(theirs),
                _throughput(theirs),
                _cpu_per_request(*peer),
            ]
            for server in servers:
                ours = figures.cells.get((server, operation.key, clients))
                if ours is None or not theirs.per_second:
                    row += ["-", "-"]
                    continue
                row += [f"{ours[0].per_second / theirs.per_second:.2f}", f"{ours[0].p95_ms / theirs.p95_ms:.2f}"]
            _row(row)


def _row(cells: list[str]) -> None:
    print("| " + " | ".join(cells) + " |")
