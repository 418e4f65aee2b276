"""Who the caller is and what they may see: the one permission decision.

`Access` is computed once per request from the caller's active memberships.
The service layer asks it before every read and write, and the same object
produces the row-level security settings of the request's transaction, so the
API's checks and the database's policies cannot disagree.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from quorum.people.tables import Membership, Person, Role


@dataclass(frozen=True)
class Grant:
    org_id: uuid.UUID
    role: Role
    practice_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Access:
    person_id: uuid.UUID | None = None
    is_platform_admin: bool = False
    grants: tuple[Grant, ...] = field(default_factory=tuple)

    @property
    def signed_in(self) -> bool:
        return self.person_id is not None

    @property
    def org_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(g.org_id for g in self.grants)

    def can_see_org(self, org_id: uuid.UUID) -> bool:
        return self.is_platform_admin or org_id in self.org_ids

    def has_role(self, org_id: uuid.UUID, *roles: Role) -> bool:
        return any(g.org_id == org_id and g.role in roles for g in self.grants)

    def can_administer(self, org_id: uuid.UUID) -> bool:
        return self.is_platform_admin or self.has_role(org_id, Role.ADMINISTRATOR)

    def rls_settings(self) -> dict[str, str]:
        """Values for the transaction-local settings the policies read (see migration 0001)."""
        return {
            "person_id": str(self.person_id) if self.person_id else "",
            "org_ids": "{" + ",".join(sorted(str(o) for o in self.org_ids)) + "}",
            "platform_admin": "true" if self.is_platform_admin else "false",
        }


ANONYMOUS = Access()


_APPLY = text(
    "SELECT set_config('app.person_id', :person_id, true),"
    " set_config('app.org_ids', :org_ids, true),"
    " set_config('app.platform_admin', :platform_admin, true)"
)


async def apply(conn: AsyncConnection, access: Access) -> None:
    """Set the caller's access for the current transaction only (never the session)."""
    await conn.execute(_APPLY, access.rls_settings())


async def establish(conn: AsyncConnection, person_id: uuid.UUID | None, today: date) -> Access:
    """Work out the caller's access inside the current transaction and apply it.

    Returns ANONYMOUS for an unknown person id (a token for a person since removed).
    """
    if person_id is None:
        await apply(conn, ANONYMOUS)
        return ANONYMOUS
    await apply(conn, Access(person_id=person_id))  # lets the caller read their own rows
    person = (await conn.execute(select(Person.is_platform_admin).where(Person.id == person_id))).first()
    if person is None:
        await apply(conn, ANONYMOUS)
        return ANONYMOUS
    rows = await conn.execute(
        select(Membership.org_id, Membership.role, Membership.practice_id, Membership.valid_from, Membership.valid_to)
        .where(Membership.person_id == person_id)
    )
    grants = tuple(
        Grant(r.org_id, Role(r.role), r.practice_id)
        for r in rows
        if r.valid_from <= today and (r.valid_to is None or today <= r.valid_to)
    )
    access = Access(person_id=person_id, is_platform_admin=person.is_platform_admin, grants=grants)
    await apply(conn, access)
    return access
