"""PDFs for the tests: many pages, encrypted."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from quorum.seed.demo import demo_pdf


def pdf_with_pages(count: int, label: str = "Appendix page") -> bytes:
    page = PdfReader(io.BytesIO(demo_pdf(label))).pages[0]
    writer = PdfWriter()
    for _ in range(count):
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(demo_pdf("Secret"))))
    writer.encrypt("password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
