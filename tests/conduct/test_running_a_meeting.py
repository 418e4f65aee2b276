"""Opening, attendance with arrivals and departures, taking items, and the action log carried from meeting
to meeting until each action is closed."""

from __future__ import annotations

import pytest

from tests.conduct.support import (
    ADD_ACTION,
    ATTEND,
    CLOSE,
    OPEN,
    Board,
    counts,
    make_board,
    ok,
    payload,
    start_meeting,
)

UPDATE = """mutation($input: UpdateActionInput!) { updateAction(input: $input) { action { status closedAt progress { status note } } errors { field message } } }"""
LOG = """query($c: ID!, $all: Boolean!) { actionLog(committeeId: $c, includeClosed: $all) { edges { node { description status owner { name } } } } }"""
CARRIED = "query($id: ID!) { meetingConduct(meetingId: $id) { actionLog { description status } } }"


@pytest.fixture(scope="module")
async def board(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield await make_board(client, "Quality committee (running)")


async def test_a_meeting_cannot_be_opened_long_before_it_starts_or_twice(board: Board):
    early = await start_meeting(board, [], title="Too early", open_it=False, minutes_ago=-180)
    refused = payload(await early.secretary.data(OPEN, {"input": {"meetingId": early.id}}))
    assert refused["errors"][0]["message"].endswith("it can be opened from an hour before.")
    on_time = await start_meeting(board, [], title="On time", open_it=False, minutes_ago=-30)
    opened = ok(await on_time.secretary.data(OPEN, {"input": {"meetingId": on_time.id}}))
    assert opened["live"]["stage"] == "OPEN"
    twice = payload(await on_time.secretary.data(OPEN, {"input": {"meetingId": on_time.id}}))
    assert twice["errors"] == [
        {
            "field": None,
            "message": (
                "The meeting can be opened only once its agenda is published and before it has been held; this meeting cannot: it is open."
            ),
        }
    ]
    member = payload(await board.callers["mistry"].data(OPEN, {"input": {"meetingId": early.id}}))
    assert member["errors"] == [
        {"field": None, "message": "Only the committee's board secretary or an administrator can record the meeting."}
    ]


async def test_attendance_follows_arrivals_apologies_and_departures(board: Board):
    meeting = await start_meeting(board, [("Quality report", "PUBLIC")], title="Attendance", open_it=False)
    secretary = meeting.secretary

    async def change(short: str | None, what: str, **extra) -> dict:
        person = {"personId": board.people[short]} if short else {}
        return payload(
            await secretary.data(ATTEND, {"input": {"meetingId": meeting.id, "change": what, **person, **extra}})
        )

    assert (await change("reid", "APOLOGIES"))["errors"] == []
    not_open = await change("lowe", "ARRIVED")
    assert not_open["errors"] == [
        {
            "field": None,
            "message": (
                "Arrivals and departures are recorded while the meeting is open; this meeting cannot: it has not been opened."
            ),
        }
    ]
    ok(await secretary.data(OPEN, {"input": {"meetingId": meeting.id}}))
    await meeting.arrive("lowe", "mistry", "ashworth", "reid")
    await meeting.take("Quality report")
    live = (await change("mistry", "LEFT"))["live"]
    standing = {a["name"]: (a["standing"], a["inRoom"]) for a in live["attendance"]}
    assert standing["Dr Rajesh Mistry"] == ("PRESENT", False)
    assert standing["Paul Reid"] == ("PRESENT", True)  # sent apologies, then came after all
    assert standing["Susan Patel"] == ("ABSENT", False)
    assert standing["Helen Hargreaves"] == ("ABSENT", False)
    assert live["quorum"]["presentVoting"] == 3 and live["quorum"]["met"] is False

    before = await counts("attendance", "attendance_movement")
    for short, what, message in [
        ("lowe", "ARRIVED", "Margaret Lowe is already in the room."),
        ("mistry", "LEFT", "Dr Rajesh Mistry is not in the room."),
        ("lowe", "APOLOGIES", "Margaret Lowe has attended or already sent apologies."),
    ]:
        assert (await change(short, what))["errors"] == [{"field": "change", "message": message}]
    assert (await change(None, "ARRIVED"))["errors"] == [
        {"field": "personId", "message": "Name either a person or a guest."}
    ]
    guest_apologies = await change(None, "APOLOGIES", guestName="A. Visitor")
    assert guest_apologies["errors"] == [
        {"field": "personId", "message": "A. Visitor is not a member of the committee; only members send apologies."}
    ]
    assert await counts("attendance", "attendance_movement") == before

    back = (await change("mistry", "ARRIVED"))["live"]
    assert {a["name"]: a["inRoom"] for a in back["attendance"]}["Dr Rajesh Mistry"] is True
    guest = (await change(None, "ARRIVED", guestName="Jo Bloggs", capacity="Healthwatch observer"))["live"]
    assert ("Jo Bloggs", "IN_ATTENDANCE") in {(a["name"], a["standing"]) for a in guest["attendance"]}
    movements = (
        await secretary.data(
            "query($id: ID!) { meetingConduct(meetingId: $id) { movements { name movement at itemNumber } } }",
            {"id": meeting.id},
        )
    )["meetingConduct"]["movements"]
    assert [(m["name"], m["movement"], m["itemNumber"]) for m in movements] == [
        ("Margaret Lowe", "ARRIVED", None),
        ("Dr Rajesh Mistry", "ARRIVED", None),
        ("Tom Ashworth", "ARRIVED", None),
        ("Paul Reid", "ARRIVED", None),
        ("Dr Rajesh Mistry", "LEFT", "7"),  # the quality report, added before questions from the public
        ("Dr Rajesh Mistry", "ARRIVED", "7"),
        ("Jo Bloggs", "ARRIVED", "7"),
    ]
    assert movements == sorted(movements, key=lambda m: m["at"])


async def test_actions_are_carried_from_meeting_to_meeting_until_closed(board: Board):
    first = await start_meeting(board, [("Patient safety", "PUBLIC")], title="Actions one", minutes_ago=60 * 24 * 30)
    secretary = first.secretary
    await first.arrive("lowe", "mistry", "ashworth", "khan")
    raised = {}
    for description, owner in (("Audit the falls register.", "ashworth"), ("Report on sepsis screening.", "khan")):
        raised[description] = ok(
            await secretary.data(
                ADD_ACTION,
                {
                    "input": {
                        "meetingId": first.id,
                        "itemId": first.items["Patient safety"],
                        "description": description,
                        "ownerId": board.people[owner],
                        "dueDate": "2099-06-30",
                    }
                },
            )
        )["action"]["id"]
    bad = payload(
        await secretary.data(
            ADD_ACTION,
            {
                "input": {
                    "meetingId": first.id,
                    "description": " ",
                    "ownerId": board.people["khan"],
                    "dueDate": "2000-01-01",
                }
            },
        )
    )
    assert {e["field"] for e in bad["errors"]} == {"description", "dueDate"}
    ok(await secretary.data(CLOSE, {"input": {"meetingId": first.id}}))

    second = await start_meeting(board, [], title="Actions two", minutes_ago=10)
    carried = (await secretary.data(CARRIED, {"id": second.id}))["meetingConduct"]["actionLog"]
    assert {a["description"] for a in carried} == set(raised)
    closed = ok(
        await secretary.data(
            UPDATE,
            {
                "input": {
                    "id": raised["Audit the falls register."],
                    "status": "CLOSED",
                    "note": "Audit completed.",
                    "meetingId": second.id,
                }
            },
        )
    )
    assert closed["action"]["status"] == "CLOSED" and closed["action"]["progress"] == [
        {"status": "CLOSED", "note": "Audit completed."}
    ]
    reopen = payload(
        await secretary.data(UPDATE, {"input": {"id": raised["Audit the falls register."], "status": "OPEN"}})
    )
    assert reopen["errors"] == [
        {"field": "status", "message": "This action is closed; raise a new one if more is to be done."}
    ]
    ok(
        await secretary.data(
            UPDATE,
            {
                "input": {
                    "id": raised["Report on sepsis screening."],
                    "status": "IN_PROGRESS",
                    "note": "Data requested.",
                    "meetingId": second.id,
                }
            },
        )
    )
    ok(await secretary.data(CLOSE, {"input": {"meetingId": second.id}}))

    third = await start_meeting(board, [], title="Actions three", minutes_ago=5)
    carried = (await secretary.data(CARRIED, {"id": third.id}))["meetingConduct"]["actionLog"]
    assert [(a["description"], a["status"]) for a in carried] == [("Report on sepsis screening.", "IN_PROGRESS")]
    open_log = (await secretary.data(LOG, {"c": board.committee_id, "all": False}))["actionLog"]["edges"]
    assert [e["node"]["description"] for e in open_log] == ["Report on sepsis screening."]
    everything = (await secretary.data(LOG, {"c": board.committee_id, "all": True}))["actionLog"]["edges"]
    assert len(everything) == 2
