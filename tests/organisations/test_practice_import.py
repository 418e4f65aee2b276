"""Importing practices from .xlsx or .csv: every row or none, with a report of each bad row."""

from __future__ import annotations

import base64
import io

from openpyxl import Workbook

from tests.support import BOLTON_ADMIN, BOLTON_SECRETARY, ISLINGTON_SECRETARY, as_person, global_id, owner_fetch

IMPORT = """
mutation($input: ImportPracticesInput!) {
  importPractices(input: $input) { created updated rowErrors { row message } errors { field message } }
}"""
BOLTON = "SELECT id FROM organisation WHERE ods_code = '00T'"


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def run_import(caller, filename: str, content: bytes) -> dict:
    variables = {
        "input": {
            "organisationId": await global_id("Organisation", BOLTON),
            "filename": filename,
            "contentBase64": base64.b64encode(content).decode(),
        }
    }
    return (await caller.data(IMPORT, variables))["importPractices"]


async def bolton_practices() -> dict[str, tuple]:
    rows = await owner_fetch(
        "SELECT p.ods_code, p.name, p.list_size, p.locality FROM practice p JOIN organisation o ON o.id = p.org_id"
        " WHERE o.ods_code = '00T'"
    )
    return {r["ods_code"]: tuple(r)[1:] for r in rows}


async def test_xlsx_import_creates_new_practices_and_updates_list_sizes(client):
    admin = await as_person(client, BOLTON_ADMIN)
    result = await run_import(
        admin,
        "practices.xlsx",
        xlsx(
            [
                ["ODS code", "Name", "List size", "Locality"],
                ["P82950", "Dunstan Road Surgery", 7421, "Bolton Central"],
                ["p82951", "Kearsley Medical Centre", 12003.0, "Farnworth and Kearsley"],
                ["P82004", "Renamed Practice", 5000, "Horwich and Westhoughton"],
            ]
        ),
    )
    assert result == {"created": 2, "updated": 1, "rowErrors": [], "errors": []}
    practices = await bolton_practices()
    assert practices["P82950"] == ("Dunstan Road Surgery", 7421, "Bolton Central")
    assert practices["P82951"] == ("Kearsley Medical Centre", 12003, "Farnworth and Kearsley")
    assert practices["P82004"] == ("Renamed Practice", 5000, "Horwich and Westhoughton")
    actions = await owner_fetch("SELECT action FROM audit_entry WHERE after ->> 'ods_code' IN ('P82950', 'P82004')")
    assert sorted(r["action"] for r in actions) == ["practice.import.create", "practice.import.update"]


async def test_a_file_with_bad_rows_reports_each_and_imports_nothing(client):
    admin = await as_person(client, BOLTON_ADMIN)
    before = await bolton_practices()
    csv = (
        b"ods_code,name,list_size,locality\n"
        b"P82960,Good Practice,4000,Bolton Central\n"
        b"BAD,Bad Code Practice,4000,Bolton Central\n"
        b"P82961,Bad Size Practice,lots,Bolton Central\n"
        b"P82960,Duplicate Practice,4000,Bolton Central\n"
        b"F83001,Islington's practice,4000,Bolton Central\n"
    )
    result = await run_import(admin, "practices.csv", csv)
    assert result["created"] == 0 and result["updated"] == 0
    assert [(e["row"], e["message"]) for e in result["rowErrors"]] == [
        (3, "A practice's ODS code is a letter and five digits, like H84001."),
        (4, "list_size 'lots' is not a whole number."),
        (5, "P82960 appears more than once in the file."),
    ]
    assert await bolton_practices() == before
    # Once the file is otherwise clean, the row naming another CCG's practice is reported and nothing is kept.
    clean = b"ods_code,name,list_size,locality\nP82962,Good Practice,4000,Bolton Central\nF83001,Taken,10,X\n"
    result = await run_import(admin, "practices.csv", clean)
    assert result["rowErrors"] == [{"row": 3, "message": "F83001 is registered to another organisation."}]
    assert await bolton_practices() == before


async def test_files_that_are_not_what_they_claim_are_refused(client):
    admin = await as_person(client, BOLTON_ADMIN)
    cases = {
        ("practices.xlsx", b"ods_code,name\n"): "That file is not an Excel (.xlsx) workbook.",
        ("practices.xlsx", b"PK\x03\x04 not really a zip"): "That Excel workbook could not be read; is it damaged?",
        ("practices.csv", b"\xff\xfe\x00b\x00a\x00d"): "That CSV file is not UTF-8 text.",
        ("practices.pdf", b"%PDF-1.7"): "Upload an .xlsx or .csv file.",
        (
            "practices.csv",
            b"name,list_size\nX,1\n",
        ): "The first row must name the columns ods_code, name, list_size, locality; missing: ods_code, locality.",
        ("practices.csv", b""): "The file is empty.",
        ("practices.csv", b"a" * (2 * 1024 * 1024 + 1)): "The file is larger than 2 MB.",
    }
    for (filename, content), message in cases.items():
        result = await run_import(admin, filename, content)
        assert [e["message"] for e in result["errors"]] == [message], filename


async def test_only_an_administrator_of_the_ccg_may_import(client):
    content = b"ods_code,name,list_size,locality\nP82970,Practice,1,X\n"
    for email, message in [
        (BOLTON_SECRETARY, "You need to be an administrator of NHS Bolton CCG to do this."),
        (ISLINGTON_SECRETARY, "No such organisation."),
    ]:
        result = await run_import(await as_person(client, email), "p.csv", content)
        assert [e["message"] for e in result["errors"]] == [message]
    assert await owner_fetch("SELECT 1 FROM practice WHERE ods_code = 'P82970'") == []
