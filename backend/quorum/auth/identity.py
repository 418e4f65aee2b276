"""Who a request says it comes from, and the transaction it runs in with that caller's access."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse

from quorum import access, clock, limits
from quorum.auth import sessions, tokens
from quorum.database import Db, app_engine


class Refused(Exception):
    def __init__(self, status_code: int, message: str, headers: dict[str, str] | None = None):
        self.response = JSONResponse({"errors": [{"message": message}]}, status_code=status_code, headers=headers)


@dataclass(frozen=True)
class Identity:
    token: tokens.BearerToken | None = None  # from a bearer token, checked against revocations in the database
    sign_in: uuid.UUID | None = None  # from the session cookie, checked against the database
    acting_as: uuid.UUID | None = None  # the server's own work for a person (seed data, benchmarks), never a request

    @classmethod
    def of_person(cls, person_id: uuid.UUID) -> Identity:
        return cls(acting_as=person_id)

    @property
    def person_id(self) -> uuid.UUID | None:
        return self.token.person_id if self.token else self.acting_as


def caller(request: Request, *, changes_state: bool) -> Identity:
    """Refuses bad tokens, and cookie-authenticated requests that change state without the CSRF header."""
    authorization = request.headers.get("authorization")
    if authorization is not None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Refused(401, "Send the token as 'Authorization: Bearer <token>'.", {"WWW-Authenticate": "Bearer"})
        try:
            bearer = tokens.verify(token.strip())
        except tokens.InvalidToken:
            raise Refused(401, "The bearer token is invalid or has expired.", {"WWW-Authenticate": "Bearer"}) from None
        try:
            limits.TOKEN_USE.check(str(bearer.person_id))
        except limits.RateLimited as limited:
            raise Refused(429, str(limited), {"Retry-After": str(limited.retry_after)}) from None
        return Identity(token=bearer)
    sign_in = sessions.session_id(request)
    if sign_in is not None and changes_state and not sessions.has_csrf_header(request):
        raise Refused(403, "Requests from a signed-in browser must send the X-Quorum-CSRF: 1 header.")
    return Identity(sign_in=sign_in)


@asynccontextmanager
async def transaction_for(identity: Identity) -> AsyncIterator[tuple[Db, access.Access]]:
    """One transaction with the caller's access applied; commits unless the block raises."""
    async with app_engine().connect() as conn:
        async with conn.begin():
            person_id = await sessions.person_for(conn, identity.sign_in) if identity.sign_in else identity.person_id
            token = identity.token
            try:
                caller_access = await access.establish(
                    conn, person_id, clock.now(), token=(token.token_id, token.issued_at) if token else None
                )
            except access.TokenRevoked:
                raise Refused(401, "The bearer token has been revoked.", {"WWW-Authenticate": "Bearer"}) from None
            db = Db(AsyncSession(bind=conn, expire_on_commit=False))
            try:
                yield db, caller_access
            finally:
                await db.settle()


def limit_sign_in(request: HTTPConnection) -> None:
    """Raises Refused(429) when this address has tried to sign in too often."""
    try:
        limits.SIGN_IN.check(request.client.host if request.client else "unknown")
    except limits.RateLimited as limited:
        raise Refused(429, str(limited), {"Retry-After": str(limited.retry_after)}) from None
