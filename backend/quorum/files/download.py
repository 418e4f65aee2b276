"""The one way a file goes out: `Content-Disposition` as RFC 6266 and RFC 8187 describe it.

`filename*=UTF-8''...` carries the real name ("Budget – £2m.pdf", "Протокол.pdf"); `filename="..."` is an
ASCII fallback for old clients. The name is cleaned again here, so a name stored before uploads were cleaned
cannot break the header (a line break), inject a parameter (a quote) or fail to encode (a 500).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from starlette.responses import Response

from quorum.files.inspection import clean_filename

ATTR_CHARS = "!#$&+-.^_`|~"  # RFC 8187 attr-char, beside letters and digits


def ascii_fallback(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("–", "-").replace("—", "-").replace("£", "GBP").replace("’", "'"))
    plain = "".join(c if 32 <= ord(c) < 127 and c not in '"\\%;' else "_" for c in decomposed if not unicodedata.combining(c))
    return plain


def content_disposition(filename: str, *, inline: bool = False) -> str:
    name = clean_filename(filename)
    return f"{'inline' if inline else 'attachment'}; filename=\"{ascii_fallback(name)}\"; filename*=UTF-8''{quote(name, safe=ATTR_CHARS)}"


def download_response(
    content: bytes, *, media_type: str, filename: str, inline: bool = False, cache_control: str | None = "private, no-store",
    headers: dict[str, str] | None = None,
) -> Response:
    sent = {"Content-Disposition": content_disposition(filename, inline=inline), **(headers or {})}
    if cache_control:
        sent["Cache-Control"] = cache_control
    return Response(content, media_type=media_type, headers=sent)
