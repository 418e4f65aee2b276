"""A meeting whose pack takes a while to build, and reading a build's state as the owner."""

from __future__ import annotations

import asyncio
import time

from quorum import ids
from tests.meetings.pdfs import pdf_with_pages
from tests.meetings.support import (
    AUTHOR,
    BUILD,
    SECRETARY,
    SPONSOR,
    add_item,
    create_meeting,
    request_paper,
    write_and_approve,
)
from tests.support import Caller, as_person, owner_fetch


async def meeting_with_a_long_pack(client) -> tuple[Caller, str]:
    """A meeting whose Part I paper has a 300-page appendix (a build of a second or more), and its secretary."""
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary, title="Meeting with a long pack")
    item = await add_item(secretary, meeting["id"], "Annual accounts")
    paper = await request_paper(secretary, meeting["id"], item["id"], "Annual accounts")
    await write_and_approve(author, sponsor, paper, "The accounts.", pdf_with_pages(300, "Accounts"))
    return secretary, meeting["id"]


async def queue_build(secretary: Caller, meeting_id: str, part: str = "PUBLIC") -> str:
    """Asks for a build through the API; the job is queued and nothing in this process runs it."""
    result = (await secretary.data(BUILD, {"input": {"meetingId": meeting_id, "part": part}}))["buildPack"]
    assert result["errors"] == [], result["errors"]
    return result["build"]["id"]


async def build_state(build_id: str) -> dict:
    row = (
        await owner_fetch("SELECT status, progress, file_id FROM pack_build WHERE id = $1", ids.decode(build_id)[1])
    )[0]
    return dict(row)


async def wait_for_status(build_id: str, wanted: set[str], timeout: float, every: float = 0.1) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = await build_state(build_id)
        if state["status"] in wanted:
            return state
        await asyncio.sleep(every)
    raise AssertionError(f"the build stayed {state['status']} for {timeout} s, never {wanted}")
