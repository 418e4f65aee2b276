"""The published registers of an organisation's decision-makers, readable without signing in: their interests
(through published_interests()) and their gifts and hospitality (through published_gifts()), nothing else."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import select

from quorum.database import Db
from quorum.interests import rules
from quorum.interests.tables import GiftKind, InterestCategory


@dataclass(frozen=True)
class PublishedInterest:
    category: InterestCategory
    description: str
    concerns: tuple[str, ...]
    valid_from: date
    valid_to: date | None
    action_taken: str
    declared_on: date


@dataclass
class PublishedDecisionMaker:
    name: str
    positions: tuple[str, ...]
    interests: list[PublishedInterest] = field(default_factory=list)
    nil_return_on: date | None = None  # their latest nil return; with no entries and none, no return received


@dataclass(frozen=True)
class PublishedRegister:
    organisation_name: str
    ods_code: str
    decision_makers: list[PublishedDecisionMaker]


async def published_register(db: Db, ods_code: str) -> PublishedRegister | None:
    found = func.public_organisation(ods_code).table_valued("ods_code", "name")
    organisation = await db.first(select(found.c.ods_code, found.c.name))
    if organisation is None:
        return None
    rows = func.published_interests(ods_code).table_valued(
        "person_id",
        "person_name",
        "positions",
        "category",
        "description",
        "concerns",
        "valid_from",
        "valid_to",
        "action_taken",
        "declared_on",
        "nil_return_on",
    )
    people: dict[uuid.UUID, PublishedDecisionMaker] = {}
    for row in await db.all(select(*rows.c)):
        maker = people.setdefault(
            row.person_id,
            PublishedDecisionMaker(row.person_name, tuple(row.positions), nil_return_on=row.nil_return_on),
        )
        if row.category is not None:
            maker.interests.append(
                PublishedInterest(
                    InterestCategory(row.category),
                    row.description,
                    tuple(row.concerns),
                    row.valid_from,
                    row.valid_to,
                    row.action_taken,
                    row.declared_on,
                )
            )
    return PublishedRegister(organisation.name, organisation.ods_code, list(people.values()))


@dataclass(frozen=True)
class PublishedGift:
    person_name: str
    kind: GiftKind
    description: str
    offered_by: str
    value_pence: int
    offered_on: date
    accepted: bool
    approved_by: str | None


async def published_gifts(db: Db, ods_code: str) -> list[PublishedGift] | None:
    """Decision-makers' gifts and hospitality of the last two years that the thresholds require declared."""
    found = func.public_organisation(ods_code).table_valued("ods_code", "name")
    if await db.first(select(found.c.ods_code)) is None:
        return None
    rows = func.published_gifts(ods_code).table_valued(
        "person_name",
        "kind",
        "description",
        "offered_by",
        "from_supplier",
        "value_pence",
        "offered_on",
        "accepted",
        "approved_by_name",
    )
    return [
        PublishedGift(
            r.person_name,
            GiftKind(r.kind),
            r.description,
            r.offered_by,
            r.value_pence,
            r.offered_on,
            r.accepted,
            r.approved_by_name,
        )
        for r in await db.all(select(*rows.c))
        if rules.assess(GiftKind(r.kind), r.from_supplier, r.value_pence).requirement != rules.Requirement.NOT_REQUIRED
    ]
