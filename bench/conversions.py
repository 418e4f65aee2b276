"""How long LibreOffice takes to turn a typical board paper into pack pages (issue 18). Prints figures; not a test.

    .venv/bin/python -m bench.conversions

A typical paper: an eight-page Word document (headings, paragraphs, a 20-row table) and an Excel workbook of
200 rows by 8 columns, each converted five times the way the background job does it (own process and profile,
no network); then the same paper saved as Word 97 (.doc) and OpenDocument (.odt), and the workbook as .ods, each
timed through the upload check and converted the same way. Prints the median and fastest wall time and
LibreOffice's CPU time, and the load on the machine.
"""

from __future__ import annotations

import asyncio
import io
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

RUNS = 5


def typical_word() -> bytes:
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    document.add_heading("Community nursing workforce plan", level=1)
    for page in range(8):
        if page:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(f"Section {page + 1}", level=2)
        for _ in range(6):
            document.add_paragraph(
                "Vacancy rates in the district nursing teams have risen for three quarters; the plan sets out how the"
                " provider will recruit, retain and reduce agency spend while keeping caseloads safe. " * 2
            )
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for row in range(20):
        for cell, text in zip(table.add_row().cells, (f"Team {row}", "12.5", "38,400", "Amber"), strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def typical_excel() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Practice", "List size", "Target", "Actual", "Variance", "Rating", "Month", "Notes"])
    for row in range(200):
        sheet.append([f"P8{row:04d}", 8000 + row, 0.95, 0.91, -0.04, "Amber", "November", "Within tolerance"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def saved_as(content: bytes, suffix: str, target: str) -> bytes:
    """The document saved in another format by LibreOffice (once, before any timing)."""
    with tempfile.TemporaryDirectory(prefix="quorum-bench-") as folder:
        root = Path(folder)
        (root / f"source{suffix}").write_bytes(content)
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--convert-to", target,
             "--outdir", str(root), str(root / f"source{suffix}")],
            capture_output=True, check=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": folder},
        )  # fmt: skip
        return (root / f"source.{target.split(':')[0]}").read_bytes()


def checked(name: str, content: bytes) -> None:
    """How long the upload check takes to accept the file (median of five)."""
    from quorum.files.inspection import EXCEL, ODS, ODT, PDF, WORD, WORD_97, inspect

    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        inspect("file", name, content, (PDF, WORD, EXCEL, WORD_97, ODT, ODS))
        times.append(time.perf_counter() - started)
    print(f"upload check of {name} ({len(content) // 1024} KB): median {statistics.median(times) * 1000:.1f} ms")


async def measure(name: str, content: bytes, content_type: str) -> None:
    from quorum.files import conversion

    walls, cpus, pages = [], [], 0
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        status, _pdf, pages, problem = await conversion.convert(content, content_type)
        walls.append(time.monotonic() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        assert problem is None, problem
    print(
        f"{name}: {pages} pages; wall median {statistics.median(walls):.2f} s (fastest {min(walls):.2f} s),"
        f" LibreOffice CPU median {statistics.median(cpus):.2f} s"
    )


async def main() -> None:
    from quorum.files.inspection import EXCEL, ODS, ODT, WORD, WORD_97

    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    await measure("Word paper, 8 pages and a table", typical_word(), WORD.content_type)
    await measure("Excel workbook, 200 rows x 8 columns", typical_excel(), EXCEL.content_type)
    word, excel = typical_word(), typical_excel()
    for name, content, kind in (
        ("paper.doc", saved_as(word, ".docx", "doc:MS Word 97"), WORD_97),
        ("paper.odt", saved_as(word, ".docx", "odt"), ODT),
        ("workbook.ods", saved_as(excel, ".xlsx", "ods"), ODS),
    ):
        checked(name, content)
        await measure(f"the same, as {name}", content, kind.content_type)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    asyncio.run(main())
