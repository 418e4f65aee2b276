"""Every kind of message, end to end: the real change (a GraphQL mutation, or the daily scan at a chosen moment),
then the machine (dispatch, delivery), then what a real SMTP server on loopback received. Each message goes to
exactly the right addresses (nobody of another organisation, no member of the public unless subscribed), carries
the organisation's name, HTML and plain text and the link back, offers unsubscribing unless the kind is mandatory,
attaches the calendar entry when a meeting changes, and never names a Part II item."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from icalendar import Calendar

from quorum import clock, ids
from quorum.conduct import reminders as action_reminders
from quorum.notifications import practice_reminders as scans
from quorum.notifications.catalogue import KINDS
from quorum.notifications.frame import absolute
from quorum.notifications.reminders import record_paper_reminders
from quorum.notifications.subscriptions import subscribe
from tests.ballots.helpers import FIONA, KWAME, ballot_uuid, cast, new_ballot
from tests.concerns.test_concerns import UPDATE, log, person
from tests.conduct.support import (
    ADD_ACTION,
    ATTEND,
    CLOSE,
    CREATE_MEETING,
    OPEN,
    STATUS,
    make_board,
    move_start,
    ok,
    person_id,
    uuid_of,
)
from tests.conduct.support import ADD_ITEM as ADD_AGENDA_ITEM
from tests.meetings.support import AUTHOR, MOVE, SAVE, SECRETARY, SPONSOR, build_and_wait, draft, future
from tests.notifications import test_practice_kinds as practice_kinds
from tests.notifications.conftest import Inbox, Received, run_machine
from tests.notifications.test_meeting_kinds import (
    CANCEL,
    NOT_ON_THE_BOARD,
    PUBLISH,
    REARRANGE,
    SECRET,
    board_emails,
    global_id_of,
    last_event,
    new_meeting,
)
from tests.notifications.test_papers import requested
from tests.notifications.test_practice_kinds import (
    LAY_MEMBER,
    _answer,
    _delegation,
    _open,
    members,
    representative,
)
from tests.support import (
    BOLTON_SECRETARY,
    ISLINGTON_GP,
    ISLINGTON_SECRETARY,
    JOINT_COMMITTEE,
    MANCHESTER_OFFICER,
    as_person,
    global_id,
    owner_fetch,
)

# The practice kinds' fixtures: a new governing body member, and delegations removed after the test.
new_decision_maker = practice_kinds.new_decision_maker
delegations = practice_kinds.delegations

PAPER_SECRET = "Quagga Logistics dismissal hearing"
PART_TWO_WORDS = (SECRET, "Zebra", PAPER_SECRET, "Quagga")
ISLINGTON = {ISLINGTON_GP, ISLINGTON_SECRETARY, KWAME}
SUBSCRIBER = "resident.{}@example.org"
BOLTON = "NHS Bolton CCG"

EXERCISED: set[str] = set()


def exercises(*kinds: str) -> Callable:
    """Marks which kinds a test drives end to end, for the coverage test below."""
    EXERCISED.update(kinds)
    return lambda test: test


@pytest.fixture(autouse=True)
async def never_part_two(quiet_inbox):
    """Whatever a test made the server receive, no Part II title is anywhere in it."""
    yield
    for received in quiet_inbox.messages:
        assert_no_part_two(received)


def whole(received: Received) -> str:
    """Every header and every decoded part, attachments included (bodies may be base64 or quoted-printable)."""
    message = received.message
    headers = "\n".join(f"{k}: {v}" for k, v in message.items())
    parts = [p.get_content() for p in message.walk() if not p.is_multipart()]
    return "\n".join([headers, *(p.decode() if isinstance(p, bytes) else str(p) for p in parts)])


def assert_no_part_two(received: Received) -> None:
    everything = whole(received)
    for word in PART_TWO_WORDS:
        assert word not in everything, (word, received.message["Subject"])


async def mail_of(
    inbox: Inbox, kind: str, *, since: int = 0, subject: uuid.UUID | None = None, payload: dict | None = None
) -> list[Received]:
    """What the server received for this kind's events (since the mark, about this subject, with this payload),
    having checked that every message the machine wrote for them was received."""
    rows = await owner_fetch(
        "SELECT m.message_id, m.status FROM notification_message m JOIN domain_event e ON e.id = m.event_id"
        " WHERE e.kind = $1 AND e.id > $2 AND ($3::uuid IS NULL OR e.subject_id = $3)"
        " AND e.payload @> $4::jsonb",
        kind,
        since,
        subject,
        json.dumps(payload or {}),
    )
    assert {r["status"] for r in rows} <= {"SENT"}, rows
    written = {r["message_id"] for r in rows}
    received = [m for m in inbox.messages if m.message["Message-ID"] in written]
    assert len(received) == len(written), "every message written was received, once"
    return received


def assert_mail(
    received: list[Received],
    kind: str,
    to: set[str],
    *,
    link: str,
    org: str = BOLTON,
    subject: str = "",
) -> dict[str, Received]:
    """Exactly these addresses, each once, and each message framed as every message is; returns them by address."""
    by_address: dict[str, Received] = {}
    for one in received:
        assert len(one.recipients) == 1, one.recipients
        (address,) = one.recipients
        assert address not in by_address, f"{address} is told twice"
        by_address[address] = one
    assert set(by_address) == to
    assert not set(by_address) & ISLINGTON
    mandatory = KINDS[kind].mandatory
    for one in received:
        message = one.message
        title = subject_of(one)
        assert title.startswith(f"[{org}] ") and subject in title, title
        assert org in one.text and org in one.html
        assert absolute(link) in one.text and f'href="{absolute(link)}"' in one.html
        if mandatory:
            assert message["List-Unsubscribe"] is None and message["List-Unsubscribe-Post"] is None
        else:
            assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            assert message["List-Unsubscribe"].strip("<>") in one.text
        assert_no_part_two(one)
    return by_address


def subject_of(received: Received) -> str:
    """The subject as a mail client shows it (a long one is folded onto the next line, after a space)."""
    return str(received.message["Subject"]).strip()


def calendar_of(received: Received) -> Calendar:
    (attachment,) = [p for p in received.message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert attachment.get_filename() == "meeting.ics"
    return Calendar.from_ical(attachment.get_content())


# Papers


@exercises("paper_requested", "paper_due_soon", "paper_overdue", "paper_submitted", "paper_returned", "paper_approved")
async def test_paper_messages_by_mail(client, quiet_inbox):
    _, author, sponsor, paper_id = await requested(client, "Community services review")
    paper = ids.decode(paper_id)[1]
    link = f"/papers/{paper_id}"
    await run_machine()
    assert_mail(await mail_of(quiet_inbox, "paper_requested", subject=paper), "paper_requested", {AUTHOR}, link=link)

    # A Part II paper: its author is told of a private item, never its title.
    _, _, _, private_id = await requested(client, PAPER_SECRET, part="PRIVATE")
    await run_machine()
    (letter,) = await mail_of(quiet_inbox, "paper_requested", subject=ids.decode(private_id)[1])
    assert_mail([letter], "paper_requested", {AUTHOR}, link=f"/papers/{private_id}")
    assert "a private item" in letter.text

    [row] = await owner_fetch("SELECT due_date FROM paper WHERE id = $1", paper)
    for kind, days in (("paper_due_soon", -3), ("paper_overdue", 1)):
        moment = clock.now().replace(hour=7) + (row["due_date"] - clock.today() + timedelta(days=days))
        await record_paper_reminders(moment)
        await run_machine()
        told = assert_mail(await mail_of(quiet_inbox, kind, subject=paper), kind, {AUTHOR, SECRETARY}, link=link)
        assert "For your information" in told[SECRETARY].text and "For your information" not in told[AUTHOR].text

    assert (await author.data(SAVE, draft(paper_id, "Body.")))["savePaperDraft"]["errors"] == []
    for caller, status, kind, to in (
        (author, "SUBMITTED", "paper_submitted", SPONSOR),
        (sponsor, "DRAFT", "paper_returned", AUTHOR),
        (author, "SUBMITTED", "paper_submitted", SPONSOR),
        (sponsor, "APPROVED", "paper_approved", AUTHOR),
    ):
        mark = await last_event()
        assert (await caller.data(MOVE, {"input": {"id": paper_id, "status": status}}))["movePaper"]["errors"] == []
        await run_machine()
        assert_mail(await mail_of(quiet_inbox, kind, since=mark, subject=paper), kind, {to}, link=link)


# Meetings


async def public_subscribers_of(committee_global_id: str) -> tuple[str, str]:
    """A confirmed subscriber of the committee, and one who never confirmed (and so is never told)."""
    committee = uuid_of(committee_global_id)
    confirmed, unconfirmed = (SUBSCRIBER.format(uuid.uuid4().hex[:8]) for _ in range(2))
    for address in (confirmed, unconfirmed):
        await subscribe(committee, address)
    await owner_fetch("UPDATE public_subscription SET confirmed_at = now() WHERE email = $1", confirmed)
    return confirmed, unconfirmed


@exercises("agenda_published", "pack_published")
async def test_agenda_and_papers_by_mail_reach_members_guests_and_confirmed_subscribers(client, quiet_inbox):
    board = await make_board(client, f"Mailed board {uuid.uuid4().hex[:6]}")
    secretary = board.callers["secretary"]
    subscriber, unconfirmed = await public_subscribers_of(board.committee_id)
    meeting = await new_meeting(board)  # an agenda with a Part II item, published
    key, link = uuid_of(meeting), f"/meetings/{meeting}"
    await run_machine()
    members = board_emails(board)
    told = assert_mail(
        await mail_of(quiet_inbox, "agenda_published", subject=key),
        "agenda_published",
        members | {subscriber},
        link=link,
    )
    assert "Estates strategy" in told[subscriber].text
    assert "Dear" not in told[subscriber].text  # the public is not addressed as a person

    await move_start(meeting, 5)
    ok(await secretary.data(OPEN, {"input": {"meetingId": meeting}}))
    guest = await person_id(NOT_ON_THE_BOARD)
    ok(await secretary.data(ATTEND, {"input": {"meetingId": meeting, "personId": guest, "change": "ARRIVED"}}))
    for part, to in (("PUBLIC", members | {NOT_ON_THE_BOARD, subscriber}), ("PRIVATE", members)):
        build = await build_and_wait(secretary, meeting, part)
        assert (await secretary.data(PUBLISH, {"input": {"id": build["id"]}}))["publishPack"]["errors"] == []
        await run_machine()
        received = await mail_of(quiet_inbox, "pack_published", payload={"meeting_id": str(key), "part": part})
        assert_mail(received, "pack_published", to, link=link)
    # The address never confirmed received its request to confirm, and nothing else.
    asked = [subject_of(m) for m in quiet_inbox.to(unconfirmed)]
    assert len(asked) == 1 and asked[0].startswith(f"[{BOLTON}] Confirm your subscription to ")


@exercises("agenda_published")
async def test_a_joint_committee_s_agenda_by_mail_reaches_every_party_s_seats_and_no_other_organisation(
    client, quiet_inbox
):
    secretary = await as_person(client, BOLTON_SECRETARY)
    committee = await global_id("Committee", JOINT_COMMITTEE)
    starts = future()
    given = {"committeeId": committee, "title": "Joint committee", "startsAt": starts, "location": "Bolton Town Hall"}
    meeting = ok(await secretary.data(CREATE_MEETING, {"input": given}))["meeting"]["id"]
    item = {"meetingId": meeting, "title": SECRET, "purpose": "DECISION", "part": "PRIVATE"}
    ok(await secretary.data(ADD_AGENDA_ITEM, {"input": item}))
    ok(await secretary.data(STATUS, {"input": {"id": meeting, "status": "AGENDA_PUBLISHED"}}))
    await run_machine()
    seated = {
        r["email"]
        for r in await owner_fetch(
            "SELECT DISTINCT p.email FROM seat s JOIN person p ON p.id = s.person_id"
            f" WHERE s.committee_id = ({JOINT_COMMITTEE}) AND s.valid_from <= $1"
            " AND (s.valid_to IS NULL OR s.valid_to >= $1)",
            clock.local_date(datetime.fromisoformat(starts)),
        )
    }
    assert MANCHESTER_OFFICER in seated  # the area team's officer sits for the other party
    host = await owner_fetch(
        f"SELECT o.name FROM committee c JOIN organisation o ON o.id = c.org_id WHERE c.id = ({JOINT_COMMITTEE})"
    )
    received = await mail_of(quiet_inbox, "agenda_published", subject=uuid_of(meeting))
    assert_mail(received, "agenda_published", seated, link=f"/meetings/{meeting}", org=host[0]["name"])


@exercises("meeting_changed", "meeting_cancelled")
async def test_a_rearranged_then_cancelled_meeting_by_mail_carries_its_calendar_entry(client, quiet_inbox):
    board = await make_board(client, f"Moved board {uuid.uuid4().hex[:6]}")
    secretary = board.callers["secretary"]
    subscriber, _ = await public_subscribers_of(board.committee_id)
    meeting = await new_meeting(board)
    key, link = uuid_of(meeting), f"/meetings/{meeting}"
    change = {"id": meeting, "startsAt": future(33), "location": "Bolton Arena"}
    ok(await secretary.data(REARRANGE, {"input": change}))
    await run_machine()
    # A change is for the people who had notice of the meeting; the public reads the published record.
    told = assert_mail(
        await mail_of(quiet_inbox, "meeting_changed", subject=key), "meeting_changed", board_emails(board), link=link
    )
    assert subscriber not in told
    changed = told[SECRETARY]
    calendar = calendar_of(changed)
    (entry,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "PUBLISH" and str(entry["LOCATION"]) == "Bolton Arena"
    assert int(entry["SEQUENCE"]) == 1 and "Bolton Arena" in changed.text

    ok(await secretary.data(CANCEL, {"input": {"id": meeting}}))
    await run_machine()
    told = assert_mail(
        await mail_of(quiet_inbox, "meeting_cancelled", subject=key),
        "meeting_cancelled",
        board_emails(board),
        link=link,
    )
    for received in told.values():
        calendar = calendar_of(received)
        (entry,) = calendar.walk("VEVENT")
        assert str(calendar["METHOD"]) == "CANCEL" and str(entry["STATUS"]) == "CANCELLED"
        assert str(entry["UID"]) == f"{key}@quorum" and int(entry["SEQUENCE"]) == 2


@exercises("minutes_ready", "action_assigned", "action_due")
async def test_draft_minutes_and_actions_by_mail(client, quiet_inbox):
    board = await make_board(client, f"Minuted by mail {uuid.uuid4().hex[:6]}")
    secretary = board.callers["secretary"]
    meeting = await new_meeting(board)
    key = uuid_of(meeting)
    await move_start(meeting, 5)
    ok(await secretary.data(OPEN, {"input": {"meetingId": meeting}}))
    guest = await person_id(NOT_ON_THE_BOARD)
    ok(await secretary.data(ATTEND, {"input": {"meetingId": meeting, "personId": guest, "change": "ARRIVED"}}))
    items = {
        r["title"]: global_id_of(r["id"])
        for r in await owner_fetch("SELECT id, title FROM agenda_item WHERE meeting_id = $1", key)
    }
    due = clock.local_date(clock.now()) + timedelta(days=3)
    for item, owner, description in (
        ("Estates strategy", board.people["khan"], "Circulate the estates options appraisal"),
        (SECRET, board.people["patel"], "Instruct solicitors on the Zebra settlement"),
        ("Estates strategy", guest, "Report the practice's view of the options"),
        (SECRET, guest, "Brief the practice on the Zebra settlement"),
    ):
        given = {"meetingId": meeting, "itemId": items[item], "description": description, "ownerId": owner}
        ok(await secretary.data(ADD_ACTION, {"input": {**given, "dueDate": due.isoformat()}}))
    ok(await secretary.data(CLOSE, {"input": {"meetingId": meeting}}))
    await run_machine()

    minutes = await mail_of(quiet_inbox, "minutes_ready", subject=key)
    assert_mail(minutes, "minutes_ready", board_emails(board), link=f"/meetings/{meeting}/minutes")
    # The guest's Part II action is not hers to know of: she hears of her Part I action alone.
    owners = {"amir.khan@demo.quorum.example", "susan.patel@demo.quorum.example", NOT_ON_THE_BOARD}
    actions_link = f"/committees/{board.committee_id}/actions"
    on_this_meeting = {"meeting_id": str(key)}
    assigned = await mail_of(quiet_inbox, "action_assigned", payload=on_this_meeting)
    told = assert_mail(assigned, "action_assigned", owners, link=actions_link)
    assert "Circulate the estates options appraisal" in told["amir.khan@demo.quorum.example"].text
    assert "Report the practice's view" in told[NOT_ON_THE_BOARD].text

    await action_reminders.scan_actions_due(datetime.combine(due, datetime.min.time(), clock.LONDON).replace(hour=7))
    await run_machine()
    falling_due = await mail_of(quiet_inbox, "action_due", payload=on_this_meeting)
    told = assert_mail(falling_due, "action_due", owners, link=actions_link)
    assert all("due today" in subject_of(m) for m in told.values())


# Practices: ballots, surveys, declarations, delegations


@exercises("ballot_opened", "ballot_closing")
async def test_a_ballot_by_mail_reaches_its_practices_and_reminds_those_yet_to_vote(client, quiet_inbox):
    voter = await representative(client, "P82005")
    ballot = await new_ballot(client, opens=timedelta(days=-2), closes=timedelta(hours=30))
    key, link = ballot_uuid(ballot), f"/ballots/{ballot['id']}"
    await run_machine()
    representatives = await members("00T", "PRACTICE_REPRESENTATIVE")
    assert {FIONA, voter.email} <= representatives
    assert_mail(
        await mail_of(quiet_inbox, "ballot_opened", subject=key),
        "ballot_opened",
        representatives,
        link=link,
        subject="Ballot open: ",
    )

    assert (await cast(voter, ballot, "For"))["errors"] == []
    await practice_kinds.scan(scans.scan_ballots_closing, clock.now() + timedelta(days=1))
    await run_machine()
    voted = {
        r["email"]
        for r in await owner_fetch(
            "SELECT p.email FROM membership m JOIN person p ON p.id = m.person_id JOIN practice pr"
            " ON pr.id = m.practice_id WHERE pr.ods_code = 'P82005' AND m.role = 'PRACTICE_REPRESENTATIVE'"
        )
    }
    assert voter.email in voted
    assert_mail(
        await mail_of(quiet_inbox, "ballot_closing", subject=key),
        "ballot_closing",
        representatives - voted,
        link=link,
        subject="Ballot closes soon: ",
    )


@exercises("survey_opened", "survey_reminder")
async def test_a_survey_by_mail_asks_its_audience_and_reminds_those_yet_to_answer(client, quiet_inbox):
    answered = await representative(client, "P82009")
    closes = (clock.now() + timedelta(hours=36)).isoformat()
    survey_id = await _open(client, title="Mailed named views", anonymity="NAMED", closesAt=closes)
    key, link = ids.decode(survey_id)[1], f"/surveys/{survey_id}/answer"
    await run_machine()
    asked = await members("00T", "PRACTICE_REPRESENTATIVE")
    assert not asked & {BOLTON_SECRETARY, LAY_MEMBER}
    assert_mail(await mail_of(quiet_inbox, "survey_opened", subject=key), "survey_opened", asked, link=link)

    await _answer(client, answered.email, survey_id)
    await practice_kinds.scan(scans.scan_survey_reminders, clock.now() + timedelta(hours=26))
    await run_machine()
    received = await mail_of(quiet_inbox, "survey_reminder", subject=key)
    assert_mail(received, "survey_reminder", asked - {answered.email}, link=link, subject="Mailed named views")


@exercises("declaration_due")
async def test_a_declaration_falling_due_by_mail_goes_to_that_decision_maker_alone(
    client, quiet_inbox, new_decision_maker
):
    email, person = new_decision_maker
    await practice_kinds.scan(scans.scan_declarations_due)
    await run_machine()
    received = await mail_of(quiet_inbox, "declaration_due", subject=person)
    assert_mail(received, "declaration_due", {email}, link="/interests", subject="declaration of interests")


@exercises("delegation_expiring")
async def test_a_delegation_expiring_by_mail_reaches_both_parties_and_nobody_else(client, quiet_inbox, delegations):
    soon = await _delegation(client, delegations, "local_incentive_schemes", ends=20)
    await practice_kinds.scan(scans.scan_delegations_expiring)
    await run_machine()
    delegating_org = (await owner_fetch("SELECT name FROM organisation WHERE ods_code = 'Q46'"))[0][0]
    delegating = await members("Q46", "ADMINISTRATOR", "BOARD_SECRETARY", "AREA_TEAM_OFFICER")
    assert MANCHESTER_OFFICER in delegating
    assert_mail(
        await mail_of(quiet_inbox, "delegation_expiring", subject=soon, payload={"party": "delegating"}),
        "delegation_expiring",
        delegating,
        link="/delegations",
        org=delegating_org,
    )

    [host] = await owner_fetch(
        f"SELECT o.ods_code, o.name FROM committee c JOIN organisation o ON o.id = c.org_id"
        f" WHERE c.id = ({JOINT_COMMITTEE})"
    )
    seated = await owner_fetch(
        "SELECT DISTINCT p.email FROM seat s JOIN person p ON p.id = s.person_id"
        f" WHERE s.committee_id = ({JOINT_COMMITTEE}) AND s.role <> 'IN_ATTENDANCE'"
        " AND s.valid_from <= current_date AND (s.valid_to IS NULL OR s.valid_to >= current_date)"
    )
    governance = await members(host["ods_code"], "ADMINISTRATOR", "BOARD_SECRETARY", "AREA_TEAM_OFFICER")
    receiving = ({r["email"] for r in seated} | governance) - delegating
    assert not receiving & (ISLINGTON | {FIONA})
    assert_mail(
        await mail_of(quiet_inbox, "delegation_expiring", subject=soon, payload={"party": "receiving"}),
        "delegation_expiring",
        receiving,
        link="/delegations",
        org=host["name"],
    )


# Quality concerns


@exercises("concern_assigned")
async def test_a_concern_given_to_someone_by_mail_reaches_them_alone_without_naming_it(client, quiet_inbox):
    secretary = await as_person(client, BOLTON_SECRETARY)
    concern = await log(secretary, title="Quagga surgery whistleblowing")  # owned by Bolton's administrator
    mine = await log(secretary, title="Kept by the secretary", ownerId=await person(BOLTON_SECRETARY))
    link = f"/concerns/{concern['id']}"
    await run_machine()
    (letter,) = assert_mail(
        await mail_of(quiet_inbox, "concern_assigned", subject=ids.decode(concern["id"])[1]),
        "concern_assigned",
        {"priya.shah@demo.quorum.example"},
        link=link,
        subject="A quality concern is now yours",
    ).values()
    assert "safety concern" in letter.text and "Quagga" not in letter.text
    assert await mail_of(quiet_inbox, "concern_assigned", subject=ids.decode(mine["id"])[1]) == [], "not to oneself"

    passed_on = {
        "id": mine["id"],
        "ownerId": await person("rajesh.mistry@demo.quorum.example"),
        "reviewDate": (clock.today() + timedelta(days=20)).isoformat(),
        "escalatedToNhsEngland": False,
    }
    assert (await secretary.data(UPDATE, {"input": passed_on}))["updateConcern"]["errors"] == []
    await run_machine()
    assert_mail(
        await mail_of(quiet_inbox, "concern_assigned", subject=ids.decode(mine["id"])[1]),
        "concern_assigned",
        {"rajesh.mistry@demo.quorum.example"},
        link=f"/concerns/{mine['id']}",
    )


def test_every_kind_of_message_is_tested_here_by_mail():
    assert EXERCISED == set(KINDS), (set(KINDS) - EXERCISED, EXERCISED - set(KINDS))
