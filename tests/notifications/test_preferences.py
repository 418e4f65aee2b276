"""Each person chooses per kind: at once, in the daily digest at their hour, or off; mandatory kinds cannot be
turned off. Preferences and messages are the person's own (platform administrators read the outbox in demo mode)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quorum import clock
from quorum.database import worker_transaction
from quorum.notifications import catalogue
from quorum.notifications.digests import send_digests
from quorum.notifications.letters import Kind, Letter, Recipient
from quorum.outbox import service as outbox
from tests.meetings.support import AUTHOR, SECRETARY
from tests.notifications.conftest import run_machine
from tests.support import BOLTON_GP, ISLINGTON_SECRETARY, PLATFORM_ADMIN, Caller, as_person, owner_fetch

PREFERENCES = "{ myNotificationPreferences { digestHour choices { kind label mandatory mode } } }"
SET = """mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) {
  preferences { digestHour choices { kind mode mandatory } } errors { field message } } }"""
SENT_MAIL = """query($first: Int!, $after: String) { sentMail(first: $first, after: $after) {
  totalCount edges { cursor node { to subject status createdAt } } pageInfo { hasNextPage endCursor } } }"""


async def _person_id(email: str):
    return (await owner_fetch("SELECT id FROM person WHERE email = $1", email))[0]["id"]


async def _everyone(db, event):
    rows = await owner_fetch("SELECT id, email, name FROM person WHERE email = ANY($1)", event.payload["to"])
    return [Recipient(email=r["email"], name=r["name"], person_id=r["id"]) for r in rows]


async def _write(db, event, recipient):
    return Letter(
        subject=f"Test news {event.payload['n']}",
        paragraphs=("Something happened.",),
        link="/",
        link_label="Open Quorum",
    )


TEST_KINDS = [
    Kind(name="test_news", label="Test news", recipients=_everyone, write=_write),
    Kind(name="test_ballot_paper", label="Test ballot paper", recipients=_everyone, write=_write, mandatory=True),
]


@pytest.fixture
def test_kinds(monkeypatch):
    for kind in TEST_KINDS:
        monkeypatch.setitem(catalogue.KINDS, kind.name, kind)


async def _happen(kind: str, n: int, *to: str) -> None:
    org = (await owner_fetch("SELECT id FROM organisation WHERE ods_code = '00T'"))[0]["id"]
    async with worker_transaction() as db:
        await outbox.record(db, None, kind, org_id=org, payload={"to": list(to), "n": n})


async def test_off_writes_nothing_digest_waits_and_mandatory_goes_whatever_was_chosen(client, quiet_inbox, test_kinds):
    gp = await as_person(client, BOLTON_GP)
    chosen = (
        await gp.data(
            SET,
            {"input": {"choices": [{"kind": "test_news", "mode": "OFF"}], "digestHour": 18}},
        )
    )["setNotificationPreferences"]
    assert chosen["errors"] == [] and chosen["preferences"]["digestHour"] == 18
    refused = (await gp.data(SET, {"input": {"choices": [{"kind": "test_ballot_paper", "mode": "OFF"}]}}))[
        "setNotificationPreferences"
    ]
    assert refused["preferences"] is None and "cannot be turned off" in refused["errors"][0]["message"]
    mine = {c["kind"]: c for c in (await gp.data(PREFERENCES))["myNotificationPreferences"]["choices"]}
    assert mine["test_news"]["mode"] == "OFF" and mine["test_ballot_paper"] == {
        "kind": "test_ballot_paper",
        "label": "Test ballot paper",
        "mandatory": True,
        "mode": "AT_ONCE",
    }

    await _happen("test_news", 1, BOLTON_GP, SECRETARY)
    await _happen("test_ballot_paper", 2, BOLTON_GP)
    await run_machine()
    assert sorted((m.recipients[0], m.message["Subject"]) for m in quiet_inbox.messages) == [
        (SECRETARY, "[NHS Bolton CCG] Test news 1"),
        (BOLTON_GP, "[NHS Bolton CCG] Test news 2"),
    ]
    mandatory = quiet_inbox.to(BOLTON_GP)[0].message
    assert mandatory["List-Unsubscribe"] is None  # nothing to unsubscribe from
    assert quiet_inbox.to(SECRETARY)[0].message["List-Unsubscribe"]
    await gp.data(SET, {"input": {"choices": [{"kind": "test_news", "mode": "AT_ONCE"}], "digestHour": 8}})


async def test_a_days_digest_messages_go_as_one_message_at_the_chosen_hour(client, quiet_inbox, test_kinds):
    secretary = await as_person(client, SECRETARY)
    chosen = await secretary.data(
        SET, {"input": {"choices": [{"kind": "test_news", "mode": "DIGEST"}], "digestHour": 17}}
    )
    assert chosen["setNotificationPreferences"]["errors"] == []
    for n in (1, 2, 3):
        await _happen("test_news", n, SECRETARY, AUTHOR)
    await run_machine()
    assert [m.recipients for m in quiet_inbox.messages] == [[AUTHOR]] * 3  # at once for the author, by default
    quiet_inbox.clear()

    today = clock.now().astimezone(clock.LONDON).replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    for hour in (9, 16):  # not the secretary's hour: nothing
        assert await send_digests(today.replace(hour=hour)) == 0 or not quiet_inbox.to(SECRETARY)
    await run_machine()
    assert quiet_inbox.to(SECRETARY) == []

    await send_digests(today.replace(hour=17))
    await send_digests(today.replace(hour=17))  # the same hour again gathers nothing more
    await run_machine()
    [digest] = quiet_inbox.to(SECRETARY)
    assert digest.message["Subject"] == "Your Quorum digest: 3 messages"
    for n in (1, 2, 3):
        assert f"[NHS Bolton CCG] Test news {n}" in digest.text and f"Test news {n}" in digest.html
    rows = await owner_fetch(
        "SELECT m.status FROM notification_message m JOIN notification_message d ON d.id = m.digest_id"
        " WHERE d.message_id = $1",
        digest.message["Message-ID"],
    )
    assert [r["status"] for r in rows] == ["SENT"] * 3
    waiting = await owner_fetch(
        "SELECT count(*) AS n FROM notification_message WHERE person_id = $1 AND status = 'DIGEST'",
        await _person_id(SECRETARY),
    )
    assert waiting[0]["n"] == 0
    await secretary.data(SET, {"input": {"choices": [{"kind": "test_news", "mode": "AT_ONCE"}], "digestHour": 8}})


async def test_preferences_and_messages_are_the_persons_own(client, quiet_inbox, test_kinds):
    await _happen("test_news", 7, SECRETARY)
    await run_machine()
    secretary = await as_person(client, SECRETARY)
    await secretary.data(SET, {"input": {"choices": [{"kind": "test_news", "mode": "DIGEST"}]}})

    # Another organisation's secretary and the public see none of it, beneath the API as well.
    other = await as_person(client, ISLINGTON_SECRETARY)
    theirs = {c["kind"]: c["mode"] for c in (await other.data(PREFERENCES))["myNotificationPreferences"]["choices"]}
    assert theirs["test_news"] == "AT_ONCE"
    assert (await Caller(client).data(PREFERENCES))["myNotificationPreferences"] is None
    for caller in (other, Caller(client), secretary):
        body = await caller.post(SENT_MAIL, {"first": 5})
        assert body["data"] is None and "platform administrators" in body["errors"][0]["message"]
    anonymous = await Caller(client).post(SET, {"input": {"choices": [{"kind": "test_news", "mode": "OFF"}]}})
    assert anonymous["data"] is None and anonymous["errors"][0]["message"] == "Sign in to make changes."
    await secretary.data(SET, {"input": {"choices": [{"kind": "test_news", "mode": "AT_ONCE"}]}})


async def test_platform_administrators_read_the_outbox_newest_first_a_page_at_a_time(client, quiet_inbox, test_kinds):
    for n in (1, 2, 3):
        await _happen("test_news", n, SECRETARY)
    await run_machine()
    admin = await as_person(client, PLATFORM_ADMIN)
    first = (await admin.data(SENT_MAIL, {"first": 2}))["sentMail"]
    second = (await admin.data(SENT_MAIL, {"first": 2, "after": first["pageInfo"]["endCursor"]}))["sentMail"]
    subjects = [e["node"]["subject"] for e in first["edges"] + second["edges"]]
    assert subjects[:3] == [f"[NHS Bolton CCG] Test news {n}" for n in (3, 2, 1)]
    assert first["pageInfo"]["hasNextPage"] and first["totalCount"] >= 3
    stamps = [e["node"]["createdAt"] for e in first["edges"] + second["edges"]]
    assert stamps == sorted(stamps, reverse=True)


def test_sent_mail_is_for_platform_administrators_of_a_demonstration_only():
    from quorum.access import Access
    from quorum.notifications.policy import can_read_sent_mail

    admin = Access(person_id=None, is_platform_admin=True)
    assert can_read_sent_mail(admin, demo_mode=True)
    assert not can_read_sent_mail(admin, demo_mode=False)
    assert not can_read_sent_mail(Access(), demo_mode=True)


async def test_an_unknown_kind_is_dispatched_with_no_message_and_a_failing_kind_holds_up_only_its_own_event(
    quiet_inbox, monkeypatch, caplog
):
    async def broken(db, event):
        raise RuntimeError("this kind is broken")

    monkeypatch.setitem(catalogue.KINDS, "test_broken", Kind("test_broken", "Broken", broken, _write))
    monkeypatch.setitem(catalogue.KINDS, "test_news", TEST_KINDS[0])
    await _happen("test_broken", 1, SECRETARY)
    await _happen("no_such_kind_at_all", 2, SECRETARY)
    await _happen("test_news", 3, SECRETARY)
    await run_machine()
    assert [m.message["Subject"] for m in quiet_inbox.messages] == ["[NHS Bolton CCG] Test news 3"]
    rows = await owner_fetch(
        "SELECT kind, dispatched_at IS NOT NULL AS done FROM domain_event"
        " WHERE kind IN ('test_broken', 'no_such_kind_at_all') ORDER BY id"
    )
    assert [(r["kind"], r["done"]) for r in rows] == [("test_broken", False), ("no_such_kind_at_all", True)]
    assert "could not be dispatched" in caplog.text
    await owner_fetch("UPDATE domain_event SET dispatched_at = now() WHERE kind = 'test_broken'")


async def test_bad_choices_are_refused_and_change_nothing(client, test_kinds):
    gp = await as_person(client, BOLTON_GP)
    before = (await gp.data(PREFERENCES))["myNotificationPreferences"]
    for choices, hour, field in (
        ([{"kind": "test_news", "mode": "OFF"}], 24, "digestHour"),
        ([{"kind": "test_news", "mode": "OFF"}, {"kind": "no_such_kind", "mode": "OFF"}], None, "kind"),
    ):
        answer = (await gp.data(SET, {"input": {"choices": choices, "digestHour": hour}}))["setNotificationPreferences"]
        assert answer["preferences"] is None and [e["field"] for e in answer["errors"]] == [field]
    assert (await gp.data(PREFERENCES))["myNotificationPreferences"] == before
