"""A member of the public, on a desktop and on a 360 px phone, finds an organisation in the directory, opens its
registers and a committee's meetings, and downloads a published pack: every page axe clean, no call link and no
"not visible" placeholder anywhere."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from tests.browser.conftest import PHONE, Server, assert_accessible, follow_navigation, watched_context
from tests.meetings.support import (
    AUTHOR,
    SECRETARY,
    SPONSOR,
    add_item,
    build_and_wait,
    future,
    request_paper,
    write_and_approve,
)
from tests.support import BOLTON_GOVERNING_BODY, Caller, global_id, token_for

STATUS = "mutation($input: ChangeMeetingStatusInput!) { changeMeetingStatus(input: $input) { errors { message } } }"
CREATE = """mutation($input: CreateMeetingInput!) {
  createMeeting(input: $input) { meeting { id } errors { field message } } }"""
PUBLISH = "mutation($input: PublishPackInput!) { publishPack(input: $input) { errors { message } } }"
PAPER = "Community diagnostics centre"


async def published_meeting(server: Server, title: str) -> str:
    """A Bolton governing body meeting, held in a room and on a call, whose public pack is published."""
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
        secretary = Caller(client, await token_for(SECRETARY))
        given = {
            "committeeId": await global_id("Committee", BOLTON_GOVERNING_BODY),
            "title": title,
            "startsAt": future(),
            "location": "Bolton Town Hall",
            "callLink": f"https://meet.nhs.example/{uuid.uuid4().hex}",
        }
        created = (await secretary.data(CREATE, {"input": given}))["createMeeting"]
        assert created["errors"] == [], created
        meeting = created["meeting"]
        item = await add_item(secretary, meeting["id"], PAPER)
        paper = await request_paper(secretary, meeting["id"], item["id"], PAPER)
        author, sponsor = Caller(client, await token_for(AUTHOR)), Caller(client, await token_for(SPONSOR))
        await write_and_approve(author, sponsor, paper, "A centre for scans and tests close to home.")
        published = await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}})
        assert published["changeMeetingStatus"]["errors"] == []
        pack = await build_and_wait(secretary, meeting["id"], "PUBLIC", run_jobs=False)
        assert (await secretary.data(PUBLISH, {"input": {"id": pack["id"]}}))["publishPack"]["errors"] == []
    return meeting["id"]


async def looks_public(page: Page) -> None:
    """Axe clean, no sideways scroll, and nothing a member of the public should not see or be shown."""
    await assert_accessible(page)
    text = await page.locator("main").inner_text()
    assert "not visible" not in text.lower(), page.url
    assert "meet.nhs.example" not in text and "Join online" not in text, page.url


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
async def test_the_public_finds_an_organisation_and_downloads_its_published_pack(
    browser: Browser, server: Server, viewport: str
):
    title = f"Meeting in public ({viewport}) {uuid.uuid4().hex[:6]}"
    await published_meeting(server, title)
    options = {"viewport": PHONE, "is_mobile": True, "has_touch": True} if viewport == "phone" else {}
    async with watched_context(browser, **options, accept_downloads=True) as context:
        page = await context.new_page()
        await page.goto(f"{server.url}/")
        await follow_navigation(page, "Organisations")
        await expect(page.get_by_role("heading", name="Find an organisation", level=1)).to_be_visible()
        await looks_public(page)

        # By name on the desktop, by ODS code on the phone; either way case does not matter.
        search = "bOLTON" if viewport == "desktop" else "00t"
        await page.get_by_label("Search by name or ODS code").fill(search)
        await page.get_by_role("button", name="Find organisations").click()
        await expect(page.get_by_role("status")).to_contain_text(f"matching “{search}”")
        results = page.get_by_role("list", name="Organisations")
        await expect(results).to_contain_text("CCG, ODS code 00T, in Greater Manchester Area Team")
        await looks_public(page)
        await results.get_by_role("link", name="NHS Bolton CCG").click()

        await expect(page.get_by_role("heading", level=1)).to_contain_text("NHS Bolton CCG")
        await looks_public(page)
        for link, heading in (
            ("Decisions register", "Decisions register"),
            ("Register of interests", "Register of interests"),
            ("Register of gifts and hospitality", "Gifts and hospitality"),
            ("Scheme of delegation", "NHS Bolton CCG"),
        ):
            await page.get_by_role("link", name=link, exact=True).click()
            await expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
            await looks_public(page)
            await page.get_by_role("link", name="Back to", exact=False).first.click()
            await expect(page.get_by_role("heading", level=1)).to_contain_text("NHS Bolton CCG")

        await page.get_by_role("link", name="Governing body", exact=True).click()
        await expect(page.get_by_role("heading", name="Governing body", level=1)).to_be_visible()
        await looks_public(page)
        meeting_link = page.get_by_role("link", name=title, exact=True)
        for _ in range(20):  # soonest first, a page at a time: the new meeting is a month ahead
            if await meeting_link.count():
                break
            await page.get_by_role("button", name="Next page of meetings").click()
        await meeting_link.first.click()

        await expect(page.get_by_role("heading", level=1)).to_contain_text(title)
        await expect(page.get_by_text("Bolton Town Hall").first).to_be_visible()
        await looks_public(page)
        packs = page.get_by_role("region", name=f"Board packs of {title}")
        async with page.expect_download() as downloading:
            await packs.get_by_role("link", name="Download public pack 1 (PDF)").click()
        download = await downloading.value
        assert Path(await download.path()).read_bytes()[:5] == b"%PDF-"

        await page.get_by_role("region", name=f"Agenda of {title}").get_by_role("link", name=PAPER).click()
        await expect(page.get_by_role("heading", level=1)).to_contain_text(PAPER)
        await looks_public(page)
