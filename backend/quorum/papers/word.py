"""A paper's body written in Word: shown on screen as HTML from mammoth, sanitised as Markdown's HTML is.

The pack prints the document itself, from its LibreOffice conversion (quorum.files.conversion); the HTML is only for
reading on screen, so what mammoth cannot show (images, text boxes, exact layout) is still in the pack.
"""

from __future__ import annotations

import io
import logging

import mammoth

from quorum.errors import input_error
from quorum.papers.markdown import sanitize

log = logging.getLogger(__name__)


def to_html(field: str, content: bytes) -> str:
    """The document's text as safe HTML; a document mammoth cannot read is refused with a sentence saying so."""
    try:
        result = mammoth.convert_to_html(io.BytesIO(content))
    except Exception:  # a parser fed what an author uploaded: whatever it raises, the answer is the same
        log.info("mammoth could not read an uploaded Word document", exc_info=True)
        raise input_error(
            field, "The Word document could not be read; save it again as .docx and upload the new copy."
        ) from None
    return sanitize(result.value)
