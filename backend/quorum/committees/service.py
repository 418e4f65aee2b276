"""Setting up committees and their seats, and the checks on input; who may do so is the policy's to say."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import delete, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from quorum import clock
from quorum.access import Access, Role
from quorum.audit.service import record, record_removal, snapshot
from quorum.committees.policy import belongs_to, can_add_committees, can_manage, visible_committees, visible_seats
from quorum.committees.quorum import InvalidRule, PresentMember, QuorumRule, cannot_be_met
from quorum.committees.tables import (
    CoCommissioningLevel,
    Committee,
    CommitteeKind,
    CommitteeParty,
    MemberCategory,
    Office,
    Seat,
    SeatRole,
)
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.files import service as files
from quorum.organisations.service import get_organisation
from quorum.organisations.tables import Organisation, OrganisationKind
from quorum.people.policy import visible_people
from quorum.people.tables import Membership, Person

CREATABLE_KINDS = set(CommitteeKind) - {CommitteeKind.GOVERNING_BODY, CommitteeKind.COUNCIL_OF_MEMBERS}


async def get_committee(db: Db, access: Access, committee_id: uuid.UUID) -> Committee | None:
    return await db.first(visible_committees(access).where(Committee.id == committee_id))


async def parties_of(db: Db, committee: Committee) -> list[uuid.UUID]:
    if not committee.is_joint:
        return [committee.org_id]
    rows = await db.all(select(CommitteeParty.party_org_id).where(CommitteeParty.committee_id == committee.id))
    return list(rows)


async def managed_committee(db: Db, access: Access, committee_id: uuid.UUID, field: str = "committeeId") -> Committee:
    committee = await get_committee(db, access, committee_id)
    if committee is None:
        raise input_error(field, "No such committee.")
    if not can_manage(access, committee):
        raise input_error(
            None, f"Only the board secretary or an administrator of the host organisation can change {committee.name}."
        )
    return committee


def rule_from_input(data: dict, *, joint: bool) -> QuorumRule:
    """A rule from the form's data (quorum.committees.quorum's format), or the reason it cannot be one."""
    try:
        rule = QuorumRule.from_data(data)
    except InvalidRule as error:
        raise input_error("quorumRule", str(error)) from None
    if rule.each_party and not joint:
        raise input_error("quorumRule", "Only a joint committee can require a member from each party.")
    if sum(rule.categories.values()) > rule.minimum_voting:
        raise input_error("quorumRule", "The members required by category are more than the minimum number present.")
    if len(rule.pools) > 5 or len(rule.offices) > 5:
        raise input_error("quorumRule", "A rule has at most five pools and five groups of offices.")
    return rule


async def seat_holders(db: Db, committee: Committee, on: date) -> list[PresentMember]:
    """The committee's seat holders on a day, as the quorum rules see them."""
    seats = await db.all(select(Seat).where(Seat.committee_id == committee.id))
    return [
        PresentMember(
            s.voting, MemberCategory(s.category), s.party_org_id, SeatRole(s.role), s.office and Office(s.office)
        )
        for s in seats
        if s.is_active_on(on)
    ]


async def party_names(db: Db, committee: Committee) -> dict[uuid.UUID, str]:
    """Each party of a joint committee by name; an ordinary committee has no parties to represent."""
    if not committee.is_joint:
        return {}
    rows = await db.all(
        select(CommitteeParty.party_org_id, Organisation.name)
        .join(Organisation, Organisation.id == CommitteeParty.party_org_id, isouter=True)
        .where(CommitteeParty.committee_id == committee.id)
    )
    return {party: name or "a party" for party, name in rows}


async def quorum_cannot_be_met(db: Db, committee: Committee) -> tuple[str, ...]:
    """Why the committee's current seats can never make a quorum under its rule (empty when they can)."""
    if committee.kind == CommitteeKind.COUNCIL_OF_MEMBERS:
        return ()  # its members are the practices' representatives, not seats
    rule = QuorumRule.from_data(committee.quorum_rule)
    return cannot_be_met(rule, await seat_holders(db, committee, clock.today()), await party_names(db, committee))


async def create_committee(
    db: Db,
    access: Access,
    *,
    org_id: uuid.UUID,
    kind: CommitteeKind,
    name: str,
    terms_summary: str,
    rule: QuorumRule,
    party_org_ids: list[uuid.UUID],
    co_commissioning_level: CoCommissioningLevel | None,
) -> Committee:
    host = await get_organisation(db, access, org_id)
    if host is None or not belongs_to(access, org_id):
        raise input_error("organisationId", "No such organisation.")
    if not can_add_committees(access, org_id):
        raise input_error(None, f"Only the board secretary or an administrator of {host.name} can add committees.")
    errors: list[UserError] = []
    if kind not in CREATABLE_KINDS:
        errors.append(
            UserError(field="kind", message="Every CCG already has its governing body and council of members.")
        )
    if not name.strip() or len(name) > 200:
        errors.append(UserError(field="name", message="Enter the committee's name (200 characters or fewer)."))
    if len(terms_summary) > 5000:
        errors.append(UserError(field="termsSummary", message="Keep the summary to 5,000 characters."))
    joint = kind == CommitteeKind.JOINT_COMMITTEE
    parties = list(dict.fromkeys([org_id, *party_org_ids])) if joint else [org_id]
    if joint:
        errors += await _party_errors(db, access, host, parties)
        if co_commissioning_level is None:
            errors.append(UserError(field="coCommissioningLevel", message="Choose joint or delegated commissioning."))
    elif party_org_ids:
        errors.append(UserError(field="partyIds", message="Only a joint committee has other parties."))
    elif co_commissioning_level is not None and kind != CommitteeKind.PRIMARY_CARE_COMMISSIONING:
        errors.append(
            UserError(
                field="coCommissioningLevel", message="Only primary care committees have a co-commissioning level."
            )
        )
    if errors:
        raise InputErrors(*errors)
    committee = Committee(
        org_id=org_id,
        kind=kind,
        name=name.strip(),
        terms_summary=terms_summary.strip(),
        is_joint=joint,
        co_commissioning_level=co_commissioning_level,
        quorum_rule=rule.to_data(),
    )
    await db.add(committee)
    for party in parties if joint else []:
        await db.add(CommitteeParty(org_id=org_id, committee_id=committee.id, party_org_id=party), refresh=False)
    await record(db, access, "committee.create", committee, org_id=org_id)
    return committee


async def _party_errors(db: Db, access: Access, host: Organisation, parties: list[uuid.UUID]) -> list[UserError]:
    """A joint committee joins CCGs with their area team: one area team, CCGs of its area."""
    found = {o.id: o for o in await db.all(select(Organisation).where(Organisation.id.in_(parties)))}
    if len(found) != len(parties):
        return [UserError(field="partyIds", message="Choose parties from the organisations you can see.")]
    area_teams = [o for o in found.values() if o.kind == OrganisationKind.AREA_TEAM]
    ccgs = [o for o in found.values() if o.kind == OrganisationKind.CCG]
    if len(area_teams) != 1 or not ccgs:
        return [
            UserError(field="partyIds", message="A joint committee has one area team and one or more CCGs as parties.")
        ]
    strays = [c.name for c in ccgs if c.area_team_id != area_teams[0].id]
    if strays:
        return [UserError(field="partyIds", message=f"{', '.join(strays)} is not in {area_teams[0].name}'s area.")]
    return []


async def update_committee(
    db: Db, access: Access, committee_id: uuid.UUID, *, name: str, terms_summary: str, rule: QuorumRule
) -> Committee:
    committee = await managed_committee(db, access, committee_id, "id")
    if not name.strip() or len(name) > 200:
        raise input_error("name", "Enter the committee's name (200 characters or fewer).")
    before = snapshot(committee)
    committee.name, committee.terms_summary, committee.quorum_rule = name.strip(), terms_summary.strip(), rule.to_data()
    await db.add(committee)
    await record(db, access, "committee.update", committee, org_id=committee.org_id, before=before)
    return committee


async def attach_terms_of_reference(
    db: Db, access: Access, committee_id: uuid.UUID, *, filename: str, content_base64: str
) -> Committee:
    committee = await managed_committee(db, access, committee_id)
    stored = await files.store(
        db,
        access,
        org_id=committee.org_id,
        field="contentBase64",
        filename=filename,
        content_base64=content_base64,
        allowed=(files.PDF, files.WORD),
    )
    before = snapshot(committee)
    committee.terms_file_id = stored.id
    await db.add(committee)
    await record(db, access, "committee.terms_of_reference", committee, org_id=committee.org_id, before=before)
    return committee


async def add_seat(
    db: Db,
    access: Access,
    *,
    committee_id: uuid.UUID,
    person_id: uuid.UUID,
    party_org_id: uuid.UUID | None,
    role: SeatRole,
    voting: bool,
    category: MemberCategory,
    office: Office | None = None,
    valid_from: date | None,
    valid_to: date | None,
) -> Seat:
    committee = await managed_committee(db, access, committee_id)
    if committee.kind == CommitteeKind.COUNCIL_OF_MEMBERS:
        raise input_error(
            "committeeId",
            "The council of members' seats are its practices' representatives; add them as practice representatives.",
        )
    parties = await parties_of(db, committee)
    party = party_org_id or committee.org_id
    valid_from = valid_from or clock.today()
    errors: list[UserError] = []
    if await db.first(visible_people(access).where(Person.id == person_id)) is None:
        errors.append(
            UserError(field="personId", message="No such person; register them with your organisation first.")
        )
    elif party not in parties:
        errors.append(UserError(field="partyId", message="Choose one of the committee's parties."))
    elif voting and not await _has_membership(db, person_id, party, valid_from):
        # Healthwatch, the LMC and the health and wellbeing board sit without a vote and are nobody's staff.
        errors.append(
            UserError(
                field="personId",
                message="A voting seat is for a member of the organisation they represent; add a membership first, "
                "or seat them without a vote.",
            )
        )
    if role == SeatRole.IN_ATTENDANCE and voting:
        errors.append(UserError(field="voting", message="Someone in attendance does not vote."))
    if valid_to is not None and valid_to < valid_from:
        errors.append(UserError(field="validTo", message="The end date must be on or after the start date."))
    if role in (SeatRole.CHAIR, SeatRole.VICE_CHAIR) and await _holder_of(db, committee.id, role, valid_from):
        office = role.name.replace("_", " ").lower()
        errors.append(UserError(field="role", message=f"The committee already has a {office}; end that seat first."))
    if errors:
        raise InputErrors(*errors)
    seat = Seat(
        org_id=committee.org_id,
        committee_id=committee.id,
        person_id=person_id,
        party_org_id=party,
        role=role,
        voting=voting,
        category=category,
        office=office,
        valid_from=valid_from,
        valid_to=valid_to,
        entered_at=clock.now(),
    )
    try:
        await db.add(seat)
    except IntegrityError as error:
        if "seat_one_at_a_time" not in str(error.orig):
            raise
        raise input_error(
            "personId",
            "That person already holds a seat on this committee for some of those dates; "
            "one person holds one seat at a time. End or change the other seat first.",
        ) from None
    await record(db, access, "seat.create", seat, org_id=committee.org_id)
    return seat


async def _has_membership(db: Db, person_id: uuid.UUID, org_id: uuid.UUID, on: date) -> bool:
    # The secretary cannot see another party's memberships; this privileged check answers only yes or no.
    return bool(await db.scalar(select(func.has_active_membership(person_id, org_id, on))))


async def _holder_of(db: Db, committee_id: uuid.UUID, role: SeatRole, on: date) -> bool:
    seats = await db.all(select(Seat).where(Seat.committee_id == committee_id, Seat.role == role))
    return any(s.is_active_on(on) for s in seats)


async def end_seat(db: Db, access: Access, seat_id: uuid.UUID, valid_to: date) -> Seat:
    seat = await db.first(visible_seats(access).where(Seat.id == seat_id))
    if seat is None:
        raise input_error("id", "No such seat.")
    committee = await managed_committee(db, access, seat.committee_id)
    if valid_to < seat.valid_from:
        raise input_error("validTo", "The end date must be on or after the start date.")
    before = snapshot(seat)
    seat.valid_to = valid_to
    await db.add(seat)
    await record(db, access, "seat.end", seat, org_id=committee.org_id, before=before)
    return seat


async def withdraw_seat(db: Db, access: Access, seat_id: uuid.UUID) -> Seat:
    """Take back a seat entered by mistake, on the day it was entered; it never counted. Audited."""
    seat = await db.first(visible_seats(access).where(Seat.id == seat_id))
    if seat is None:
        raise input_error("id", "No such seat.")
    committee = await managed_committee(db, access, seat.committee_id)
    if seat.entered_at is None or clock.local_date(seat.entered_at) != clock.today():
        raise input_error("id", "Only a seat entered today can be withdrawn; end this one instead.")
    await db.execute(delete(Seat).where(Seat.org_id == seat.org_id, Seat.id == seat.id))
    await record_removal(db, access, "seat.withdraw", seat, org_id=committee.org_id)
    return seat


async def council_seats(db: Db, committee: Committee) -> list[Membership]:
    """The council of members: each practice's representatives (visible to the CCG's members)."""
    rows = await db.all(
        select(Membership).where(Membership.org_id == committee.org_id, Membership.role == Role.PRACTICE_REPRESENTATIVE)
    )
    today = clock.today()
    return [m for m in rows if m.is_active_on(today)]
