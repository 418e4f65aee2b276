"""Inviting organisations into an arrangement, their answers, sessions with one agenda, each committee's
meeting of a session, and the session's record side by side."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, func
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.committees.policy import follows
from quorum.committees.service import get_committee
from quorum.conduct import policy as conduct_policy
from quorum.conduct.tables import Choice, Decision, Outcome, Route, Vote
from quorum.conduct.votes import Count, in_words
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.in_common import policy
from quorum.in_common.tables import (
    Arrangement,
    InCommonParty,
    PartyStatus,
    Session,
    SessionAgendaItem,
    SessionItem,
    SessionMeeting,
)
from quorum.meetings import service as meetings
from quorum.meetings.policy import can_run, visible_items, visible_meetings
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus, Part, Purpose
from quorum.organisations.tables import Organisation

MAX_ITEMS = 60


async def _organisation_name(db: Db, org_id: uuid.UUID) -> str:
    return await db.scalar(select(Organisation.name).where(Organisation.id == org_id)) or ""


async def get_arrangement(db: Db, arrangement_id: uuid.UUID, field: str = "arrangementId") -> Arrangement:
    found = await db.first(select(Arrangement).where(Arrangement.id == arrangement_id))
    if found is None:
        raise input_error(field, "No such arrangement.")
    return found


async def parties_of(db: Db, arrangement_id: uuid.UUID) -> list[InCommonParty]:
    return await db.all(
        select(InCommonParty).where(InCommonParty.arrangement_id == arrangement_id).order_by(InCommonParty.invited_at)
    )


async def create_arrangement(db: Db, access: Access, *, committee_id: uuid.UUID, name: str) -> Arrangement:
    """Convened by the organisation hosting `committee_id`, which takes part from the start."""
    committee = await get_committee(db, access, committee_id)
    if committee is None:
        raise input_error("committeeId", "No such committee.")
    if not policy.can_convene(access, committee.org_id):
        raise input_error(None, "Only a board secretary or an administrator can convene committees in common.")
    if not name.strip() or len(name) > 200:
        raise input_error("name", "Name the arrangement (200 characters or fewer).")
    arrangement = Arrangement(org_id=committee.org_id, name=name.strip(), created_by=access.person_id)
    await db.add(arrangement)
    party = InCommonParty(
        org_id=arrangement.org_id,
        arrangement_id=arrangement.id,
        invited_org_id=committee.org_id,
        organisation_name=await _organisation_name(db, committee.org_id),
        committee_id=committee.id,
        committee_name=committee.name,
        status=PartyStatus.ACCEPTED,
        invited_by=access.person_id,
        answered_by=access.person_id,
        answered_at=clock.now(),
    )
    await db.add(party, refresh=False)
    await record(db, access, "in_common.arrangement.create", arrangement, org_id=arrangement.org_id)
    return arrangement


async def invite(db: Db, access: Access, *, arrangement_id: uuid.UUID, ods_code: str) -> InCommonParty:
    arrangement = await get_arrangement(db, arrangement_id)
    if not policy.can_convene(access, arrangement.org_id):
        raise input_error(None, "Only the convening organisation's board secretary or an administrator can invite.")
    found = func.public_organisation(ods_code.strip()).table_valued("id", "name")
    organisation = (await db.all(select(found.c.id, found.c.name)))[:1]
    if not organisation:
        raise input_error("odsCode", f"No organisation has the ODS code {ods_code.strip()!r}.")
    ((invited_id, invited_name),) = organisation
    if any(p.invited_org_id == invited_id for p in await parties_of(db, arrangement.id)):
        raise input_error("odsCode", f"{invited_name} has already been invited.")
    party = InCommonParty(
        org_id=arrangement.org_id,
        arrangement_id=arrangement.id,
        invited_org_id=invited_id,
        organisation_name=invited_name,
        status=PartyStatus.INVITED,
        invited_by=access.person_id,
    )
    await db.add(party)
    await record(db, access, "in_common.invite", party, org_id=arrangement.org_id)
    return party


async def answer(
    db: Db,
    access: Access,
    *,
    arrangement_id: uuid.UUID,
    organisation_id: uuid.UUID,
    committee_id: uuid.UUID | None,
    accept: bool,
) -> InCommonParty:
    """The invited organisation's officers accept, naming one of its committees, or decline."""
    arrangement = await get_arrangement(db, arrangement_id)
    party = await db.first(
        select(InCommonParty).where(
            InCommonParty.arrangement_id == arrangement.id, InCommonParty.invited_org_id == organisation_id
        )
    )
    if party is None or not policy.involves(access, organisation_id):
        raise input_error("organisationId", "That organisation has not been invited into this arrangement.")
    if not policy.can_answer(access, organisation_id):
        raise input_error(
            None, f"Only {party.organisation_name}'s board secretary or an administrator can answer the invitation."
        )
    if PartyStatus(party.status) != PartyStatus.INVITED:
        raise input_error(
            None, f"{party.organisation_name} has already answered: {PartyStatus(party.status).value.lower()}."
        )
    before = snapshot(party)
    if accept:
        committee = committee_id and await get_committee(db, access, committee_id)
        if not committee or committee.org_id != organisation_id:
            raise input_error("committeeId", f"Choose one of {party.organisation_name}'s committees.")
        party.committee_id, party.committee_name = committee.id, committee.name
    party.status = PartyStatus.ACCEPTED if accept else PartyStatus.DECLINED
    party.answered_by, party.answered_at = access.person_id, clock.now()
    await db.add(party)
    await record(db, access, f"in_common.{party.status.lower()}", party, org_id=organisation_id, before=before)
    return party


@dataclass(frozen=True)
class ItemPlan:
    title: str
    purpose: Purpose
    part: Part
    committee_ids: list[uuid.UUID] = field(default_factory=list)  # empty: every committee


async def schedule_session(
    db: Db,
    access: Access,
    *,
    arrangement_id: uuid.UUID,
    title: str,
    starts_at: datetime,
    location: str,
    items: list[ItemPlan],
) -> Session:
    arrangement = await get_arrangement(db, arrangement_id)
    if not policy.can_convene(access, arrangement.org_id):
        raise input_error(
            None, "Only the convening organisation's board secretary or an administrator can schedule a session."
        )
    accepted = {p.committee_id for p in await parties_of(db, arrangement.id) if p.status == PartyStatus.ACCEPTED}
    errors: list[UserError] = []
    if not title.strip() or len(title) > 200:
        errors.append(UserError(field="title", message="Enter the session's title (200 characters or fewer)."))
    if starts_at.tzinfo is None or starts_at <= clock.now():
        errors.append(UserError(field="startsAt", message="The session must start in the future."))
    if not location.strip() or len(location) > 300:
        errors.append(
            UserError(field="location", message="Give the place where the committees meet (300 characters or fewer).")
        )
    if not items or len(items) > MAX_ITEMS:
        errors.append(UserError(field="items", message=f"Give the agenda: between 1 and {MAX_ITEMS} items."))
    for number, plan in enumerate(items, start=1):
        if not plan.title.strip() or len(plan.title) > 300:
            errors.append(UserError(field="items", message=f"Item {number} needs a title (300 characters or fewer)."))
        if not set(plan.committee_ids) <= accepted:
            errors.append(
                UserError(
                    field="items",
                    message=f"Item {number} names a committee that is not taking part in the arrangement.",
                )
            )
    if errors:
        raise InputErrors(*errors)
    session = Session(
        org_id=arrangement.org_id,
        arrangement_id=arrangement.id,
        title=title.strip(),
        starts_at=starts_at,
        location=location.strip(),
        created_by=access.person_id,
    )
    await db.add(session)
    for position, plan in enumerate(items, start=1):
        await db.add(
            SessionItem(
                org_id=session.org_id,
                session_id=session.id,
                position=position,
                title=plan.title.strip(),
                purpose=plan.purpose,
                part=plan.part,
                committee_ids=list(dict.fromkeys(plan.committee_ids)),
            ),
            refresh=False,
        )
    await record(db, access, "in_common.session.schedule", session, org_id=session.org_id)
    return session


def committees_meeting_with(committee_id: uuid.UUID) -> Select[tuple[uuid.UUID | None]]:
    """The committees taking part in an arrangement the committee has accepted (the committee among them)."""
    accepted = select(InCommonParty.arrangement_id).where(
        InCommonParty.committee_id == committee_id, InCommonParty.status == PartyStatus.ACCEPTED
    )
    return select(InCommonParty.committee_id).where(
        InCommonParty.arrangement_id.in_(accepted), InCommonParty.status == PartyStatus.ACCEPTED
    )


async def get_session(db: Db, session_id: uuid.UUID, field: str = "sessionId") -> Session:
    found = await db.first(select(Session).where(Session.id == session_id))
    if found is None:
        raise input_error(field, "No such session.")
    return found


async def items_of(db: Db, session_id: uuid.UUID) -> list[SessionItem]:
    return await db.all(select(SessionItem).where(SessionItem.session_id == session_id).order_by(SessionItem.position))


async def take_part(db: Db, access: Access, *, session_id: uuid.UUID, committee_id: uuid.UUID) -> SessionMeeting:
    """The committee's own meeting of the session: the session's date, place and the items it takes, its agenda
    published; from then on it is run, minuted and published as any meeting of the committee."""
    session = await get_session(db, session_id)
    committee = await get_committee(db, access, committee_id)
    if committee is None:
        raise input_error("committeeId", "No such committee.")
    party = next((p for p in await parties_of(db, session.arrangement_id) if p.committee_id == committee.id), None)
    if party is None or PartyStatus(party.status) != PartyStatus.ACCEPTED:
        raise input_error(
            "committeeId",
            f"{committee.name} is not taking part in this arrangement;"
            " its organisation must accept an invitation first.",
        )
    if not can_run(access, committee.id):
        raise input_error(
            None,
            f"Only the board secretary or an administrator of {party.organisation_name} can arrange "
            f"{committee.name}'s meeting.",
        )
    if await db.first(
        select(SessionMeeting).where(
            SessionMeeting.session_id == session.id, SessionMeeting.committee_id == committee.id
        )
    ):
        raise input_error("committeeId", f"{committee.name} already has its meeting of this session.")
    meeting = await meetings.create_meeting(
        db,
        access,
        committee_id=committee.id,
        title=session.title,
        starts_at=session.starts_at,
        ends_at=None,
        location=session.location,
        call_link="",
        papers_due=None,
    )
    link = SessionMeeting(
        org_id=session.org_id,
        session_id=session.id,
        committee_id=committee.id,
        meeting_org_id=meeting.org_id,
        meeting_id=meeting.id,
    )
    await db.add(link, refresh=False)
    for item in await items_of(db, session.id):
        if not item.taken_by(committee.id):
            continue
        agenda_item = await meetings.add_item(
            db,
            access,
            meeting_id=meeting.id,
            parent_id=None,
            title=item.title,
            presenter="",
            minutes_allotted=0,
            purpose=Purpose(item.purpose),
            part=Part(item.part),
            needs_paper=False,
        )
        await db.add(
            SessionAgendaItem(
                org_id=item.org_id,
                item_id=item.id,
                committee_id=committee.id,
                agenda_item_org_id=agenda_item.org_id,
                agenda_item_id=agenda_item.id,
            ),
            refresh=False,
        )
    await meetings.change_status(db, access, meeting.id, MeetingStatus.AGENDA_PUBLISHED)
    await record(db, access, "in_common.session.take_part", link, org_id=meeting.org_id)
    return link


@dataclass(frozen=True)
class CommitteeOutcome:
    """What one committee did with one item of the session, as far as the caller may see."""

    committee_id: uuid.UUID
    committee_name: str
    organisation_name: str
    agenda_item_id: uuid.UUID | None  # None: not yet on its meeting's agenda, or not for the caller's eyes
    decisions: tuple[Decision, ...]
    in_words: str


ROUTE_WORDS = {
    Route.CONSENSUS.value: "Agreed without a vote.",
    Route.CHAIRS_ACTION.value: "Taken by chair's action, to be ratified.",
    Route.DEFERRED.value: "Deferred.",
}


def outcome_in_words(
    decisions: tuple[Decision, ...],
    votes: dict[uuid.UUID, Vote],
    *,
    arranged: bool,
    item_visible: bool,
    follows: bool,
    held: bool,
) -> str:
    """`follows`: the caller sees the committee's business as it happens; others see it once it is held."""
    if not arranged:
        return "Its meeting of the session has not been arranged yet."
    if not item_visible:
        return "Not shown: the committee's own private business."
    if not decisions:
        if held:
            return "No decision recorded."
        return "Not decided yet." if follows else "Not shown until the committee's meeting has been held."
    latest = decisions[-1]
    if latest.route == Route.VOTE.value:
        vote = votes.get(latest.vote_id)
        if vote is None or vote.outcome is None:
            return "Decided by a vote."
        count = Count(vote.for_count, vote.against_count, vote.abstain_count)
        return in_words(count, Outcome(vote.outcome), vote.casting_vote and Choice(vote.casting_vote), "")
    return ROUTE_WORDS.get(latest.route, latest.route.replace("_", " ").capitalize() + ".")


@dataclass
class SessionRecord:
    session: Session
    arrangement: Arrangement
    parties: list[InCommonParty]
    items: list[SessionItem]
    meetings: list[SessionMeeting]
    outcomes: dict[uuid.UUID, list[CommitteeOutcome]]  # session item -> each committee taking it


async def session_record(db: Db, access: Access, session: Session) -> SessionRecord:
    """Read in a fixed number of statements; row-level security leaves out what the caller may not see
    (another party's Part II items and decisions, decisions of a meeting not yet held for the public)."""
    arrangement = await get_arrangement(db, session.arrangement_id)
    parties = [p for p in await parties_of(db, arrangement.id) if p.status == PartyStatus.ACCEPTED]
    items = await items_of(db, session.id)
    links = await db.all(select(SessionMeeting).where(SessionMeeting.session_id == session.id))
    agenda = await db.all(select(SessionAgendaItem).where(SessionAgendaItem.item_id.in_([i.id for i in items])))
    seen_items = {
        i.id for i in await db.all(visible_items(access).where(AgendaItem.id.in_([a.agenda_item_id for a in agenda])))
    }
    decisions = await db.all(
        conduct_policy.visible_decisions(access)
        .where(Decision.item_id.in_(seen_items), Decision.route != Route.DEFERRED.value)
        .order_by(Decision.decided_at)
    )
    deferrals = await db.all(
        conduct_policy.visible_decisions(access)
        .where(Decision.item_id.in_(seen_items), Decision.route == Route.DEFERRED.value)
        .order_by(Decision.decided_at)
    )
    vote_ids = [d.vote_id for d in decisions if d.vote_id]
    votes = {v.id: v for v in await db.all(conduct_policy.visible_votes(access).where(Vote.id.in_(vote_ids)))}
    if set(vote_ids) - set(votes):  # other parties' votes: the published result of a held meeting's Part I item
        published = func.published_vote_results(list(set(vote_ids) - set(votes))).table_valued(
            "vote_id", "outcome", "for_count", "against_count", "abstain_count", "casting_vote"
        )
        for row in await db.all(select(*published.c)):
            votes[row.vote_id] = Vote(
                id=row.vote_id,
                outcome=row.outcome,
                for_count=row.for_count,
                against_count=row.against_count,
                abstain_count=row.abstain_count,
                casting_vote=row.casting_vote,
            )
    taken = {(a.item_id, a.committee_id): a.agenda_item_id for a in agenda if a.agenda_item_id in seen_items}
    status = {
        m.committee_id: MeetingStatus(m.status)
        for m in await db.all(visible_meetings(access).where(Meeting.id.in_([link.meeting_id for link in links])))
    }
    outcomes = {}
    for item in items:
        outcomes[item.id] = []
        for p in parties:
            if not item.taken_by(p.committee_id):
                continue
            agenda_item_id = taken.get((item.id, p.committee_id))
            found = tuple(d for d in [*decisions, *deferrals] if agenda_item_id and d.item_id == agenda_item_id)
            outcomes[item.id].append(
                CommitteeOutcome(
                    p.committee_id,
                    p.committee_name or "",
                    p.organisation_name,
                    agenda_item_id,
                    found,
                    outcome_in_words(
                        found,
                        votes,
                        arranged=p.committee_id in status,
                        item_visible=agenda_item_id is not None,
                        follows=follows(access, p.committee_id),
                        held=status.get(p.committee_id) in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED),
                    ),
                )
            )
    return SessionRecord(session, arrangement, parties, items, links, outcomes)
