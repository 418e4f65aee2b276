"""Search in a real browser: from the header's box by keyboard to a results page with highlighted snippets and
filters, on a desktop and a 360-pixel phone; a paper's text that looks like markup is shown as text, never run."""

from __future__ import annotations

import secrets
from datetime import date

from playwright.async_api import BrowserContext, expect

from tests.browser.conftest import Server, assert_accessible, clear_date, fill_date, open_menu, sign_in_as_demo_user
from tests.search.test_search import GOVERNING_BODY, _item, _meeting, _paper
from tests.support import BOLTON_SECRETARY, owner


async def searchable_word() -> str:
    """A Bolton meeting with a Part I item and paper, and a Part II item, all carrying one new word."""
    word = "zq" + secrets.token_hex(4)
    conn = await owner()
    try:
        async with conn.transaction():
            secretary = await conn.fetchval("SELECT id FROM person WHERE email = $1", BOLTON_SECRETARY)
            body, org = (await conn.fetch(GOVERNING_BODY, "00T"))[0]
            meeting = await _meeting(conn, body, org, "Board meeting in public", "PAPERS_PUBLISHED", 5)
            item = await _item(conn, org, body, meeting, 1, f"Estates review {word}", "PUBLIC")
            await _item(conn, org, body, meeting, 2, f"Contract dispute {word}", "PRIVATE")
            await _paper(
                conn, org, body, meeting, item, "Estates strategy",
                f"The {word} figures <img src=x onerror=alert(1)> and <b>bold</b> claims.", True, secretary,
            )  # fmt: skip
    finally:
        await conn.close()
    return word


async def test_a_secretary_searches_from_the_header_by_keyboard_and_filters(context: BrowserContext, server: Server):
    word = await searchable_word()
    page = await context.new_page()
    await sign_in_as_demo_user(page, server, "Helen Hargreaves")
    box = page.get_by_role("searchbox", name="Search Quorum")
    await box.focus()
    await page.keyboard.type(word)
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    results = page.locator(".app-search-results")
    await expect(results.get_by_role("link", name=f"Contract dispute {word}")).to_be_visible()  # their Part II
    await expect(results.get_by_role("link", name="Estates strategy")).to_be_visible()
    await expect(results.locator("mark", has_text=word).first).to_be_visible()
    await assert_accessible(page)

    # A date range that leaves the meeting out finds nothing.
    await page.get_by_text("Filters").click()
    await fill_date(page, "From (date)", date(2020, 1, 1))
    await fill_date(page, "To (date)", date(2020, 12, 31))
    await page.get_by_role("button", name="Search", exact=True).last.click()
    await expect(page.get_by_role("heading", name=f"Nothing you can see matches “{word}”")).to_be_visible()
    await assert_accessible(page)

    # A half-typed date is named in the error, not silently dropped from the search.
    await page.get_by_role("group", name="From (date)", exact=True).get_by_label("Month").fill("")
    await page.get_by_role("button", name="Search", exact=True).last.click()
    await expect(page.get_by_role("link", name="From date must include a month")).to_be_visible()
    await assert_accessible(page)

    # Only common words: a clear message, focusable from the summary.
    await page.get_by_label("Words to search for").fill("the and")
    await clear_date(page, "From (date)")
    await clear_date(page, "To (date)")
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("Those words are too common to search for")).to_be_visible()
    await assert_accessible(page)


async def test_a_visitor_on_a_phone_finds_only_part_one_and_markup_stays_text(phone: BrowserContext, server: Server):
    word = await searchable_word()
    page = await phone.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    await page.goto(f"{server.url}/")
    await open_menu(page)  # on a phone the search box folds into the header's menu
    await page.get_by_role("searchbox", name="Search Quorum").fill(word)
    await page.get_by_role("button", name="Search").first.click()
    results = page.locator(".app-search-results")
    await expect(results.get_by_role("link", name=f"Estates review {word}")).to_be_visible()
    await expect(results.get_by_text("Contract dispute")).to_have_count(0)
    paper = results.locator("li", has=page.get_by_role("link", name="Estates strategy"))
    await expect(paper.locator("mark")).to_have_text(word)
    await expect(paper.locator("img, b")).to_have_count(0)  # markup in the text is never made into elements
    assert dialogs == []
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
    await assert_accessible(page)
    await paper.get_by_role("link", name="Estates strategy").click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Estates strategy")
