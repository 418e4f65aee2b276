"""One pack per session of committees in common: the session's one agenda with each item once, the papers of
whichever meetings hold them, a front page naming every committee and organisation, bookmarks and agenda page
numbers; the public pack without Part II, and each organisation's private pack with its own Part II only."""

from __future__ import annotations

import asyncio
import io
import re

import pytest
from pypdf import PdfReader

from tests.conduct.support import ok, payload
from tests.in_common.support import TAKE_PART, arrange, make_parties, schedule
from tests.meetings.support import AUTHOR, MOVE, REQUEST_PAPER, SAVE, SPONSOR, draft, due
from tests.meetings.test_packs import PUBLISH, bookmarks, download
from tests.support import as_person, global_id, run_queued_jobs

ESTATES, BOLTON_ONLY, CONTRACT = "Primary care estates strategy", "Bolton practice merger", "Practice contract breach"
GRACE, NIA = "grace.adeyemi@demo.quorum.example", "nia.osei@test.quorum.example"
BUILD = """mutation($input: BuildSessionPackInput!) { buildSessionPack(input: $input) {
  build { id } errors { field message } } }"""
STATUS = "query($id: ID!) { node(id: $id) { ... on PackBuild { status message pageCount url part itemPages { itemId page } } } }"
PACKS = """query($id: ID!) { inCommonSession(id: $id) { viewerBuildsPrivatePackFor
  items { id title } packs { id part publishedAt url } } }"""


async def _paper(caller, author, sponsor, meeting_id: str, item_id: str, title: str, body: str, public: bool) -> None:
    requested = ok(
        await caller.data(
            REQUEST_PAPER,
            {
                "input": {
                    "meetingId": meeting_id,
                    "itemId": item_id,
                    "title": title,
                    "dueDate": due(),
                    "authorId": await global_id("Person", "SELECT id FROM person WHERE email = $1", author[0]),
                    "sponsorId": await global_id("Person", "SELECT id FROM person WHERE email = $1", sponsor[0]),
                }
            },
        )
    )["paper"]["id"]
    ok(await author[1].data(SAVE, draft(requested, body, isPublic=public)))
    for who, status in ((author[1], "SUBMITTED"), (sponsor[1], "APPROVED")):
        ok(await who.data(MOVE, {"input": {"id": requested, "status": status}}))


async def _built(caller, session: str, part: str, committee: str | None = None) -> dict:
    build_id = ok(await caller.data(BUILD, {"input": {"sessionId": session, "part": part, "committeeId": committee}}))[
        "build"
    ]["id"]
    await run_queued_jobs()
    for _ in range(300):
        status = (await caller.data(STATUS, {"id": build_id}))["node"]
        if status["status"] in ("DONE", "FAILED"):
            assert status["status"] == "DONE", status
            return {"id": build_id, **status}
        await asyncio.sleep(0.05)
    raise AssertionError("the session pack did not finish")


def _text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(p.extract_text() for p in reader.pages)


@pytest.fixture(scope="module")
async def session(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        parties = await make_parties(client, "session pack")
        arrangement = await arrange(parties, "Commissioning in common (session pack)")
        session_id = await schedule(
            parties,
            arrangement,
            [
                {"title": ESTATES, "purpose": "DECISION", "part": "PUBLIC"},
                {
                    "title": BOLTON_ONLY,
                    "purpose": "DECISION",
                    "part": "PUBLIC",
                    "committeeIds": [parties.bolton.committee_id],
                },
                {"title": CONTRACT, "purpose": "DECISION", "part": "PRIVATE"},
            ],
            title="Joint commissioning session",
        )
        agendas = {}
        for who, committee in (
            ("bolton", parties.bolton.committee_id),
            ("islington", parties.islington_committee),
            ("hmr", parties.hmr_committee),
        ):
            taken = ok(
                await parties.callers[who].data(
                    TAKE_PART, {"input": {"sessionId": session_id, "committeeId": committee}}
                )
            )
            link = next(
                m
                for m in taken["session"]["meetings"]
                if m["meeting"]
                and m["committeeName"].startswith({"bolton": "Bolton", "islington": "Islington", "hmr": "HMR"}[who])
            )
            agendas[who] = (link["meetingId"], {i["title"]: i["id"] for i in link["meeting"]["agenda"]})
        bolton_author = (AUTHOR, await as_person(client, AUTHOR))
        bolton_sponsor = (SPONSOR, await as_person(client, SPONSOR))
        meeting, items = agendas["bolton"]
        secretary = parties.callers["bolton"]
        await _paper(
            secretary,
            bolton_author,
            bolton_sponsor,
            meeting,
            items[ESTATES],
            "Estates strategy 2027",
            "Bolton proposes ESTATESBODY for the estates.",
            True,
        )
        await _paper(
            secretary,
            bolton_author,
            bolton_sponsor,
            meeting,
            items[CONTRACT],
            "Bolton breach notice",
            "BOLTONSECRET terms of the breach.",
            False,
        )
        meeting, items = agendas["islington"]
        await _paper(
            parties.callers["islington"],
            (GRACE, parties.callers[GRACE]),
            (NIA, parties.callers[NIA]),
            meeting,
            items[CONTRACT],
            "Islington breach notice",
            "ISLINGTONSECRET terms of the breach.",
            False,
        )
        yield parties, session_id, client


async def test_the_public_pack_holds_the_one_agenda_once_without_part_two(session):
    parties, session_id, client = session
    bolton, anonymous = parties.callers["bolton"], parties.callers["anonymous"]
    public = await _built(bolton, session_id, "PUBLIC")
    reader, text = _text((await download(client, public["url"], bolton)).content)
    # The item without a paper is a line of the agenda, not a page: no bookmark, no page number.
    assert bookmarks(reader.outline) == [f"1 {ESTATES}"]
    for committee, organisation in (
        ("Bolton primary care commissioning committee (session pack)", "NHS Bolton CCG"),
        ("Islington primary care commissioning committee (session pack)", "NHS Islington CCG"),
        ("HMR primary care commissioning committee (session pack)", None),
    ):
        assert committee in text.replace("\n", " ")
        assert organisation is None or organisation in text
    assert "ESTATESBODY" in text and CONTRACT not in text and "SECRET" not in text
    # The agenda's page numbers are the pages the items start on.
    starts = {b["/Title"]: reader.get_destination_page_number(b) + 1 for b in reader.outline if not isinstance(b, list)}
    assert [p["page"] for p in public["itemPages"]] == [starts[f"1 {ESTATES}"]]
    agenda = next(p.extract_text() for p in reader.pages if "Agenda" in p.extract_text())
    assert re.findall(r"min (\d+|–)", agenda) == [str(starts[f"1 {ESTATES}"]), "–"]
    assert BOLTON_ONLY in " ".join(agenda.split())

    # Unpublished, it is the convener's alone; published, anyone reads it (and only it).
    assert (await anonymous.data(PACKS, {"id": session_id}))["inCommonSession"]["packs"] == []
    assert (await download(client, public["url"])).status_code == 404
    assert ok(await bolton.data(PUBLISH, {"input": {"id": public["id"]}}))["build"]["publishedAt"]
    seen = (await anonymous.data(PACKS, {"id": session_id}))["inCommonSession"]
    assert [(p["part"], p["url"]) for p in seen["packs"]] == [("PUBLIC", public["url"])]
    assert seen["viewerBuildsPrivatePackFor"] == []
    assert (await download(client, public["url"])).status_code == 200


async def test_each_organisation_s_private_pack_holds_only_its_own_part_two(session):
    parties, session_id, client = session
    bolton, islington = parties.callers["bolton"], parties.callers["islington"]
    mine = await _built(islington, session_id, "PRIVATE", parties.islington_committee)
    _, text = _text((await download(client, mine["url"], parties.callers[GRACE])).content)
    text = " ".join(text.split())  # the agenda's cells wrap
    assert "ISLINGTONSECRET" in text and "BOLTONSECRET" not in text and CONTRACT in text and ESTATES in text
    assert "Private – Dr Grace Adeyemi" in text or "Dr Grace Adeyemi" in text
    theirs = await _built(bolton, session_id, "PRIVATE", parties.bolton.committee_id)
    _, text = _text((await download(client, theirs["url"], bolton)).content)
    assert "BOLTONSECRET" in text and "ISLINGTONSECRET" not in text

    # Neither party nor the public reaches the other's private pack, and nobody builds another's.
    for outsider, url in (
        (islington, theirs["url"]),
        (parties.callers[GRACE], theirs["url"]),
        (bolton, mine["url"]),
        (parties.callers["hmr"], mine["url"]),
        (parties.callers["anonymous"], mine["url"]),
    ):
        assert (await download(client, url, outsider)).status_code == 404
    listed = (await islington.data(PACKS, {"id": session_id}))["inCommonSession"]
    assert {p["url"] for p in listed["packs"] if p["part"] == "PRIVATE"} == {mine["url"]}
    assert listed["viewerBuildsPrivatePackFor"] == [parties.islington_committee]
    refused = payload(
        await islington.data(
            BUILD, {"input": {"sessionId": session_id, "part": "PRIVATE", "committeeId": parties.bolton.committee_id}}
        )
    )
    assert refused["errors"] == [
        {
            "field": None,
            "message": ("Only the board secretary or an administrator of NHS Bolton CCG can build its private pack."),
        }
    ]
    refused = payload(await islington.data(BUILD, {"input": {"sessionId": session_id, "part": "PUBLIC"}}))
    assert refused["errors"] == [
        {
            "field": None,
            "message": (
                "Only the convening organisation's board secretary or an administrator can build the session's public pack."
            ),
        }
    ]
    anonymous = await parties.callers["anonymous"].post(BUILD, {"input": {"sessionId": session_id, "part": "PUBLIC"}})
    assert anonymous.get("errors") or anonymous["data"]["buildSessionPack"]["errors"]


UNPUBLISH = """mutation($input: UnpublishPackInput!) { unpublishPack(input: $input) {
  build { withdrawnAt withdrawalReason url } errors { field message } } }"""
WITHDRAWALS = """query($id: ID!) { inCommonSession(id: $id) {
  packs { id part publishedAt withdrawnAt withdrawalReason viewerCanWithdraw url } } }"""
REASON = "The estates paper gave the wrong site; a corrected pack follows."


async def _withdrawal_of(caller, session_id: str, build_id: str) -> dict | None:
    packs = (await caller.data(WITHDRAWALS, {"id": session_id}))["inCommonSession"]["packs"]
    return next((p for p in packs if p["id"] == build_id), None)


async def test_a_published_session_pack_is_withdrawn_with_a_reason_the_public_then_reads(session):
    parties, session_id, client = session
    bolton, anonymous = parties.callers["bolton"], parties.callers["anonymous"]
    public = await _built(bolton, session_id, "PUBLIC")
    ok(await bolton.data(PUBLISH, {"input": {"id": public["id"]}}))
    assert (await _withdrawal_of(bolton, session_id, public["id"]))["viewerCanWithdraw"] is True

    # Only the convener withdraws the public pack: not another party, nor the public; nothing changes.
    for caller in (parties.callers["islington"], parties.callers["hmr"], parties.callers[GRACE]):
        assert (await _withdrawal_of(caller, session_id, public["id"]))["viewerCanWithdraw"] is False
        refused = payload(await caller.data(UNPUBLISH, {"input": {"id": public["id"], "reason": "Not ours"}}))
        assert refused["build"] is None and refused["errors"]
    assert (await _withdrawal_of(anonymous, session_id, public["id"]))["viewerCanWithdraw"] is False
    by_public = await anonymous.post(UNPUBLISH, {"input": {"id": public["id"], "reason": "Vandal"}})
    assert by_public.get("errors") or by_public["data"]["unpublishPack"]["errors"]
    assert payload(await bolton.data(UNPUBLISH, {"input": {"id": public["id"], "reason": "  "}}))["errors"] == [
        {"field": "reason", "message": "Enter the reason for withdrawing the pack."}
    ]
    assert (await _withdrawal_of(anonymous, session_id, public["id"]))["withdrawnAt"] is None
    assert (await download(client, public["url"])).status_code == 200

    withdrawn = ok(await bolton.data(UNPUBLISH, {"input": {"id": public["id"], "reason": REASON}}))["build"]
    assert withdrawn["withdrawalReason"] == REASON and withdrawn["url"] is None
    seen = await _withdrawal_of(anonymous, session_id, public["id"])
    assert seen["withdrawalReason"] == REASON and seen["withdrawnAt"] and seen["url"] is None
    assert seen["viewerCanWithdraw"] is False
    assert (await download(client, public["url"])).status_code == 404
    assert (await download(client, public["url"], bolton)).status_code == 200  # the convener keeps the record
    again = payload(await bolton.data(UNPUBLISH, {"input": {"id": public["id"], "reason": REASON}}))
    assert again["errors"] == [{"field": "id", "message": "That pack is already withdrawn."}]


async def test_an_organisation_withdraws_its_own_published_private_session_pack_only(session):
    parties, session_id, _ = session
    bolton, islington = parties.callers["bolton"], parties.callers["islington"]
    mine = await _built(islington, session_id, "PRIVATE", parties.islington_committee)
    ok(await islington.data(PUBLISH, {"input": {"id": mine["id"]}}))
    refused = payload(await bolton.data(UNPUBLISH, {"input": {"id": mine["id"], "reason": "Not ours"}}))
    assert refused["errors"] == [{"field": "id", "message": "No such pack."}]
    assert (await _withdrawal_of(islington, session_id, mine["id"]))["viewerCanWithdraw"] is True
    ok(await islington.data(UNPUBLISH, {"input": {"id": mine["id"], "reason": REASON}}))
    seen = await _withdrawal_of(parties.callers[GRACE], session_id, mine["id"])
    assert seen["withdrawalReason"] == REASON and seen["url"] is None
