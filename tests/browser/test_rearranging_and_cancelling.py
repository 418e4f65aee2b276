"""Rearranging and cancelling a meeting in a real browser: the secretary moves it, then calls it off after a second
step, by keyboard on a phone; someone of another organisation and an anonymous visitor see no controls, the API
refuses them, and everyone sees the meeting as cancelled."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from playwright.async_api import Browser, BrowserContext, Page, expect

from quorum import clock
from tests.browser.conftest import (
    Server,
    assert_accessible,
    fill_date,
    follow_navigation,
    sign_in_as_demo_user,
    watched_context,
)

MEETING = "Governing body meeting on the estates strategy"
CONTROLS = ("Change date, time or place", "Cancel meeting")


async def arranged_and_published(page: Page) -> str:
    """Helen arranges the meeting and publishes its agenda; returns the meeting page's address."""
    day = clock.today() + timedelta(days=40)
    await follow_navigation(page, "Committees")
    bolton = page.locator("section", has=page.get_by_role("heading", name="NHS Bolton CCG", level=2))
    await bolton.get_by_role("link", name="Governing body", exact=True).click()  # Islington's is public too
    await page.get_by_label("Title", exact=True).fill(MEETING)
    await fill_date(page, "Date", day)
    await page.get_by_label("Starts at").fill("14:00")
    await page.get_by_label("Ends at (optional)").fill("16:00")
    await page.get_by_label("Place", exact=True).fill("Bolton Town Hall")
    await page.get_by_role("button", name="Arrange meeting").click()
    await page.get_by_role("status").get_by_role("link", name=MEETING).click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text(MEETING)
    await page.get_by_role("button", name="Publish the agenda").click()
    await page.get_by_role("button", name="Yes, publish the agenda").click()
    await expect(page.locator(".nhsuk-summary-list")).to_contain_text("Agenda published")
    return page.url


async def graphql(page: Page, query: str, variables: dict) -> dict:
    """Posts from inside the page, as the frontend does: with its cookies (if any) and the CSRF header."""
    return await page.evaluate(
        """async ([query, variables]) => {
             const response = await fetch('/graphql', {method: 'POST', credentials: 'same-origin',
               headers: {'Content-Type': 'application/json', 'X-Quorum-CSRF': '1'},
               body: JSON.stringify({query, variables})});
             return {status: response.status, body: await response.text()};
           }""",
        [query, variables],
    )


REARRANGE = """mutation ($input: ChangeMeetingArrangementsInput!) {
  changeMeetingArrangements(input: $input) { meeting { id startsAt } errors { field message } } }"""
CANCEL = """mutation ($input: CancelMeetingInput!) { cancelMeeting(input: $input) { meeting { id cancelledAt }
  errors { field message } } }"""


NOT_SECRETARY = "Only the committee's board secretary or an administrator can change this meeting."
SIGN_IN = "Sign in to make changes."


def refusal(answer: dict, mutation: str) -> str:
    """The one message with which the API refused the mutation (it fails the test if it did anything)."""
    assert answer["status"] == 200, answer
    body = json.loads(answer["body"])
    if body.get("errors"):
        assert body["data"] is None, body
        [error] = body["errors"]
        return error["message"]
    payload = body["data"][mutation]
    assert payload["meeting"] is None, payload
    [error] = payload["errors"]
    return error["message"]


async def assert_outsider_can_do_nothing(page: Page, url: str, meeting_id: str, expected_refusal: str) -> None:
    await page.goto(url)
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    for control in CONTROLS:
        await expect(page.get_by_role("button", name=control)).to_have_count(0)
    await assert_accessible(page)
    later = (datetime.now(ZoneInfo("Europe/London")) + timedelta(days=60)).replace(microsecond=0).isoformat()
    rearranging = {"input": {"id": meeting_id, "startsAt": later, "location": "Somewhere else"}}
    assert refusal(await graphql(page, REARRANGE, rearranging), "changeMeetingArrangements") == expected_refusal
    assert refusal(await graphql(page, CANCEL, {"input": {"id": meeting_id}}), "cancelMeeting") == expected_refusal


async def test_a_secretary_rearranges_then_cancels_a_meeting_and_nobody_else_can(
    browser: Browser, context: BrowserContext, phone: BrowserContext, server: Server
):
    helen = await context.new_page()
    await sign_in_as_demo_user(helen, server, "Helen Hargreaves")
    url = await arranged_and_published(helen)
    meeting_id = unquote(url.rsplit("/", 1)[1])
    summary = helen.locator(".nhsuk-summary-list")

    # The form starts from the current arrangements; the API's errors show beside their fields and change nothing.
    await helen.get_by_role("button", name="Change date, time or place").click()
    await expect(helen.get_by_role("heading", name="Change date, time or place")).to_be_focused()
    await expect(helen.get_by_label("Starts at")).to_have_value("14:00")
    await expect(helen.get_by_label("Place", exact=True)).to_have_value("Bolton Town Hall")
    await expect(helen.get_by_text("told by email, with an updated calendar entry").first).to_be_visible()
    await helen.get_by_label("Call link (optional)").fill("http://meet.example/board")
    await helen.get_by_role("button", name="Save the new arrangements").click()
    error = "The call link must start with https://."
    await expect(helen.get_by_role("link", name=error)).to_have_attribute("href", "#change-arrangements-callLink")
    await expect(helen.locator("#change-arrangements-callLink-error")).to_contain_text(error)
    await assert_accessible(helen)
    await helen.reload()
    await expect(summary).to_contain_text("2pm to 4pm")
    await expect(summary).not_to_contain_text("meet.example")

    new_day = clock.today() + timedelta(days=41)
    await helen.get_by_role("button", name="Change date, time or place").click()
    await fill_date(helen, "Date", new_day)
    await helen.get_by_label("Starts at").fill("10:00")
    await helen.get_by_label("Ends at (optional)").fill("11:30")
    await helen.get_by_label("Call link (optional)").fill("https://meet.example/board")
    await helen.get_by_role("button", name="Save the new arrangements").click()
    changed = helen.get_by_role("status").filter(has_text="Changed the arrangements")
    await expect(changed).to_contain_text(f"{new_day.day} {new_day:%B} {new_day.year}, 10am to 11:30am")
    await expect(changed).to_contain_text(
        "Members and attendees will be told by email, with an updated calendar entry."
    )
    await expect(summary).to_contain_text("10am to 11:30am")
    await expect(summary).to_contain_text("https://meet.example/board")
    await assert_accessible(helen)

    # Someone of another organisation and an anonymous visitor see no controls, and the API refuses them.
    async with watched_context(browser) as other_context:
        daniel = await other_context.new_page()
        await sign_in_as_demo_user(daniel, server, "Daniel Cohen")
        await assert_outsider_can_do_nothing(daniel, url, meeting_id, NOT_SECRETARY)
    async with watched_context(browser) as visitor_context:
        visitor = await visitor_context.new_page()
        await visitor.goto(server.url)
        await assert_outsider_can_do_nothing(visitor, url, meeting_id, SIGN_IN)
    await helen.reload()
    await expect(summary).to_contain_text("10am to 11:30am")
    await expect(helen.get_by_text(re.compile("^Cancelled on"))).to_have_count(0)

    # On her phone, by keyboard: Cancel meeting asks again, naming the meeting; "No" leaves it; "Yes" cancels it.
    mobile = await phone.new_page()
    await sign_in_as_demo_user(mobile, server, "Helen Hargreaves")
    await mobile.goto(url)
    await mobile.get_by_role("button", name="Cancel meeting").focus()
    await mobile.keyboard.press("Enter")
    confirm = mobile.get_by_role("heading", name=f"Cancel {MEETING}?")
    await expect(confirm).to_be_focused()
    await assert_accessible(mobile)
    await mobile.get_by_role("button", name="No, keep it").focus()
    await mobile.keyboard.press("Enter")
    await expect(confirm).to_have_count(0)
    await mobile.reload()
    await expect(mobile.get_by_text(re.compile("^Cancelled on"))).to_have_count(0)

    await mobile.get_by_role("button", name="Cancel meeting").focus()
    await mobile.keyboard.press("Enter")
    await mobile.get_by_role("button", name="Yes, cancel the meeting").focus()
    await mobile.keyboard.press("Enter")
    today = datetime.now(ZoneInfo("Europe/London")).date()
    cancelled = f"Cancelled on {today.day} {today:%B} {today.year}"
    notice = mobile.locator(".nhsuk-warning-callout")
    await expect(notice).to_contain_text(cancelled)
    await expect(notice).to_be_focused()
    for control in CONTROLS:
        await expect(mobile.get_by_role("button", name=control)).to_have_count(0)
    await expect(mobile.get_by_role("link", name="Change the agenda and request papers")).to_have_count(0)
    await expect(mobile.locator(".nhsuk-summary-list")).to_contain_text(cancelled)
    await assert_accessible(mobile)

    # The committee's list of meetings says so.
    await mobile.get_by_role("link", name="Back to Governing body").click()
    meetings = mobile.get_by_role("region", name=re.compile("^Meetings of Governing body"))
    # Fifty meetings a page, oldest first: the demo's year and other tests' meetings may come before this one.
    row = meetings.get_by_role("row").filter(has_text=MEETING)
    next_page = mobile.get_by_role("button", name="Next page of meetings")
    for _ in range(10):
        first = meetings.get_by_role("row").nth(1)
        await expect(first).to_be_visible()
        if await row.count() or not await next_page.count():
            break
        shown = await first.inner_text()
        await next_page.click()
        await expect(first).not_to_have_text(shown)
    await expect(row).to_contain_text(cancelled)
    await assert_accessible(mobile)

    # Anyone reading the public pages sees it cancelled too, and the API still refuses the visitor.
    async with watched_context(browser) as visitor_context:
        visitor = await visitor_context.new_page()
        await visitor.goto(f"{server.url}/public/00T")
        await visitor.get_by_role("link", name="Governing body", exact=True).click()
        row = visitor.locator(".nhsuk-table__row").filter(has_text=MEETING)
        await expect(row).to_contain_text(cancelled)
        await assert_accessible(visitor)
        await row.get_by_role("link", name=MEETING).click()
        await expect(visitor.locator(".nhsuk-warning-callout")).to_contain_text(cancelled)
        for control in CONTROLS:
            await expect(visitor.get_by_role("button", name=control)).to_have_count(0)
        await assert_accessible(visitor)
        assert refusal(await graphql(visitor, CANCEL, {"input": {"id": meeting_id}}), "cancelMeeting") == SIGN_IN
