"""Word 97 (.doc) and OpenDocument (.odt, .ods) appendices: taken through the same upload checks as .docx and .xlsx,
converted by LibreOffice into pages of the pack; one holding macros or scripts, a password, a zip bomb, a program
renamed as a document or a damaged file is refused with a clear message and nothing is stored."""

from __future__ import annotations

import pytest

from tests.meetings.support import (
    AUTHOR,
    SAVE,
    SECRETARY,
    SPONSOR,
    add_item,
    build_and_wait,
    create_meeting,
    draft,
    request_paper,
)
from tests.papers.documents import (
    encrypted_word_97,
    macro_word_97,
    ods,
    odt,
    unreadable_odt,
    word_97,
    zip_bomb_odt,
)
from tests.papers.test_word_papers import ADD, PAPER, b64, submit_and_approve, text_pages
from tests.support import ISLINGTON_GP, Caller, as_person, owner_fetch, run_queued_jobs

DOC_TEXT = "Estates schedule saved by Word 97"
ODT_TEXT = "Community beds plan written in LibreOffice Writer"
ODS_CELL = "Beds by locality"


@pytest.fixture(scope="module")
def doc() -> bytes:
    return word_97(odt(DOC_TEXT))


@pytest.fixture(scope="module")
async def draft_paper(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary, author = await as_person(client, SECRETARY), await as_person(client, AUTHOR)
        meeting = await create_meeting(secretary, title="Meeting with old and open documents")
        item = await add_item(secretary, meeting["id"], "Community beds")
        paper_id = await request_paper(secretary, meeting["id"], item["id"], "Community beds")
        assert (await author.data(SAVE, draft(paper_id, "The plan.")))["savePaperDraft"]["errors"] == []
        yield {"meeting": meeting, "item": item, "paper": paper_id}


async def add(caller: Caller, paper_id: str, title: str, filename: str, content: bytes) -> dict:
    variables = {"input": {"paperId": paper_id, "title": title, "filename": filename, "contentBase64": b64(content)}}
    return (await caller.data(ADD, variables))["addAppendix"]


async def stored_counts() -> tuple[int, int]:
    row = (await owner_fetch("SELECT (SELECT count(*) FROM stored_file), (SELECT count(*) FROM appendix)"))[0]
    return row[0], row[1]


DAMAGED = "The file is damaged and cannot be read; save it again and upload the new copy."
PASSWORD = "The file is protected with a password; save a copy without one and upload that."
NOT_ONE = (
    "is not a PDF, Word document, Excel workbook, Word 97-2003 document, OpenDocument text or OpenDocument spreadsheet."
)
HOSTILE = {
    "a program renamed .doc": (lambda doc: b"MZ\x90\x00\x03" + bytes(2000), f"minutes.doc {NOT_ONE}"),
    "a program renamed .odt": (lambda doc: b"MZ\x90\x00\x03" + bytes(2000), f"minutes.odt {NOT_ONE}"),
    "a .doc with VBA macros": (
        macro_word_97,
        "The file contains macros; save it as a macro-free .docx and upload that.",
    ),
    "an .odt with Basic macros": (
        lambda doc: odt("Hello", extra_parts={"Basic/Standard/Module1.xml": b"<script:module/>"}),
        "The file contains macros or scripts; save a copy without them and upload that.",
    ),
    "an .ods with a Python script": (
        lambda doc: odt("Hello", extra_parts={"Scripts/python/run.py": b"import os"}),
        "The file contains macros or scripts; save a copy without them and upload that.",
    ),
    "an .odt holding a program": (
        lambda doc: odt("Hello", extra_parts={"Object 1": b"MZ\x90\x00" + bytes(100)}),
        "The file contains an embedded program or package; remove it and upload it again.",
    ),
    "a .doc with a password": (encrypted_word_97, PASSWORD),
    "an .odt with a password": (
        lambda doc: odt("Hello", manifest_extra='<manifest:encryption-data manifest:checksum-type="SHA1"/>'),
        PASSWORD,
    ),
    "a zip bomb .odt": (
        lambda doc: zip_bomb_odt(),
        "The file expands to far more than its size when opened (a zip bomb), so it was refused.",
    ),
    # Its kind is read from the mimetype's first 100 bytes, never the 300 MB, so it is no OpenDocument at all.
    "a zip bomb .odt in its mimetype": (lambda doc: zip_bomb_odt("mimetype"), f"minutes.odt {NOT_ONE}"),
    "a damaged .doc": (lambda doc: doc[:1536], DAMAGED),
}


@pytest.mark.parametrize("case", HOSTILE)
async def test_hostile_old_and_open_documents_are_refused_and_nothing_is_stored(client, draft_paper, doc, case):
    make, message = HOSTILE[case]
    author = await as_person(client, AUTHOR)
    filename = "minutes.odt" if ".odt" in case or ".ods" in case else "minutes.doc"
    before = await stored_counts()
    refused = await add(author, draft_paper["paper"], "Hostile", filename, make(doc))
    assert refused == {"appendix": None, "errors": [{"field": "contentBase64", "message": message}]}
    assert await stored_counts() == before


async def test_only_the_paper_s_writers_add_an_open_document_appendix(client, draft_paper):
    before = await stored_counts()
    outsider = await add(await as_person(client, ISLINGTON_GP), draft_paper["paper"], "Intruder", "x.odt", odt("x"))
    assert outsider["appendix"] is None and outsider["errors"]
    anonymous = await Caller(client).post(
        ADD,
        {"input": {"paperId": draft_paper["paper"], "title": "x", "filename": "x.odt", "contentBase64": b64(odt("x"))}},
    )
    assert anonymous.get("errors") or anonymous["data"]["addAppendix"]["errors"]
    assert await stored_counts() == before


async def test_word_97_and_open_document_appendices_become_pages_of_the_pack(client, draft_paper, doc):
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    paper_id = draft_paper["paper"]
    for title, filename, content in (
        ("Estates schedule", "estates.doc", doc),
        ("Community beds plan", "beds.odt", odt(ODT_TEXT, "Second paragraph")),
        ("Beds by locality", "beds.ods", ods([[ODS_CELL, "Beds"], ["Bolton North", "42"]])),
        ("Unreadable notes", "notes.odt", unreadable_odt()),
    ):
        added = await add(author, paper_id, title, filename, content)
        assert added["errors"] == [] and added["appendix"]["file"]["conversion"]["status"] == "PENDING", added
    await submit_and_approve(author, sponsor, paper_id)
    await run_queued_jobs()  # the conversions

    appendices = (await author.data(PAPER, {"id": paper_id}))["node"]["currentVersion"]["appendices"]
    seen = [(a["kind"], a["file"]["filename"], a["file"]["conversion"]["status"]) for a in appendices]
    assert seen == [
        ("WORD", "estates.doc", "DONE"),
        ("WORD", "beds.odt", "DONE"),
        ("EXCEL", "beds.ods", "DONE"),
        ("WORD", "notes.odt", "FAILED"),
    ]
    assert "LibreOffice could not read the file" in appendices[3]["file"]["conversion"]["problem"]

    await secretary.data(
        "mutation($input: ChangeMeetingStatusInput!) { changeMeetingStatus(input: $input) { errors { message } } }",
        {"input": {"id": draft_paper["meeting"]["id"], "status": "AGENDA_PUBLISHED"}},
    )
    build = await build_and_wait(secretary, draft_paper["meeting"]["id"], "PUBLIC")
    response = await client.get(build["url"], headers={"authorization": f"Bearer {secretary.token}"})
    flat = [" ".join(page.split()) for page in text_pages(response.content)]
    number = draft_paper["item"]["number"]

    # Each appendix is a page of the pack holding its own text, after its heading, not a note to download it.
    for at, (title, text) in enumerate(
        (("Estates schedule", DOC_TEXT), ("Community beds plan", ODT_TEXT), ("Beds by locality", ODS_CELL)), start=1
    ):
        heading = f"Appendix {number}.{at}: {title}"
        assert any(heading in page and text in page for page in flat[3:]), f"{title} is not a page with its text"
    assert "could not be set as pages of this pack: LibreOffice could not read the file" in " ".join(flat)
