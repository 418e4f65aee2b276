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
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select

from quorum import jobs
from quorum.auth.identity import Identity, transaction_for
from quorum.database import Db, worker_transaction
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
    if pdf is None:
        return
    # A file with no words (or unreadable) keeps an empty text, so the backfill below does not try it again.
    text = await pdf_text(pdf) or ""
    async with transaction_for(identity) as (db, _):
        await keep(db, org_id, file_id, text)


# Files kept before their text was read (stored before migration 0031, or while pdftotext was missing): each
# night, a batch of them is queued, as their uploaders, until none is left.
_UNREAD = (
    "SELECT f.org_id, f.id, f.uploaded_by FROM stored_file f"
    " WHERE f.uploaded_by IS NOT NULL"
    " AND (EXISTS (SELECT 1 FROM appendix a WHERE a.org_id = f.org_id AND a.file_id = f.id)"
    "      OR EXISTS (SELECT 1 FROM paper_version v WHERE v.org_id = f.org_id AND v.body_file_id = f.id))"
    " AND NOT EXISTS (SELECT 1 FROM file_text t WHERE t.org_id = f.org_id AND t.file_id = f.id)"
    " AND (f.content_type = $1 OR EXISTS (SELECT 1 FROM file_conversion c"
    "      WHERE c.org_id = f.org_id AND c.source_file_id = f.id AND c.status = 'DONE'))"
    " ORDER BY f.uploaded_at DESC LIMIT $2"
)
BACKFILL_BATCH = 500


@jobs.periodic("read_unread_file_texts", "20 2 * * *")
async def read_unread_file_texts(now: datetime) -> None:
    async with worker_transaction() as db:
        for org_id, file_id, person_id in await db.records(_UNREAD, PDF.content_type, BACKFILL_BATCH):
            await jobs.enqueue(
                db,
                TEXT_JOB,
                {"org_id": str(org_id), "file_id": str(file_id), "person_id": str(person_id)},
                dedupe_key=f"{TEXT_JOB}:{file_id}",
            )


async def keep(db: Db, org_id: uuid.UUID, file_id: uuid.UUID, text: str) -> None:
    await db.execute(
        insert(FileText).values(org_id=org_id, file_id=file_id, text=searchable(text)).on_conflict_do_nothing()
    )
