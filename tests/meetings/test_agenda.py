"""Meetings start from the committee's template; numbering follows every move."""

from __future__ import annotations

from tests.meetings.support import SECRETARY, add_item, create_meeting
from tests.support import (
    BOLTON_GOVERNING_BODY,
    ISLINGTON_GP,
    Caller,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner_fetch,
)

MOVE = """mutation($input: MoveAgendaItemInput!) {
  moveAgendaItem(input: $input) { agenda { number title } errors { field message } } }"""
AGENDA = "query($id: ID!) { node(id: $id) { ... on Meeting { agenda { id number title part } } } }"


async def test_a_new_meeting_has_the_standard_agenda_with_public_questions_last(client):
    secretary = await as_person(client, SECRETARY)
    meeting = await create_meeting(secretary)
    assert [(i["number"], i["title"]) for i in meeting["agenda"]] == [
        ("1", "Welcome and apologies for absence"),
        ("2", "Confirmation of quorum"),
        ("3", "Declarations of interest"),
        ("4", "Minutes of the last meeting"),
        ("5", "Action log"),
        ("6", "Matters arising"),
        ("7", "Questions from the public"),
    ]


async def test_items_sub_items_and_moves_are_numbered_in_order(client):
    secretary = await as_person(client, SECRETARY)
    meeting = await create_meeting(secretary)
    finance = await add_item(secretary, meeting["id"], "Finance report")
    await add_item(secretary, meeting["id"], "Month 7 position", parentId=finance["id"])
    await add_item(secretary, meeting["id"], "Savings plan", parentId=finance["id"])
    await add_item(secretary, meeting["id"], "Contract award", part="PRIVATE")
    numbered = lambda agenda: [(i["number"], i["title"]) for i in agenda]  # noqa: E731
    agenda = (await secretary.data(AGENDA, {"id": meeting["id"]}))["node"]["agenda"]
    # New items go before the closing item (questions from the public); Part II follows Part I.
    assert numbered(agenda)[6:] == [
        ("7", "Finance report"),
        ("7.1", "Month 7 position"),
        ("7.2", "Savings plan"),
        ("8", "Questions from the public"),
        ("9", "Contract award"),
    ]
    # Take the finance report after questions from the public: everything renumbers.
    moved = (await secretary.data(MOVE, {"input": {"id": finance["id"], "position": 8}}))["moveAgendaItem"]
    assert moved["errors"] == []
    assert numbered(moved["agenda"])[6:] == [
        ("7", "Questions from the public"),
        ("8", "Finance report"),
        ("8.1", "Month 7 position"),
        ("8.2", "Savings plan"),
        ("9", "Contract award"),
    ]
    # Make the savings plan its own item, first on the agenda.
    savings = next(i for i in agenda if i["title"] == "Savings plan")
    moved = (await secretary.data(MOVE, {"input": {"id": savings["id"], "position": 1}}))["moveAgendaItem"]
    assert numbered(moved["agenda"])[:2] == [("1", "Savings plan"), ("2", "Welcome and apologies for absence")]
    assert ("9.1", "Month 7 position") in numbered(moved["agenda"])


async def test_invalid_moves_are_refused_and_nothing_moves(client):
    secretary = await as_person(client, SECRETARY)
    meeting = await create_meeting(secretary)
    finance = await add_item(secretary, meeting["id"], "Finance report")
    sub = await add_item(secretary, meeting["id"], "Month 7", parentId=finance["id"])
    before = (await secretary.data(AGENDA, {"id": meeting["id"]}))["node"]["agenda"]
    cases = [
        ({"id": finance["id"], "position": 99}, "Position must be between 1 and 8."),
        ({"id": finance["id"], "position": 0}, "Position must be between 1 and 8."),
        ({"id": finance["id"], "parentId": sub["id"], "position": 1}, "Sub-items cannot have sub-items of their own."),
        (
            {"id": finance["id"], "parentId": before[0]["id"], "position": 1},
            "An item with sub-items cannot become a sub-item.",
        ),
    ]
    for move_input, message in cases:
        result = (await secretary.data(MOVE, {"input": move_input}))["moveAgendaItem"]
        assert result["errors"] == [{"field": "position", "message": message}]
    assert (await secretary.data(AGENDA, {"id": meeting["id"]}))["node"]["agenda"] == before


async def test_a_meeting_in_the_past_is_refused(client):
    secretary = await as_person(client, SECRETARY)
    committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
    before = await owner_fetch("SELECT count(*) FROM meeting")
    result = (
        await secretary.data(
            "mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } errors { field message } } }",
            {
                "input": {
                    "committeeId": committee,
                    "title": "Too late",
                    "startsAt": "2020-01-01T14:00:00+00:00",
                    "location": "x",
                }
            },
        )
    )["createMeeting"]
    assert result == {
        "meeting": None,
        "errors": [{"field": "startsAt", "message": "The meeting must start in the future."}],
    }
    assert await owner_fetch("SELECT count(*) FROM meeting") == before


async def test_other_organisations_cannot_see_or_arrange_a_draft_meeting(client):
    secretary = await as_person(client, SECRETARY)
    meeting = await create_meeting(secretary)
    for caller in (await as_person(client, ISLINGTON_GP), Caller(client)):
        assert (await caller.data(AGENDA, {"id": meeting["id"]}))["node"] is None
        add = (
            "mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { item { id } errors { message } } }"
        )
        sneaky = {"input": {"meetingId": meeting["id"], "title": "Sneaky", "purpose": "NOTE"}}
        if caller.token is None:
            await assert_asked_to_sign_in(client, add, sneaky)
            continue
        result = (await caller.data(add, sneaky))["addAgendaItem"]
        assert result == {"item": None, "errors": [{"message": "No such meeting."}]}


async def test_meetings_export_to_icalendar(client):
    secretary = await as_person(client, SECRETARY)
    meeting = await create_meeting(secretary, title="Calendar check")
    from quorum.ids import decode

    _, key = decode(meeting["id"])
    headers = {"authorization": f"Bearer {secretary.token}"}
    single = await client.get(f"/meetings/{key}/calendar.ics", headers=headers)
    assert single.status_code == 200 and single.headers["content-type"].startswith("text/calendar")
    assert (
        "BEGIN:VEVENT" in single.text and "Calendar check" in single.text and "LOCATION:Bolton Town Hall" in single.text
    )
    committee = (await owner_fetch(f"{BOLTON_GOVERNING_BODY}"))[0]["id"]
    feed = await client.get(f"/committees/{committee}/calendar.ics", headers=headers)
    assert feed.status_code == 200 and feed.text.count("BEGIN:VEVENT") >= 1
    assert (await client.get(f"/meetings/{key}/calendar.ics")).status_code == 404  # a draft is not public
