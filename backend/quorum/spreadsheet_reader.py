"""Reading an uploaded .xlsx or .csv into rows of text, in a separate process with limits.

A workbook is a ZIP archive: a few hundred kilobytes can unpack to gigabytes of XML, and openpyxl parses in
pure Python. So the parsing never runs in the server's process: `read_table` starts
`python -m quorum.spreadsheet_reader`, hands it the bytes, and kills it if it has not answered within
`SECONDS`. Before openpyxl sees a workbook, the child adds up the unpacked sizes the archive declares, then
unpacks every member counting the bytes it really gets, and refuses the file past `MAX_UNPACKED`. It stops
reading after the caller's row limit (plus one row, so the caller can say the file is too long).

Formula cells are not read as values (the value a formula shows is whatever the spreadsheet last computed,
or nothing): each is named in `Table.formulas` so the import can say which cell to fix.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sys
import weakref
import zipfile
from dataclasses import dataclass, field
from typing import Any

MAX_UNPACKED = 25 * 1024 * 1024
MAX_MEMBERS = 500
MAX_COLUMNS = 60
SECONDS = 10.0
CONCURRENT = 2  # readers per server process; other imports wait their turn
MEMORY = 1024 * 1024 * 1024  # the child's address space

DAMAGED = "That Excel workbook could not be read; is it damaged?"
TOO_BIG = (
    f"That workbook unpacks to more than {MAX_UNPACKED // (1024 * 1024)} MB, far more than a list of this kind "
    "needs; nothing was imported."
)
BUSY = "Files cannot be read just now; try again in a minute. Nothing was imported."
TOO_SLOW = f"That file took more than {SECONDS:.0f} seconds to read, so it was refused; nothing was imported."


class Unreadable(Exception):
    """A file refused, with the sentence to show the uploader."""


@dataclass
class Table:
    rows: list[list[str]]  # the rows with any text, header first, each cell as text
    numbers: list[int]  # each row's number in the sheet (or the CSV record's number)
    formulas: dict[int, list[str]] = field(default_factory=dict)  # row number -> cells holding formulas

    def formula_errors(self, number: int) -> list[str]:
        return [f"Cell {cell} holds a formula; enter the value itself." for cell in self.formulas.get(number, [])]


_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


async def read_table(kind: str, content: bytes, max_rows: int) -> Table:
    """`kind` is "xlsx" or "csv"; at most `max_rows` + 1 rows after the header are returned."""
    turns = _turns.setdefault(asyncio.get_running_loop(), asyncio.Semaphore(CONCURRENT))
    async with turns:
        try:
            child = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "quorum.spreadsheet_reader",
                kind,
                str(max_rows),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.DEVNULL,
            )
        except OSError:  # no process to be had just now (a limit on processes, say)
            raise Unreadable(BUSY) from None
        try:
            out, _ = await asyncio.wait_for(child.communicate(content), SECONDS)
        except TimeoutError:
            raise Unreadable(TOO_SLOW) from None
        finally:
            if child.returncode is None:
                child.kill()
                await child.wait()
    try:
        answer = json.loads(out)
    except ValueError:
        raise Unreadable(_damaged(kind)) from None  # the child died: out of memory, say
    if "refused" in answer:
        raise Unreadable(answer["refused"])
    return Table(answer["rows"], answer["numbers"], {int(k): v for k, v in answer["formulas"].items()})


def _damaged(kind: str) -> str:
    return DAMAGED if kind == "xlsx" else "That CSV file could not be read."


# Below: the child process.


def _refuse_if_unpacked_too_big(content: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(content))
    members = archive.infolist()
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise Unreadable(TOO_BIG)
    unpacked = 0
    for member in members:
        with archive.open(member) as stream:
            while chunk := stream.read(1024 * 1024):
                unpacked += len(chunk)
                if unpacked > MAX_UNPACKED:
                    raise Unreadable(TOO_BIG)


def _cell_text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _read_xlsx(content: bytes, max_rows: int) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    _refuse_if_unpacked_too_big(content)
    sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=False).worksheets[0]
    # The declared dimensions may claim 16,384 columns for one cell; read no more than a list needs.
    columns = min(sheet.max_column or MAX_COLUMNS, MAX_COLUMNS)
    table = Table([], [])
    for number, row in enumerate(sheet.iter_rows(min_row=1, max_col=columns), start=1):
        texts, formulas = [], []
        for column, cell in enumerate(row, start=1):
            if getattr(cell, "data_type", None) == "f":
                formulas.append(f"{get_column_letter(column)}{number}")
                texts.append("")
            else:
                texts.append(_cell_text(cell.value))
        if not any(texts) and not formulas:
            continue
        table.rows.append(texts)
        table.numbers.append(number)
        if formulas:
            table.formulas[number] = formulas
        if len(table.rows) > max_rows + 1:
            break
    return table


def _read_csv(content: bytes, max_rows: int) -> Table:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable("That CSV file is not UTF-8 text.") from None
    if "\x00" in text:
        raise Unreadable("That CSV file is not text.")
    table = Table([], [])
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        texts = [cell.strip() for cell in row[:MAX_COLUMNS]]
        if any(texts):
            table.rows.append(texts)
            table.numbers.append(number)
            if len(table.rows) > max_rows + 1:
                break
    return table


def _main(kind: str, max_rows: int) -> dict[str, Any]:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    content = sys.stdin.buffer.read()
    try:
        read = _read_xlsx if kind == "xlsx" else _read_csv
        table = read(content, max_rows)
    except Unreadable as refused:
        return {"refused": str(refused)}
    except Exception:  # noqa: BLE001 - whatever a hostile file makes the parsers raise, it is not readable
        return {"refused": _damaged(kind)}
    return {"rows": table.rows, "numbers": table.numbers, "formulas": table.formulas}


if __name__ == "__main__":
    json.dump(_main(sys.argv[1], int(sys.argv[2])), sys.stdout)
