"""Importing a register of interests from a spreadsheet (.xlsx or .csv): every row or none.

It reads the columns the export writes (`workbook.COLUMNS`), so a register exported, corrected and imported
elsewhere reads back.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record
from quorum.database import Db
from quorum.errors import input_error
from quorum.interests.policy import can_keep_register
from quorum.interests.service import Entry, entry_errors, known_for, new_interest, register_of
from quorum.interests.tables import InterestCategory
from quorum.interests.workbook import CATEGORY_WORDS, COLUMNS
from quorum.organisations.importer import RowError, read_table

MAX_ROWS = 2000
REQUIRED = ("email", "category", "description", "interest_from")


def key_of(heading: str) -> str:
    return re.sub(r"[^a-z]+", "_", heading.lower()).strip("_")


@dataclass
class ImportResult:
    created: int = 0
    row_errors: list[RowError] | None = None


def _date(text: str) -> date | None:
    """ISO dates, spreadsheet date-times, and English day/month/year."""
    text = text.strip()
    for parse in (
        lambda t: date.fromisoformat(t[:10]),
        lambda t: datetime.strptime(t, "%d/%m/%Y").date(),
        lambda t: datetime.strptime(t, "%d %B %Y").date(),
    ):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


def _category(text: str) -> InterestCategory | None:
    try:
        return InterestCategory(re.sub(r"[^A-Z]+", "_", text.upper()).strip("_"))
    except ValueError:
        return None


async def import_register(db: Db, access: Access, org_id: uuid.UUID, filename: str, content: bytes) -> ImportResult:
    organisation = await register_of(db, access, org_id)
    if not can_keep_register(access, org_id):
        raise input_error(
            None, f"Only the board secretary or an administrator of {organisation.name} can import the register."
        )
    table = await read_table(filename, content, MAX_ROWS)
    rows = table.rows
    if not rows:
        raise input_error("contentBase64", "The file is empty.")
    header = [key_of(h) for h in rows[0]]
    missing = [heading for heading, key in COLUMNS if key in REQUIRED and key not in header]
    if missing:
        required = ", ".join(h for h, k in COLUMNS if k in REQUIRED)
        raise input_error(
            "contentBase64", f"The first row must name the columns {required}; missing: {', '.join(missing)}."
        )
    if len(rows) - 1 > MAX_ROWS:
        raise input_error("contentBase64", f"The file has more than {MAX_ROWS:,} entries.")
    known = await known_for(db, access, org_id)
    by_code = {code: ("org", i) for i, code in known.organisations.items()}
    by_code |= {code: ("practice", i) for i, code in known.practices.items()}
    today = clock.today()
    entries, errors = [], []
    for number, row in zip(table.numbers[1:], rows[1:]):
        if number in table.formulas:
            errors += [RowError(number, message) for message in table.formula_errors(number)]
            continue
        cells = {
            key: (row[header.index(key)] if key in header and header.index(key) < len(row) else "")
            for _, key in COLUMNS
        }
        problems = []
        person_id = known.person_by_email(cells["email"])
        if person_id is None:
            problems.append(f"No one with the email {cells['email']!r} is registered with {organisation.name}.")
        category = _category(cells["category"])
        if category is None:
            problems.append(f"Category {cells['category']!r} is not one of: {', '.join(CATEGORY_WORDS.values())}.")
        dates = {}
        for key in ("interest_from", "interest_to", "became_aware_on", "declared_on"):
            dates[key] = _date(cells[key]) if cells[key] else None
            if cells[key] and dates[key] is None:
                problems.append(f"{dict((k, h) for h, k in COLUMNS)[key]} {cells[key]!r} is not a date.")
        codes = [c.strip().upper() for c in re.split(r"[;,]", cells["concerns_ods_codes"]) if c.strip()]
        unknown = [c for c in codes if c not in by_code]
        if unknown:
            problems.append(f"No organisation or practice you can see has the code {', '.join(unknown)}.")
        if problems:
            errors += [RowError(number, p) for p in problems]
            continue
        entry = Entry(
            person_id=person_id,
            category=category,
            description=cells["description"],
            concerns_org_ids=tuple(by_code[c][1] for c in codes if by_code[c][0] == "org"),
            concerns_practice_ids=tuple(by_code[c][1] for c in codes if by_code[c][0] == "practice"),
            valid_from=dates["interest_from"],
            valid_to=dates["interest_to"],
            action_taken=cells["action_taken"],
            became_aware_on=dates["became_aware_on"],
            declared_on=dates["declared_on"],
            withheld=cells["withheld_from_publication"].strip().lower() in ("yes", "y", "true", "1"),
        )
        entry_problems, entry = entry_errors(entry, known, today)
        errors += [RowError(number, p.message) for p in entry_problems]
        entries.append(entry)
    if errors:
        return ImportResult(row_errors=errors)
    savepoint = await db.session.begin_nested()
    try:
        for entry in entries:
            interest = new_interest(org_id, entry, access.person_id)
            await db.add(interest, refresh=False)
            await record(db, access, "interest.import", interest, org_id=org_id)
    except IntegrityError:
        await savepoint.rollback()
        changed = "The register changed while importing; nothing was imported. Try again."
        raise input_error("contentBase64", changed) from None
    await savepoint.commit()
    return ImportResult(created=len(entries), row_errors=[])
