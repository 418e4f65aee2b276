"""Messages to practices and decision-makers: ballots, surveys, declarations of interests and delegations.

Each kind reads as the owner, so each names exactly who may be told, from the event's own organisation only:
- a ballot's paper and its 48-hour reminder go to representatives of the CCG's electing practices (the reminder
  only to those whose practice has not voted: participation is read, never a vote);
- a survey goes to everyone it invites; reminders of an anonymous survey go to every invitee every time, so the
  set reminded says nothing about who answered, and those of a confidential or named survey (whose respondents
  the CCG already knows) only to those who have not answered;
- a declaration of interests due goes to the decision-maker whose return it is;
- a delegation expiring goes to each party: the delegating organisation's officers, and the receiving
  committee's members and its host's officers.
A letter names only the business of the event's organisation, or of a delegation both its readers are party to.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlmodel import select

from quorum import clock, ids
from quorum.access import Role
from quorum.ballots import service as ballots
from quorum.ballots.tables import Ballot, BallotElector, BallotParticipation
from quorum.committees.tables import Seat, SeatRole
from quorum.database import Db
from quorum.delegations.functions import DELEGABLE
from quorum.delegations.policy import RECORDERS
from quorum.delegations.tables import Delegation
from quorum.interests import service as interests
from quorum.notifications.letters import Event, Kind, Letter, Recipient
from quorum.notifications.practice_reminders import DELEGATING  # importing it also schedules its scans
from quorum.organisations.tables import Practice
from quorum.people.tables import Membership, Person, PersonRegistration
from quorum.surveys import answering
from quorum.surveys import service as surveys
from quorum.surveys.audience import Respondent
from quorum.surveys.tables import Anonymity, RespondentUnit, Survey, SurveyRespondent, SurveyStatus


async def people(db: Db, person_ids: set[uuid.UUID]) -> list[Recipient]:
    if not person_ids:
        return []
    rows = await db.all(select(Person).where(Person.id.in_(person_ids)).order_by(Person.name, Person.email))
    return [Recipient(email=p.email, name=p.name, person_id=p.id) for p in rows]


async def _active_memberships(db: Db, org_id: uuid.UUID, *roles: Role) -> list[Membership]:
    rows = await db.all(select(Membership).where(Membership.org_id == org_id, Membership.role.in_(roles)))
    today = clock.today()
    return [m for m in rows if m.is_active_on(today)]


# Ballots


async def _electing(db: Db, ballot: Ballot, among: set[uuid.UUID]) -> set[uuid.UUID]:
    """Those of `among` in the electorate (frozen once voting began, the CCG's practice list before that, as
    ballots/results.py says)."""
    if ballot.electorate_frozen_at is not None:
        practice = BallotElector.practice_id
        statement = select(practice).where(BallotElector.org_id == ballot.org_id, BallotElector.ballot_id == ballot.id)
    else:
        practice = Practice.id
        statement = select(practice).where(Practice.org_id == ballot.org_id)
    return set(await db.all(statement.where(practice.in_(among))))


async def _voted(db: Db, ballot: Ballot, among: set[uuid.UUID]) -> set[uuid.UUID]:
    """Those of `among` that have voted: their participation is read, never their votes."""
    statement = select(BallotParticipation.practice_id).where(
        BallotParticipation.org_id == ballot.org_id,
        BallotParticipation.ballot_id == ballot.id,
        BallotParticipation.practice_id.in_(among),
    )
    return set(await db.all(statement))


Holdings = dict[uuid.UUID, set[uuid.UUID]]  # person -> the practices they represent


async def _represented(db: Db, org_id: uuid.UUID, person_id: uuid.UUID | None = None) -> Holdings:
    """The CCG's active practice representatives (or only this person), each with the practices they represent."""
    statement = select(Membership).where(
        Membership.org_id == org_id,
        Membership.role == Role.PRACTICE_REPRESENTATIVE,
        Membership.practice_id.is_not(None),
    )
    if person_id is not None:
        statement = statement.where(Membership.person_id == person_id)
    found: Holdings = {}
    today = clock.today()
    for membership in await db.all(statement):
        if membership.is_active_on(today):
            found.setdefault(membership.person_id, set()).add(membership.practice_id)
    return found


async def _open_ballot(db: Db, event: Event) -> Ballot | None:
    ballot = await db.first(select(Ballot).where(Ballot.org_id == event.org_id, Ballot.id == event.subject_id))
    if ballot is None or ballots.status(ballot, clock.now()) != ballots.BallotStatus.OPEN:
        return None
    return ballot


async def _voters(db: Db, event: Event, *, not_voted: bool, person_id: uuid.UUID | None = None) -> Holdings:
    """Representatives of the ballot's electing practices (those that have not voted, if `not_voted`), each with
    the practices they may vote for; only `person_id`'s, if given."""
    ballot = await _open_ballot(db, event)
    if ballot is None:
        return {}
    representing = await _represented(db, ballot.org_id, person_id)
    practices = await _electing(db, ballot, set().union(*representing.values()))
    if not_voted:
        practices -= await _voted(db, ballot, practices)
    return {person: held & practices for person, held in representing.items() if held & practices}


async def ballot_paper_recipients(db: Db, event: Event) -> list[Recipient]:
    return await people(db, set(await _voters(db, event, not_voted=False)))


async def ballot_closing_recipients(db: Db, event: Event) -> list[Recipient]:
    return await people(db, set(await _voters(db, event, not_voted=True)))


async def _practice_names(db: Db, org_id: uuid.UUID, practice_ids: set[uuid.UUID]) -> str:
    if not practice_ids:
        return ""
    rows = await db.all(
        select(Practice.name).where(Practice.org_id == org_id, Practice.id.in_(practice_ids)).order_by(Practice.name)
    )
    return _and(list(rows))


def _and(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _moment(value: str) -> str:
    return ballots.when(datetime.fromisoformat(value))


def _ballot_link(event: Event) -> str:
    return f"/ballots/{ids.encode('Ballot', event.subject_id)}"


async def _for_practices(db: Db, event: Event, recipient: Recipient, *, not_voted: bool) -> str:
    mine = await _voters(db, event, not_voted=not_voted, person_id=recipient.person_id)
    return await _practice_names(db, event.org_id, mine.get(recipient.person_id, set()))


async def write_ballot_paper(db: Db, event: Event, recipient: Recipient) -> Letter:
    title = event.payload["title"]
    practices = await _for_practices(db, event, recipient, not_voted=False)
    secrecy = (
        "This is a secret ballot: Quorum records that a practice voted, never how."
        if event.payload.get("secret")
        else "This is a named ballot: how each practice voted is shown to members once it closes."
    )
    return Letter(
        subject=f"Ballot open: {title}",
        paragraphs=(
            f"{event.org_name}'s council of members ballot “{title}” is open.",
            f"You can vote for {practices}, once for each practice, until {_moment(event.payload['closes_at'])}.",
            secrecy,
        ),
        link=_ballot_link(event),
        link_label="Vote in the ballot",
    )


async def write_ballot_closing(db: Db, event: Event, recipient: Recipient) -> Letter:
    title = event.payload["title"]
    practices = await _for_practices(db, event, recipient, not_voted=True)
    return Letter(
        subject=f"Ballot closes soon: {title}",
        paragraphs=(
            f"{event.org_name}'s council of members ballot “{title}” closes at {_moment(event.payload['closes_at'])}.",
            f"No vote has been recorded yet for {practices}.",
        ),
        link=_ballot_link(event),
        link_label="Vote in the ballot",
    )


# Surveys


async def _open_survey(db: Db, event: Event) -> Survey | None:
    survey = await db.first(select(Survey).where(Survey.org_id == event.org_id, Survey.id == event.subject_id))
    if survey is None or surveys.current_status(survey, clock.now()) != SurveyStatus.OPEN:
        return None
    return survey


async def _invited(db: Db, survey: Survey) -> list[Respondent]:
    """Everyone the survey asks, as today's memberships stand (as answering decides who may answer)."""
    return answering.ways_to_answer(survey, await surveys.member_facts(db, survey.org_id))


async def survey_opened_recipients(db: Db, event: Event) -> list[Recipient]:
    survey = await _open_survey(db, event)
    return [] if survey is None else await people(db, {r.person_id for r in await _invited(db, survey)})


async def survey_reminder_recipients(db: Db, event: Event) -> list[Recipient]:
    survey = await _open_survey(db, event)
    if survey is None:
        return []
    invited = await _invited(db, survey)
    if survey.anonymity == Anonymity.ANONYMOUS:
        return await people(db, {r.person_id for r in invited})
    answered = await db.all(
        select(SurveyRespondent).where(
            SurveyRespondent.org_id == survey.org_id,
            SurveyRespondent.survey_id == survey.id,
            SurveyRespondent.submitted_at.is_not(None),
        )
    )
    if survey.respondent_unit == RespondentUnit.PRACTICE:
        practices = {a.practice_id for a in answered}
        waiting = {r.person_id for r in invited if r.practice and r.practice.id not in practices}
    else:
        persons = {a.person_id for a in answered}
        waiting = {r.person_id for r in invited if r.person_id not in persons}
    return await people(db, waiting)


def _survey_link(event: Event) -> str:
    return f"/surveys/{ids.encode('Survey', event.subject_id)}/answer"


async def _survey_words(db: Db, event: Event, recipient: Recipient) -> tuple[str, ...]:
    survey = await db.first(select(Survey).where(Survey.org_id == event.org_id, Survey.id == event.subject_id))
    words = []
    if survey is not None and survey.closes_at is not None:
        words.append(f"It closes at {ballots.when(survey.closes_at)}.")
    if survey is not None and survey.respondent_unit == RespondentUnit.PRACTICE:
        mine = {
            r.practice.id
            for r in answering.ways_to_answer(
                survey, await surveys.member_facts(db, survey.org_id, recipient.person_id)
            )
            if r.practice
        }
        names = await _practice_names(db, event.org_id, mine)
        words.append(f"It asks for one answer from each practice: you may answer for {names}.")
    if survey is not None and survey.anonymity == Anonymity.ANONYMOUS:
        words.append("Your answers are anonymous: nothing links them to you or your practice.")
    return tuple(words)


async def write_survey_opened(db: Db, event: Event, recipient: Recipient) -> Letter:
    title = event.payload["title"]
    return Letter(
        subject=f"Survey: {title}",
        paragraphs=(
            f"{event.org_name} asks for your views in its survey “{title}”.",
            *await _survey_words(db, event, recipient),
        ),
        link=_survey_link(event),
        link_label="Answer the survey",
    )


async def write_survey_reminder(db: Db, event: Event, recipient: Recipient) -> Letter:
    title = event.payload["title"]
    if event.payload.get("anonymous"):
        thanks = (
            "If you have already answered, thank you. Because the survey is anonymous nobody knows who has, "
            "so this reminder goes to everyone it asks."
        )
    else:
        thanks = "Our records show you have not answered yet."
    return Letter(
        subject=f"Reminder: {title}",
        paragraphs=(
            f"{event.org_name} would still like your views in its survey “{title}”.",
            thanks,
            *await _survey_words(db, event, recipient),
        ),
        link=_survey_link(event),
        link_label="Answer the survey",
    )


# Declarations of interests


async def _is_registered(db: Db, org_id: uuid.UUID, person_id: uuid.UUID) -> bool:
    found = await db.first(
        select(PersonRegistration.person_id).where(
            PersonRegistration.org_id == org_id, PersonRegistration.person_id == person_id
        )
    )
    return found is not None


async def declaration_recipients(db: Db, event: Event) -> list[Recipient]:
    """The decision-maker whose return it is, while they still are one and are on the organisation's register."""
    if event.org_id is None or event.subject_id is None:
        return []
    makers = await interests.decision_makers(db, event.org_id, clock.today())
    if event.subject_id not in makers or not await _is_registered(db, event.org_id, event.subject_id):
        return []
    return await people(db, {event.subject_id})


async def write_declaration_due(db: Db, event: Event, recipient: Recipient) -> Letter:
    due_on = date.fromisoformat(event.payload["due_on"])
    late = due_on < clock.today()
    when = f"{'was' if late else 'is'} due by {due_on:%-d %B %Y}"
    if event.payload.get("first"):
        paragraphs = (
            f"Your first declaration of interests for {event.org_name}'s register {when}.",
            "A new decision-maker declares their interests within 28 days of appointment, or makes a nil return.",
        )
    else:
        paragraphs = (
            f"Your annual review of your entries in {event.org_name}'s register of interests {when}.",
            "Each decision-maker confirms once a year that their entries are complete and current, or that they have "
            "none to declare.",
        )
    return Letter(
        subject="Your declaration of interests is overdue" if late else "Your declaration of interests is due",
        paragraphs=paragraphs,
        link="/interests",
        link_label="Declare your interests",
    )


# Delegations


async def _delegation(db: Db, event: Event) -> Delegation | None:
    if event.subject_id is None:
        return None
    delegation = await db.first(select(Delegation).where(Delegation.id == event.subject_id))
    if delegation is None or not delegation.is_live_at(clock.now()):
        return None
    party_org = delegation.org_id if event.payload.get("party") == DELEGATING else delegation.receiving_org_id
    if party_org != event.org_id:
        return None
    return delegation


async def _delegating_side(db: Db, delegation: Delegation) -> set[uuid.UUID]:
    return {m.person_id for m in await _active_memberships(db, delegation.org_id, *RECORDERS)}


async def _receiving_side(db: Db, delegation: Delegation) -> set[uuid.UUID]:
    seats = await db.all(
        select(Seat).where(
            Seat.org_id == delegation.receiving_org_id,
            Seat.committee_id == delegation.receiving_committee_id,
            Seat.role != SeatRole.IN_ATTENDANCE,
        )
    )
    today = clock.today()
    members = {s.person_id for s in seats if s.is_active_on(today)}
    officers = {m.person_id for m in await _active_memberships(db, delegation.receiving_org_id, *RECORDERS)}
    return members | officers


async def delegation_recipients(db: Db, event: Event) -> list[Recipient]:
    """One party's people; someone on both sides is told once, as the delegating side."""
    delegation = await _delegation(db, event)
    if delegation is None:
        return []
    delegating = await _delegating_side(db, delegation)
    if event.payload.get("party") == DELEGATING:
        return await people(db, delegating)
    return await people(db, await _receiving_side(db, delegation) - delegating)


async def write_delegation_expiring(db: Db, event: Event, recipient: Recipient) -> Letter:
    valid_to = datetime.fromisoformat(event.payload["valid_to"])
    functions = "; ".join(DELEGABLE.get(f, f) for f in event.payload["functions"])
    delegator, committee = event.payload["delegator"], event.payload["committee"]
    return Letter(
        subject=f"Delegation to {committee} expires on {clock.local_date(valid_to):%-d %B %Y}",
        paragraphs=(
            f"{delegator}'s delegation to {committee} ends at {ballots.when(valid_to)}.",
            f"It covers: {functions}.",
            "From then the committee can no longer act on these functions unless a new delegation is recorded.",
        ),
        link="/delegations",
        link_label="See the register of delegations",
    )


KINDS: list[Kind] = [
    Kind(
        "ballot_opened",
        "Your ballot paper when a council of members ballot opens",
        ballot_paper_recipients,
        write_ballot_paper,
        mandatory=True,
    ),
    Kind(
        "ballot_closing",
        "A ballot closes within 48 hours and your practice has not voted",
        ballot_closing_recipients,
        write_ballot_closing,
    ),
    Kind("survey_opened", "A survey asks for your views", survey_opened_recipients, write_survey_opened),
    Kind("survey_reminder", "Reminders of a survey still open", survey_reminder_recipients, write_survey_reminder),
    Kind("declaration_due", "Your declaration of interests is due", declaration_recipients, write_declaration_due),
    Kind(
        "delegation_expiring",
        "A delegation your organisation or committee is party to expires within 30 days",
        delegation_recipients,
        write_delegation_expiring,
    ),
]
