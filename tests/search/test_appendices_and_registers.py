"""Search reads papers' appendices (their text read by pdftotext in the background) for those who may read the paper,
and the published registers of interests and of gifts and hospitality for everyone, anonymous readers included,
never more of them than the public pages show."""

from __future__ import annotations

import base64
import hashlib
import io
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from docx import Document
from pypdf import PdfWriter

from quorum.files.text import read_unread_file_texts
from quorum.ids import encode
from quorum.seed.demo import demo_pdf
from tests.meetings.support import AUTHOR, SAVE, SECRETARY, add_item, create_meeting, draft, request_paper
from tests.search.test_search import GOVERNING_BODY, SEARCH, _item, _meeting, _paper
from tests.support import (
    BOLTON_GP,
    BOLTON_SECRETARY,
    ISLINGTON_GP,
    ISLINGTON_SECRETARY,
    Caller,
    as_person,
    owner,
    owner_fetch,
    run_queued_jobs,
)

ADD_APPENDIX = """mutation($input: AddAppendixInput!) {
  addAppendix(input: $input) { appendix { id } errors { field message } } }"""


@dataclass
class Words:
    public_appendix: str
    private_appendix: str
    interest: str
    withheld: str
    pending: str
    attendee: str
    gift: str
    small_gift: str
    old_gift: str


async def _appendix(conn, org, paper, person, words: str) -> None:
    content = demo_pdf(words)
    file = await conn.fetchval(
        "INSERT INTO stored_file (org_id, filename, content_type, size_bytes, sha256, content, uploaded_by)"
        " VALUES ($1, 'analysis.pdf', 'application/pdf', $2, $3, $4, $5) RETURNING id",
        org, len(content), hashlib.sha256(content).hexdigest(), content, person,
    )  # fmt: skip
    version = await conn.fetchval("SELECT id FROM paper_version WHERE paper_id = $1", paper)
    await conn.execute(
        "INSERT INTO appendix (org_id, version_id, position, title, file_id, kind)"
        " VALUES ($1, $2, 1, 'Supporting analysis', $3, 'PDF')",
        org, version, file,
    )  # fmt: skip
    await conn.execute("INSERT INTO file_text (org_id, file_id, text) VALUES ($1, $2, $3)", org, file, words)


async def _interest(conn, org, person, description: str, *, withheld=False, status="CONFIRMED") -> None:
    await conn.execute(
        "INSERT INTO interest (org_id, person_id, category, description, valid_from, became_aware_on, declared_on,"
        " withheld, recorded_by, status, action_taken)"
        " VALUES ($1, $2, 'FINANCIAL', $3, current_date - 30, current_date - 30, current_date - 20, $4, $2, $5,"
        " 'Leaves the room for the item.')",
        org, person, description, withheld, status,
    )  # fmt: skip


async def _gift(conn, org, person, description: str, pence: int, days_ago: int = 10) -> None:
    await conn.execute(
        "INSERT INTO gift_or_hospitality (org_id, person_id, kind, description, offered_by, from_supplier,"
        " value_pence, offered_on, accepted, recorded_by)"
        " VALUES ($1, $2, 'HOSPITALITY', $3, 'A supplier of software', true, $4, current_date - $5::integer, true, $2)",
        org, person, description, pence, days_ago,
    )  # fmt: skip


@pytest.fixture(scope="module")
async def words() -> Words:
    """Appendices to a Part I paper of a published meeting and to a Part II paper; entries in Bolton's registers
    that its published registers show, and entries they do not (withheld, awaiting confirmation, someone who is no
    decision-maker, a gift under the threshold, one older than two years)."""
    w = Words(*("zq" + secrets.token_hex(4) for _ in range(9)))
    conn = await owner()
    try:
        async with conn.transaction():
            secretary = await conn.fetchval("SELECT id FROM person WHERE email = $1", BOLTON_SECRETARY)
            body, bolton = (await conn.fetch(GOVERNING_BODY, "00T"))[0]
            meeting = await _meeting(conn, body, bolton, "Appendices meeting", "PAPERS_PUBLISHED", 8)
            public_item = await _item(conn, bolton, body, meeting, 1, "Appendices public item", "PUBLIC")
            private_item = await _item(conn, bolton, body, meeting, 2, "Appendices private item", "PRIVATE")
            public = await _paper(
                conn, bolton, body, meeting, public_item, "Paper with a public appendix", "Body.", True, secretary
            )
            private = await _paper(
                conn, bolton, body, meeting, private_item, "Paper with a private appendix", "Body.", False, secretary
            )
            await _appendix(conn, bolton, public, secretary, f"Activity by month {w.public_appendix} and more")
            await _appendix(conn, bolton, private, secretary, f"Commercial terms {w.private_appendix}")

            decision_maker = await conn.fetchval(
                "SELECT s.person_id FROM seat s WHERE s.org_id = $1 AND s.role <> 'IN_ATTENDANCE'"
                " AND s.valid_from <= current_date AND (s.valid_to IS NULL OR s.valid_to >= current_date)"
                " ORDER BY s.person_id LIMIT 1",
                bolton,
            )
            await _interest(conn, bolton, decision_maker, f"Director of a {w.interest} pharmacy")
            await _interest(conn, bolton, decision_maker, f"Sister owns a {w.withheld} clinic", withheld=True)
            await _interest(conn, bolton, decision_maker, f"Shares in {w.pending} limited", status="PENDING")
            attendee = await conn.fetchval(
                "SELECT m.person_id FROM membership m WHERE m.org_id = $1 AND m.role <> 'GOVERNING_BODY_MEMBER'"
                " AND NOT EXISTS (SELECT 1 FROM membership g WHERE g.person_id = m.person_id AND g.org_id = $1"
                "                 AND g.role = 'GOVERNING_BODY_MEMBER')"
                " AND NOT EXISTS (SELECT 1 FROM seat s WHERE s.person_id = m.person_id AND s.org_id = $1"
                "                 AND s.role <> 'IN_ATTENDANCE') ORDER BY m.person_id LIMIT 1",
                bolton,
            )
            await _interest(conn, bolton, attendee, f"Trustee of a {w.attendee} charity")
            await _gift(conn, bolton, decision_maker, f"Dinner at the {w.gift} conference", 9000)
            await _gift(conn, bolton, decision_maker, f"Coffee at the {w.small_gift} stand", 400)
            await _gift(conn, bolton, decision_maker, f"Dinner at the {w.old_gift} launch", 9000, days_ago=800)
        return w
    finally:
        await conn.close()


async def _found(caller: Caller, query: str) -> list[dict]:
    result = (await caller.data(SEARCH, {"query": query, "first": 50}))["search"]
    assert result["problem"] is None, result
    return [edge["node"] for edge in result["edges"]]


async def _titles(caller: Caller, query: str) -> set[tuple[str, str]]:
    return {(n["kind"], n["title"]) for n in await _found(caller, query)}


async def test_a_published_paper_is_found_by_its_appendix_by_everyone_who_may_read_it(client, words):
    public = ("PAPER", "Paper with a public appendix")
    for caller in (Caller(client), await as_person(client, ISLINGTON_GP), await as_person(client, BOLTON_GP)):
        assert await _titles(caller, words.public_appendix) == {public}
    [paper] = await _found(Caller(client), words.public_appendix)
    assert words.public_appendix in [f["text"] for f in paper["snippet"] if f["highlighted"]]


async def test_a_part_two_appendix_is_found_only_by_those_who_see_part_two(client, words):
    private = {("PAPER", "Paper with a private appendix")}
    assert await _titles(Caller(client), words.private_appendix) == set()
    assert await _titles(await as_person(client, ISLINGTON_SECRETARY), words.private_appendix) == set()
    assert await _titles(await as_person(client, BOLTON_SECRETARY), words.private_appendix) == private


async def _draft_paper(client, title: str) -> tuple[Caller, str]:
    """A paper of a new meeting of Bolton's governing body, drafted by its author: (the author, the paper's id)."""
    secretary, author = await as_person(client, SECRETARY), await as_person(client, AUTHOR)
    meeting = await create_meeting(secretary, title=f"{title}: meeting")
    item = await add_item(secretary, meeting["id"], f"{title}: item")
    paper = await request_paper(secretary, meeting["id"], item["id"], title)
    assert (await author.data(SAVE, draft(paper, "Body.")))["savePaperDraft"]["errors"] == []
    return author, paper


async def _add_appendix(author: Caller, paper: str, filename: str, content: bytes) -> None:
    file = {"filename": filename, "contentBase64": base64.b64encode(content).decode()}
    added = (await author.data(ADD_APPENDIX, {"input": {"paperId": paper, "title": filename, **file}}))["addAppendix"]
    assert added["errors"] == [], added


async def test_an_uploaded_pdf_appendix_is_read_in_the_background_and_found_by_its_author_alone(client):
    word = "zq" + secrets.token_hex(4)
    author, paper = await _draft_paper(client, "Paper read by its appendix")
    await _add_appendix(author, paper, "waits.pdf", demo_pdf(f"Waiting list {word} by specialty"))
    assert await _titles(author, word) == set()  # not read yet
    await run_queued_jobs()
    [kept] = await owner_fetch("SELECT text FROM file_text WHERE text LIKE $1", f"%{word}%")
    assert kept["text"] == f"Waiting list {word} by specialty"
    assert await _titles(author, word) == {("PAPER", "Paper read by its appendix")}
    # A draft: not the public's, nor another CCG's.
    assert await _titles(Caller(client), word) == set()
    assert await _titles(await as_person(client, ISLINGTON_SECRETARY), word) == set()


async def test_files_kept_before_their_text_was_read_are_read_by_the_nightly_backfill_once(client):
    word = "zq" + secrets.token_hex(4)
    author, paper = await _draft_paper(client, "Paper read by the backfill")
    blank = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # a scan, say: no words to read
    writer.write(blank)
    await _add_appendix(author, paper, "old.pdf", demo_pdf(f"Old {word}"))
    await _add_appendix(author, paper, "blank.pdf", blank.getvalue())
    await run_queued_jobs()
    # As if stored before migration 0031: no text kept.
    files = [
        r["id"] for r in await owner_fetch("SELECT id FROM stored_file WHERE filename IN ('old.pdf', 'blank.pdf')")
    ]
    await owner_fetch("DELETE FROM file_text WHERE file_id = ANY($1)", files)
    assert await _titles(author, word) == set()

    await read_unread_file_texts(datetime.now(UTC))
    await run_queued_jobs()
    assert await _titles(author, word) == {("PAPER", "Paper read by the backfill")}
    kept = await owner_fetch("SELECT file_id, text FROM file_text WHERE file_id = ANY($1)", files)
    # A file with no words keeps an empty text, so it is not tried every night.
    assert len(files) == 2 and len(kept) == 2


def _word_document(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


async def test_a_word_appendix_is_found_by_its_text_once_converted(client):
    word = "zq" + secrets.token_hex(4)
    author, paper = await _draft_paper(client, "Paper with a Word appendix")
    await _add_appendix(author, paper, "spend.docx", _word_document(f"Agency spend {word} by team"))
    await run_queued_jobs()  # the conversion, which queues the reading of its text
    await run_queued_jobs()
    assert await _titles(author, word) == {("PAPER", "Paper with a Word appendix")}
    assert await _titles(await as_person(client, ISLINGTON_SECRETARY), word) == set()


async def test_anyone_finds_what_the_published_registers_show(client, words):
    for caller in (Caller(client), await as_person(client, ISLINGTON_GP)):
        [interest] = await _found(caller, words.interest)
        assert (interest["kind"], interest["organisationName"]) == ("INTEREST", "NHS Bolton CCG")
        assert interest["path"] == "/public/00t/interests"
        [gift] = await _found(caller, words.gift)
        assert (gift["kind"], gift["path"]) == ("GIFT_OR_HOSPITALITY", "/public/00t/gifts")
        assert words.gift in [f["text"] for f in gift["snippet"] if f["highlighted"]]


@pytest.mark.parametrize("which", ["withheld", "pending", "attendee", "small_gift", "old_gift"])
async def test_what_the_published_registers_leave_out_is_not_found_by_the_public(client, words, which):
    word = getattr(words, which)
    assert await _titles(Caller(client), word) == set()
    assert await _titles(await as_person(client, ISLINGTON_SECRETARY), word) == set()


async def test_the_register_keeper_finds_their_whole_register_each_entry_once(client, words):
    keeper = await as_person(client, BOLTON_SECRETARY)
    for word in (words.withheld, words.pending, words.attendee, words.small_gift):
        assert len(await _found(keeper, word)) == 1, word
    [interest] = await _found(keeper, words.interest)  # in the table and in the published register: once
    assert interest["path"] == "/interests"


async def test_a_committee_filter_leaves_the_registers_out(client, words):
    body = (await owner_fetch(GOVERNING_BODY, "00T"))[0]["id"]
    result = (
        await Caller(client).data(
            SEARCH, {"query": words.interest, "first": 5, "committeeId": encode("Committee", body)}
        )
    )["search"]
    assert result["edges"] == []


async def test_an_agenda_item_is_public_exactly_while_its_meeting_is_published(client):
    """The item's read policy asks its copy of the meeting's publication (migration 0031): it follows the meeting."""
    word = "zq" + secrets.token_hex(4)
    conn = await owner()
    try:
        body, bolton = (await conn.fetch(GOVERNING_BODY, "00T"))[0]
        meeting = await _meeting(conn, body, bolton, "Publication follows", "DRAFT", 12)
        await _item(conn, bolton, body, meeting, 1, f"{word} first item", "PUBLIC")
        anonymous = Caller(client)
        assert await _titles(anonymous, word) == set()
        await conn.execute("UPDATE meeting SET status = 'PAPERS_PUBLISHED' WHERE id = $1", meeting)
        await _item(conn, bolton, body, meeting, 2, f"{word} added item", "PUBLIC")
        await _item(conn, bolton, body, meeting, 3, f"{word} private item", "PRIVATE")
        assert await _titles(anonymous, word) == {
            ("AGENDA_ITEM", f"{word} first item"),
            ("AGENDA_ITEM", f"{word} added item"),
        }
        await conn.execute("UPDATE meeting SET status = 'DRAFT' WHERE id = $1", meeting)
        assert await _titles(anonymous, word) == set()
    finally:
        await conn.close()


async def test_a_decision_is_public_exactly_while_its_meeting_is_held(client):
    """The decision's public policy asks its copy of whether the meeting was held (migration 0033): it follows the
    meeting both ways, and a decision moved to another meeting takes that meeting's state."""
    word = "zq" + secrets.token_hex(4)
    conn = await owner()
    try:
        body, bolton = (await conn.fetch(GOVERNING_BODY, "00T"))[0]
        meeting = await _meeting(conn, body, bolton, "Held follows", "PAPERS_PUBLISHED", -3)
        later = await _meeting(conn, body, bolton, "Not yet held", "PAPERS_PUBLISHED", 30)
        item = await _item(conn, bolton, body, meeting, 1, "Decided item", "PUBLIC")
        recorder = await conn.fetchval("SELECT id FROM person WHERE email = $1", BOLTON_SECRETARY)
        decision = await conn.fetchval(
            "INSERT INTO decision (org_id, meeting_id, committee_id, item_id, route, text, recorded_by, quorum)"
            " VALUES ($1, $2, $3, $4, 'CONSENSUS', $5, $6, '{}') RETURNING id",
            bolton, meeting, body, item, f"Agreed the {word} decision.", recorder,
        )  # fmt: skip
        anonymous = Caller(client)
        assert ("DECISION", "Decided item") not in await _titles(anonymous, word)
        for status, public in (("HELD", True), ("MINUTES_APPROVED", True), ("PAPERS_PUBLISHED", False)):
            await conn.execute("UPDATE meeting SET status = $2 WHERE id = $1", meeting, status)
            assert (("DECISION", "Decided item") in await _titles(anonymous, word)) is public, status
        await conn.execute("UPDATE meeting SET status = 'HELD' WHERE id = $1", meeting)
        await conn.execute("UPDATE decision SET meeting_id = $2 WHERE id = $1", decision, later)
        assert ("DECISION", "Decided item") not in await _titles(anonymous, word)
    finally:
        await conn.close()
