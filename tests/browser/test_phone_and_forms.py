"""Phone and forms (issue 18): on a 360 px phone the header folds into a menu and the meeting page's tables reflow
with their download links in view; publishing asks first; a published pack is withdrawn with a reason the public
reads; and leaving an edited form asks before the edits are lost."""

from __future__ import annotations

import re

import httpx
from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import Server, assert_accessible, follow_navigation, watched_context
from tests.browser.test_running_a_meeting import sign_in_by_cookie
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
from tests.support import Caller, token_for

MEETING = "Governing body (phone and forms)"
REASON = "The finance paper named a patient; a corrected pack follows."
STATUS = "mutation($input: ChangeMeetingStatusInput!) { changeMeetingStatus(input: $input) { errors { message } } }"


async def meeting_with_a_built_pack(server: Server) -> str:
    """A meeting with its agenda published and a public pack built, not yet published."""
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as http:
        secretary = Caller(http, await token_for(SECRETARY))
        author, sponsor = Caller(http, await token_for(AUTHOR)), Caller(http, await token_for(SPONSOR))
        meeting = await create_meeting(secretary, title=MEETING)
        item = await add_item(secretary, meeting["id"], "Financial recovery plan with a long title for a phone")
        paper = await request_paper(secretary, meeting["id"], item["id"], "Financial recovery plan")
        await write_and_approve(author, sponsor, paper, "The plan.")
        assert (await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}}))[
            "changeMeetingStatus"
        ]["errors"] == []
        await build_and_wait(secretary, meeting["id"], "PUBLIC", run_jobs=False)
        return meeting["id"]


async def no_sideways_scroll(page: Page) -> None:
    width = await page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page is {width[0]}px wide in a {width[1]}px window"


async def test_on_a_phone_the_meeting_page_fits_and_publishing_asks_first(
    phone: BrowserContext, browser, server: Server
):
    meeting_id = await meeting_with_a_built_pack(server)
    await sign_in_by_cookie(phone, server, SECRETARY)
    page = await phone.new_page()
    await page.goto(f"{server.url}/meetings/{meeting_id}")
    await expect(page.get_by_role("heading", level=1)).to_contain_text(MEETING)

    # The header is one row: the logo and the menu button; the navigation is folded away.
    menu = page.get_by_role("button", name="Menu")
    await expect(menu).to_have_attribute("aria-expanded", "false")
    navigation = page.get_by_role("navigation", name="Primary navigation")
    await expect(navigation).to_be_hidden()
    logo, button = await page.get_by_role("link", name="NHS Quorum homepage").bounding_box(), await menu.bounding_box()
    assert abs((logo["y"] + logo["height"] / 2) - (button["y"] + button["height"] / 2)) < 12
    header = await page.get_by_role("banner").bounding_box()
    assert header["height"] < 110, header

    # The menu opens and closes from the keyboard.
    await menu.focus()
    await page.keyboard.press("Enter")
    await expect(menu).to_have_attribute("aria-expanded", "true")
    await expect(navigation.get_by_role("link", name="Committees")).to_be_visible()
    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    await assert_accessible(page)
    await page.keyboard.press("Escape")
    await expect(menu).to_have_attribute("aria-expanded", "false")
    await expect(menu).to_be_focused()
    await page.keyboard.press("Space")
    await expect(menu).to_have_attribute("aria-expanded", "true")
    await page.keyboard.press("Space")
    await expect(navigation).to_be_hidden()

    # The agenda and the packs reflow: every row in view, the download links too, nothing scrolls sideways.
    agenda = page.get_by_role("region", name=f"Agenda of {MEETING}")
    await expect(agenda.get_by_role("row").filter(has_text="Financial recovery plan")).to_be_visible()
    packs = page.get_by_role("region", name=f"Board packs of {MEETING}")
    download = packs.get_by_role("link", name="Download public pack 1 (PDF)")
    await download.scroll_into_view_if_needed()
    await expect(download).to_be_in_viewport()
    box = await download.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    await no_sideways_scroll(page)
    await assert_accessible(page)

    # Publishing asks first, with the warning, and focus on the question.
    await packs.get_by_role("button", name="Publish public pack 1").click()
    question = page.get_by_role("heading", name="Publish public pack 1?")
    await expect(question).to_be_focused()
    await expect(page.locator(".nhsuk-warning-callout")).to_contain_text("Anyone, without signing in")
    await no_sideways_scroll(page)
    await assert_accessible(page)
    await page.get_by_role("button", name="Cancel", exact=True).click()
    await expect(question).to_have_count(0)
    await expect(packs.get_by_role("row").filter(has_text="Public pack 1")).to_contain_text("Not published")

    await packs.get_by_role("button", name="Publish public pack 1").click()
    await page.get_by_role("button", name="Yes, publish").click()
    await expect(page.get_by_role("status").filter(has_text="Published public pack 1")).to_be_visible()
    await expect(packs.get_by_role("button", name="Withdraw public pack 1")).to_be_visible()

    # Withdrawing needs a reason, which the public then reads where the pack was.
    await packs.get_by_role("button", name="Withdraw public pack 1").click()
    await expect(page.get_by_role("heading", name="Withdraw public pack 1")).to_be_focused()
    await page.get_by_role("button", name="Withdraw the pack").click()
    await expect(page.get_by_role("link", name="Enter the reason for withdrawing the pack")).to_be_visible()
    await assert_accessible(page)
    await page.get_by_label("Why it is withdrawn").fill(REASON)
    await page.get_by_role("button", name="Withdraw the pack").click()
    await expect(page.get_by_role("status").filter(has_text="Withdrew public pack 1")).to_be_visible()
    await expect(packs.get_by_role("row").filter(has_text="Public pack 1")).to_contain_text(
        re.compile(r"Withdrawn on \d+ \w+ \d{4}: " + re.escape(REASON))
    )

    async with watched_context(browser, viewport={"width": 360, "height": 740}) as public:
        reader = await public.new_page()
        await reader.goto(f"{server.url}/meetings/{meeting_id}")
        public_packs = reader.get_by_role("region", name=f"Board packs of {MEETING}")
        await expect(public_packs).to_contain_text("Withdrawn on")
        await expect(public_packs).to_contain_text(REASON)
        await expect(public_packs.get_by_role("link", name=re.compile("Download"))).to_have_count(0)
        await no_sideways_scroll(reader)
        await assert_accessible(reader)


async def test_leaving_an_edited_form_asks_first(context: BrowserContext, server: Server):
    meeting_id = await meeting_with_a_built_pack(server)
    await sign_in_by_cookie(context, server, SECRETARY)
    page = await context.new_page()
    await page.goto(f"{server.url}/meetings/{meeting_id}/agenda")
    form = page.get_by_role("region", name="Add an item").or_(
        page.locator("section").filter(has=page.get_by_role("heading", name="Add an item"))
    )
    await form.first.get_by_label("Title", exact=True).fill("Estates strategy")

    asked: list[str] = []

    async def say(answer: bool):
        async def respond(dialog):
            asked.append(dialog.message)
            await (dialog.accept() if answer else dialog.dismiss())

        page.once("dialog", respond)

    await say(False)
    await follow_navigation(page, "Committees")
    for _ in range(100):
        if asked:
            break
        await page.wait_for_timeout(50)
    assert len(asked) == 1 and "not saved" in asked[0], asked
    await expect(page).to_have_url(re.compile(f"/meetings/{meeting_id}/agenda$"))
    await expect(form.first.get_by_label("Title", exact=True)).to_have_value("Estates strategy")

    await say(True)
    await follow_navigation(page, "Committees")
    await expect(page).to_have_url(re.compile("/committees$"))
    assert len(asked) == 2
