"""A meeting's call link is for members: the public reads a published meeting, its calendar entry, its public pack,
public minutes and the letters it subscribed to, and finds the call link in none of them."""

from __future__ import annotations

import io
import uuid

import pytest
from pypdf import PdfReader

from quorum.ids import decode
from quorum.meetings.hot import COMMITTEE_MEETINGS, MEETING_PAGE
from quorum.notifications.letters import Recipient
from tests.meetings.support import SECRETARY, add_item, build_and_wait, future
from tests.notifications.test_meeting_kinds import KIND, events_since, last_event, words
from tests.notifications.test_meeting_kinds import as_owner as owner_db
from tests.support import (
    BOLTON_GOVERNING_BODY,
    BOLTON_GP,
    ISLINGTON_GP,
    ISLINGTON_SECRETARY,
    MANCHESTER_OFFICER,
    Caller,
    as_person,
    global_id,
)

CREATE = """mutation($input: CreateMeetingInput!) {
  createMeeting(input: $input) { meeting { id callLink } errors { field message } } }"""
STATUS = "mutation($input: ChangeMeetingStatusInput!) { changeMeetingStatus(input: $input) { errors { message } } }"
PUBLISH = "mutation($input: PublishPackInput!) { publishPack(input: $input) { errors { message } } }"
# Every way to the meeting a reader has besides the frontend's own documents.
BY_NODE = "query($id: ID!) { node(id: $id) { ... on Meeting { callLink } } }"
BY_NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Meeting { callLink } } }"
BY_ITEM = "query($id: ID!) { node(id: $id) { ... on AgendaItem { meeting { callLink } } } }"
BY_LIST = """query($committeeId: ID!) { meetings(committeeId: $committeeId, first: 100) {
  edges { node { id callLink } } } }"""


@pytest.fixture
async def online_meeting(client) -> dict:
    """A published Bolton governing body meeting held in a room and on a call."""
    secretary = await as_person(client, SECRETARY)
    link = f"https://meet.nhs.example/bolton-{uuid.uuid4().hex}"
    committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
    given = {"committeeId": committee, "title": "Hybrid meeting", "startsAt": future(), "location": "Bolton Town Hall"}
    mark = await last_event()
    created = (await secretary.data(CREATE, {"input": {**given, "callLink": link}}))["createMeeting"]
    assert created["errors"] == [] and created["meeting"]["callLink"] == link
    meeting = created["meeting"]["id"]
    item = await add_item(secretary, meeting, "Urgent care redesign", needsPaper=False)
    assert (await secretary.data(STATUS, {"input": {"id": meeting, "status": "AGENDA_PUBLISHED"}}))[
        "changeMeetingStatus"
    ]["errors"] == []
    return {"id": meeting, "item": item["id"], "committee": committee, "link": link, "mark": mark}


async def everything_about(caller: Caller, meeting: dict) -> list[dict]:
    """The meeting as each document gives it: the frontend's hot reads, the same answered by the schema, and more."""
    variables = {"id": meeting["id"]}
    listed = {"committeeId": meeting["committee"], "first": 50}
    return [
        await caller.post(MEETING_PAGE, variables),
        await caller.post(MEETING_PAGE + "\n# by the schema\n", variables),
        await caller.post(COMMITTEE_MEETINGS, listed),
        await caller.post(COMMITTEE_MEETINGS + "\n# by the schema\n", listed),
        await caller.post(BY_NODE, variables),
        await caller.post(BY_NODES, {"ids": [meeting["id"]]}),
        await caller.post(BY_ITEM, {"id": meeting["item"]}),
        await caller.post(BY_LIST, {"committeeId": meeting["committee"]}),
    ]


async def test_the_public_and_other_organisations_never_see_the_call_link(client, online_meeting):
    outsiders = [Caller(client)] + [
        await as_person(client, e) for e in (ISLINGTON_GP, ISLINGTON_SECRETARY, MANCHESTER_OFFICER)
    ]
    for caller in outsiders:
        answers = await everything_about(caller, online_meeting)
        assert all("errors" not in answer for answer in answers), answers
        assert online_meeting["link"] not in str(answers)
        page = answers[0]["data"]["node"]
        assert page["title"] == "Hybrid meeting" and page["location"] == "Bolton Town Hall"
        assert page["callLink"] == ""
        assert answers[0] == answers[1]  # the hot read agrees with the schema


async def test_the_committee_s_own_people_see_the_call_link(client, online_meeting):
    for email in (SECRETARY, BOLTON_GP):
        caller = await as_person(client, email)
        answers = await everything_about(caller, online_meeting)
        assert answers[0]["data"]["node"]["callLink"] == online_meeting["link"]
        assert answers[0] == answers[1]
        assert answers[2]["data"] == answers[3]["data"]
        listed = [e["node"] for e in answers[7]["data"]["meetings"]["edges"] if e["node"]["id"] == online_meeting["id"]]
        assert listed == [{"id": online_meeting["id"], "callLink": online_meeting["link"]}]


async def test_calendar_entries_carry_the_call_link_to_members_only(client, online_meeting):
    _, key = decode(online_meeting["id"])
    _, committee = decode(online_meeting["committee"])
    member = await as_person(client, BOLTON_GP)
    for url in (f"/meetings/{key}/calendar.ics", f"/committees/{committee}/calendar.ics"):
        public = await client.get(url)
        assert public.status_code == 200 and "Hybrid meeting" in public.text
        assert "meet.nhs.example" not in public.text.replace("\r\n ", "")
        mine = await client.get(url, headers={"authorization": f"Bearer {member.token}"})
        assert online_meeting["link"] in mine.text.replace("\r\n ", "")  # iCalendar folds long lines


async def test_the_public_pack_leaves_the_call_link_out_and_the_private_pack_keeps_it(client, online_meeting):
    secretary = await as_person(client, SECRETARY)
    texts = {}
    for part in ("PUBLIC", "PRIVATE"):
        build = await build_and_wait(secretary, online_meeting["id"], part)
        response = await client.get(build["url"], headers={"authorization": f"Bearer {secretary.token}"})
        assert response.status_code == 200
        texts[part] = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        texts[part] = "".join(texts[part].split())  # long links wrap across lines
    assert "BoltonTownHall" in texts["PUBLIC"] and "meet.nhs.example" not in texts["PUBLIC"]
    assert "".join(online_meeting["link"].split()) in texts["PRIVATE"]


async def test_a_public_subscriber_s_letter_leaves_the_call_link_out(client, online_meeting):
    (event,) = await events_since(online_meeting["mark"], "agenda_published")
    kind = KIND["agenda_published"]
    async with owner_db() as db:
        member = Recipient(email=BOLTON_GP, name="A member", person_id=uuid.uuid4())
        subscriber = Recipient(email="resident@example.org", name="", subscription_id=uuid.uuid4())
        to_member = words(await kind.write(db, event, member))
        to_public = words(await kind.write(db, event, subscriber))
    assert online_meeting["link"] in to_member.replace("\r\n ", "")
    assert "Bolton Town Hall" in to_public and "meet.nhs.example" not in to_public.replace("\r\n ", "")
