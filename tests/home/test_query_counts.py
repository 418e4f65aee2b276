"""The home list costs the same number of SQL statements however many things it lists."""

from __future__ import annotations

from datetime import date, timedelta

from tests.conduct.support import ok
from tests.home.support import TO_DO, fresh_board, meeting_in
from tests.meetings.support import REQUEST_PAPER
from tests.support import Caller


async def statements(client, caller: Caller) -> tuple[int, int]:
    """Counted the second time, once the worker remembers the caller's access (the first may decide it)."""
    for _ in range(2):
        response = await client.post(
            "/graphql", json={"query": TO_DO}, headers={"authorization": f"Bearer {caller.token}"}
        )
    assert "errors" not in response.json(), response.json()
    return len(response.json()["data"]["viewer"]["toDo"]), int(response.headers["x-quorum-sql-statements"])


async def test_the_list_statement_count_does_not_grow_with_its_items(client):
    board = await fresh_board(client)
    await meeting_in(board, 9)  # so every kind's reader has something to read before the count is taken
    secretary, member = board.callers["secretary"], board.callers["khan"]
    before = {"secretary": await statements(client, secretary), "member": await statements(client, member)}
    for n in range(4):
        meeting = await meeting_in(board, 8 + n, items=("Finance report",))
        ok(
            await secretary.data(
                REQUEST_PAPER,
                {
                    "input": {
                        "meetingId": meeting["id"],
                        "itemId": meeting["items"]["Finance report"],
                        "title": f"Finance report {n}",
                        "authorId": board.people["khan"],
                        "sponsorId": board.people["patel"],
                        "dueDate": (date.today() + timedelta(days=3)).isoformat(),
                    }
                },
            )
        )
    after = {"secretary": await statements(client, secretary), "member": await statements(client, member)}
    # The secretary gains a pack to build per meeting; the member a meeting and a paper to write per meeting.
    assert after["secretary"][0] >= before["secretary"][0] + 4
    assert after["member"][0] >= before["member"][0] + 8
    assert after["secretary"][1] == before["secretary"][1], (before, after)
    assert after["member"][1] == before["member"][1], (before, after)
