"""Every .xlsx export, after formula-like text has been put into every text field it shows: no formula cells
anywhere, the text exactly as entered, numbers and dates still numbers and dates."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from quorum import spreadsheets
from tests.ballots.helpers import CLOSE, CREATE, EQUAL_RULES, SET_RULES, answers, now
from tests.spreadsheets import hostile
from tests.spreadsheets.hostile import AT, CALC, CORPUS, LINK, MINUS, PLUS, RETURN, assert_safe, numbers_stay_numbers
from tests.support import Caller, as_person, global_id, owner_fetch
from tests.surveys.scenario import CLOSE as CLOSE_SURVEY
from tests.surveys.scenario import OPEN as OPEN_SURVEY
from tests.surveys.scenario import QUESTION_SET, create_survey, question_ids, submit_as
from tests.surveys.scenario import answers as survey_answers

HOSTILE_ORG = f"SELECT id FROM organisation WHERE ods_code = '{hostile.ODS}'"
IMPORT_INTERESTS = """mutation($input: ImportInterestsInput!) {
  importInterests(input: $input) { created rowErrors { row message } errors { field message } } }"""


@pytest.fixture(scope="module", autouse=True)
async def hostile_ccg():
    await hostile.create()


async def secretary(client) -> Caller:
    return await as_person(client, hostile.SECRETARY)


async def download(caller: Caller, url: str) -> bytes:
    response = await caller.client.get(url, headers={"authorization": f"Bearer {caller.token}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == spreadsheets.XLSX
    return response.content


def test_the_writer_keeps_formula_like_text_as_text_and_numbers_as_numbers():
    book = spreadsheets.Book("=title")
    sheet = book.sheet("Sheet")
    sheet.heading([CALC, "Plain heading"])
    sheet.append([*CORPUS, "plain", "a=b", -2, 3.5, datetime(2026, 12, 6, 9, 30), True, None, "=", ""])
    found = assert_safe(book.to_bytes(), [*CORPUS])
    values = {c.coordinate: c for c in found}
    assert values["A1"].font.bold and values["A1"].value == CALC
    assert (values["J2"].value, values["K2"].value, values["L2"].value, values["M2"].value) == (
        -2,
        3.5,
        datetime(2026, 12, 6, 9, 30),
        True,
    )
    assert values["J2"].data_type == "n" and values["L2"].is_date and values["M2"].data_type == "b"
    assert [(values[c].value, values[c].quotePrefix) for c in ("H2", "I2")] == [("plain", False), ("a=b", False)]
    assert values["O2"].value == "=" and values["O2"].data_type == "s"


def test_a_block_of_rows_is_written_as_appended_rows_would_be():
    rows = [
        [*CORPUS, "plain", "a=b", -2, 3.5, Decimal("12.50"), True, None, "=", "", " spaced ", "a & <b>", "x\x01y"],
        [1, None, None, 2],
    ]
    books = []
    for as_block in (False, True):
        book = spreadsheets.Book()
        sheet = book.sheet("Sheet")
        sheet.heading([CALC, "Plain heading"])
        sheet.append(["A note"])
        if as_block:
            sheet.block(iter(rows))
        else:
            for row in rows:
                sheet.append(row)
        books.append(book)
    appended, block = (assert_safe(book.to_bytes(), [*CORPUS]) for book in books)
    described = [
        [(c.coordinate, c.value, c.data_type, c.quotePrefix, c.font.bold) for c in found] for found in (appended, block)
    ]
    assert described[0] == described[1]
    values = {c.coordinate: c.value for c in block}
    assert (values["A3"], values["G3"], values["L3"], values["R3"], values["S3"], values["D4"]) == (
        CALC,
        RETURN,
        12.5,
        "a & <b>",
        "xy",
        2,
    )


def test_a_block_is_the_sheets_last_rows_of_plain_values():
    sheet = spreadsheets.Book().sheet("Sheet")
    with pytest.raises(TypeError):
        sheet.block([[datetime(2026, 12, 6)]])
    sheet = spreadsheets.Book().sheet("Sheet")
    with pytest.raises(ValueError):
        sheet.block([[float("nan")]])
    sheet = spreadsheets.Book().sheet("Sheet")
    sheet.block([[1]])
    with pytest.raises(ValueError, match="last rows"):
        sheet.append([2])


async def test_the_register_of_interests(client):
    helen = await secretary(client)
    org = await global_id("Organisation", HOSTILE_ORG)
    rows = [("Email", "Category", "Description", "Interest from", "Action taken")] + [
        (email, "Financial", f"{lead} shareholding", "2024-01-01", f"{lead} action")
        for (_, _, _, email, _), lead in zip(hostile.PRACTICES, (CALC, LINK, PLUS, MINUS, AT))
    ]
    csv = "\n".join(",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in rows).encode()
    imported = await helen.data(
        IMPORT_INTERESTS,
        {
            "input": {
                "organisationId": org,
                "filename": "register.csv",
                "contentBase64": __import__("base64").b64encode(csv).decode(),
            }
        },
    )
    assert imported["importInterests"] == {"created": 5, "rowErrors": [], "errors": []}
    content = await download(helen, f"/exports/interests.xlsx?organisation={org}")
    found = assert_safe(
        content,
        [
            *(f"{lead} shareholding" for lead in (CALC, LINK, PLUS, MINUS, AT)),
            *(f"{lead} action" for lead in (CALC, LINK, PLUS, MINUS, AT)),
            *(rep for *_, rep in hostile.PRACTICES),
        ],
    )
    numbers_stay_numbers(found, datetime(2024, 1, 1))

    # Read back through the import, the text is the text that was entered: nothing added, no formula.
    again = await helen.data(
        IMPORT_INTERESTS,
        {
            "input": {
                "organisationId": org,
                "filename": "export.xlsx",
                "contentBase64": __import__("base64").b64encode(content).decode(),
            }
        },
    )
    assert again["importInterests"] == {"created": 5, "rowErrors": [], "errors": []}
    stored = await owner_fetch(
        "SELECT description, count(*) FROM interest i JOIN organisation o ON o.id = i.org_id WHERE o.ods_code = $1"
        " GROUP BY description",
        hostile.ODS,
    )
    assert {r[0]: r[1] for r in stored} == {f"{lead} shareholding": 2 for lead in (CALC, LINK, PLUS, MINUS, AT)}


async def test_the_register_of_delegations(client):
    helen = await secretary(client)
    org = await global_id("Organisation", HOSTILE_ORG)
    found = assert_safe(
        await download(helen, f"/exports/delegations.xlsx?organisation={org}"),
        [
            hostile.COMMITTEE,
            hostile.NAME,
            hostile.REVOCATION,
        ],
    )
    assert any(isinstance(c.value, datetime) for c in found)


async def test_a_ballot_result(client):
    helen = await secretary(client)
    org = await global_id("Organisation", HOSTILE_ORG)
    assert (await helen.data(SET_RULES, {"input": {"organisationId": org, **EQUAL_RULES}}))["setBallotSettings"][
        "errors"
    ] == []
    created = (
        await helen.data(
            CREATE,
            {
                "input": {
                    "organisationId": org,
                    "title": f"{PLUS} ballot",
                    "secret": False,
                    "opensAt": (now() - timedelta(minutes=1)).isoformat(),
                    "closesAt": (now() + timedelta(hours=1)).isoformat(),
                    "questions": [
                        {"text": f"{LINK} question"},
                        {"text": "Elect one", "kind": "ELECTION", "seats": 1, "candidates": [CALC, MINUS, AT]},
                    ],
                }
            },
        )
    )["createBallot"]
    assert created["errors"] == []
    ballot = created["ballot"]
    for (_, _, _, email, _), choice, candidate in zip(
        hostile.PRACTICES, ("For", "Against", "For", "For", "Abstain"), (CALC, MINUS, AT, CALC, MINUS)
    ):
        rep = await as_person(client, email)
        cast = await rep.data(
            "mutation($input: CastBallotVoteInput!) { castBallotVote(input: $input) { outcome errors { message } } }",
            {"input": {"ballotId": ballot["id"], "answers": answers(ballot, choice, (candidate,))}},
        )
        assert cast["castBallotVote"] == {"outcome": "RECORDED", "errors": []}
    assert (await helen.data(CLOSE, {"id": ballot["id"]}))["closeBallot"]["errors"] == []
    found = assert_safe(
        await download(helen, f"/exports/ballot.xlsx?ballot={ballot['id']}"),
        [
            hostile.NAME,
            f"{PLUS} ballot",
            CALC,
            LINK,
            PLUS,
            MINUS,
            AT,
            RETURN,  # practices, candidates, who cast
        ],
    )
    numbers_stay_numbers(found, 1000, 5000, 100.0)


async def test_a_survey_s_results(client):
    helen = await secretary(client)
    sections = copy.deepcopy(QUESTION_SET)
    sections[0]["questions"][1]["options"][0]["label"] = f"{MINUS} at meetings"
    sections[1]["questions"][1]["prompt"] = f"{AT} anything else?"
    created = await create_survey(helen, hostile.ODS, title=f"{CALC} survey", anonymity="NAMED", sections=sections)
    assert created["errors"] == [], created["errors"]
    survey = created["survey"]["id"]
    assert (await helen.data(OPEN_SURVEY, {"id": survey}))["openSurvey"]["errors"] == []
    ids = await question_ids(helen, survey)
    comments = [f"{lead} comment" for lead in (CALC, LINK, PLUS, MINUS, AT)]
    for (_, _, _, email, _), comment, hours in zip(hostile.PRACTICES, comments, (1, 2, 3, 4, 5)):
        given = survey_answers(ids, engaged="AGREE", channel="meetings", hours=hours, comments=comment)
        sent = await submit_as(client, email, survey, given)
        assert sent["errors"] == [], sent["errors"]
    assert (await helen.data(CLOSE_SURVEY, {"id": survey}))["closeSurvey"]["errors"] == []  # open: counts only
    url = (
        await helen.data("query($id: ID!) { node(id: $id) { ... on Survey { resultsExportUrl } } }", {"id": survey})
    )["node"]["resultsExportUrl"]
    found = assert_safe(
        await download(helen, url),
        [
            f"{CALC} survey",
            hostile.NAME,
            f"{MINUS} at meetings",
            *comments,
            hostile.LOCALITY,
            *(rep for *_, rep in hostile.PRACTICES),  # who answered a named survey
        ],
    )
    numbers_stay_numbers(found, 5, 3.0)


def test_the_writer_drops_control_characters_a_workbook_cannot_hold():
    book = spreadsheets.Book()
    book.sheet("Sheet").append(["bell\x07 and\x00 null", "=\x1bescape"])
    found = {c.coordinate: c for c in assert_safe(book.to_bytes(), [])}
    assert found["A1"].value == "bell and null"
    assert found["B1"].value == "=escape" and found["B1"].data_type == "s"


def test_a_control_character_in_front_of_a_formula_does_not_let_it_through():
    book = spreadsheets.Book()
    book.sheet("Sheet").append(["\x01=SUM(A1)", "\x0b+1", "\x1f@cmd", 7])
    found = {c.coordinate: c for c in assert_safe(book.to_bytes(), [])}
    assert [(found[c].value, found[c].data_type) for c in ("A1", "B1", "C1")] == [
        ("=SUM(A1)", "s"),
        ("+1", "s"),
        ("@cmd", "s"),
    ]
    assert found["D1"].value == 7 and found["D1"].data_type == "n"


def test_hostile_titles_and_over_long_text_still_make_a_workbook():
    """An organisation's name becomes the document's title: control characters there were a 500 (the document's
    properties are XML too); text past Excel's 32,767 characters a cell made Excel call the file damaged."""
    hostile = "NHS \x01Bad\x0b \u202egnp.exe\u202c Протокол " + "x" * 40_000
    book = spreadsheets.Book(hostile)
    book.sheet("Sheet").append([hostile])
    content = book.to_bytes()
    found = {c.coordinate: c for c in assert_safe(content, [])}
    assert found["A1"].value.startswith("NHS Bad \u202egnp.exe\u202c Протокол x")
    assert len(found["A1"].value) == spreadsheets.CELL_CHARACTERS
    import io

    from openpyxl import load_workbook

    assert load_workbook(io.BytesIO(content)).properties.title.startswith("NHS Bad ")


def test_only_the_spreadsheet_modules_touch_openpyxl_and_nothing_writes_csv():
    """Every export goes through quorum/spreadsheets.py (imports through spreadsheet_reader.py): a new export
    written with openpyxl or the csv module directly would skip the formula guard."""
    from pathlib import Path

    import quorum

    package = Path(quorum.__file__).parent
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name not in ("spreadsheets.py", "spreadsheet_reader.py")
        and any(word in path.read_text() for word in ("openpyxl", "import csv", "xlsxwriter", "text/csv"))
    ]
    assert offenders == []
