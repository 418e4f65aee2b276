"""The register of interests as an .xlsx workbook, and importing one: every row or none.

The export's columns are the import's, so a register exported, corrected and imported elsewhere reads back.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from quorum import clock, spreadsheets
from quorum.access import Access
from quorum.audit.service import record
from quorum.auth.identity import Refused, caller, transaction_for
from quorum.database import Db
from quorum import ids
from quorum.errors import ClientError, InputErrors, input_error
from quorum.interests import rules
from quorum.interests.service import Entry, entry_errors, keeps_register, known_for, new_interest, register_of, visible_interests
from quorum.interests.tables import Interest, InterestCategory
from quorum.organisations.importer import RowError, read_table
from quorum.people.tables import Person
from quorum.files.download import download_response

MAX_ROWS = 2000
CATEGORY_WORDS = {
    InterestCategory.FINANCIAL: "Financial",
    InterestCategory.NON_FINANCIAL_PROFESSIONAL: "Non-financial professional",
    InterestCategory.NON_FINANCIAL_PERSONAL: "Non-financial personal",
    InterestCategory.INDIRECT: "Indirect",
}
# (heading, key): the import reads the key's column, whatever the heading's case and punctuation.
COLUMNS = [
    ("Name", "name"), ("Email", "email"), ("Category", "category"), ("Description", "description"),
    ("Concerns (ODS codes)", "concerns_ods_codes"), ("Interest from", "interest_from"), ("Interest to", "interest_to"),
    ("Action taken", "action_taken"), ("Became aware on", "became_aware_on"), ("Declared on", "declared_on"),
    ("Declared late", "declared_late"), ("Withheld from publication", "withheld_from_publication"),
]
REQUIRED = ("email", "category", "description", "interest_from")


def key_of(heading: str) -> str:
    return re.sub(r"[^a-z]+", "_", heading.lower()).strip("_")


def workbook(title: str, rows: list[list]) -> bytes:
    book = spreadsheets.Book(title)
    sheet = book.sheet("Register of interests")
    sheet.widths([26, 34, 26, 50, 24, 14, 14, 40, 16, 14, 12, 14])
    sheet.freeze_header()
    sheet.heading([heading for heading, _ in COLUMNS])
    for row in rows:
        sheet.append(row)
    return book.to_bytes()


async def export_rows(db: Db, access: Access, org_id: uuid.UUID) -> list[list]:
    interests = await db.all(
        visible_interests(access).where(Interest.org_id == org_id).order_by(Interest.person_id, Interest.valid_from)
    )
    known = await known_for(db, access, org_id)
    names = dict(await db.all(select(Person.id, Person.name).where(Person.id.in_({i.person_id for i in interests}))))
    codes = known.organisations | known.practices
    rows = [
        [
            names.get(i.person_id, ""), known.people.get(i.person_id, ""), CATEGORY_WORDS[InterestCategory(i.category)],
            i.description, "; ".join(codes.get(c, "") for c in [*i.concerns_org_ids, *i.concerns_practice_ids]),
            i.valid_from, i.valid_to, i.action_taken, i.became_aware_on, i.declared_on,
            "Yes" if rules.declared_late(i.became_aware_on, i.declared_on) else "No", "Yes" if i.withheld else "No",
        ]
        for i in interests
    ]
    return sorted(rows, key=lambda r: (r[0], r[5]))


async def export_register(request: Request) -> Response:
    """GET /exports/interests.xlsx?organisation=ID: the register as the caller may see it."""
    try:
        identity = caller(request, changes_state=False)
        org_id = ids.expect("Organisation", request.query_params.get("organisation", ""))
    except Refused as refused:
        return refused.response
    except ClientError as error:
        return PlainTextResponse(str(error), status_code=400)
    async with transaction_for(identity) as (db, access):
        try:
            organisation = await register_of(db, access, org_id)
        except InputErrors:
            return PlainTextResponse("No such organisation.", status_code=404)
        rows = await export_rows(db, access, org_id)
    content = workbook(f"Register of interests: {organisation.name}", rows)
    filename = f"interests-{organisation.ods_code}-{clock.today().isoformat()}.xlsx"
    return download_response(content, media_type=spreadsheets.XLSX, filename=filename)


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
    if not keeps_register(access, org_id):
        raise input_error(None, f"Only the board secretary or an administrator of {organisation.name} can import the register.")
    table = await read_table(filename, content, MAX_ROWS)
    rows = table.rows
    if not rows:
        raise input_error("contentBase64", "The file is empty.")
    header = [key_of(h) for h in rows[0]]
    missing = [heading for heading, key in COLUMNS if key in REQUIRED and key not in header]
    if missing:
        raise input_error("contentBase64", f"The first row must name the columns {', '.join(h for h, k in COLUMNS if k in REQUIRED)}; missing: {', '.join(missing)}.")
    if len(rows) - 1 > MAX_ROWS:
        raise input_error("contentBase64", f"The file has more than {MAX_ROWS:,} entries.")
    known = await known_for(db, access, org_id)
    by_code = {code: ("org", i) for i, code in known.organisations.items()} | {code: ("practice", i) for i, code in known.practices.items()}
    today = clock.today()
    entries, errors = [], []
    for number, row in zip(table.numbers[1:], rows[1:]):
        if number in table.formulas:
            errors += [RowError(number, message) for message in table.formula_errors(number)]
            continue
        cells = {key: (row[header.index(key)] if key in header and header.index(key) < len(row) else "") for _, key in COLUMNS}
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
            person_id=person_id, category=category, description=cells["description"],
            concerns_org_ids=tuple(by_code[c][1] for c in codes if by_code[c][0] == "org"),
            concerns_practice_ids=tuple(by_code[c][1] for c in codes if by_code[c][0] == "practice"),
            valid_from=dates["interest_from"], valid_to=dates["interest_to"], action_taken=cells["action_taken"],
            became_aware_on=dates["became_aware_on"], declared_on=dates["declared_on"],
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
        raise input_error("contentBase64", "The register changed while importing; nothing was imported. Try again.") from None
    await savepoint.commit()
    return ImportResult(created=len(entries), row_errors=[])
