"""Results: counts and percentages for everyone and by group, small groups withheld with whatever would
give them away, free text only where it is safe, the previous round beside this one, and the .xlsx export."""

from __future__ import annotations

import io

import httpx
import pytest
from openpyxl import load_workbook

from tests.support import Caller, token_for
from tests.surveys import city_and_hackney as ch
from tests.surveys.scenario import (
    CLOSE,
    OPEN,
    RESULTS,
    answers,
    assert_tallies_match,
    open_survey,
    question_ids,
    submit_as,
)

TEXTS = """query($id: ID!, $group: String) { node(id: $id) { ... on Survey {
  results(split: LEADERSHIP) { questions { question { key } textAnswers(groupKey: $group, first: 100) { totalCount texts } } } } } }"""


def given_by(ids: dict[str, str], number: int, email: str) -> list[dict]:
    leader = email in ch.LEADERS
    others_agreeing = ["ch.north3", "ch.north4", "ch.south2", "ch.south3", "ch.city0"]
    engaged = (
        ("STRONGLY_AGREE" if email.startswith("ch.north0") else "AGREE")
        if leader
        else ("AGREE" if email.split("@")[0] in others_agreeing else "DISAGREE")
    )
    other = email.split("@")[0] in ("ch.north7", "ch.south6")
    more = {"other_detail": "From the practice manager"} if other else {}
    return answers(
        ids,
        engaged=engaged,
        channel="other" if other else "meetings",
        recommend=number % 11,
        topics=["finance"] if number % 2 == 0 else ["quality", "access"],
        views=["AGREE", "DISAGREE"] if leader else ["DISAGREE", "DISAGREE"],
        hours=number,
        comments=f"Comment from respondent {number:02d}",
        **more,
    )


@pytest.fixture(scope="module")
async def survey(app):
    await ch.add_members()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary = Caller(client, await token_for(ch.SECRETARY))
        survey_id = await open_survey(secretary, "07T", title="Member engagement 2026")
        ids = await question_ids(secretary, survey_id)
        for number, (email, _, _) in enumerate(ch.REPRESENTATIVES):
            sent = await submit_as(client, email, survey_id, given_by(ids, number, email))
            assert sent["errors"] == [], sent["errors"]
        closed = (await secretary.data(CLOSE, {"id": survey_id}))["closeSurvey"]
        assert closed == {"survey": {"status": "CLOSED"}, "errors": []}
    return survey_id


async def results(client, survey_id: str, split: str | None = None, email: str = ch.SECRETARY) -> dict:
    caller = Caller(client, await token_for(email))
    return (await caller.data(RESULTS, {"id": survey_id, "split": split}))["node"]["results"]


def question(found: dict, key: str) -> dict:
    return next(q for q in found["questions"] if q["question"]["key"] == key)


async def test_the_tallies_results_are_read_from_match_a_recount_of_every_answer(survey):
    await assert_tallies_match(survey)


async def test_a_locality_of_four_is_withheld_and_so_is_the_next_smallest(client, survey):
    found = await results(client, survey, "LOCALITY")
    engaged = question(found, "engaged")
    assert engaged["overall"]["respondents"] == 19 and engaged["overall"]["withheld"] is False
    groups = {g["label"]: g for g in engaged["groups"]}
    assert set(groups) == {"City of London", "Hackney North", "Hackney South"}
    assert groups["City of London"] == {
        "key": "City of London",
        "label": "City of London",
        "withheld": True,
        "respondents": None,
        "agreePercent": None,
        "options": [],
        "statements": [],
        "withheldReason": "Fewer than 5 responded.",
    }
    assert groups["Hackney South"]["withheld"] is True  # 7 answered, but alone it would give the City away
    assert groups["Hackney South"]["withheldReason"] == (
        "Withheld with City of London so that it cannot be worked out from the other groups."
    )
    assert "Locality: City of London: Fewer than 5 responded." in found["withheldReasons"]
    north = groups["Hackney North"]
    assert north["withheld"] is False and north["respondents"] == 8
    # Everything that subtraction yields is the City and Hackney South together: 11, never the 4.
    assert engaged["overall"]["respondents"] - north["respondents"] == 11
    overall = {o["key"]: o["count"] for o in engaged["overall"]["options"]}
    north_counts = {o["key"]: o["count"] for o in north["options"]}
    assert overall["AGREE"] - north_counts["AGREE"] == 5  # the two groups together, not the City alone
    for key in ("views", "topics", "hours", "recommend"):  # the same decision for every option and statement
        assert {g["label"]: g["withheld"] for g in question(found, key)["groups"]} == {
            "City of London": True,
            "Hackney South": True,
            "Hackney North": False,
        }


async def test_leaders_and_other_members_are_compared(client, survey):
    found = await results(client, survey, "LEADERSHIP")
    engaged = question(found, "engaged")
    groups = {g["key"]: g for g in engaged["groups"]}
    assert (groups["LEADERS"]["respondents"], groups["OTHERS"]["respondents"]) == (5, 14)
    assert groups["LEADERS"]["agreePercent"] == 100.0
    assert groups["OTHERS"]["agreePercent"] == 35.7
    assert engaged["overall"]["agreePercent"] == round(100 * 10 / 19, 1)
    views = {g["key"]: g for g in question(found, "views")["groups"]}
    owned = next(s for s in question(found, "views")["overall"]["statements"] if s["key"] == "owned")
    assert owned["respondents"] == 19 and owned["agreePercent"] == round(100 * 5 / 19, 1)
    assert [s["respondents"] for s in views["LEADERS"]["statements"]] == [5, 5]


async def test_counts_percentages_means_and_medians(client, survey):
    found = await results(client, survey)
    topics = question(found, "topics")["overall"]
    assert {o["key"]: (o["count"], o["percent"]) for o in topics["options"]} == {
        "finance": (10, 52.6),
        "quality": (9, 47.4),
        "access": (9, 47.4),
    }
    hours = question(found, "hours")["overall"]
    assert (hours["respondents"], hours["mean"], hours["median"]) == (19, 9.0, 9.0)
    recommend = question(found, "recommend")["overall"]
    assert recommend["respondents"] == 19 and sum(o["count"] for o in recommend["options"]) == 19
    # A branched question counts only those who saw it: two said they hear "somewhere else".
    assert question(found, "other_detail")["overall"] == {
        "key": "ALL",
        "label": "Everyone",
        "withheld": True,
        "respondents": None,
        "mean": None,
        "median": None,
        "agreePercent": None,
        "options": [],
        "statements": [],
        "withheldReason": "Fewer than 5 answered.",
    }


async def test_response_rate_overall_and_by_locality_withholds_small_localities(client, survey):
    found = await results(client, survey)
    assert (found["responseCount"], found["invitedCount"], found["responseRate"]) == (19, 19, 100.0)
    rates = {r["locality"]: r for r in found["byLocality"]}
    assert rates["Hackney North"] == {"locality": "Hackney North", "invited": 8, "responses": 8, "percent": 100.0}
    assert rates["City of London"]["responses"] is None and rates["Hackney South"]["responses"] is None


async def test_free_text_is_shown_for_everyone_and_for_published_leader_groups_only(client, survey):
    secretary = Caller(client, await token_for(ch.SECRETARY))
    everyone = question((await secretary.data(TEXTS, {"id": survey, "group": None}))["node"]["results"], "comments")
    assert everyone["textAnswers"]["totalCount"] == 19
    assert everyone["textAnswers"]["texts"] == sorted(everyone["textAnswers"]["texts"])
    # Five leaders wrote: fewer than the free-text threshold of ten, so neither they nor the others (everyone
    # less the leaders) are shown apart.
    for group in ("LEADERS", "OTHERS"):
        by_group = question(
            (await secretary.data(TEXTS, {"id": survey, "group": group}))["node"]["results"], "comments"
        )
        assert by_group["textAnswers"] is None
    for group in ("City of London", "Hackney North", "UNDER_5000"):  # never beside a locality or list size
        by_group = question(
            (await secretary.data(TEXTS, {"id": survey, "group": group}))["node"]["results"], "comments"
        )
        assert by_group["textAnswers"] is None
    two_answers = question(
        (await secretary.data(TEXTS, {"id": survey, "group": None}))["node"]["results"], "other_detail"
    )
    assert two_answers["textAnswers"] is None  # only two people saw it: under the threshold


COPY = """mutation($id: ID!, $title: String!) { copySurveyAsNextRound(input: {surveyId: $id, title: $title}) {
    survey { id status previousRound { title } sections { questions { key } } } errors { message } } }"""


async def next_round_answered_by(client, survey: str, title: str, representatives) -> str:
    secretary = Caller(client, await token_for(ch.SECRETARY))
    copied = (await secretary.data(COPY, {"id": survey, "title": title}))["copySurveyAsNextRound"]
    assert copied["errors"] == [] and copied["survey"]["status"] == "DRAFT"
    assert copied["survey"]["previousRound"] == {"title": "Member engagement 2026"}
    next_round = copied["survey"]["id"]
    assert (await secretary.data(OPEN, {"id": next_round}))["openSurvey"]["errors"] == []
    ids = await question_ids(secretary, next_round)
    for email, _, _ in representatives:
        sent = await submit_as(client, email, next_round, answers(ids, engaged="AGREE", channel="meetings"))
        assert sent["errors"] == []
    assert (await secretary.data(CLOSE, {"id": next_round}))["closeSurvey"]["errors"] == []
    return next_round


async def test_the_next_round_is_compared_with_the_last(client, survey):
    # The same nineteen answer again: both rounds withhold the same groups, so together they give nothing away.
    next_round = await next_round_answered_by(client, survey, "Member engagement 2027", ch.REPRESENTATIVES)
    found = await results(client, next_round, "LEADERSHIP")
    engaged = question(found, "engaged")
    assert engaged["overall"]["agreePercent"] == 100.0
    assert {g["key"]: g["respondents"] for g in engaged["groups"]} == {"LEADERS": 5, "OTHERS": 14}
    assert engaged["previousRound"]["surveyTitle"] == "Member engagement 2026"
    assert engaged["previousRound"]["overall"] == {
        "withheld": False,
        "respondents": 19,
        "agreePercent": round(100 * 10 / 19, 1),
    }
    assert {g["key"]: g["agreePercent"] for g in engaged["previousRound"]["groups"]} == {
        "LEADERS": 100.0,
        "OTHERS": 35.7,
    }


async def test_a_round_is_withheld_when_with_the_last_round_it_would_give_a_small_group_away(client, survey):
    # Hackney North's eight answer again and four of Hackney South: last round published Hackney North, so this
    # round's everyone less last round's Hackney North would be those four (were North's answers unchanged).
    north_and_four = [r for r in ch.REPRESENTATIVES if "north" in r[0]] + [
        r for r in ch.REPRESENTATIVES if "south" in r[0]
    ][:4]
    next_round = await next_round_answered_by(client, survey, "Member engagement 2028", north_and_four)
    found = await results(client, next_round, "LOCALITY")
    assert found["responseCount"] == 12
    engaged = question(found, "engaged")
    assert engaged["overall"]["withheld"] is True and all(g["withheld"] for g in engaged["groups"])
    assert engaged["overall"]["withheldReason"] == (
        "Withheld: together with the previous round's results it would reveal a group of fewer than 5."
    )


async def test_the_xlsx_export_withholds_what_the_screen_withholds(client, survey):
    secretary = Caller(client, await token_for(ch.SECRETARY))
    url = (
        await secretary.data("query($id: ID!) { node(id: $id) { ... on Survey { resultsExportUrl } } }", {"id": survey})
    )["node"]["resultsExportUrl"]
    response = await client.get(url, headers={"authorization": f"Bearer {secretary.token}"})
    assert response.status_code == 200 and response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Summary", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Responses", "Codes"]
    q1 = {row[0]: row for row in book["Q1"].iter_rows(values_only=True) if row and row[0]}
    assert q1["Everyone"][1] == 19
    assert q1["Locality: City of London"][1:3] == ("Withheld", "Fewer than 5 responded.")
    assert q1["Locality: Hackney South"][1] == "Withheld"
    assert q1["Locality: Hackney North"][1] == 8
    assert q1["Leaders and other members: Leaders (formal CCG role)"][1] == 5
    comments = [row[0] for row in book["Q8"].iter_rows(values_only=True) if row and row[0]]
    assert "Comment from respondent 00" in comments

    raw = list(book["Responses"].iter_rows(values_only=True))
    start = next(i for i, row in enumerate(raw) if row[0] == "Response")
    header, rows = raw[start], raw[start + 1 :]
    assert len(rows) == 19 and header[0] == "Response"
    assert not any(str(h).startswith("Q8") or str(h).startswith("Q3") for h in header)  # free text stays on its sheet
    names = {email.split("@")[0].replace(".", " ").title() for email, _, _ in ch.REPRESENTATIVES}
    assert not names & {str(c) for row in rows for c in row}
    group_columns = [h for h in header[1:] if not str(h).startswith("Q")]
    for width in range(1, len(group_columns) + 1):
        combinations: dict[tuple, int] = {}
        for row in rows:
            combinations[row[1 : 1 + width]] = combinations.get(row[1 : 1 + width], 0) + 1
        assert min(combinations.values()) >= 5, "a combination of groups shown beside raw answers is rarer than 5"
    if "Locality" in group_columns:
        assert "City of London" not in {row[1 + group_columns.index("Locality")] for row in rows}

    engaged = header.index("Q1 I feel engaged with the work of the CCG.")
    codes = {row[1]: row[2] for row in book["Codes"].iter_rows(values_only=True) if row[0] == header[engaged]}
    assert codes == {
        1: "Strongly agree",
        2: "Agree",
        3: "Neither agree nor disagree",
        4: "Disagree",
        5: "Strongly disagree",
        6: "Don't know",
    }
    counted = [sum(1 for row in rows if row[engaged] == code) for code in codes]
    assert counted == list(q1["Everyone"][2:14:2])  # the raw responses add up to the published counts


async def test_a_closed_survey_takes_no_more_responses(client, survey):
    assert question(await results(client, survey), "engaged")["overall"]["respondents"] == 19
    late = await submit_as(client, ch.REPRESENTATIVES[0][0], survey, [])
    assert late["errors"] == [{"field": "surveyId", "message": "This survey has closed."}]


async def test_results_of_a_settled_survey_are_kept_and_still_shown_only_to_those_who_may_read_them(
    client, monkeypatch
):
    from datetime import timedelta

    from quorum import clock
    from tests.support import BOLTON_SECRETARY

    secretary = Caller(client, await token_for(ch.SECRETARY))
    survey_id = await open_survey(secretary, "07T", title="Settled survey")
    ids = await question_ids(secretary, survey_id)
    for number, (email, _, _) in enumerate(ch.REPRESENTATIVES[:6]):
        assert (await submit_as(client, email, survey_id, given_by(ids, number, email)))["errors"] == []
    assert (await secretary.data(CLOSE, {"id": survey_id}))["closeSurvey"]["errors"] == []
    later = clock.now() + timedelta(minutes=2)
    monkeypatch.setattr(clock, "now", lambda: later)

    async def read(email: str) -> tuple[dict, int]:
        response = await client.post(
            "/graphql",
            json={"query": RESULTS, "variables": {"id": survey_id}},
            headers={"authorization": f"Bearer {await token_for(email)}"},
        )
        return response.json()["data"]["node"], int(response.headers["x-quorum-sql-statements"])

    (first, computed), (again, kept) = await read(ch.SECRETARY), await read(ch.SECRETARY)
    assert again == first and first["results"]["responseCount"] == 6
    assert kept < computed
    outsider, _ = await read(BOLTON_SECRETARY)
    assert outsider is None or outsider["results"] is None
