"""Bearer tokens for scripts, signed with joserfc (HS256 over a key derived from the secret)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey
from sqlalchemy import func, select

from quorum import clock
from quorum.config import get_settings

AUDIENCE = "quorum-api"


class InvalidToken(Exception):
    pass


def _key() -> OctKey:
    digest = hashlib.sha256(b"quorum bearer token\0" + get_settings().secret_key.encode()).digest()
    return OctKey.import_key(digest)


def issue(person_id: uuid.UUID, ttl: timedelta) -> str:
    now = int(clock.now().timestamp())
    claims = {"sub": str(person_id), "aud": AUDIENCE, "iat": now, "exp": now + int(ttl.total_seconds())}
    return jwt.encode({"alg": "HS256"}, claims, _key())


def verify(token: str) -> uuid.UUID:
    """The person the token was issued for. Raises InvalidToken if tampered, expired or malformed."""
    try:
        decoded = jwt.decode(token, _key(), algorithms=["HS256"])
        jwt.JWTClaimsRegistry(
            now=int(clock.now().timestamp()),
            leeway=0,
            sub={"essential": True},
            aud={"essential": True, "value": AUDIENCE},
            exp={"essential": True},
        ).validate(decoded.claims)
        return uuid.UUID(decoded.claims["sub"])
    except (JoseError, ValueError, TypeError, KeyError):
        raise InvalidToken from None


async def person_id_for_email(email: str) -> uuid.UUID | None:
    from quorum.database import app_engine

    async with app_engine().connect() as conn:
        return await conn.scalar(select(func.person_id_for_sign_in(email)))


async def issue_token_for_email(email: str, ttl: timedelta) -> str | None:
    person_id = await person_id_for_email(email)
    return None if person_id is None else issue(person_id, ttl)
