"""The paper workflow: author writes and submits, the sponsor approves, approved versions are frozen."""

from __future__ import annotations

import asyncpg
import pytest

from quorum.ids import decode
from tests.meetings.support import (
    ADD_APPENDIX,
    AUTHOR,
    MOVE,
    SAVE,
    SECRETARY,
    SPONSOR,
    add_item,
    create_meeting,
    draft,
    request_paper,
    write_and_approve,
)
from tests.support import BOLTON_ADMIN, ISLINGTON_GP, Caller, as_person, global_id, owner, owner_fetch

PAPER = """query($id: ID!) { node(id: $id) { ... on Paper {
  status viewerCanWrite viewerCanApprove versions { number executiveSummary approvedAt bodyHtml } } } }"""


async def paper_for(client, title: str = "Estates strategy") -> tuple[Caller, Caller, Caller, str]:
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary)
    item = await add_item(secretary, meeting["id"], title)
    return secretary, author, sponsor, await request_paper(secretary, meeting["id"], item["id"], title)


async def test_the_author_sees_their_requests(client):
    _, author, _, paper_id = await paper_for(client, "Primary care estates")
    mine = await author.data("{ myPapers(first: 100) { edges { node { id title status dueDate } } } }")
    assert {"id": paper_id, "title": "Primary care estates", "status": "DRAFT"}.items() <= next(
        e["node"] for e in mine["myPapers"]["edges"] if e["node"]["id"] == paper_id
    ).items()


async def test_workflow_from_draft_to_approved_and_a_change_after_approval_makes_a_new_version(client):
    _, author, sponsor, paper_id = await paper_for(client)
    await write_and_approve(author, sponsor, paper_id, "First version body.")
    paper = (await author.data(PAPER, {"id": paper_id}))["node"]
    assert paper["status"] == "APPROVED" and paper["versions"][0]["approvedAt"]

    changed = (await author.data(SAVE, draft(paper_id, "Second version body.", executiveSummary="Revised.")))[
        "savePaperDraft"
    ]
    assert changed["errors"] == [] and changed["version"]["number"] == 2
    paper = (await author.data(PAPER, {"id": paper_id}))["node"]
    assert paper["status"] == "DRAFT"
    assert [(v["number"], v["executiveSummary"]) for v in paper["versions"]] == [
        (1, "Summary of the paper."),
        (2, "Revised."),
    ]
    assert "First version body." in paper["versions"][0]["bodyHtml"]


async def test_the_database_refuses_to_change_an_approved_version(client):
    _, author, sponsor, paper_id = await paper_for(client)
    await write_and_approve(author, sponsor, paper_id, "Approved text.")
    _, paper_key = decode(paper_id)
    conn = await owner()
    try:
        with pytest.raises(asyncpg.IntegrityConstraintViolationError, match="approved and cannot change"):
            await conn.execute("UPDATE paper_version SET body_markdown = 'tampered' WHERE paper_id = $1", paper_key)
    finally:
        await conn.close()


async def test_only_the_sponsor_approves_and_only_papers_they_sponsor(client):
    secretary, author, _, paper_id = await paper_for(client)
    assert (await author.data(SAVE, draft(paper_id, "Body.")))["savePaperDraft"]["errors"] == []
    assert (await author.data(MOVE, {"input": {"id": paper_id, "status": "SUBMITTED"}}))["movePaper"]["errors"] == []
    for caller in (author, secretary, await as_person(client, BOLTON_ADMIN)):
        result = (await caller.data(MOVE, {"input": {"id": paper_id, "status": "APPROVED"}}))["movePaper"]
        assert result["paper"] is None and result["errors"], result
    assert (await owner_fetch("SELECT status FROM paper WHERE id = $1", decode(paper_id)[1]))[0][
        "status"
    ] == "SUBMITTED"


async def test_a_submitted_paper_cannot_be_edited_until_returned(client):
    _, author, sponsor, paper_id = await paper_for(client)
    await author.data(SAVE, draft(paper_id, "Body."))
    await author.data(MOVE, {"input": {"id": paper_id, "status": "SUBMITTED"}})
    refused = (await author.data(SAVE, draft(paper_id, "Sneaky change.")))["savePaperDraft"]
    assert refused["errors"] == [
        {"field": None, "message": "The paper is with its sponsor; ask for it back as a draft to change it."}
    ]
    returned = (await sponsor.data(MOVE, {"input": {"id": paper_id, "status": "DRAFT"}}))["movePaper"]
    assert returned["paper"]["status"] == "DRAFT"


async def test_markdown_is_sanitised_when_rendered(client):
    _, author, _, paper_id = await paper_for(client)
    await author.data(SAVE, draft(paper_id, "Hello <script>alert(1)</script> [x](javascript:alert(1)) **bold**"))
    html = (await author.data(PAPER, {"id": paper_id}))["node"]["versions"][0]["bodyHtml"]
    assert "<script" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html and "<strong>bold</strong>" in html


async def test_bad_uploads_are_refused_or_flagged_against_the_paper(client):
    import base64

    from tests.meetings.pdfs import encrypted_pdf, pdf_with_pages

    _, author, _, paper_id = await paper_for(client)
    upload = lambda name, content: {
        "input": {  # noqa: E731
            "paperId": paper_id,
            "title": name,
            "filename": name,
            "contentBase64": base64.b64encode(content).decode(),
        }
    }
    exe = (await author.data(ADD_APPENDIX, upload("virus.pdf", b"MZ\x90\x00 not a pdf")))["addAppendix"]
    assert exe["errors"] == [
        {
            "field": "contentBase64",
            "message": "virus.pdf is not a PDF, Word document, Excel workbook, Word 97-2003 document, OpenDocument"
            " text or OpenDocument spreadsheet.",
        }
    ]
    big = (await author.data(ADD_APPENDIX, upload("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))))["addAppendix"]
    assert big["errors"] == [{"field": "contentBase64", "message": "The file is larger than 10 MB."}]
    refused = {
        "encrypted.pdf": (encrypted_pdf(), "The PDF needs a password to open; upload a copy saved without one."),
        "damaged.pdf": (
            b"%PDF-1.4\n1 0 obj garbage",
            "The PDF is damaged and cannot be read; export it again and upload the new copy.",
        ),
    }
    for name, (content, message) in refused.items():
        result = (await author.data(ADD_APPENDIX, upload(name, content)))["addAppendix"]
        assert result["errors"] == [{"field": "contentBase64", "message": message}], name
    long = (await author.data(ADD_APPENDIX, upload("long.pdf", pdf_with_pages(301))))["addAppendix"]
    assert (
        long["errors"] == []
        and long["appendix"]["problem"] == "The PDF has 301 pages; an appendix can have at most 300."
    )
    refused = (await author.data(MOVE, {"input": {"id": paper_id, "status": "SUBMITTED"}}))["movePaper"]
    assert "Fix or remove the appendices" in refused["errors"][0]["message"]


async def test_drafts_and_private_papers_are_unreachable_from_outside(client):
    secretary = await as_person(client, SECRETARY)
    meeting = await create_meeting(secretary)
    private_item = await add_item(secretary, meeting["id"], "Confidential contract award", part="PRIVATE")
    paper_id = await request_paper(secretary, meeting["id"], private_item["id"], "Confidential contract award")
    lay_member = await as_person(client, "fiona.clarke@demo.quorum.example")  # Bolton, but not on the governing body
    for caller in (await as_person(client, ISLINGTON_GP), Caller(client), lay_member):
        assert (await caller.data(PAPER, {"id": paper_id}))["node"] is None
        assert (await caller.data("query($id: ID!) { node(id: $id) { id } }", {"id": private_item["id"]}))[
            "node"
        ] is None
    other_meeting_item = await global_id(
        "AgendaItem", "SELECT id FROM agenda_item WHERE title = 'Confidential contract award' LIMIT 1"
    )
    result = (
        await secretary.data(
            """mutation($input: RequestPaperInput!) { requestPaper(input: $input) { paper { id } errors { field message } } }""",
            {
                "input": {
                    "meetingId": (await create_meeting(secretary))["id"],
                    "itemId": other_meeting_item,
                    "title": "Wrong meeting",
                    "authorId": await global_id("Person", "SELECT id FROM person WHERE email = $1", AUTHOR),
                    "sponsorId": await global_id("Person", "SELECT id FROM person WHERE email = $1", SPONSOR),
                    "dueDate": "2030-01-01",
                }
            },
        )
    )["requestPaper"]
    assert {"field": "itemId", "message": "That item is not on this meeting's agenda."} in result["errors"]
