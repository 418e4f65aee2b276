"""Every demo person's home, at desktop width and on a 360-pixel phone: what needs them (or that nothing does) above
their memberships, axe clean, and the first thing to do reached and opened by keyboard."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, Page, expect

from quorum.auth.demo_people import DEMO_PEOPLE
from tests.browser.conftest import PHONE, Server, assert_accessible, sign_in_as_demo_user, watched_context

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": PHONE}


async def tab_to(page: Page, locator, limit: int = 60) -> None:
    """Press Tab until the locator has the focus (it must be reachable by keyboard)."""
    for _ in range(limit):
        if await locator.evaluate("element => element === document.activeElement"):
            return
        await page.keyboard.press("Tab")
    raise AssertionError(f"{locator} is not reachable with Tab")


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("person", [p.name for p in DEMO_PEOPLE])
async def test_each_demo_person_s_home(browser: Browser, server: Server, person: str, size: str):
    phone = size == "phone"
    options = {"viewport": SIZES[size], "is_mobile": phone, "has_touch": phone}
    async with watched_context(browser, **options) as context:
        page = await context.new_page()
        await sign_in_as_demo_user(page, server, person)
        await expect(page.get_by_role("heading", name="What needs you", level=1)).to_be_visible()
        things = page.get_by_role("list", name="Things to do")
        nothing = page.get_by_text("Nothing needs you at the moment.")
        await expect(things.or_(nothing)).to_be_visible()
        await expect(page.get_by_role("heading", name="Your memberships", level=2)).to_be_visible()
        await assert_accessible(page)
        if await nothing.is_visible():
            return
        first = things.get_by_role("listitem").first.get_by_role("link")
        href = await first.get_attribute("href")
        await page.locator("body").focus()
        await tab_to(page, first)
        await page.keyboard.press("Enter")
        await page.wait_for_url(f"{server.url}{href}")
        await expect(page.get_by_role("heading", level=1).first).to_be_visible()
