"""Board pack and meeting page benchmark (issue 4). Prints figures; not a test.

    .venv/bin/python -m bench.packs

Builds a 40-item meeting whose PDF appendices total 300 pages and times the pack build
(goal: under 5 s on the project's 2-core machine), then times the meeting page query and
counts its SQL statements at 10, 40 and 80 items (the count must not grow).
"""

from __future__ import annotations

import asyncio
import time

from bench.common import prepare, summary

ITEMS_FOR_PACK = 40
APPENDIX_PAGES = 300


async def main() -> None:
    import httpx

    from quorum.web.app import create_app
    from tests.meetings.pdfs import pdf_with_pages
    from tests.meetings.support import (
        AUTHOR,
        SECRETARY,
        SPONSOR,
        add_item,
        build_and_wait,
        create_meeting,
        request_paper,
        write_and_approve,
    )
    from tests.meetings.test_query_counts import MEETING_PAGE
    from tests.support import Caller, token_for

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app()), base_url="http://bench") as client:
        secretary, author, sponsor = [Caller(client, await token_for(e)) for e in (SECRETARY, AUTHOR, SPONSOR)]

        print(f"Setting up a {ITEMS_FOR_PACK}-item meeting with {APPENDIX_PAGES} pages of PDF appendices ...")
        meeting = await create_meeting(secretary, title="Benchmark meeting")
        per_paper = APPENDIX_PAGES // 20
        for n in range(ITEMS_FOR_PACK - 7):
            item = await add_item(secretary, meeting["id"], f"Item {n + 8}", part="PRIVATE" if n % 5 == 4 else "PUBLIC")
            paper = await request_paper(secretary, meeting["id"], item["id"], f"Paper {n + 8}")
            appendix = pdf_with_pages(per_paper, f"Appendix to paper {n + 8}") if n < 20 else None
            body = "\n\n".join(
                f"Paragraph {k} of paper {n + 8}: " + "the committee is asked to note. " * 12 for k in range(8)
            )
            await write_and_approve(author, sponsor, paper, body, appendix)
        started = time.perf_counter()
        build = await build_and_wait(secretary, meeting["id"], "PRIVATE")
        elapsed = time.perf_counter() - started
        pdf = await client.get(build["url"], headers={"authorization": f"Bearer {sponsor.token}"})
        print(
            f"Pack build (private, {ITEMS_FOR_PACK} items): {elapsed:.2f} s, {build['pageCount']} pages, "
            f"{len(pdf.content) / 1e6:.1f} MB watermarked download"
        )

        print("\nMeeting page query (in-process, server time):")
        for items in (10, 40, 80):
            page_meeting = await create_meeting(secretary, title=f"{items} items")
            for n in range(items - 7):
                item = await add_item(secretary, page_meeting["id"], f"Item {n}")
                await request_paper(secretary, page_meeting["id"], item["id"], f"Paper {n}")
            timings, statements = [], set()
            for _ in range(60):
                start = time.perf_counter()
                response = await client.post(
                    "/graphql",
                    json={"query": MEETING_PAGE, "variables": {"id": page_meeting["id"]}},
                    headers={"authorization": f"Bearer {secretary.token}"},
                )
                timings.append((time.perf_counter() - start) * 1000)
                statements.add(response.headers["x-quorum-sql-statements"])
            print(f"  {items:3d} items: {summary(timings[10:])}   SQL statements {', '.join(sorted(statements))}")


if __name__ == "__main__":
    prepare("quorum_bench_packs")
    asyncio.run(main())
