"""`quorum seed --demo`: two area teams, four CCGs with their practices, and the demo people.

Runs as the database owner (an operator's command, not an API write) and is
idempotent: every row is matched on its natural key (ODS code, email, role).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import create_async_engine

from quorum.database import owner_url
from quorum.organisations.tables import Organisation, OrganisationKind, Practice
from quorum.people.tables import Membership, Person, PersonRegistration, Role

AREA_TEAMS = [("Q46", "Greater Manchester Area Team"), ("Q71", "London Area Team")]

# ODS code, name, area team, practice ODS prefix, localities
CCGS = [
    ("00T", "NHS Bolton CCG", "Q46", "P82", ["Bolton Central", "Farnworth and Kearsley", "Horwich and Westhoughton"]),
    ("01D", "NHS Heywood, Middleton and Rochdale CCG", "Q46", "P86", ["Heywood", "Middleton", "Rochdale North"]),
    ("08H", "NHS Islington CCG", "Q71", "F83", ["North Islington", "Central Islington", "South Islington"]),
    ("07T", "NHS City and Hackney CCG", "Q71", "F84", ["Hackney North", "Hackney South", "City of London"]),
]

PRACTICE_NAMES = [
    "Brook Lane Surgery", "Church Street Medical Centre", "Park View Practice", "The Mill Health Centre",
    "Oakfield Family Practice", "Station Road Surgery", "Riverside Medical Practice", "Highfield Health Centre",
    "Castle Medical Group", "Kingsway Surgery", "Victoria Park Practice", "Elm Tree Surgery",
]

DEMO_DOMAIN = "demo.quorum.example"


@dataclass(frozen=True)
class DemoPerson:
    name: str
    description: str
    memberships: tuple[tuple[str, Role, str | None], ...] = ()  # (organisation ODS, role, practice ODS)
    platform_admin: bool = False
    email: str = field(default="")

    def __post_init__(self) -> None:
        if not self.email:
            local = self.name.lower().replace("dr ", "").replace(" ", ".")
            object.__setattr__(self, "email", f"{local}@{DEMO_DOMAIN}")


DEMO_PEOPLE = [
    DemoPerson("Sam Okafor", "Platform administrator: creates organisations", platform_admin=True),
    DemoPerson("Priya Shah", "Administrator, NHS Bolton CCG", (("00T", Role.ADMINISTRATOR, None),)),
    DemoPerson("Helen Hargreaves", "Board secretary, NHS Bolton CCG", (("00T", Role.BOARD_SECRETARY, None),)),
    DemoPerson(
        "Dr Rajesh Mistry",
        "GP governing body member and practice representative, NHS Bolton CCG",
        (("00T", Role.GOVERNING_BODY_MEMBER, None), ("00T", Role.PRACTICE_REPRESENTATIVE, "P82001")),
    ),
    DemoPerson("Margaret Lowe", "Lay member of the governing body, NHS Bolton CCG", (("00T", Role.GOVERNING_BODY_MEMBER, None),)),
    DemoPerson(
        "Tom Ashworth",
        "Chief finance officer shared by Bolton and Heywood, Middleton and Rochdale CCGs: writes and sponsors papers",
        (("00T", Role.STAFF, None), ("01D", Role.STAFF, None)),
    ),
    DemoPerson("Dr Fiona Clarke", "Practice representative, NHS Bolton CCG", (("00T", Role.PRACTICE_REPRESENTATIVE, "P82002"),)),
    DemoPerson("Daniel Cohen", "Board secretary, NHS Islington CCG", (("08H", Role.BOARD_SECRETARY, None), ("08H", Role.ADMINISTRATOR, None))),
    DemoPerson("Dr Grace Adeyemi", "GP governing body member, NHS Islington CCG", (("08H", Role.GOVERNING_BODY_MEMBER, None),)),
    DemoPerson("Dr Kwame Mensah", "Practice representative, NHS Islington CCG", (("08H", Role.PRACTICE_REPRESENTATIVE, "F83001"),)),
    DemoPerson("Janet Whitworth", "Area team officer, Greater Manchester Area Team", (("Q46", Role.AREA_TEAM_OFFICER, None),)),
    DemoPerson("Oliver Grant", "Area team officer, London Area Team", (("Q71", Role.AREA_TEAM_OFFICER, None),)),
]

MEMBERSHIPS_START = date(2025, 4, 1)


def demo_practices(ods_prefix: str, localities: list[str], seed: str) -> list[dict]:
    """Eleven practices with list sizes spread like real ones (about 2,000 to 18,000 patients)."""
    rng = random.Random(seed)
    names = rng.sample(PRACTICE_NAMES, 11)
    return [
        {
            "ods_code": f"{ods_prefix}{i + 1:03d}",
            "name": name,
            "list_size": int(rng.lognormvariate(8.9, 0.5)) // 10 * 10 + 1500,
            "locality": localities[i % len(localities)],
        }
        for i, name in enumerate(names)
    ]


async def seed_demo() -> None:
    engine = create_async_engine(owner_url())
    async with engine.begin() as conn:
        org_ids: dict[str, object] = {}
        for ods, name in AREA_TEAMS:
            org_ids[ods] = await _upsert_org(conn, ods, name, OrganisationKind.AREA_TEAM, None)
        practice_ids: dict[str, object] = {}
        for ods, name, area_team, prefix, localities in CCGS:
            org_ids[ods] = await _upsert_org(conn, ods, name, OrganisationKind.CCG, org_ids[area_team])
            for practice in demo_practices(prefix, localities, seed=ods):
                await conn.execute(
                    insert(Practice).values(org_id=org_ids[ods], **practice).on_conflict_do_nothing()
                )
            rows = await conn.execute(select(Practice.ods_code, Practice.id).where(Practice.org_id == org_ids[ods]))
            practice_ids.update(dict(rows.all()))
        for person in DEMO_PEOPLE:
            await conn.execute(
                insert(Person)
                .values(email=person.email, name=person.name, is_platform_admin=person.platform_admin)
                .on_conflict_do_nothing()
            )
            person_id = await conn.scalar(select(Person.id).where(Person.email == person.email))
            for org_ods, role, practice_ods in person.memberships:
                org_id = org_ids[org_ods]
                await conn.execute(
                    insert(PersonRegistration).values(org_id=org_id, person_id=person_id).on_conflict_do_nothing()
                )
                practice_id = practice_ids.get(practice_ods) if practice_ods else None
                exists = await conn.scalar(
                    select(Membership.id).where(
                        Membership.org_id == org_id, Membership.person_id == person_id, Membership.role == role
                    )
                )
                if exists is None:
                    await conn.execute(
                        insert(Membership).values(
                            org_id=org_id, person_id=person_id, role=role, practice_id=practice_id,
                            valid_from=MEMBERSHIPS_START,
                        )
                    )
    await engine.dispose()
    _print_summary()


async def _upsert_org(conn, ods: str, name: str, kind: OrganisationKind, area_team_id) -> object:
    await conn.execute(
        insert(Organisation).values(ods_code=ods, name=name, kind=kind, area_team_id=area_team_id).on_conflict_do_nothing()
    )
    return await conn.scalar(select(Organisation.id).where(Organisation.ods_code == ods))


def _print_summary() -> None:
    print("Demo data is loaded.")
    print("Area teams: " + ", ".join(f"{name} ({ods})" for ods, name in AREA_TEAMS))
    print("CCGs (11 practices each): " + ", ".join(f"{name} ({ods})" for ods, name, *_ in CCGS))
    print("Demo people (sign in as them at /sign-in/demo):")
    for person in DEMO_PEOPLE:
        print(f"  {person.email:<45} {person.description}")
