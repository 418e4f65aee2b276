"""Storing an upload once `inspection` has decided what it is and what of it to keep."""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import uuid

from quorum.access import Access
from quorum.database import Db
from quorum.errors import input_error
from quorum.files.inspection import (
    EXCEL,
    MAX_BYTES,
    ODS,
    ODT,
    PDF,
    WORD,
    WORD_97,
    FileKind,
    Inspection,
    clean_filename,
    inspect,
)
from quorum.files.tables import StoredFile

__all__ = [
    "EXCEL",
    "MAX_BYTES",
    "ODS",
    "ODT",
    "PDF",
    "WORD",
    "WORD_97",
    "FileKind",
    "decode_upload",
    "inspected",
    "keep",
    "store",
]


def decode_upload(field: str, content_base64: str) -> bytes:
    try:
        return base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise input_error(field, "The file's content is not valid base64.") from None


async def inspected(field: str, filename: str, content: bytes, allowed: tuple[FileKind, ...]) -> Inspection:
    """The inspection in a worker thread: qpdf reading a large PDF must not hold up every other request."""
    return await asyncio.to_thread(inspect, field, filename, content, allowed)


async def keep(db: Db, access: Access, *, org_id: uuid.UUID, filename: str, inspection: Inspection) -> StoredFile:
    content = inspection.content
    return await db.add(
        StoredFile(
            org_id=org_id,
            filename=clean_filename(filename, inspection.kind.suffix),
            content_type=inspection.kind.content_type,
            size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
            uploaded_by=access.person_id,
            inspection_note=inspection.note,
        )
    )


async def store(
    db: Db,
    access: Access,
    *,
    org_id: uuid.UUID,
    field: str,
    filename: str,
    content_base64: str,
    allowed: tuple[FileKind, ...],
) -> StoredFile:
    inspection = await inspected(field, filename, decode_upload(field, content_base64), allowed)
    return await keep(db, access, org_id=org_id, filename=filename, inspection=inspection)
