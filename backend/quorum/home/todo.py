"""What a person should do next, with a due date and where to do it.

One reader per kind of item; each is one or a few statements whatever the number of items, each starting from
its domain's `visible_...` statement so the list shows nothing the caller could not open. Items are sorted by due
date (undated last), then kind, then title, and cut at `MAX_ITEMS`.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, not_, or_
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from quorum import clock
from quorum.access import Access, Role
from quorum.ballots import policy as ballots_policy
from quorum.ballots.proxies import voting_rights
from quorum.ballots.tables import Ballot, BallotElector, BallotParticipation
from quorum.committees.policy import visible_committees, visible_parties, visible_seats
from quorum.committees.quorum import InvalidRule, PresentMember, QuorumRule, evaluate
from quorum.committees.tables import Committee, CommitteeKind, CommitteeParty, MemberCategory, Office, Seat, SeatRole
from quorum.conduct import policy as conduct_policy
from quorum.conduct.tables import Action, ActionStatus, Attendance, AttendanceStatus
from quorum.database import Db
from quorum.delegations.policy import visible_delegations
from quorum.delegations.tables import Delegation
from quorum.interests import rules as interest_rules
from quorum.interests.policy import visible_interests, visible_reviews
from quorum.interests.tables import Interest, InterestReview
from quorum.meetings.policy import visible_meetings
from quorum.meetings.tables import Meeting, MeetingStatus
from quorum.organisations.policy import visible_organisations
from quorum.organisations.tables import Organisation
from quorum.packs.policy import visible_builds
from quorum.packs.tables import BuildStatus, PackBuild
from quorum.papers.policy import visible_papers
from quorum.papers.tables import Paper, PaperStatus
from quorum.people.policy import visible_memberships, visible_people
from quorum.people.tables import Membership
from quorum.surveys import policy as surveys_policy
from quorum.surveys.answering import ways_to_answer
from quorum.surveys.service import current_status, member_facts
from quorum.surveys.tables import Anonymity, SurveyRespondent, SurveyStatus

MAX_ITEMS = 100
MEETINGS_AHEAD = timedelta(days=28)  # how far ahead a meeting is "coming up"
PACK_AHEAD = timedelta(days=14)  # a pack not built this close to its meeting needs the secretary
PACK_BEFORE = timedelta(days=7)  # the pack goes out with the notice, about a week before
MINUTES_BEHIND = timedelta(days=183)  # held meetings older than this whose minutes wait are the register's business
DELEGATION_WARNING = timedelta(days=60)


class ToDoKind(str, enum.Enum):
    MEETING_COMING_UP = "MEETING_COMING_UP"  # a member's meeting: send apologies or declare interests
    PAPER_TO_WRITE = "PAPER_TO_WRITE"
    PAPER_TO_APPROVE = "PAPER_TO_APPROVE"  # a sponsor's submitted paper
    MINUTES_TO_APPROVE = "MINUTES_TO_APPROVE"
    ACTION_ASSIGNED = "ACTION_ASSIGNED"
    BALLOT_OPEN = "BALLOT_OPEN"  # a practice the person votes for has not voted
    SURVEY_OPEN = "SURVEY_OPEN"  # a survey that asks the person (or their practice) not yet answered
    DECLARATION_DUE = "DECLARATION_DUE"  # the annual (or first) declaration of interests
    PAPER_OVERDUE = "PAPER_OVERDUE"  # secretaries: a requested paper past its due date
    PACK_NOT_BUILT = "PACK_NOT_BUILT"  # secretaries: a meeting close at hand without a built pack
    MEETING_NOT_QUORATE = "MEETING_NOT_QUORATE"  # secretaries: apologies leave a meeting short of its quorum
    DELEGATION_EXPIRING = "DELEGATION_EXPIRING"  # a live delegation ending soon
    ORGANISATION_WITHOUT_ADMINISTRATOR = "ORGANISATION_WITHOUT_ADMINISTRATOR"  # platform administrators


ORDER = {kind: n for n, kind in enumerate(ToDoKind)}


@dataclass(frozen=True)
class ToDo:
    kind: ToDoKind
    title: str
    detail: str
    due_on: date | None
    url: str  # the frontend's page where it is done
    org_id: uuid.UUID
    subject_type: str  # the global ID type of the record it is about
    subject_id: uuid.UUID

    def overdue_on(self, today: date) -> bool:
        return self.due_on is not None and self.due_on < today


def _seen(visible: Any, key: Any) -> ColumnElement[bool]:
    """Rows the domain's policy statement lets the caller see (a statement reading more than the policy's table
    is written from its own select, as sqlmodel reads only the first column of a policy's SelectOfScalar)."""
    return col(key).in_(visible.with_only_columns(col(key)))


def _day(moment: datetime) -> str:
    return f"{clock.local_date(moment):%-d %B %Y}"


def _active_on(valid_from: Any, valid_to: Any, today: date) -> ColumnElement[bool]:
    return and_(col(valid_from) <= today, or_(col(valid_to).is_(None), col(valid_to) >= today))


async def meetings_coming_up(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """Meetings in the next four weeks of committees the person sits on as a member (or, for an area team
    officer, joint committees their area team is party to), unless they have sent apologies."""
    today = clock.local_date(now)
    seated = visible_seats(access).where(
        Seat.person_id == access.person_id,
        col(Seat.role) != SeatRole.IN_ATTENDANCE,
        _active_on(Seat.valid_from, Seat.valid_to, today),
    )
    joint = (
        visible_parties(access)
        .join(Committee, and_(Committee.org_id == CommitteeParty.org_id, Committee.id == CommitteeParty.committee_id))
        .where(col(CommitteeParty.party_org_id).in_(access.area_officer_org_ids), col(Committee.is_joint))
    )
    apologised = conduct_policy.visible_attendance(access).where(
        Attendance.org_id == Meeting.org_id,
        Attendance.meeting_id == Meeting.id,
        Attendance.person_id == access.person_id,
        Attendance.status == AttendanceStatus.APOLOGIES,
    )
    rows = await db.all(
        select(Meeting, Committee.name)
        .join(Committee, and_(Committee.org_id == Meeting.org_id, Committee.id == Meeting.committee_id))
        .where(
            _seen(visible_meetings(access), Meeting.id),
            col(Meeting.starts_at) > now,
            col(Meeting.starts_at) <= now + MEETINGS_AHEAD,
            col(Meeting.cancelled_at).is_(None),
            or_(
                col(Meeting.committee_id).in_(seated.with_only_columns(Seat.committee_id)),
                col(Meeting.committee_id).in_(joint.with_only_columns(CommitteeParty.committee_id)),
            ),
            not_(apologised.exists()),
        )
    )
    return [
        ToDo(
            ToDoKind.MEETING_COMING_UP,
            f"{committee}, {_day(m.starts_at)}",
            "Read the papers, declare any interest in the items, or send your apologies.",
            clock.local_date(m.starts_at),
            f"/meetings/{m.id}",
            m.org_id,
            "Meeting",
            m.id,
        )
        for m, committee in rows
    ]


def _upcoming_papers(access: Access, now: datetime) -> Select[Any]:
    return (
        select(Paper, Meeting.starts_at, Committee.name)
        .join(Meeting, and_(Meeting.org_id == Paper.org_id, Meeting.id == Paper.meeting_id))
        .join(Committee, and_(Committee.org_id == Paper.org_id, Committee.id == Paper.committee_id))
        .where(
            _seen(visible_papers(access), Paper.id), col(Meeting.starts_at) > now, col(Meeting.cancelled_at).is_(None)
        )
    )


async def papers_to_write(db: Db, access: Access, now: datetime) -> list[ToDo]:
    rows = await db.all(
        _upcoming_papers(access, now).where(Paper.author_id == access.person_id, Paper.status == PaperStatus.DRAFT)
    )
    return [
        ToDo(
            ToDoKind.PAPER_TO_WRITE,
            f"Write \u201c{p.title}\u201d",
            f"For {committee}, {_day(starts_at)}: complete the cover sheet and submit it to its sponsor.",
            p.due_date,
            f"/papers/{p.id}",
            p.org_id,
            "Paper",
            p.id,
        )
        for p, starts_at, committee in rows
    ]


async def papers_to_approve(db: Db, access: Access, now: datetime) -> list[ToDo]:
    rows = await db.all(
        _upcoming_papers(access, now).where(Paper.sponsor_id == access.person_id, Paper.status == PaperStatus.SUBMITTED)
    )
    return [
        ToDo(
            ToDoKind.PAPER_TO_APPROVE,
            f"Approve \u201c{p.title}\u201d",
            f"Submitted for {committee}, {_day(starts_at)}: approve it for the pack or return it to its author.",
            p.due_date,
            f"/papers/{p.id}",
            p.org_id,
            "Paper",
            p.id,
        )
        for p, starts_at, committee in rows
    ]


async def papers_overdue(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """For those who run the committee: papers still in draft after their due date, for meetings to come."""
    if not access.officer_committee_ids:
        return []
    authors = visible_people(access).subquery()
    rows = await db.all(
        _upcoming_papers(access, now)
        .add_columns(authors.c.name)
        .join(authors, authors.c.id == Paper.author_id, isouter=True)
        .where(
            col(Paper.committee_id).in_(access.officer_committee_ids),
            Paper.status == PaperStatus.DRAFT,
            col(Paper.due_date) < clock.local_date(now),
        )
    )
    return [
        ToDo(
            ToDoKind.PAPER_OVERDUE,
            f"Chase \u201c{p.title}\u201d",
            f"Requested from {author or 'its author'} for {committee}, {_day(starts_at)}; not yet submitted.",
            p.due_date,
            f"/papers/{p.id}",
            p.org_id,
            "Paper",
            p.id,
        )
        for p, starts_at, committee, author in rows
    ]


async def minutes_to_approve(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """Held meetings whose minutes wait for approval, for the committee's members and those who run it;
    due at the committee's next meeting, where they are approved."""
    today = clock.local_date(now)
    seated = visible_seats(access).where(
        Seat.person_id == access.person_id,
        col(Seat.role) != SeatRole.IN_ATTENDANCE,
        _active_on(Seat.valid_from, Seat.valid_to, today),
    )
    following = aliased(Meeting)
    next_meeting = (
        select(func.min(following.starts_at))
        .where(
            following.org_id == Meeting.org_id,
            following.committee_id == Meeting.committee_id,
            following.starts_at > now,
            following.cancelled_at.is_(None),
        )
        .scalar_subquery()
    )
    rows = await db.all(
        select(Meeting, Committee.name, next_meeting)
        .join(Committee, and_(Committee.org_id == Meeting.org_id, Committee.id == Meeting.committee_id))
        .where(
            _seen(visible_meetings(access), Meeting.id),
            Meeting.status == MeetingStatus.HELD,
            col(Meeting.cancelled_at).is_(None),
            col(Meeting.starts_at) > now - MINUTES_BEHIND,
            or_(
                col(Meeting.committee_id).in_(access.officer_committee_ids),
                col(Meeting.committee_id).in_(seated.with_only_columns(Seat.committee_id)),
            ),
        )
    )
    items = []
    for m, committee, next_at in rows:
        runs = m.committee_id in access.officer_committee_ids
        detail = (
            "Draft minutes to finish and put to the next meeting for approval."
            if runs
            else "Read the draft minutes before the next meeting approves them."
        )
        items.append(
            ToDo(
                ToDoKind.MINUTES_TO_APPROVE,
                f"Minutes of {committee}, {_day(m.starts_at)}",
                detail,
                next_at and clock.local_date(next_at),
                f"/meetings/{m.id}/minutes",
                m.org_id,
                "Meeting",
                m.id,
            )
        )
    return items


async def actions_assigned(db: Db, access: Access, now: datetime) -> list[ToDo]:
    rows = await db.all(
        select(Action, Committee.name)
        .join(Committee, and_(Committee.org_id == Action.org_id, Committee.id == Action.committee_id))
        .where(
            _seen(conduct_policy.visible_actions(access), Action.id),
            Action.owner_id == access.person_id,
            col(Action.status) != ActionStatus.CLOSED,
        )
    )
    return [
        ToDo(
            ToDoKind.ACTION_ASSIGNED,
            a.description,
            f"An action of {committee}"
            + (", in progress." if a.status == ActionStatus.IN_PROGRESS else ", not started."),
            a.due_date,
            f"/committees/{a.committee_id}/actions",
            a.org_id,
            "Action",
            a.id,
        )
        for a, committee in rows
    ]


async def ballots_open(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """Open ballots in which a practice the person votes for (their own, or as its proxy) has not voted."""
    ballots = await db.all(
        ballots_policy.voter_ballots(access).where(
            col(Ballot.opens_at) <= now, col(Ballot.closes_at) > now, col(Ballot.closed_early_at).is_(None)
        )
    )
    if not ballots:
        return []
    ids = [b.id for b in ballots]
    held = await db.all(ballots_policy.held_proxies(access, ids))
    rights = {
        b.id: [r.practice_id for r in voting_rights(access, b, [p for p in held if p.ballot_id == b.id])]
        for b in ballots
    }
    practices = {p for r in rights.values() for p in r}
    voted = {
        (row.ballot_id, row.practice_id)
        for row in await db.all(
            ballots_policy.visible_participations(access).where(
                col(BallotParticipation.ballot_id).in_(ids), col(BallotParticipation.practice_id).in_(practices)
            )
        )
    }
    electors = {
        (row.ballot_id, row.practice_id)
        for row in await db.all(
            ballots_policy.visible_electors(access).where(
                col(BallotElector.ballot_id).in_(ids), col(BallotElector.practice_id).in_(practices)
            )
        )
    }
    items = []
    for ballot in ballots:
        waiting = [
            p
            for p in rights[ballot.id]
            if (ballot.id, p) not in voted and (ballot.electorate_frozen_at is None or (ballot.id, p) in electors)
        ]
        if waiting:
            items.append(
                ToDo(
                    ToDoKind.BALLOT_OPEN,
                    f"Vote: {ballot.title}",
                    f"Open until {_day(ballot.closes_at)}"
                    + (
                        f"; {len(waiting)} practices to vote for."
                        if len(waiting) > 1
                        else "; your practice has not voted."
                    ),
                    clock.local_date(ballot.closes_at),
                    f"/ballots/{ballot.id}",
                    ballot.org_id,
                    "Ballot",
                    ballot.id,
                )
            )
    return items


async def surveys_open(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """Open surveys whose audience includes the person (or a practice they answer for), not yet answered. Who the
    person is in each organisation with an open survey is read once per organisation (the surveys' own rule), so the
    count grows with the organisations they belong to, never with the surveys."""
    if not surveys_policy.can_have_response(access):
        return []
    surveys = [
        s for s in await db.all(surveys_policy.asking_surveys(access)) if current_status(s, now) == SurveyStatus.OPEN
    ]
    if not surveys:
        return []
    facts = {org_id: await member_facts(db, org_id, access.person_id) for org_id in {s.org_id for s in surveys}}
    ways = {s.id: ways_to_answer(s, facts[s.org_id]) for s in surveys}
    asked = [s for s in surveys if ways[s.id]]
    # Named and confidential responses are linked to the person; an anonymous one leaves only its practice's
    # (or the person's) participation, asked of the database's own function.
    linked = {
        (r.survey_id, r.practice_id)
        for r in await db.all(
            surveys_policy.visible_respondents(access).where(
                SurveyRespondent.person_id == access.person_id,
                col(SurveyRespondent.survey_id).in_([s.id for s in asked]),
                col(SurveyRespondent.submitted_at).is_not(None),
            )
        )
    }
    anonymous = [
        (s, w.practice.id if w.practice else None)
        for s in asked
        if s.anonymity == Anonymity.ANONYMOUS
        for w in ways[s.id]
    ]
    participated: set[tuple[uuid.UUID, uuid.UUID | None]] = set()
    if anonymous:
        # One statement asking the database's own function about every (survey, practice) at once.
        checks = array([func.survey_participated(s.org_id, s.id, practice) for s, practice in anonymous])
        answers = await db.scalar(select(checks))
        participated = {(s.id, practice) for (s, practice), done in zip(anonymous, answers, strict=True) if done}
    items = []
    for survey in asked:
        done = participated if survey.anonymity == Anonymity.ANONYMOUS else linked
        waiting = [w for w in ways[survey.id] if (survey.id, w.practice.id if w.practice else None) not in done]
        if waiting:
            for_practice = waiting[0].practice
            items.append(
                ToDo(
                    ToDoKind.SURVEY_OPEN,
                    f"Answer: {survey.title}",
                    (f"For {for_practice.name}; " if for_practice and len(waiting) == 1 else "")
                    + (f"open until {_day(survey.closes_at)}." if survey.closes_at else "open now."),
                    survey.closes_at and clock.local_date(survey.closes_at),
                    f"/surveys/{survey.id}/answer",
                    survey.org_id,
                    "Survey",
                    survey.id,
                )
            )
    return items


async def declarations_due(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """The person's own declaration of interests, in each organisation where they are a decision-maker (a seat
    on one of its committees, or a governing body membership), when it falls due within 28 days or is late."""
    today = clock.local_date(now)
    me = access.person_id
    seats = await db.all(visible_seats(access).where(Seat.person_id == me, col(Seat.role) != SeatRole.IN_ATTENDANCE))
    members = await db.all(
        visible_memberships(access).where(Membership.person_id == me, Membership.role == Role.GOVERNING_BODY_MEMBER)
    )
    appointed: dict[uuid.UUID, date] = {}
    for seat in seats:  # a seat belongs to its committee's organisation
        if seat.is_active_on(today):
            appointed[seat.org_id] = min(appointed.get(seat.org_id, seat.valid_from), seat.valid_from)
    for membership in members:
        if membership.is_active_on(today) and membership.org_id not in appointed:
            appointed[membership.org_id] = membership.valid_from
    if not appointed:
        return []
    reviews = await db.all(
        visible_reviews(access).where(InterestReview.person_id == me, col(InterestReview.org_id).in_(appointed))
    )
    interests = await db.all(
        visible_interests(access).where(Interest.person_id == me, col(Interest.org_id).in_(appointed))
    )
    items = []
    for org_id, since in appointed.items():
        reviewed = [r.reviewed_on for r in reviews if r.org_id == org_id]
        declared = [i.declared_on for i in interests if i.org_id == org_id]
        last = max(reviewed) if reviewed else (min(declared) if declared else None)
        due = interest_rules.next_return(since, last, today)
        if due.status != interest_rules.ReturnStatus.UP_TO_DATE:
            items.append(
                ToDo(
                    ToDoKind.DECLARATION_DUE,
                    "Declare your interests" if last is None else "Review your declaration of interests",
                    due.reason + " Declare each interest, or make a nil return.",
                    due.due_on,
                    "/interests",
                    org_id,
                    "Organisation",
                    org_id,
                )
            )
    return items


async def packs_not_built(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """For those who run the committee: meetings in the next fortnight without a pack built."""
    if not access.officer_committee_ids:
        return []
    built = visible_builds(access).where(
        PackBuild.org_id == Meeting.org_id, PackBuild.meeting_id == Meeting.id, PackBuild.status == BuildStatus.DONE
    )
    rows = await db.all(
        select(Meeting, Committee.name)
        .join(Committee, and_(Committee.org_id == Meeting.org_id, Committee.id == Meeting.committee_id))
        .where(
            _seen(visible_meetings(access), Meeting.id),
            col(Meeting.committee_id).in_(access.officer_committee_ids),
            col(Meeting.starts_at) > now,
            col(Meeting.starts_at) <= now + PACK_AHEAD,
            col(Meeting.cancelled_at).is_(None),
            not_(built.exists()),
        )
    )
    return [
        ToDo(
            ToDoKind.PACK_NOT_BUILT,
            f"Build the pack for {committee}, {_day(m.starts_at)}",
            "No pack has been built for this meeting yet; it goes out with the notice.",
            clock.local_date(m.starts_at - PACK_BEFORE),
            f"/meetings/{m.id}/agenda",
            m.org_id,
            "Meeting",
            m.id,
        )
        for m, committee in rows
    ]


async def meetings_not_quorate(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """For those who run the committee: meetings in the next four weeks that the members' seats, less those who
    sent apologies, cannot make quorate."""
    if not access.officer_committee_ids:
        return []
    meetings = await db.all(
        visible_meetings(access).where(
            col(Meeting.committee_id).in_(access.officer_committee_ids),
            col(Meeting.starts_at) > now,
            col(Meeting.starts_at) <= now + MEETINGS_AHEAD,
            col(Meeting.cancelled_at).is_(None),
        )
    )
    if not meetings:
        return []
    committee_ids = {m.committee_id for m in meetings}
    committees = {
        c.id: c
        for c in await db.all(visible_committees(access).where(col(Committee.id).in_(committee_ids)))
        if c.kind != CommitteeKind.COUNCIL_OF_MEMBERS  # its members are practices' representatives, not seats
    }
    seats = await db.all(visible_seats(access).where(col(Seat.committee_id).in_(committee_ids)))
    party = visible_parties(access).where(col(CommitteeParty.committee_id).in_(committee_ids)).subquery()
    parties = await db.all(
        select(party.c.committee_id, party.c.party_org_id, Organisation.name).join(
            Organisation, Organisation.id == party.c.party_org_id, isouter=True
        )
    )
    apologies = await db.all(
        conduct_policy.visible_attendance(access).where(
            col(Attendance.meeting_id).in_([m.id for m in meetings]), Attendance.status == AttendanceStatus.APOLOGIES
        )
    )
    away = {(a.meeting_id, a.person_id) for a in apologies}
    items = []
    for meeting in meetings:
        committee = committees.get(meeting.committee_id)
        if committee is None:
            continue
        day = clock.local_date(meeting.starts_at)
        seated = [s for s in seats if s.committee_id == committee.id and s.is_active_on(day)]
        members = [
            PresentMember(
                s.voting, MemberCategory(s.category), s.party_org_id, SeatRole(s.role), s.office and Office(s.office)
            )
            for s in seated
        ]
        expected = [m for m, s in zip(members, seated, strict=True) if (meeting.id, s.person_id) not in away]
        names = (
            {
                party_org_id: name or "a party"
                for committee_id, party_org_id, name in parties
                if committee_id == committee.id
            }
            if committee.is_joint
            else {}
        )
        try:
            rule = QuorumRule.from_data(committee.quorum_rule)
        except InvalidRule:
            continue  # the committee's page says what is wrong with its rule; one bad rule must not empty the list
        result = evaluate(rule, expected, names, members)
        if not result.met:
            items.append(
                ToDo(
                    ToDoKind.MEETING_NOT_QUORATE,
                    f"{committee.name}, {_day(meeting.starts_at)} is not expected to be quorate",
                    " ".join(result.unmet),
                    day,
                    f"/meetings/{meeting.id}",
                    meeting.org_id,
                    "Meeting",
                    meeting.id,
                )
            )
    return items


async def delegations_expiring(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """Live delegations ending within 60 days, for the officers of the organisations that give or hold them."""
    orgs = access.officer_org_ids | access.area_officer_org_ids
    if not orgs:
        return []
    rows = await db.all(
        select(Delegation, Committee.name)
        .join(
            Committee,
            and_(Committee.org_id == Delegation.receiving_org_id, Committee.id == Delegation.receiving_committee_id),
            isouter=True,
        )
        .where(
            _seen(visible_delegations(access), Delegation.id),
            col(Delegation.revoked_at).is_(None),
            col(Delegation.valid_from) <= now,
            col(Delegation.valid_to) > now,
            col(Delegation.valid_to) <= now + DELEGATION_WARNING,
            or_(col(Delegation.org_id).in_(orgs), col(Delegation.receiving_org_id).in_(orgs)),
        )
    )
    return [
        ToDo(
            ToDoKind.DELEGATION_EXPIRING,
            f"Delegation to {committee or 'a committee'} ends {_day(d.valid_to)}",
            "Renew it, or plan for its functions to return to the delegating organisation.",
            clock.local_date(d.valid_to),
            "/delegations",
            d.org_id,
            "Delegation",
            d.id,
        )
        for d, committee in rows
    ]


async def organisations_without_administrator(db: Db, access: Access, now: datetime) -> list[ToDo]:
    """For platform administrators, who create organisations: those with nobody to administer them today, so
    nobody to add their people and committees."""
    if not access.is_platform_admin:
        return []
    today = clock.local_date(now)
    administered = visible_memberships(access).where(
        Membership.org_id == Organisation.id,
        Membership.role == Role.ADMINISTRATOR,
        _active_on(Membership.valid_from, Membership.valid_to, today),
    )
    rows = await db.all(
        visible_organisations(access).where(not_(administered.exists())).order_by(Organisation.name).limit(MAX_ITEMS)
    )
    return [
        ToDo(
            ToDoKind.ORGANISATION_WITHOUT_ADMINISTRATOR,
            f"Appoint an administrator for {o.name}",
            "Nobody administers it: add a membership with the administrator role so its people and committees can be"
            " set up.",
            None,
            f"/admin/organisations/{o.id}",
            o.id,
            "Organisation",
            o.id,
        )
        for o in rows
    ]


Reader = Callable[[Db, Access, datetime], Awaitable[list[ToDo]]]
READERS: tuple[Reader, ...] = (
    meetings_coming_up,
    papers_to_write,
    papers_to_approve,
    minutes_to_approve,
    actions_assigned,
    ballots_open,
    surveys_open,
    declarations_due,
    papers_overdue,
    packs_not_built,
    meetings_not_quorate,
    delegations_expiring,
    organisations_without_administrator,
)


async def gather(db: Db, access: Access, now: datetime | None = None) -> list[ToDo]:
    """Everything the signed-in person should do next, soonest due first; nothing for an anonymous caller."""
    if access.person_id is None:
        return []
    now = now or clock.now()
    found: list[ToDo] = []
    for read in READERS:
        found += await read(db, access, now)
    found.sort(key=lambda t: (t.due_on is None, t.due_on or date.max, ORDER[t.kind], t.title))
    return found[:MAX_ITEMS]
