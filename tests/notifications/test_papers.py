"""Paper messages reach exactly the people the workflow names, through a real SMTP server, and say nothing of a
Part II item but that it is private."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from quorum import clock
from quorum.ids import decode
from quorum.notifications.reminders import record_paper_reminders
from tests.meetings.support import (
    AUTHOR,
    MOVE,
    SAVE,
    SECRETARY,
    SPONSOR,
    add_item,
    create_meeting,
    draft,
    request_paper,
)
from tests.notifications.conftest import run_machine
from tests.support import ISLINGTON_SECRETARY, as_person, owner_fetch


async def requested(client, title: str, part: str = "PUBLIC") -> tuple:
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary, "Governing body, notifications")
    item = await add_item(secretary, meeting["id"], title, part=part)
    return secretary, author, sponsor, await request_paper(secretary, meeting["id"], item["id"], title)


async def test_a_requested_paper_is_announced_to_its_author_alone_with_html_text_links_and_unsubscribing(
    client, quiet_inbox
):
    _, _, _, paper_id = await requested(client, "Community diagnostics hub")
    await run_machine()

    assert [m.recipients for m in quiet_inbox.messages] == [[AUTHOR]]
    received = quiet_inbox.messages[0]
    message = received.message
    assert message["Subject"] == "[NHS Bolton CCG] A paper is requested from you"
    assert "NHS Bolton CCG" in received.text and "NHS Bolton CCG" in received.html
    assert "“Community diagnostics hub”" in received.text and "Community diagnostics hub" in received.html
    assert message.get_content_type() == "multipart/alternative"
    link = f"http://127.0.0.1:8000/papers/{paper_id}"
    assert link in received.text and f'href="{link}"' in received.html
    assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith("@127.0.0.1>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert urlsplit(unsubscribe).path.startswith("/unsubscribe/") and unsubscribe in received.text
    page = await client.get(urlsplit(unsubscribe).path)
    assert page.status_code == 200 and "A paper is requested from you" in page.text

    stored = await owner_fetch(
        "SELECT status, sent_at FROM notification_message WHERE message_id = $1", message["Message-ID"]
    )
    assert [(r["status"], r["sent_at"] is not None) for r in stored] == [("SENT", True)]


async def test_submitted_goes_to_the_sponsor_and_approved_and_returned_to_the_author(client, quiet_inbox):
    _, author, sponsor, paper_id = await requested(client, "Estates strategy refresh")
    await run_machine()
    quiet_inbox.clear()
    assert (await author.data(SAVE, draft(paper_id, "Body.")))["savePaperDraft"]["errors"] == []
    steps = [
        (author, "SUBMITTED", SPONSOR, "[NHS Bolton CCG] A paper is waiting for your approval"),
        (sponsor, "DRAFT", AUTHOR, "[NHS Bolton CCG] Your paper is returned for changes"),
        (author, "SUBMITTED", SPONSOR, "[NHS Bolton CCG] A paper is waiting for your approval"),
        (sponsor, "APPROVED", AUTHOR, "[NHS Bolton CCG] Your paper is approved"),
    ]
    for caller, status, told, subject in steps:
        moved = (await caller.data(MOVE, {"input": {"id": paper_id, "status": status}}))["movePaper"]
        assert moved["errors"] == [], moved
        await run_machine()
        assert [(m.recipients, m.message["Subject"]) for m in quiet_inbox.messages] == [([told], subject)], status
        quiet_inbox.clear()


async def test_a_part_two_paper_is_only_a_private_item_in_the_message(client, quiet_inbox):
    _, _, _, paper_id = await requested(client, "Dismissal of the estates director", part="PRIVATE")
    await run_machine()
    [received] = quiet_inbox.to(AUTHOR)
    whole = received.message.as_string()
    assert "Dismissal" not in whole and "estates director" not in whole
    assert "a private item" in received.text and f"/papers/{paper_id}" in received.text


async def test_a_redispatched_event_writes_no_second_message(client, quiet_inbox):
    _, _, _, paper_id = await requested(client, "Dispatched twice")
    await run_machine()
    _, paper_key = decode(paper_id)
    await owner_fetch("UPDATE domain_event SET dispatched_at = NULL WHERE subject_id = $1", paper_key)
    await run_machine()
    assert len(quiet_inbox.to(AUTHOR)) == 1
    rows = await owner_fetch(
        "SELECT count(*) AS n FROM notification_message m JOIN domain_event e ON e.id = m.event_id"
        " WHERE e.subject_id = $1",
        paper_key,
    )
    assert rows[0]["n"] == 1


async def test_reminders_due_in_three_days_and_overdue_go_once_a_day_to_the_author_and_the_requester(
    client, quiet_inbox
):
    _, _, _, paper_id = await requested(client, "Reminded paper")
    await run_machine()
    quiet_inbox.clear()
    _, paper_key = decode(paper_id)
    [paper] = await owner_fetch("SELECT due_date FROM paper WHERE id = $1", paper_key)
    three_days_before = clock.now().replace(hour=7) + (paper["due_date"] - clock.today() - timedelta(days=3))
    for _ in range(2):  # the scan running twice that day records one reminder
        await record_paper_reminders(three_days_before)
    await run_machine()
    mine = [m for m in quiet_inbox.messages if "Reminded paper" in m.text]
    assert sorted(r for m in mine for r in m.recipients) == sorted([AUTHOR, SECRETARY])
    assert {m.message["Subject"] for m in mine} == {"[NHS Bolton CCG] A paper is due in three days"}
    copied = next(m for m in mine if SECRETARY in m.recipients)
    assert "For your information" in copied.text
    quiet_inbox.clear()

    day_after_due = clock.now().replace(hour=7) + (paper["due_date"] - clock.today() + timedelta(days=1))
    await record_paper_reminders(day_after_due)
    await record_paper_reminders(day_after_due)
    await run_machine()
    mine = [m for m in quiet_inbox.messages if "Reminded paper" in m.text]
    assert sorted(r for m in mine for r in m.recipients) == sorted([AUTHOR, SECRETARY])
    assert {m.message["Subject"] for m in mine} == {"[NHS Bolton CCG] A paper is overdue"}
    assert not [m for m in quiet_inbox.messages if ISLINGTON_SECRETARY in m.recipients]
