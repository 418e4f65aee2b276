"""Importing indicator values: every row or none, each bad row named with why; only the CCG's officers import."""

from __future__ import annotations

import base64
import io

from openpyxl import Workbook

from tests.indicators.dashboard import BOLTON, FIONA, stored
from tests.support import (
    BOLTON_SECRETARY,
    ISLINGTON_SECRETARY,
    Caller,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner_fetch,
)

IMPORT = """
mutation($input: ImportIndicatorsInput!) {
  importIndicators(input: $input) { imported indicatorsCreated rowErrors { row message } errors { field message } }
}"""


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def run_import(caller: Caller, filename: str, content: bytes, org: str = BOLTON) -> dict:
    variables = {
        "input": {
            "organisationId": await global_id("Organisation", org),
            "filename": filename,
            "contentBase64": base64.b64encode(content).decode(),
        }
    }
    return (await caller.data(IMPORT, variables))["importIndicators"]


async def every_value() -> list[tuple]:
    rows = await owner_fetch("SELECT indicator_id, practice_id, period_kind, period_start, value FROM indicator_value")
    return sorted(tuple(r) for r in rows)


async def indicator_codes() -> set[str]:
    return {r["code"] for r in await owner_fetch("SELECT code FROM indicator")}


async def test_an_officer_imports_values_and_a_new_indicator_from_xlsx(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    result = await run_import(
        secretary,
        "indicators.xlsx",
        xlsx(
            [
                ["ODS code", "Indicator code", "Period", "Value", "Numerator", "Denominator", "Indicator name", "Unit"],
                ["P82001", "flu_65", "2025-Q4", 78.5, 785, 1000, "Flu vaccination, 65 and over", "%"],
                ["p82002", "FLU_65", "2025-Q4", "81.25%", "", "", "", ""],
                ["P82001", "ABX_STARPU", "2026-03", 0.5, "", "", "", ""],
            ]
        ),
    )
    assert result == {"imported": 3, "indicatorsCreated": 1, "rowErrors": [], "errors": []}
    assert await stored("FLU_65", "QUARTER", "2025-10-01") == {"P82001": 78.5, "P82002": 81.25}
    assert (await stored("ABX_STARPU", "MONTH", "2026-03-01"))["P82001"] == 0.5  # replaced
    [flu] = await owner_fetch("SELECT name, unit, higher_is_better FROM indicator WHERE code = 'FLU_65'")
    assert tuple(flu) == ("Flu vaccination, 65 and over", "%", True)
    actions = await owner_fetch(
        "SELECT action FROM audit_entry WHERE entity_type = 'Indicator' AND after ->> 'code' = 'FLU_65' ORDER BY id"
    )
    assert [r["action"] for r in actions] == ["indicator.create", "indicator.import"]


async def test_a_file_with_bad_rows_names_each_and_changes_nothing(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    before, codes = await every_value(), await indicator_codes()
    csv = (
        b"ods_code,indicator_code,period,value,denominator\n"
        b"P82003,LIST_SIZE,2026-03,9000,\n"  # 2: good
        b"P82003,LIST_SIZE,March 2026,9000,\n"  # 3: period
        b"P82004,LIST_SIZE,2026-03,lots,\n"  # 4: value
        b"F83001,LIST_SIZE,2026-03,9000,\n"  # 5: Islington's practice
        b"P82003,LIST_SIZE,2026-03,9100,\n"  # 6: the same as row 2
        b"P82005,NEW_ONE,2026-03,1,\n"  # 7: a new indicator without a name
        b"P82006,QOF_ACH,2026-Q1,90,0\n"  # 8: denominator 0
        b"P82007,bad code!,2026-03,1,\n"  # 9: code
    )
    result = await run_import(secretary, "indicators.csv", csv)
    assert result["imported"] == 0 and result["errors"] == []
    errors = {e["row"]: e["message"] for e in result["rowErrors"]}
    assert errors == {
        3: "period 'March 2026' is not a month (2024-03), quarter (2024-Q1) or year.",
        4: "value 'lots' is not a number.",
        5: "'F83001' is not one of NHS Bolton CCG's practices.",
        6: "P82003 LIST_SIZE 2026-03 is also on row 2.",
        7: "NEW_ONE is a new indicator: give its indicator_name.",
        8: "denominator must be more than 0.",
        9: "indicator_code 'bad code!' is not a code like QOF_DM.",
    }
    assert await every_value() == before and await indicator_codes() == codes


async def test_formula_cells_are_refused_and_nothing_is_imported(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    before = await every_value()
    result = await run_import(
        secretary,
        "indicators.xlsx",
        xlsx(
            [
                ["ods_code", "indicator_code", "period", "value"],
                ["P82001", "LIST_SIZE", "2026-03", 1],
                ["P82002", "LIST_SIZE", "2026-03", "=1+1"],
                ['=HYPERLINK("http://evil.example","x")', "LIST_SIZE", "2026-03", 2],
            ]
        ),
    )
    assert result["imported"] == 0 and [e["row"] for e in result["rowErrors"]] == [3, 4]
    assert await every_value() == before


async def test_a_file_missing_a_column_or_not_a_spreadsheet_is_refused(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    missing = await run_import(secretary, "i.csv", b"ods_code,period,value\nP82001,2026-03,1\n")
    assert missing["errors"] == [
        {
            "field": "contentBase64",
            "message": "The first row must name the columns ods_code, indicator_code, period, value; missing: "
            "indicator_code.",
        }
    ]
    wrong = await run_import(secretary, "i.pdf", b"%PDF-1.4")
    assert wrong["errors"] == [{"field": "filename", "message": "Upload an .xlsx or .csv file."}]


async def test_only_the_ccg_s_officers_import(client):
    before = await every_value()
    csv = b"ods_code,indicator_code,period,value\nP82001,LIST_SIZE,2026-03,1\n"
    refusal = [{"field": "organisationId", "message": "Only the CCG's governance officers import its indicators."}]
    for email in (FIONA, ISLINGTON_SECRETARY):
        result = await run_import(await as_person(client, email), "i.csv", csv)
        assert result["errors"] == refusal and result["imported"] == 0
    variables = {
        "input": {
            "organisationId": await global_id("Organisation", BOLTON),
            "filename": "i.csv",
            "contentBase64": base64.b64encode(csv).decode(),
        }
    }
    await assert_asked_to_sign_in(client, IMPORT, variables)
    assert await every_value() == before
