"""The demo's meetings, laid out by the national-scale generator (quorum.seed.scale) for the demo's own committees.

Bolton's governing body: four meetings held (the last with its minutes still waiting for approval), one ten days
from today with its papers approved (its packs are built by the pack builder once the seed has committed: see
build_packs), and one five weeks after that with its agenda published and papers still being written. Bolton's
joint committee with Greater Manchester: a meeting held under its delegation and one coming. Islington's governing
body: a smaller year, two meetings held and one coming. Dates are relative to the day the seed runs; a second run
finds the meetings there and adds nothing.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import SQLModel

from quorum.access import Role
from quorum.auth.demo_people import DEMO_DOMAIN
from quorum.auth.identity import Identity, transaction_for
from quorum.committees.tables import Committee, CommitteeKind, CommitteeParty, MemberCategory, Office, Seat, SeatRole
from quorum.delegations.tables import Delegation
from quorum.interests.tables import GiftKind, GiftOrHospitality, Interest, InterestCategory
from quorum.meetings.tables import Meeting, Part
from quorum.organisations.tables import Organisation, Practice
from quorum.packs import builder
from quorum.packs import service as packs
from quorum.people.tables import Membership, Person, PersonRegistration
from quorum.seed.scale import agenda, rows
from quorum.seed.scale.agenda import EVERY_MEETING, INCENTIVE_SCHEME, ROTATING, in_agenda_order
from quorum.seed.scale.conduct import Conduct
from quorum.seed.scale.loader import Rows
from quorum.seed.scale.meetings import CommitteeMeetings
from quorum.seed.scale.organisations import person_name
from quorum.seed.scale.plan import Scale
from quorum.seed.scale.world import (
    GOVERNING_BODY_SLOTS,
    AreaTeamInfo,
    CcgInfo,
    CommitteeInfo,
    PracticeInfo,
    SeatHolder,
    Tenure,
    World,
)

DEMO_SCALE = Scale("demo", area_teams=2, ccgs=4, practices=44, history_months=4, domain=DEMO_DOMAIN)
SEED = 18
STARTED = date(2025, 4, 1)

# Bolton's governing body slots as the generator numbers them (1 clinical chair ... 7 secondary care doctor).
BOLTON_SLOTS = {
    1: "rajesh.mistry",
    2: "margaret.lowe",
    3: "yvonne.hall",
    4: "stephen.riley",
    5: "tom.ashworth",
    6: "anne.kershaw",
    7: "michael.byrne",
}
# Islington's governing body beyond Dr Adeyemi (its chair), named by the generator: slot, office, seat role.
ISLINGTON_MEMBERS = [
    (2, Office.LAY_MEMBER_GOVERNANCE, SeatRole.VICE_CHAIR),
    (3, Office.LAY_MEMBER_PATIENT_INVOLVEMENT, SeatRole.MEMBER),
    (4, Office.ACCOUNTABLE_OFFICER, SeatRole.MEMBER),
    (5, Office.CHIEF_FINANCE_OFFICER, SeatRole.MEMBER),
    (6, Office.REGISTERED_NURSE, SeatRole.MEMBER),
    (7, Office.SECONDARY_CARE_SPECIALIST, SeatRole.MEMBER),
]
ISLINGTON_RULE = {
    "minimum_voting": 4,
    "categories": {"GP": 1, "LAY_MEMBER": 1},
    "each_party": False,
    "chair_or_vice_chair": True,
}

# Days from today of each committee's meetings, and what stage each is at.
HELD, COMING, ARRANGING = "HELD", "COMING", "ARRANGING"
BOLTON_SCHEDULE = [(-140, HELD), (-105, HELD), (-70, HELD), (-35, HELD), (10, COMING), (45, ARRANGING)]
JOINT_SCHEDULE = [(-49, HELD), (24, ARRANGING)]
ISLINGTON_SCHEDULE = [(-63, HELD), (-28, HELD), (17, ARRANGING)]
ISLINGTON_JOINT_SCHEDULE = [(-42, HELD), (31, ARRANGING)]
ISLINGTON_JOINT_COMMITTEE = "Islington primary care joint committee"

# The month's business, chosen rather than drawn so that every run shows the same kinds of thing.
_GB = {b.title: b for b in ROTATING["GOVERNING_BODY"]}
BUSINESS = {
    ("GOVERNING_BODY", -35): [
        *EVERY_MEETING["GOVERNING_BODY"],
        _GB["{topic} strategy"],
        _GB["Winter plan"],
        INCENTIVE_SCHEME,
        _GB["Contract negotiations with {trust}"],
    ],
    ("GOVERNING_BODY", 10): [
        *EVERY_MEETING["GOVERNING_BODY"],
        _GB["Board Assurance Framework and corporate risk register"],
        _GB["Review of {service}"],
        _GB["Mental health investment standard"],
        _GB["Policies for ratification"],
        _GB["Individual funding request appeal"],
        _GB["Procurement of {service}"],
    ],
    ("GOVERNING_BODY", 45): [
        *EVERY_MEETING["GOVERNING_BODY"],
        _GB["Conflicts of interest: annual audit"],
        _GB["Commissioning intentions {year}"],
        _GB["Legal claim: update"],
    ],
}
# Papers for the meeting five weeks off still to be written, and by whom (the administrator writes the audit).
STILL_TO_WRITE = {"Conflicts of interest: annual audit": "priya.shah"}
FINANCE_TABLE = """## Position at month {month}

| Area | Budget (£000) | Actual (£000) | Variance (£000) |
|---|---:|---:|---:|
| Acute services | 212,400 | 214,950 | 2,550 |
| Mental health | 41,300 | 40,870 | -430 |
| Community services | 36,800 | 36,720 | -80 |
| Primary care prescribing | 48,900 | 49,610 | 710 |
| Running costs | 7,200 | 6,940 | -260 |

The overspend on acute services follows the rise in non-elective admissions since October.
"""


async def seed_meetings(conn, org_ids: dict, practice_ids: dict) -> uuid.UUID | None:
    """Returns the id of Bolton's governing body's coming meeting, whose packs build_packs builds, when it has
    just been added (None when the meetings were there already)."""
    bolton, islington = org_ids["00T"], org_ids["08H"]
    governing_bodies = dict(
        (
            await conn.execute(
                select(Committee.org_id, Committee.id).where(Committee.kind == CommitteeKind.GOVERNING_BODY)
            )
        ).all()
    )
    if await conn.scalar(
        select(Meeting.id)
        .where(Meeting.committee_id == governing_bodies[bolton])
        .where(Meeting.status == "MINUTES_APPROVED")
    ):
        return None  # seeded already
    today = date.today()
    world = World(DEMO_SCALE, SEED, today)
    await _islington_governing_body(conn, world, islington, governing_bodies[islington])
    await _islington_joint_committee(conn, islington, org_ids["Q71"])
    await _registered_interests(conn, bolton, practice_ids)
    world.names = dict((await conn.execute(select(Person.id, Person.name))).all())
    people = {
        email.split("@")[0]: pid
        for email, pid in (await conn.execute(select(Person.email, Person.id))).all()
        if email.endswith(DEMO_DOMAIN)
    }
    found = Rows()
    coming = None
    bolton_ccg = await _ccg(conn, world, bolton, org_ids["Q46"], people, BOLTON_SLOTS)
    bolton_ccg.staff_ids = [people["stephen.riley"], people["tom.ashworth"]]
    bolton_ccg.secretary_id = people["helen.hargreaves"]
    islington_slots = {1: "grace.adeyemi"} | {slot: f"islington.member{slot}" for slot, _, _ in ISLINGTON_MEMBERS}
    islington_ccg = await _ccg(conn, world, islington, org_ids["Q71"], people, islington_slots)
    islington_ccg.staff_ids = [people[islington_slots[4]], people[islington_slots[5]]]
    islington_ccg.secretary_id = people["daniel.cohen"]
    for ccg, schedule, kinds in (
        (bolton_ccg, BOLTON_SCHEDULE, [CommitteeKind.GOVERNING_BODY]),
        (bolton_ccg, JOINT_SCHEDULE, [CommitteeKind.JOINT_COMMITTEE]),
        (islington_ccg, ISLINGTON_SCHEDULE, [CommitteeKind.GOVERNING_BODY]),
        (islington_ccg, ISLINGTON_JOINT_SCHEDULE, [CommitteeKind.JOINT_COMMITTEE]),
    ):
        for kind in kinds:
            committee = await _committee(conn, ccg, kind)
            meetings = DemoMeetings(world, found, committee, schedule, people)
            meetings.build()
            coming = coming or meetings.coming
    await conn.execute(text("ALTER TABLE vote_cast DISABLE TRIGGER vote_cast_vote_open"))  # votes arrive closed
    for table in rows.LOAD_ORDER:
        batch = found.by_table.get(table)
        if batch:
            await conn.execute(insert(SQLModel.metadata.tables[table]), [row._asdict() for row in batch])
    await conn.execute(text("ALTER TABLE vote_cast ENABLE TRIGGER vote_cast_vote_open"))
    return coming


class DemoMeetings(CommitteeMeetings):
    """One committee's demo meetings on the days given, with the business chosen for the notable ones."""

    def __init__(self, world: World, loader: Rows, committee: CommitteeInfo, schedule: list, people: dict):
        super().__init__(world, loader, committee)
        self.conduct = DemoConduct(world, loader, committee, self.rng)
        self.schedule, self.people = schedule, people
        self.coming: uuid.UUID | None = None

    def build(self) -> None:
        committee, today = self.committee, self.world.anchor
        planned_meetings = []
        for offset, stage in self.schedule:
            day = _weekday(today + timedelta(days=offset))
            status = {HELD: "HELD", COMING: "AGENDA_PUBLISHED", ARRANGING: "AGENDA_PUBLISHED"}[stage]
            meeting = self._meeting(day, status)
            functions = {f for d in committee.delegations for f in d.functions}
            business = BUSINESS.get((committee.kind, offset)) or agenda.business_for(
                committee, day, self.rng, functions
            )
            planned = agenda.lay_out(committee, meeting.id, day, business, self.rng, self._presenter, self.practices)
            # COMING: every paper approved, ready for the pack; ARRANGING: papers in every state.
            self._papers(meeting, planned, {HELD: "HELD", COMING: "PAPERS_PUBLISHED"}.get(stage, status), day)
            if stage == COMING:
                self._ready_for_the_pack(meeting)
                self.coming = meeting.id
            if stage == ARRANGING:
                self._still_being_written(meeting)
            if stage == HELD:
                self.conduct.vote_next = offset == max(o for o, s in self.schedule if s == HELD)
                self.conduct.hold(meeting, planned, self._attendees(planned, day))
            planned_meetings.append((meeting, planned))
        self.conduct.emit()
        approved = {held.row.id for held in self.conduct.held if held.approved}
        for meeting, planned in planned_meetings:
            self.loader.add(meeting._replace(status="MINUTES_APPROVED" if meeting.id in approved else meeting.status))
            for item in in_agenda_order(planned):
                self.loader.add(item.row)

    def _packs(self, meeting, planned, in_pack, day) -> None:
        """Held meetings' packs as the generator makes them; the coming one's are built for real (build_packs)."""
        if meeting.status == "HELD":
            super()._packs(meeting, planned, in_pack, day)

    def _papers_of(self, meeting) -> list[tuple]:
        return [p for p in self.loader.by_table["paper"] if p.meeting_id == meeting.id]

    def _ready_for_the_pack(self, meeting) -> None:
        """Approved, not yet published: building and publishing the packs includes them. The finance report's body
        has a table; the quality report has an appendix."""
        papers = self._papers_of(meeting)
        ids = {p.id for p in papers}
        _replace_where(self.loader, "paper", lambda p: p.id in ids, status="APPROVED")
        _replace_where(self.loader, "paper_version", lambda v: v.paper_id in ids, published_at=None)
        for paper in papers:
            versions = [v for v in self.loader.by_table["paper_version"] if v.paper_id == paper.id]
            if paper.title.startswith("Finance report"):
                latest = versions[-1]
                body = FINANCE_TABLE.format(month=paper.title.rsplit(" ", 1)[-1]) + "\n" + latest.body_markdown
                _replace_where(self.loader, "paper_version", lambda v, i=latest.id: v.id == i, body_markdown=body)
            if paper.title == "Quality and performance report" and not any(
                a.version_id in {v.id for v in versions} for a in self.loader.by_table["appendix"]
            ):
                self._appendix(paper, versions)

    def _still_being_written(self, meeting) -> None:
        """Papers for a meeting five weeks off: the chief finance officer's still to write (requested of him), and
        the conflicts of interest audit, requested of the administrator."""
        tom = self.people.get("tom.ashworth")
        for paper in self._papers_of(meeting):
            if paper.title in STILL_TO_WRITE:
                author = self.people[STILL_TO_WRITE[paper.title]]
                _replace_where(self.loader, "paper", lambda p, i=paper.id: p.id == i, author_id=author)
        mine = {p.id for p in self._papers_of(meeting) if p.author_id == tom or p.title in STILL_TO_WRITE}
        if not mine:
            return
        _replace_where(self.loader, "paper", lambda p: p.id in mine, status="DRAFT")
        _replace_where(
            self.loader,
            "paper_version",
            lambda v: v.paper_id in mine,
            approved_at=None,
            approved_by=None,
            published_at=None,
            executive_summary="",
            recommendation="",
            strategic_objectives="",
            assurance_risks="",
            conflicts_noted="",
            impacts={},
            public_involvement="",
            body_markdown="",
        )
        versions = {v.id for v in self.loader.by_table["paper_version"] if v.paper_id in mine}
        self.loader.by_table["appendix"] = [a for a in self.loader.by_table["appendix"] if a.version_id not in versions]
        first = {}
        for v in self.loader.by_table["paper_version"]:
            if v.paper_id in mine:
                first.setdefault(v.paper_id, v.id)
        self.loader.by_table["paper_version"] = [
            v for v in self.loader.by_table["paper_version"] if v.paper_id not in mine or v.id == first[v.paper_id]
        ]


class DemoConduct(Conduct):
    """The generator's conduct, but the last meeting held takes its first decision with a vote if quorate."""

    vote_next = False

    def _decide(self, held, item, quorum, moment) -> None:
        if self.vote_next and quorum.met:
            self.vote_next = False
            self._vote(held, item, quorum, moment, self._delegation(item.function, moment))
            return
        super()._decide(held, item, quorum, moment)


def _replace_where(loader: Rows, table: str, which, **changes) -> None:
    loader.by_table[table] = [r._replace(**changes) if which(r) else r for r in loader.by_table[table]]


def _weekday(day: date) -> date:
    """Meetings are on weekdays: a Saturday or Sunday moves to the Monday after."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


async def _ccg(conn, world: World, org_id, area_team_id, people: dict, slots: dict[int, str]) -> CcgInfo:
    org = (await conn.execute(select(Organisation).where(Organisation.id == org_id))).one()
    area = (await conn.execute(select(Organisation).where(Organisation.id == area_team_id))).one()
    officer = "janet.whitworth" if area.ods_code == "Q46" else "oliver.grant"
    area_team = AreaTeamInfo(area.id, area.ods_code, area.name, people[officer])
    practices = (
        await conn.execute(select(Practice).where(Practice.org_id == org_id).order_by(Practice.ods_code))
    ).all()
    reps = dict(
        (
            await conn.execute(
                select(Membership.practice_id, Membership.person_id).where(
                    Membership.org_id == org_id, Membership.role == Role.PRACTICE_REPRESENTATIVE
                )
            )
        ).all()
    )
    ccg = CcgInfo(
        id=org.id,
        ods_code=org.ods_code,
        name=org.name,
        place=org.name.removeprefix("NHS ").removesuffix(" CCG"),
        area_team=area_team,
        practice_prefix=practices[0].ods_code[:3],
        localities=sorted({p.locality for p in practices}),
        secretary_id=people["helen.hargreaves"],
        practices=[PracticeInfo(p.id, p.ods_code, p.name, p.list_size, p.locality, reps.get(p.id)) for p in practices],
    )
    area_team.ccgs.append(ccg)
    ccg.tenures = [Tenure(people[local], GOVERNING_BODY_SLOTS[n - 1], STARTED, None) for n, local in slots.items()]
    interests = (await conn.execute(select(Interest).where(Interest.org_id == org_id))).all()
    for interest in interests:
        ccg.interests.setdefault(interest.person_id, []).append(interest)
    return ccg


async def _committee(conn, ccg: CcgInfo, kind: CommitteeKind) -> CommitteeInfo:
    row = (await conn.execute(select(Committee).where(Committee.org_id == ccg.id, Committee.kind == kind))).one()
    seats = (await conn.execute(select(Seat).where(Seat.committee_id == row.id))).all()
    parties = (
        await conn.execute(
            select(CommitteeParty.party_org_id, Organisation.name)
            .join(Organisation, Organisation.id == CommitteeParty.party_org_id)
            .where(CommitteeParty.committee_id == row.id)
        )
    ).all()
    delegations = (await conn.execute(select(Delegation).where(Delegation.receiving_committee_id == row.id))).all()
    return CommitteeInfo(
        id=row.id,
        org_id=row.org_id,
        kind=kind.value,
        name=row.name,
        quorum_rule=row.quorum_rule,
        host=ccg,
        months=frozenset(range(1, 13)),
        weekday=1,
        week=2,
        hour=14 if kind == CommitteeKind.GOVERNING_BODY else 10,
        seats=[
            SeatHolder(s.person_id, s.role, s.voting, s.category, s.party_org_id, s.valid_from, s.valid_to, s.office)
            for s in seats
        ],
        parties=dict(parties),
        delegations=list(delegations),
    )


async def _islington_governing_body(conn, world: World, islington, governing_body) -> None:
    """Islington's governing body filled beyond its chair, with people the generator names."""
    rng = world.rng("people", "08H")
    for slot, office, role in ISLINGTON_MEMBERS:
        spec = GOVERNING_BODY_SLOTS[slot - 1]
        name = person_name(rng, doctor=spec.category == MemberCategory.SECONDARY_CARE_DOCTOR)
        email = f"islington.member{slot}@{DEMO_DOMAIN}"
        await conn.execute(insert(Person).values(email=email, name=name).on_conflict_do_nothing())
        person = await conn.scalar(select(Person.id).where(Person.email == email))
        await conn.execute(
            insert(PersonRegistration).values(org_id=islington, person_id=person).on_conflict_do_nothing()
        )
        if (
            await conn.scalar(
                select(Membership.id).where(Membership.org_id == islington, Membership.person_id == person)
            )
            is None
        ):
            await conn.execute(
                insert(Membership).values(
                    org_id=islington, person_id=person, role=Role.GOVERNING_BODY_MEMBER, valid_from=STARTED
                )
            )
        if (
            await conn.scalar(select(Seat.id).where(Seat.committee_id == governing_body, Seat.person_id == person))
            is None
        ):
            await conn.execute(
                insert(Seat).values(
                    org_id=islington,
                    committee_id=governing_body,
                    person_id=person,
                    party_org_id=islington,
                    role=role,
                    voting=True,
                    category=spec.category,
                    office=office,
                    valid_from=STARTED,
                )
            )
    await conn.execute(
        Committee.__table__.update().where(Committee.id == governing_body).values(quorum_rule=ISLINGTON_RULE)
    )


async def _islington_joint_committee(conn, islington, area_team) -> None:
    """Islington's primary care joint committee with the London Area Team, holding NHS England's delegation."""
    from quorum.seed.demo import demo_pdf, stored_file_for  # the demo's own helpers; imported late (demo imports us)

    people = {
        email.split("@")[0]: pid
        for email, pid in (await conn.execute(select(Person.email, Person.id))).all()
        if email.endswith(DEMO_DOMAIN)
    }
    committee = await conn.scalar(
        insert(Committee)
        .values(
            org_id=islington,
            kind=CommitteeKind.JOINT_COMMITTEE,
            name=ISLINGTON_JOINT_COMMITTEE,
            is_joint=True,
            co_commissioning_level="JOINT",
            terms_summary="Jointly commissions general practice services for Islington's practices with NHS England.",
            quorum_rule={"minimum_voting": 3, "categories": {"LAY_MEMBER": 1, "GP": 1}, "each_party": True},
        )
        .returning(Committee.id)
    )
    for party in (islington, area_team):
        await conn.execute(insert(CommitteeParty).values(org_id=islington, committee_id=committee, party_org_id=party))
    seats = [
        ("grace.adeyemi", SeatRole.CHAIR, MemberCategory.GP, islington, None),
        ("islington.member2", SeatRole.MEMBER, MemberCategory.LAY_MEMBER, islington, Office.LAY_MEMBER_GOVERNANCE),
        ("islington.member5", SeatRole.MEMBER, MemberCategory.EXECUTIVE, islington, Office.CHIEF_FINANCE_OFFICER),
        ("oliver.grant", SeatRole.VICE_CHAIR, MemberCategory.NHS_ENGLAND, area_team, Office.AREA_TEAM_DIRECTOR),
    ]
    for local, role, category, party, office in seats:
        await conn.execute(
            insert(PersonRegistration).values(org_id=islington, person_id=people[local]).on_conflict_do_nothing()
        )
        await conn.execute(
            insert(Seat).values(
                org_id=islington,
                committee_id=committee,
                person_id=people[local],
                party_org_id=party,
                role=role,
                voting=True,
                category=category,
                office=office,
                valid_from=STARTED,
            )
        )
    agreement = await stored_file_for(
        conn,
        area_team,
        "islington-joint-committee-agreement.pdf",
        demo_pdf("Delegation agreement: London Area Team and Islington CCG"),
    )
    await conn.execute(
        insert(Delegation).values(
            org_id=area_team,
            receiving_org_id=islington,
            receiving_committee_id=committee,
            functions=["primary_care.contracts", "primary_care.mergers"],
            scope_ccg_ids=[islington],
            valid_from=datetime(2025, 4, 1, tzinfo=UTC),
            valid_to=datetime(2028, 4, 1, tzinfo=UTC),
            agreement_file_id=agreement,
            recorded_by=people["oliver.grant"],
        )
    )


async def _registered_interests(conn, bolton, practice_ids: dict) -> None:
    """Interests the governing body's members have registered, which its agenda items concern."""
    today = date.today()
    # (who, category, description, practices it concerns, became aware on, declared on); Dr Byrne's was late
    entries = [
        (
            "yvonne.hall",
            InterestCategory.NON_FINANCIAL_PERSONAL,
            "Member of the patient participation group at a Bolton practice",
            ["P82005"],
            STARTED,
            STARTED + timedelta(days=10),
        ),
        (
            "anne.kershaw",
            InterestCategory.INDIRECT,
            "Spouse is a practice nurse at a Bolton practice",
            ["P82003"],
            STARTED,
            STARTED + timedelta(days=10),
        ),
        (
            "michael.byrne",
            InterestCategory.FINANCIAL,
            "Private outpatient sessions at the Beaumont Hospital, Bolton",
            [],
            today - timedelta(days=120),
            today - timedelta(days=60),
        ),
        (
            "margaret.lowe",
            InterestCategory.NON_FINANCIAL_PERSONAL,
            "Trustee of Bolton Community and Voluntary Services",
            [],
            STARTED,
            STARTED + timedelta(days=5),
        ),
        (
            "stephen.riley",
            InterestCategory.NON_FINANCIAL_PROFESSIONAL,
            "Non-executive director of a Bolton housing association",
            [],
            STARTED,
            STARTED + timedelta(days=14),
        ),
    ]
    helen = await conn.scalar(select(Person.id).where(Person.email == f"helen.hargreaves@{DEMO_DOMAIN}"))
    for local, category, description, practices, aware, declared in entries:
        person = await conn.scalar(select(Person.id).where(Person.email == f"{local}@{DEMO_DOMAIN}"))
        if await conn.scalar(
            select(Interest.id).where(
                Interest.org_id == bolton, Interest.person_id == person, Interest.description == description
            )
        ):
            continue
        await conn.execute(
            insert(Interest).values(
                org_id=bolton,
                person_id=person,
                category=category,
                description=description,
                concerns_practice_ids=[practice_ids[p] for p in practices],
                valid_from=aware,
                became_aware_on=aware,
                declared_on=declared,
                recorded_by=helen,
            )
        )
    # Gifts and hospitality: one waiting for the designated approver (Priya Shah), one declined.
    gifts = [
        (
            "tom.ashworth",
            GiftKind.HOSPITALITY,
            "Two tickets to a Bolton Wanderers home match",
            "Northern Care Ltd",
            True,
            12000,
            6,
            True,
        ),
        (
            "margaret.lowe",
            GiftKind.GIFT,
            "A hamper at the end of a patient panel's year",
            "Bolton patient panel",
            False,
            4500,
            30,
            False,
        ),
    ]
    for local, kind, description, offered_by, supplier, pence, days_ago, accepted in gifts:
        if await conn.scalar(
            select(GiftOrHospitality.id).where(
                GiftOrHospitality.org_id == bolton, GiftOrHospitality.description == description
            )
        ):
            continue
        await conn.execute(
            insert(GiftOrHospitality).values(
                org_id=bolton,
                person_id=await conn.scalar(select(Person.id).where(Person.email == f"{local}@{DEMO_DOMAIN}")),
                kind=kind,
                description=description,
                offered_by=offered_by,
                from_supplier=supplier,
                value_pence=pence,
                offered_on=today - timedelta(days=days_ago),
                accepted=accepted,
                recorded_by=helen,
            )
        )


async def build_packs(secretary: uuid.UUID, meeting_id: uuid.UUID | None) -> None:
    """The coming meeting's Part I and Part II packs built by the pack builder, as the worker runs it, and
    published, as the board secretary would."""
    if meeting_id is None:
        return
    identity = Identity.of_person(secretary)
    async with transaction_for(identity) as (db, access):
        builds = [await packs.start_build(db, access, meeting_id, part, supplement=False) for part in Part]
    for build in builds:  # as the worker would run them; the queued jobs find them done and leave them
        await builder.run(build.id, identity, builder.GATHERS["meeting"])
    async with transaction_for(identity) as (db, access):
        for build in builds:
            await packs.publish(db, access, build.id)
