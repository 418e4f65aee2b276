"""The browser session: a signed cookie holding the signed-in person's id."""

from __future__ import annotations

import uuid

from starlette.requests import Request

SESSION_KEY = "person_id"
CSRF_HEADER = "x-quorum-csrf"


def session_person_id(request: Request) -> uuid.UUID | None:
    value = request.session.get(SESSION_KEY)
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def start(request: Request, person_id: uuid.UUID) -> None:
    request.session.clear()  # a fresh session on every sign-in
    request.session[SESSION_KEY] = str(person_id)


def end(request: Request) -> None:
    request.session.clear()


def has_csrf_header(request: Request) -> bool:
    """Browsers cannot send a custom header cross-site without a CORS preflight we never grant."""
    return request.headers.get(CSRF_HEADER) == "1"
