"""Papers as authors write them: Word and Excel appendices and a Word body become pages of the pack (LibreOffice),
the agenda's page numbers and bookmarks count those pages, and a file that does not convert is reported, not waited on.
"""

from __future__ import annotations

import asyncio
import base64
import io
import re
import subprocess
import time

import pytest
from pypdf import PdfReader

from quorum.files import conversion
from tests.meetings.support import (
    ADD_APPENDIX,
    AUTHOR,
    MOVE,
    SAVE,
    SECRETARY,
    SPONSOR,
    add_item,
    build_and_wait,
    create_meeting,
    draft,
    request_paper,
)
from tests.papers.documents import excel_workbook, unreadable_docx, word_document, zip_bomb_docx
from tests.support import ISLINGTON_GP, Caller, as_person, owner_fetch, run_queued_jobs

UPLOAD_BODY = """mutation($input: UploadPaperBodyInput!) {
  uploadPaperBody(input: $input) {
    version { number bodyHtml bodyDocument { filename url conversion { status problem pageCount } } }
    errors { field message } } }"""
REMOVE_BODY = """mutation($input: RemovePaperBodyInput!) {
  removePaperBody(input: $input) { version { bodyHtml bodyDocument { filename } } errors { field message } } }"""
PAPER = """query($id: ID!) { node(id: $id) { ... on Paper { currentVersion {
  bodyHtml bodyDocument { filename url conversion { status problem pageCount seconds } }
  appendices { title kind problem file { filename conversion { status problem pageCount seconds } } } } } } }"""
ADD = """mutation($input: AddAppendixInput!) {
  addAppendix(input: $input) { appendix { title kind file { conversion { status } } } errors { field message } } }"""

BODY_ONE = "Community services review: the first page of the Word body"
BODY_TWO = "Community services review: the second page of the Word body"
WORD_APPENDIX = "Workforce appendix written in Word"
EXCEL_CELL = "Vacancy rate by staff group"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def text_pages(pdf: bytes) -> list[str]:
    """Each page's text as pdftotext (poppler) lays it out."""
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return out.decode().split("\f")[:-1]


async def submit_and_approve(author: Caller, sponsor: Caller, paper_id: str) -> None:
    for caller, status in ((author, "SUBMITTED"), (sponsor, "APPROVED")):
        moved = (await caller.data(MOVE, {"input": {"id": paper_id, "status": status}}))["movePaper"]
        assert moved["errors"] == [], moved["errors"]


@pytest.fixture(scope="module")
async def word_meeting(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
        meeting = await create_meeting(secretary, title="Meeting with Word papers")
        review = await add_item(secretary, meeting["id"], "Community services review")
        workforce = await add_item(secretary, meeting["id"], "Workforce plan")
        finance = await add_item(secretary, meeting["id"], "Finance summary")

        review_paper = await request_paper(secretary, meeting["id"], review["id"], "Community services review")
        saved = (await author.data(SAVE, draft(review_paper, "")))["savePaperDraft"]
        assert saved["errors"] == []
        body = word_document([BODY_ONE], [BODY_TWO], heading="Community services review")
        uploaded = (
            await author.data(
                UPLOAD_BODY, {"input": {"paperId": review_paper, "filename": "review.docx", "contentBase64": b64(body)}}
            )
        )["uploadPaperBody"]
        assert uploaded["errors"] == [], uploaded["errors"]

        workforce_paper = await request_paper(secretary, meeting["id"], workforce["id"], "Workforce plan")
        assert (await author.data(SAVE, draft(workforce_paper, "The plan in **Markdown**.")))["savePaperDraft"][
            "errors"
        ] == []
        for title, filename, content in (
            ("Workforce detail", "workforce.docx", word_document([WORD_APPENDIX], ["More workforce detail"])),
            ("Vacancies", "vacancies.xlsx", excel_workbook([[EXCEL_CELL, "Rate"], ["Nursing", 0.12]])),
        ):
            added = (
                await author.data(
                    ADD,
                    {
                        "input": {
                            "paperId": workforce_paper,
                            "title": title,
                            "filename": filename,
                            "contentBase64": b64(content),
                        }
                    },
                )
            )["addAppendix"]
            assert added["errors"] == [] and added["appendix"]["file"]["conversion"]["status"] == "PENDING", added

        finance_paper = await request_paper(secretary, meeting["id"], finance["id"], "Finance summary")
        assert (await author.data(SAVE, draft(finance_paper, "Balanced.")))["savePaperDraft"]["errors"] == []
        for paper_id in (review_paper, workforce_paper, finance_paper):
            await submit_and_approve(author, sponsor, paper_id)
        await run_queued_jobs()  # the conversions
        public = await build_and_wait(secretary, meeting["id"], "PUBLIC")
        yield {
            "meeting": meeting,
            "public": public,
            "review": review_paper,
            "workforce": workforce_paper,
            "numbers": {item["title"]: item["number"] for item in (review, workforce, finance)},
            "body": uploaded["version"],
        }


async def test_a_word_body_is_shown_through_mammoth_and_converted_for_the_pack(client, word_meeting):
    author = await as_person(client, AUTHOR)
    assert word_meeting["body"]["bodyHtml"].startswith("<h1>Community services review</h1>")
    assert BODY_ONE in word_meeting["body"]["bodyHtml"]
    version = (await author.data(PAPER, {"id": word_meeting["review"]}))["node"]["currentVersion"]
    assert version["bodyDocument"]["filename"] == "review.docx"
    conversion_row = version["bodyDocument"]["conversion"]
    assert conversion_row["status"] == "DONE" and conversion_row["pageCount"] == 2, conversion_row
    assert conversion_row["seconds"] > 0
    appendices = (await author.data(PAPER, {"id": word_meeting["workforce"]}))["node"]["currentVersion"]["appendices"]
    assert [(a["kind"], a["file"]["conversion"]["status"]) for a in appendices] == [("WORD", "DONE"), ("EXCEL", "DONE")]


async def test_word_and_excel_pages_are_in_the_pack_where_the_agenda_and_bookmarks_say(client, word_meeting):
    secretary = await as_person(client, SECRETARY)
    response = await client.get(word_meeting["public"]["url"], headers={"authorization": f"Bearer {secretary.token}"})
    assert response.status_code == 200
    pages = text_pages(response.content)
    assert len(pages) == word_meeting["public"]["pageCount"] == len(PdfReader(io.BytesIO(response.content)).pages)
    flat = [" ".join(page.split()) for page in pages]

    def page_with(text: str) -> int:
        found = [number for number, page in enumerate(flat, start=1) if text in page and number > 3]
        assert found, f"{text!r} is in no page of the pack"
        return found[0]

    # The Word body is printed from its conversion, after the app's own cover sheet, one page for each of its pages.
    cover = page_with("Cover sheet: Community services review")
    assert page_with(BODY_ONE) == cover + 1 and page_with(BODY_TWO) == cover + 2
    # The Word appendix (two pages) and the Excel appendix (one page) are pages, not a note to download them.
    numbers = word_meeting["numbers"]
    number = numbers["Workforce plan"]
    word_start, excel_start = (
        page_with(f"Appendix {number}.1: Workforce detail"),
        page_with(f"Appendix {number}.2: Vacancies"),
    )
    assert WORD_APPENDIX in flat[word_start - 1] and "More workforce detail" in flat[word_start]
    assert excel_start == word_start + 2 and EXCEL_CELL in flat[excel_start - 1]
    assert not any("Download it from the meeting" in page for page in flat)

    # The agenda's page numbers are the pages where pdftotext finds each item, counting the converted pages.
    agenda = pages[1]
    for title, at in numbers.items():
        match = re.search(rf"^\s*{at}\s+{re.escape(title)}\s.*?(\d+)\s*$", agenda, re.MULTILINE)
        assert match, f"{title} is missing from the agenda:\n{agenda}"
        assert f"{at} {title}" in flat[int(match.group(1)) - 1], f"{title} is not on page {match.group(1)}"
    assert page_with(f"{numbers['Finance summary']} Finance summary") == excel_start + 1

    # Bookmarks point at the same pages.
    reader = PdfReader(io.BytesIO(response.content))
    marks = {entry["/Title"]: reader.get_destination_page_number(entry) + 1 for entry in _flatten(reader.outline)}
    assert marks[f"{numbers['Community services review']} Community services review"] == cover
    assert marks[f"Appendix {number}.1: Workforce detail"] == word_start
    assert marks[f"Appendix {number}.2: Vacancies"] == excel_start
    assert marks[f"{numbers['Finance summary']} Finance summary"] == excel_start + 1


def _flatten(outline) -> list:
    found = []
    for entry in outline:
        found += _flatten(entry) if isinstance(entry, list) else [entry]
    return found


async def test_a_word_file_that_does_not_convert_in_time_is_reported_and_the_pack_is_still_built(client, monkeypatch):
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary, title="Meeting with a slow appendix")
    item = await add_item(secretary, meeting["id"], "Estates review")
    paper_id = await request_paper(secretary, meeting["id"], item["id"], "Estates review")
    assert (await author.data(SAVE, draft(paper_id, "Body.")))["savePaperDraft"]["errors"] == []
    added = (
        await author.data(
            ADD,
            {
                "input": {
                    "paperId": paper_id,
                    "title": "Estates schedule",
                    "filename": "estates.docx",
                    "contentBase64": b64(word_document(["Slow to convert"])),
                }
            },
        )
    )["addAppendix"]
    assert added["errors"] == []
    await submit_and_approve(author, sponsor, paper_id)
    monkeypatch.setenv("QUORUM_CONVERSION_TIMEOUT", "0.2")
    await run_queued_jobs()
    appendix = (await author.data(PAPER, {"id": paper_id}))["node"]["currentVersion"]["appendices"][0]
    assert appendix["file"]["conversion"]["status"] == "FAILED"
    assert "took longer than 0.2 seconds" in appendix["file"]["conversion"]["problem"]
    assert not await _soffice_running()

    build = await build_and_wait(secretary, meeting["id"], "PUBLIC")
    response = await client.get(build["url"], headers={"authorization": f"Bearer {secretary.token}"})
    flat = " ".join(" ".join(page.split()) for page in text_pages(response.content))
    assert f"Appendix {item['number']}.1: Estates schedule" in flat
    assert "could not be set as pages of this pack: The file took longer than 0.2 seconds" in flat


async def _soffice_running() -> bool:
    """Whether a LibreOffice a conversion started is still running (a timeout kills its whole process group; the
    killed processes may take a moment to go)."""
    import psutil

    def running() -> bool:
        for process in psutil.process_iter(["cmdline", "status"]):
            line = " ".join(process.info["cmdline"] or [])
            if "soffice" in line and "quorum-convert-" in line and process.info["status"] != psutil.STATUS_ZOMBIE:
                return True
        return False

    for _ in range(50):
        if not running():
            return False
        await asyncio.sleep(0.1)
    return True


async def test_a_build_does_not_wait_for_the_queue(client, monkeypatch):
    """A pack built before the conversion job ran converts the file itself, within the timeout."""
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary, title="Meeting built at once")
    item = await add_item(secretary, meeting["id"], "Primary care strategy")
    paper_id = await request_paper(secretary, meeting["id"], item["id"], "Primary care strategy")
    assert (await author.data(SAVE, draft(paper_id, "")))["savePaperDraft"]["errors"] == []
    body = word_document(["Strategy text converted by the build"])
    uploaded = (
        await author.data(
            UPLOAD_BODY, {"input": {"paperId": paper_id, "filename": "strategy.docx", "contentBase64": b64(body)}}
        )
    )["uploadPaperBody"]
    assert uploaded["version"]["bodyDocument"]["conversion"]["status"] == "PENDING"
    await submit_and_approve(author, sponsor, paper_id)
    from quorum import worker

    # Only the build job runs, as in a worker that has not reached the conversion yet.
    with monkeypatch.context() as patch:
        patch.setattr(worker, "_runs", lambda name: name == "build_pack")
        build = await build_and_wait(secretary, meeting["id"], "PUBLIC")
    response = await client.get(build["url"], headers={"authorization": f"Bearer {secretary.token}"})
    assert any("Strategy text converted by the build" in page for page in text_pages(response.content))
    version = (await author.data(PAPER, {"id": paper_id}))["node"]["currentVersion"]
    assert version["bodyDocument"]["conversion"]["status"] == "DONE"
    await worker.drain()  # the conversion job, now finding the work done, leaves it as it is
    version = (await author.data(PAPER, {"id": paper_id}))["node"]["currentVersion"]
    assert version["bodyDocument"]["conversion"]["pageCount"] == 1


async def test_hostile_word_files_are_refused_or_reported(client):
    secretary, author = [await as_person(client, e) for e in (SECRETARY, AUTHOR)]
    meeting = await create_meeting(secretary, title="Meeting with hostile files")
    item = await add_item(secretary, meeting["id"], "Hostile files")
    paper_id = await request_paper(secretary, meeting["id"], item["id"], "Hostile files")
    assert (await author.data(SAVE, draft(paper_id, "Kept.")))["savePaperDraft"]["errors"] == []

    async def upload(filename: str, content: bytes) -> dict:
        return (
            await author.data(
                UPLOAD_BODY, {"input": {"paperId": paper_id, "filename": filename, "contentBase64": b64(content)}}
            )
        )["uploadPaperBody"]

    bomb = await upload("bomb.docx", zip_bomb_docx())
    assert bomb["version"] is None and "zip bomb" in bomb["errors"][0]["message"]
    pretend = await upload("report.docx", b"MZ this is a program, not a document" * 100)
    assert pretend["errors"] == [{"field": "contentBase64", "message": "report.docx is not a Word document."}]
    spreadsheet = await upload("figures.docx", excel_workbook([["a"]]))
    assert spreadsheet["errors"][0]["message"] == "figures.docx is not a Word document."
    unreadable = await upload("broken.docx", unreadable_docx())
    assert unreadable["errors"] == [
        {
            "field": "contentBase64",
            "message": "The Word document could not be read; save it again as .docx and upload the new copy.",
        }
    ]
    # None of them changed the paper.
    version = (await author.data(PAPER, {"id": paper_id}))["node"]["currentVersion"]
    assert version["bodyDocument"] is None and "Kept." in version["bodyHtml"]

    # As an appendix, the zip bomb is refused too; the unreadable file is kept and reported as not converted.
    bomb_appendix = (
        await author.data(
            ADD_APPENDIX,
            {
                "input": {
                    "paperId": paper_id,
                    "title": "Bomb",
                    "filename": "b.docx",
                    "contentBase64": b64(zip_bomb_docx()),
                }
            },
        )
    )["addAppendix"]
    assert "zip bomb" in bomb_appendix["errors"][0]["message"]
    added = (
        await author.data(
            ADD,
            {
                "input": {
                    "paperId": paper_id,
                    "title": "Broken",
                    "filename": "broken.docx",
                    "contentBase64": b64(unreadable_docx()),
                }
            },
        )
    )["addAppendix"]
    assert added["errors"] == []
    await run_queued_jobs()
    appendix = (await author.data(PAPER, {"id": paper_id}))["node"]["currentVersion"]["appendices"][0]
    assert appendix["file"]["conversion"]["status"] == "FAILED"
    assert appendix["file"]["conversion"]["problem"].startswith("LibreOffice could not read the file")


async def test_the_body_can_go_back_to_markdown_and_only_its_writers_change_it(client):
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    outsider, anonymous = await as_person(client, ISLINGTON_GP), Caller(client)
    meeting = await create_meeting(secretary, title="Meeting for body tenancy")
    item = await add_item(secretary, meeting["id"], "Tenancy of bodies")
    paper_id = await request_paper(secretary, meeting["id"], item["id"], "Tenancy of bodies")
    body = {"input": {"paperId": paper_id, "filename": "b.docx", "contentBase64": b64(word_document(["Private text"]))}}
    for stranger in (outsider, anonymous):
        result = await stranger.post(UPLOAD_BODY, body)
        refused = result.get("data") and result["data"]["uploadPaperBody"]
        assert (refused and refused["errors"][0]["message"] == "No such paper.") or result.get("errors"), result
        assert (await stranger.post(PAPER, {"id": paper_id})).get("data", {}).get("node") is None
    # The sponsor reads the paper but does not write it.
    sponsor_try = (await sponsor.data(UPLOAD_BODY, body))["uploadPaperBody"]
    assert sponsor_try["errors"][0]["message"] == "Only the paper's author or the board secretary can write it."

    uploaded = (await author.data(UPLOAD_BODY, body))["uploadPaperBody"]
    assert uploaded["errors"] == []
    url = uploaded["version"]["bodyDocument"]["url"]
    assert (await client.get(url, headers={"authorization": f"Bearer {author.token}"})).status_code == 200
    assert (await client.get(url, headers={"authorization": f"Bearer {outsider.token}"})).status_code == 404
    assert (await client.get(url)).status_code == 404

    removed = (await author.data(REMOVE_BODY, {"input": {"paperId": paper_id}}))["removePaperBody"]
    assert removed["errors"] == [] and removed["version"]["bodyDocument"] is None
    again = (await author.data(REMOVE_BODY, {"input": {"paperId": paper_id}}))["removePaperBody"]
    assert again["errors"][0]["message"] == "The paper's body is not a Word document."
    await run_queued_jobs()


async def test_a_conversion_is_stopped_at_its_timeout():
    started = time.monotonic()
    with pytest.raises(conversion.ConversionFailed, match="took longer than 0.1 seconds"):
        await conversion.to_pdf(word_document(["Anything"]), ".docx", timeout=0.1)
    assert time.monotonic() - started < 10
    assert not await _soffice_running()


async def test_a_word_appendix_stored_before_conversions_existed_is_converted_by_the_build(client):
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary, title="Meeting with an older appendix")
    item = await add_item(secretary, meeting["id"], "Older appendix")
    paper_id = await request_paper(secretary, meeting["id"], item["id"], "Older appendix")
    assert (await author.data(SAVE, draft(paper_id, "Body.")))["savePaperDraft"]["errors"] == []
    title = "Appendix uploaded before migration 0025"
    content = word_document(["Text of an appendix from before conversions"])
    added = (
        await author.data(
            ADD, {"input": {"paperId": paper_id, "title": title, "filename": "old.docx", "contentBase64": b64(content)}}
        )
    )["addAppendix"]
    assert added["errors"] == []
    await owner_fetch(
        "DELETE FROM file_conversion WHERE source_file_id = (SELECT file_id FROM appendix WHERE title = $1)", title
    )
    await submit_and_approve(author, sponsor, paper_id)
    build = await build_and_wait(secretary, meeting["id"], "PUBLIC")  # its conversion job finds nothing to do
    response = await client.get(build["url"], headers={"authorization": f"Bearer {secretary.token}"})
    assert any("Text of an appendix from before conversions" in page for page in text_pages(response.content))
