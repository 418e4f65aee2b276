"""The published register of interests: every decision-maker of an organisation and what they declared,
readable without signing in (through published_interests(), which returns nothing else)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import select

from quorum.database import Db
from quorum.interests.tables import InterestCategory


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
        "person_id", "person_name", "positions", "category", "description", "concerns", "valid_from", "valid_to",
        "action_taken", "declared_on", "nil_return_on",
    )
    people: dict[uuid.UUID, PublishedDecisionMaker] = {}
    for row in await db.all(select(*rows.c)):
        maker = people.setdefault(row.person_id, PublishedDecisionMaker(row.person_name, tuple(row.positions),
                                                                        nil_return_on=row.nil_return_on))
        if row.category is not None:
            maker.interests.append(PublishedInterest(
                InterestCategory(row.category), row.description, tuple(row.concerns), row.valid_from, row.valid_to,
                row.action_taken, row.declared_on,
            ))
    return PublishedRegister(organisation.name, organisation.ods_code, list(people.values()))
