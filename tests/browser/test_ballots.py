"""A council of members ballot in a real browser: the secretary sets it up, a representative votes from a phone,
the secretary watches the turnout rise, closes the ballot and downloads the result."""

from __future__ import annotations

import re
import uuid

from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import Server, assert_accessible, follow_navigation, sign_in_as_demo_user
from tests.files.corpus import javascript_pdf

SECRETARY = "Helen Hargreaves"
REPRESENTATIVE = "Dr Fiona Clarke"


async def open_ballots(page: Page) -> None:
    await follow_navigation(page, "Ballots")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Ballots")


async def practices_voted(page: Page) -> int:
    text = await page.get_by_text(re.compile(r"^\d+ of \d+ practices have voted")).text_content()
    return int(text.split(" ")[0])


async def test_a_representative_votes_from_a_phone_and_the_secretary_closes_and_exports(
    context: BrowserContext, phone: BrowserContext, server: Server
):
    title = f"Constitution change {uuid.uuid4().hex[:6]}"

    # The secretary sets the CCG's voting rules and creates an open ballot, through the pages.
    office = await context.new_page()
    await sign_in_as_demo_user(office, server, SECRETARY)
    await open_ballots(office)
    await assert_accessible(office)
    await office.get_by_role("link", name="Voting rules").click()
    await expect(office.get_by_role("heading", level=1)).to_have_text("Voting rules")
    await expect(office).to_have_title("Voting rules – Quorum")
    await office.get_by_label("Votes", exact=True).select_option("EQUAL")
    await office.get_by_label("Turnout that makes a ballot valid (%)").fill("1")
    await office.get_by_label("Majority that carries a question").select_option("SIMPLE")
    await office.get_by_role("button", name="Save voting rules").click()
    await expect(office.get_by_role("status")).to_contain_text("Voting rules saved")
    await assert_accessible(office)

    await office.get_by_role("link", name="Back to ballots").click()
    await office.get_by_role("link", name="Create a ballot").click()
    await expect(office.get_by_role("heading", level=1)).to_have_text("Create a ballot")
    await office.get_by_role("button", name="Create ballot").click()
    summary = office.locator(".nhsuk-error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Enter the ballot's title")
    await assert_accessible(office)

    await office.get_by_label("Title").fill(title)
    await office.get_by_label("Explanation for practices").fill("The governing body proposes a revised constitution.")
    await office.get_by_label("Question", exact=True).fill("Do you approve the revised constitution?")
    await office.get_by_role("button", name="Add another question").click()
    second = office.get_by_role("group", name="Question 2")
    await second.get_by_label("Question", exact=True).fill("Elect two GP members of the governing body")
    await second.get_by_label("Kind of question").select_option("ELECTION")
    await second.get_by_label("How many are elected").fill("2")
    await second.get_by_label("Candidates").fill("Dr Amara Okafor\nDr Ben Whitaker\nDr Chloe Patel")
    # The explanatory document carries JavaScript: the upload check removes it and tells the secretary.
    await office.get_by_label("Explanatory document (optional)").set_input_files(
        {"name": "revised-constitution.pdf", "mimeType": "application/pdf", "buffer": javascript_pdf()}
    )
    await assert_accessible(office)
    await office.get_by_role("button", name="Create ballot").click()
    await expect(office.get_by_role("heading", name="Create and open the ballot?")).to_be_focused()
    await assert_accessible(office)
    await office.get_by_role("button", name="Yes, create the ballot").click()
    await expect(office.get_by_role("status")).to_contain_text("Removed from the PDF: ")
    await office.get_by_role("status").get_by_role("link", name=title).click()
    await expect(office.get_by_role("heading", level=1)).to_have_text(title)
    await expect(office).to_have_title(f"{title} – Quorum")
    await expect(office.get_by_text("Open", exact=True)).to_be_visible()
    await expect(office.get_by_role("heading", name="Practices that have not voted")).to_be_visible()
    await expect(office.get_by_role("table", name="Practices that have not voted")).to_contain_text("P82002")
    await expect(office.get_by_role("link", name="Read the explanatory document")).to_be_visible()
    await expect(office.locator(".app-inspection-note")).to_contain_text("JavaScript")
    before = await practices_voted(office)
    await assert_accessible(office)

    # A practice that cannot vote itself has another practice's representative vote for it.
    practice = office.get_by_label("Practice", exact=True)
    labels = await practice.locator("option").all_text_contents()
    absent = next(label for label in labels[1:] if "P82001" not in label and "P82002" not in label)
    await practice.select_option(label=absent)
    proxy = office.get_by_label("Representative who votes for it")
    await proxy.select_option(await proxy.locator("option", has_text="Dr Rajesh Mistry").first.get_attribute("value"))
    await office.get_by_role("button", name="Appoint proxy").click()
    await expect(office.get_by_role("table", name="Proxies for this ballot")).to_contain_text("Dr Rajesh Mistry")
    await assert_accessible(office)

    # The representative votes from a phone.
    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, REPRESENTATIVE)
    await open_ballots(page)
    awaiting = page.get_by_role("heading", name="Awaiting your practice's vote")
    await expect(awaiting).to_be_visible()
    await assert_accessible(page)
    await page.get_by_role("link", name=title).click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(title)
    await expect(page.get_by_role("link", name="Read the explanatory document")).to_be_visible()
    await expect(page.locator(".app-inspection-note")).to_have_count(0)  # for those who run the ballot
    await assert_accessible(page)

    await page.get_by_role("button", name="Submit vote").click()
    summary = page.locator(".nhsuk-error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Choose for, against or abstain for question 1")
    await assert_accessible(page)

    motion = page.get_by_role("group", name=re.compile("Do you approve the revised constitution"))
    await motion.get_by_label("For", exact=True).check()
    election = page.get_by_role("group", name=re.compile("Elect two GP members"))
    await election.get_by_label("Dr Amara Okafor").check()
    await election.get_by_label("Dr Chloe Patel").check()
    await expect(election).to_contain_text("2 of 2 chosen")
    # A double tap sends one paper.
    await page.get_by_role("button", name="Submit vote").dblclick()
    confirmation = page.locator(".app-vote-confirmation")
    await expect(confirmation).to_contain_text("Vote recorded")
    await expect(confirmation).to_contain_text("has been recorded")
    await expect(confirmation.get_by_role("heading", name="Vote recorded")).to_be_focused()
    await expect(page.get_by_role("button", name="Submit vote")).to_have_count(0)
    await assert_accessible(page)

    # The secretary's view refreshes itself and shows one more practice voted.
    await expect(office.get_by_text(re.compile(rf"^{before + 1} of \d+ practices have voted"))).to_be_visible(
        timeout=15000
    )
    await expect(office.get_by_role("table", name="Practices that have not voted")).not_to_contain_text("P82002")
    await assert_accessible(office)

    # Closing the ballot shows the results and the export.
    await office.get_by_role("button", name="Close the ballot now").click()
    await expect(office.get_by_role("heading", name="Close the ballot now?")).to_be_focused()
    await assert_accessible(office)
    await office.get_by_role("button", name="Yes, close the ballot").click()
    await expect(office.get_by_role("heading", name="Results", level=2)).to_be_visible()
    await expect(office.get_by_text("Closed", exact=True).first).to_be_visible()
    await expect(office.get_by_role("table", name="Votes on question 1")).to_contain_text("For")
    named = office.get_by_role("table", name="How each practice voted")
    await expect(named).to_contain_text("P82002")
    await expect(named).to_contain_text("Question 2: Dr Amara Okafor, Dr Chloe Patel")
    await assert_accessible(office)
    async with office.expect_download() as download_info:
        await office.get_by_role("link", name="Download the result (Excel workbook)").click()
    download = await download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(await download.path(), "rb") as workbook:
        assert workbook.read(2) == b"PK"

    # The representative sees the result on the phone.
    await page.reload()
    await expect(page.get_by_role("heading", name="Results", level=2)).to_be_visible()
    await assert_accessible(page)
    await open_ballots(page)
    await expect(page.get_by_role("heading", name="Closed", level=3)).to_be_visible()
    await expect(page.get_by_role("link", name=title)).to_be_visible()
    await assert_accessible(page)
