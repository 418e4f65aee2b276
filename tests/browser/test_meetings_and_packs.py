"""From agenda to published pack in a real browser: a secretary arranges a meeting and builds its agenda, an author
writes a paper, its sponsor approves it, the secretary builds and publishes the pack, and anyone reads it."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from playwright.async_api import Browser, BrowserContext, Page, expect

from quorum import clock
from quorum.seed.demo import demo_pdf
from tests.browser.conftest import (
    Server,
    assert_accessible,
    fill_date,
    follow_navigation,
    sign_in_as_demo_user,
    watched_context,
)
from tests.papers.documents import odt

MEETING = "Governing body meeting in public"
PAPER = "Financial plan 2026/27"


async def choose(page: Page, label: str, option_text: str) -> None:
    """Selects the option of a select whose text contains option_text."""
    select = page.get_by_label(label, exact=True)
    value = await select.locator("option", has_text=option_text).first.get_attribute("value")
    await select.select_option(value)


async def status(page: Page, starts_with: str):
    return page.get_by_role("status").filter(has_text=re.compile(f"^{re.escape(starts_with)}"))


async def open_my_paper(page: Page) -> None:
    await follow_navigation(page, "My papers")
    await expect(page.get_by_role("heading", name="My papers", level=1)).to_be_visible()
    row = page.get_by_role("row").filter(has_text=PAPER)
    await expect(row).to_contain_text(MEETING)
    await assert_accessible(page)
    await row.get_by_role("link", name=PAPER).click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text(PAPER)


async def test_a_meeting_goes_from_agenda_to_published_pack(
    browser: Browser, context: BrowserContext, phone: BrowserContext, server: Server
):
    day = clock.today() + timedelta(days=30)
    papers_due = clock.today() + timedelta(days=20)

    # Helen arranges a governing body meeting; its agenda starts from the committee's template.
    helen = await context.new_page()
    await sign_in_as_demo_user(helen, server, "Helen Hargreaves")
    await follow_navigation(helen, "Committees")
    bolton = helen.locator("section", has=helen.get_by_role("heading", name="NHS Bolton CCG", level=2))
    await bolton.get_by_role("link", name="Governing body", exact=True).click()  # Islington's is public too
    await expect(helen.get_by_role("heading", name="Meetings", level=2)).to_be_visible()
    await assert_accessible(helen)
    await helen.get_by_label("Title", exact=True).fill(MEETING)
    await fill_date(helen, "Date", day)
    await helen.get_by_label("Starts at").fill("14:00")
    await helen.get_by_label("Ends at (optional)").fill("16:00")
    await helen.get_by_label("Place", exact=True).fill("Bolton Town Hall")
    await fill_date(helen, "Papers due (optional)", papers_due)
    await helen.get_by_role("button", name="Arrange meeting").click()
    await expect(await status(helen, "Arranged")).to_contain_text("2pm")
    meetings = helen.get_by_role("region", name=re.compile("^Meetings of Governing body"))
    await expect(meetings.get_by_role("row").filter(has_text=MEETING)).to_contain_text("Draft")
    on_the_calendar = helen.get_by_role("link", name=re.compile(f"^2pm on {day.day} ")).first
    # The calendar opens at the next meeting's month (the demo's is ten days off): move on to this one's.
    for _ in range(3):
        if await on_the_calendar.is_visible():
            break
        await helen.get_by_role("button", name=re.compile("^Next month")).click()
    await expect(on_the_calendar).to_be_visible()
    await assert_accessible(helen)
    await helen.get_by_role("status").get_by_role("link", name=MEETING).click()

    await expect(helen.get_by_role("heading", level=1)).to_contain_text(MEETING)
    await expect(helen).to_have_title(re.compile(f"^{MEETING}, "))
    agenda = helen.get_by_role("region", name=f"Agenda of {MEETING}")
    await expect(agenda.get_by_role("row").nth(1)).to_contain_text("Welcome and apologies for absence")
    await expect(agenda.get_by_role("row").last).to_contain_text("Questions from the public")
    await expect(helen.locator(".nhsuk-summary-list")).to_contain_text("2pm to 4pm")
    await assert_accessible(helen)

    # The agenda builder: a new item goes before the closing questions from the public, starting when the items
    # before it have had their minutes (27 of them after 2pm); the keyboard moves it down and back up.
    await helen.get_by_role("link", name="Change the agenda and request papers").click()
    await expect(helen.get_by_role("heading", name=re.compile("Agenda$"), level=1)).to_be_visible()
    await assert_accessible(helen)
    await helen.get_by_label("Title", exact=True).fill(PAPER)
    await helen.get_by_label("Presenter (optional)").fill("Chief Finance Officer")
    await helen.get_by_label("Minutes allotted").fill("20")
    await helen.get_by_label("Purpose", exact=True).select_option(label="Decision")
    await helen.get_by_label("The item needs a paper").check()
    await helen.get_by_role("button", name="Add item").click()
    await expect(await status(helen, "Added")).to_have_text(f"Added “{PAPER}” as item 7.")
    item_row = helen.locator("li").filter(has=helen.get_by_role("heading", name=f"7 {PAPER}"))
    await expect(item_row).to_contain_text("2:27pm for 20 min")
    await expect(helen.get_by_role("heading", level=3).nth(7)).to_contain_text("Questions from the public")
    await expect(helen.locator("li").filter(has_text="Questions from the public")).to_contain_text("2:47pm for 15 min")

    await helen.get_by_role("button", name=f"Move down (7. {PAPER})").focus()
    await helen.keyboard.press("Enter")
    await expect(await status(helen, "Moved")).to_have_text(f"Moved “{PAPER}”: it is now item 8.")
    await helen.get_by_role("button", name=f"Move up (8. {PAPER})").focus()
    await helen.keyboard.press("Enter")
    await expect(await status(helen, "Moved")).to_have_text(f"Moved “{PAPER}”: it is now item 7.")
    await expect(helen.get_by_role("button", name=f"Move up (7. {PAPER})")).to_be_focused()
    await expect(helen.get_by_role("heading", level=3).nth(7)).to_contain_text("Questions from the public")
    await assert_accessible(helen)

    # Any other business is added as a closing item, by keyboard: it goes after the questions from the public.
    await helen.get_by_label("Title", exact=True).fill("Any other business")
    await helen.get_by_label("Minutes allotted").fill("5")
    await helen.get_by_label("Purpose", exact=True).select_option(label="To note")
    await helen.get_by_label("It is a closing item").focus()
    await helen.keyboard.press("Space")
    await expect(helen.get_by_label("It is a closing item")).to_be_checked()
    await helen.keyboard.press("Tab")
    await expect(helen.get_by_role("button", name="Add item")).to_be_focused()
    await helen.keyboard.press("Enter")
    await expect(await status(helen, "Added")).to_have_text("Added “Any other business” as item 9.")
    await expect(helen.get_by_role("heading", level=3).nth(8)).to_contain_text("Any other business")
    await expect(helen.get_by_label("It is a closing item")).not_to_be_checked()
    await helen.set_viewport_size({"width": 360, "height": 740})
    await assert_accessible(helen)
    await helen.set_viewport_size({"width": 1280, "height": 720})

    # The paper is requested from Tom, with Dr Mistry as its sponsor.
    await helen.get_by_role("button", name=f"Request a paper for 7. {PAPER}").click()
    await expect(helen.get_by_role("heading", name="Request a paper for item 7")).to_be_focused()
    # The form opens inside the item's own row, not at the foot of the page.
    await expect(item_row.get_by_role("heading", name="Request a paper for item 7")).to_be_visible()
    await assert_accessible(helen)
    await choose(helen, "Author", "Tom Ashworth")
    await choose(helen, "Executive sponsor", "Dr Rajesh Mistry")
    due = helen.get_by_role("group", name="Due date")
    await expect(due.get_by_label("Day")).to_have_value(str(papers_due.day))
    await expect(due.get_by_label("Month")).to_have_value(str(papers_due.month))
    await expect(due.get_by_label("Year")).to_have_value(str(papers_due.year))
    await helen.get_by_role("button", name="Request paper").click()
    await expect(await status(helen, "Requested")).to_have_text(f"Requested “{PAPER}” from Tom Ashworth for item 7.")
    await assert_accessible(helen)

    # Tom writes the paper: cover sheet, body and a PDF appendix, and submits it.
    async with watched_context(browser) as tom_context:
        tom = await tom_context.new_page()
        await sign_in_as_demo_user(tom, server, "Tom Ashworth")
        await open_my_paper(tom)
        await assert_accessible(tom)
        # An empty cover sheet cannot go to the sponsor: the page names what is missing, and so does the refusal.
        missing = tom.locator(".nhsuk-warning-callout").filter(has_text="Complete the cover sheet before you submit it")
        for label in ("Executive summary", "Recommendation", "Patient and public involvement to date"):
            await expect(missing.get_by_role("link", name=label)).to_be_visible()
        await tom.get_by_role("button", name="Submit to sponsor").click()
        refusal = tom.get_by_role("alert")
        await expect(refusal).to_contain_text(
            "Complete the cover sheet before submitting the paper. Missing: executive summary, recommendation,"
        )
        await expect(tom.locator(".nhsuk-summary-list").first).not_to_contain_text("Submitted to sponsor")
        await assert_accessible(tom)
        await missing.get_by_role("link", name="Executive summary").click()
        await expect(tom.get_by_label("Executive summary")).to_be_focused()
        await tom.get_by_label("Executive summary").fill("A balanced plan for 2026/27 with a 1% surplus.")
        await tom.get_by_label("Recommendation").fill("The governing body is asked to approve the financial plan.")
        await tom.get_by_label("Links to strategic objectives").fill("Financial sustainability.")
        await tom.get_by_label("Board Assurance Framework risks").fill("BAF risk 4: financial balance.")
        await tom.get_by_label("Conflicts of interest noted").fill("None.")
        await tom.get_by_role("group", name="Financial impact").get_by_label("Yes").check()
        await tom.get_by_label("What is the financial impact?").fill("£1.2m of efficiency savings")
        await tom.get_by_label("Patient and public involvement to date").fill(
            "Presented to the patient reference group."
        )
        await tom.get_by_label("The paper", exact=True).fill(
            "## The plan\n\nThe plan **balances** the budget.\n\n- Savings\n- Growth"
        )
        await tom.get_by_role("button", name="Save draft").click()
        await expect(await status(tom, "Saved")).to_have_text(f"Saved the draft of “{PAPER}”.")
        preview = tom.locator(".app-paper-body")
        await expect(preview.get_by_role("heading", name="The plan")).to_be_visible()
        await expect(preview.locator("strong")).to_have_text("balances")
        await expect(tom.get_by_label("What is the financial impact?")).to_have_value("£1.2m of efficiency savings")

        # An OpenDocument file is taken as an appendix too, but not one carrying macros: refused, saying why.
        await expect(tom.get_by_text(re.compile(r"OpenDocument file \(\.odt or \.ods\)"))).to_be_visible()
        await tom.get_by_label("Title of the appendix").fill("Financial plan macros")
        await tom.get_by_label("File", exact=True).set_input_files(
            {
                "name": "financial-plan.odt",
                "mimeType": "application/vnd.oasis.opendocument.text",
                "buffer": odt("Plan", extra_parts={"Basic/Standard/Module1.xml": b"<script:module/>"}),
            }
        )
        await tom.get_by_role("button", name="Attach appendix").click()
        await expect(tom.get_by_role("alert").filter(has_text="The file")).to_contain_text(
            "The file contains macros or scripts; save a copy without them and upload that."
        )
        await assert_accessible(tom)
        await tom.get_by_label("Title of the appendix").fill("Financial plan tables")
        await tom.get_by_label("File", exact=True).set_input_files(
            {
                "name": "financial-plan-tables.pdf",
                "mimeType": "application/pdf",
                "buffer": demo_pdf("Financial plan tables"),
            }
        )
        await tom.get_by_role("button", name="Attach appendix").click()
        await expect(await status(tom, "Attached")).to_have_text("Attached “Financial plan tables”.")
        await expect(tom.get_by_role("link", name="Financial plan tables (appendix)")).to_be_visible()
        await assert_accessible(tom)

        await expect(missing).to_have_count(0)
        await tom.get_by_role("button", name="Submit to sponsor").click()
        await expect(await status(tom, "Submitted")).to_have_text(
            "Submitted the paper to Dr Rajesh Mistry for approval."
        )
        await expect(tom.locator(".nhsuk-summary-list").first).to_contain_text("Submitted to sponsor")
        await expect(tom.get_by_role("button", name="Save draft")).to_have_count(0)
        await assert_accessible(tom)

    # Dr Mistry approves it, on his phone.
    mistry = await phone.new_page()
    await sign_in_as_demo_user(mistry, server, "Dr Rajesh Mistry")
    await open_my_paper(mistry)
    await expect(mistry.get_by_role("region", name=f"Versions of {PAPER}")).to_contain_text("Not approved")
    await assert_accessible(mistry)
    await mistry.get_by_role("button", name="Approve the paper").click()
    await expect(await status(mistry, "Approved")).to_have_text("Approved the paper: it is ready for the pack.")
    await expect(mistry.locator(".nhsuk-summary-list").first).to_contain_text("Approved")
    await assert_accessible(mistry)

    # Helen publishes the agenda, builds the public pack while its progress shows, and publishes the pack.
    await helen.get_by_role("link", name="Back to the meeting").click()
    await expect(helen.get_by_role("heading", level=1)).to_contain_text(MEETING)
    await expect(agenda.get_by_role("row").filter(has_text=PAPER)).to_contain_text("Approved")
    await expect(agenda.get_by_role("row").filter(has_text=PAPER)).to_contain_text("2:27pm")
    await helen.get_by_role("button", name="Publish the agenda").click()
    await helen.get_by_role("button", name="Yes, publish the agenda").click()
    await expect(await status(helen, "Published the agenda")).to_be_visible()
    await expect(helen.locator(".nhsuk-summary-list")).to_contain_text("Agenda published")

    sockets: list[str] = []
    helen.on("websocket", lambda socket: sockets.append(socket.url))
    await helen.get_by_role("button", name="Build the public pack").click()
    progress = helen.get_by_role("progressbar", name="Progress of the public pack")
    await expect(progress).to_be_visible()
    await expect(progress).to_have_attribute("value", "100", timeout=30_000)
    ready = await status(helen, "The public pack is ready")
    await expect(ready).to_have_text(re.compile(r"^The public pack is ready: \d+ pages\.$"))
    assert sockets == [server.url.replace("http://", "ws://") + "/graphql"], "progress came over the subscription"
    packs = helen.get_by_role("region", name=f"Board packs of {MEETING}")
    await expect(packs.get_by_role("row").filter(has_text="Public pack 1")).to_contain_text("Not published")
    await assert_accessible(helen)
    await packs.get_by_role("button", name="Publish public pack 1").click()
    await helen.get_by_role("button", name="Yes, publish").click()
    await expect(await status(helen, "Published public pack 1")).to_have_text(
        "Published public pack 1: anyone can now read it and its papers."
    )
    await expect(helen.locator(".nhsuk-summary-list")).to_contain_text("Papers published")
    await expect(agenda.get_by_role("row").filter(has_text=PAPER)).to_contain_text("In the published pack")
    await assert_accessible(helen)

    # Anyone, signed in or not, finds the meeting from the CCG's public page and reads the pack.
    async with watched_context(browser) as visitor_context:
        visitor = await visitor_context.new_page()
        await visitor.goto(f"{server.url}/public/00T")
        await expect(visitor.get_by_role("heading", level=1)).to_contain_text("NHS Bolton CCG")
        await expect(visitor).to_have_title("Meetings and papers: NHS Bolton CCG – Quorum")
        await assert_accessible(visitor)
        await visitor.get_by_role("link", name="Governing body", exact=True).click()
        await expect(visitor.get_by_role("heading", name="Governing body", level=1)).to_be_visible()
        await assert_accessible(visitor)
        await visitor.get_by_role("link", name=MEETING, exact=True).click()

        await expect(visitor.get_by_role("heading", level=1)).to_contain_text(MEETING)
        await expect(visitor.get_by_role("link", name="Back to Governing body")).to_be_visible()
        public_agenda = visitor.get_by_role("region", name=f"Agenda of {MEETING}")
        await expect(public_agenda.get_by_role("link", name=PAPER)).to_be_visible()
        await expect(visitor.get_by_role("button", name="Build the public pack")).to_have_count(0)
        public_packs = visitor.get_by_role("region", name=f"Board packs of {MEETING}")
        open_link = public_packs.get_by_role("link", name="Open in the browser (public pack 1)")
        assert (await open_link.get_attribute("href")).endswith(".pdf?view=1")
        jump = visitor.get_by_role("link", name=f"7. {PAPER} in public pack 1")
        assert re.search(r"\.pdf\?view=1#page=\d+$", await jump.get_attribute("href"))
        await assert_accessible(visitor)

        async with visitor.expect_download() as downloading:
            await public_packs.get_by_role("link", name="Download public pack 1 (PDF)").click()
        download = await downloading.value
        assert Path(await download.path()).read_bytes()[:5] == b"%PDF-"

        await public_agenda.get_by_role("link", name=PAPER).click()
        await expect(visitor.get_by_role("heading", level=1)).to_contain_text(PAPER)
        await expect(visitor.get_by_role("region", name=f"Versions of {PAPER}")).to_be_visible()
        await expect(visitor.locator(".app-paper-body").get_by_role("heading", name="The plan")).to_be_visible()
        await expect(visitor.get_by_role("button", name="Save draft")).to_have_count(0)
        await assert_accessible(visitor)
