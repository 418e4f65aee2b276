"""The forms on a concern's page in a real browser, on a phone and by keyboard: the secretary's bad owner and past
review date are refused and change nothing; she passes the concern to another owner with a new review date, adds a
file of evidence (a disguised one is refused) and, after confirming, closes the concern, which then offers no more
changes. axe finds nothing at each step; someone of another CCG sees none of it."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.async_api import BrowserContext, expect

from quorum import clock
from tests.browser.conftest import Server, assert_accessible, fill_date, sign_in_as_demo_user
from tests.files import corpus

TITLE = "Long waits for community wheelchair assessments"


async def test_change_owner_and_review_date_add_evidence_and_close_a_concern(
    phone: BrowserContext, context: BrowserContext, server: Server
):
    helen = await phone.new_page()
    await sign_in_as_demo_user(helen, server, "Helen Hargreaves")
    await helen.goto(f"{server.url}/concerns")
    await helen.get_by_role("link", name=TITLE).click()
    await expect(helen.get_by_role("heading", level=1)).to_have_text(TITLE)
    concern_url = helen.url
    summary = helen.locator(".nhsuk-summary-list")
    await expect(summary).to_contain_text("Priya Shah")
    await expect(helen.get_by_text("No evidence has been added.")).to_be_visible()
    await assert_accessible(helen)

    # A practice representative may not own a concern, and the review cannot be in the past: nothing changes.
    await helen.get_by_role("button", name="Change owner or review date").click()
    await expect(helen.get_by_role("heading", name="Change the owner or review date")).to_be_focused()
    await helen.get_by_label("Owner", exact=True).select_option(label="Dr Fiona Clarke")
    await fill_date(helen, "Next review", date(2020, 1, 1))
    await helen.get_by_role("group", name="Next review").get_by_label("Year").press("Enter")  # submitted by keyboard
    await expect(helen.get_by_role("link", name="The review date cannot be in the past.")).to_be_visible()
    await expect(
        helen.get_by_role("link", name="Choose an owner from the CCG's officers, staff or governing body.")
    ).to_be_visible()
    await expect(helen.locator(".nhsuk-error-summary")).to_be_focused()
    await assert_accessible(helen)
    await helen.reload()
    await expect(summary).to_contain_text("Priya Shah")
    await expect(summary).not_to_contain_text("Dr Fiona Clarke")

    review = clock.today() + timedelta(days=21)
    await helen.get_by_role("button", name="Change owner or review date").click()
    await helen.get_by_label("Owner", exact=True).select_option(label="Margaret Lowe")
    await fill_date(helen, "Next review", review)
    await helen.get_by_label("Escalated to NHS England").check()
    await helen.get_by_role("button", name="Save changes").click()
    await expect(helen.get_by_role("status")).to_contain_text("Saved the owner")
    await expect(summary).to_contain_text("Margaret Lowe")
    await expect(summary).to_contain_text(f"{review.day} {review:%B %Y}")
    await expect(helen.locator(".nhsuk-summary-list__row", has_text="Escalated to NHS England")).to_contain_text("Yes")
    await assert_accessible(helen)

    # A zip named as a PDF is refused and nothing is added; a real PDF is kept, with a link to fetch it.
    await helen.get_by_role("button", name="Add evidence").click()
    await expect(helen.get_by_role("heading", name="Add evidence")).to_be_focused()
    await helen.get_by_label("File", exact=True).set_input_files(
        {"name": "letter.pdf", "mimeType": "application/pdf", "buffer": corpus.zip_named_pdf()}
    )
    await helen.get_by_role("button", name="Add evidence").last.click()
    await expect(helen.locator(".nhsuk-error-summary")).to_be_focused()
    await expect(helen.locator("#concern-evidence-file-error")).to_be_visible()
    await assert_accessible(helen)
    await helen.reload()
    await expect(helen.get_by_text("No evidence has been added.")).to_be_visible()

    await helen.get_by_role("button", name="Add evidence").click()
    await helen.get_by_label("File", exact=True).set_input_files(
        {"name": "assessment-waits.pdf", "mimeType": "application/pdf", "buffer": corpus.plain_pdf()}
    )
    await helen.get_by_label("Description (optional)").fill("Provider's waiting list return")
    await helen.get_by_role("button", name="Add evidence").last.click()
    await expect(helen.get_by_role("status")).to_contain_text("Added assessment-waits.pdf to the evidence.")
    link = helen.get_by_role("link", name="Provider's waiting list return")
    href = await link.get_attribute("href")
    assert href and href.startswith("/files/")
    fetched = await helen.request.get(f"{server.url}{href}")
    assert fetched.status == 200 and fetched.headers["content-type"].startswith("application/pdf")
    await assert_accessible(helen)

    # Closing asks first; saying no keeps the concern open.
    await helen.get_by_role("button", name="Close the concern").click()
    await expect(helen.get_by_role("heading", name=f"Close {TITLE}?")).to_be_focused()
    await helen.get_by_role("button", name="No, keep it open").click()
    await expect(summary).not_to_contain_text("Closed")
    await helen.get_by_role("button", name="Close the concern").click()
    await assert_accessible(helen)
    await helen.get_by_role("button", name="Yes, close the concern").click()
    await expect(helen.get_by_role("status")).to_contain_text("Closed the concern.")
    await expect(summary).to_contain_text("Closed")
    for name in ("Change owner or review date", "Close the concern", "Add evidence", "Escalate or de-escalate"):
        await expect(helen.get_by_role("button", name=name)).to_have_count(0)
    await assert_accessible(helen)

    outsider = await context.new_page()
    await sign_in_as_demo_user(outsider, server, "Daniel Cohen")
    await outsider.goto(concern_url)
    await expect(outsider.get_by_role("heading", level=1)).to_have_text("No such concern")
