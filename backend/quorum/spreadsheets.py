"""Writing .xlsx workbooks that cannot run anything when opened: every export goes through here.

Text a spreadsheet would read as a formula (OWASP's CSV injection list: a leading `=`, `+`, `-`, `@`, tab
or carriage return) is written as a string cell, explicitly typed so openpyxl never writes a formula, with
Excel's quote prefix set: the cell shows exactly the text that was entered, and editing it keeps it text.
Nothing is added to the text, so an export read back by an import gives the same names. Numbers, dates
and booleans are written as they are.

Workbooks are written in openpyxl's write-only mode (rows streamed, never held as cell objects): set a
sheet's widths and frozen header before its first row.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def reads_as_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_LEADS)


CELL_CHARACTERS = 32_767  # Excel's limit: a longer cell makes it report the whole file as damaged


def storable(value: object) -> object:
    """Text without the control characters a workbook cannot hold (openpyxl refuses them outright), and no longer
    than a cell can hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:CELL_CHARACTERS] if isinstance(value, str) else value


class Sheet:
    def __init__(self, worksheet):
        self._sheet = worksheet

    def width(self, column: str, width: float) -> None:
        self._sheet.column_dimensions[column].width = width

    def widths(self, widths: Iterable[float]) -> None:
        for number, width in enumerate(widths):
            self.width(chr(ord("A") + number), width)

    def freeze_header(self, rows: int = 1) -> None:
        self._sheet.freeze_panes = f"A{rows + 1}"

    def cell(self, value: object, bold: bool = False, size: int | None = None) -> WriteOnlyCell:
        value = storable(value)
        cell = WriteOnlyCell(self._sheet, value=value)
        if reads_as_formula(value):
            cell.data_type = "s"
            cell.quotePrefix = True
        if bold or size:
            cell.font = Font(bold=bold, size=size)
        return cell

    def bold(self, value: object, size: int | None = None) -> WriteOnlyCell:
        return self.cell(value, bold=True, size=size)

    def append(self, values: Iterable[object] = ()) -> None:
        # Cleaned before the formula check: "\x01=SUM(A1)" loses its control character and then reads as a formula.
        self._sheet.append([self.cell(v) if reads_as_formula(v) else v for v in map(storable, values)])

    def heading(self, values: Iterable[object], size: int | None = None) -> None:
        self._sheet.append([self.bold(v, size) for v in values])


class Book:
    def __init__(self, title: str | None = None):
        self._book = Workbook(write_only=True)
        if title:
            self._book.properties.title = storable(title)  # the document's properties are XML too

    def sheet(self, title: str) -> Sheet:
        return Sheet(self._book.create_sheet(title))

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self._book.save(out)
        return out.getvalue()
