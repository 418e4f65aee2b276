"""Items start when the items before them have had their minutes; new items go before the closing items; the pack's
agenda shows the same numbers and times, and an item without a paper is a line in it, not a page."""

from __future__ import annotations

from datetime import datetime, timedelta

from quorum.ids import decode
from tests.meetings.pack_text import layout_text
from tests.meetings.support import (
    AUTHOR,
    SECRETARY,
    SPONSOR,
    add_item,
    build_and_wait,
    create_meeting,
    request_paper,
    write_and_approve,
)
from tests.support import ISLINGTON_SECRETARY, Caller, as_person, owner_fetch

AGENDA = """query($id: ID!) { node(id: $id) { ... on Meeting { startsAt agenda {
  id number title part minutesAllotted startsAt closing isSubItem } } } }"""
ITEM = "query($id: ID!) { node(id: $id) { ... on AgendaItem { number startsAt } } }"
MOVE = """mutation($input: MoveAgendaItemInput!) {
  moveAgendaItem(input: $input) { agenda { id number startsAt } errors { field message } } }"""
ADD = """mutation($input: AddAgendaItemInput!) {
  addAgendaItem(input: $input) { item { id number } errors { field message } } }"""

TABLE_PAPER = """\
Performance against the constitutional standards:

| Standard | Target | Actual |
|:---|---:|---:|
| A&E four hours | 95% | 91.2% |
| RTT 18 weeks | 92% | 84.5% |
"""


def _expected_starts(meeting_start: str, agenda: list[dict]) -> list[str]:
    at = datetime.fromisoformat(meeting_start)
    starts = []
    for item in agenda:
        starts.append(at.isoformat())
        at += timedelta(minutes=item["minutesAllotted"])
    return starts


async def _agenda(caller: Caller, meeting_id: str) -> dict:
    return (await caller.data(AGENDA, {"id": meeting_id}))["node"]


async def test_each_item_starts_when_the_items_before_it_have_had_their_minutes(client):
    secretary = await as_person(client, SECRETARY)
    meeting = await create_meeting(secretary)
    finance = await add_item(secretary, meeting["id"], "Finance report", minutesAllotted=30)
    await add_item(secretary, meeting["id"], "Month 7 position", parentId=finance["id"], minutesAllotted=10)
    await add_item(secretary, meeting["id"], "Contract award", part="PRIVATE", minutesAllotted=20)
    shown = await _agenda(secretary, meeting["id"])
    agenda = shown["agenda"]
    assert [i["startsAt"] for i in agenda] == _expected_starts(shown["startsAt"], agenda)
    start = datetime.fromisoformat(shown["startsAt"])
    # 5 + 2 + 5 + 5 + 5 + 5 minutes of standard items, then the finance report, its sub-item and public questions.
    assert [(i["number"], i["startsAt"]) for i in agenda[6:]] == [
        ("7", (start + timedelta(minutes=27)).isoformat()),
        ("7.1", (start + timedelta(minutes=57)).isoformat()),
        ("8", (start + timedelta(minutes=67)).isoformat()),
        ("9", (start + timedelta(minutes=82)).isoformat()),
    ]
    # An item read on its own says the same; a move retimes the agenda.
    assert (await secretary.data(ITEM, {"id": finance["id"]}))["node"] == {
        "number": "7",
        "startsAt": (start + timedelta(minutes=27)).isoformat(),
    }
    moved = (await secretary.data(MOVE, {"input": {"id": finance["id"], "position": 1}}))["moveAgendaItem"]
    assert moved["errors"] == []
    assert moved["agenda"][0] == {"id": finance["id"], "number": "1", "startsAt": shown["startsAt"]}
    assert moved["agenda"][2]["startsAt"] == (start + timedelta(minutes=40)).isoformat()  # welcome, after 30 + 10


async def test_new_items_go_before_the_closing_items(client):
    secretary = await as_person(client, SECRETARY)
    meeting = await create_meeting(secretary)
    before = await _agenda(secretary, meeting["id"])
    assert [(i["title"], i["closing"]) for i in before["agenda"]][-1] == ("Questions from the public", True)
    await add_item(secretary, meeting["id"], "Finance report")
    aob = await add_item(secretary, meeting["id"], "Any other business", closing=True, needsPaper=False)
    await add_item(secretary, meeting["id"], "Quality report")
    await add_item(secretary, meeting["id"], "Contract award", part="PRIVATE")
    await add_item(secretary, meeting["id"], "Estates", part="PUBLIC")  # still in Part I, before the closing items
    titles = [(i["number"], i["title"], i["closing"]) for i in (await _agenda(secretary, meeting["id"]))["agenda"]]
    assert titles[6:] == [
        ("7", "Finance report", False),
        ("8", "Quality report", False),
        ("9", "Estates", False),
        ("10", "Questions from the public", True),
        ("11", "Any other business", True),
        ("12", "Contract award", False),
    ]
    # Part I's and Part II's main items share one order, Part I first, as the agenda builder keeps it.
    positions = await owner_fetch(
        "SELECT title FROM agenda_item WHERE meeting_id = $1 AND parent_id IS NULL ORDER BY position",
        decode(meeting["id"])[1],
    )
    assert [r[0] for r in positions][6:] == [t[1] for t in titles[6:]]
    # A sub-item cannot close the agenda; nothing is added.
    refused = (
        await secretary.data(
            ADD,
            {
                "input": {
                    "meetingId": meeting["id"],
                    "parentId": aob["id"],
                    "title": "Sub",
                    "purpose": "NOTE",
                    "closing": True,
                }
            },
        )
    )["addAgendaItem"]
    assert refused == {
        "item": None,
        "errors": [{"field": "closing", "message": "Only a top-level item can close the agenda."}],
    }
    count = await owner_fetch("SELECT count(*) FROM agenda_item WHERE meeting_id = $1", decode(meeting["id"])[1])
    assert count[0][0] == 12
    # Other organisations and the public see none of it and cannot add to it.
    for caller in (await as_person(client, ISLINGTON_SECRETARY), Caller(client)):
        assert (await caller.post(AGENDA, {"id": meeting["id"]})).get("data", {}).get("node") is None
        added = await caller.post(
            ADD, {"input": {"meetingId": meeting["id"], "title": "Intruder", "purpose": "NOTE", "closing": True}}
        )
        assert not (added.get("data") or {}).get("addAgendaItem", {}).get("item")
    again = await owner_fetch("SELECT count(*) FROM agenda_item WHERE meeting_id = $1", decode(meeting["id"])[1])
    assert again[0][0] == 12


async def test_the_pack_agenda_has_the_same_numbers_and_times_and_no_blank_pages(client):
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary, title="Meeting with a verbal item")
    performance = await add_item(secretary, meeting["id"], "Performance report", minutesAllotted=20)
    await add_item(secretary, meeting["id"], "Verbal update from the chair", minutesAllotted=10, needsPaper=False)
    paper = await request_paper(secretary, meeting["id"], performance["id"], "Performance report")
    await write_and_approve(author, sponsor, paper, TABLE_PAPER)
    build = await build_and_wait(secretary, meeting["id"], "PUBLIC")
    response = await client.get(build["url"], headers={"authorization": f"Bearer {secretary.token}"})
    text = layout_text(response.content)
    pages = text.split("\f")
    agenda_page = pages[1]
    screen = (await _agenda(secretary, meeting["id"]))["agenda"]

    def clock(iso: str) -> str:  # the NHS style the screen uses too: "2pm", "2:27pm"
        moment = datetime.fromisoformat(iso)
        hour = moment.hour % 12 or 12
        return f"{hour}{f':{moment.minute:02d}' if moment.minute else ''}{'am' if moment.hour < 12 else 'pm'}"

    lines = {line.split()[0]: line for line in agenda_page.splitlines() if line.strip()[:1].isdigit()}
    for item in screen:
        line = lines[item["number"]]
        assert item["title"] in line and f"{clock(item['startsAt'])} ({item['minutesAllotted']} min)" in line, line
    assert lines["7"].rstrip().endswith("4")  # cover sheet on page 4 (front, agenda, contents first)
    assert lines["8"].rstrip().endswith("–") and lines["9"].rstrip().endswith("–")
    # No page for the verbal item or questions from the public; the table's cells stay in their rows.
    assert not any("Verbal update from the chair" in page for page in pages[2:])
    rows = [line for page in pages[3:] for line in page.splitlines()]
    assert any(line.split() == ["Standard", "Target", "Actual"] for line in rows)
    assert any(line.split() == ["A&E", "four", "hours", "95%", "91.2%"] for line in rows)
    assert any(line.split() == ["RTT", "18", "weeks", "92%", "84.5%"] for line in rows)
