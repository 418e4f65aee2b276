"""Appendices are replaced or removed while their paper is a draft; a flagged one never blocks its paper for good."""

from __future__ import annotations

import base64

from quorum.ids import decode
from tests.files import corpus
from tests.meetings.pdfs import pdf_with_pages
from tests.meetings.support import (
    AUTHOR,
    MOVE,
    SAVE,
    SECRETARY,
    SPONSOR,
    add_item,
    create_meeting,
    draft,
    request_paper,
)
from tests.support import ISLINGTON_SECRETARY, Caller, as_person, owner_fetch

ADD = """mutation($input: AddAppendixInput!) {
  addAppendix(input: $input) { appendix { id title problem file { url inspectionNote } } errors { field message } } }"""
REPLACE = """mutation($input: ReplaceAppendixInput!) {
  replaceAppendix(input: $input) { appendix { id title problem pageCount file { url inspectionNote } } errors { field message } } }"""
REMOVE = """mutation($input: RemoveAppendixInput!) { removeAppendix(input: $input) { paper { id } errors { field message } } }"""
APPENDICES = (
    "query($id: ID!) { node(id: $id) { ... on Paper { versions { number appendices { id title problem } } } } }"
)


def b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


async def draft_paper(client, title: str) -> tuple[Caller, Caller, Caller, str]:
    secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
    meeting = await create_meeting(secretary, title=f"Appendices: {title}")
    item = await add_item(secretary, meeting["id"], title)
    paper = await request_paper(secretary, meeting["id"], item["id"], title)
    assert (await author.data(SAVE, draft(paper, "Body.")))["savePaperDraft"]["errors"] == []
    return secretary, author, sponsor, paper


async def add(author: Caller, paper: str, title: str, content: bytes) -> dict:
    result = (
        await author.data(
            ADD,
            {"input": {"paperId": paper, "title": title, "filename": f"{title}.pdf", "contentBase64": b64(content)}},
        )
    )["addAppendix"]
    assert result["errors"] == [], result
    return result["appendix"]


async def appendices(caller: Caller, paper: str) -> list[list[tuple[str, str | None]]]:
    versions = (await caller.data(APPENDICES, {"id": paper}))["node"]["versions"]
    return [[(a["title"], a["problem"]) for a in v["appendices"]] for v in sorted(versions, key=lambda v: v["number"])]


async def test_a_flagged_appendix_is_replaced_or_removed_and_the_paper_moves_on(client):
    secretary, author, sponsor, paper = await draft_paper(client, "Flagged appendix")
    long = await add(author, paper, "Activity data", pdf_with_pages(301))
    other = await add(author, paper, "Map", corpus.plain_pdf())
    assert long["problem"] == "The PDF has 301 pages; an appendix can have at most 300."
    blocked = (await author.data(MOVE, {"input": {"id": paper, "status": "SUBMITTED"}}))["movePaper"]
    assert (
        "Fix or remove the appendices that cannot go in the pack first: Activity data."
        == blocked["errors"][0]["message"]
    )

    replaced = (
        await author.data(
            REPLACE,
            {
                "input": {
                    "id": long["id"],
                    "filename": "activity.pdf",
                    "contentBase64": b64(corpus.javascript_pdf()),
                    "title": "Activity summary",
                }
            },
        )
    )["replaceAppendix"]
    assert (
        replaced["errors"] == [] and replaced["appendix"]["problem"] is None and replaced["appendix"]["pageCount"] == 1
    )
    assert replaced["appendix"]["file"]["inspectionNote"].startswith(
        "Removed from the PDF: an action run when the document opens"
    )
    assert await appendices(author, paper) == [[("Activity summary", None), ("Map", None)]]
    # The replaced file is attached to nothing now: only its uploader may still fetch it.
    for caller, status in ((author, 200), (secretary, 404)):
        response = await client.get(long["file"]["url"], headers={"authorization": f"Bearer {caller.token}"})
        assert response.status_code == status

    removed = (await secretary.data(REMOVE, {"input": {"id": replaced["appendix"]["id"]}}))["removeAppendix"]
    assert removed["errors"] == [] and removed["paper"]["id"] == paper
    assert await appendices(author, paper) == [[("Map", None)]]
    positions = await owner_fetch("SELECT position FROM appendix WHERE id = $1", decode(other["id"])[1])
    assert [p["position"] for p in positions] == [1]
    actions = [
        r["action"]
        for r in await owner_fetch(
            "SELECT action FROM audit_entry WHERE entity_type = 'Appendix' AND entity_id = $1 ORDER BY id",
            decode(long["id"])[1],
        )
    ]
    assert actions == ["appendix.add", "appendix.replace", "appendix.remove"]

    assert (await author.data(MOVE, {"input": {"id": paper, "status": "SUBMITTED"}}))["movePaper"]["errors"] == []
    refused = (await author.data(REMOVE, {"input": {"id": other["id"]}}))["removeAppendix"]
    assert refused["errors"] == [
        {"field": None, "message": "Appendices are removed on a draft; save a change to start a new version first."}
    ]


async def test_an_approved_version_s_appendices_stay_and_a_new_version_leaves_a_flagged_one_behind(client):
    _, author, sponsor, paper = await draft_paper(client, "New version")
    kept = await add(author, paper, "Kept", corpus.plain_pdf())
    legacy = await add(author, paper, "Legacy", corpus.plain_pdf())
    for caller, status in ((author, "SUBMITTED"), (sponsor, "APPROVED")):
        assert (await caller.data(MOVE, {"input": {"id": paper, "status": status}}))["movePaper"]["errors"] == []
    # An appendix flagged after approval (as rows checked under older rules are) must not follow into a new version.
    conn_rows = await owner_fetch(
        "UPDATE appendix SET problem = 'The PDF is encrypted.' WHERE id = $1 RETURNING id", decode(legacy["id"])[1]
    )
    assert len(conn_rows) == 1
    refused = await author.data(
        REPLACE, {"input": {"id": kept["id"], "filename": "k.pdf", "contentBase64": b64(corpus.plain_pdf())}}
    )
    assert refused["replaceAppendix"]["errors"][0]["message"] == (
        "Appendices are replaced on a draft; save a change to start a new version first."
    )

    assert (await author.data(SAVE, draft(paper, "Changed body.")))["savePaperDraft"]["errors"] == []
    assert await appendices(author, paper) == [[("Kept", None), ("Legacy", "The PDF is encrypted.")], [("Kept", None)]]
    earlier = (await author.data(REMOVE, {"input": {"id": kept["id"]}}))["removeAppendix"]
    assert earlier["errors"] == [
        {"field": "id", "message": "That appendix belongs to an earlier version of the paper, which cannot change."}
    ]


async def test_only_the_author_and_the_secretary_change_appendices(client):
    _, author, _, paper = await draft_paper(client, "Who may change")
    appendix = await add(author, paper, "Data", corpus.plain_pdf())
    before = await owner_fetch("SELECT count(*) AS n FROM appendix")
    outsiders = {
        "sponsor": (
            await as_person(client, SPONSOR),
            "Only the paper's author or the board secretary can remove appendices.",
        ),
        "practice representative": (await as_person(client, "fiona.clarke@demo.quorum.example"), "No such appendix."),
        "other CCG's secretary": (await as_person(client, ISLINGTON_SECRETARY), "No such appendix."),
        "anonymous": (Caller(client), None),
    }
    for who, (caller, message) in outsiders.items():
        removed = await caller.post(REMOVE, {"input": {"id": appendix["id"]}})
        replaced = await caller.post(
            REPLACE, {"input": {"id": appendix["id"], "filename": "x.pdf", "contentBase64": b64(corpus.plain_pdf())}}
        )
        for body, field in ((removed, "removeAppendix"), (replaced, "replaceAppendix")):
            if message is None:  # an anonymous caller is refused before the mutation runs
                assert body.get("errors") or body["data"][field]["errors"], (who, body)
            else:
                assert [e["message"] for e in body["data"][field]["errors"]] == [
                    message.replace("remove", "replace") if field == "replaceAppendix" else message
                ], (who, body)
    assert await owner_fetch("SELECT count(*) AS n FROM appendix") == before
    assert await appendices(author, paper) == [[("Data", None)]]
