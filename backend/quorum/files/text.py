"""The words of a stored PDF (or of a Word or Excel file's PDF conversion), read by pdftotext in a background job,
so that search finds a paper by its appendices' text.

The job is queued when an appendix's PDF is stored, and when a Word or Excel file's conversion is done. It runs as
the uploader, like the conversion; pdftotext runs in its own process with a timeout, fed only files that passed the
upload checks. A file whose text cannot be read keeps no text: the paper is still found by its own words.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select

from quorum import jobs
from quorum.auth.identity import Identity, transaction_for
from quorum.database import Db
from quorum.files.inspection import PDF
from quorum.files.tables import ConversionStatus, FileConversion, FileText, StoredFile

log = logging.getLogger(__name__)
TEXT_JOB = "extract_file_text"
TIMEOUT_SECONDS = 60.0
# A tsvector holds at most 1 MB; a longer text is searched by its beginning.
MAX_CHARACTERS = 300_000


async def request(db: Db, stored: StoredFile, person_id: uuid.UUID | None) -> None:
    """Queue the reading of a file's text, in the caller's transaction (for a PDF now, for a Word or Excel file
    once its conversion is done)."""
    if person_id is None:
        return
    await jobs.enqueue(
        db,
        TEXT_JOB,
        {"org_id": str(stored.org_id), "file_id": str(stored.id), "person_id": str(person_id)},
        dedupe_key=f"{TEXT_JOB}:{stored.id}",
    )


async def pdf_text(pdf: bytes, timeout: float = TIMEOUT_SECONDS) -> str | None:
    """The PDF's text in reading order, or None when pdftotext is missing, fails or runs out of time."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        log.warning("pdftotext is not installed: appendices' text is not searchable")
        return None
    with tempfile.TemporaryDirectory(prefix="quorum-text-") as folder:
        source = Path(folder) / "source.pdf"
        source.write_bytes(pdf)
        process = await asyncio.create_subprocess_exec(
            pdftotext, "-q", "-enc", "UTF-8", "-nopgbrk", str(source), "-",
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
            env={"PATH": "/usr/bin:/bin", "HOME": folder}, cwd=folder,
        )  # fmt: skip
        try:
            stdout, _ = await asyncio.wait_for(process.communicate(), timeout)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
            return None
    if process.returncode != 0:
        return None
    return searchable(stdout.decode("utf-8", errors="replace"))


def searchable(text: str) -> str:
    """Whitespace collapsed, NULs (which PostgreSQL's text refuses) removed, cut to what a search vector holds."""
    return " ".join(text.replace("\x00", " ").split())[:MAX_CHARACTERS]


async def _pdf_of(db: Db, org_id: uuid.UUID, file_id: uuid.UUID) -> bytes | None:
    stored = await db.first(select(StoredFile).where(StoredFile.org_id == org_id, StoredFile.id == file_id))
    if stored is None:
        return None
    if stored.content_type == PDF.content_type:
        return stored.content
    converted = await db.first(
        select(FileConversion).where(FileConversion.org_id == org_id, FileConversion.source_file_id == file_id)
    )
    if converted is None or ConversionStatus(converted.status) != ConversionStatus.DONE:
        return None  # queued again when the conversion is done
    return converted.pdf


@jobs.job(TEXT_JOB)
async def extract_file_text(payload: dict[str, Any]) -> None:
    """Runs as the uploader (who may read the file); run again, it keeps the text already kept."""
    identity = Identity.of_person(uuid.UUID(payload["person_id"]))
    org_id, file_id = uuid.UUID(payload["org_id"]), uuid.UUID(payload["file_id"])
    async with transaction_for(identity) as (db, _):
        pdf = await _pdf_of(db, org_id, file_id)
    text = await pdf_text(pdf) if pdf is not None else None
    if not text:
        return
    async with transaction_for(identity) as (db, _):
        await keep(db, org_id, file_id, text)


async def keep(db: Db, org_id: uuid.UUID, file_id: uuid.UUID, text: str) -> None:
    await db.execute(
        insert(FileText).values(org_id=org_id, file_id=file_id, text=searchable(text)).on_conflict_do_nothing()
    )
