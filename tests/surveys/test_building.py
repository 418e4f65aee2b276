"""Building surveys: from the template, edited while a draft, opened, published; who may build them;
bad structures and settings refused with nothing written."""

from __future__ import annotations

import copy
from datetime import datetime

import pytest

from quorum.ids import decode
from tests.support import (
    BOLTON_ADMIN,
    BOLTON_GP,
    BOLTON_SECRETARY,
    ISLINGTON_SECRETARY,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner_fetch,
)
from tests.surveys.scenario import (
    CREATE,
    EVERYONE,
    OPEN,
    PUBLISH,
    QUESTION_SET,
    create_survey,
    open_survey,
    organisation,
)

FROM_TEMPLATE = """mutation($org: ID!, $key: String!) {
  createSurveyFromTemplate(input: {organisationId: $org, templateKey: $key}) {
    survey { id title status anonymity templateKey audience { roles }
              sections { title questions { key kind required showIf { questionKey anyOf } options { key } statements { key } } } }
    errors { field message } } }"""
UPDATE = """mutation($input: UpdateSurveyInput!) {
  updateSurvey(input: $input) { survey { title sections { questions { key } } } errors { field message } } }"""
SURVEY = "query($id: ID!) { node(id: $id) { ... on Survey { title status viewerCanManage } } }"


async def survey_count() -> int:
    return (await owner_fetch("SELECT count(*) FROM survey"))[0][0]


async def test_a_secretary_builds_a_survey_from_the_king_s_fund_template(client):
    helen = await as_person(client, BOLTON_SECRETARY)
    templates = (await helen.data("{ surveyTemplates { key title questionCount } }"))["surveyTemplates"]
    assert templates == [{"key": "member_ownership", "title": "Member ownership and engagement", "questionCount": 10}]
    created = (await helen.data(FROM_TEMPLATE, {"org": await organisation("00T"), "key": "member_ownership"}))[
        "createSurveyFromTemplate"
    ]
    assert created["errors"] == []
    survey = created["survey"]
    assert (survey["status"], survey["anonymity"], survey["templateKey"]) == ("DRAFT", "ANONYMOUS", "member_ownership")
    assert set(survey["audience"]["roles"]) == {"PRACTICE_REPRESENTATIVE", "GOVERNING_BODY_MEMBER", "COMMITTEE_MEMBER"}
    questions = {q["key"]: q for s in survey["sections"] for q in s["questions"]}
    assert [s["title"] for s in survey["sections"]] == ["Ownership and influence", "How you take part", "Your views"]
    assert [s["key"] for s in questions["ownership"]["statements"]][:2] == ["owned", "reflects_views"]
    assert [o["key"] for o in questions["engaged"]["options"]] == [
        "STRONGLY_AGREE",
        "AGREE",
        "NEITHER",
        "DISAGREE",
        "STRONGLY_DISAGREE",
        "DONT_KNOW",
    ]
    assert len(questions["recommend"]["options"]) == 11
    assert questions["locality_value"]["showIf"] == {
        "questionKey": "locality_meetings",
        "anyOf": ["regularly", "sometimes"],
    }

    # A draft is the officers' alone.
    assert (await (await as_person(client, BOLTON_ADMIN)).data(SURVEY, {"id": survey["id"]}))["node"]["viewerCanManage"]
    for member in (BOLTON_GP, "fiona.clarke@demo.quorum.example"):
        assert (await (await as_person(client, member)).data(SURVEY, {"id": survey["id"]}))["node"] is None

    edited = copy.deepcopy(QUESTION_SET)
    update = {
        "id": survey["id"],
        "title": "Bolton members 2026",
        "anonymity": "CONFIDENTIAL",
        "audience": {"roles": EVERYONE},
        "sections": edited,
    }
    updated = (await helen.data(UPDATE, {"input": update}))["updateSurvey"]
    assert updated["errors"] == [] and updated["survey"]["title"] == "Bolton members 2026"
    assert (await helen.data(OPEN, {"id": survey["id"]}))["openSurvey"] == {"survey": {"status": "OPEN"}, "errors": []}
    assert (await (await as_person(client, BOLTON_GP)).data(SURVEY, {"id": survey["id"]}))["node"]["status"] == "OPEN"

    refused = (await helen.data(UPDATE, {"input": {**update, "title": "Changed after opening"}}))["updateSurvey"]
    assert refused["errors"] == [
        {"field": "id", "message": "Only a draft survey can be changed; this one has been opened."}
    ]
    assert (await helen.data(SURVEY, {"id": survey["id"]}))["node"]["title"] == "Bolton members 2026"
    actions = await owner_fetch(
        "SELECT action FROM audit_entry WHERE entity_type = 'Survey' AND entity_id::text = $1 ORDER BY id",
        str(decode(survey["id"])[1]),
    )
    assert [a["action"] for a in actions] == ["survey.create", "survey.update", "survey.open"]


def with_question(**changes) -> list[dict]:
    sections = copy.deepcopy(QUESTION_SET)
    sections[0]["questions"][0].update(changes)
    return sections


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        (
            {"sections": with_question(showIf={"questionKey": "channel", "anyOf": ["other"]})},
            {
                "field": "sections",
                "message": "Question 1: it can only depend on an earlier question, and 'channel' is not one.",
            },
        ),
        (
            {"sections": with_question(showIf={"questionKey": "engaged", "anyOf": ["AGREE"]})},
            {"field": "sections", "message": "Question 1: a question cannot depend on its own answer."},
        ),
        (
            {"sections": with_question(key="channel")},
            {"field": "sections", "message": "Question 2: the key 'channel' is already used by another question."},
        ),
        (
            {"sections": with_question(kind="SINGLE_CHOICE")},
            {"field": "sections", "message": "Question 1: give between 2 and 30 options to choose from."},
        ),
        (
            {"suppressionThreshold": 2},
            {
                "field": "suppressionThreshold",
                "message": "Withhold groups smaller than a number from 3 to 100 (usually 5).",
            },
        ),
        (
            {"respondentUnit": "PRACTICE"},
            {
                "field": "audience",
                "message": "A survey answered once per practice is for practice representatives only.",
            },
        ),
        (
            {"audience": {"roles": ["PRACTICE_REPRESENTATIVE"], "localities": ["Hackney North"]}},
            {"field": "audience", "message": "Choose localities that the CCG's practices are in."},
        ),
        ({"audience": {"roles": []}}, {"field": "audience", "message": "Choose who the survey is for."}),
        ({"title": "  "}, {"field": "title", "message": "Enter the survey's title (200 characters or fewer)."}),
    ],
)
async def test_bad_surveys_are_refused_and_nothing_is_written(client, overrides, error):
    helen = await as_person(client, BOLTON_SECRETARY)
    before = await survey_count()
    created = await create_survey(helen, "00T", **overrides)
    assert created["survey"] is None and error in created["errors"]
    assert await survey_count() == before


async def test_only_the_ccg_s_officers_build_its_surveys(client):
    before = await survey_count()
    gp = await create_survey(await as_person(client, BOLTON_GP), "00T")
    assert gp["errors"] == [
        {
            "field": None,
            "message": "Only the board secretary or an administrator of NHS Bolton CCG can build its surveys.",
        }
    ]
    outsider = await as_person(client, ISLINGTON_SECRETARY)
    assert (await create_survey(outsider, "00T"))["errors"] == [
        {"field": "organisationId", "message": "No such organisation."}
    ]
    await assert_asked_to_sign_in(
        client,
        CREATE,
        {
            "input": {
                "organisationId": await organisation("00T"),
                "title": "Taken over",
                "anonymity": "ANONYMOUS",
                "audience": {"roles": EVERYONE},
                "sections": QUESTION_SET,
            }
        },
    )
    unknown = await (await as_person(client, BOLTON_SECRETARY)).data(
        FROM_TEMPLATE, {"org": await organisation("00T"), "key": "nope"}
    )
    assert unknown["createSurveyFromTemplate"]["errors"] == [
        {"field": "templateKey", "message": "There is no survey template with that key."}
    ]
    assert await survey_count() == before


async def test_opening_and_publishing_follow_the_survey_s_life(client):
    helen = await as_person(client, BOLTON_SECRETARY)
    empty = (await create_survey(helen, "00T", sections=[]))["survey"]["id"]
    assert (await helen.data(PUBLISH, {"id": empty, "published": True}))["publishSurveyResults"]["errors"] == [
        {"field": "id", "message": "A survey's results can be published once it has been opened."}
    ]
    assert (await helen.data(OPEN, {"id": empty}))["openSurvey"]["errors"] == [
        {"field": "id", "message": "Add at least one question before opening the survey."}
    ]
    survey = await open_survey(helen, "00T", audience={"roles": ["GOVERNING_BODY_MEMBER"]})
    assert (await helen.data(OPEN, {"id": survey}))["openSurvey"]["errors"] == [
        {"field": "id", "message": "That survey has already been opened."}
    ]
    gp = await as_person(client, BOLTON_GP)
    assert (await gp.data(PUBLISH, {"id": survey, "published": True}))["publishSurveyResults"]["errors"] == [
        {"field": None, "message": "Only the CCG's board secretary or an administrator can change its surveys."}
    ]
    invited = await helen.data(
        "query($id: ID!) { node(id: $id) { ... on Survey { results { invitedCount } } } }", {"id": survey}
    )
    members = await owner_fetch(
        "SELECT count(DISTINCT m.person_id) FROM membership m JOIN organisation o ON o.id = m.org_id"
        " WHERE o.ods_code = '00T' AND m.role = 'GOVERNING_BODY_MEMBER' AND m.valid_from <= current_date"
        " AND (m.valid_to IS NULL OR m.valid_to >= current_date)"
    )
    assert invited["node"]["results"]["invitedCount"] == members[0][0] >= 2  # at least Dr Mistry and Margaret Lowe
    assert (
        await helen.data(
            CREATE,
            {
                "input": {
                    "organisationId": await organisation("00T"),
                    "title": "x",
                    "anonymity": "NAMED",
                    "audience": {"roles": EVERYONE},
                    "closesAt": "2020-01-01T00:00:00",
                }
            },
        )
    )["createSurvey"]["errors"] == [{"field": "closesAt", "message": "Give the closing time with a time zone."}]


async def test_a_survey_for_one_practice_asks_only_its_representatives_until_its_closing_time(client):
    """What the builder sets under "Only this practice" and "When it closes"."""
    helen = await as_person(client, BOLTON_SECRETARY)
    practice = await global_id("Practice", "SELECT id FROM practice WHERE ods_code = 'P82001'")
    closes = "2099-03-31T17:00:00+01:00"
    survey = await open_survey(
        helen,
        "00T",
        audience={"roles": ["PRACTICE_REPRESENTATIVE"], "practiceIds": [practice]},
        closesAt=closes,
    )
    built = await helen.data(
        """query($id: ID!) { node(id: $id) { ... on Survey { closesAt status
             audience { practices { odsCode } } results { invitedCount } } } }""",
        {"id": survey},
    )
    representatives = await owner_fetch(
        "SELECT count(DISTINCT m.person_id) FROM membership m JOIN practice p ON p.id = m.practice_id"
        " WHERE p.ods_code = 'P82001' AND m.role = 'PRACTICE_REPRESENTATIVE' AND m.valid_from <= current_date"
        " AND (m.valid_to IS NULL OR m.valid_to >= current_date)"
    )
    assert built["node"]["audience"]["practices"] == [{"odsCode": "P82001"}]
    assert built["node"]["status"] == "OPEN"
    assert datetime.fromisoformat(built["node"]["closesAt"]) == datetime.fromisoformat(closes)
    assert built["node"]["results"]["invitedCount"] == representatives[0][0] >= 1

    asked = "query { mySurveys { id } }"
    assert survey in [s["id"] for s in (await (await as_person(client, BOLTON_GP)).data(asked))["mySurveys"]]
    elsewhere = (
        await owner_fetch(
            "SELECT p.email FROM person p JOIN membership m ON m.person_id = p.id JOIN practice pr ON pr.id = m.practice_id"
            " WHERE m.role = 'PRACTICE_REPRESENTATIVE' AND pr.ods_code LIKE 'P82%' AND pr.ods_code <> 'P82001'"
            " AND NOT EXISTS (SELECT 1 FROM membership m2 JOIN practice p2 ON p2.id = m2.practice_id"
            "                 WHERE m2.person_id = p.id AND p2.ods_code = 'P82001') LIMIT 1"
        )
    )[0][0]
    assert survey not in [s["id"] for s in (await (await as_person(client, elsewhere)).data(asked))["mySurveys"]]


async def test_a_practice_of_another_ccg_cannot_be_the_audience(client):
    helen = await as_person(client, BOLTON_SECRETARY)
    islington_practice = await global_id(
        "Practice",
        "SELECT p.id FROM practice p JOIN organisation o ON o.id = p.org_id WHERE o.ods_code = '08H' LIMIT 1",
    )
    before = await survey_count()
    created = await create_survey(
        helen, "00T", audience={"roles": ["PRACTICE_REPRESENTATIVE"], "practiceIds": [islington_practice]}
    )
    assert created["errors"] == [{"field": "audience", "message": "Choose practices that are members of the CCG."}]
    assert await survey_count() == before
