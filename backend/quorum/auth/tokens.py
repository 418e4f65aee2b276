"""Bearer tokens for scripts, signed with joserfc (HS256 over a key derived from the secret).

Each token carries an identifier (jti) and lives at most MAX_LIFETIME. Tokens are not stored; revoking one
records its identifier, and signing out everywhere records a cutoff for its person (migration 0009). Every
request checks both in the statement that works out the caller's access (quorum.access), so a revocation
takes effect on the next request.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey
from sqlalchemy import func, select

from quorum import clock
from quorum.config import get_settings

AUDIENCE = "quorum-api"
MAX_LIFETIME = timedelta(days=7)


class InvalidToken(Exception):
    pass


@dataclass(frozen=True)
class BearerToken:
    token_id: uuid.UUID
    person_id: uuid.UUID
    issued_at: datetime


def _key() -> OctKey:
    return _key_from(get_settings().secret_key)


@functools.lru_cache(maxsize=4)
def _key_from(secret: str) -> OctKey:
    """Derived once per secret, not on every request (importing it costs about 50 µs)."""
    digest = hashlib.sha256(b"quorum bearer token\0" + secret.encode()).digest()
    return OctKey.import_key(digest)


def issue(person_id: uuid.UUID, ttl: timedelta) -> str:
    if ttl > MAX_LIFETIME:
        raise ValueError(f"A token lives at most {int(MAX_LIFETIME.total_seconds())} seconds.")
    now = int(clock.now().timestamp())
    claims = {
        "sub": str(person_id),
        "aud": AUDIENCE,
        "jti": str(uuid.uuid4()),
        "iat": now,
        "exp": now + int(ttl.total_seconds()),
    }
    return jwt.encode({"alg": "HS256"}, claims, _key())


MOST_REMEMBERED = 10_000
# token -> (what it says, the secret it was verified with, from when and until when it may be used)
_verified: dict[str, tuple[BearerToken, str, int, int]] = {}


def verify(token: str) -> BearerToken:
    """The token's identifier and person. Raises InvalidToken if tampered, expired, malformed or over-long.

    A token verified before is remembered (per worker, at most MOST_REMEMBERED), and its times are checked again
    on every use, so it is refused from the second it expires. Whether it has been revoked is the database's to say
    (quorum.access.establish)."""
    now = int(clock.now().timestamp())
    secret = get_settings().secret_key
    known = _verified.get(token)
    if known is not None and known[1] == secret and known[2] <= now < known[3]:
        return known[0]
    bearer, claims = _verified_now(token, secret, now)
    if len(_verified) >= MOST_REMEMBERED:
        del _verified[next(iter(_verified))]
    _verified[token] = (bearer, secret, max(claims["iat"], claims.get("nbf", claims["iat"])), claims["exp"])
    return bearer


def _verified_now(token: str, secret: str, now: int) -> tuple[BearerToken, dict[str, Any]]:
    try:
        decoded = jwt.decode(token, _key_from(secret), algorithms=["HS256"])
        jwt.JWTClaimsRegistry(
            now=now,
            leeway=0,
            sub={"essential": True},
            aud={"essential": True, "value": AUDIENCE},
            exp={"essential": True},
            iat={"essential": True},
            jti={"essential": True},
        ).validate(decoded.claims)
        claims = decoded.claims
        if claims["exp"] - claims["iat"] > MAX_LIFETIME.total_seconds():
            raise InvalidToken
        return BearerToken(
            token_id=uuid.UUID(claims["jti"]),
            person_id=uuid.UUID(claims["sub"]),
            issued_at=datetime.fromtimestamp(claims["iat"], UTC),
        ), claims
    except (JoseError, ValueError, TypeError, KeyError, OverflowError):
        raise InvalidToken from None


def token_id(token: str) -> uuid.UUID:
    """The identifier of a token this server issued (expired or not), to revoke it."""
    try:
        return uuid.UUID(jwt.decode(token, _key(), algorithms=["HS256"]).claims["jti"])
    except (JoseError, ValueError, TypeError, KeyError):
        raise InvalidToken from None


async def revoke(token_id: uuid.UUID) -> bool:
    """Refuse the token from the next request on. False if it had been revoked already."""
    from quorum.database import app_engine

    async with app_engine().begin() as conn:
        return bool(await conn.scalar(select(func.revoke_bearer_token(token_id, MAX_LIFETIME))))


async def person_id_for_email(email: str) -> uuid.UUID | None:
    from quorum.database import app_engine

    async with app_engine().connect() as conn:
        return await conn.scalar(select(func.person_id_for_sign_in(email)))


async def issue_token_for_email(email: str, ttl: timedelta) -> str | None:
    person_id = await person_id_for_email(email)
    return None if person_id is None else issue(person_id, ttl)
