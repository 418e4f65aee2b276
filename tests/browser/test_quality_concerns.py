"""The quality concerns register in a real browser, on a phone and by keyboard: the secretary logs a concern about a
practice, escalates it to enhanced surveillance and puts it on the governing body's agenda, where it shows; axe
finds nothing on any page; its paper, approved, goes into the private pack. Someone of another CCG sees none of it."""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import unquote, urlparse

from playwright.async_api import BrowserContext, Page, expect

from quorum import clock
from tests.browser.conftest import Server, assert_accessible, fill_date, follow_navigation, sign_in_as_demo_user

TITLE = "Unsafe storage of vaccines"
MEETING = "Governing body meeting on quality assurance"


async def arranged_and_published(page: Page) -> str:
    """Helen arranges a governing body meeting and publishes its agenda; returns the meeting page's address."""
    await follow_navigation(page, "Committees")
    bolton = page.locator("section", has=page.get_by_role("heading", name="NHS Bolton CCG", level=2))
    await bolton.get_by_role("link", name="Governing body", exact=True).click()  # Islington's is public too
    await page.get_by_label("Title", exact=True).fill(MEETING)
    await fill_date(page, "Date", clock.today() + timedelta(days=45))
    await page.get_by_label("Starts at").fill("10:00")
    await page.get_by_label("Place", exact=True).fill("Bolton Town Hall")
    await page.get_by_role("button", name="Arrange meeting").click()
    await page.get_by_role("status").get_by_role("link", name=MEETING).click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text(MEETING)
    await page.get_by_role("button", name="Publish the agenda").click()
    await page.get_by_role("button", name="Yes, publish the agenda").click()
    await expect(page.locator(".nhsuk-summary-list")).to_contain_text("Agenda published")
    return page.url


async def test_log_escalate_and_put_a_concern_on_the_agenda(
    phone: BrowserContext, context: BrowserContext, server: Server
):
    helen = await phone.new_page()
    await sign_in_as_demo_user(helen, server, "Helen Hargreaves")
    meeting_url = await arranged_and_published(helen)

    await helen.goto(f"{server.url}/concerns")
    await expect(helen.get_by_role("heading", level=1)).to_have_text("Quality concerns")
    await expect(helen.get_by_role("link", name="Access to appointments")).to_be_visible()
    await assert_accessible(helen)
    await helen.get_by_label("Category").select_option("SAFETY")
    await expect(helen.get_by_role("link", name="Access to appointments")).to_have_count(0)
    await expect(helen.get_by_role("link", name="Missed sepsis screening in the emergency department")).to_be_visible()

    await helen.get_by_role("link", name="Log a concern").click()
    await expect(helen.get_by_role("heading", level=1)).to_have_text("Log a concern")
    await helen.get_by_label("Practice", exact=True).select_option(index=2)
    await helen.get_by_label("Source").select_option("CQC_INSPECTION")
    await helen.get_by_label("Category").select_option("SAFETY")
    await helen.get_by_label("Title", exact=True).fill(TITLE)
    await helen.get_by_label("Summary", exact=True).fill(
        "Vaccine fridge temperatures were not recorded for three weeks."
    )
    await helen.get_by_label("What happens next").fill("Ask the practice for its cold chain policy.")
    await fill_date(helen, "Next review", date(2020, 1, 1))
    await assert_accessible(helen)
    await helen.get_by_role("group", name="Next review").get_by_label("Year").press("Enter")  # submitted by keyboard
    error = "The review date cannot be in the past."
    await expect(helen.get_by_role("link", name=error)).to_be_visible()
    await assert_accessible(helen)
    await fill_date(helen, "Next review", clock.today() + timedelta(days=14))
    await helen.get_by_role("group", name="Next review").get_by_label("Year").press("Enter")
    await expect(helen.get_by_role("heading", level=1)).to_have_text(TITLE)
    await expect(helen.locator("[aria-current='step']")).to_contain_text("Routine monitoring")
    concern_url = helen.url
    await assert_accessible(helen)

    await helen.get_by_role("button", name="Escalate or de-escalate").click()
    await expect(helen.get_by_role("heading", name="Move the concern on the ladder")).to_be_focused()
    await helen.get_by_label("Step", exact=True).select_option(label="2. Enhanced surveillance (escalate)")
    await helen.get_by_label("Why", exact=True).fill("The practice has not sent its policy.")
    await helen.get_by_label("What happens next", exact=True).fill("Fortnightly review; visit the practice.")
    await helen.get_by_role("button", name="Record the step").click()
    await expect(helen.get_by_role("status")).to_contain_text("Escalated to Enhanced surveillance.")
    await expect(helen.locator("[aria-current='step']")).to_contain_text("Enhanced surveillance")
    await expect(helen.get_by_role("table")).to_contain_text("The practice has not sent its policy.")
    await assert_accessible(helen)

    await helen.get_by_role("button", name="Put on an agenda").click()
    await helen.get_by_label("Committee", exact=True).select_option(label="Governing body")
    await expect(helen.get_by_label("Meeting", exact=True)).to_contain_text(MEETING)
    await helen.get_by_label("Meeting", exact=True).select_option(unquote(meeting_url.rsplit("/", 1)[1]))
    await assert_accessible(helen)
    await helen.get_by_role("button", name="Put on the agenda").click()
    await expect(helen.get_by_role("status")).to_contain_text("Put the concern on the agenda")
    await expect(helen.locator(f'a[href="{urlparse(meeting_url).path}"]')).to_contain_text(MEETING)

    # Helen owns the concern, so she sponsors its paper: she approves it and builds the private pack.
    await helen.get_by_role("link", name=f"the paper for Quality concern: {TITLE}").click()
    await helen.get_by_role("button", name="Approve the paper").click()
    await expect(helen.get_by_role("status").filter(has_text="Approved the paper")).to_be_visible()
    await helen.goto(meeting_url)
    await expect(helen.get_by_text(f"Quality concern: {TITLE}").first).to_be_visible()
    await assert_accessible(helen)
    await helen.get_by_role("button", name="Build the private pack").click()
    ready = helen.get_by_role("status").filter(has_text="The private pack is ready")
    await expect(ready).to_have_text(re.compile(r"^The private pack is ready: \d+ pages\.$"), timeout=60_000)

    outsider = await context.new_page()
    await sign_in_as_demo_user(outsider, server, "Daniel Cohen")
    await outsider.goto(concern_url)
    await expect(outsider.get_by_role("heading", level=1)).to_have_text("No such concern")
    await outsider.goto(f"{server.url}/concerns")
    await expect(outsider.get_by_role("link", name=TITLE)).to_have_count(0)
