"""The meeting page's hot read answers exactly what the schema answers, for every kind of caller."""

from __future__ import annotations

import re

import pytest

from quorum.meetings.hot import COMMITTEE_MEETINGS, MEETING_PAGE
from tests.conftest import ROOT
from tests.meetings.pdfs import pdf_with_pages
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
from tests.support import (
    BOLTON_ADMIN,
    BOLTON_GOVERNING_BODY,
    ISLINGTON_GP,
    ISLINGTON_SECRETARY,
    MANCHESTER_OFFICER,
    PLATFORM_ADMIN,
    Caller,
    as_person,
    global_id,
)

# A comment makes the document differ from the hot one, so the schema answers it.
BY_THE_SCHEMA = MEETING_PAGE + "\n# answered by the schema\n"
PUBLISH = "mutation($input: PublishPackInput!) { publishPack(input: $input) { errors { message } } }"
STATUS = "mutation($input: ChangeMeetingStatusInput!) { changeMeetingStatus(input: $input) { errors { message } } }"
CALLERS = [
    SECRETARY,
    AUTHOR,
    SPONSOR,
    BOLTON_ADMIN,
    ISLINGTON_GP,
    ISLINGTON_SECRETARY,
    MANCHESTER_OFFICER,
    PLATFORM_ADMIN,
]


async def answers(caller: Caller, meeting_id: str) -> tuple[tuple[dict, int], tuple[dict, int]]:
    headers = {"Authorization": f"Bearer {caller.token}"} if caller.token else {}
    replies = []
    for document in (MEETING_PAGE, BY_THE_SCHEMA):
        response = await caller.client.post(
            "/graphql", json={"query": document, "variables": {"id": meeting_id}}, headers=headers
        )
        assert response.status_code == 200, response.text
        replies.append((response.json(), int(response.headers["x-quorum-sql-statements"])))
    return replies[0], replies[1]


@pytest.fixture
async def busy_meeting(client):
    """Part I and Part II items with sub-items, papers public and private, packs built and one published."""
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary, title="Hot read meeting")
    public = await add_item(secretary, meeting["id"], "Urgent care redesign")
    await add_item(secretary, meeting["id"], "Urgent care: finance", parentId=public["id"])
    second = await add_item(secretary, meeting["id"], "Urgent care: workforce", parentId=public["id"], needsPaper=False)
    private = await add_item(secretary, meeting["id"], "Estates disposal", part="PRIVATE")
    await add_item(secretary, meeting["id"], "Estates: valuation", part="PRIVATE", parentId=private["id"])
    for item, title in ((public, "Urgent care paper"), (second, "Workforce paper"), (private, "Estates paper")):
        paper = await request_paper(secretary, meeting["id"], item["id"], title)
        if item is not second:
            await write_and_approve(
                author, sponsor, paper, f"The body of the {title.lower()}.", pdf_with_pages(2, title)
            )
    await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}})
    public_pack = await build_and_wait(secretary, meeting["id"], "PUBLIC")
    await build_and_wait(secretary, meeting["id"], "PRIVATE")
    await secretary.data(PUBLISH, {"input": {"id": public_pack["id"]}})
    return meeting


async def test_every_caller_gets_the_schemas_answer_in_fewer_statements(client, busy_meeting):
    seen_agendas = set()
    for caller in [Caller(client)] + [await as_person(client, e) for e in CALLERS]:
        (hot, hot_statements), (schema, schema_statements) = await answers(caller, busy_meeting["id"])
        assert hot == schema
        assert hot_statements < schema_statements
        node = hot["data"]["node"]
        seen_agendas.add(len(node["agenda"]) if node else None)
    # The callers differ: the secretary sees Part II, the public only Part I, no one else's CCG sees a draft.
    assert len(seen_agendas) >= 2


async def test_a_draft_meeting_is_null_to_outsiders_and_whole_to_its_secretary(client):
    secretary = await as_person(client, SECRETARY)
    meeting = await create_meeting(secretary, title="Draft meeting for the hot read")
    for caller in (Caller(client), await as_person(client, ISLINGTON_GP), secretary):
        (hot, _), (schema, _) = await answers(caller, meeting["id"])
        assert hot == schema
        assert (hot["data"]["node"] is None) == (caller is not secretary)


async def test_other_ids_are_left_to_the_schema(client):
    secretary = await as_person(client, SECRETARY)
    committee = await global_id("Committee", "SELECT id FROM committee LIMIT 1")
    for variables_id in (committee, "not-an-id", ""):
        (hot, _), (schema, _) = await answers(secretary, variables_id)
        assert hot == schema


def test_the_frontend_sends_the_hot_document():
    source = (ROOT / "frontend" / "src" / "api" / "meetings.ts").read_text()
    frontend = re.search(r"export const meetingQuery = gql<[^>]*>\(`(.*?)`\);", source, re.DOTALL)
    assert frontend is not None
    assert " ".join(frontend.group(1).split()) == " ".join(MEETING_PAGE.split())


async def test_the_meeting_list_pages_alike_for_every_caller(client, busy_meeting):
    secretary = await as_person(client, SECRETARY)
    await create_meeting(secretary, title="A draft only the CCG sees")
    committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
    for caller in [
        Caller(client),
        secretary,
        await as_person(client, ISLINGTON_GP),
        await as_person(client, PLATFORM_ADMIN),
    ]:
        after, pages = None, 0
        while True:
            variables = {"committeeId": committee, "first": 2, "after": after}
            (hot, hot_statements), (schema, schema_statements) = await list_answers(caller, variables)
            assert hot == schema
            assert hot_statements < schema_statements, (caller.token is None, variables, hot)
            listed = hot["data"]["meetings"]
            pages += 1
            if not listed["pageInfo"]["hasNextPage"] or pages == 4:
                break
            after = listed["pageInfo"]["endCursor"]
        assert listed["totalCount"] >= 1
    for odd in (
        {"committeeId": committee, "first": 0},
        {"committeeId": committee, "first": 101},
        {"committeeId": committee, "first": 2, "after": "not-a-cursor"},
        {"committeeId": "nonsense", "first": 2},
        {"committeeId": busy_meeting["id"], "first": 2},
    ):
        (hot, _), (schema, _) = await list_answers(secretary, odd)
        assert hot == schema


async def list_answers(caller: Caller, variables: dict) -> tuple[tuple[dict, int], tuple[dict, int]]:
    headers = {"Authorization": f"Bearer {caller.token}"} if caller.token else {}
    replies = []
    for document in (COMMITTEE_MEETINGS, COMMITTEE_MEETINGS + "\n# answered by the schema\n"):
        response = await caller.client.post(
            "/graphql", json={"query": document, "variables": variables}, headers=headers
        )
        assert response.status_code == 200, response.text
        replies.append((response.json(), int(response.headers["x-quorum-sql-statements"])))
    return replies[0], replies[1]


def test_the_frontend_sends_the_hot_meeting_list_document():
    source = (ROOT / "frontend" / "src" / "api" / "meetings.ts").read_text()
    frontend = re.search(r"export const committeeMeetingsQuery = gql<[^>]*>\(`(.*?)`\);", source, re.DOTALL)
    assert frontend is not None
    assert " ".join(frontend.group(1).split()) == " ".join(COMMITTEE_MEETINGS.split())


async def test_a_remembered_caller_reads_in_one_statement(client, busy_meeting):
    committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
    for caller in (Caller(client), await as_person(client, SECRETARY)):
        for ask in (answers(caller, busy_meeting["id"]), list_answers(caller, {"committeeId": committee, "first": 5})):
            await ask  # the first may decide the caller's access
        (_, meeting_statements), _ = await answers(caller, busy_meeting["id"])
        (_, list_statements), _ = await list_answers(caller, {"committeeId": committee, "first": 5})
        assert (meeting_statements, list_statements) == (1, 1)
