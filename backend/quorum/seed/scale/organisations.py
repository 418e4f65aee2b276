"""Area teams, CCGs and their practices; the people, with their memberships; contracts and voting rules."""

from __future__ import annotations

import math
from datetime import timedelta

from quorum.access import Role
from quorum.seed.scale import names, rows
from quorum.seed.scale.loader import Rows
from quorum.seed.scale.plan import Rng, add_months, london
from quorum.seed.scale.world import (
    GOVERNING_BODY_SLOTS,
    AreaTeamInfo,
    CcgInfo,
    PracticeInfo,
    Tenure,
    World,
)

DEMO_CODES = {"Q46", "Q71", "00T", "01D", "08H", "07T"}  # left to `quorum seed --demo`
DEMO_PREFIXES = {"P82", "P86", "F83", "F84"}
STAFF_TITLES = ("Head of commissioning", "Head of primary care")
LIST_SIZE_MEDIAN, LIST_SIZE_SPREAD, LIST_SIZE_LIMITS = 7_500, 0.5, (1_000, 40_000)


def area_team_codes(world: World) -> list[str]:
    codes = [f"Q{n}" for n in range(30, 100) if f"Q{n}" not in DEMO_CODES]
    world.rng("area team codes").shuffle(codes)
    return codes[: world.scale.area_teams]


def ccg_codes(world: World) -> list[str]:
    codes = [f"{n:02d}{letter}" for n in range(100) for letter in "ABCDEFGHJKLMNPQRSTVWXY"]
    codes = [c for c in codes if c not in DEMO_CODES]
    world.rng("ccg codes").shuffle(codes)
    return codes[: world.scale.ccgs]


def practice_prefixes(world: World) -> list[str]:
    prefixes = [f"{letter}{n}" for letter in "ABCDEFGHJKLMNPY" for n in range(10, 100)]
    prefixes = [p for p in prefixes if p not in DEMO_PREFIXES]
    world.rng("practice prefixes").shuffle(prefixes)
    return prefixes[: world.scale.ccgs]


def split(total: int, parts: int, rng: Rng, smallest: int, spread: float) -> list[int]:
    """`total` in `parts` uneven shares (log-normal weights), none below `smallest`."""
    weights = [rng.lognormvariate(0, spread) for _ in range(parts)]
    spare = total - smallest * parts
    shares = [smallest + spare * w / sum(weights) for w in weights]
    counts = [math.floor(s) for s in shares]
    by_remainder = sorted(range(parts), key=lambda i: shares[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def person_name(rng: Rng, doctor: bool = False) -> str:
    name = f"{rng.choice(names.FIRST_NAMES)} {rng.choice(names.SURNAMES)}"
    return f"Dr {name}" if doctor else name


class People:
    """Adds people, their registrations and memberships, once each."""

    def __init__(self, world: World, loader: Rows):
        self.world, self.loader = world, loader
        self.registered: set[tuple] = set()

    def add(self, rng: Rng, local: str, name: str, *, platform_admin: bool = False):
        person = self.loader.add(
            rows.Person(
                id=rng.new_id(),
                email=self.world.email(local),
                name=name,
                is_platform_admin=platform_admin,
            )
        )
        self.world.names[person.id] = name
        return person.id

    def register(self, org_id, person_id) -> None:
        if (org_id, person_id) not in self.registered:
            self.registered.add((org_id, person_id))
            self.loader.add(rows.PersonRegistration(org_id=org_id, person_id=person_id))

    def membership(self, rng: Rng, org_id, person_id, role: Role, valid_from, valid_to=None, practice_id=None) -> None:
        self.register(org_id, person_id)
        self.loader.add(
            rows.Membership(
                org_id=org_id,
                id=rng.new_id(),
                person_id=person_id,
                role=role.value,
                practice_id=practice_id,
                valid_from=valid_from,
                valid_to=valid_to,
            )
        )


def build(world: World, loader: Rows) -> People:
    """Every organisation, practice and person, with memberships, contracts and voting rules."""
    rng = world.rng("organisations")
    people = People(world, loader)
    world.platform_admin_id = people.add(rng, "admin", "Platform administrator", platform_admin=True)
    established_at = london(world.established, 9)
    places = _places(world)
    ccg_code, prefix = iter(ccg_codes(world)), iter(practice_prefixes(world))
    per_area = split(world.scale.ccgs, world.scale.area_teams, rng, 1 if world.scale.ccgs < 20 else 3, 0.35)
    per_ccg = iter(split(world.scale.practices, world.scale.ccgs, rng, 8, 0.45))
    area_names = names.AREA_TEAMS[: world.scale.area_teams]
    for code, area_name, count in zip(area_team_codes(world), area_names, per_area):
        area_team_id = rng.new_id()
        loader.add(
            rows.Organisation(
                id=area_team_id,
                kind="AREA_TEAM",
                ods_code=code,
                name=f"{area_name} Area Team",
                created_at=established_at,
            )
        )
        officer = people.add(rng, f"officer.{code.lower()}", person_name(rng))
        people.membership(rng, area_team_id, officer, Role.AREA_TEAM_OFFICER, world.established)
        area_team = AreaTeamInfo(area_team_id, code, f"{area_name} Area Team", officer)
        world.area_teams.append(area_team)
        for _ in range(count):
            place = next(places)
            ccg = _ccg(world, people, area_team, next(ccg_code), place, next(prefix), next(per_ccg))
            area_team.ccgs.append(ccg)
    return people


def _places(world: World):
    """The CCGs' places: the list's order (roughly north to south), a seeded few left out."""
    rng = world.rng("places")
    left_out = set(rng.sample(range(len(names.PLACES)), len(names.PLACES) - world.scale.ccgs))
    return iter(p for i, p in enumerate(names.PLACES) if i not in left_out)


def _ccg(
    world: World, people: People, area_team: AreaTeamInfo, code: str, place: str, prefix: str, practice_count: int
) -> CcgInfo:
    rng = world.rng("ccg", code)
    loader = people.loader
    ccg_id = rng.new_id()
    name = f"NHS {place} CCG"
    loader.add(
        rows.Organisation(
            id=ccg_id,
            kind="CCG",
            ods_code=code,
            name=name,
            area_team_id=area_team.id,
            created_at=london(world.established, 9),
        )
    )
    short = place.split(",")[0].split(" and ")[0].removeprefix("NHS ")
    localities = [f"{short} {word}" for word in rng.sample(names.COMPASS, rng.randint(2, 4))]
    secretary = people.add(rng, f"secretary.{code.lower()}", person_name(rng))
    ccg = CcgInfo(ccg_id, code, name, place, area_team, prefix, localities, secretary)
    for role in (Role.BOARD_SECRETARY, Role.ADMINISTRATOR):
        people.membership(rng, ccg_id, secretary, role, world.established)
    for number, _title in enumerate(STAFF_TITLES, start=1):
        staff = people.add(rng, f"staff{number}.{code.lower()}", person_name(rng))
        people.membership(rng, ccg_id, staff, Role.STAFF, world.established)
        ccg.staff_ids.append(staff)
    _practices(world, people, ccg, rng, practice_count)
    _governing_body(world, people, ccg, rng)
    ccg.voting_rules = loader.add(_voting_rules(rng, ccg, secretary, world))
    return ccg


def _practices(world: World, people: People, ccg: CcgInfo, rng: Rng, count: int) -> None:
    low, high = LIST_SIZE_LIMITS
    used_names: set[str] = set()
    for number in range(1, count + 1):
        ods = f"{ccg.practice_prefix}{number:03d}"
        name = _practice_name(rng, used_names)
        list_size = min(high, max(low, int(rng.lognormvariate(math.log(LIST_SIZE_MEDIAN), LIST_SIZE_SPREAD))))
        practice_id = rng.new_id()
        locality = rng.choice(ccg.localities)
        people.loader.add(
            rows.Practice(
                org_id=ccg.id, id=practice_id, ods_code=ods, name=name, list_size=list_size, locality=locality
            )
        )
        rep = people.add(rng, f"rep.{ods.lower()}", person_name(rng, doctor=rng.chance(0.7)))
        people.membership(rng, ccg.id, rep, Role.PRACTICE_REPRESENTATIVE, world.established, practice_id=practice_id)
        ccg.practices.append(PracticeInfo(practice_id, ods, name, list_size, locality, rep))
        people.loader.add(
            rows.PrimaryCareContract(
                org_id=ccg.area_team.id,
                id=rng.new_id(),
                practice_org_id=ccg.id,
                practice_id=practice_id,
                contract_type=rng.choices(("GMS", "PMS", "APMS"), (6, 3, 1))[0],
                start_date=world.established.replace(year=rng.randint(1990, 2012), month=4, day=1),
                enhanced_services=sorted(rng.sample(ENHANCED_SERVICES, rng.randint(0, 3))),
                notes="",
                updated_at=london(world.established, 9),
            )
        )


ENHANCED_SERVICES = (
    "Extended hours access",
    "Learning disabilities health checks",
    "Minor surgery",
    "Childhood immunisations",
    "Violent patients scheme",
    "Dementia diagnosis",
)


def _practice_name(rng: Rng, used: set[str]) -> str:
    for _ in range(20):
        name = f"{rng.choice(names.PRACTICE_WORDS)} {rng.choice(names.PRACTICE_KINDS)}"
        if name not in used:
            break
    used.add(name)
    return name


def _governing_body(world: World, people: People, ccg: CcgInfo, rng: Rng) -> None:
    """The governing body's slots and their holders: most serve throughout, some are replaced once."""
    replaced_share = 0.25 if world.scale.history_months >= 36 else 0.15
    number = 0
    for slot in GOVERNING_BODY_SLOTS:
        start, end = world.established, None
        terms = []
        if rng.chance(replaced_share):
            change = add_months(world.history_start, rng.randint(3, world.scale.history_months - 2))
            terms = [(start, change - timedelta(days=1)), (change, None)]
        else:
            terms = [(start, end)]
        for valid_from, valid_to in terms:
            number += 1
            person = people.add(rng, f"member{number}.{ccg.ods_code.lower()}", person_name(rng, doctor=slot.is_gp))
            people.membership(rng, ccg.id, person, Role.GOVERNING_BODY_MEMBER, valid_from, valid_to)
            ccg.tenures.append(Tenure(person, slot, valid_from, valid_to))
            if slot.is_gp:
                ccg.home_practice[person] = rng.choice(ccg.practices)


def _voting_rules(rng: Rng, ccg: CcgInfo, secretary, world: World) -> tuple:
    from decimal import Decimal

    majority = rng.choices(("SIMPLE", "TWO_THIRDS", "STATED_SHARE"), (6, 3, 1))[0]
    return rows.BallotSettings(
        org_id=ccg.id,
        weighting=rng.choice(("EQUAL", "LIST_SIZE")),
        turnout_basis=rng.choice(("PRACTICES", "LIST_SIZE")),
        turnout_threshold=Decimal(rng.choice((25, 30, 40, 50))),
        majority=majority,
        majority_share=Decimal(60) if majority == "STATED_SHARE" else None,
        votes_may_change=rng.chance(0.4),
        updated_by=secretary,
        updated_at=london(world.established, 10),
    )
