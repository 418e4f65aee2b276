"""The demo's governing bodies in common, arranged as their people would through the app's own services:
Bolton convenes, Islington accepts, Heywood, Middleton and Rochdale is invited; a session a fortnight from
today with one agenda; each governing body's own meeting of it; members' apologies; and Bolton's Part I pack of
it, published, withdrawn with a reason and replaced. Run by
`quorum seed --demo` after the registry; running it again changes nothing (each step is looked for first)."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from sqlmodel import select

from quorum import clock
from quorum.auth.identity import Identity, transaction_for
from quorum.committees.tables import Committee, CommitteeKind
from quorum.conduct import members
from quorum.conduct.attendance import Change
from quorum.conduct.tables import Attendance
from quorum.in_common import pack as in_common_pack
from quorum.in_common import service
from quorum.in_common.tables import Arrangement, InCommonParty, PartyStatus, Session, SessionMeeting
from quorum.meetings.tables import Part, Purpose
from quorum.organisations.tables import Organisation
from quorum.packs import builder
from quorum.packs import service as packs
from quorum.packs.tables import PackBuild
from quorum.people.tables import Person

DOMAIN = "demo.quorum.example"
ARRANGEMENT = "Governing bodies in common: Bolton, Islington, and Heywood, Middleton and Rochdale"
SESSION = "Governing bodies in common"
AGENDA = [
    service.ItemPlan("Primary care strategy 2027 to 2030", Purpose.DECISION, Part.PUBLIC),
    service.ItemPlan("Shared urgent care procurement", Purpose.APPROVAL, Part.PUBLIC),
    service.ItemPlan("Practice contract: remedial notice", Purpose.DECISION, Part.PRIVATE),
]
APOLOGIES = ["tom.ashworth"]  # members of Bolton's governing body who cannot come


async def _ids() -> tuple[dict[str, uuid.UUID], dict[str, tuple[uuid.UUID, uuid.UUID]]]:
    """People by the local part of their email, and (organisation, governing body) by the CCG's ODS code, read
    as the owner."""
    from sqlalchemy.ext.asyncio import create_async_engine

    from quorum.database import owner_url

    engine = create_async_engine(owner_url())
    try:
        async with engine.connect() as conn:
            people = {
                e.split("@")[0]: i
                for e, i in (
                    await conn.execute(select(Person.email, Person.id).where(Person.email.like(f"%@{DOMAIN}")))
                ).all()
            }
            bodies = {
                ods: (org, committee)
                for ods, org, committee in (
                    await conn.execute(
                        select(Organisation.ods_code, Organisation.id, Committee.id)
                        .join(Committee, Committee.org_id == Organisation.id)
                        .where(Committee.kind == CommitteeKind.GOVERNING_BODY.value)
                    )
                ).all()
            }
    finally:
        await engine.dispose()
    return people, bodies


def _as(person_id: uuid.UUID):
    return transaction_for(Identity.of_person(person_id))


async def seed_demo_in_common() -> None:
    people, bodies = await _ids()
    helen, daniel = people["helen.hargreaves"], people["daniel.cohen"]
    async with _as(helen) as (db, access):
        arrangement = await db.first(select(Arrangement).where(Arrangement.name == ARRANGEMENT))
        if arrangement is None:
            arrangement = await service.create_arrangement(db, access, committee_id=bodies["00T"][1], name=ARRANGEMENT)
            for ods in ("08H", "01D"):
                await service.invite(db, access, arrangement_id=arrangement.id, ods_code=ods)
        arrangement_id = arrangement.id
    async with _as(daniel) as (db, access):
        islington = await db.first(
            select(InCommonParty).where(
                InCommonParty.arrangement_id == arrangement_id, InCommonParty.invited_org_id == bodies["08H"][0]
            )
        )
        if islington.status == PartyStatus.INVITED:
            await service.answer(
                db,
                access,
                arrangement_id=arrangement_id,
                organisation_id=bodies["08H"][0],
                committee_id=bodies["08H"][1],
                accept=True,
            )
    async with _as(helen) as (db, access):
        session = await db.first(select(Session).where(Session.arrangement_id == arrangement_id))
        if session is None:
            day = clock.local_date(clock.now()) + timedelta(days=14)
            starts = datetime.combine(day, time(10, 0), tzinfo=clock.LONDON)
            session = await service.schedule_session(
                db,
                access,
                arrangement_id=arrangement_id,
                title=SESSION,
                starts_at=starts,
                location="Bolton Town Hall, with Islington joining from 222 Upper Street",
                items=AGENDA,
            )
        session_id = session.id
    for officer, ods in ((helen, "00T"), (daniel, "08H")):
        async with _as(officer) as (db, access):
            taken = await db.first(
                select(SessionMeeting).where(
                    SessionMeeting.session_id == session_id, SessionMeeting.committee_id == bodies[ods][1]
                )
            )
            if taken is None:
                await service.take_part(db, access, session_id=session_id, committee_id=bodies[ods][1])
    async with _as(helen) as (db, access):
        bolton_meeting = await db.scalar(
            select(SessionMeeting.meeting_id).where(
                SessionMeeting.session_id == session_id, SessionMeeting.committee_id == bodies["00T"][1]
            )
        )
    for local in APOLOGIES:
        async with _as(people[local]) as (db, access):
            sent = await db.first(
                select(Attendance).where(Attendance.meeting_id == bolton_meeting, Attendance.person_id == people[local])
            )
            if sent is None:
                await members.own_attendance(db, access, bolton_meeting, Change.APOLOGIES)
    await _withdrawn_and_replaced_pack(helen, session_id, bodies["00T"][1])


WITHDRAWAL = "Replaced by the second pack: the procurement item's timetable was corrected."


async def _withdrawn_and_replaced_pack(secretary: uuid.UUID, session_id: uuid.UUID, committee_id: uuid.UUID) -> None:
    """Bolton's Part I pack of the session, built and published twice as a secretary would: the first withdrawn
    with its reason, so the public page shows both the withdrawal and the pack that replaced it."""
    identity = Identity.of_person(secretary)
    async with transaction_for(identity) as (db, access):
        if await db.first(select(PackBuild).where(PackBuild.session_id == session_id)) is not None:
            return
    built = []
    for _ in range(2):
        async with transaction_for(identity) as (db, access):
            build = await in_common_pack.start_build(db, access, session_id, Part.PUBLIC, committee_id)
        await builder.run(build.id, identity, builder.GATHERS[in_common_pack.SESSION_PACK])
        async with transaction_for(identity) as (db, access):
            await packs.publish(db, access, build.id)
        built.append(build.id)
    async with transaction_for(identity) as (db, access):
        await packs.unpublish(db, access, built[0], WITHDRAWAL)
