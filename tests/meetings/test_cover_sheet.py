"""A paper goes to its sponsor only with a complete cover sheet: submitting one with blanks is refused with the
missing fields named, and nothing changes."""

from __future__ import annotations

from quorum.ids import decode
from tests.meetings.support import (
    AUTHOR,
    MOVE,
    SAVE,
    SECRETARY,
    add_item,
    create_meeting,
    draft,
    request_paper,
)
from tests.support import ISLINGTON_SECRETARY, Caller, as_person, owner_fetch

MISSING = "query($id: ID!) { node(id: $id) { ... on Paper { status currentVersion { missingCoverSheetFields } } } }"
BLANKS = {
    "executiveSummary": "",
    "recommendation": "  ",
    "strategicObjectives": "",
    "assuranceRisks": "",
    "conflictsNoted": "",
    "publicInvolvement": "",
}


async def _paper(client) -> tuple[Caller, str]:
    secretary, author = await as_person(client, SECRETARY), await as_person(client, AUTHOR)
    meeting = await create_meeting(secretary)
    item = await add_item(secretary, meeting["id"], "Estates strategy")
    return author, await request_paper(secretary, meeting["id"], item["id"], "Estates strategy")


async def _state(paper_id: str) -> tuple:
    key = decode(paper_id)[1]
    paper = await owner_fetch("SELECT status FROM paper WHERE id = $1", key)
    events = await owner_fetch("SELECT count(*) FROM domain_event WHERE subject_id = $1", key)
    audit = await owner_fetch("SELECT count(*) FROM audit_entry WHERE entity_id = $1", key)
    return paper[0][0], events[0][0], audit[0][0]


async def test_a_blank_cover_sheet_is_refused_with_every_missing_field_named(client):
    author, paper_id = await _paper(client)
    saved = (await author.data(SAVE, draft(paper_id, "Body.", **BLANKS)))["savePaperDraft"]
    assert saved["errors"] == []
    assert (await author.data(MISSING, {"id": paper_id}))["node"]["currentVersion"]["missingCoverSheetFields"] == list(
        BLANKS
    )
    before = await _state(paper_id)
    refused = (await author.data(MOVE, {"input": {"id": paper_id, "status": "SUBMITTED"}}))["movePaper"]
    assert refused["paper"] is None
    assert refused["errors"][0] == {
        "field": None,
        "message": "Complete the cover sheet before submitting the paper. Missing: executive summary, recommendation,"
        " links to strategic objectives, Board Assurance Framework risks, conflicts of interest noted,"
        " patient and public involvement.",
    }
    assert [e["field"] for e in refused["errors"][1:]] == list(BLANKS)
    assert await _state(paper_id) == before and before[0] == "DRAFT"

    # Filling in some of it names only what is still missing.
    partly = draft(paper_id, "Body.", **{**BLANKS, "executiveSummary": "The estate.", "recommendation": "Approve."})
    assert (await author.data(SAVE, partly))["savePaperDraft"]["errors"] == []
    refused = (await author.data(MOVE, {"input": {"id": paper_id, "status": "SUBMITTED"}}))["movePaper"]
    assert [e["field"] for e in refused["errors"][1:]] == [
        "strategicObjectives",
        "assuranceRisks",
        "conflictsNoted",
        "publicInvolvement",
    ]
    # "None" is an answer: complete, it goes to the sponsor.
    assert (await author.data(SAVE, draft(paper_id, "Body.")))["savePaperDraft"]["errors"] == []
    assert (await author.data(MISSING, {"id": paper_id}))["node"]["currentVersion"]["missingCoverSheetFields"] == []
    moved = (await author.data(MOVE, {"input": {"id": paper_id, "status": "SUBMITTED"}}))["movePaper"]
    assert moved == {"paper": {"status": "SUBMITTED"}, "errors": []}


async def test_outsiders_cannot_read_what_is_missing_or_submit(client):
    author, paper_id = await _paper(client)
    await author.data(SAVE, draft(paper_id, "Body."))
    before = await _state(paper_id)
    for caller in (await as_person(client, ISLINGTON_SECRETARY), Caller(client)):
        assert ((await caller.post(MISSING, {"id": paper_id})).get("data") or {}).get("node") is None
        moved = await caller.post(MOVE, {"input": {"id": paper_id, "status": "SUBMITTED"}})
        assert not ((moved.get("data") or {}).get("movePaper") or {}).get("paper")
    assert await _state(paper_id) == before
