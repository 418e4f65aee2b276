"""Word and Excel files for the tests, written in code: real ones, a zip bomb, and ones that are not what they say."""

from __future__ import annotations

import io
import zipfile

import openpyxl
from docx import Document
from docx.enum.text import WD_BREAK


def word_document(*pages: list[str], heading: str | None = None) -> bytes:
    """A .docx with each list of paragraphs on a page of its own."""
    document = Document()
    if heading:
        document.add_heading(heading, level=1)
    for number, paragraphs in enumerate(pages):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for text in paragraphs:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def excel_workbook(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:  # wide enough to print each cell whole, as an author would set them
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = max(len(str(cell.value)) for cell in column) + 2
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A .docx whose document part opens to 300 MB of zeros (it is about 300 KB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(300):
                part.write(chunk)
    return out.getvalue()


def unreadable_docx() -> bytes:
    """Has a Word document's parts, so the upload check takes it, but its document is not XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00\x01 not xml at all \xff")
    return out.getvalue()
