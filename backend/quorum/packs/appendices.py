"""Checking a PDF appendix when it arrives, so a pack build never discovers it is unusable."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PdfReadError

MAX_PAGES = 300


def inspect_pdf(content: bytes) -> tuple[int | None, str | None]:
    """(page count, problem): the problem is None when the pack can include the PDF."""
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            return None, "The PDF is encrypted (password-protected); upload an unprotected copy."
        pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        return None, "The PDF is damaged and cannot be read; export it again and upload the new copy."
    if pages == 0:
        return 0, "The PDF has no pages."
    if pages > MAX_PAGES:
        return pages, f"The PDF has {pages} pages; an appendix can have at most {MAX_PAGES}."
    return pages, None
