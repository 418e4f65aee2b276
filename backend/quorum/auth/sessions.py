"""The browser session: a signed cookie naming a sign-in recorded in the database.

The cookie alone is not enough: signing out ends the recorded sign-in, so a
copy of the cookie kept from before stops working too.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.requests import Request

from quorum.database import app_engine

SESSION_KEY = "sign_in"
CSRF_HEADER = "x-quorum-csrf"
LIFETIME = timedelta(hours=12)


def session_id(request: Request) -> uuid.UUID | None:
    value = request.session.get(SESSION_KEY)
    try:
        return uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        return None


async def person_for(conn: AsyncConnection, sign_in: uuid.UUID) -> uuid.UUID | None:
    return await conn.scalar(select(func.sign_in_session_person(sign_in)))


async def start(request: Request, person_id: uuid.UUID) -> None:
    async with app_engine().begin() as conn:
        sign_in = await conn.scalar(select(func.start_sign_in_session(person_id, LIFETIME)))
    request.session.clear()  # a fresh cookie on every sign-in
    request.session[SESSION_KEY] = str(sign_in)


async def end(request: Request) -> None:
    sign_in = session_id(request)
    if sign_in is not None:
        async with app_engine().begin() as conn:
            await conn.execute(select(func.end_sign_in_session(sign_in)))
    request.session.clear()


async def end_everywhere(request: Request) -> None:
    """Ends every sign-in of this session's person, on every browser, and revokes their bearer tokens."""
    sign_in = session_id(request)
    if sign_in is not None:
        async with app_engine().begin() as conn:
            await conn.execute(select(func.end_sign_ins_everywhere(sign_in)))
    request.session.clear()


def has_csrf_header(request: Request) -> bool:
    """Browsers cannot send a custom header cross-site without a CORS preflight we never grant."""
    return request.headers.get(CSRF_HEADER) == "1"
