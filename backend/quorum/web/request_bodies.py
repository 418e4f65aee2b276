"""Every request body is read here, within a deadline and under a size limit, before any route sees it.

A route's own time limit starts once its body is in, so a body trickled in a byte at a time would otherwise hold
a worker for as long as the client liked (the GraphQL endpoint, demo sign-in and sign-out alike).
"""

from __future__ import annotations

import asyncio

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 16 * 1024 * 1024  # a 10 MB appendix, in base64, with room to spare


class RequestBodies:
    def __init__(self, app: ASGIApp, seconds: float, max_bytes: int = MAX_BODY_BYTES):
        self.app, self.seconds, self.max_bytes = app, seconds, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large()(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.seconds):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return  # nobody is left to answer
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > self.max_bytes:
                        await self._too_large()(scope, receive, send)
                        return
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            refusal = JSONResponse(
                {
                    "errors": [
                        {
                            "message": f"The request body took longer than {self.seconds:g} seconds to arrive; "
                            "send it again."
                        }
                    ]
                },
                status_code=408,
                headers={"Connection": "close"},
            )
            await refusal(scope, receive, send)
            return
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # a disconnect, for routes that stream their answer

        await self.app(scope, replay, send)

    def _too_large(self) -> JSONResponse:
        return JSONResponse(
            {"errors": [{"message": f"The request body is larger than {self.max_bytes // (1024 * 1024)} MB."}]},
            status_code=413,
            headers={"Connection": "close"},
        )
