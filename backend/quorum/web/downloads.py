"""Download routes: the one way a file, a workbook, a calendar or a PDF goes out.

`download_route` does, once, what every download needs: the path's ids (a malformed one is not found), who is
asking (`caller`, refusing a bad token), the caller's transaction, the domain's producer (see `quorum.downloads`),
the domain's "No such ..." when the producer gives nothing, and the response.

`Content-Disposition` is written as RFC 6266 and RFC 8187 describe it: `filename*=UTF-8''...` carries the real
name ("Budget – £2m.pdf", "Протокол.pdf"); `filename="..."` is an ASCII fallback for old clients. The name is
cleaned again here, so a name stored before uploads were cleaned cannot break the header (a line break), inject
a parameter (a quote) or fail to encode (a 500).
"""

from __future__ import annotations

import asyncio
import unicodedata
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from quorum import ids
from quorum.auth.identity import Refused, caller, transaction_for
from quorum.downloads import Download, NotReady
from quorum.errors import ClientError
from quorum.files.inspection import clean_filename

Producer = Callable[..., Awaitable[Download | None]]
QueryReader = Callable[[Mapping[str, str]], dict[str, Any]]

ATTR_CHARS = "!#$&+-.^_`|~"  # RFC 8187 attr-char, beside letters and digits


def download_route(
    path: str,
    producer: Producer,
    *,
    not_found: str,
    query_id: tuple[str, str] | None = None,
    query: QueryReader | None = None,
    base_url: bool = False,
) -> Route:
    """A GET route answering with what `producer(db, access, **arguments)` gives. Its arguments: each path
    parameter as a UUID; with `query_id=(parameter, type)`, the global ID in that query parameter as
    `<parameter>_id` (a malformed one is a 400); whatever `query` reads from the query string (a ValueError is
    not found); with `base_url`, the site's address as `base_url`."""

    async def endpoint(request: Request) -> Response:
        missing = PlainTextResponse(not_found, status_code=404)
        try:
            arguments: dict[str, Any] = {name: uuid.UUID(value) for name, value in request.path_params.items()}
            arguments |= query(request.query_params) if query else {}
            identity = caller(request, changes_state=False)
            if query_id:
                parameter, type_name = query_id
                arguments[f"{parameter}_id"] = ids.expect(type_name, request.query_params.get(parameter, ""))
        except ValueError:
            return missing
        except Refused as refused:
            return refused.response
        except ClientError as error:
            return PlainTextResponse(str(error), status_code=400)
        if base_url:
            arguments["base_url"] = str(request.base_url).rstrip("/")
        try:
            async with transaction_for(identity) as (db, access):
                found = await producer(db, access, **arguments)
        except NotReady as reason:
            return PlainTextResponse(str(reason), status_code=409)
        if found is None:
            return missing
        return await download_response(found)

    return Route(path, endpoint, methods=["GET"])


async def download_response(download: Download) -> Response:
    content = download.content
    if callable(content):  # work left until the transaction has closed
        content = await asyncio.to_thread(content)
    disposition = content_disposition(download.filename, inline=download.inline)
    headers = {"Content-Disposition": disposition, **download.headers}
    if download.cache_control:
        headers["Cache-Control"] = download.cache_control
    return Response(content, media_type=download.media_type, headers=headers)


def ascii_fallback(name: str) -> str:
    decomposed = unicodedata.normalize(
        "NFKD", name.replace("–", "-").replace("—", "-").replace("£", "GBP").replace("’", "'")
    )
    return "".join(
        c if 32 <= ord(c) < 127 and c not in '"\\%;' else "_" for c in decomposed if not unicodedata.combining(c)
    )


def content_disposition(filename: str, *, inline: bool = False) -> str:
    name = clean_filename(filename)
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_fallback(name)}\"; filename*=UTF-8''{quote(name, safe=ATTR_CHARS)}"
