"""Unpublishing a pack (issue 18): a published pack is withdrawn with a reason that its readers then see, its file
is no longer offered outside the committee's private side, and bad input or the wrong caller changes nothing."""

from __future__ import annotations

import pytest

from quorum.ids import decode
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

PUBLISH = (
    "mutation($input: PublishPackInput!) { publishPack(input: $input) { build { publishedAt } errors { message } } }"
)
UNPUBLISH = """mutation($input: UnpublishPackInput!) { unpublishPack(input: $input) {
    build { publishedAt withdrawnAt withdrawalReason url } errors { field message } } }"""
STATUS = "mutation($input: ChangeMeetingStatusInput!) { changeMeetingStatus(input: $input) { meeting { status } errors { message } } }"
PUBLIC_MEETING = """query($id: ID!) { node(id: $id) { ... on Meeting { status
    packs { id part publishedAt withdrawnAt withdrawalReason url } } } }"""
REASON = "The finance paper named a patient; a corrected pack follows."


@pytest.fixture
async def published_pack(client):
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary, title="Meeting whose pack is withdrawn")
    item = await add_item(secretary, meeting["id"], "Finance report")
    paper_id = await request_paper(secretary, meeting["id"], item["id"], "Finance report")
    await write_and_approve(author, sponsor, paper_id, "The month 7 position is balanced.")
    await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}})
    build = await build_and_wait(secretary, meeting["id"], "PUBLIC")
    published = (await secretary.data(PUBLISH, {"input": {"id": build["id"]}}))["publishPack"]
    assert published["errors"] == []
    return {"meeting": meeting, "build": build}


async def unpublish(caller: Caller, build_id: str, reason: str) -> dict:
    return (await caller.data(UNPUBLISH, {"input": {"id": build_id, "reason": reason}}))["unpublishPack"]


async def stored(build_id: str):
    return (
        await owner_fetch(
            "SELECT published_at, withdrawn_at, withdrawn_reason FROM pack_build WHERE id = $1", decode(build_id)[1]
        )
    )[0]


async def test_a_withdrawn_pack_shows_its_reason_to_the_public_and_its_file_is_gone(client, published_pack):
    secretary = await as_person(client, SECRETARY)
    build = published_pack["build"]
    assert (await client.get(build["url"])).status_code == 200

    result = await unpublish(secretary, build["id"], f"  {REASON}  ")
    assert result["errors"] == []
    assert result["build"]["withdrawnAt"] and result["build"]["withdrawalReason"] == REASON
    assert result["build"]["url"] is None

    anonymous = Caller(client)
    meeting = (await anonymous.data(PUBLIC_MEETING, {"id": published_pack["meeting"]["id"]}))["node"]
    [pack] = meeting["packs"]
    assert pack["withdrawalReason"] == REASON and pack["withdrawnAt"] and pack["url"] is None
    assert meeting["status"] == "AGENDA_PUBLISHED"  # no published pack remains
    assert (await client.get(build["url"])).status_code == 404
    # The committee's private side keeps the record of what was published.
    response = await client.get(build["url"], headers={"authorization": f"Bearer {secretary.token}"})
    assert response.status_code == 200

    audit = await owner_fetch(
        "SELECT action, after->>'withdrawn_reason' AS reason FROM audit_entry WHERE entity_id = $1 ORDER BY id",
        decode(build["id"])[1],
    )
    assert [(a["action"], a["reason"]) for a in audit][-1] == ("pack.unpublish", REASON)

    again = await unpublish(secretary, build["id"], "Another reason")
    assert again["errors"] == [{"field": "id", "message": "That pack is already withdrawn."}]
    republish = (await secretary.data(PUBLISH, {"input": {"id": build["id"]}}))["publishPack"]
    assert republish["errors"] == [{"message": "That pack was withdrawn; build the pack again to publish it."}]
    assert (await stored(build["id"]))["withdrawn_reason"] == REASON


@pytest.mark.parametrize("reason", ["", "   ", "x" * 1001])
async def test_a_reason_is_required_and_bad_input_changes_nothing(client, published_pack, reason):
    secretary = await as_person(client, SECRETARY)
    result = await unpublish(secretary, published_pack["build"]["id"], reason)
    assert result["build"] is None
    [error] = result["errors"]
    assert error["field"] == "reason"
    assert error["message"] in (
        "Enter the reason for withdrawing the pack.",
        "The reason must be 1000 characters or fewer.",
    )
    row = await stored(published_pack["build"]["id"])
    assert row["withdrawn_at"] is None and row["published_at"] is not None
    assert (await client.get(published_pack["build"]["url"])).status_code == 200


async def test_an_unknown_or_unpublished_pack_is_a_clear_error(client, published_pack):
    secretary = await as_person(client, SECRETARY)
    private = await build_and_wait(secretary, published_pack["meeting"]["id"], "PRIVATE")
    result = await unpublish(secretary, private["id"], REASON)
    assert result["errors"] == [{"field": "id", "message": "That pack is not published."}]
    garbage = await secretary.post(UNPUBLISH, {"input": {"id": "not-an-id", "reason": REASON}})
    assert garbage["data"]["unpublishPack"]["errors"][0]["field"] == "id"


@pytest.mark.parametrize("who", ["another organisation", "a member who does not run the meeting", "anonymous"])
async def test_only_those_who_run_the_meeting_may_withdraw_its_pack(client, published_pack, who):
    caller = {
        "another organisation": lambda: as_person(client, ISLINGTON_SECRETARY),
        "a member who does not run the meeting": lambda: as_person(client, SPONSOR),
    }
    outsider = await caller[who]() if who in caller else Caller(client)
    body = await outsider.post(UNPUBLISH, {"input": {"id": published_pack["build"]["id"], "reason": REASON}})
    payload = (body.get("data") or {}).get("unpublishPack")
    assert payload is None or payload["build"] is None
    row = await stored(published_pack["build"]["id"])
    assert row["withdrawn_at"] is None
    assert (await client.get(published_pack["build"]["url"])).status_code == 200
