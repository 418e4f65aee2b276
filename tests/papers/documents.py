"""Word, Excel, Word 97 and OpenDocument files for the tests, written in code: real ones, zip bombs, ones holding
macros or a password, and ones that are not what they say."""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.text import WD_BREAK

from quorum.seed.open_document import ODS_TYPE, ODT_TYPE, ods, odt, open_document  # noqa: F401 (the tests' too)


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


# ---- Word 97 and OpenDocument ---------------------------------------------------------------------------------


def word_97(content: bytes, suffix: str = ".odt") -> bytes:
    """The document saved as Word 97 (.doc) by LibreOffice, with a throw-away profile of its own."""
    with tempfile.TemporaryDirectory(prefix="quorum-test-doc-") as folder:
        root = Path(folder)
        (root / f"source{suffix}").write_bytes(content)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(root / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "doc:MS Word 97",
                "--outdir",
                str(root),
                str(root / f"source{suffix}"),
            ],
            capture_output=True,
            check=True,
            timeout=120,
            env={"PATH": "/usr/bin:/bin", "HOME": folder},
        )
        return (root / "source.doc").read_bytes()


def _ole_entry_renamed(content: bytes, old: str, new: str) -> bytes:
    """An OLE file with one directory entry renamed (the name is UTF-16, then its length in bytes at offset 64)."""
    encoded = old.encode("utf-16-le") + b"\0\0"
    at = content.index(encoded)
    assert at % 128 == 0, "a directory entry starts every 128 bytes"
    name = new.encode("utf-16-le") + b"\0\0"
    entry = name.ljust(64, b"\0") + len(name).to_bytes(2, "little")
    return content[:at] + entry + content[at + 66 :]


def macro_word_97(document: bytes) -> bytes:
    """A .doc whose storage holds an entry named Macros, where Word keeps a document's VBA project."""
    return _ole_entry_renamed(document, "\x01CompObj", "Macros")


def encrypted_word_97(document: bytes) -> bytes:
    """A .doc whose WordDocument stream (its FIB, at a sector's start) says the document is encrypted."""
    at = next(i for i in range(512, len(document), 512) if document[i : i + 2] == b"\xec\xa5")
    flags = int.from_bytes(document[at + 10 : at + 12], "little") | 0x0100
    return document[: at + 10] + flags.to_bytes(2, "little") + document[at + 12 :]


def zip_bomb_odt(part_name: str = "content.xml") -> bytes:
    """An .odt whose content (or another part: its mimetype, say) opens to 300 MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        if part_name != "mimetype":
            archive.writestr(zipfile.ZipInfo("mimetype"), ODT_TYPE, compress_type=zipfile.ZIP_STORED)
        with archive.open(part_name, "w", force_zip64=True) as part:
            if part_name == "mimetype":
                part.write(ODT_TYPE.encode())
            chunk = b"\0" * (1024 * 1024)
            for _ in range(300):
                part.write(chunk)
    return out.getvalue()


def unreadable_odt() -> bytes:
    """Has an OpenDocument text's mimetype and parts, so the upload check takes it, but its content is not XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT_TYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", b"\x00\x01 not xml at all \xff")
        archive.writestr("META-INF/manifest.xml", b"\x00\x01 not xml either \xff")
    return out.getvalue()
