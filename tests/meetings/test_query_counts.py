"""The meeting page costs the same number of SQL statements however long its agenda."""

from __future__ import annotations

from tests.meetings.support import SECRETARY, add_item, create_meeting, request_paper
from tests.support import as_person

MEETING_PAGE = """query($id: ID!) { node(id: $id) { ... on Meeting {
  title startsAt location status viewerCanManage committee { name host { name } }
  agenda { id number title presenter minutesAllotted purpose part needsPaper
    paper { id title status dueDate author { name } sponsor { name }
      currentVersion { number approvedAt appendices { title kind pageCount problem file { url } } } } }
  packs { part number status url } } } }"""


async def statements_for_meeting_with(client, secretary, items: int) -> int:
    meeting = await create_meeting(secretary, title=f"Meeting with {items} more items")
    for n in range(items):
        item = await add_item(secretary, meeting["id"], f"Item {n}")
        if n % 2 == 0:
            await request_paper(secretary, meeting["id"], item["id"], f"Paper {n}")
    response = await client.post(
        "/graphql",
        json={"query": MEETING_PAGE, "variables": {"id": meeting["id"]}},
        headers={"authorization": f"Bearer {secretary.token}"},
    )
    assert "errors" not in response.json()
    assert len(response.json()["data"]["node"]["agenda"]) == items + 7
    return int(response.headers["x-quorum-sql-statements"])


async def test_the_meeting_page_statement_count_does_not_grow_with_the_agenda(client):
    secretary = await as_person(client, SECRETARY)
    counts = [await statements_for_meeting_with(client, secretary, n) for n in (3, 10, 40)]
    assert counts[0] == counts[1] == counts[2], counts
