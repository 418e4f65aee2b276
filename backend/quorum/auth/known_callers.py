"""Each worker's memory of its callers' decided access, so a warm caller's read is one statement.

A caller's access is decided from facts in the database (quorum.access.decide) and kept, keyed by how the caller
says who they are (bearer token, sign-in cookie), until the earliest of:
- the access epoch moving (migration 0032): any change to what access is decided from, ending a sign-in,
  revoking a token, commits a new epoch in the same transaction;
- the next instant the decision itself would change with time: a delegation starting, ending or its revocation
  taking effect, local midnight (memberships and seats run by dates), the sign-in expiring;
- a minute passing.
Every statement run with remembered access reads the epoch in the same statement (`applying`), and answers
nothing but "stale" when it moved, so a change committed before a read began is always seen by that read.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from quorum import access, clock

LONGEST = timedelta(minutes=1)
MOST_CALLERS = 10_000
SETTING_NAMES = tuple(access.ANONYMOUS.rls_settings())

Fetch = Callable[..., Awaitable[Sequence[Any] | None]]  # (sql, *args) -> the first row


@dataclass(frozen=True)
class Known:
    access: access.Access
    settings: list[str]  # the values of SETTING_NAMES
    epoch: int | None  # None: decided from nothing in the database (anonymous)
    decided_at: datetime
    until: datetime

    def current(self, now: datetime) -> bool:
        return self.decided_at <= now < self.until


def _settings(decided: access.Access) -> list[str]:
    values = decided.rls_settings()
    return [values[name] for name in SETTING_NAMES]


ANONYMOUS = Known(
    access.ANONYMOUS,
    _settings(access.ANONYMOUS),
    None,
    datetime.min.replace(tzinfo=UTC),
    datetime.max.replace(tzinfo=UTC),
)

Key = tuple[Any, ...]
_known: dict[Key, Known] = {}


def key_for(
    person_id: uuid.UUID | None, sign_in: uuid.UUID | None, token: tuple[uuid.UUID, datetime] | None
) -> Key | None:
    if token is not None:
        return ("token", person_id, *token)
    if sign_in is not None:
        return ("sign_in", sign_in)
    if person_id is not None:
        return ("person", person_id)
    return None


def recall(key: Key | None, now: datetime) -> Known | None:
    if key is None:
        return ANONYMOUS
    known = _known.get(key)
    return known if known is not None and known.current(now) else None


def person_of(key: Key | None) -> uuid.UUID | None:
    """The person remembered for this key, whether or not their access is still current."""
    known = _known.get(key) if key is not None else None
    return known.access.person_id if known is not None else None


def forget(key: Key | None) -> None:
    if key is not None:
        _known.pop(key, None)


def forget_everyone() -> None:
    _known.clear()


def settings_sql(values: str) -> str:
    """set_config for every setting, from the text[] parameter `values`; transaction-local, as access.apply."""
    return "set_config('statement_timeout', '20s', true), " + ", ".join(
        f"set_config('app.{name}', ({values})[{i}], true)" for i, name in enumerate(SETTING_NAMES, start=1)
    )


# The caller's person (from the cookie's sign-in when there is one) goes into app.person_id first, in the
# subquery kept apart by OFFSET 0, because access_facts answers only for that person.
DECIDE = """
SELECT current_access_epoch(), app_person_id(), sign_in_session_expires($2::uuid),
       $3::uuid IS NULL OR bearer_token_live($3::uuid, app_person_id(), $4::timestamptz),
       access_facts(app_person_id())
FROM (SELECT set_config('app.person_id', CASE WHEN $2::uuid IS NULL THEN $1::text
                        ELSE coalesce(sign_in_session_person($2::uuid)::text, '') END, true) OFFSET 0) AS applied
"""

# In a transaction: the remembered settings, and the epoch to check them against.
APPLY = f"SELECT current_access_epoch() FROM (SELECT {settings_sql('$1::text[]')} OFFSET 0) AS applied"


async def decide(
    fetch: Fetch,
    key: Key | None,
    now: datetime,
    person_id: uuid.UUID | None,
    sign_in: uuid.UUID | None,
    token: tuple[uuid.UUID, datetime] | None,
) -> Known:
    """Decide the caller's access afresh (one statement) and remember it. TokenRevoked for a revoked token."""
    if key is None:
        return ANONYMOUS
    row = await fetch(
        DECIDE,
        str(person_id) if person_id else "",
        sign_in,
        token[0] if token else None,
        token[1] if token else None,
    )
    assert row is not None
    epoch, person, session_expires, token_live, facts = row
    if not token_live:
        raise access.TokenRevoked
    if isinstance(facts, str):
        facts = json.loads(facts)
    decided = access.ANONYMOUS
    if person is not None and facts and facts["platform_admin"] is not None:
        decided = access.decide(person, facts, now)
    until = min(now + LONGEST, _next_local_midnight(now), *_changes_after(facts, now))
    if session_expires is not None:
        until = min(until, session_expires)
    known = Known(decided, _settings(decided), epoch, now, until)
    if len(_known) >= MOST_CALLERS:
        del _known[next(iter(_known))]
    _known[key] = known
    return known


def _next_local_midnight(now: datetime) -> datetime:
    tomorrow = clock.local_date(now) + timedelta(days=1)
    return datetime.combine(tomorrow, time(), tzinfo=clock.LONDON).astimezone(UTC)


def _changes_after(facts: dict[str, Any] | None, now: datetime) -> list[datetime]:
    """The instants after `now` when one of the caller's delegations starts, ends or is revoked."""
    if not facts or not facts.get("delegations"):
        return []
    instants = (
        datetime.fromisoformat(d[field])
        for d in facts["delegations"]
        for field in ("valid_from", "valid_to", "revoked_at")
        if d[field]
    )
    return [instant for instant in instants if instant > now]
