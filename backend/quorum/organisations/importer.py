"""Importing a CCG's practices and list sizes from .xlsx or .csv: all rows or none."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from quorum import spreadsheet_reader
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.database import Db
from quorum.errors import input_error
from quorum.files import inspection
from quorum.organisations.policy import visible_practices
from quorum.organisations.service import administered_ccg, practice_errors
from quorum.organisations.tables import Practice
from quorum.spreadsheet_reader import Table

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
COLUMNS = ("ods_code", "name", "list_size", "locality")


@dataclass
class RowError:
    row: int
    message: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    row_errors: list[RowError] | None = None


async def read_table(filename: str, content: bytes, max_rows: int) -> Table:
    """The file's rows as text, header included. Raises InputErrors for a file we cannot read."""
    if len(content) > MAX_BYTES:
        raise input_error("contentBase64", f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if suffix not in ("xlsx", "csv"):
        raise input_error("filename", "Upload an .xlsx or .csv file.")
    if suffix == "xlsx":
        if not content.startswith(b"PK\x03\x04"):
            raise input_error("contentBase64", "That file is not an Excel (.xlsx) workbook.")
        if inspection.kind_of(content) == inspection.EXCEL:
            inspection.refuse_active_office("contentBase64", content)
    try:
        return await spreadsheet_reader.read_table(suffix, content, max_rows)
    except spreadsheet_reader.Unreadable as refused:
        raise input_error("contentBase64", str(refused)) from None


def parse(table: Table) -> tuple[list[tuple[int, dict]], list[RowError]]:
    if not table.rows:
        raise input_error("contentBase64", "The file is empty.")
    header = [h.strip().lower().replace(" ", "_") for h in table.rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        named = f"The first row must name the columns {', '.join(COLUMNS)}; missing: {', '.join(missing)}."
        raise input_error("contentBase64", named)
    if len(table.rows) - 1 > MAX_ROWS:
        raise input_error("contentBase64", f"The file has more than {MAX_ROWS} practices.")
    index = {c: header.index(c) for c in COLUMNS}
    parsed, errors, seen = [], [], set()
    for number, row in zip(table.numbers[1:], table.rows[1:]):
        if number in table.formulas:
            errors += [RowError(number, message) for message in table.formula_errors(number)]
            continue
        cells = {c: row[i] if i < len(row) else "" for c, i in index.items()}
        ods_code = cells["ods_code"].upper()
        list_size = _whole_number(cells["list_size"])
        if list_size is None:
            errors.append(RowError(number, f"list_size {cells['list_size']!r} is not a whole number."))
            continue
        problems = practice_errors(
            ods_code=ods_code, name=cells["name"], list_size=list_size, locality=cells["locality"]
        )
        if ods_code in seen:
            errors.append(RowError(number, f"{ods_code} appears more than once in the file."))
        errors += [RowError(number, p.message) for p in problems]
        seen.add(ods_code)
        parsed.append((number, {**cells, "ods_code": ods_code, "list_size": list_size}))
    return parsed, errors


async def import_practices(db: Db, access: Access, org_id: uuid.UUID, filename: str, content: bytes) -> ImportResult:
    await administered_ccg(db, access, org_id)
    rows, row_errors = parse(await read_table(filename, content, MAX_ROWS))
    if row_errors:
        return ImportResult(row_errors=row_errors)
    existing = {p.ods_code: p for p in await db.all(visible_practices(access, org_id))}
    result = ImportResult(row_errors=[])
    savepoint = await db.session.begin_nested()
    for number, cells in rows:
        practice = existing.get(cells["ods_code"])
        before = snapshot(practice)
        if practice is None:
            practice = Practice(org_id=org_id, ods_code=cells["ods_code"], name="", list_size=0, locality="")
        practice.name, practice.list_size, practice.locality = cells["name"], cells["list_size"], cells["locality"]
        try:
            await db.add(practice)
        except IntegrityError:
            result.row_errors.append(RowError(number, f"{cells['ods_code']} is registered to another organisation."))
            continue
        if before is None:
            result.created += 1
            await record(db, access, "practice.import.create", practice, org_id=org_id)
        elif before != snapshot(practice):
            result.updated += 1
            await record(db, access, "practice.import.update", practice, org_id=org_id, before=before)
    if result.row_errors:
        await savepoint.rollback()
        return ImportResult(row_errors=result.row_errors)
    await savepoint.commit()
    return result


def _whole_number(text: str) -> int | None:
    # Spreadsheets hand back 1234 as "1234.0".
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return int(value) if value.is_integer() else None
