"""Importing indicator values per practice and period from .xlsx or .csv: every row or none.

The file is read and its formula cells refused as the practice import does (`organisations.importer.read_table`).
Columns: ods_code, indicator_code, period, value; optionally numerator, denominator, and for an indicator the CCG
does not follow yet, indicator_name, unit and higher_is_better.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select

from quorum.access import Access
from quorum.audit.service import record
from quorum.database import Db
from quorum.errors import input_error
from quorum.indicators.periods import parse_period
from quorum.indicators.policy import can_import
from quorum.indicators.tables import Indicator, IndicatorValue
from quorum.organisations.importer import RowError, read_table
from quorum.organisations.policy import visible_practices
from quorum.organisations.service import get_organisation
from quorum.organisations.tables import OrganisationKind
from quorum.spreadsheet_reader import Table

MAX_ROWS = 20000
REQUIRED = ("ods_code", "indicator_code", "period", "value")
OPTIONAL = ("numerator", "denominator", "indicator_name", "unit", "higher_is_better")
CODE_CHARACTERS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
TRUE, FALSE = {"yes", "true", "y", "1", ""}, {"no", "false", "n", "0"}


@dataclass
class ImportResult:
    imported: int = 0
    indicators_created: int = 0
    row_errors: list[RowError] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    number: int
    ods_code: str
    indicator_code: str
    period: tuple
    value: float
    numerator: float | None
    denominator: float | None
    definition: tuple[str, str, bool] | None  # name, unit, higher is better


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "").removesuffix("%").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _definition(cells: dict[str, str], number: int, errors: list[RowError]) -> tuple[str, str, bool] | None:
    name = cells.get("indicator_name", "").strip()
    if not name:
        return None
    better = cells.get("higher_is_better", "").strip().lower()
    if better not in TRUE | FALSE:
        errors.append(RowError(number, f"higher_is_better {better!r} is not yes or no."))
    if len(name) > 200 or len(cells.get("unit", "")) > 40:
        errors.append(RowError(number, "Keep indicator_name to 200 characters and unit to 40."))
    return name, cells.get("unit", "").strip(), better not in FALSE


def parse(table: Table) -> tuple[list[Row], list[RowError]]:
    if not table.rows:
        raise input_error("contentBase64", "The file is empty.")
    header = [h.strip().lower().replace(" ", "_") for h in table.rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        named = f"The first row must name the columns {', '.join(REQUIRED)}; missing: {', '.join(missing)}."
        raise input_error("contentBase64", named)
    if len(table.rows) - 1 > MAX_ROWS:
        raise input_error("contentBase64", f"The file has more than {MAX_ROWS} rows.")
    index = {c: header.index(c) for c in REQUIRED + OPTIONAL if c in header}
    rows: list[Row] = []
    errors: list[RowError] = []
    seen: dict[tuple, int] = {}
    for number, raw in zip(table.numbers[1:], table.rows[1:]):
        if number in table.formulas:
            errors += [RowError(number, message) for message in table.formula_errors(number)]
            continue
        cells = {c: (raw[i] if i < len(raw) else "").strip() for c, i in index.items()}
        before = len(errors)
        ods_code, code = cells["ods_code"].upper(), cells["indicator_code"].upper()
        if not code or len(code) > 40 or not set(code) <= CODE_CHARACTERS:
            errors.append(RowError(number, f"indicator_code {cells['indicator_code']!r} is not a code like QOF_DM."))
        period = parse_period(cells["period"])
        if period is None:
            errors.append(
                RowError(number, f"period {cells['period']!r} is not a month (2024-03), quarter (2024-Q1) or year.")
            )
        value = _number(cells["value"])
        if value is None:
            errors.append(RowError(number, f"value {cells['value']!r} is not a number."))
        numerator, denominator = (
            _number(cells.get(c, "")) if cells.get(c) else None for c in ("numerator", "denominator")
        )
        for column, parsed in (("numerator", numerator), ("denominator", denominator)):
            if cells.get(column) and parsed is None:
                errors.append(RowError(number, f"{column} {cells[column]!r} is not a number."))
        if denominator is not None and denominator <= 0:
            errors.append(RowError(number, "denominator must be more than 0."))
        definition = _definition(cells, number, errors)
        key = (ods_code, code, period)
        if key in seen:
            errors.append(RowError(number, f"{ods_code} {code} {cells['period']} is also on row {seen[key]}."))
        seen.setdefault(key, number)
        if len(errors) == before and period is not None and value is not None:
            rows.append(Row(number, ods_code, code, period, value, numerator, denominator, definition))
    return rows, errors


async def import_indicators(db: Db, access: Access, org_id: uuid.UUID, filename: str, content: bytes) -> ImportResult:
    organisation = await get_organisation(db, access, org_id)
    if organisation is None or not can_import(access, org_id):
        raise input_error("organisationId", "Only the CCG's governance officers import its indicators.")
    if organisation.kind != OrganisationKind.CCG:
        raise input_error("organisationId", "Indicators are imported for a CCG's practices.")
    rows, errors = parse(await read_table(filename, content, MAX_ROWS))
    practices = {p.ods_code: p.id for p in await db.all(visible_practices(access, org_id))}
    indicators = {i.code: i for i in await db.all(select(Indicator).where(Indicator.org_id == org_id))}
    new: dict[str, Indicator] = {}
    for row in rows:
        if row.ods_code not in practices:
            errors.append(RowError(row.number, f"{row.ods_code!r} is not one of {organisation.name}'s practices."))
        if row.indicator_code not in indicators and row.indicator_code not in new:
            if row.definition is None:
                errors.append(
                    RowError(row.number, f"{row.indicator_code} is a new indicator: give its indicator_name.")
                )
                continue
            name, unit, better = row.definition
            new[row.indicator_code] = Indicator(
                org_id=org_id, code=row.indicator_code, name=name, unit=unit, higher_is_better=better
            )
    if errors:
        return ImportResult(row_errors=sorted(errors, key=lambda e: e.row))
    for indicator in new.values():
        await db.add(indicator)
        await record(db, access, "indicator.create", indicator, org_id=org_id)
        indicators[indicator.code] = indicator
    values = [
        {
            "org_id": org_id,
            "id": uuid.uuid4(),
            "indicator_id": indicators[r.indicator_code].id,
            "practice_id": practices[r.ods_code],
            "period_kind": r.period[0].value,
            "period_start": r.period[1],
            "value": r.value,
            "numerator": r.numerator,
            "denominator": r.denominator,
        }
        for r in rows
    ]
    for start in range(0, len(values), 1000):
        statement = insert(IndicatorValue).values(values[start : start + 1000])
        await db.execute(
            statement.on_conflict_do_update(
                index_elements=["org_id", "indicator_id", "practice_id", "period_kind", "period_start"],
                set_={c: statement.excluded[c] for c in ("value", "numerator", "denominator")},
            )
        )
    for code in sorted({r.indicator_code for r in rows}):
        await record(db, access, "indicator.import", indicators[code], org_id=org_id)
    return ImportResult(imported=len(values), indicators_created=len(new))
