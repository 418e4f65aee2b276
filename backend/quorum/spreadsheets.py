"""Writing .xlsx workbooks that cannot run anything when opened: every export goes through here.

Text a spreadsheet would read as a formula (OWASP's CSV injection list: a leading `=`, `+`, `-`, `@`, tab
or carriage return) is written as a string cell, explicitly typed so openpyxl never writes a formula, with
Excel's quote prefix set: the cell shows exactly the text that was entered, and editing it keeps it text.
Nothing is added to the text, so an export read back by an import gives the same names. Numbers, dates
and booleans are written as they are.

Workbooks are written in openpyxl's write-only mode (rows streamed, never held as cell objects): set a
sheet's widths and frozen header before its first row.

A sheet's last rows may be a block of plain values (`Sheet.block`: text, numbers, booleans, blanks), the
shape of a 10,000-response listing. openpyxl spends about 10 µs on each cell it writes; a block's rows are
instead written here as the sheet's XML, the same markup openpyxl writes (text as inline strings, which can
never be formulas, formula-like text with the same quote-prefix style), and placed in the sheet's part of
the saved workbook.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def reads_as_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_LEADS)


CELL_CHARACTERS = 32_767  # Excel's limit: a longer cell makes it report the whole file as damaged


def storable(value: object) -> object:
    """Text without the control characters a workbook cannot hold (openpyxl refuses them outright), and no longer
    than a cell can hold."""
    return storable_text(value) if isinstance(value, str) else value


def storable_text(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:CELL_CHARACTERS]


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})  # a bare \r would be read as \n
# A block's rows are compressed once more when the workbook is put together: quickly, as they are mostly
# digits and markup that compress well at any level.
_BLOCK_COMPRESSION = 1


class Sheet:
    def __init__(self, worksheet: WriteOnlyWorksheet):
        self._sheet = worksheet
        self._rows = 0
        self._block: list[str] | None = None
        self._quoted_style: int | None = None

    def width(self, column: str, width: float) -> None:
        # The stubs leave out the dimensions a write-only sheet copies from Worksheet when it is set up.
        self._sheet.column_dimensions[column].width = width  # type: ignore[attr-defined]

    def widths(self, widths: Iterable[float]) -> None:
        for number, width in enumerate(widths):
            self.width(chr(ord("A") + number), width)

    def freeze_header(self, rows: int = 1) -> None:
        self._sheet.freeze_panes = f"A{rows + 1}"

    def cell(self, value: object, bold: bool = False, size: int | None = None) -> Cell:
        value = storable(value)
        # openpyxl takes every cell value here (numbers, dates, booleans, ...); the stubs list fewer than Cell does.
        cell = WriteOnlyCell(self._sheet, value=value)  # type: ignore[arg-type]
        if reads_as_formula(value):
            cell.data_type = "s"
            cell.quotePrefix = True
        if bold or size:
            cell.font = Font(bold=bold, size=size)
        return cell

    def bold(self, value: object, size: int | None = None) -> Cell:
        return self.cell(value, bold=True, size=size)

    def append(self, values: Iterable[object] = ()) -> None:
        # Cleaned before the formula check: "\x01=SUM(A1)" loses its control character and then reads as a formula.
        self._streamed([self.cell(v) if reads_as_formula(v) else v for v in map(storable, values)])

    def heading(self, values: Iterable[object], size: int | None = None) -> None:
        self._streamed([self.bold(v, size) for v in values])

    def _streamed(self, row: list[object]) -> None:
        if self._block is not None:
            raise ValueError("A block must be a sheet's last rows.")
        self._sheet.append(row)
        self._rows += 1

    def block(self, rows: Iterable[Sequence[object]]) -> None:
        """Rows of plain values (str, int, float, Decimal, bool; None or "" for a blank cell), after any appended
        rows and as the sheet's last: nothing can be appended after them."""
        if self._block is not None:
            raise ValueError("A sheet has at most one block.")
        lines: list[str] = []  # a row's XML each
        letters: list[str] = []
        number = self._rows
        for values in rows:
            number += 1
            while len(letters) < len(values):
                letters.append(get_column_letter(len(letters) + 1))
            parts = [f'<row r="{number}">']
            for letter, value in zip(letters, values):
                if value is None or value == "":  # as openpyxl: an empty text is a blank cell
                    continue
                kind = type(value)
                if kind is int:
                    parts.append(f'<c r="{letter}{number}"><v>{value}</v></c>')
                elif isinstance(value, str):
                    parts.append(self._text_cell(f"{letter}{number}", value))
                else:
                    parts.append(self._other_cell(f"{letter}{number}", value))
            parts.append("</row>")
            lines.append("".join(parts))
        self._rows = number
        self._block = lines

    def _text_cell(self, reference: str, value: str) -> str:
        value = storable_text(value)
        style = f' s="{self._quoted()}"' if reads_as_formula(value) else ""
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{reference}"{style} t="inlineStr"><is><t{space}>{value.translate(_ESCAPES)}</t></is></c>'

    def _other_cell(self, reference: str, value: object) -> str:
        if isinstance(value, bool):
            return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, str):
            return self._text_cell(reference, value)
        if isinstance(value, int | float | Decimal):
            if not math.isfinite(value):
                raise ValueError(f"{value} cannot be written to a workbook.")
            return f'<c r="{reference}"><v>{value}</v></c>'
        raise TypeError(f"A block holds text, numbers and booleans, not {type(value).__name__}: append such rows.")

    def _quoted(self) -> int:
        """The cell style of formula-like text, as `cell` sets it (openpyxl adds it to the workbook's styles)."""
        if self._quoted_style is None:
            cell = WriteOnlyCell(self._sheet, value="")
            cell.quotePrefix = True
            self._quoted_style = cell.style_id
        return self._quoted_style


class Book:
    def __init__(self, title: str | None = None):
        self._book = Workbook(write_only=True)
        self._sheets: list[Sheet] = []
        if title:
            self._book.properties.title = storable_text(title)  # the document's properties are XML too

    def sheet(self, title: str) -> Sheet:
        sheet = Sheet(self._book.create_sheet(title))
        self._sheets.append(sheet)
        return sheet

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self._book.save(out)
        blocks = {s._sheet.path.lstrip("/"): s._block for s in self._sheets if s._block}
        return _with_blocks(out.getvalue(), blocks) if blocks else out.getvalue()


def _with_blocks(saved: bytes, blocks: dict[str, list[str]]) -> bytes:
    """The saved workbook with each block's rows at the end of its sheet's data."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=_BLOCK_COMPRESSION) as target,
    ):
        for entry in source.infolist():
            content = source.read(entry)
            block = blocks.get(entry.filename)
            if block is None:
                target.writestr(entry, content)  # as openpyxl compressed it
                continue
            xml = content.decode()
            if "</sheetData>" in xml:
                start, found, end = xml.rpartition("</sheetData>")
            else:
                start, found, end = xml.partition("<sheetData/>")
                start += "<sheetData>"
            if not found:
                raise ValueError(f"No sheet data in {entry.filename}.")
            with target.open(entry.filename, "w") as part:  # row by row: never the whole sheet in one string
                part.write(start.encode())
                for line in block:
                    part.write(line.encode())
                part.write(("</sheetData>" + end).encode())
    return out.getvalue()
