"""Messages about meetings: agenda and papers published, a meeting rearranged or cancelled, draft minutes ready,
actions assigned and falling due.

Who is told (read as the owner, so these rules are the whole of it):
- about the meeting itself (agenda, public papers, a change, a cancellation): the committee's members on the
  meeting's day (a joint committee's seats are every party's) and the people recorded as attending it; for
  published papers and agendas also the committee's confirmed public subscribers. The meeting is published by
  then, so none of it is more than its Part I record, which is public;
- about private papers and draft minutes: those of them who may see the committee's Part II business today, as
  `quorum.access.decide` says for each of them (the committee's seats, its host's governance officers);
- about an action (given, passed on, falling due): its owner alone, while they own it and if they may see it (an
  action under a Part II item only if they see Part II business).
A letter never names a Part II item, nor quotes an action taken under one. Draft minutes are ready when the meeting
closes (`conduct.service.close_meeting`); actions falling due are found by `conduct.reminders`' daily scan.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import text
from sqlmodel import col, select

from quorum import clock, ids
from quorum.access import decide
from quorum.committees.tables import Committee, Seat
from quorum.conduct import reminders  # noqa: F401  (registers the daily scan for actions falling due)
from quorum.conduct.tables import Action, ActionStatus, Attendance
from quorum.database import Db
from quorum.meetings import agenda
from quorum.meetings.ics import notice
from quorum.meetings.policy import without_call_link
from quorum.meetings.tables import AgendaItem, Meeting, Part
from quorum.notifications.letters import Event, Kind, Letter, Recipient
from quorum.notifications.subscriptions import public_subscribers
from quorum.people.tables import Person

# --- reading as the owner -------------------------------------------------------------------------------------


async def _meeting(db: Db, meeting_id: uuid.UUID | str | None) -> Meeting | None:
    if meeting_id is None:
        return None
    return await db.first(select(Meeting).where(Meeting.id == uuid.UUID(str(meeting_id))))


async def _committee_name(db: Db, committee_id: uuid.UUID) -> str:
    return await db.scalar(select(Committee.name).where(Committee.id == committee_id)) or "Committee"


async def _members_on_the_day(db: Db, meeting: Meeting) -> set[uuid.UUID]:
    day = clock.local_date(meeting.starts_at)
    seats = await db.all(select(Seat).where(Seat.committee_id == meeting.committee_id))
    return {s.person_id for s in seats if s.is_active_on(day)}


async def _attending(db: Db, meeting: Meeting) -> set[uuid.UUID]:
    rows = await db.all(
        select(Attendance.person_id).where(Attendance.meeting_id == meeting.id, col(Attendance.person_id).is_not(None))
    )
    return set(rows)


async def _recipients(db: Db, person_ids: set[uuid.UUID]) -> list[Recipient]:
    if not person_ids:
        return []
    people = await db.all(select(Person).where(col(Person.id).in_(person_ids)).order_by(Person.name))
    return [Recipient(email=p.email, name=p.name, person_id=p.id) for p in people]


def _with_subscribers(people: list[Recipient], subscribers: list[Recipient]) -> list[Recipient]:
    """A member who also subscribed as the public is told once, as a member."""
    known = {p.email.lower() for p in people}
    return people + [s for s in subscribers if s.email.lower() not in known]


# access_facts answers only for the person named in app.person_id (migration 0003); the setting is put back after.
_FACTS = text(
    "SELECT access_facts(:person_id) FROM (SELECT set_config('app.person_id', :person_text, true) OFFSET 0) AS applied"
)
_FORGET = text("SELECT set_config('app.person_id', '', true)")


async def _sees(db: Db, person_id: uuid.UUID, committee_id: uuid.UUID, *, private: bool) -> bool:
    """Whether the person, today, sees the committee's business (its Part II business, if `private`)."""
    facts = await db.scalar(_FACTS.bindparams(person_id=person_id, person_text=str(person_id)))
    await db.execute(_FORGET)
    if not facts or facts.get("platform_admin") is None:
        return False
    access = decide(person_id, facts, clock.now())
    return committee_id in (access.private_committee_ids if private else access.committee_ids)


async def _who_may_see_private(db: Db, person_ids: set[uuid.UUID], committee_id: uuid.UUID) -> set[uuid.UUID]:
    return {p for p in person_ids if await _sees(db, p, committee_id, private=True)}


# --- words ------------------------------------------------------------------------------------------------------


def _when(moment: datetime) -> str:
    local = moment.astimezone(clock.LONDON)
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


def _day(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        moment = clock.local_date(moment)
    return f"{moment.day} {moment:%B %Y}"


def _where(meeting: Meeting) -> list[str]:
    lines = []
    if meeting.location:
        lines.append(f"Place: {meeting.location}")
    if meeting.call_link:
        lines.append(f"Join online: {meeting.call_link}")
    return lines


def _page(meeting: Meeting) -> str:
    return f"/meetings/{ids.encode('Meeting', meeting.id)}"


async def _public_agenda(db: Db, meeting: Meeting) -> list[str]:
    """The Part I items, numbered as on the agenda; Part II items are not named, nor counted."""
    items = await db.all(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id))
    numbers = agenda.numbers(items)
    return [
        f"{numbers[i.id]} {i.title}"
        for i in agenda.in_agenda_order(items)
        if Part(i.part) == Part.PUBLIC and i.parent_id is None
    ]


# --- the meeting: its notice, changes and cancellation ----------------------------------------------------------


async def _meeting_people(db: Db, event: Event) -> list[Recipient]:
    meeting = await _meeting(db, event.subject_id)
    if meeting is None:
        return []
    return await _recipients(db, await _members_on_the_day(db, meeting) | await _attending(db, meeting))


async def _agenda_recipients(db: Db, event: Event) -> list[Recipient]:
    meeting = await _meeting(db, event.subject_id)
    if meeting is None:
        return []
    return _with_subscribers(await _meeting_people(db, event), await public_subscribers(db, meeting.committee_id))


async def _missing(db: Db, event: Event) -> Meeting:
    meeting = await _meeting(db, event.subject_id)
    if meeting is None:
        raise LookupError(f"event {event.id}: no meeting {event.subject_id}")
    return meeting


def _as_told_to(recipient: Recipient, meeting: Meeting) -> Meeting:
    """A member of the public subscribed by email is told what the public may read: no call link."""
    return without_call_link(meeting) if recipient.person_id is None else meeting


async def write_agenda_published(db: Db, event: Event, recipient: Recipient) -> Letter:
    meeting = _as_told_to(recipient, await _missing(db, event))
    committee = await _committee_name(db, meeting.committee_id)
    items = await _public_agenda(db, meeting)
    return Letter(
        subject=f"Agenda published: {committee}, {_day(meeting.starts_at)}",
        paragraphs=(
            f"The agenda for {meeting.title} of {committee}, at {_when(meeting.starts_at)}, has been published.",
            *_where(meeting),
            *(["Business in public (Part I):", *items] if items else []),
        ),
        link=_page(meeting),
        link_label="See the agenda",
        ics=notice(meeting, committee),
    )


def _as_changed(meeting: Meeting, event: Event) -> Meeting:
    """The meeting as this change left it (a later change or cancellation has its own letter)."""
    now = event.payload.get("now", {})
    moments = {k: datetime.fromisoformat(now[k]) for k in ("starts_at", "ends_at") if now.get(k)}
    return meeting.model_copy(
        update={**now, "ends_at": None, **moments, "sequence": event.payload["sequence"], "cancelled_at": None}
    )


async def write_meeting_changed(db: Db, event: Event, recipient: Recipient) -> Letter:
    meeting = _as_told_to(recipient, _as_changed(await _missing(db, event), event))
    committee = await _committee_name(db, meeting.committee_id)
    was = event.payload.get("was", {})
    changes = []
    if "starts_at" in was:
        earlier = _when(datetime.fromisoformat(was["starts_at"]))
        changes.append(f"It now starts at {_when(meeting.starts_at)} (not {earlier}).")
    if "ends_at" in was and meeting.ends_at:
        changes.append(f"It now ends at {meeting.ends_at.astimezone(clock.LONDON):%H:%M}.")
    if "location" in was:
        changes.append(f"It now meets at {meeting.location}." if meeting.location else "It no longer meets in person.")
    if "call_link" in was:
        changes.append(f"Join online: {meeting.call_link}" if meeting.call_link else "There is no longer a call link.")
    return Letter(
        subject=f"Meeting changed: {committee}, {_day(meeting.starts_at)}",
        paragraphs=(
            f"{meeting.title} of {committee} has been rearranged.",
            *changes,
            "The calendar entry attached replaces the one you have.",
        ),
        link=_page(meeting),
        link_label="See the meeting",
        ics=notice(meeting, committee),
    )


async def write_meeting_cancelled(db: Db, event: Event, recipient: Recipient) -> Letter:
    meeting = await _missing(db, event)
    meeting = meeting.model_copy(update={"sequence": event.payload["sequence"]})
    committee = await _committee_name(db, meeting.committee_id)
    return Letter(
        subject=f"Meeting cancelled: {committee}, {_day(meeting.starts_at)}",
        paragraphs=(
            f"{meeting.title} of {committee}, which was to be held at {_when(meeting.starts_at)}, has been cancelled.",
            "The calendar entry attached removes it from your calendar.",
        ),
        link=_page(meeting),
        link_label="See the meeting",
        ics=notice(meeting, committee),
    )


# --- papers ------------------------------------------------------------------------------------------------------


_NOT_TO_PASS_ON = "Your copy is marked with your name when you download it; please do not pass it on."


def _private_pack(event: Event) -> bool:
    return event.payload.get("part") != Part.PUBLIC.value


async def _pack_recipients(db: Db, event: Event) -> list[Recipient]:
    meeting = await _meeting(db, event.payload.get("meeting_id"))
    if meeting is None:
        return []
    people = await _members_on_the_day(db, meeting) | await _attending(db, meeting)
    if _private_pack(event):
        return await _recipients(db, await _who_may_see_private(db, people, meeting.committee_id))
    return _with_subscribers(await _recipients(db, people), await public_subscribers(db, meeting.committee_id))


async def write_pack_published(db: Db, event: Event, recipient: Recipient) -> Letter:
    meeting = await _meeting(db, event.payload.get("meeting_id"))
    if meeting is None:
        raise LookupError(f"event {event.id}: no meeting")
    committee = await _committee_name(db, meeting.committee_id)
    private = _private_pack(event)
    papers = "private papers (Parts I and II)" if private else "papers"
    if event.payload.get("supplement"):
        subject = f"Supplementary {'private ' if private else ''}papers: {committee}, {_day(meeting.starts_at)}"
        opening = f"A supplement to the {papers} for {meeting.title} of {committee} has been published."
    else:
        subject = f"{'Private papers' if private else 'Papers'} published: {committee}, {_day(meeting.starts_at)}"
        opening = f"The {papers} for {meeting.title} of {committee} have been published."
    return Letter(
        subject=subject,
        paragraphs=(
            opening,
            f"The meeting is at {_when(meeting.starts_at)}.",
            *(
                ["Your copy is marked with your name when you download it; please do not pass it on."]
                if private
                else []
            ),
        ),
        link=_page(meeting),
        link_label="Read the papers",
    )


# --- minutes -------------------------------------------------------------------------------------------------------


async def _minutes_recipients(db: Db, event: Event) -> list[Recipient]:
    meeting = await _meeting(db, event.subject_id)
    if meeting is None:
        return []
    members = await _members_on_the_day(db, meeting)
    return await _recipients(db, await _who_may_see_private(db, members, meeting.committee_id))


async def write_minutes_ready(db: Db, event: Event, recipient: Recipient) -> Letter:
    meeting = await _missing(db, event)
    committee = await _committee_name(db, meeting.committee_id)
    return Letter(
        subject=f"Draft minutes ready: {committee}, {_day(meeting.starts_at)}",
        paragraphs=(
            f"The draft minutes of {meeting.title} of {committee}, held on {_day(meeting.starts_at)}, are ready.",
            "Please read them before the committee's next meeting, where they are to be approved as a true record.",
        ),
        link=f"{_page(meeting)}/minutes",
        link_label="Read the draft minutes",
    )


# --- actions -------------------------------------------------------------------------------------------------------


async def _action(db: Db, event: Event) -> tuple[Action, bool] | None:
    """The action, if still open, and whether it was raised under a Part II item."""
    action = await db.first(select(Action).where(Action.id == event.subject_id))
    if action is None or ActionStatus(action.status) == ActionStatus.CLOSED:
        return None
    part = action.item_id and await db.scalar(select(AgendaItem.part).where(AgendaItem.id == action.item_id))
    return action, part == Part.PRIVATE


async def _owner(db: Db, event: Event) -> list[Recipient]:
    """The owner the event names, while they still own the action (not one it has since passed from)."""
    found = await _action(db, event)
    if found is None:
        return []
    action, private = found
    if str(action.owner_id) != str(event.payload.get("owner_id", action.owner_id)):
        return []
    if not await _sees(db, action.owner_id, action.committee_id, private=private):
        return []
    return await _recipients(db, {action.owner_id})


async def _action_letter(db: Db, event: Event, subject: str, opening: str) -> Letter:
    found = await _action(db, event)
    if found is None:
        raise LookupError(f"event {event.id}: no open action {event.subject_id}")
    action, private = found
    committee = await _committee_name(db, action.committee_id)
    meeting = await _meeting(db, action.meeting_id)
    raised = f" at {meeting.title} on {_day(meeting.starts_at)}" if meeting else ""
    what = "It was raised in private business; read it in Quorum." if private else f"The action: {action.description}"
    return Letter(
        subject=f"{subject}: {committee}",
        paragraphs=(
            f"{opening} by {committee}{raised}. It is due on {_day(action.due_date)}.",
            what,
        ),
        link=f"/committees/{ids.encode('Committee', action.committee_id)}/actions",
        link_label="See the action log",
    )


async def write_action_assigned(db: Db, event: Event, recipient: Recipient) -> Letter:
    if event.payload.get("previous_owner_id"):
        return await _action_letter(db, event, "An action passed to you", "An action has been passed to you: raised")
    return await _action_letter(db, event, "An action for you", "An action has been given to you")


async def write_action_due(db: Db, event: Event, recipient: Recipient) -> Letter:
    return await _action_letter(db, event, "Your action is due today", "Your action is due today: it was given to you")


KINDS: list[Kind] = [
    Kind("agenda_published", "A meeting's agenda is published", _agenda_recipients, write_agenda_published),
    Kind("pack_published", "A meeting's papers are published", _pack_recipients, write_pack_published),
    Kind("meeting_changed", "A meeting is rearranged", _meeting_people, write_meeting_changed),
    Kind("meeting_cancelled", "A meeting is cancelled", _meeting_people, write_meeting_cancelled),
    Kind("minutes_ready", "Draft minutes are ready to read", _minutes_recipients, write_minutes_ready),
    Kind("action_assigned", "An action is given to you", _owner, write_action_assigned),
    Kind("action_due", "An action of yours falls due", _owner, write_action_due),
]
