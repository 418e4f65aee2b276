"""An author on a phone attaches a PDF that carries JavaScript, is told what was removed, then replaces and
removes appendices by keyboard."""

from __future__ import annotations

import re

import httpx
from playwright.async_api import BrowserContext, expect

from tests.browser.conftest import Server, assert_accessible, sign_in_as_demo_user
from tests.files import corpus
from tests.meetings.support import SAVE, SECRETARY, add_item, create_meeting, draft, request_paper
from tests.support import Caller, token_for

AUTHOR = "tom.ashworth@demo.quorum.example"


async def test_an_author_is_told_what_was_removed_and_replaces_and_removes_appendices(
    phone: BrowserContext, server: Server
):
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        secretary = Caller(client, await token_for(SECRETARY))
        meeting = await create_meeting(secretary, title="Appendices on a phone")
        item = await add_item(secretary, meeting["id"], "Community services review")
        paper = await request_paper(secretary, meeting["id"], item["id"], "Community services review")
        assert (await Caller(client, await token_for(AUTHOR)).data(SAVE, draft(paper, "Body.")))["savePaperDraft"][
            "errors"
        ] == []

    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Tom Ashworth")
    await page.goto(f"{server.url}/papers/{paper}")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Community services review")

    await page.get_by_label("Title of the appendix").fill("Service activity")
    await page.get_by_label("File", exact=True).set_input_files(
        {"name": "activity.pdf", "mimeType": "application/pdf", "buffer": corpus.javascript_pdf()}
    )
    await page.get_by_role("button", name="Attach appendix").click()
    status = page.get_by_role("status").filter(has_text=re.compile("^Attached"))
    await expect(status).to_contain_text(
        "Attached “Service activity”. Removed from the PDF: an action run when the document opens"
    )
    await expect(page.locator(".app-inspection-note")).to_contain_text("Removed from the PDF")
    await assert_accessible(page)

    # By keyboard: open the appendix's disclosure, choose a new file, replace; then remove it.
    summary = page.locator("summary", has_text="Replace or remove")
    await summary.focus()
    await page.keyboard.press("Enter")
    await page.get_by_label("New file for “Service activity”").set_input_files(
        {"name": "activity-clean.pdf", "mimeType": "application/pdf", "buffer": corpus.plain_pdf()}
    )
    await page.get_by_role("button", name="Replace file of “Service activity”").focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("status").filter(has_text=re.compile("^Replaced"))).to_have_text(
        "Replaced the file of “Service activity”."
    )
    await expect(page.locator(".app-inspection-note")).to_have_count(0)
    await assert_accessible(page)

    await page.locator("summary", has_text="Replace or remove").focus()
    await page.keyboard.press("Enter")
    await page.get_by_role("button", name="Remove appendix “Service activity”").focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("status").filter(has_text=re.compile("^Removed"))).to_have_text(
        "Removed “Service activity”."
    )
    await expect(page.get_by_text("The paper has no appendices.")).to_be_visible()
    await assert_accessible(page)
