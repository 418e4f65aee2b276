"""The demo's paper with Word and OpenDocument appendices: seeded with its conversion, dated from today, and seeded once."""

from __future__ import annotations

from datetime import timedelta

from quorum import clock
from quorum.seed.demo_word import APPENDIX_TITLE, BEDS_TITLE, MEETING_TITLE, PAPER_TITLE
from tests.support import owner_fetch

ROWS = """
SELECT m.starts_at, p.title AS paper, a.title AS appendix, a.kind, c.status, c.page_count, c.problem
FROM meeting m JOIN paper p ON p.meeting_id = m.id JOIN paper_version v ON v.paper_id = p.id
JOIN appendix a ON a.version_id = v.id LEFT JOIN file_conversion c ON c.source_file_id = a.file_id
WHERE m.title = $1"""


async def test_the_demo_has_a_paper_with_word_and_opendocument_appendices_converted_to_pages():
    rows = await owner_fetch(ROWS + " ORDER BY a.position", MEETING_TITLE)
    assert [(row["paper"], row["appendix"], row["kind"]) for row in rows] == [
        (PAPER_TITLE, APPENDIX_TITLE, "WORD"),
        (PAPER_TITLE, BEDS_TITLE, "EXCEL"),
    ]
    for row in rows:
        assert row["status"] == "DONE" and row["page_count"] == 1, row["problem"]
    assert clock.local_date(rows[0]["starts_at"]) - clock.today() <= timedelta(days=21)
    [beds] = await owner_fetch(
        "SELECT f.content_type, t.text FROM appendix a JOIN stored_file f ON f.id = a.file_id"
        " JOIN file_text t ON t.file_id = f.id WHERE a.title = $1",
        BEDS_TITLE,
    )
    assert beds["content_type"] == "application/vnd.oasis.opendocument.spreadsheet"
    assert "Bolton South" in beds["text"]


async def test_seeding_again_changes_nothing():
    from sqlalchemy.ext.asyncio import create_async_engine

    from quorum.database import owner_url
    from quorum.seed.demo_word import seed_word_paper

    before = await owner_fetch("SELECT count(*) AS n FROM meeting m WHERE m.title = $1", MEETING_TITLE)
    engine = create_async_engine(owner_url())
    bolton = (await owner_fetch("SELECT id FROM organisation WHERE ods_code = '00T'"))[0]["id"]
    async with engine.begin() as conn:
        await seed_word_paper(conn, bolton)
    await engine.dispose()
    after = await owner_fetch("SELECT count(*) AS n FROM meeting m WHERE m.title = $1", MEETING_TITLE)
    assert before[0]["n"] == after[0]["n"] == 1
