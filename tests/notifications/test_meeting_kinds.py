"""Messages about meetings: the real mutations record events in the outbox, then each kind, reading as the owner
(as the notification worker does), names who is told and writes each letter. Exactly the right people, never
another organisation's, never a Part II title, and a calendar entry that follows the meeting."""

from __future__ import annotations

import uuid
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta

from icalendar import Calendar
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from quorum import clock
from quorum.conduct import reminders
from quorum.database import Db, owner_url
from quorum.notifications.kinds.meetings import KINDS
from quorum.notifications.letters import Event, Letter, Recipient
from tests.conduct.support import (
    ADD_ACTION,
    ATTEND,
    CLOSE,
    CREATE_MEETING,
    ERRORS,
    OPEN,
    STATUS,
    Board,
    make_board,
    move_start,
    ok,
    payload,
    person_id,
    uuid_of,
)
from tests.in_common.support import CREATE as ARRANGE
from tests.in_common.support import SCHEDULE, TAKE_PART
from tests.meetings.support import build_and_wait, future
from tests.support import (
    BOLTON_ADMIN,
    ISLINGTON_GP,
    ISLINGTON_SECRETARY,
    JOINT_COMMITTEE,
    MANCHESTER_OFFICER,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner_fetch,
)

SECRET = "Zebra Holdings settlement (commercially confidential)"
NOT_ON_THE_BOARD = "fiona.clarke@demo.quorum.example"  # a Bolton practice representative
ADD_ITEM = (
    """mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { item { id } errors { message } } }"""
)
PUBLISH = """mutation($input: PublishPackInput!) { publishPack(input: $input) { build { publishedAt } errors { message } } }"""
UPDATE_ACTION = (
    f"""mutation($input: UpdateActionInput!) {{ updateAction(input: $input) {{ action {{ id }} {ERRORS} }} }}"""
)
REARRANGE = f"""mutation($input: ChangeMeetingArrangementsInput!) {{ changeMeetingArrangements(input: $input) {{
  meeting {{ startsAt location cancelledAt }} {ERRORS} }} }}"""
CANCEL = f"""mutation($input: CancelMeetingInput!) {{ cancelMeeting(input: $input) {{ meeting {{ cancelledAt }} {ERRORS} }} }}"""
KIND = {k.name: k for k in KINDS}


@asynccontextmanager
async def as_owner():
    """The notification worker's view: one transaction as the owner, past row-level security."""
    engine = create_async_engine(owner_url())
    try:
        async with engine.connect() as conn, conn.begin():
            db = Db(AsyncSession(bind=conn, expire_on_commit=False))
            yield db
            await db.settle()
    finally:
        await engine.dispose()


async def last_event() -> int:
    return (await owner_fetch("SELECT coalesce(max(id), 0) FROM domain_event"))[0][0]


async def events_since(mark: int, *kinds: str) -> list[Event]:
    rows = await owner_fetch(
        "SELECT e.*, coalesce(o.name, '') AS org_name FROM domain_event e LEFT JOIN organisation o ON o.id = e.org_id"
        " WHERE e.id > $1 AND e.kind = ANY ($2::text[]) ORDER BY e.id",
        mark,
        list(kinds),
    )
    return [
        Event(r["id"], r["kind"], r["org_id"], r["org_name"], r["subject_id"], _json(r["payload"]), r["occurred_at"])
        for r in rows
    ]


def _json(value) -> dict:
    import json

    return json.loads(value) if isinstance(value, str) else value


async def told(event: Event) -> tuple[list[Recipient], list[Letter]]:
    kind = KIND[event.kind]
    async with as_owner() as db:
        recipients = await kind.recipients(db, event)
        letters = [await kind.write(db, event, r) for r in recipients]
    return recipients, letters


def addresses(recipients: list[Recipient]) -> set[str]:
    assert all(r.person_id is not None for r in recipients), recipients  # nobody anonymous
    assert len({r.email for r in recipients}) == len(recipients), "someone is told twice"
    return {r.email for r in recipients}


def words(letter: Letter) -> str:
    return (
        "\n".join([letter.subject, *letter.paragraphs, letter.link, letter.link_label]) + (letter.ics or b"").decode()
    )


def board_emails(board: Board) -> set[str]:
    from tests.conduct.support import MEMBERS, SECRETARY

    return {e for e, *_ in MEMBERS.values()} | {SECRETARY}


OUTSIDERS = {ISLINGTON_GP, ISLINGTON_SECRETARY, MANCHESTER_OFFICER, BOLTON_ADMIN}


async def new_meeting(board: Board, *, publish: bool = True) -> str:
    secretary = board.callers["secretary"]
    meeting = ok(
        await secretary.data(
            CREATE_MEETING,
            {
                "input": {
                    "committeeId": board.committee_id,
                    "title": "Board meeting",
                    "startsAt": future(),
                    "location": "Bolton Town Hall",
                }
            },
        )
    )["meeting"]
    for title, part in (("Estates strategy", "PUBLIC"), (SECRET, "PRIVATE")):
        added = await secretary.data(
            ADD_ITEM, {"input": {"meetingId": meeting["id"], "title": title, "purpose": "DECISION", "part": part}}
        )
        assert added["addAgendaItem"]["errors"] == []
    if publish:
        published = await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}})
        assert payload(published)["errors"] == []
    return meeting["id"]


async def test_agenda_and_papers_go_to_members_and_attendees_and_private_papers_to_members_only(client):
    board = await make_board(client, f"Notified board {uuid.uuid4().hex[:6]}")
    secretary = board.callers["secretary"]
    mark = await last_event()
    meeting = await new_meeting(board)
    await move_start(meeting, 5)
    ok(await secretary.data(OPEN, {"input": {"meetingId": meeting}}))
    fiona = await person_id(NOT_ON_THE_BOARD)
    ok(await secretary.data(ATTEND, {"input": {"meetingId": meeting, "personId": fiona, "change": "ARRIVED"}}))
    for part in ("PUBLIC", "PRIVATE"):
        build = await build_and_wait(secretary, meeting, part)
        assert (await secretary.data(PUBLISH, {"input": {"id": build["id"]}}))["publishPack"]["errors"] == []

    (agenda,) = await events_since(mark, "agenda_published")
    public, private = await events_since(mark, "pack_published")
    assert agenda.subject_id == uuid_of(meeting) and agenda.org_name == "NHS Bolton CCG"
    assert (public.payload["part"], private.payload["part"]) == ("PUBLIC", "PRIVATE")

    members = board_emails(board)
    recipients, letters = await told(agenda)
    assert addresses(recipients) == members | {NOT_ON_THE_BOARD}  # she attends the (public) meeting
    letter = letters[0]
    assert "Estates strategy" in words(letter) and letter.link == f"/meetings/{meeting}"
    calendar = Calendar.from_ical(letter.ics)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["UID"]) == f"{uuid_of(meeting)}@quorum" and str(entry["STATUS"]) == "CONFIRMED"

    recipients, public_letters = await told(public)
    assert addresses(recipients) == members | {NOT_ON_THE_BOARD}
    recipients, private_letters = await told(private)
    # Part II is for the committee's seats (Helen Hargreaves's in attendance among them), not its guests.
    assert addresses(recipients) == members
    assert all("Private papers" in letter.subject for letter in private_letters)

    for letter in [*letters, *public_letters, *private_letters]:
        assert SECRET not in words(letter) and "Zebra" not in words(letter)
    assert not OUTSIDERS & (members | {NOT_ON_THE_BOARD})


async def test_a_joint_committee_tells_the_members_of_every_party(client):
    secretary = await as_person(client, "helen.hargreaves@demo.quorum.example")
    committee_id = (await owner_fetch(JOINT_COMMITTEE))[0][0]
    seated = {
        r["email"]
        for r in await owner_fetch(
            "SELECT DISTINCT p.email FROM seat s JOIN person p ON p.id = s.person_id WHERE s.committee_id = $1"
            " AND s.valid_from <= $2 AND (s.valid_to IS NULL OR s.valid_to >= $2)",
            committee_id,
            date.fromisoformat(future()[:10]),
        )
    }
    assert MANCHESTER_OFFICER in seated  # the area team's officer sits for the other party
    mark = await last_event()
    meeting = ok(
        await secretary.data(
            CREATE_MEETING,
            {
                "input": {
                    "committeeId": await global_id("Committee", JOINT_COMMITTEE),
                    "title": "Joint committee",
                    "startsAt": future(),
                    "location": "Bolton Town Hall",
                }
            },
        )
    )["meeting"]["id"]
    assert (
        payload(await secretary.data(STATUS, {"input": {"id": meeting, "status": "AGENDA_PUBLISHED"}}))["errors"] == []
    )
    (event,) = await events_since(mark, "agenda_published")
    recipients, _ = await told(event)
    assert addresses(recipients) == seated
    assert ISLINGTON_GP not in seated and BOLTON_ADMIN not in seated


async def test_a_rearranged_or_cancelled_meeting_sends_the_calendar_entry_again(client):
    board = await make_board(client, f"Rearranged board {uuid.uuid4().hex[:6]}")
    secretary = board.callers["secretary"]
    draft = await new_meeting(board, publish=False)
    meeting = await new_meeting(board)
    mark = await last_event()

    # Before the notice goes out nobody has been told of the meeting, so nobody is told of a change.
    moved = ok(await secretary.data(REARRANGE, {"input": {"id": draft, "startsAt": future(31), "location": "Online"}}))
    assert moved["meeting"]["location"] == "Online"
    # Bad input, someone who does not run the committee, another organisation and anonymous change nothing.
    refused = payload(
        await secretary.data(REARRANGE, {"input": {"id": meeting, "startsAt": future(-1), "location": "X"}})
    )
    assert [e["field"] for e in refused["errors"]] == ["startsAt"]
    unchanged = payload(
        await secretary.data(
            REARRANGE, {"input": {"id": meeting, "startsAt": future(), "location": "Bolton Town Hall"}}
        )
    )
    assert [e["message"] for e in unchanged["errors"]] == ["Nothing has changed."]
    for outsider in (board.callers["lowe"], await as_person(client, ISLINGTON_SECRETARY)):
        assert payload(await outsider.data(CANCEL, {"input": {"id": meeting}}))["errors"]
        assert payload(
            await outsider.data(REARRANGE, {"input": {"id": meeting, "startsAt": future(40), "location": "Y"}})
        )["errors"]
    await assert_asked_to_sign_in(client, CANCEL, {"input": {"id": meeting}})
    # A committee's meeting of a session in common keeps the session's date and place.
    arrangement = ok(
        await secretary.data(
            ARRANGE, {"input": {"committeeId": board.committee_id, "name": f"In common ({board.committee_id})"}}
        )
    )["arrangement"]["id"]
    session = ok(
        await secretary.data(
            SCHEDULE,
            {
                "input": {
                    "arrangementId": arrangement,
                    "title": "Session",
                    "startsAt": future(),
                    "location": "Bolton Town Hall",
                    "items": [{"title": "Estates", "purpose": "DECISION", "part": "PUBLIC"}],
                }
            },
        )
    )["session"]["id"]
    taken = ok(await secretary.data(TAKE_PART, {"input": {"sessionId": session, "committeeId": board.committee_id}}))
    session_meeting = taken["session"]["meetings"][0]["meetingId"]
    refused = payload(await secretary.data(CANCEL, {"input": {"id": session_meeting}}))
    assert "session in common" in refused["errors"][0]["message"]
    assert await events_since(mark, "meeting_changed", "meeting_cancelled") == []
    row = (await owner_fetch("SELECT location, sequence, cancelled_at FROM meeting WHERE id = $1", uuid_of(meeting)))[0]
    assert tuple(row) == ("Bolton Town Hall", 0, None)
    assert (await owner_fetch("SELECT cancelled_at FROM meeting WHERE id = $1", uuid_of(session_meeting)))[0][0] is None

    later = future(32)
    ok(
        await secretary.data(
            REARRANGE,
            {
                "input": {
                    "id": meeting,
                    "startsAt": later,
                    "location": "Bolton Arena",
                    "callLink": "https://call.example/b",
                }
            },
        )
    )
    ok(await secretary.data(CANCEL, {"input": {"id": meeting}}))
    assert payload(await secretary.data(CANCEL, {"input": {"id": meeting}}))["errors"]  # cancelled once
    changed, cancelled = await events_since(mark, "meeting_changed", "meeting_cancelled")
    assert (changed.kind, cancelled.kind) == ("meeting_changed", "meeting_cancelled")
    assert changed.subject_id == cancelled.subject_id == uuid_of(meeting)

    recipients, letters = await told(changed)
    assert addresses(recipients) == board_emails(board)
    text = words(letters[0])
    assert "Bolton Arena" in text and "https://call.example/b" in text and SECRET not in text
    (entry,) = Calendar.from_ical(letters[0].ics).walk("VEVENT")
    assert str(Calendar.from_ical(letters[0].ics)["METHOD"]) == "PUBLISH"
    assert str(entry["UID"]) == f"{uuid_of(meeting)}@quorum" and int(entry["SEQUENCE"]) == 1
    assert entry.decoded("DTSTART") == datetime.fromisoformat(later) and str(entry["LOCATION"]) == "Bolton Arena"

    recipients, letters = await told(cancelled)
    assert addresses(recipients) == board_emails(board)
    assert "cancelled" in letters[0].subject and SECRET not in words(letters[0])
    calendar = Calendar.from_ical(letters[0].ics)
    (entry,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "CANCEL" and str(entry["STATUS"]) == "CANCELLED"
    assert str(entry["UID"]) == f"{uuid_of(meeting)}@quorum" and int(entry["SEQUENCE"]) == 2


async def test_draft_minutes_go_to_members_and_actions_to_their_owner_alone(client):
    board = await make_board(client, f"Minuted board {uuid.uuid4().hex[:6]}")
    secretary = board.callers["secretary"]
    meeting = await new_meeting(board)
    await move_start(meeting, 5)
    ok(await secretary.data(OPEN, {"input": {"meetingId": meeting}}))
    fiona = await person_id(NOT_ON_THE_BOARD)
    ok(await secretary.data(ATTEND, {"input": {"meetingId": meeting, "personId": fiona, "change": "ARRIVED"}}))
    items = {
        r["title"]: global_id_of(r["id"])
        for r in await owner_fetch("SELECT id, title FROM agenda_item WHERE meeting_id = $1", uuid_of(meeting))
    }
    mark = await last_event()
    due = clock.local_date(clock.now()) + timedelta(days=7)
    for item, owner, description in (
        ("Estates strategy", board.people["khan"], "Circulate the estates options appraisal"),
        (SECRET, board.people["patel"], "Instruct solicitors on the Zebra settlement"),
        ("Estates strategy", fiona, "Report the practice's view of the options"),
        (SECRET, fiona, "Brief the practice on the Zebra settlement"),
    ):
        ok(
            await secretary.data(
                ADD_ACTION,
                {
                    "input": {
                        "meetingId": meeting,
                        "itemId": items[item],
                        "description": description,
                        "ownerId": owner,
                        "dueDate": due.isoformat(),
                    }
                },
            )
        )
    ok(await secretary.data(CLOSE, {"input": {"meetingId": meeting}}))

    (minutes,) = await events_since(mark, "minutes_ready")
    recipients, letters = await told(minutes)
    assert addresses(recipients) == board_emails(board)  # members, not the meeting's guest
    assert all(SECRET not in words(letter) for letter in letters)

    public_action, private_action, guest_action, guest_private_action = await events_since(mark, "action_assigned")
    recipients, (letter,) = await told(public_action)
    assert addresses(recipients) == {"amir.khan@demo.quorum.example"}
    assert "Circulate the estates options appraisal" in words(letter)
    recipients, (letter,) = await told(private_action)
    assert addresses(recipients) == {"susan.patel@demo.quorum.example"}
    assert "Zebra" not in words(letter) and SECRET not in words(letter)  # told it is private business, not what
    recipients, _ = await told(guest_action)
    assert addresses(recipients) == {NOT_ON_THE_BOARD}  # a Bolton person sees Bolton's committee's Part I business
    recipients, _ = await told(guest_private_action)
    assert recipients == []  # she may not see Part II business, so she is not told of it either

    # Passed on: the new owner is told, the earlier letter no longer goes to the one who had it; nobody else may.
    action_id = global_id_of(public_action.subject_id, "Action")
    passed = {"input": {"id": action_id, "status": "OPEN", "ownerId": board.people["reid"]}}
    for outsider in (board.callers["khan"], await as_person(client, ISLINGTON_SECRETARY)):
        assert payload(await outsider.data(UPDATE_ACTION, passed))["errors"]
    ok(await secretary.data(UPDATE_ACTION, passed))
    reassigned = (await events_since(mark, "action_assigned"))[4:]
    assert [e.subject_id for e in reassigned] == [public_action.subject_id]
    recipients, (letter,) = await told(reassigned[0])
    assert addresses(recipients) == {"paul.reid@demo.quorum.example"} and "passed to you" in letter.paragraphs[0]
    assert (await told(public_action))[0] == []


def global_id_of(key: uuid.UUID, type_name: str = "AgendaItem") -> str:
    from quorum.ids import encode

    return encode(type_name, key)


async def test_an_action_falling_due_is_recorded_once_a_day_however_often_the_scan_runs(client):
    board = await make_board(client, f"Action board {uuid.uuid4().hex[:6]}")
    secretary = board.callers["secretary"]
    meeting = await new_meeting(board)
    await move_start(meeting, 5)
    ok(await secretary.data(OPEN, {"input": {"meetingId": meeting}}))
    due = clock.local_date(clock.now()) + timedelta(days=3)
    for description, owner in (("Chase the audit letter", "reid"), ("Book the venue", "khan")):
        ok(
            await secretary.data(
                ADD_ACTION,
                {
                    "input": {
                        "meetingId": meeting,
                        "description": description,
                        "ownerId": board.people[owner],
                        "dueDate": due.isoformat(),
                    }
                },
            )
        )
    mark = await last_event()
    the_day = datetime.combine(due, datetime.min.time(), clock.LONDON).replace(hour=7)
    for _ in range(3):
        await reminders.scan_actions_due(the_day)
    events = await events_since(mark, "action_due")
    mine = [e for e in events if e.payload["meeting_id"] == str(uuid_of(meeting))]
    assert len(mine) == 2 and {e.payload["due_on"] for e in mine} == {due.isoformat()}
    for event in mine:
        recipients, (letter,) = await told(event)
        assert len(recipients) == 1 and recipients[0].person_id == uuid.UUID(event.payload["owner_id"])
        assert "due today" in letter.subject
    await reminders.scan_actions_due(the_day - timedelta(days=1))  # nothing of this board is due the day before
    assert [
        e for e in await events_since(mark, "action_due") if e.payload["meeting_id"] == str(uuid_of(meeting))
    ] == mine


async def test_a_change_rolled_back_records_no_event(client, monkeypatch):
    board = await make_board(client, f"Rolled back board {uuid.uuid4().hex[:6]}")
    secretary = board.callers["secretary"]
    meeting = await new_meeting(board, publish=False)
    mark = await last_event()

    from quorum.outbox import service as outbox

    recorded = outbox.record

    async def record_then_fail(*args, **kwargs):
        await recorded(*args, **kwargs)
        raise RuntimeError("the change fails after its event was recorded")

    monkeypatch.setattr(outbox, "record", record_then_fail)
    body = await secretary.post(STATUS, {"input": {"id": meeting, "status": "AGENDA_PUBLISHED"}})
    monkeypatch.undo()
    assert body["errors"], body
    assert await events_since(mark, "agenda_published") == []
    assert (await owner_fetch("SELECT status FROM meeting WHERE id = $1", uuid_of(meeting)))[0][0] == "DRAFT"
