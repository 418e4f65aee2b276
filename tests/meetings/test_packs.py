"""The board pack: pages, bookmarks, agenda page numbers, headers, Part II kept out, watermarks."""

from __future__ import annotations

import base64
import io
import re

import pytest
from pypdf import PdfReader

from quorum.ids import decode
from tests.meetings.pdfs import pdf_with_pages
from tests.meetings.support import (
    ADD_APPENDIX,
    AUTHOR,
    SECRETARY,
    SPONSOR,
    add_item,
    build_and_wait,
    create_meeting,
    request_paper,
    write_and_approve,
)
from tests.support import ISLINGTON_GP, Caller, as_person

SECRET = "Riverside Medical Practice acquisition terms"
PUBLISH = (
    "mutation($input: PublishPackInput!) { publishPack(input: $input) { build { publishedAt } errors { message } } }"
)
STATUS = "mutation($input: ChangeMeetingStatusInput!) { changeMeetingStatus(input: $input) { meeting { status } errors { message } } }"


def bookmarks(outline) -> list[str]:
    titles = []
    for entry in outline:
        if isinstance(entry, list):
            titles += bookmarks(entry)
        else:
            titles.append(entry["/Title"])
    return titles


@pytest.fixture(scope="module")
async def meeting_with_papers(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
        meeting = await create_meeting(secretary, title="Meeting in public")
        estates = await add_item(secretary, meeting["id"], "Estates strategy")
        finance = await add_item(secretary, meeting["id"], "Finance report")
        await add_item(secretary, meeting["id"], "Verbal update from the chair", needsPaper=False)
        private = await add_item(secretary, meeting["id"], "Practice acquisition", part="PRIVATE")
        papers = {}
        for item, title, body, appendix in [
            (
                estates,
                "Estates strategy",
                "## Background\n\nThe estate needs *investment*.",
                pdf_with_pages(12, "Estates data"),
            ),
            (finance, "Finance report", "The month 7 position is **balanced**.", None),
            (private, "Practice acquisition", f"{SECRET}: confidential.", pdf_with_pages(3, "Confidential valuation")),
        ]:
            paper_id = await request_paper(secretary, meeting["id"], item["id"], title)
            await write_and_approve(author, sponsor, paper_id, body, appendix)
            papers[title] = paper_id
        # A Word appendix cannot be set as pages: the pack lists it and it is downloadable beside.
        from tests.meetings.support import MOVE, SAVE, draft

        word = _docx()
        await author.data(SAVE, draft(papers["Finance report"], "The month 7 position is **balanced**."))
        await author.data(
            ADD_APPENDIX,
            {
                "input": {
                    "paperId": papers["Finance report"],
                    "title": "Budget detail",
                    "filename": "budget.docx",
                    "contentBase64": base64.b64encode(word).decode(),
                }
            },
        )
        await author.data(MOVE, {"input": {"id": papers["Finance report"], "status": "SUBMITTED"}})
        await sponsor.data(MOVE, {"input": {"id": papers["Finance report"], "status": "APPROVED"}})
        await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}})
        public = await build_and_wait(secretary, meeting["id"], "PUBLIC")
        private_build = await build_and_wait(secretary, meeting["id"], "PRIVATE")
        yield {"meeting": meeting, "papers": papers, "public": public, "private": private_build}


def _docx() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


async def download(client, url: str, caller: Caller | None = None):
    headers = {"authorization": f"Bearer {caller.token}"} if caller and caller.token else {}
    return await client.get(url, headers=headers)


async def test_the_public_pack_is_paginated_bookmarked_and_numbered(client, meeting_with_papers):
    secretary = await as_person(client, SECRETARY)
    response = await download(client, meeting_with_papers["public"]["url"], secretary)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) == meeting_with_papers["public"]["pageCount"]

    titles = bookmarks(reader.outline)
    expected_items = [
        "1 Welcome and apologies for absence",
        "2 Confirmation of quorum",
        "3 Declarations of interest",
        "4 Minutes of the last meeting",
        "5 Action log",
        "6 Matters arising",
        "7 Estates strategy",
        "8 Finance report",
        "9 Verbal update from the chair",
        "10 Questions from the public",
    ]
    with_papers = ["7 Estates strategy", "8 Finance report"]
    # Only items with a paper have pages (and bookmarks); the rest are lines of the agenda.
    assert titles == [
        "7 Estates strategy",
        "Appendix 7.1: Supporting analysis",
        "8 Finance report",
        "Appendix 8.1: Budget detail",
    ]

    for number, page_text in enumerate(pages, start=1):
        assert "NHS Bolton CCG · Governing body" in page_text and "Part I (public)" in page_text
        assert f"Page {number} of {len(pages)}" in page_text
    assert SECRET not in "".join(pages) and "Practice acquisition" not in "".join(pages)

    agenda = pages[1]
    for title in expected_items:
        number, name = title.split(" ", 1)
        match = re.search(rf"^{re.escape(number)} {re.escape(name)} .* (\d+|–)$", agenda, re.MULTILINE)
        assert match, f"{title} missing from the agenda page:\n{agenda}"
        if title not in with_papers:
            assert match.group(1) == "–"
            assert not any(title in page.replace("\n", " ") for page in pages[3:]), f"{title} has a page"
            continue
        target = int(match.group(1))
        assert title in pages[target - 1].replace("\n", " "), f"{title} is not on page {target}"
    # The pages recorded for jumping to an item are the pages it starts on.
    item_pages = (
        await secretary.data(
            "query($id: ID!) { node(id: $id) { ... on PackBuild { itemPages { itemId page } } } }",
            {"id": meeting_with_papers["public"]["id"]},
        )
    )["node"]["itemPages"]
    agenda_items = (
        await secretary.data(
            "query($id: ID!) { node(id: $id) { ... on Meeting { agenda { id number title part isSubItem } } } }",
            {"id": meeting_with_papers["meeting"]["id"]},
        )
    )["node"]["agenda"]
    headings = {
        i["id"]: f"{i['number']} {i['title']}"
        for i in agenda_items
        if i["part"] == "PUBLIC" and not i["isSubItem"] and f"{i['number']} {i['title']}" in with_papers
    }
    assert {e["itemId"] for e in item_pages} == set(headings)
    for entry in item_pages:
        assert headings[entry["itemId"]] in pages[entry["page"] - 1].replace("\n", " ")
    # The 12-page PDF appendix is set as 12 pages, up to the next item's cover sheet.
    appendix_start = next(i for i, t in enumerate(pages) if "Appendix 7.1: Supporting analysis" in t and i > 2)
    next_item = next(i for i, t in enumerate(pages) if t.replace("\n", " ").find("8 Finance report") >= 0 and i > 2)
    assert next_item - appendix_start == 12
    assert "budget.docx" in "".join(pages)


async def test_the_private_pack_has_part_two_and_each_reader_s_name_on_every_page(client, meeting_with_papers):
    sponsor = await as_person(client, SPONSOR)  # sits on the governing body
    response = await download(client, meeting_with_papers["private"]["url"], sponsor)
    assert response.status_code == 200
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages]
    assert SECRET in "".join(pages)
    assert all("Private – Dr Rajesh Mistry" in text for text in pages)
    lay = await as_person(client, "margaret.lowe@demo.quorum.example")
    other = [
        p.extract_text()
        for p in PdfReader(
            io.BytesIO((await download(client, meeting_with_papers["private"]["url"], lay)).content)
        ).pages
    ]
    assert all("Private – Margaret Lowe" in text for text in other)


async def test_unpublished_and_private_packs_are_unreachable_from_outside(client, meeting_with_papers):
    outsiders = [
        await as_person(client, ISLINGTON_GP),
        await as_person(client, "fiona.clarke@demo.quorum.example"),
        None,
    ]
    for caller in outsiders:
        for build in ("public", "private"):
            assert (await download(client, meeting_with_papers[build]["url"], caller)).status_code == 404
            node = await (caller or Caller(client)).data(
                "query($id: ID!) { node(id: $id) { id } }", {"id": meeting_with_papers[build]["id"]}
            )
            assert node["node"] is None


async def test_publishing_opens_part_one_to_the_public_and_nothing_of_part_two(client, meeting_with_papers):
    secretary = await as_person(client, SECRETARY)
    published = (await secretary.data(PUBLISH, {"input": {"id": meeting_with_papers["public"]["id"]}}))["publishPack"]
    assert published["errors"] == [] and published["build"]["publishedAt"]
    anonymous = Caller(client)
    assert (await download(client, meeting_with_papers["public"]["url"])).status_code == 200
    assert (await download(client, meeting_with_papers["private"]["url"])).status_code == 404
    meeting = (
        await anonymous.data(
            """query($id: ID!) { node(id: $id) { ... on Meeting { status agenda { title part
             paper { title currentVersion { bodyHtml } } } packs { part url } } } }""",
            {"id": meeting_with_papers["meeting"]["id"]},
        )
    )["node"]
    assert meeting["status"] == "PAPERS_PUBLISHED"
    assert {i["part"] for i in meeting["agenda"]} == {"PUBLIC"}
    estates = next(i for i in meeting["agenda"] if i["title"] == "Estates strategy")
    assert "investment" in estates["paper"]["currentVersion"]["bodyHtml"]
    assert meeting["packs"] == [{"part": "PUBLIC", "url": meeting_with_papers["public"]["url"]}]
    private_paper = meeting_with_papers["papers"]["Practice acquisition"]
    assert (await anonymous.data("query($id: ID!) { node(id: $id) { id } }", {"id": private_paper}))["node"] is None


async def test_a_paper_approved_after_publication_goes_out_as_a_supplement(client, meeting_with_papers):
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting_id = meeting_with_papers["meeting"]["id"]
    late = await add_item(secretary, meeting_id, "Late item: winter pressures")
    paper_id = await request_paper(secretary, meeting_id, late["id"], "Winter pressures")
    await write_and_approve(author, sponsor, paper_id, "Winter pressures plan.")
    supplement = await build_and_wait(secretary, meeting_id, "PUBLIC", supplement=True)
    pages = [
        p.extract_text()
        for p in PdfReader(io.BytesIO((await download(client, supplement["url"], secretary)).content)).pages
    ]
    text = "".join(pages)
    assert "Winter pressures plan." in text and "Supplement" in text
    assert "The estate needs" not in text
    assert decode(supplement["id"])[0] == "PackBuild"


async def test_the_public_page_of_an_organisation_lists_committees_with_published_meetings(client, meeting_with_papers):
    page = (
        await Caller(client).data(
            """query { publicOrganisation(odsCode: "00T") { name committees { id name
             } } }"""
        )
    )["publicOrganisation"]
    assert page["name"] == "NHS Bolton CCG"
    governing_body = next(c for c in page["committees"] if c["name"] == "Governing body")
    assert "Council of members" not in {c["name"] for c in page["committees"]}  # it has published nothing
    meetings = (
        await Caller(client).data(
            "query($id: ID!) { meetings(committeeId: $id) { edges { node { title status } } } }",
            {"id": governing_body["id"]},
        )
    )["meetings"]["edges"]
    assert {m["node"]["status"] for m in meetings} <= {
        "AGENDA_PUBLISHED",
        "PAPERS_PUBLISHED",
        "HELD",
        "MINUTES_APPROVED",
    }
    assert any(m["node"]["title"] == "Meeting in public" for m in meetings)
