"""Reading a person's home list through the API, and a fresh Bolton committee's meeting to fill it."""

from __future__ import annotations

import uuid

from tests.conduct.support import ADD_ITEM, CREATE_MEETING, STATUS, Board, make_board, ok, payload
from tests.meetings.support import future
from tests.support import Caller

TO_DO = """query { viewer { toDo { key kind title detail dueOn overdue url subjectId organisation { id name } } } }"""


async def to_do(caller: Caller) -> list[dict]:
    viewer = (await caller.data(TO_DO))["viewer"]
    return [] if viewer is None else viewer["toDo"]


async def subjects(caller: Caller, kind: str) -> set[str]:
    return {item["subjectId"] for item in await to_do(caller) if item["kind"] == kind}


async def everything(caller: Caller) -> set[str]:
    return {item["subjectId"] for item in await to_do(caller)}


async def fresh_board(client) -> Board:
    return await make_board(client, f"Home committee {uuid.uuid4().hex[:8]}")


async def meeting_in(board: Board, days: int, *, items: tuple[str, ...] = ()) -> dict:
    """A meeting of the board `days` from now with its agenda published; returns {id, items: {title: id}}."""
    secretary = board.callers["secretary"]
    meeting = ok(
        await secretary.data(
            CREATE_MEETING,
            {
                "input": {
                    "committeeId": board.committee_id,
                    "title": "Meeting",
                    "startsAt": future(days),
                    "location": "Bolton Town Hall",
                }
            },
        )
    )["meeting"]
    ids = {}
    for title in items:
        ids[title] = ok(
            await secretary.data(
                ADD_ITEM,
                {
                    "input": {
                        "meetingId": meeting["id"],
                        "title": title,
                        "purpose": "DECISION",
                        "part": "PUBLIC",
                        "needsPaper": True,
                    }
                },
            )
        )["item"]["id"]
    changed = payload(await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}}))
    assert changed["errors"] == [], changed
    return {"id": meeting["id"], "items": ids}
