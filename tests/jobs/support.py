"""A meeting whose pack takes a while to build, and reading a build's state as the owner."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx

from quorum import ids
from quorum.auth import tokens
from tests.meetings.pdfs import pdf_with_pages
from tests.meetings.support import (
    AUTHOR,
    BUILD,
    CREATE_MEETING,
    REQUEST_PAPER,
    SECRETARY,
    SPONSOR,
    add_item,
    due,
    future,
    write_and_approve,
)
from tests.support import BOLTON_GOVERNING_BODY, Caller, owner_fetch

Fetch = Callable[..., Awaitable[list[Any]]]  # the owner's view of the database the API under test uses


async def meeting_with_a_long_pack(client: httpx.AsyncClient, fetch: Fetch = owner_fetch) -> tuple[Caller, str]:
    """A meeting whose Part I paper has a 300-page appendix (a build of a second or more), and its secretary."""

    async def person(email: str) -> str:
        return (await fetch("SELECT id FROM person WHERE email = $1", email))[0]["id"]

    secretary, author, sponsor = [
        Caller(client, tokens.issue(await person(e), timedelta(minutes=30))) for e in (SECRETARY, AUTHOR, SPONSOR)
    ]
    committee = (await fetch(BOLTON_GOVERNING_BODY))[0]["id"]
    created = (
        await secretary.data(
            CREATE_MEETING,
            {
                "input": {
                    "committeeId": ids.encode("Committee", committee),
                    "title": "Meeting with a long pack",
                    "startsAt": future(),
                    "location": "Bolton Town Hall",
                }
            },
        )
    )["createMeeting"]
    assert created["errors"] == [], created["errors"]
    meeting = created["meeting"]
    item = await add_item(secretary, meeting["id"], "Annual accounts")
    requested = (
        await secretary.data(
            REQUEST_PAPER,
            {
                "input": {
                    "meetingId": meeting["id"],
                    "itemId": item["id"],
                    "title": "Annual accounts",
                    "authorId": ids.encode("Person", await person(AUTHOR)),
                    "sponsorId": ids.encode("Person", await person(SPONSOR)),
                    "dueDate": due(),
                }
            },
        )
    )["requestPaper"]
    assert requested["errors"] == [], requested["errors"]
    await write_and_approve(author, sponsor, requested["paper"]["id"], "The accounts.", pdf_with_pages(300, "Accounts"))
    return secretary, meeting["id"]


async def queue_build(secretary: Caller, meeting_id: str, part: str = "PUBLIC") -> str:
    """Asks for a build through the API; the job is queued and nothing in this process runs it."""
    result = (await secretary.data(BUILD, {"input": {"meetingId": meeting_id, "part": part}}))["buildPack"]
    assert result["errors"] == [], result["errors"]
    return result["build"]["id"]


async def build_state(build_id: str, fetch: Fetch = owner_fetch) -> dict:
    rows = await fetch("SELECT status, progress, file_id FROM pack_build WHERE id = $1", ids.decode(build_id)[1])
    return dict(rows[0])


async def wait_for_status(
    build_id: str, wanted: set[str], timeout: float, every: float = 0.1, fetch: Fetch = owner_fetch
) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = await build_state(build_id, fetch)
        if state["status"] in wanted:
            return state
        await asyncio.sleep(every)
    raise AssertionError(f"the build stayed {state['status']} for {timeout} s, never {wanted}")
