"""What a download route gives out, said without HTTP: a domain's producer returns a `Download` (or None when
the caller may not have it), and the web layer (`quorum.web.downloads`) turns it into the response.

A producer is a plain async function `(db, access, ...) -> Download | None`, called inside the caller's
transaction. Work that needs no database (compiling a PDF, stamping a watermark) can be left to run after the
transaction closes, in a worker thread, by giving `content` as a function that makes the bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

PRIVATE = "private, no-store"
PUBLIC = "public, max-age=300"


@dataclass(frozen=True)
class Download:
    content: bytes | Callable[[], bytes]
    media_type: str
    filename: str
    inline: bool = False  # shown in the browser rather than saved
    cache_control: str | None = PRIVATE  # None: no Cache-Control header
    headers: dict[str, str] = field(default_factory=dict)


class NotReady(Exception):
    """The thing exists and the caller may have it, but not yet (a ballot's result before it closes)."""
