"""An author on a phone uploads a Word document as the paper's body: the page shows its text (through mammoth) and
where its conversion to pack pages is; a file that is not a Word document is refused with a clear message."""

from __future__ import annotations

import re

import httpx
from playwright.async_api import BrowserContext, expect

from tests.browser.conftest import Server, assert_accessible, sign_in_as_demo_user
from tests.meetings.support import SAVE, SECRETARY, add_item, create_meeting, draft, request_paper
from tests.papers.documents import excel_workbook, word_document
from tests.support import Caller, run_queued_jobs, token_for

AUTHOR = "tom.ashworth@demo.quorum.example"
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


async def test_an_author_uploads_a_word_body_and_sees_its_text_and_conversion(phone: BrowserContext, server: Server):
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        secretary = Caller(client, await token_for(SECRETARY))
        meeting = await create_meeting(secretary, title="A Word body on a phone")
        item = await add_item(secretary, meeting["id"], "Urgent care review")
        paper = await request_paper(secretary, meeting["id"], item["id"], "Urgent care review")
        assert (await Caller(client, await token_for(AUTHOR)).data(SAVE, draft(paper, "")))["savePaperDraft"][
            "errors"
        ] == []

    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Tom Ashworth")
    await page.goto(f"{server.url}/papers/{paper}")
    await expect(page.get_by_role("heading", name="Body written in Word")).to_be_visible()

    # A spreadsheet is not a Word document: refused, and nothing changes.
    upload = page.get_by_label("Word document (.docx)")
    await upload.set_input_files({"name": "figures.docx", "mimeType": WORD, "buffer": excel_workbook([["a"]])})
    await page.get_by_role("button", name="Upload Word body").click()
    await expect(page.locator(".nhsuk-error-summary")).to_contain_text("figures.docx is not a Word document.")
    await assert_accessible(page)

    body = word_document(["Urgent care activity rose by a tenth this winter."], heading="Urgent care review")
    await upload.set_input_files({"name": "urgent-care.docx", "mimeType": WORD, "buffer": body})
    await page.get_by_role("button", name="Upload Word body").click()
    await expect(page.get_by_role("status").filter(has_text=re.compile("is now the paper’s body"))).to_be_visible()
    preview = page.locator(".app-paper-body")
    await expect(preview).to_contain_text("Urgent care activity rose by a tenth this winter.")
    await expect(preview.get_by_role("heading", name="Urgent care review")).to_be_visible()
    await expect(page.get_by_role("link", name=re.compile("urgent-care.docx"))).to_be_visible()
    await assert_accessible(page)

    # A worker converts it (here the test's own, as the server's builds packs only); the page says so once reloaded.
    await run_queued_jobs()
    for _ in range(60):
        await page.reload()
        tag = page.locator(".nhsuk-tag", has_text=re.compile("Ready for the pack|Could not be converted"))
        if await tag.count():
            break
        await page.wait_for_timeout(1000)
    await expect(page.locator(".nhsuk-tag", has_text="Ready for the pack (1 page)")).to_be_visible()
    assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    await assert_accessible(page)

    # By keyboard, back to a body written on the page.
    await page.get_by_role("button", name="Write the body here instead").focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("status").filter(has_text="no longer the paper’s body")).to_be_visible()
    await expect(page.get_by_text("Authors who write in Word can upload")).to_be_visible()
