"""The secretary's meeting page costs the same number of SQL statements however long the agenda and however
much is recorded against it."""

from __future__ import annotations

import pytest

from tests.conduct.support import make_board, start_meeting

PAGE = """query($id: ID!) { meetingConduct(meetingId: $id) { stage viewerCanConduct
  live { stage currentItem { number } quorum { met } attendance { name standing } vote { cast } }
  attendance { name standing inRoom }
  items { item { number title part paper { id } } quorum { met unmet mayVote chairedBy }
          declarations { management person { name } interest { id } }
          votes { motion castCount viewerHasVoted namedVotes { choice person { name } } result chairedBy { name } }
          decisions { route text quorum { met } chairedBy { name } } actions { description owner { name } } notes
          concernsPractices { odsCode } }
  actionLog { description owner { name } progress { note } }
  conflictSuggestions { reason person { name } } } }"""


@pytest.fixture(scope="module")
async def board(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield await make_board(client, "Benchmark committee")


async def statements_for(client, board, items: int) -> int:
    meeting = await start_meeting(board, [(f"Item {n}", "PUBLIC") for n in range(items)], title=f"{items} items")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan", "patel")
    for n in range(items):
        await meeting.declare("khan", f"Item {n}", "DECLARE_ONLY", category="INDIRECT", description=f"Interest {n}")
        vote = await meeting.open_vote(f"Item {n}", f"Motion {n}")
        for short in ("lowe", "mistry", "ashworth"):
            await meeting.vote(vote["id"], short, "FOR")
        await meeting.close_vote(vote["id"])
    response = await client.post(
        "/graphql",
        json={"query": PAGE, "variables": {"id": meeting.id}},
        headers={"authorization": f"Bearer {meeting.secretary.token}"},
    )
    body = response.json()
    assert "errors" not in body, body["errors"]
    assert len(body["data"]["meetingConduct"]["items"]) == items + 7
    return int(response.headers["x-quorum-sql-statements"])


async def test_the_meeting_page_statement_count_does_not_grow(client, board):
    counts = [await statements_for(client, board, n) for n in (1, 4, 12)]
    assert counts[0] == counts[1] == counts[2], counts
