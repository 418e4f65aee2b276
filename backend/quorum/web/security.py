"""Response headers every page and API answer carries."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' https://assets.nhs.uk; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; "
    "object-src 'none'"
)
BASE_HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"DENY",
    b"referrer-policy": b"same-origin",
    b"content-security-policy": CSP.encode(),
}
HSTS = {b"strict-transport-security": b"max-age=63072000; includeSubDomains"}


class SecurityHeaders:
    def __init__(self, app: ASGIApp, production: bool):
        self.app = app
        self.headers = {**BASE_HEADERS, **(HSTS if production else {})}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                present = {name.lower() for name, _ in message["headers"]}
                message["headers"] = list(message["headers"]) + [
                    (name, value) for name, value in self.headers.items() if name not in present
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)
