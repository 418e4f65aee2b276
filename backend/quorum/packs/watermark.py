"""The private pack carries its reader's name across every page."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import typst
from pypdf import PdfReader, PdfWriter


def _stamp(text: str, width: float, height: float) -> PdfReader:
    source = (
        f"#set page(width: {width}pt, height: {height}pt, margin: 0pt)\n"
        "#set text(size: 28pt, fill: rgb(200, 0, 0, 60))\n"
        "#place(center + horizon, rotate(-45deg, text(sys.inputs.reader)))\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stamp.typ"
        path.write_text(source)
        return PdfReader(io.BytesIO(typst.compile(str(path), format="pdf", sys_inputs={"reader": text})))


def watermark(pdf: bytes, text: str) -> bytes:
    """`pdf` with `text` printed diagonally on every page (one stamp per page size)."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    stamps: dict[tuple[float, float], object] = {}
    for page in writer.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        if size not in stamps:
            stamps[size] = _stamp(text, *size).pages[0]
        page.merge_page(stamps[size], over=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
