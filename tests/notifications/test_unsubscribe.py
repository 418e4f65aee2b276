"""Unsubscribe links work without signing in, stop only that recipient's kind, and a forged or altered token
changes nothing. Public subscriptions need their address confirmed first (double opt-in)."""

from __future__ import annotations

from urllib.parse import urlsplit

from quorum.database import worker_transaction
from quorum.ids import decode
from quorum.notifications.subscriptions import public_subscribers
from quorum.notifications.tokens import Unsubscribe, confirmation_token, unsubscribe_token
from tests.meetings.support import AUTHOR, SECRETARY
from tests.notifications.conftest import run_machine
from tests.support import BOLTON_GOVERNING_BODY, ISLINGTON_SECRETARY, Caller, global_id, owner, owner_fetch

SUBSCRIBE = """mutation($committee: ID!, $email: String!) { subscribeToCommittee(committeeId: $committee, email: $email) {
  message errors { field message } } }"""


async def as_app_role(sql: str, person_id=None):
    """One value read as the application role, with the caller's person (or none) set as requests set it."""
    conn = await owner()
    try:
        async with conn.transaction():
            await conn.execute("SET LOCAL ROLE quorum_app")
            await conn.execute("SELECT set_config('app.person_id', $1, true)", str(person_id or ""))
            return await conn.fetchval(sql)
    finally:
        await conn.close()


async def _preferences() -> set[tuple[str, str, str]]:
    rows = await owner_fetch(
        "SELECT p.email, n.kind, n.mode FROM notification_preference n JOIN person p ON p.id = n.person_id"
    )
    return {(r["email"], r["kind"], r["mode"]) for r in rows}


async def _person(email: str):
    return (await owner_fetch("SELECT id FROM person WHERE email = $1", email))[0]["id"]


async def test_one_click_unsubscribes_that_person_from_that_kind_only(client):
    before = await _preferences()
    token = unsubscribe_token(Unsubscribe(kind="paper_requested", person_id=await _person(AUTHOR)))
    page = await client.get(f"/unsubscribe/{token}")
    assert page.status_code == 200 and "A paper is requested from you" in page.text and "<form" in page.text
    assert await _preferences() == before  # looking changes nothing (mail scanners follow links)

    done = await client.post(
        f"/unsubscribe/{token}",
        content="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert done.status_code == 200 and "You have unsubscribed" in done.text
    assert await _preferences() - before == {(AUTHOR, "paper_requested", "OFF")}
    assert (await client.post(f"/unsubscribe/{token}")).status_code == 200  # again: the same, nothing more
    assert await _preferences() - before == {(AUTHOR, "paper_requested", "OFF")}
    await owner_fetch(
        "DELETE FROM notification_preference WHERE person_id = $1 AND kind = 'paper_requested'", await _person(AUTHOR)
    )


async def test_a_forged_or_altered_token_is_refused_and_changes_nothing(client):
    before = await _preferences()
    genuine = unsubscribe_token(Unsubscribe(kind="paper_requested", person_id=await _person(AUTHOR)))
    other_kind = unsubscribe_token(Unsubscribe(kind="paper_requested", person_id=await _person(SECRETARY)))
    altered = genuine[:-3] + ("AAA" if not genuine.endswith("AAA") else "BBB")
    swapped = other_kind.split(".")[0] + "." + genuine.split(".")[1]  # one person's payload, another's signature
    mandatory_or_unknown = unsubscribe_token(Unsubscribe(kind="no_such_kind", person_id=await _person(AUTHOR)))
    for token in (altered, swapped, "not-a-token", mandatory_or_unknown):
        for method in ("GET", "POST"):
            answer = await client.request(method, f"/unsubscribe/{token}")
            assert answer.status_code == 404 and "This link is not valid" in answer.text, (token, method)
    assert await _preferences() == before


async def test_the_public_subscribe_confirm_and_unsubscribe_from_a_committee(client, quiet_inbox):
    committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
    public = Caller(client)
    first = await public.data(SUBSCRIBE, {"committee": committee, "email": "Resident@Example.org"})
    again = await public.data(SUBSCRIBE, {"committee": committee, "email": "resident@example.org"})
    assert first == again and first["subscribeToCommittee"]["errors"] == []
    bad = (await public.data(SUBSCRIBE, {"committee": committee, "email": "not an address"}))["subscribeToCommittee"]
    assert bad["message"] is None and bad["errors"][0]["field"] == "email"
    await run_machine()
    [confirmation] = quiet_inbox.to("resident@example.org")  # asked twice, one message
    assert confirmation.message["Subject"].startswith("[NHS Bolton CCG] Confirm your subscription")
    link = next(word for word in confirmation.text.split() if "/subscriptions/confirm/" in word)

    _, committee_key = decode(committee)
    async with worker_transaction() as db:
        assert await public_subscribers(db, committee_key) == []  # not until confirmed
    assert (await client.get(urlsplit(link).path)).status_code == 200
    assert (await client.get(f"/subscriptions/confirm/{confirmation_token(committee_key)}x")).status_code == 404
    confirmed = await client.post(urlsplit(link).path)
    assert confirmed.status_code == 200 and "confirmed" in confirmed.text
    async with worker_transaction() as db:
        [subscriber] = await public_subscribers(db, committee_key)
    assert subscriber.email == "resident@example.org" and subscriber.person_id is None

    # Beneath the API, the application role (anonymous here) reads no subscription and no subscriber's message.
    assert await as_app_role("SELECT count(*) FROM public_subscription") == 0
    assert await as_app_role("SELECT count(*) FROM notification_message") == 0

    token = unsubscribe_token(Unsubscribe(kind="papers_published", subscription_id=subscriber.subscription_id))
    assert (await client.post(f"/unsubscribe/{token}")).status_code == 200
    async with worker_transaction() as db:
        assert await public_subscribers(db, committee_key) == []


async def test_beneath_the_api_a_person_reads_only_their_own_messages_and_preferences(client, quiet_inbox):
    secretary, other = await _person(SECRETARY), await _person(ISLINGTON_SECRETARY)
    await owner_fetch(
        "INSERT INTO notification_preference (person_id, kind, mode) VALUES ($1, 'paper_overdue', 'DIGEST')"
        " ON CONFLICT DO NOTHING",
        secretary,
    )
    await owner_fetch(
        "INSERT INTO notification_message (kind, person_id, email, subject, body_text, body_html, status, message_id)"
        " VALUES ('test_news', $1, 'x@example.org', 's', 't', 'h', 'OUTBOX_ONLY', gen_random_uuid()::text)",
        secretary,
    )
    mine = f"SELECT count(*) FROM notification_message WHERE person_id = '{secretary}'"
    assert await as_app_role(mine, secretary) >= 1
    assert await as_app_role(mine, other) == 0 and await as_app_role(mine) == 0
    preference = f"SELECT count(*) FROM notification_preference WHERE person_id = '{secretary}'"
    assert await as_app_role(preference, secretary) >= 1
    assert await as_app_role(preference, other) == 0 and await as_app_role(preference) == 0
    conn = await owner()
    try:
        async with conn.transaction():
            await conn.execute("SET LOCAL ROLE quorum_app")
            await conn.execute("SELECT set_config('app.person_id', $1, true)", str(other))
            changed = await conn.execute(
                "UPDATE notification_preference SET mode = 'OFF' WHERE person_id = $1", secretary
            )
            assert changed == "UPDATE 0"
    finally:
        await conn.close()


async def test_the_public_may_subscribe_but_not_smuggle_another_mutation_beside_it(client):
    committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
    smuggled = """mutation($committee: ID!) {
      subscribeToCommittee(committeeId: $committee, email: "a@example.org") { message }
      subscribeToCommittee2: setNotificationPreferences(input: {digestHour: 3}) { errors { message } } }"""
    body = await Caller(client).post(smuggled, {"committee": committee})
    assert body["data"] is None and [e["message"] for e in body["errors"]] == ["Sign in to make changes."]


async def test_nobody_can_fill_an_inbox_by_subscribing_it_to_every_committee(client, quiet_inbox):
    committees = await owner_fetch("SELECT id FROM committee ORDER BY id LIMIT 7")
    assert len(committees) == 7
    from quorum.ids import encode

    answers = set()
    for row in committees:
        result = await Caller(client).data(
            SUBSCRIBE, {"committee": encode("Committee", row["id"]), "email": "victim@example.org"}
        )
        answers.add(result["subscribeToCommittee"]["message"])
    assert len(answers) == 1  # the same answer every time
    await run_machine()
    assert len(quiet_inbox.to("victim@example.org")) == 5
