"""The quality papers in the agenda builder, in a real browser on a phone and by keyboard: Bolton's board secretary
adds the monthly quality report and the practice quality papers to a future governing body meeting and sees the new
items; a refused period is shown beside its field; a joint committee's agenda has no such section."""

from __future__ import annotations

from datetime import timedelta

from playwright.async_api import BrowserContext, Page, expect

from quorum import clock
from tests.browser.conftest import Server, assert_accessible, fill_date, follow_navigation, sign_in_as_demo_user

JOINT_COMMITTEE = "Bolton primary care joint committee"


async def agenda_of_new_meeting(page: Page, committee: str, title: str) -> None:
    """Helen arranges a meeting of `committee` six weeks ahead and opens its agenda builder."""
    await follow_navigation(page, "Committees")
    bolton = page.locator("section", has=page.get_by_role("heading", name="NHS Bolton CCG", level=2))
    await bolton.get_by_role("link", name=committee, exact=True).click()  # Islington's governing body is public too
    await page.get_by_label("Title", exact=True).fill(title)
    await fill_date(page, "Date", clock.today() + timedelta(days=42))
    await page.get_by_label("Starts at").fill("10:00")
    await page.get_by_label("Place", exact=True).fill("Bolton Town Hall")
    await page.get_by_role("button", name="Arrange meeting").click()
    await page.get_by_role("status").get_by_role("link", name=title).click()
    await page.get_by_role("link", name="Change the agenda and request papers").click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Agenda")


async def test_the_secretary_adds_the_quality_papers_to_a_governing_body_agenda(phone: BrowserContext, server: Server):
    helen = await phone.new_page()
    await sign_in_as_demo_user(helen, server, "Helen Hargreaves")
    await agenda_of_new_meeting(helen, "Governing body", "Governing body meeting on quality")
    section = helen.get_by_role("region", name="Quality papers")
    await expect(section).to_be_visible()
    agenda = helen.get_by_role("list", name="Agenda of Governing body meeting on quality")

    last_month = clock.today().replace(day=1) - timedelta(days=1)
    await expect(section.get_by_label("Month to report on")).to_have_value(last_month.strftime("%Y-%m"))
    await section.get_by_role("button", name="Add the monthly quality report").focus()
    await helen.keyboard.press("Enter")
    report = f"Quality report: {last_month:%B %Y}"
    status = section.get_by_role("status")
    await expect(status.get_by_role("link", name=report)).to_be_visible()
    await expect(status).to_contain_text("awaits your approval")
    await expect(section.locator(".app-outcome")).to_be_focused()
    await expect(agenda.get_by_role("heading", name=report)).to_be_visible()
    await assert_accessible(helen)

    period = section.get_by_label("Period (optional)")
    await period.fill("2019-Q1")
    await period.press("Enter")
    await expect(section.locator("#practice-quality-period-error")).to_contain_text(
        "No indicator has figures for 2019-Q1."
    )
    await expect(section.get_by_role("alert")).to_contain_text("No indicator has figures for 2019-Q1.")
    await assert_accessible(helen)

    await period.fill("")
    await period.press("Enter")
    await expect(status).to_contain_text("Both papers are submitted and await your approval")
    await expect(status.get_by_role("link")).to_have_count(2)
    await expect(agenda.get_by_role("heading", name="Practice quality dashboard")).to_have_count(2)
    await status.get_by_role("link").first.click()
    await expect(helen.get_by_role("heading", name="Practice quality dashboard", exact=True)).to_be_visible()


async def test_a_joint_committee_agenda_has_no_quality_papers(context: BrowserContext, server: Server):
    helen = await context.new_page()
    await sign_in_as_demo_user(helen, server, "Helen Hargreaves")
    await agenda_of_new_meeting(helen, JOINT_COMMITTEE, "Joint committee meeting")
    await expect(helen.get_by_role("heading", name="Items", level=2)).to_be_visible()
    await expect(helen.get_by_role("heading", name="Quality papers")).to_have_count(0)
