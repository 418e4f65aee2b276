"""Imports: formula cells named, text that only looks like a formula kept as text, and files refused within
limits (unpacked size, rows, time) by a reader in its own process, with nothing written."""

from __future__ import annotations

import base64
import io
import time

import pytest
from openpyxl import Workbook

from quorum import spreadsheet_reader, spreadsheets
from quorum.files import inspection
from tests.organisations.test_practice_import import bolton_practices, run_import
from tests.spreadsheets import bombs
from tests.spreadsheets.hostile import CALC, LINK
from tests.support import BOLTON_ADMIN, SHARED_CFO, as_person, global_id, owner_fetch

IMPORT_INTERESTS = """mutation($input: ImportInterestsInput!) {
  importInterests(input: $input) { created rowErrors { row message } errors { field message } } }"""
BOLTON = "SELECT id FROM organisation WHERE ods_code = '00T'"


def with_formulas(rows: list[list]) -> bytes:
    """openpyxl writes text beginning with "=" as a formula, as a spreadsheet program saves one."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_formula_cells_are_named_and_nothing_is_imported(client):
    admin = await as_person(client, BOLTON_ADMIN)
    before = await bolton_practices()
    result = await run_import(
        admin,
        "practices.xlsx",
        with_formulas(
            [
                ["ods_code", "name", "list_size", "locality"],
                ["P82970", "Good Practice", 4000, "Bolton Central"],
                ["P82971", '=A2&" branch"', 4000, "Bolton Central"],
                [],
                ["P82972", "Sums Practice", "=1000*4", "=C2"],
                ["P82973", "", 4000, "Bolton Central"],
            ]
        ),
    )
    assert result["created"] == 0 and result["updated"] == 0
    assert [(e["row"], e["message"]) for e in result["rowErrors"]] == [
        (3, "Cell B3 holds a formula; enter the value itself."),
        (5, "Cell C5 holds a formula; enter the value itself."),
        (5, "Cell D5 holds a formula; enter the value itself."),
        (6, "Enter a name."),
    ]
    assert await bolton_practices() == before


async def test_a_formula_in_the_register_of_interests_is_named(client):
    from tests.conduct.support import SECRETARY

    secretary = await as_person(client, SECRETARY)
    content = with_formulas(
        [
            ["Email", "Category", "Description", "Interest from"],
            [SHARED_CFO, "Financial", '=HYPERLINK("http://evil.example","Shares")', "2021-05-01"],
        ]
    )
    result = (
        await secretary.data(
            IMPORT_INTERESTS,
            {
                "input": {
                    "organisationId": await global_id("Organisation", BOLTON),
                    "filename": "register.xlsx",
                    "contentBase64": base64.b64encode(content).decode(),
                }
            },
        )
    )["importInterests"]
    assert result == {
        "created": 0,
        "errors": [],
        "rowErrors": [{"row": 2, "message": "Cell C2 holds a formula; enter the value itself."}],
    }


async def test_text_that_looks_like_a_formula_is_imported_as_the_text(client):
    admin = await as_person(client, BOLTON_ADMIN)
    book = spreadsheets.Book()
    sheet = book.sheet("Practices")
    sheet.append(["ods_code", "name", "list_size", "locality"])
    sheet.append(["P82975", CALC, 4000, LINK])
    result = await run_import(admin, "practices.xlsx", book.to_bytes())
    assert result == {"created": 1, "updated": 0, "rowErrors": [], "errors": []}
    assert (await bolton_practices())["P82975"] == (CALC, 4000, LINK)


async def test_the_reader_stops_after_the_row_limit():
    content = with_formulas(
        [["ods_code", "name", "list_size", "locality"]]
        + [[f"P8{n:04d}", "Practice", 1000, "Bolton"] for n in range(5003)]
    )
    table = await spreadsheet_reader.read_table("xlsx", content, max_rows=5000)
    assert len(table.rows) == 5002 and table.numbers[-1] == 5002


async def test_too_many_rows_is_refused(client):
    admin = await as_person(client, BOLTON_ADMIN)
    csv = (
        "ods_code,name,list_size,locality\n" + "".join(f"P8{n:04d},Practice,1000,Bolton\n" for n in range(5001))
    ).encode()
    result = await run_import(admin, "practices.csv", csv)
    assert result["errors"] == [{"field": "contentBase64", "message": "The file has more than 5000 practices."}]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (bombs.bomb, inspection.ZIP_BOMB),  # the archive says what it unpacks to: refused with every upload
        (
            lambda: bombs.understated(bombs.bomb()),
            spreadsheet_reader.DAMAGED,
        ),  # it lies: unpacking stops at what it claimed
    ],
    ids=["declared", "understated"],
)
async def test_a_decompression_bomb_is_refused_quickly_and_nothing_is_written(client, make, message):
    content = make()
    admin = await as_person(client, BOLTON_ADMIN)
    before = await bolton_practices()
    audit = await owner_fetch("SELECT count(*) FROM audit_entry")
    started = time.monotonic()
    result = await run_import(admin, "practices.xlsx", content)
    assert time.monotonic() - started < 5
    assert result == {
        "created": 0,
        "updated": 0,
        "rowErrors": [],
        "errors": [{"field": "contentBase64", "message": message}],
    }
    assert await bolton_practices() == before and await owner_fetch("SELECT count(*) FROM audit_entry") == audit


async def test_a_reader_that_runs_out_of_time_is_killed(monkeypatch):
    monkeypatch.setattr(spreadsheet_reader, "SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(spreadsheet_reader.Unreadable) as refused:
        await spreadsheet_reader.read_table("xlsx", bombs.slow(), max_rows=5000)
    assert str(refused.value) == spreadsheet_reader.TOO_SLOW and time.monotonic() - started < 3
