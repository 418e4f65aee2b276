"""Checking an upload from its bytes (never its name alone) and storing it."""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass

from sqlmodel import select

from quorum.access import Access
from quorum.database import Db
from quorum.files.tables import StoredFile
from quorum.graphql.errors import input_error

MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FileKind:
    name: str
    content_type: str
    suffix: str


PDF = FileKind("PDF", "application/pdf", ".pdf")
WORD = FileKind("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
EXCEL = FileKind("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")


def kind_of(content: bytes) -> FileKind | None:
    """What the bytes are, whatever the file is called."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return WORD
        if "xl/workbook.xml" in names:
            return EXCEL
    return None


def decode_upload(field: str, content_base64: str) -> bytes:
    try:
        return base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise input_error(field, "The file's content is not valid base64.") from None


def check(field: str, filename: str, content: bytes, allowed: tuple[FileKind, ...]) -> FileKind:
    allowed_names = " or ".join(k.name for k in allowed)
    if not content:
        raise input_error(field, "The file is empty.")
    if len(content) > MAX_BYTES:
        raise input_error(field, f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    kind = kind_of(content)
    if kind not in allowed:
        raise input_error(field, f"{filename or 'That file'} is not a {allowed_names}.")
    return kind


async def store(
    db: Db, access: Access, *, org_id: uuid.UUID, field: str, filename: str, content_base64: str,
    allowed: tuple[FileKind, ...],
) -> StoredFile:
    content = decode_upload(field, content_base64)
    kind = check(field, filename, content, allowed)
    name = (filename.strip().replace("/", "_").replace("\\", "_") or "document")[:200]
    if not name.lower().endswith(kind.suffix):
        name += kind.suffix
    return await db.add(
        StoredFile(
            org_id=org_id, filename=name, content_type=kind.content_type, size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(), content=content, uploaded_by=access.person_id,
        )
    )


async def get_visible(db: Db, file_id: uuid.UUID) -> StoredFile | None:
    """Row-level security decides: a file is visible when what it is attached to is."""
    return await db.first(select(StoredFile).where(StoredFile.id == file_id))
