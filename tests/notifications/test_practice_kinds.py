"""The practice-side kinds of message: the real mutations record their events, the scans record reminders once,
and each kind tells exactly the people allowed to know, and nobody of another organisation."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from quorum import clock, ids
from quorum.access import establish
from quorum.ballots import service as ballot_service
from quorum.database import Db, app_engine, worker_transaction
from quorum.notifications import practice_reminders as scans
from quorum.notifications.kinds.practices import KINDS
from quorum.notifications.letters import Event, Recipient
from tests.ballots.helpers import (
    BOLTON,
    FIONA,
    KWAME,
    add_representative,
    ballot_uuid,
    cast,
    new_ballot,
)
from tests.support import (
    BOLTON_GP,
    BOLTON_SECRETARY,
    ISLINGTON_GP,
    ISLINGTON_SECRETARY,
    JOINT_COMMITTEE,
    MANCHESTER_OFFICER,
    as_person,
    global_id,
    owner_fetch,
)
from tests.surveys.scenario import (
    OPEN,
    add_person,
    complete,
    create_survey,
    question_ids,
    submit_as,
)

KIND = {k.name: k for k in KINDS}


async def representative(client, practice_ods: str):
    """A new representative of the practice, signed in, who remembers their email."""
    email = await add_representative(practice_ods)
    caller = await as_person(client, email)
    caller.email = email
    return caller


LAY_MEMBER = "margaret.lowe@demo.quorum.example"
ACTIVE_MEMBERS = """SELECT DISTINCT p.email FROM membership m JOIN person p ON p.id = m.person_id
  JOIN organisation o ON o.id = m.org_id
  WHERE o.ods_code = $1 AND m.role = ANY ($2::text[]) AND m.valid_from <= current_date
    AND (m.valid_to IS NULL OR m.valid_to >= current_date)"""


async def members(ods: str, *roles: str) -> set[str]:
    return {r["email"] for r in await owner_fetch(ACTIVE_MEMBERS, ods, list(roles))}


async def recorded(kind: str, subject_id: uuid.UUID) -> list[Event]:
    """The events of this kind about this subject, read as the owner, as the worker reads them."""
    rows = await owner_fetch(
        "SELECT e.id, e.kind, e.org_id, o.name, e.subject_id, e.payload, e.occurred_at FROM domain_event e"
        " LEFT JOIN organisation o ON o.id = e.org_id WHERE e.kind = $1 AND e.subject_id = $2 ORDER BY e.id",
        kind,
        subject_id,
    )
    return [
        Event(r["id"], r["kind"], r["org_id"], r["name"], r["subject_id"], json.loads(r["payload"]), r["occurred_at"])
        for r in rows
    ]


async def only(kind: str, subject_id: uuid.UUID) -> Event:
    events = await recorded(kind, subject_id)
    assert len(events) == 1, events
    return events[0]


async def told(event: Event) -> list[Recipient]:
    async with worker_transaction() as db:
        return await KIND[event.kind].recipients(db, event)


async def emails(event: Event) -> set[str]:
    found = await told(event)
    assert all(r.person_id is not None for r in found), "never a member of the public, never anonymous"
    assert len({r.email for r in found}) == len(found), "each person once"
    return {r.email for r in found}


async def letter_to(event: Event, email: str):
    recipient = next(r for r in await told(event) if r.email == email)
    async with worker_transaction() as db:
        return await KIND[event.kind].write(db, event, recipient)


async def scan(run, now: datetime | None = None) -> int:
    async with worker_transaction() as db:
        return await run(db, now or clock.now())


async def org_uuid(ods: str) -> uuid.UUID:
    return (await owner_fetch("SELECT id FROM organisation WHERE ods_code = $1", ods))[0][0]


# Ballots


async def test_an_open_ballot_s_paper_goes_to_each_of_its_practices_representatives_only(client):
    newcomer = await representative(client, "P82004")
    ballot = await new_ballot(client)
    event = await only("ballot_opened", ballot_uuid(ballot))
    assert event.org_id == await org_uuid("00T") and event.org_name == "NHS Bolton CCG"
    assert KIND["ballot_opened"].mandatory

    told_now = await emails(event)
    assert told_now == await members("00T", "PRACTICE_REPRESENTATIVE")
    assert {FIONA, BOLTON_GP, newcomer.email} <= told_now
    for outsider in (KWAME, ISLINGTON_GP, ISLINGTON_SECRETARY, BOLTON_SECRETARY, LAY_MEMBER, MANCHESTER_OFFICER):
        assert outsider not in told_now

    letter = await letter_to(event, FIONA)
    assert letter.subject == "Ballot open: Constitution change 2026"
    assert letter.link == f"/ballots/{ballot['id']}"
    assert "NHS Bolton CCG" in letter.paragraphs[0]
    fiona_practices = await owner_fetch(
        "SELECT pr.name FROM membership m JOIN person p ON p.id = m.person_id JOIN practice pr ON pr.id = m.practice_id"
        " WHERE p.email = $1 AND m.role = 'PRACTICE_REPRESENTATIVE'",
        FIONA,
    )
    assert all(row["name"] in letter.paragraphs[1] for row in fiona_practices)
    elsewhere_only = await owner_fetch(
        "SELECT name FROM practice WHERE org_id <> $1 EXCEPT SELECT name FROM practice WHERE org_id = $1",
        await org_uuid("00T"),
    )
    assert elsewhere_only and not any(row["name"] in " ".join(letter.paragraphs) for row in elsewhere_only)


async def test_a_ballot_opening_later_is_announced_by_the_scan_once_when_it_opens(client):
    ballot = await new_ballot(client, opens=timedelta(hours=2), closes=timedelta(days=5))
    key = ballot_uuid(ballot)
    assert await recorded("ballot_opened", key) == []
    await scan(scans.scan_ballots_opened)
    assert await recorded("ballot_opened", key) == []

    later = clock.now() + timedelta(hours=3)
    assert await scan(scans.scan_ballots_opened, later) >= 1
    await scan(scans.scan_ballots_opened, later)
    await scan(scans.scan_ballots_opened, later + timedelta(minutes=5))
    event = await only("ballot_opened", key)
    assert event.payload["title"] == "Constitution change 2026" and event.org_name == "NHS Bolton CCG"


async def test_the_48_hour_reminder_goes_only_to_practices_that_have_not_voted_and_once(client):
    voter = await representative(client, "P82005")
    waiting = await representative(client, "P82006")
    ballot = await new_ballot(client, opens=timedelta(days=-2), closes=timedelta(hours=30))
    far = await new_ballot(client, opens=timedelta(days=-3), closes=timedelta(hours=72))
    short = await new_ballot(client, closes=timedelta(hours=30))  # just opened: its paper is enough for now
    assert (await cast(voter, ballot, "For"))["errors"] == []

    await scan(scans.scan_ballots_closing)
    await scan(scans.scan_ballots_closing)
    assert await recorded("ballot_closing", ballot_uuid(far)) == []  # 72 hours away
    assert await recorded("ballot_closing", ballot_uuid(short)) == []
    await scan(scans.scan_ballots_closing, clock.now() + timedelta(days=1))
    event = await only("ballot_closing", ballot_uuid(ballot))
    assert len(await recorded("ballot_closing", ballot_uuid(far))) == 1  # a day later, 48 hours away
    assert len(await recorded("ballot_closing", ballot_uuid(short))) == 1  # a day later, most of its time gone

    voter_email, waiting_email = voter.email, waiting.email
    reminded = await emails(event)
    assert waiting_email in reminded and voter_email not in reminded
    voted_practice = await owner_fetch(
        "SELECT p.email FROM membership m JOIN person p ON p.id = m.person_id JOIN practice pr ON pr.id = m.practice_id"
        " WHERE pr.ods_code = 'P82005' AND m.role = 'PRACTICE_REPRESENTATIVE'"
    )
    assert reminded == await members("00T", "PRACTICE_REPRESENTATIVE") - {r["email"] for r in voted_practice}
    assert not reminded & {KWAME, ISLINGTON_GP, BOLTON_SECRETARY, LAY_MEMBER}

    letter = await letter_to(event, waiting_email)
    assert letter.subject == "Ballot closes soon: Constitution change 2026"
    assert letter.paragraphs[1] == f"No vote has been recorded yet for {await _practice_name('P82006')}."


async def _practice_name(ods: str) -> str:
    return (await owner_fetch("SELECT name FROM practice WHERE ods_code = $1", ods))[0][0]


async def test_a_ballot_created_in_a_transaction_that_rolls_back_records_no_event():
    person = (await owner_fetch("SELECT id FROM person WHERE email = $1", BOLTON_SECRETARY))[0][0]
    async with app_engine().connect() as conn:
        transaction = await conn.begin()
        access = await establish(conn, person, clock.now())
        db = Db(AsyncSession(bind=conn, expire_on_commit=False))
        ballot = await ballot_service.create_ballot(
            db,
            access,
            org_id=await org_uuid("00T"),
            title="Never to be",
            description="",
            secret=False,
            opens_at=clock.now() - timedelta(minutes=1),
            closes_at=clock.now() + timedelta(days=1),
            questions=[ballot_service.QuestionDraft("Shall we?", ballot_service.QuestionKind.FOR_AGAINST)],
            document=None,
        )
        await transaction.rollback()
    assert await recorded("ballot_opened", ballot.id) == []
    assert await owner_fetch("SELECT 1 FROM ballot WHERE id = $1", ballot.id) == []


# Surveys


async def _open(client, **settings) -> str:
    helen = await as_person(client, BOLTON_SECRETARY)
    created = await create_survey(helen, "00T", audience={"roles": ["PRACTICE_REPRESENTATIVE"]}, **settings)
    assert created["errors"] == [], created["errors"]
    survey_id = created["survey"]["id"]
    assert (await helen.data(OPEN, {"id": survey_id}))["openSurvey"]["errors"] == []
    return survey_id


async def _answer(client, email: str, survey_id: str) -> None:
    helen = await as_person(client, BOLTON_SECRETARY)
    sent = await submit_as(client, email, survey_id, complete(await question_ids(helen, survey_id)))
    assert sent["errors"] == [], sent["errors"]


async def test_an_opened_survey_goes_to_everyone_it_asks_and_nobody_else(client):
    survey_id = await _open(client, title="Practice engagement")
    event = await only("survey_opened", ids.decode(survey_id)[1])
    asked = await emails(event)
    assert asked == await members("00T", "PRACTICE_REPRESENTATIVE")
    assert not asked & {KWAME, ISLINGTON_GP, BOLTON_SECRETARY, LAY_MEMBER}

    letter = await letter_to(event, FIONA)
    assert letter.subject == "Survey: Practice engagement"
    assert letter.link == f"/surveys/{survey_id}/answer"
    assert any("anonymous" in p for p in letter.paragraphs)


async def test_anonymous_survey_reminders_go_to_every_invitee_however_many_have_answered(client):
    first, second = await representative(client, "P82007"), await representative(client, "P82008")
    survey_id = await _open(client, title="Anonymous views")
    key = ids.decode(survey_id)[1]
    start = clock.now()

    await scan(scans.scan_survey_reminders, start)
    assert await recorded("survey_reminder", key) == []  # just opened
    await scan(scans.scan_survey_reminders, start + timedelta(days=7))
    await scan(scans.scan_survey_reminders, start + timedelta(days=7, hours=2))
    (week_one,) = await recorded("survey_reminder", key)
    before = await emails(week_one)
    assert before == await members("00T", "PRACTICE_REPRESENTATIVE")

    await _answer(client, first.email, survey_id)
    await _answer(client, second.email, survey_id)
    assert await emails(week_one) == before

    await scan(scans.scan_survey_reminders, start + timedelta(days=14))
    week_one, week_two = await recorded("survey_reminder", key)
    assert await emails(week_two) == before
    letter = await letter_to(week_two, FIONA)
    assert letter.subject == "Reminder: Anonymous views"
    assert any("nobody knows who has" in p for p in letter.paragraphs)


async def test_named_survey_reminders_go_only_to_those_who_have_not_answered(client):
    answered, waiting = await representative(client, "P82009"), await representative(client, "P82010")
    survey_id = await _open(
        client, title="Named views", anonymity="NAMED", closesAt=(clock.now() + timedelta(hours=36)).isoformat()
    )
    key = ids.decode(survey_id)[1]
    await _answer(client, answered.email, survey_id)

    await scan(scans.scan_survey_reminders)
    assert await recorded("survey_reminder", key) == []  # not on the day it opened
    tomorrow = clock.now() + timedelta(hours=26)
    await scan(scans.scan_survey_reminders, tomorrow)
    await scan(scans.scan_survey_reminders, tomorrow)
    event = await only("survey_reminder", key)
    assert event.payload["last_call"] is True
    reminded = await emails(event)
    assert waiting.email in reminded and answered.email not in reminded
    assert reminded == await members("00T", "PRACTICE_REPRESENTATIVE") - {answered.email}
    assert not reminded & {KWAME, ISLINGTON_GP}


def test_a_survey_is_reminded_weekly_with_a_last_call_and_never_twice_a_day():
    opened = datetime(2026, 3, 2, 9, tzinfo=UTC)
    due = scans.survey_reminder_due
    assert due(opened, [], opened + timedelta(days=1), opened + timedelta(hours=1)) is None  # not on the first day
    assert due(opened, [], opened + timedelta(days=1), opened + timedelta(hours=20)) is True
    assert due(opened, [], None, opened + timedelta(days=6)) is None
    assert due(opened, [], None, opened + timedelta(days=7)) is False
    week = opened + timedelta(days=7)
    assert due(opened, [(week, False)], None, week + timedelta(hours=3)) is None
    assert due(opened, [(week, False)], None, week + timedelta(days=7)) is False
    closes = opened + timedelta(days=10)
    assert due(opened, [(week, False)], closes, closes - timedelta(days=1)) is True
    assert due(opened, [(week, False)], closes, week + timedelta(hours=1)) is None  # last call, but not the same day
    assert due(opened, [(week, False), (closes - timedelta(days=1), True)], closes, closes - timedelta(hours=2)) is None


def test_a_ballot_is_reminded_48_hours_before_it_closes_or_half_way_through_a_short_one():
    opens = datetime(2026, 3, 2, 9, tzinfo=UTC)
    due = scans.ballot_reminder_due
    closes = opens + timedelta(days=14)
    assert not due(opens, closes, closes - timedelta(hours=49))
    assert due(opens, closes, closes - timedelta(hours=47))
    closes = opens + timedelta(days=2)
    assert not due(opens, closes, opens + timedelta(hours=1))
    assert due(opens, closes, opens + timedelta(hours=24))


# Declarations of interests


@pytest.fixture
async def new_decision_maker():
    """A new member of Bolton's governing body, who leaves it again after the test (other tests count its seats)."""
    email = f"new.gp.{uuid.uuid4().hex[:6]}@nhs.example"
    await add_person(email, "Dr New Member", "00T", "GOVERNING_BODY_MEMBER", seated=True)
    person = (await owner_fetch("SELECT id FROM person WHERE email = $1", email))[0][0]
    yield email, person
    await owner_fetch("DELETE FROM seat WHERE person_id = $1", person)
    await owner_fetch("DELETE FROM membership WHERE person_id = $1", person)


async def test_a_decision_maker_is_told_their_declaration_is_due_once_and_not_after_making_it(
    client, new_decision_maker
):
    email, person = new_decision_maker

    await scan(scans.scan_declarations_due)
    await scan(scans.scan_declarations_due)
    event = await only("declaration_due", person)
    assert event.org_name == "NHS Bolton CCG" and event.payload["first"] is True
    assert await emails(event) == {email}
    letter = await letter_to(event, email)
    assert letter.subject == "Your declaration of interests is overdue" and letter.link == "/interests"
    assert "NHS Bolton CCG" in letter.paragraphs[0]

    helen = await as_person(client, BOLTON_SECRETARY)
    review = """mutation($input: RecordInterestReviewInput!) { recordInterestReview(input: $input) { errors { message } } }"""
    made = await helen.data(
        review,
        {
            "input": {
                "organisationId": await global_id("Organisation", BOLTON),
                "personId": ids.encode("Person", person),
                "nilReturn": True,
            }
        },
    )
    assert made["recordInterestReview"]["errors"] == []
    await scan(scans.scan_declarations_due)
    assert len(await recorded("declaration_due", person)) == 1

    outsiders = await owner_fetch(
        "SELECT DISTINCT e.org_id FROM domain_event e WHERE e.kind = 'declaration_due' AND e.subject_id = $1", person
    )
    assert [r["org_id"] for r in outsiders] == [await org_uuid("00T")]


# Delegations


RECORD_DELEGATION = """mutation($input: RecordDelegationInput!) {
  recordDelegation(input: $input) { delegation { id } errors { message } } }"""


@pytest.fixture
async def delegations():
    """The delegations a test records, removed afterwards: other tests read what the joint committee holds."""
    made: list[uuid.UUID] = []
    yield made
    await owner_fetch("DELETE FROM delegation WHERE id = ANY ($1)", made)


async def _delegation(client, made_by_test: list, function: str, *, ends: int, starts: int = -300) -> uuid.UUID:
    """Manchester's delegation of one function to Bolton's joint committee, from and to so many days from now."""
    officer = await as_person(client, MANCHESTER_OFFICER)
    given = {
        "organisationId": await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = 'Q46'"),
        "committeeId": await global_id("Committee", JOINT_COMMITTEE),
        "functions": [f"primary_care.{function}"],
        "scopeIds": [await global_id("Organisation", BOLTON)],
        "validFrom": (clock.now() + timedelta(days=starts)).isoformat(),
        "validTo": (clock.now() + timedelta(days=ends)).isoformat(),
    }
    made = (await officer.data(RECORD_DELEGATION, {"input": given}))["recordDelegation"]
    assert made["errors"] == [], made["errors"]
    recorded_id = ids.decode(made["delegation"]["id"])[1]
    made_by_test.append(recorded_id)
    return recorded_id


async def test_a_delegation_expiring_within_30_days_is_told_to_both_parties_once(client, delegations):
    soon = await _delegation(client, delegations, "local_incentive_schemes", ends=20)
    later = await _delegation(client, delegations, "new_practices", ends=60)
    renewed = await _delegation(client, delegations, "enhanced_services", ends=10)
    await _delegation(client, delegations, "enhanced_services", starts=9, ends=400)  # its successor
    await scan(scans.scan_delegations_expiring)
    await scan(scans.scan_delegations_expiring)
    assert await recorded("delegation_expiring", later) == []
    assert await recorded("delegation_expiring", renewed) == []
    events = {e.payload["party"]: e for e in await recorded("delegation_expiring", soon)}
    assert set(events) == {"delegating", "receiving"} and len(await recorded("delegation_expiring", soon)) == 2

    delegating = await emails(events["delegating"])
    assert events["delegating"].org_id == await org_uuid("Q46")
    assert delegating == await members("Q46", "ADMINISTRATOR", "BOARD_SECRETARY", "AREA_TEAM_OFFICER")
    assert MANCHESTER_OFFICER in delegating

    seated = await owner_fetch(
        f"SELECT DISTINCT p.email FROM seat s JOIN person p ON p.id = s.person_id WHERE s.committee_id = ({JOINT_COMMITTEE})"
        " AND s.role <> 'IN_ATTENDANCE' AND s.valid_from <= current_date AND (s.valid_to IS NULL OR s.valid_to >= current_date)"
    )
    host = (
        await owner_fetch(
            f"SELECT o.ods_code FROM committee c JOIN organisation o ON o.id = c.org_id WHERE c.id = ({JOINT_COMMITTEE})"
        )
    )[0][0]
    receiving = await emails(events["receiving"])
    assert (
        receiving
        == ({r["email"] for r in seated} | await members(host, "ADMINISTRATOR", "BOARD_SECRETARY", "AREA_TEAM_OFFICER"))
        - delegating
    )
    assert BOLTON_GP in receiving
    assert not (receiving | delegating) & {KWAME, ISLINGTON_GP, ISLINGTON_SECRETARY, FIONA}

    letter = await letter_to(events["receiving"], BOLTON_GP)
    assert "Bolton primary care joint committee" in letter.subject and "Local incentive schemes" in letter.paragraphs[1]
    assert letter.link == "/delegations"
