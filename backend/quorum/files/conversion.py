"""Word and Excel files (and Word 97 and OpenDocument ones) as PDF pages, converted by headless LibreOffice in a
background job.

Only stored files are converted, and a file is stored only after `inspection` accepted it (no macros, no embedded
programs, no zip bombs). Each conversion runs LibreOffice in its own process group with its own throw-away profile
(`-env:UserInstallation`), in a folder of its own, with a timeout after which the whole group is killed
(QUORUM_CONVERSION_TIMEOUT seconds, 120 by default), and without network: in a new network namespace
(`unshare -n`, or `unshare -rn` for a user without the privilege) when the kernel allows it, and always with an
environment holding no proxy settings. A conversion that fails or runs out of time is recorded as FAILED with a
sentence saying why; the pack then shows a page saying so.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select

from quorum import clock, jobs
from quorum.auth.identity import Identity, transaction_for
from quorum.database import Db
from quorum.files import text
from quorum.files.inspection import EXCEL, MAX_PAGES, ODS, ODT, WORD, WORD_97
from quorum.files.tables import ConversionStatus, FileConversion, StoredFile

log = logging.getLogger(__name__)
CONVERT_JOB = "convert_file"
DEFAULT_TIMEOUT = 120.0
SUFFIXES = {kind.content_type: kind.suffix for kind in (WORD, EXCEL, WORD_97, ODT, ODS)}


class ConversionFailed(Exception):
    """Says, in a sentence for the author, why the file did not become pages."""


def timeout_seconds() -> float:
    try:
        return max(0.1, float(os.environ.get("QUORUM_CONVERSION_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def convertible(content_type: str) -> bool:
    return content_type in SUFFIXES


@cache
def _without_network() -> tuple[str, ...]:
    """The command prefix that runs LibreOffice in a network namespace of its own, if this machine allows one."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    for prefix in ((unshare, "-n"), (unshare, "-rn")):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            if subprocess.run([*prefix, "true"], capture_output=True, timeout=10).returncode == 0:
                return prefix
    log.warning("LibreOffice conversions run without a network namespace: unshare is not permitted here")
    return ()


async def to_pdf(content: bytes, suffix: str, timeout: float | None = None) -> bytes:
    """The file as PDF, or ConversionFailed. Never waits longer than the timeout."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ConversionFailed("LibreOffice is not installed on the server, so the file could not be converted.")
    limit = timeout_seconds() if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="quorum-convert-") as folder:
        root = Path(folder)
        source = root / f"source{suffix}"
        source.write_bytes(content)
        (root / "out").mkdir()
        environment = {"PATH": "/usr/bin:/bin", "HOME": str(root), "TMPDIR": str(root), "LANG": "C.UTF-8"}
        command = [
            *_without_network(),
            soffice,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(root / "out"),
            str(source),
        ]
        process = await asyncio.create_subprocess_exec(
            *command,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            cwd=root,
            start_new_session=True,  # its own process group, so a timeout kills LibreOffice's children too
        )
        try:
            _, stderr = await asyncio.wait_for(process.communicate(), limit)
        except TimeoutError:
            await _kill_group(process)
            raise ConversionFailed(
                f"The file took longer than {limit:g} seconds to convert and was stopped;"
                " save it again (or as PDF) and upload the new copy."
            ) from None
        finally:
            await _kill_group(process)  # anything it left running
        output = root / "out" / "source.pdf"
        if process.returncode != 0 or not output.exists():
            log.warning("LibreOffice could not convert a file: %s", stderr.decode(errors="replace")[-500:])
            raise ConversionFailed(
                "LibreOffice could not read the file, so it could not be converted; save it again and upload the"
                " new copy, or upload it as PDF."
            )
        return output.read_bytes()


async def _kill_group(process: asyncio.subprocess.Process) -> None:
    """Kills LibreOffice's whole process group and waits (a few seconds at most) until its processes are gone."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    if process.returncode is None:
        await process.wait()
    for _ in range(50):
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        await asyncio.sleep(0.1)


def page_count(pdf: bytes) -> int:
    try:
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
    except (PdfReadError, ValueError):
        raise ConversionFailed("The converted file could not be read back.") from None
    if pages == 0:
        raise ConversionFailed("The file converted to no pages.")
    if pages > MAX_PAGES:
        raise ConversionFailed(f"The file converts to {pages} pages; an appendix can have at most {MAX_PAGES}.")
    return pages


async def start(db: Db, stored: StoredFile) -> bool:
    """Records a Word or Excel file's conversion as pending; False for a file that is neither."""
    if not convertible(stored.content_type):
        return False
    await db.execute(
        insert(FileConversion)
        .values(org_id=stored.org_id, source_file_id=stored.id, status=ConversionStatus.PENDING.value)
        .on_conflict_do_nothing()
    )
    return True


async def request(db: Db, stored: StoredFile, person_id: uuid.UUID) -> None:
    """Queue the conversion of a Word or Excel file just stored, in the caller's transaction; a PDF's text is read
    now, a converted file's once it is converted (for search)."""
    if not await start(db, stored):
        await text.request(db, stored, person_id)
        return
    await jobs.enqueue(
        db,
        CONVERT_JOB,
        {"org_id": str(stored.org_id), "file_id": str(stored.id), "person_id": str(person_id)},
        dedupe_key=f"{CONVERT_JOB}:{stored.id}",
    )


async def conversions_of(db: Db, file_ids: list[uuid.UUID]) -> dict[uuid.UUID, FileConversion]:
    rows = await db.all(select(FileConversion).where(FileConversion.source_file_id.in_(file_ids)))
    return {row.source_file_id: row for row in rows}


async def convert(content: bytes, content_type: str) -> tuple[ConversionStatus, bytes | None, int | None, str | None]:
    """Converts and checks the result: (status, pdf, pages, problem)."""
    try:
        pdf = await to_pdf(content, SUFFIXES[content_type])
        return ConversionStatus.DONE, pdf, page_count(pdf), None
    except ConversionFailed as failure:
        return ConversionStatus.FAILED, None, None, str(failure)


@jobs.job(CONVERT_JOB)
async def convert_file(payload: dict[str, Any]) -> None:
    """Runs as the uploader (who may read the file). Run again after its worker died, it converts again; a
    conversion already finished is left as it is."""
    identity = Identity.of_person(uuid.UUID(payload["person_id"]))
    key = (uuid.UUID(payload["org_id"]), uuid.UUID(payload["file_id"]))
    async with transaction_for(identity) as (db, _):
        row = await _row(db, *key)
        stored = await db.first(select(StoredFile).where(StoredFile.org_id == key[0], StoredFile.id == key[1]))
        if row is None or stored is None or ConversionStatus(row.status) != ConversionStatus.PENDING:
            return
        content, content_type = stored.content, stored.content_type
    started = time.monotonic()
    status, pdf, pages, problem = await convert(content, content_type)
    async with transaction_for(identity) as (db, _):
        await record(db, key, status, pdf, pages, problem, time.monotonic() - started)


async def _row(db: Db, org_id: uuid.UUID, file_id: uuid.UUID, *, for_update: bool = False) -> FileConversion | None:
    statement = select(FileConversion).where(FileConversion.org_id == org_id, FileConversion.source_file_id == file_id)
    return await db.first(statement.with_for_update() if for_update else statement)


async def record(
    db: Db,
    key: tuple[uuid.UUID, uuid.UUID],
    status: ConversionStatus,
    pdf: bytes | None,
    pages: int | None,
    problem: str | None,
    seconds: float,
) -> None:
    """Keeps the outcome, unless another run (the job, or a pack build that could not wait) kept one first."""
    row = await _row(db, *key, for_update=True)
    if row is None or ConversionStatus(row.status) != ConversionStatus.PENDING:
        return
    row.status, row.pdf, row.page_count, row.problem = status, pdf, pages, problem
    row.seconds, row.finished_at = round(seconds, 2), clock.now()
    await db.add(row, refresh=False)
    if status == ConversionStatus.DONE:
        stored = await db.first(select(StoredFile).where(StoredFile.org_id == key[0], StoredFile.id == key[1]))
        if stored is not None and stored.uploaded_by is not None:
            await text.request(db, stored, stored.uploaded_by)
    if status == ConversionStatus.FAILED:
        log.info("conversion of file %s failed: %s", key[1], problem)
