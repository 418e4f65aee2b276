"""Who the caller is and what they may see: the one permission decision.

`decide` turns the facts about a person (memberships, seats, the delegations
their committees hold) into an `Access`, at a moment in time. The services ask
the `Access` before every read and write, and the same `Access` produces the
row-level security settings of the request's transaction, so the API's checks
and the database's policies come from one rule and cannot disagree. A
delegation's powers end at the instant it expires or is revoked: a worker
remembers a caller's `Access` only until anything it was decided from changes
or its next change in time (quorum.auth.known_callers).
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from quorum import clock


class Role(str, enum.Enum):
    """A person's role in an organisation (a membership)."""

    ADMINISTRATOR = "ADMINISTRATOR"
    BOARD_SECRETARY = "BOARD_SECRETARY"
    GOVERNING_BODY_MEMBER = "GOVERNING_BODY_MEMBER"
    STAFF = "STAFF"
    PRACTICE_REPRESENTATIVE = "PRACTICE_REPRESENTATIVE"
    AREA_TEAM_OFFICER = "AREA_TEAM_OFFICER"


# A delegation holding this function lets its committee change contract records, not only read them.
CHANGES_CONTRACTS = "primary_care.contracts"

GOVERNANCE_OFFICERS = (Role.ADMINISTRATOR, Role.BOARD_SECRETARY)
# Who in a CCG sees its quality concerns register (practice representatives do not: concerns name practices).
QUALITY_ROLES = (*GOVERNANCE_OFFICERS, Role.GOVERNING_BODY_MEMBER, Role.STAFF)


@dataclass(frozen=True)
class Grant:
    org_id: uuid.UUID
    role: Role
    practice_id: uuid.UUID | None = None


@dataclass(frozen=True)
class SeatGrant:
    committee_id: uuid.UUID
    role: str
    voting: bool


@dataclass(frozen=True)
class DelegatedPower:
    """What one live delegation gives the members of the committee holding it."""

    delegation_id: uuid.UUID
    committee_id: uuid.UUID
    functions: frozenset[str]
    ccg_ids: frozenset[uuid.UUID]


@dataclass(frozen=True)
class Access:
    person_id: uuid.UUID | None = None
    is_platform_admin: bool = False
    grants: tuple[Grant, ...] = ()
    seats: tuple[SeatGrant, ...] = ()
    powers: tuple[DelegatedPower, ...] = ()
    committee_ids: frozenset[uuid.UUID] = frozenset()
    officer_committee_ids: frozenset[uuid.UUID] = frozenset()  # committees the caller runs for the host
    private_committee_ids: frozenset[uuid.UUID] = frozenset()  # committees whose Part II business they see
    directory_org_ids: frozenset[uuid.UUID] = frozenset()
    practice_org_ids: frozenset[uuid.UUID] = frozenset()

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

    def is_governance_officer(self, org_id: uuid.UUID) -> bool:
        return self.has_role(org_id, *GOVERNANCE_OFFICERS)

    @property
    def officer_org_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(g.org_id for g in self.grants if g.role in GOVERNANCE_OFFICERS)

    def can_see_committee(self, committee_id: uuid.UUID) -> bool:
        return committee_id in self.committee_ids

    def sits_on(self, committee_id: uuid.UUID) -> bool:
        return any(s.committee_id == committee_id for s in self.seats)

    @property
    def delegated_ccgs(self) -> frozenset[uuid.UUID]:
        """CCGs covered by a live delegation held by one of the caller's committees."""
        return frozenset(c for p in self.powers for c in p.ccg_ids)

    @property
    def contract_read_ccgs(self) -> frozenset[uuid.UUID]:
        return self.delegated_ccgs

    @property
    def contract_write_ccgs(self) -> frozenset[uuid.UUID]:
        return frozenset(c for p in self.powers if CHANGES_CONTRACTS in p.functions for c in p.ccg_ids)

    @property
    def quality_org_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(g.org_id for g in self.grants if g.role in QUALITY_ROLES)

    @property
    def area_officer_org_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(g.org_id for g in self.grants if g.role == Role.AREA_TEAM_OFFICER)

    def rls_settings(self) -> dict[str, str]:
        """Values for the transaction-local settings the policies read (migrations 0001, 0003, 0006 and 0021)."""
        return {
            "person_id": str(self.person_id) if self.person_id else "",
            "org_ids": _array(self.org_ids),
            "platform_admin": "true" if self.is_platform_admin else "false",
            "directory_org_ids": _array(self.directory_org_ids),
            "practice_org_ids": _array(self.practice_org_ids),
            "committee_ids": _array(self.committee_ids),
            "officer_org_ids": _array(self.officer_org_ids),
            "officer_committee_ids": _array(self.officer_committee_ids),
            "private_committee_ids": _array(self.private_committee_ids),
            "contract_read_ccgs": _array(self.contract_read_ccgs),
            "contract_write_ccgs": _array(self.contract_write_ccgs),
            "delegated_ccgs": _array(self.delegated_ccgs),
            "quality_org_ids": _array(self.quality_org_ids),
            "area_officer_org_ids": _array(self.area_officer_org_ids),
        }


ANONYMOUS = Access()


def _array(ids: frozenset[uuid.UUID]) -> str:
    return "{" + ",".join(sorted(str(i) for i in ids)) + "}"


def decide(person_id: uuid.UUID, facts: dict[str, Any], now: datetime) -> Access:
    """The access a person has at `now`, from the facts `access_facts()` returns."""
    today = clock.local_date(now)
    grants = tuple(
        Grant(uuid.UUID(m["org_id"]), Role(m["role"]), m["practice_id"] and uuid.UUID(m["practice_id"]))
        for m in facts["memberships"]
        if _active(m, today)
    )
    org_ids = {g.org_id for g in grants}
    officer_of = {g.org_id for g in grants if g.role in GOVERNANCE_OFFICERS}
    active_memberships = [m for m in facts["memberships"] if _active(m, today)]
    my_area_teams = {uuid.UUID(m["org_id"]) for m in active_memberships if m["kind"] == "AREA_TEAM"}
    parent_area_teams = {uuid.UUID(m["area_team_id"]) for m in active_memberships if m["area_team_id"]}
    area_ccgs = {uuid.UUID(c["id"]) for c in facts["area_ccgs"] if uuid.UUID(c["area_team_id"]) in my_area_teams}

    seats = tuple(
        SeatGrant(uuid.UUID(s["committee_id"]), s["role"], s["voting"]) for s in facts["seats"] if _active(s, today)
    )
    seated = {s.committee_id for s in seats}
    representing = {g.org_id for g in grants if g.role == Role.PRACTICE_REPRESENTATIVE}
    committee_ids, officer_committees, private, joint_parties = set(), set(), set(), set()
    for c in facts["committees"]:
        committee_id, host = uuid.UUID(c["id"]), uuid.UUID(c["org_id"])
        parties = {uuid.UUID(p) for p in c["parties"]}
        if host in officer_of:
            officer_committees.add(committee_id)
        # Part II is for the committee's members and those who run it; the council's members are
        # its practices' representatives.
        if (
            host in officer_of
            or committee_id in seated
            or (c.get("kind") == "COUNCIL_OF_MEMBERS" and host in representing)
        ):
            private.add(committee_id)
        if not c["is_joint"]:
            visible = host in org_ids or committee_id in seated
        else:
            visible = committee_id in seated or (c["party_officers_may_view"] and bool(parties & officer_of))
        if visible:
            committee_ids.add(committee_id)
            joint_parties |= parties

    powers = tuple(
        DelegatedPower(
            uuid.UUID(d["id"]),
            uuid.UUID(d["committee_id"]),
            frozenset(d["functions"]),
            frozenset(uuid.UUID(c) for c in d["scope_ccg_ids"]),
        )
        for d in facts["delegations"]
        if uuid.UUID(d["committee_id"]) in seated and _live(d, now)
    )
    delegated_ccgs = {c for p in powers for c in p.ccg_ids}
    member_ccgs = {uuid.UUID(m["org_id"]) for m in active_memberships if m["kind"] == "CCG"}
    return Access(
        person_id=person_id,
        is_platform_admin=bool(facts["platform_admin"]),
        grants=grants,
        seats=seats,
        powers=powers,
        committee_ids=frozenset(committee_ids),
        officer_committee_ids=frozenset(officer_committees),
        private_committee_ids=frozenset(private & committee_ids),
        directory_org_ids=frozenset(org_ids | parent_area_teams | area_ccgs | joint_parties | delegated_ccgs),
        practice_org_ids=frozenset(member_ccgs | area_ccgs | delegated_ccgs),
    )


def _active(row: dict[str, Any], today: date) -> bool:
    return date.fromisoformat(row["valid_from"]) <= today and (
        row["valid_to"] is None or today <= date.fromisoformat(row["valid_to"])
    )


def _live(delegation: dict[str, Any], now: datetime) -> bool:
    revoked_at = delegation["revoked_at"] and datetime.fromisoformat(delegation["revoked_at"])
    if revoked_at is not None and revoked_at <= now:
        return False
    return datetime.fromisoformat(delegation["valid_from"]) <= now < datetime.fromisoformat(delegation["valid_to"])


# Also a statement timeout, so no request holds the database for long.
_APPLY = text(
    "SELECT set_config('statement_timeout', '20s', true), "
    + ", ".join(f"set_config('app.{name}', :{name}, true)" for name in ANONYMOUS.rls_settings())
)


# access_facts answers only for the person named in app.person_id: the subquery (kept apart by OFFSET 0)
# sets it before the function runs, in one round trip.
_FACTS = text(
    "SELECT access_facts(:person_id) FROM (SELECT set_config('app.person_id', :person_text, true) OFFSET 0) AS applied"
)


async def apply(conn: AsyncConnection, access: Access) -> None:
    """Set the caller's access for the current transaction only (never the session)."""
    await conn.execute(_APPLY, access.rls_settings())


# A bearer token's caller: the same statement, refusing a revoked token (no extra round trip per request).
_TOKEN_FACTS = text(
    "SELECT CASE WHEN bearer_token_live(:token_id, :person_id, :issued_at) THEN access_facts(:person_id)"
    " ELSE jsonb_build_object('token_revoked', true) END"
    " FROM (SELECT set_config('app.person_id', :person_text, true) OFFSET 0) AS applied"
)


class TokenRevoked(Exception):
    """The bearer token was revoked, or its person signed out everywhere after it was issued."""


async def establish(
    conn: AsyncConnection, person_id: uuid.UUID | None, now: datetime, token: tuple[uuid.UUID, datetime] | None = None
) -> Access:
    """Work out the caller's access inside the current transaction and apply it.

    `token` is a bearer token's (identifier, issued at); TokenRevoked if it is no longer live.
    Returns ANONYMOUS for an unknown person id (a token for a person since removed).
    """
    access = ANONYMOUS
    if person_id is not None:
        parameters = {"person_id": person_id, "person_text": str(person_id)}
        if token is None:
            facts = await conn.scalar(_FACTS, parameters)
        else:
            facts = await conn.scalar(_TOKEN_FACTS, {**parameters, "token_id": token[0], "issued_at": token[1]})
            if facts and facts.get("token_revoked"):
                raise TokenRevoked
        if facts and facts["platform_admin"] is not None:
            access = decide(person_id, facts, now)
    await apply(conn, access)
    return access
