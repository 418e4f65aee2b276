"""The `quorum` command."""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, timedelta
from typing import Any


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="quorum", description="Governance for NHS commissioning.")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the app, /graphql and /healthz")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument(
        "--no-worker",
        dest="worker",
        action="store_false",
        help="run no job worker in the app processes (run `quorum worker` beside them instead)",
    )
    serve.add_argument(
        "--access-log",
        action="store_true",
        help="log every request (off by default: the reverse proxy in front logs them)",
    )

    commands.add_parser("migrate", help="bring the database schema up to date")
    commands.add_parser("worker", help="run background jobs (pack builds, emails, reminders) until stopped")

    seed = commands.add_parser("seed", help="load data")
    which = seed.add_mutually_exclusive_group(required=True)
    which.add_argument("--demo", action="store_true", help="the demo organisations and people")
    which.add_argument(
        "--scale",
        choices=("national", "small"),
        help="generated data: every CCG in England (national) or a few (small), into a fresh database",
    )
    seed.add_argument("--seed", type=int, help="with --scale: the same seed gives the same data (default 1)")
    seed.add_argument(
        "--anchor",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="with --scale: the day the data is laid out around (default: the first of this month)",
    )

    token = commands.add_parser("token", help="print a bearer token for an existing person, or revoke one")
    which_token = token.add_mutually_exclusive_group(required=True)
    which_token.add_argument("--email")
    which_token.add_argument(
        "--revoke",
        metavar="ID",
        help="refuse a token from the next request on: its id (printed when issued) or the token",
    )
    token.add_argument(
        "--ttl", type=int, default=3600, help="lifetime in seconds (default 3600, at most 604800: seven days)"
    )

    backup = commands.add_parser("backup", help="write the whole database, uploads included, to FILE")
    backup.add_argument("file")
    restore = commands.add_parser("restore", help="replace the database's contents with those of FILE")
    restore.add_argument("file")

    export = commands.add_parser("export-schema", help="print the GraphQL schema (SDL)")
    export.add_argument("--output", help="write to this file instead of standard output")

    args = parser.parse_args(argv)
    return {
        "serve": _serve,
        "migrate": _migrate,
        "worker": _worker,
        "seed": _seed,
        "token": _token,
        "export-schema": _export_schema,
        "backup": _backup,
        "restore": _restore,
    }[args.command](args)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from quorum.database import owner_url

    owner_url()  # starts the embedded server here, once, for every worker
    uvicorn.run(
        "quorum.cli:app_with_worker" if args.worker else "quorum.cli:app_alone",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=True,
        log_level="info",
        access_log=args.access_log,
    )
    return 0


def app_with_worker() -> Any:
    """The app with a job worker running in its process for as long as it serves (one per uvicorn worker)."""
    from quorum.web.app import create_app

    return _long_lived(create_app(lifespan=_worker_alongside))


def app_alone() -> Any:
    """The app without a job worker (`quorum serve --no-worker`)."""
    from quorum.web.app import create_app

    return _long_lived(create_app())


def _long_lived(app: Any) -> Any:
    """The app, with everything built so far (modules, the schema) kept out of the garbage collector's sweeps: they
    live as long as the worker, and sweeping them again and again was a sixth of a worker's CPU under load."""
    gc.collect()
    gc.freeze()
    return app


@asynccontextmanager
async def _worker_alongside(app: Any) -> AsyncIterator[None]:
    from quorum import worker

    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))
    try:
        yield
    finally:
        stop.set()
        await running


def _worker(args: argparse.Namespace) -> int:
    import logging
    import signal

    from quorum import worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    _database()

    async def until_stopped() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for stopping in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(stopping, stop.set)
        print("The job worker is running; stop it with Ctrl+C or SIGTERM.", file=sys.stderr)
        await worker.run(stop)

    asyncio.run(until_stopped())
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from quorum import migrations
    from quorum.config import get_settings
    from quorum.database import owner_url, set_app_role_password

    url = owner_url()
    migrations.upgrade(url)
    if get_settings().app_database_password:
        asyncio.run(set_app_role_password(url, get_settings().app_database_password))
    print("Database is up to date.")
    return 0


def _database() -> None:
    """Find (or start) the database before any event loop runs: starting the embedded server needs its own."""
    from quorum.database import owner_url

    owner_url()


def _seed(args: argparse.Namespace) -> int:
    if args.scale is None:
        from quorum.seed.demo import seed_demo

        if args.seed is not None or args.anchor is not None:
            print("--seed and --anchor go with --scale.", file=sys.stderr)
            return 2
        from quorum.config import get_settings
        from quorum.seed.demo_in_common import seed_demo_in_common

        if get_settings().production:
            print(
                "The demo data is not for a production database (QUORUM_ENV=production): nothing was changed.",
                file=sys.stderr,
            )
            return 1
        _database()
        asyncio.run(seed_demo())
        asyncio.run(seed_demo_in_common())
        return 0
    from quorum import clock
    from quorum.seed.scale import Refused, seed_scale
    from quorum.seed.scale.plan import default_anchor

    _database()
    anchor = args.anchor or default_anchor(clock.today())
    try:
        asyncio.run(seed_scale(args.scale, 1 if args.seed is None else args.seed, anchor))
    except Refused as refused:
        print(refused, file=sys.stderr)
        return 1
    return 0


def _token(args: argparse.Namespace) -> int:
    from quorum.auth import tokens

    if args.revoke is not None:
        return _revoke_token(args.revoke)
    longest = int(tokens.MAX_LIFETIME.total_seconds())
    if not 0 < args.ttl <= longest:
        print(f"--ttl must be between 1 and {longest} seconds (seven days).", file=sys.stderr)
        return 2
    _database()
    token = asyncio.run(tokens.issue_token_for_email(args.email, timedelta(seconds=args.ttl)))
    if token is None:
        print(f"No person with the email {args.email!r}.", file=sys.stderr)
        return 1
    print(token)
    print(
        f"Token id {tokens.token_id(token)}: `quorum token --revoke ID` refuses it from the next request on.",
        file=sys.stderr,
    )
    return 0


def _revoke_token(given: str) -> int:
    import uuid

    from quorum.auth import tokens

    try:
        token_id = uuid.UUID(given)
    except ValueError:
        try:
            token_id = tokens.token_id(given)
        except tokens.InvalidToken:
            print("--revoke takes a token's id (as printed when it was issued) or the token itself.", file=sys.stderr)
            return 2
    _database()
    if asyncio.run(tokens.revoke(token_id)):
        print(f"Token {token_id} is revoked.")
    else:
        print(f"Token {token_id} was already revoked.")
    return 0


def _backup(args: argparse.Namespace) -> int:
    import subprocess
    from pathlib import Path

    from quorum import backup
    from quorum.database import owner_url

    try:
        backup.backup(owner_url(), Path(args.file))
    except subprocess.CalledProcessError as error:
        print(f"The backup failed: {error.stderr.strip()}", file=sys.stderr)
        return 1
    print(f"Backed up to {args.file}.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    import subprocess
    from pathlib import Path

    from quorum import backup
    from quorum.database import owner_url

    if not Path(args.file).is_file():
        print(f"No backup file at {args.file}.", file=sys.stderr)
        return 2
    try:
        backup.restore(owner_url(), Path(args.file))
    except subprocess.CalledProcessError as error:
        print(f"The restore failed and changed nothing: {error.stderr.strip()}", file=sys.stderr)
        return 1
    print(f"Restored from {args.file}.")
    return 0


def _export_schema(args: argparse.Namespace) -> int:
    from quorum.web.schema import schema

    sdl = schema.as_str() + "\n"
    if args.output:
        with open(args.output, "w") as f:
            f.write(sdl)
    else:
        sys.stdout.write(sdl)
    return 0


if __name__ == "__main__":
    sys.exit(main())
