"""Each CCG's committees and their seats, the area teams' joint committees, and the delegations they hold.

The governing body and council of members are made by the database's own trigger when a CCG is
inserted (migration 0003); they are given seeded ids here so that the same seed gives the same data.
"""

from __future__ import annotations

from datetime import date, datetime

import asyncpg

from quorum.committees.tables import MemberCategory, SeatRole
from quorum.delegations.functions import DELEGABLE
from quorum.seed.scale import rows
from quorum.seed.scale.organisations import People
from quorum.seed.scale.pdf import stored_pdf
from quorum.seed.scale.plan import Rng, add_months, london, midnight_utc
from quorum.seed.scale.world import AreaTeamInfo, CcgInfo, CommitteeInfo, SeatHolder, World

QUARTERS = frozenset({3, 6, 9, 12})
EVERY_MONTH_BUT_AUGUST = frozenset(range(1, 13)) - {8}
AUDIT_RULE = {"minimum_voting": 2, "categories": {"LAY_MEMBER": 1}, "each_party": False}
PRIMARY_CARE_RULE = {"minimum_voting": 3, "categories": {"LAY_MEMBER": 1, "EXECUTIVE": 1}, "each_party": False}
JOINT_RULE = {"minimum_voting": 3, "categories": {"LAY_MEMBER": 1, "GP": 1}, "each_party": True}
JOINT_FUNCTIONS = (
    "primary_care.contracts",
    "primary_care.mergers",
    "primary_care.new_practices",
    "primary_care.local_incentive_schemes",
)
# (slot, role on the committee, voting, category): seats that follow a governing body slot's holder
AUDIT_SEATS = (
    (2, SeatRole.CHAIR, True, MemberCategory.LAY_MEMBER),
    (3, SeatRole.VICE_CHAIR, True, MemberCategory.LAY_MEMBER),
    (7, SeatRole.MEMBER, True, MemberCategory.SECONDARY_CARE_DOCTOR),
    (5, SeatRole.IN_ATTENDANCE, False, MemberCategory.EXECUTIVE),
)
PRIMARY_CARE_SEATS = (
    (3, SeatRole.CHAIR, True, MemberCategory.LAY_MEMBER),
    (2, SeatRole.VICE_CHAIR, True, MemberCategory.LAY_MEMBER),
    (4, SeatRole.MEMBER, True, MemberCategory.EXECUTIVE),
    (5, SeatRole.MEMBER, True, MemberCategory.EXECUTIVE),
    (6, SeatRole.MEMBER, True, MemberCategory.NURSE),
    (8, SeatRole.MEMBER, False, MemberCategory.GP),
)


async def standing_committees(world: World, conn: asyncpg.Connection) -> None:
    """Give the trigger's governing bodies and councils of members seeded ids, and note them."""
    by_ccg = {c.id: c for c in world.ccgs}
    updates = []
    for ccg in world.ccgs:
        rng = world.rng("standing committees", ccg.ods_code)
        for kind in ("GOVERNING_BODY", "COUNCIL_OF_MEMBERS"):
            updates.append((ccg.id, kind, rng.new_id()))
    await conn.execute(
        "UPDATE committee c SET id = v.id, created_at = $4 FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS v "
        "(org_id, kind, id)"
        " WHERE c.org_id = v.org_id AND c.kind = v.kind",
        [u[0] for u in updates],
        [u[1] for u in updates],
        [u[2] for u in updates],
        london(world.established, 9),
    )
    for row in await conn.fetch(
        "SELECT org_id, id, kind, name, quorum_rule FROM committee WHERE org_id = ANY ($1::uuid[])", list(by_ccg)
    ):
        ccg = by_ccg[row["org_id"]]
        rng = world.rng("schedule", ccg.ods_code, row["kind"])
        months = EVERY_MONTH_BUT_AUGUST if row["kind"] == "GOVERNING_BODY" else QUARTERS
        ccg.committees[row["kind"]] = CommitteeInfo(
            row["id"],
            ccg.id,
            row["kind"],
            row["name"],
            row["quorum_rule"],
            ccg,
            months,
            weekday=rng.choice((1, 2, 3)),
            week=rng.choice((1, 2, 3)),
            hour=rng.choice((9, 13, 14)),
        )


def build(world: World, people: People) -> None:
    """Seats on the standing committees; audit and primary care committees; joint committees with delegations."""
    for area_team in world.area_teams:
        rng = world.rng("co-commissioning", area_team.ods_code)
        ccgs = list(area_team.ccgs)
        joint = ccgs[: max(1, round(len(ccgs) * 0.5))]
        for ccg in ccgs:
            ccg.co_commissioning = "JOINT" if ccg in joint else ("DELEGATED" if rng.chance(0.7) else None)
        for ccg in ccgs:
            _ccg_committees(world, people, ccg)
        _joint_committee(world, people, area_team, joint)


def _ccg_committees(world: World, people: People, ccg: CcgInfo) -> None:
    rng = world.rng("committees", ccg.ods_code)
    governing_body = ccg.committees["GOVERNING_BODY"]
    for tenure in ccg.tenures:
        _seat(
            people,
            rng,
            governing_body,
            tenure.person_id,
            tenure.slot.role,
            True,
            tenure.slot.category,
            ccg.id,
            tenure.valid_from,
            tenure.valid_to,
        )
    _seat(
        people,
        rng,
        governing_body,
        ccg.secretary_id,
        SeatRole.IN_ATTENDANCE,
        False,
        MemberCategory.OTHER,
        ccg.id,
        world.established,
        None,
    )
    audit = _committee(
        world,
        people,
        rng,
        ccg,
        "AUDIT",
        "Audit committee",
        AUDIT_RULE,
        frozenset({1, 4, 7, 10}),
        "Assures the governing body on governance, risk management and internal control.",
    )
    _slot_seats(people, rng, ccg, audit, AUDIT_SEATS)
    if ccg.co_commissioning == "DELEGATED":
        primary_care = _committee(
            world,
            people,
            rng,
            ccg,
            "PRIMARY_CARE_COMMISSIONING",
            "Primary care commissioning committee",
            PRIMARY_CARE_RULE,
            frozenset({2, 4, 6, 8, 10, 12}),
            "Commissions general practice services under NHS England's delegation.",
            level="DELEGATED",
        )
        _slot_seats(people, rng, ccg, primary_care, PRIMARY_CARE_SEATS)
        _delegations(world, people, rng, ccg.area_team, primary_care, [ccg], tuple(DELEGABLE), revoked=False)


def _committee(
    world: World,
    people: People,
    rng: Rng,
    host: CcgInfo,
    kind: str,
    name: str,
    rule: dict,
    months: frozenset[int],
    terms: str,
    *,
    level: str | None = None,
    joint: bool = False,
) -> CommitteeInfo:
    committee = CommitteeInfo(
        rng.new_id(),
        host.id,
        kind,
        name,
        rule,
        host,
        months,
        weekday=rng.choice((0, 1, 2, 3)),
        week=rng.choice((2, 3, 4)),
        hour=rng.choice((10, 14)),
    )
    people.loader.add(
        rows.Committee(
            org_id=host.id,
            id=committee.id,
            kind=kind,
            name=name,
            terms_summary=terms,
            is_joint=joint,
            co_commissioning_level=level,
            party_officers_may_view=True,
            quorum_rule=rule,
            agenda_template=[],
            created_at=london(world.established, 9),
        )
    )
    host.committees[kind] = committee
    if not joint:
        _seat(
            people,
            rng,
            committee,
            host.secretary_id,
            SeatRole.IN_ATTENDANCE,
            False,
            MemberCategory.OTHER,
            host.id,
            world.established,
            None,
        )
    return committee


def _slot_seats(people: People, rng: Rng, ccg: CcgInfo, committee: CommitteeInfo, seats: tuple) -> None:
    for slot_number, role, voting, category in seats:
        for tenure in (t for t in ccg.tenures if t.slot.number == slot_number):
            _seat(
                people,
                rng,
                committee,
                tenure.person_id,
                role,
                voting,
                category,
                ccg.id,
                tenure.valid_from,
                tenure.valid_to,
            )


def _seat(
    people: People,
    rng: Rng,
    committee: CommitteeInfo,
    person_id,
    role: SeatRole,
    voting: bool,
    category: MemberCategory,
    party_org_id,
    valid_from: date,
    valid_to: date | None,
) -> None:
    people.register(committee.org_id, person_id)  # as the host's secretary does before seating someone
    people.loader.add(
        rows.Seat(
            org_id=committee.org_id,
            id=rng.new_id(),
            committee_id=committee.id,
            person_id=person_id,
            party_org_id=party_org_id,
            role=role.value,
            voting=voting,
            category=category.value,
            valid_from=valid_from,
            valid_to=valid_to,
        )
    )
    committee.seats.append(SeatHolder(person_id, role, voting, category, party_org_id, valid_from, valid_to))


def _joint_committee(world: World, people: People, area_team: AreaTeamInfo, parties: list[CcgInfo]) -> None:
    """The area team's joint committee, hosted by its first party CCG, chaired by the host's lay member."""
    rng = world.rng("joint committee", area_team.ods_code)
    host = parties[0]
    committee = _committee(
        world,
        people,
        rng,
        host,
        "JOINT_COMMITTEE",
        f"{area_team.name.removesuffix(' Area Team')} primary care joint committee",
        JOINT_RULE,
        frozenset({1, 3, 5, 7, 9, 11}),
        "Jointly commissions general practice services with NHS England for the parties' practices.",
        level="JOINT",
        joint=True,
    )
    committee.parties = {area_team.id: area_team.name} | {c.id: c.name for c in parties}
    for party in committee.parties:
        people.loader.add(rows.CommitteeParty(org_id=host.id, committee_id=committee.id, party_org_id=party))
    _slot_seats(people, rng, host, committee, ((3, SeatRole.CHAIR, True, MemberCategory.LAY_MEMBER),))
    _seat(
        people,
        rng,
        committee,
        area_team.officer_id,
        SeatRole.VICE_CHAIR,
        True,
        MemberCategory.NHS_ENGLAND,
        area_team.id,
        world.established,
        None,
    )
    for ccg in parties:
        _slot_seats(
            people,
            rng,
            ccg,
            committee,
            ((8, SeatRole.MEMBER, True, MemberCategory.GP), (4, SeatRole.MEMBER, True, MemberCategory.EXECUTIVE)),
        )
    _seat(
        people,
        rng,
        committee,
        host.secretary_id,
        SeatRole.IN_ATTENDANCE,
        False,
        MemberCategory.OTHER,
        host.id,
        world.established,
        None,
    )
    _delegations(world, people, rng, area_team, committee, parties, JOINT_FUNCTIONS, revoked=rng.chance(0.5))


def live_delegation_start(anchor: date) -> date:
    """The 1 April at least six months before the anchor, when the delegations in force began."""
    year = anchor.year if anchor.month >= 10 else anchor.year - 1
    return date(year, 4, 1) if date(year, 4, 1) <= add_months(anchor, -6) else date(year - 1, 4, 1)


def _delegations(
    world: World,
    people: People,
    rng: Rng,
    area_team: AreaTeamInfo,
    committee: CommitteeInfo,
    scope: list[CcgInfo],
    functions: tuple[str, ...],
    *,
    revoked: bool,
) -> None:
    """An expired delegation, the live one that followed it, and (sometimes) one revoked part way."""
    live_from = live_delegation_start(world.anchor)
    terms = [
        (date(live_from.year - 3, 4, 1), live_from, functions[:2], None),
        (live_from, date(live_from.year + 3, 4, 1), functions, None),
    ]
    if revoked:
        revoked_on = add_months(live_from, rng.randint(1, 5))
        terms.append((live_from, date(live_from.year + 3, 4, 1), ("primary_care.discretionary_payments",), revoked_on))
    officer = area_team.officer_id
    for valid_from, valid_to, granted, revoked_on in terms:
        delegation_id = rng.new_id()
        recorded_at = london(add_months(valid_from, -1), 11)
        agreement = None
        if revoked_on is None:
            agreement = rng.new_id()
            people.loader.add(
                stored_pdf(
                    area_team.id,
                    agreement,
                    f"delegation-agreement-{valid_from.year}.pdf",
                    [
                        [
                            f"Delegation agreement: {area_team.name} and {committee.name}",
                            f"From 1 April {valid_from.year}",
                        ]
                    ],
                    officer,
                    recorded_at,
                )
            )
        row = people.loader.add(
            rows.Delegation(
                org_id=area_team.id,
                id=delegation_id,
                receiving_org_id=committee.org_id,
                receiving_committee_id=committee.id,
                functions=list(granted),
                scope_ccg_ids=[c.id for c in scope],
                valid_from=midnight_utc(valid_from),
                valid_to=midnight_utc(valid_to),
                agreement_file_id=agreement,
                recorded_by=officer,
                recorded_at=recorded_at,
                revoked_at=revoked_on and london(revoked_on, 12),
                revoked_by=revoked_on and officer,
                revocation_reason=revoked_on and "Discretionary payments are taken back by NHS England for review.",
            )
        )
        committee.delegations.append(row)


def delegation_label(delegating_name: str, delegation: tuple) -> str:
    """How the decisions register names a delegation (as quorum.conduct.delegated words it)."""
    functions = "; ".join(DELEGABLE.get(f, f) for f in delegation.functions)
    return (
        f"Under delegation from {delegating_name} "
        f"({delegation.valid_from:%-d %B %Y} to {delegation.valid_to:%-d %B %Y}): {functions}"
    )


def live_at(delegation: tuple, moment: datetime) -> bool:
    if delegation.revoked_at is not None and delegation.revoked_at <= moment:
        return False
    return delegation.valid_from <= moment < delegation.valid_to
