"""`quorum seed --demo`: two area teams, four CCGs with their practices, and the demo people.

Runs as the database owner (an operator's command, not an API write) and is
idempotent: every row is matched on its natural key (ODS code, email, role).
"""

from __future__ import annotations

import hashlib
import io
import random
from datetime import UTC, date, datetime, timedelta

import pikepdf
from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import create_async_engine

from quorum import clock
from quorum.access import Role
from quorum.auth.demo_people import DEMO_DOMAIN, DEMO_PEOPLE
from quorum.committees.tables import Committee, CommitteeKind, CommitteeParty, MemberCategory, Office, Seat, SeatRole
from quorum.conduct.tables import (
    Attendance,
    AttendanceStatus,
    Decision,
    Declaration,
    Management,
    MeetingProgress,
    Route,
)
from quorum.contracts.tables import ContractType, PrimaryCareContract
from quorum.database import app_engine, owner_url, worker_engine
from quorum.delegations.tables import Delegation
from quorum.files.inspection import PDF, WORD, clean_filename, inspect
from quorum.files.tables import StoredFile
from quorum.interests.tables import (
    GiftApprover,
    GiftChange,
    GiftKind,
    GiftOrHospitality,
    GiftOrHospitalityUpdate,
    Interest,
    InterestCategory,
    InterestReview,
    InterestStatus,
)
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus, Part, Purpose
from quorum.notifications.schedule import record_the_days_reminders
from quorum.organisations.tables import Organisation, OrganisationKind, Practice
from quorum.people.tables import Membership, Person, PersonRegistration
from quorum.seed.demo_ballots import open_ballots, seed_representatives
from quorum.seed.demo_concerns import seed_concerns
from quorum.seed.demo_indicators import seed_indicators
from quorum.seed.demo_meetings import build_packs, seed_meetings
from quorum.seed.demo_survey_builder import seed_survey_builder
from quorum.seed.demo_surveys import seed_one_practice_draft, seed_surveys
from quorum.seed.demo_word import seed_word_paper
from quorum.seed.scale.pdf import pdf

AREA_TEAMS = [("Q46", "Greater Manchester Area Team"), ("Q71", "London Area Team")]

# ODS code, name, area team, practice ODS prefix, localities
CCGS = [
    ("00T", "NHS Bolton CCG", "Q46", "P82", ["Bolton Central", "Farnworth and Kearsley", "Horwich and Westhoughton"]),
    ("01D", "NHS Heywood, Middleton and Rochdale CCG", "Q46", "P86", ["Heywood", "Middleton", "Rochdale North"]),
    ("08H", "NHS Islington CCG", "Q71", "F83", ["North Islington", "Central Islington", "South Islington"]),
    ("07T", "NHS City and Hackney CCG", "Q71", "F84", ["Hackney North", "Hackney South", "City of London"]),
]

PRACTICE_NAMES = [
    "Brook Lane Surgery",
    "Church Street Medical Centre",
    "Park View Practice",
    "The Mill Health Centre",
    "Oakfield Family Practice",
    "Station Road Surgery",
    "Riverside Medical Practice",
    "Highfield Health Centre",
    "Castle Medical Group",
    "Kingsway Surgery",
    "Victoria Park Practice",
    "Elm Tree Surgery",
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
                await conn.execute(insert(Practice).values(org_id=org_ids[ods], **practice).on_conflict_do_nothing())
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
                            org_id=org_id,
                            person_id=person_id,
                            role=role,
                            practice_id=practice_id,
                            valid_from=MEMBERSHIPS_START,
                        )
                    )
        await _seed_governance(conn, org_ids, practice_ids)
        await seed_surveys(conn, org_ids["00T"], practice_ids)
        await seed_one_practice_draft(conn, org_ids["00T"], practice_ids)
        await seed_survey_builder(conn, org_ids["00T"])
        bolton_practices = {
            p["ods_code"]: practice_ids[p["ods_code"]] for p in demo_practices(*CCGS[0][3:], seed="00T")
        }
        await seed_indicators(conn, org_ids["00T"], bolton_practices)
        await _seed_registers_and_a_chairs_action(conn, org_ids, practice_ids)
        await seed_concerns(conn, org_ids["00T"], practice_ids)
        coming = await seed_meetings(conn, org_ids, practice_ids)
        await seed_representatives(conn, org_ids)
        await seed_word_paper(conn, org_ids["00T"])
        people = dict((await conn.execute(select(Person.email, Person.id))).all())
    await engine.dispose()
    secretary = people[f"helen.hargreaves@{DEMO_DOMAIN}"]
    await build_packs(secretary, coming)
    await open_ballots({org_ids["00T"]: secretary, org_ids["08H"]: people[f"daniel.cohen@{DEMO_DOMAIN}"]})
    await record_the_days_reminders(clock.now())  # the worker in `quorum serve` turns them into Sent mail
    # The seed often runs in an event loop of its own (asyncio.run): the shared worker engine must not keep
    # connections bound to that loop once it has closed.
    await worker_engine().dispose()
    await app_engine().dispose()
    _print_summary()


async def _upsert_org(conn, ods: str, name: str, kind: OrganisationKind, area_team_id) -> object:
    await conn.execute(
        insert(Organisation)
        .values(ods_code=ods, name=name, kind=kind, area_team_id=area_team_id)
        .on_conflict_do_nothing()
    )
    return await conn.scalar(select(Organisation.id).where(Organisation.ods_code == ods))


JOINT_COMMITTEE = "Bolton primary care joint committee"
# Bolton's governing body beyond the demo users: (name, membership or None, committee seat below). The
# Healthwatch and LMC representatives sit without a vote and are not CCG staff: no membership, a registration.
GOVERNING_BODY_PEOPLE = [
    ("Stephen Riley", Role.STAFF),
    ("Anne Kershaw", Role.GOVERNING_BODY_MEMBER),
    ("Dr Michael Byrne", Role.GOVERNING_BODY_MEMBER),
    ("Yvonne Hall", Role.GOVERNING_BODY_MEMBER),
    ("Jean Platt", None),
    ("Dr Hamid Qureshi", None),
]
# (email, committee, role, voting, category, party ODS, office)
SEATS = [
    (
        "margaret.lowe",
        "Governing body",
        SeatRole.CHAIR,
        True,
        MemberCategory.LAY_MEMBER,
        "00T",
        Office.LAY_MEMBER_GOVERNANCE,
    ),
    ("rajesh.mistry", "Governing body", SeatRole.VICE_CHAIR, True, MemberCategory.GP, "00T", Office.CLINICAL_LEAD),
    (
        "tom.ashworth",
        "Governing body",
        SeatRole.MEMBER,
        True,
        MemberCategory.EXECUTIVE,
        "00T",
        Office.CHIEF_FINANCE_OFFICER,
    ),
    (
        "stephen.riley",
        "Governing body",
        SeatRole.MEMBER,
        True,
        MemberCategory.EXECUTIVE,
        "00T",
        Office.ACCOUNTABLE_OFFICER,
    ),
    ("anne.kershaw", "Governing body", SeatRole.MEMBER, True, MemberCategory.NURSE, "00T", Office.REGISTERED_NURSE),
    (
        "michael.byrne",
        "Governing body",
        SeatRole.MEMBER,
        True,
        MemberCategory.SECONDARY_CARE_DOCTOR,
        "00T",
        Office.SECONDARY_CARE_SPECIALIST,
    ),
    (
        "yvonne.hall",
        "Governing body",
        SeatRole.MEMBER,
        True,
        MemberCategory.LAY_MEMBER,
        "00T",
        Office.LAY_MEMBER_PATIENT_INVOLVEMENT,
    ),
    (
        "jean.platt",
        "Governing body",
        SeatRole.MEMBER,
        False,
        MemberCategory.HEALTHWATCH,
        "00T",
        Office.HEALTHWATCH_REPRESENTATIVE,
    ),
    ("hamid.qureshi", "Governing body", SeatRole.MEMBER, False, MemberCategory.LMC, "00T", Office.LMC_REPRESENTATIVE),
    ("helen.hargreaves", "Governing body", SeatRole.IN_ATTENDANCE, False, MemberCategory.OTHER, "00T", None),
    (
        "margaret.lowe",
        JOINT_COMMITTEE,
        SeatRole.CHAIR,
        True,
        MemberCategory.LAY_MEMBER,
        "00T",
        Office.LAY_MEMBER_GOVERNANCE,
    ),
    ("rajesh.mistry", JOINT_COMMITTEE, SeatRole.MEMBER, True, MemberCategory.GP, "00T", None),
    (
        "tom.ashworth",
        JOINT_COMMITTEE,
        SeatRole.MEMBER,
        True,
        MemberCategory.EXECUTIVE,
        "00T",
        Office.CHIEF_FINANCE_OFFICER,
    ),
    (
        "janet.whitworth",
        JOINT_COMMITTEE,
        SeatRole.VICE_CHAIR,
        True,
        MemberCategory.NHS_ENGLAND,
        "Q46",
        Office.AREA_TEAM_DIRECTOR,
    ),
    ("grace.adeyemi", "Governing body", SeatRole.CHAIR, True, MemberCategory.GP, "08H", None),
]
# "Five voting members, at least one a GP, two of the lay members, nurse and secondary care doctor, the
# accountable officer or the chief finance officer, and the chair or the vice chair."
BOLTON_GOVERNING_BODY_RULE = {
    "minimum_voting": 5,
    "categories": {"GP": 1},
    "each_party": False,
    "pools": [{"count": 2, "categories": ["LAY_MEMBER", "NURSE", "SECONDARY_CARE_DOCTOR"]}],
    "offices": [{"count": 1, "offices": ["ACCOUNTABLE_OFFICER", "CHIEF_FINANCE_OFFICER"]}],
    "chair_or_vice_chair": True,
}
DELEGATION_START = datetime(2025, 4, 1, tzinfo=UTC)
DELEGATION_END = datetime(2028, 4, 1, tzinfo=UTC)


def demo_pdf(title: str) -> bytes:
    """A one-page PDF saying `title`: enough to stand for a signed agreement in the demo and tests."""
    return pdf([[title]])


async def _seed_governance(conn, org_ids: dict, practice_ids: dict) -> None:
    """Bolton's joint committee with Greater Manchester, seats, a delegation, and contract records."""
    bolton, area_team = org_ids["00T"], org_ids["Q46"]
    joint = await conn.scalar(select(Committee.id).where(Committee.org_id == bolton, Committee.name == JOINT_COMMITTEE))
    if joint is None:
        joint = await conn.scalar(
            insert(Committee)
            .values(
                org_id=bolton,
                kind=CommitteeKind.JOINT_COMMITTEE,
                name=JOINT_COMMITTEE,
                is_joint=True,
                co_commissioning_level="JOINT",
                terms_summary="Jointly commissions general practice services for Bolton's practices with NHS England.",
                quorum_rule={"minimum_voting": 3, "categories": {"LAY_MEMBER": 1, "GP": 1}, "each_party": True},
            )
            .returning(Committee.id)
        )
        for party in (bolton, area_team):
            await conn.execute(insert(CommitteeParty).values(org_id=bolton, committee_id=joint, party_org_id=party))
    for name, role in GOVERNING_BODY_PEOPLE:
        email = f"{name.lower().replace('dr ', '').replace(' ', '.')}@{DEMO_DOMAIN}"
        await conn.execute(insert(Person).values(email=email, name=name).on_conflict_do_nothing())
        person_id = await conn.scalar(select(Person.id).where(Person.email == email))
        await conn.execute(
            insert(PersonRegistration).values(org_id=bolton, person_id=person_id).on_conflict_do_nothing()
        )
        if (
            role is not None
            and await conn.scalar(
                select(Membership.id).where(
                    Membership.org_id == bolton, Membership.person_id == person_id, Membership.role == role
                )
            )
            is None
        ):
            await conn.execute(
                insert(Membership).values(
                    org_id=bolton,
                    person_id=person_id,
                    role=role,
                    valid_from=MEMBERSHIPS_START,
                )
            )
    await conn.execute(
        update(Committee)
        .where(Committee.org_id == bolton, Committee.kind == CommitteeKind.GOVERNING_BODY)
        .values(quorum_rule=BOLTON_GOVERNING_BODY_RULE)
    )
    committees = {
        (org, name): cid
        for org, name, cid in (await conn.execute(select(Committee.org_id, Committee.name, Committee.id))).all()
    }
    for local, committee_name, role, voting, category, party_ods, office in SEATS:
        person_id = await conn.scalar(select(Person.id).where(Person.email == f"{local}@{DEMO_DOMAIN}"))
        host = bolton if committee_name == JOINT_COMMITTEE else org_ids[party_ods]
        committee_id = committees[(host, committee_name)]
        exists = await conn.scalar(
            select(Seat.id).where(Seat.committee_id == committee_id, Seat.person_id == person_id)
        )
        if exists is None:
            await conn.execute(
                insert(PersonRegistration).values(org_id=host, person_id=person_id).on_conflict_do_nothing()
            )
            await conn.execute(
                insert(Seat).values(
                    org_id=host,
                    committee_id=committee_id,
                    person_id=person_id,
                    party_org_id=org_ids[party_ods],
                    role=role,
                    voting=voting,
                    category=category,
                    office=office,
                    valid_from=MEMBERSHIPS_START,
                )
            )
        else:
            await conn.execute(update(Seat).where(Seat.id == exists).values(office=office))
    await _governing_body_terms(conn, bolton)
    if await conn.scalar(select(Delegation.id).where(Delegation.receiving_committee_id == joint)) is None:
        file_id = await stored_file_for(
            conn,
            area_team,
            "bolton-joint-committee-agreement.pdf",
            demo_pdf("Delegation agreement: Greater Manchester Area Team and Bolton CCG"),
        )
        janet = await conn.scalar(select(Person.id).where(Person.email == f"janet.whitworth@{DEMO_DOMAIN}"))
        await conn.execute(
            insert(Delegation).values(
                org_id=area_team,
                receiving_org_id=bolton,
                receiving_committee_id=joint,
                functions=["primary_care.contracts", "primary_care.mergers"],
                scope_ccg_ids=[bolton],
                valid_from=DELEGATION_START,
                valid_to=DELEGATION_END,
                agreement_file_id=file_id,
                recorded_by=janet,
            )
        )
    types = [ContractType.GMS, ContractType.GMS, ContractType.PMS, ContractType.APMS]
    services = [["Extended hours access", "Learning disabilities health checks"], ["Minor surgery"], []]
    for ccg_ods, _, area_ods, prefix, _ in CCGS:
        for i in range(1, 12):
            practice_id = practice_ids[f"{prefix}{i:03d}"]
            await conn.execute(
                insert(PrimaryCareContract)
                .values(
                    org_id=org_ids[area_ods],
                    practice_org_id=org_ids[ccg_ods],
                    practice_id=practice_id,
                    contract_type=types[i % len(types)],
                    start_date=date(2004, 4, 1),
                    enhanced_services=services[i % len(services)],
                )
                .on_conflict_do_nothing()
            )


async def stored_file_for(conn, org_id, filename: str, content: bytes) -> object:
    """A PDF stored for an organisation, as an operator's load stores it (no uploader)."""
    return await conn.scalar(
        insert(StoredFile)
        .values(
            org_id=org_id,
            filename=filename,
            content_type="application/pdf",
            size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
        )
        .returning(StoredFile.id)
    )


def _form_tool_export(title: str) -> bytes:
    """A PDF as form tools export them: with a script run on opening (to print it), which uploads strip."""
    with pikepdf.open(io.BytesIO(demo_pdf(title))) as document:
        document.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("this.print();"))
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


async def _governing_body_terms(conn, bolton) -> None:
    """Bolton's governing body terms of reference, uploaded by its secretary through the upload check."""
    governing_body = (
        await conn.execute(
            select(Committee.id, Committee.terms_file_id).where(
                Committee.org_id == bolton, Committee.kind == CommitteeKind.GOVERNING_BODY
            )
        )
    ).first()
    if governing_body is None or governing_body.terms_file_id is not None:
        return
    checked = inspect(
        "contentBase64",
        "governing-body-terms.pdf",
        _form_tool_export("NHS Bolton CCG governing body: terms of reference"),
        (PDF, WORD),
    )
    helen = await conn.scalar(select(Person.id).where(Person.email == f"helen.hargreaves@{DEMO_DOMAIN}"))
    file_id = await conn.scalar(
        insert(StoredFile)
        .values(
            org_id=bolton,
            filename=clean_filename("governing-body-terms.pdf", PDF.suffix),
            content_type=PDF.content_type,
            size_bytes=len(checked.content),
            sha256=hashlib.sha256(checked.content).hexdigest(),
            content=checked.content,
            uploaded_by=helen,
            inspection_note=checked.note,
        )
        .returning(StoredFile.id)
    )
    await conn.execute(update(Committee).where(Committee.id == governing_body.id).values(terms_file_id=file_id))


CHAIRS_ACTION_MEETING = "Governing body, extraordinary meeting"
MERGER_ITEM = "Practice merger: P82001 and P82002"


async def _seed_registers_and_a_chairs_action(conn, org_ids: dict, practice_ids: dict) -> None:
    """Bolton's registers in use: a nil return, a designated approver and a gift with its approval history, and a
    meeting three weeks ago whose merger item went to chair's action (awaiting ratification) after Dr Mistry's
    declaration, which waits in the register of interests for the secretary to confirm."""
    bolton = org_ids["00T"]
    people = dict((await conn.execute(select(Person.email, Person.id))).all())
    person = {
        local: people[f"{local}@{DEMO_DOMAIN}"]
        for local in ("tom.ashworth", "priya.shah", "rajesh.mistry", "margaret.lowe", "helen.hargreaves")
    }
    today = date.today()
    if (
        await conn.scalar(
            select(InterestReview.id).where(
                InterestReview.org_id == bolton, InterestReview.person_id == person["tom.ashworth"]
            )
        )
        is None
    ):
        await conn.execute(
            insert(InterestReview).values(
                org_id=bolton,
                person_id=person["tom.ashworth"],
                reviewed_on=today - timedelta(days=40),
                nil_return=True,
                recorded_by=person["helen.hargreaves"],
            )
        )
    await conn.execute(
        insert(GiftApprover)
        .values(org_id=bolton, person_id=person["priya.shah"], designated_by=person["helen.hargreaves"])
        .on_conflict_do_nothing()
    )
    dinner = "Dinner after a diabetes symposium"
    if (
        await conn.scalar(
            select(GiftOrHospitality.id).where(
                GiftOrHospitality.org_id == bolton, GiftOrHospitality.description == dinner
            )
        )
        is None
    ):
        gift = await conn.scalar(
            insert(GiftOrHospitality)
            .values(
                org_id=bolton,
                person_id=person["rajesh.mistry"],
                kind=GiftKind.HOSPITALITY,
                description=dinner,
                offered_by="Acme Pharma Ltd",
                from_supplier=True,
                value_pence=9000,
                offered_on=today - timedelta(days=20),
                accepted=True,
                approved_by=person["priya.shah"],
                recorded_by=person["helen.hargreaves"],
            )
            .returning(GiftOrHospitality.id)
        )
        await conn.execute(
            insert(GiftOrHospitalityUpdate).values(
                org_id=bolton,
                gift_id=gift,
                change=GiftChange.APPROVED,
                recorded_by=person["priya.shah"],
                note="He spoke at the symposium; the dinner was part of the programme.",
            )
        )

    governing_body = await conn.scalar(
        select(Committee.id).where(Committee.org_id == bolton, Committee.kind == CommitteeKind.GOVERNING_BODY)
    )
    if (
        await conn.scalar(
            select(Meeting.id).where(Meeting.committee_id == governing_body, Meeting.title == CHAIRS_ACTION_MEETING)
        )
        is not None
    ):
        return
    held = datetime.combine(today - timedelta(days=21), datetime.min.time(), UTC).replace(hour=14)
    meeting = await conn.scalar(
        insert(Meeting)
        .values(
            org_id=bolton,
            committee_id=governing_body,
            title=CHAIRS_ACTION_MEETING,
            starts_at=held,
            ends_at=held + timedelta(hours=1),
            location="Bolton Town Hall",
            status=MeetingStatus.HELD,
        )
        .returning(Meeting.id)
    )
    items = {}
    for position, (title, purpose) in enumerate(
        (("Welcome and apologies for absence", Purpose.NOTE), (MERGER_ITEM, Purpose.DECISION)), start=1
    ):
        items[title] = await conn.scalar(
            insert(AgendaItem)
            .values(
                org_id=bolton,
                meeting_id=meeting,
                committee_id=governing_body,
                position=position,
                title=title,
                purpose=purpose,
                part=Part.PUBLIC,
                concerns_practice_ids=[practice_ids["P82001"], practice_ids["P82002"]] if title == MERGER_ITEM else [],
            )
            .returning(AgendaItem.id)
        )
    await conn.execute(
        insert(MeetingProgress).values(
            org_id=bolton,
            meeting_id=meeting,
            committee_id=governing_body,
            opened_at=held,
            closed_at=held + timedelta(hours=1),
        )
    )
    for local in ("margaret.lowe", "rajesh.mistry", "tom.ashworth", "helen.hargreaves"):
        await conn.execute(
            insert(Attendance).values(
                org_id=bolton,
                meeting_id=meeting,
                committee_id=governing_body,
                person_id=person[local],
                status=AttendanceStatus.IN_ATTENDANCE if local == "helen.hargreaves" else AttendanceStatus.PRESENT,
            )
        )
    description = "Partner at The Mill Health Centre (P82001)"
    declaration = await conn.scalar(
        insert(Declaration)
        .values(
            org_id=bolton,
            meeting_id=meeting,
            committee_id=governing_body,
            item_id=items[MERGER_ITEM],
            person_id=person["rajesh.mistry"],
            category=InterestCategory.FINANCIAL,
            description=description,
            management=Management.LEAVE_ROOM,
            recorded_by=person["helen.hargreaves"],
            recorded_at=held,
        )
        .returning(Declaration.id)
    )
    await conn.execute(
        insert(Interest).values(
            org_id=bolton,
            person_id=person["rajesh.mistry"],
            category=InterestCategory.FINANCIAL,
            description=description,
            valid_from=held.date(),
            became_aware_on=held.date(),
            declared_on=held.date(),
            recorded_by=person["helen.hargreaves"],
            status=InterestStatus.PENDING,
            source_declaration_id=declaration,
        )
    )
    lowe, ashworth, mistry = (str(person[k]) for k in ("margaret.lowe", "tom.ashworth", "rajesh.mistry"))
    await conn.execute(
        insert(Decision).values(
            org_id=bolton,
            meeting_id=meeting,
            committee_id=governing_body,
            item_id=items[MERGER_ITEM],
            route=Route.CHAIRS_ACTION,
            decided_at=held + timedelta(minutes=40),
            recorded_by=person["helen.hargreaves"],
            chaired_by=person["margaret.lowe"],
            text="The chair approved the merger of The Mill Health Centre and P82002 from 1 April, to be "
            "ratified at the next meeting.",
            quorum={
                "met": False,
                "unmet": ["At least one voting GP must be present; none is."],
                "present_voting": 3,
                "counted": [lowe, ashworth],
                "excluded": [mistry],
                "chaired_by": lowe,
                "chair_note": "",
            },
        )
    )


def _print_summary() -> None:
    print("Demo data is loaded.")
    print("Area teams: " + ", ".join(f"{name} ({ods})" for ods, name in AREA_TEAMS))
    print("CCGs (11 practices each): " + ", ".join(f"{name} ({ods})" for ods, name, *_ in CCGS))
    print(f"Joint committee: {JOINT_COMMITTEE} (Bolton CCG with Greater Manchester Area Team), holding a delegation")
    print(
        "Meetings: Bolton's governing body (held with minutes, last month's minutes waiting, one in ten days with"
        " its packs published, one being arranged), both joint committees, Islington's governing body"
    )
    print("Ballots: Bolton's and Islington's council of members, open, five of eleven practices voted")
    print(
        "Surveys: Bolton's member engagement survey, last year's round published (most groups shown, the rest"
        " withheld with reasons), this year's open"
    )
    print("Demo people (sign in as them at /sign-in/demo):")
    for person in DEMO_PEOPLE:
        print(f"  {person.email:<45} {person.description}")
