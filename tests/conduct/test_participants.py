"""People who are not the organisation's staff at a meeting: seated without a vote, or recorded as attending,
and named by their office on the roll."""

from __future__ import annotations

from tests.conduct.support import ATTEND, make_board, start_meeting
from tests.support import global_id, owner_fetch

ADD_SEAT = """mutation($input: AddSeatInput!) { addSeat(input: $input) { seat { id } errors { field message } } }"""


async def person(email: str) -> str:
    return await global_id("Person", "SELECT id FROM person WHERE email = $1", f"{email}@demo.quorum.example")


async def test_participants_who_are_not_staff_attend_a_meeting_under_their_office(client):
    board = await make_board(client, "Governing body (participants)")
    secretary = board.callers["secretary"]
    since = "2025-04-01"
    jean = await person("jean.platt")  # Healthwatch: registered with Bolton, no membership
    assert (
        await secretary.data(
            ADD_SEAT,
            {
                "input": {
                    "committeeId": board.committee_id,
                    "personId": jean,
                    "role": "MEMBER",
                    "voting": False,
                    "category": "HEALTHWATCH",
                    "office": "HEALTHWATCH_REPRESENTATIVE",
                    "validFrom": since,
                }
            },
        )
    )["addSeat"]["errors"] == []
    meeting = await start_meeting(board, [("Winter plan", "PUBLIC")])
    await meeting.arrive("lowe")
    hamid = await person("hamid.qureshi")  # the LMC's representative, not seated: recorded as attending
    for who in (jean, hamid):
        result = await secretary.data(
            ATTEND, {"input": {"meetingId": meeting.id, "personId": who, "change": "ARRIVED"}}
        )
        assert result["recordAttendance"]["errors"] == []
    roll = (
        await secretary.data(
            "query($id: ID!) { meetingConduct(meetingId: $id) { attendance { name capacity standing voting } } }",
            {"id": meeting.id},
        )
    )["meetingConduct"]["attendance"]
    by_name = {a["name"]: a for a in roll}
    assert by_name["Jean Platt"] == {
        "name": "Jean Platt",
        "capacity": "Healthwatch representative, non-voting",
        "standing": "PRESENT",
        "voting": False,
    }
    assert by_name["Dr Hamid Qureshi"]["standing"] == "IN_ATTENDANCE"
    assert by_name["Margaret Lowe"]["capacity"] == "Chair, lay member"
    assert (
        await owner_fetch(
            "SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id WHERE p.email LIKE 'jean.platt@%'"
            " OR p.email LIKE 'hamid.qureshi@%'"
        )
        == []
    )
