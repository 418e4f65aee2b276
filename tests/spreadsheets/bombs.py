"""Hostile workbooks made at test time: a decompression bomb, one whose archive understates its sizes, and one
small enough to pass the size check but slow to parse."""

from __future__ import annotations

import io
import struct
import zipfile

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
HEADER = ["ods_code", "name", "list_size", "locality"]
_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
)
_CLOSE = "</sheetData></worksheet>"


def _text_cell(text: str) -> str:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def _workbook_with_sheet(sheet_xml: bytes, level: int = 9) -> bytes:
    book = Workbook()
    book.active.append(HEADER)
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            data = sheet_xml if member.filename == SHEET else source.read(member)
            target.writestr(member.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=level)
    return out.getvalue()


def _sheet(rows: list[str]) -> bytes:
    return (_OPEN + "".join(rows) + _CLOSE).encode()


def bomb(unpacked: int = 100 * 1024 * 1024) -> bytes:
    """About 100 MB of sheet XML (one row of a few million cells) in a few hundred kilobytes."""
    cell = _text_cell("P82001")
    header = '<row r="1">' + "".join(_text_cell(h) for h in HEADER) + "</row>"
    return _workbook_with_sheet(_sheet([header, '<row r="2">' + cell * (unpacked // len(cell)) + "</row>"]), level=1)


def understated(content: bytes, member: str = SHEET, size: int = 1000) -> bytes:
    """The same archive, its headers claiming `member` unpacks to `size` bytes."""
    data = bytearray(content)
    name = member.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            if data[start + name_at : start + name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, size)
            start += 4
    return bytes(data)


def slow(cells: int = 40_000) -> bytes:
    """Within every size limit, but a long row for openpyxl to parse: a bad ODS code, then `cells` more cells."""
    header = '<row r="1">' + "".join(_text_cell(h) for h in HEADER) + "</row>"
    row = (
        '<row r="2">'
        + "".join(_text_cell(t) for t in ("SLOW", "Slow Surgery", "1000", "Bolton"))
        + _text_cell("x") * cells
    )
    return _workbook_with_sheet(_sheet([header, row + "</row>"]))
