"""Setting up a meeting with papers through the API, as a board secretary would."""

from __future__ import annotations

import asyncio
import base64
from datetime import date, timedelta

from quorum import clock
from tests.support import BOLTON_GOVERNING_BODY, Caller, global_id, run_queued_jobs

AUTHOR = "tom.ashworth@demo.quorum.example"
SPONSOR = "rajesh.mistry@demo.quorum.example"
SECRETARY = "helen.hargreaves@demo.quorum.example"

CREATE_MEETING = """mutation($input: CreateMeetingInput!) {
  createMeeting(input: $input) { meeting { id title status agenda { id number title part } } errors { field message } } }"""
ADD_ITEM = """mutation($input: AddAgendaItemInput!) {
  addAgendaItem(input: $input) { item { id number title part } errors { field message } } }"""
REQUEST_PAPER = """mutation($input: RequestPaperInput!) {
  requestPaper(input: $input) { paper { id status } errors { field message } } }"""
SAVE = """mutation($input: SavePaperDraftInput!) {
  savePaperDraft(input: $input) { version { id number } errors { field message } } }"""
MOVE = (
    """mutation($input: MovePaperInput!) { movePaper(input: $input) { paper { status } errors { field message } } }"""
)
ADD_APPENDIX = """mutation($input: AddAppendixInput!) {
  addAppendix(input: $input) { appendix { title kind pageCount problem } errors { field message } } }"""
BUILD = """mutation($input: BuildPackInput!) {
  buildPack(input: $input) { build { id number status } errors { field message } } }"""
BUILD_STATUS = "query($id: ID!) { node(id: $id) { ... on PackBuild { status progress message pageCount url } } }"


def future(days: int = 30) -> str:
    return (clock.now() + timedelta(days=days)).replace(hour=14, minute=0, second=0, microsecond=0).isoformat()


def due(days: int = 20) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


async def create_meeting(secretary: Caller, title: str = "Governing body meeting") -> dict:
    committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
    result = (
        await secretary.data(
            CREATE_MEETING,
            {
                "input": {
                    "committeeId": committee,
                    "title": title,
                    "startsAt": future(),
                    "location": "Bolton Town Hall",
                }
            },
        )
    )["createMeeting"]
    assert result["errors"] == [], result["errors"]
    return result["meeting"]


async def add_item(secretary: Caller, meeting_id: str, title: str, part: str = "PUBLIC", **extra) -> dict:
    result = (
        await secretary.data(
            ADD_ITEM,
            {
                "input": {
                    "meetingId": meeting_id,
                    "title": title,
                    "purpose": "DECISION",
                    "part": part,
                    "presenter": "Tom Ashworth",
                    "needsPaper": True,
                    **extra,
                }
            },
        )
    )["addAgendaItem"]
    assert result["errors"] == [], result["errors"]
    return result["item"]


async def request_paper(secretary: Caller, meeting_id: str, item_id: str, title: str) -> str:
    result = (
        await secretary.data(
            REQUEST_PAPER,
            {
                "input": {
                    "meetingId": meeting_id,
                    "itemId": item_id,
                    "title": title,
                    "authorId": await global_id("Person", "SELECT id FROM person WHERE email = $1", AUTHOR),
                    "sponsorId": await global_id("Person", "SELECT id FROM person WHERE email = $1", SPONSOR),
                    "dueDate": due(),
                }
            },
        )
    )["requestPaper"]
    assert result["errors"] == [], result["errors"]
    return result["paper"]["id"]


def draft(paper_id: str, body: str, **cover) -> dict:
    return {
        "input": {
            "id": paper_id,
            "isPublic": cover.pop("isPublic", True),
            "purpose": "DECISION",
            "executiveSummary": cover.pop("executiveSummary", "Summary of the paper."),
            "recommendation": "The governing body is asked to approve the proposal.",
            "strategicObjectives": "Objective 2: sustainable finances.",
            "assuranceRisks": "BAF risk 4: financial balance.",
            "conflictsNoted": "None.",
            "publicInvolvement": "None to date.",
            "impacts": [{"area": "financial", "applies": True, "detail": "£120,000 recurrent"}],
            "bodyMarkdown": body,
            **cover,
        }
    }


async def write_and_approve(
    author: Caller, sponsor: Caller, paper_id: str, body: str, appendix: bytes | None = None
) -> None:
    saved = (await author.data(SAVE, draft(paper_id, body)))["savePaperDraft"]
    assert saved["errors"] == [], saved["errors"]
    if appendix is not None:
        added = (
            await author.data(
                ADD_APPENDIX,
                {
                    "input": {
                        "paperId": paper_id,
                        "title": "Supporting analysis",
                        "filename": "analysis.pdf",
                        "contentBase64": base64.b64encode(appendix).decode(),
                    }
                },
            )
        )["addAppendix"]
        assert added["errors"] == [] and added["appendix"]["problem"] is None, added
    for caller, status in ((author, "SUBMITTED"), (sponsor, "APPROVED")):
        moved = (await caller.data(MOVE, {"input": {"id": paper_id, "status": status}}))["movePaper"]
        assert moved["errors"] == [], moved["errors"]


async def build_and_wait(
    secretary: Caller, meeting_id: str, part: str, supplement: bool = False, *, run_jobs: bool = True
) -> dict:
    """Builds a pack and waits for it: `run_jobs` runs the queued build here (the app under test runs in this
    process); a separate server (`run_jobs=False`) runs it in its own worker."""
    result = await secretary.data(BUILD, {"input": {"meetingId": meeting_id, "part": part, "supplement": supplement}})
    assert result["buildPack"]["errors"] == [], result["buildPack"]["errors"]
    build_id = result["buildPack"]["build"]["id"]
    if run_jobs:
        await run_queued_jobs()
    for _ in range(300):
        status = (await secretary.data(BUILD_STATUS, {"id": build_id}))["node"]
        if status["status"] in ("DONE", "FAILED"):
            assert status["status"] == "DONE", status
            return {"id": build_id, **status}
        await asyncio.sleep(0.05)
    raise AssertionError("the pack build did not finish")
