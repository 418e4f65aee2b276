"""What readers can learn while a survey is open, what the export carries, and who reaches earlier rounds' sizes.

Live results: single submissions to an open survey, with everything every reader can read taken after each one
(the results, the survey's response count, the .xlsx export): a reading only ever changes once at least the
threshold of new responses have arrived, so no reading differs because of one submission.
"""

from __future__ import annotations

import io
import json

import asyncpg
import httpx
from openpyxl import load_workbook

from quorum.database import app_url, connect_kwargs
from quorum.ids import decode
from tests.support import ISLINGTON_SECRETARY, MANCHESTER_OFFICER, Caller, owner_fetch, token_for
from tests.surveys import city_and_hackney as ch
from tests.surveys.scenario import CLOSE, PUBLISH, RESULTS, answers, open_survey, question_ids, submit_as

COUNT = """query($id: ID!) { node(id: $id) { ... on Survey { responseCount } } }"""


async def everything_read(client, survey: str, readers: list[Caller]) -> str:
    """All that the given readers can obtain about the survey, as one comparable text (export timestamps aside)."""
    seen = []
    for reader in readers:
        seen.append(await reader.data(RESULTS, {"id": survey, "split": "LOCALITY"}))
        seen.append(await reader.data(COUNT, {"id": survey}))
        exported = await client.get(
            f"/exports/survey-results.xlsx?survey={survey}", headers={"authorization": f"Bearer {reader.token}"}
        )
        if exported.status_code == 200:
            book = load_workbook(io.BytesIO(exported.content))
            seen.append(
                [
                    [row for row in sheet.iter_rows(values_only=True) if row and row[0] != "Exported"]
                    for sheet in book.worksheets
                ]
            )
        else:
            seen.append(exported.status_code)
    return json.dumps(seen, default=str, sort_keys=True)


async def test_no_reader_sees_any_change_caused_by_one_submission_while_a_survey_is_open(app):
    await ch.add_members()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary = Caller(client, await token_for(ch.SECRETARY))
        survey = await open_survey(secretary, "07T", title="Open survey read as it fills")
        assert (await secretary.data(PUBLISH, {"id": survey, "published": True}))["publishSurveyResults"][
            "errors"
        ] == []
        member = Caller(client, await token_for(ch.REPRESENTATIVES[-1][0]))  # published: members read it too
        readers = [secretary, member]
        ids = await question_ids(secretary, survey)
        readings = [await everything_read(client, survey, readers)]
        submitted = ch.REPRESENTATIVES[:12]
        for number, (email, _, _) in enumerate(submitted):
            given = answers(
                ids, engaged="AGREE" if number % 3 else "DISAGREE", channel="meetings", comments=f"Note {number}"
            )
            assert (await submit_as(client, email, survey, given))["errors"] == []
            readings.append(await everything_read(client, survey, readers))

        changes = [i for i in range(1, len(readings)) if readings[i] != readings[i - 1]]
        assert changes == [5, 10]  # after the fifth and the tenth response: steps of the threshold, never one
        last = json.loads(readings[-1])[0]["node"]["results"]
        assert last["responseCount"] == 10 and last["provisional"] is True
        assert all(q["overall"]["withheld"] and q["groups"] == [] for q in last["questions"])
        assert last["byLocality"] == []

        assert (await secretary.data(CLOSE, {"id": survey}))["closeSurvey"]["errors"] == []
        closed = (await secretary.data(RESULTS, {"id": survey, "split": None}))["node"]["results"]
        assert closed["responseCount"] == 12 and closed["provisional"] is False


async def test_the_export_has_no_formula_cells_and_no_rare_combination_beside_raw_rows(app):
    await ch.add_members()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary = Caller(client, await token_for(ch.SECRETARY))
        survey = await open_survey(secretary, "07T", title="Formulas are text")
        ids = await question_ids(secretary, survey)
        dangerous = ['=HYPERLINK("http://example.com","Click")', "+1+1", "-2+3", "@SUM(A1)", "=1+1"]
        for number, (email, _, _) in enumerate(ch.REPRESENTATIVES):
            comment = dangerous[number % len(dangerous)]
            given = answers(ids, engaged="AGREE", channel="meetings", comments=comment)
            assert (await submit_as(client, email, survey, given))["errors"] == []
        assert (await secretary.data(CLOSE, {"id": survey}))["closeSurvey"]["errors"] == []
        response = await client.get(
            f"/exports/survey-results.xlsx?survey={survey}", headers={"authorization": f"Bearer {secretary.token}"}
        )
    book = load_workbook(io.BytesIO(response.content))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    formula_like = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert formula_like and all(c.data_type == "s" and c.quotePrefix for c in formula_like)
    comments = [row[0] for row in book["Q8"].iter_rows(values_only=True) if row and row[0]]
    assert '=HYPERLINK("http://example.com","Click")' in comments  # shown as the text it is, never run

    raw = list(book["Responses"].iter_rows(values_only=True))
    start = next(i for i, row in enumerate(raw) if row[0] == "Response")
    header, rows = raw[start], raw[start + 1 :]
    groups = [h for h in header[1:] if not str(h).startswith("Q")]
    combinations: dict[tuple, int] = {}
    for row in rows:
        combinations[row[1 : 1 + len(groups)]] = combinations.get(row[1 : 1 + len(groups)], 0) + 1
    assert min(combinations.values()) >= 5
    # The City of London's four are never singled out: locality is not a column (it withholds a group).
    assert "Locality" not in groups
    assert start == 0 or "Not shown beside the responses" in raw[0][0]


async def earlier_sizes(email: str | None, survey_key, org_key) -> int:
    """How many rows survey_earlier_round_sizes gives the app role with this person's settings."""
    conn = await asyncpg.connect(**connect_kwargs(app_url()))
    try:
        async with conn.transaction():
            if email is not None:
                person = (await owner_fetch("SELECT id FROM person WHERE email = $1", email))[0][0]
                orgs = await owner_fetch("SELECT DISTINCT org_id FROM membership WHERE person_id = $1", person)
                officer = await owner_fetch(
                    "SELECT DISTINCT org_id FROM membership WHERE person_id = $1"
                    " AND role IN ('ADMINISTRATOR', 'BOARD_SECRETARY')",
                    person,
                )
                await conn.execute("SELECT set_config('app.person_id', $1, true)", str(person))
                await conn.execute(
                    "SELECT set_config('app.org_ids', $1, true)", "{" + ",".join(str(r[0]) for r in orgs) + "}"
                )
                await conn.execute(
                    "SELECT set_config('app.officer_org_ids', $1, true)",
                    "{" + ",".join(str(r[0]) for r in officer) + "}",
                )
            return await conn.fetchval("SELECT count(*) FROM survey_earlier_round_sizes($1, $2)", org_key, survey_key)
    finally:
        await conn.close()


async def test_earlier_rounds_sizes_reach_only_those_who_may_read_this_round_s_results(app):
    await ch.add_members()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary = Caller(client, await token_for(ch.SECRETARY))
        first = await open_survey(secretary, "07T", title="Round one")
        ids = await question_ids(secretary, first)
        for email, _, _ in ch.REPRESENTATIVES[:6]:
            assert (await submit_as(client, email, first, answers(ids, engaged="AGREE", channel="meetings")))[
                "errors"
            ] == []
        assert (await secretary.data(CLOSE, {"id": first}))["closeSurvey"]["errors"] == []
        copy = """mutation($id: ID!) { copySurveyAsNextRound(input: {surveyId: $id}) { survey { id } errors { message } } }"""
        second = (await secretary.data(copy, {"id": first}))["copySurveyAsNextRound"]["survey"]["id"]
        assert (
            await secretary.data(
                """mutation($id: ID!) { openSurvey(input: {id: $id}) { errors { message } } }""", {"id": second}
            )
        )["openSurvey"]["errors"] == []
    survey_key = decode(second)[1]
    org_key = (await owner_fetch("SELECT org_id FROM survey WHERE id = $1", survey_key))[0][0]
    assert await earlier_sizes(ch.SECRETARY, survey_key, org_key) > 1  # round one's counts, for the audit
    # A member before publication, another CCG's secretary, an area team officer without a delegation, nobody:
    for outsider in (ch.REPRESENTATIVES[0][0], ISLINGTON_SECRETARY, MANCHESTER_OFFICER, None):
        assert await earlier_sizes(outsider, survey_key, org_key) == 0, outsider


async def test_the_demo_shows_a_published_round_with_reasons_and_an_open_round_counted_in_steps(client):
    from tests.support import BOLTON_SECRETARY, as_person

    helen = await as_person(client, BOLTON_SECRETARY)
    listed = await helen.data("""{ surveys(first: 100) { edges { node { id title status } } } }""")
    rounds = {e["node"]["title"]: e["node"] for e in listed["surveys"]["edges"]}
    last = rounds["Member ownership and engagement 2025"]
    this = rounds["Member ownership and engagement 2026"]
    assert (last["status"], this["status"]) == ("CLOSED", "OPEN")
    found = (await helen.data(RESULTS, {"id": last["id"], "split": "LIST_SIZE"}))["node"]["results"]
    assert found["responseCount"] >= 10 and found["provisional"] is False
    assert found["withheldReasons"]  # the one practice under 5,000 patients: withheld, and said why
    groups = [g for q in found["questions"] for g in q["groups"]]
    assert all(g["withheldReason"] for g in groups if g["withheld"])
    assert any(g["withheld"] for g in groups) and any(not g["withheld"] for g in groups)
    engaged = next(q for q in found["questions"] if q["question"]["key"] == "engaged")
    assert engaged["overall"]["withheld"] is False and engaged["overall"]["respondents"] == found["responseCount"]
    now = (await helen.data(RESULTS, {"id": this["id"], "split": None}))["node"]["results"]
    assert (now["responseCount"], now["provisional"]) == (0, True)  # three sent: under one step of five


async def test_only_the_survey_s_managers_are_told_why_something_is_withheld(client):
    from tests.support import BOLTON_SECRETARY, MANCHESTER_OFFICER, as_person

    helen = await as_person(client, BOLTON_SECRETARY)
    listed = await helen.data("""{ surveys(first: 100) { edges { node { id title } } } }""")
    last = next(
        e["node"]["id"]
        for e in listed["surveys"]["edges"]
        if e["node"]["title"] == "Member ownership and engagement 2025"
    )
    # A member and the area team officer read the published round: the same figures, without the reasons.
    told = (await helen.data(RESULTS, {"id": last, "split": "LOCALITY"}))["node"]["results"]
    for email in ("fiona.clarke@demo.quorum.example", MANCHESTER_OFFICER):
        reader = await as_person(client, email)
        found = (await reader.data(RESULTS, {"id": last, "split": "LOCALITY"}))["node"]["results"]
        assert found["withheldReasons"] == []
        assert all(g["withheldReason"] is None for q in found["questions"] for g in q["groups"] + [q["overall"]])

        def figures(results):
            return [(g["key"], g["withheld"], g["respondents"]) for q in results["questions"] for g in q["groups"]]

        assert figures(found) == figures(told)


async def test_a_round_waits_for_its_previous_round_to_close(app):
    await ch.add_members()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary = Caller(client, await token_for(ch.SECRETARY))
        first = await open_survey(secretary, "07T", title="Round still open")
        copy = """mutation($id: ID!) { copySurveyAsNextRound(input: {surveyId: $id}) { survey { id } errors { message } } }"""
        second = (await secretary.data(copy, {"id": first}))["copySurveyAsNextRound"]["survey"]["id"]
        assert (
            await secretary.data(
                """mutation($id: ID!) { openSurvey(input: {id: $id}) { errors { message } } }""", {"id": second}
            )
        )["openSurvey"]["errors"] == []
        ids = await question_ids(secretary, second)
        for email, _, _ in ch.REPRESENTATIVES[:6]:
            assert (await submit_as(client, email, second, answers(ids, engaged="AGREE", channel="meetings")))[
                "errors"
            ] == []
        assert (await secretary.data(CLOSE, {"id": second}))["closeSurvey"]["errors"] == []
        waiting = (await secretary.data(RESULTS, {"id": second, "split": None}))["node"]["results"]
        assert waiting["provisional"] is True and all(q["overall"]["withheld"] for q in waiting["questions"])
        assert waiting["withheldReasons"] == [
            "The previous round is still open: this round's figures are shown once it closes, as the two are checked together."
        ]
        assert (await secretary.data(CLOSE, {"id": first}))["closeSurvey"]["errors"] == []
        shown = (await secretary.data(RESULTS, {"id": second, "split": None}))["node"]["results"]
        assert shown["provisional"] is False and shown["responseCount"] == 6
        assert not next(q for q in shown["questions"] if q["question"]["key"] == "engaged")["overall"]["withheld"]
