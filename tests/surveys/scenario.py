"""Members to ask, surveys to ask them, and answering through the API, for the survey tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from tests.support import Caller, as_person, global_id, owner, owner_fetch

CREATE = """mutation($input: CreateSurveyInput!) {
  createSurvey(input: $input) { survey { id status } errors { field message } } }"""
OPEN = """mutation($id: ID!) { openSurvey(input: {id: $id}) { survey { status } errors { field message } } }"""
CLOSE = """mutation($id: ID!) { closeSurvey(input: {id: $id}) { survey { status } errors { field message } } }"""
PUBLISH = """mutation($id: ID!, $published: Boolean!) {
  publishSurveyResults(input: {id: $id, published: $published}) { survey { resultsPublished } errors { field message } } }"""
QUESTIONS = """query($id: ID!) { node(id: $id) { ... on Survey {
  sections { questions { id key } } } } }"""
SAVE = """mutation($input: SurveyResponseInput!) {
  saveResponse(input: $input) { response { status canChange answers { questionId statementKey choice choices number text } }
                                resumeToken errors { field message } } }"""
SUBMIT = """mutation($input: SurveyResponseInput!) {
  submitResponse(input: $input) { response { status canChange answers { questionId statementKey choice choices number text } }
                                  resumeToken errors { field message } } }"""
RESULTS = """query($id: ID!, $split: RespondentGroupSplit) { node(id: $id) { ... on Survey {
  results(split: $split) {
    suppressionThreshold responseCount invitedCount responseRate provisional withheldReasons
    byLocality { locality invited responses percent }
    questions {
      question { key }
      overall { key label withheld withheldReason respondents mean median agreePercent options { key count percent }
                statements { key respondents agreePercent options { key count } } }
      groups { key label withheld withheldReason respondents agreePercent options { key count percent } statements { key respondents } }
      previousRound { surveyTitle overall { withheld respondents agreePercent } groups { key withheld agreePercent } }
    }
  } } } }"""

# One of every kind of question; "other_detail" shows only when "channel" is "other".
QUESTION_SET = [
    {
        "title": "About the CCG",
        "questions": [
            {
                "key": "engaged",
                "kind": "AGREEMENT",
                "prompt": "I feel engaged with the work of the CCG.",
                "required": True,
            },
            {
                "key": "channel",
                "kind": "SINGLE_CHOICE",
                "prompt": "Where do you hear about decisions?",
                "required": True,
                "options": [
                    {"key": "meetings", "label": "Meetings"},
                    {"key": "bulletin", "label": "Bulletin"},
                    {"key": "other", "label": "Somewhere else"},
                ],
            },
            {
                "key": "other_detail",
                "kind": "SHORT_TEXT",
                "prompt": "Where else?",
                "required": True,
                "showIf": {"questionKey": "channel", "anyOf": ["other"]},
            },
            {"key": "recommend", "kind": "RATING", "prompt": "Would you recommend taking part?"},
            {
                "key": "topics",
                "kind": "MULTIPLE_CHOICE",
                "prompt": "Which topics interest you?",
                "options": [
                    {"key": "finance", "label": "Finance"},
                    {"key": "quality", "label": "Quality"},
                    {"key": "access", "label": "Access"},
                ],
            },
            {
                "key": "views",
                "kind": "MATRIX",
                "prompt": "How far do you agree?",
                "statements": [
                    {"key": "owned", "label": "The CCG is owned by its members."},
                    {"key": "influence", "label": "I can influence its decisions."},
                ],
            },
        ],
    },
    {
        "title": "Your time",
        "questions": [
            {
                "key": "hours",
                "kind": "NUMBER",
                "prompt": "Hours a month on CCG business?",
                "minimum": 0,
                "maximum": 100,
            },
            {"key": "comments", "kind": "LONG_TEXT", "prompt": "Anything else?"},
        ],
    },
]
EVERYONE = ["PRACTICE_REPRESENTATIVE", "GOVERNING_BODY_MEMBER", "COMMITTEE_MEMBER"]


async def add_person(
    email: str, name: str, ods: str, role: str, practice_ods: str | None = None, *, seated: bool = False
) -> None:
    """A member of a CCG (written as the owner), a practice's representative if practice_ods, on its governing body if seated."""
    conn = await owner()
    try:
        async with conn.transaction():
            person_id = await conn.fetchval(
                "INSERT INTO person (email, name) VALUES ($1, $2) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name"
                " RETURNING id",
                email,
                name,
            )
            org_id = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = $1", ods)
            practice_id = practice_ods and await conn.fetchval(
                "SELECT id FROM practice WHERE ods_code = $1", practice_ods
            )
            await conn.execute(
                "INSERT INTO person_registration (org_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                org_id,
                person_id,
            )
            exists = await conn.fetchval(
                "SELECT 1 FROM membership WHERE org_id = $1 AND person_id = $2 AND role = $3"
                " AND practice_id IS NOT DISTINCT FROM $4",
                org_id,
                person_id,
                role,
                practice_id,
            )
            if not exists:
                await conn.execute(
                    "INSERT INTO membership (org_id, person_id, role, practice_id, valid_from) VALUES ($1, $2, $3, $4, '2025-01-01')",
                    org_id,
                    person_id,
                    role,
                    practice_id,
                )
            if seated and not await conn.fetchval(
                "SELECT 1 FROM seat WHERE org_id = $1 AND person_id = $2", org_id, person_id
            ):
                committee = await conn.fetchval(
                    "SELECT id FROM committee WHERE org_id = $1 AND kind = 'GOVERNING_BODY'", org_id
                )
                await conn.execute(
                    "INSERT INTO seat (org_id, committee_id, person_id, party_org_id, role, voting, category, valid_from)"
                    " VALUES ($1, $2, $3, $1, 'MEMBER', true, 'GP', '2025-01-01')",
                    org_id,
                    committee,
                    person_id,
                )
    finally:
        await conn.close()


async def organisation(ods: str) -> str:
    return await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = $1", ods)


async def create_survey(caller: Caller, ods: str, **overrides) -> dict:
    payload = {
        "organisationId": await organisation(ods),
        "title": "Member engagement",
        "anonymity": "ANONYMOUS",
        "audience": {"roles": EVERYONE},
        "sections": QUESTION_SET,
        **overrides,
    }
    return (await caller.data(CREATE, {"input": payload}))["createSurvey"]


async def open_survey(caller: Caller, ods: str, **overrides) -> str:
    created = await create_survey(caller, ods, **overrides)
    assert created["errors"] == [], created["errors"]
    survey_id = created["survey"]["id"]
    opened = (await caller.data(OPEN, {"id": survey_id}))["openSurvey"]
    assert opened["errors"] == [], opened["errors"]
    return survey_id


async def question_ids(caller: Caller, survey_id: str) -> dict[str, str]:
    data = await caller.data(QUESTIONS, {"id": survey_id})
    return {q["key"]: q["id"] for s in data["node"]["sections"] for q in s["questions"]}


def answers(ids: dict[str, str], **given) -> list[dict]:
    """Answers by question key: a str is a choice, a list is choices (or, for views, the two statements), a number is a number."""
    out = []
    for key, value in given.items():
        if key == "views":
            out += [
                {"questionId": ids[key], "statementKey": s, "choice": c} for s, c in zip(("owned", "influence"), value)
            ]
        elif isinstance(value, list):
            out.append({"questionId": ids[key], "choices": value})
        elif isinstance(value, (int, float)) and key == "hours":
            out.append({"questionId": ids[key], "number": value})
        elif key in ("comments", "other_detail"):
            out.append({"questionId": ids[key], "text": value})
        else:
            out.append({"questionId": ids[key], "choice": str(value)})
    return out


def complete(ids: dict[str, str], engaged: str = "AGREE", **more) -> list[dict]:
    return answers(ids, engaged=engaged, channel=more.pop("channel", "meetings"), **more)


async def submit_as(client: httpx.AsyncClient, email: str, survey_id: str, given: list[dict], **extra) -> dict:
    caller = await as_person(client, email)
    return (await caller.data(SUBMIT, {"input": {"surveyId": survey_id, "answers": given, **extra}}))["submitResponse"]


async def assert_tallies_match(survey_id: str) -> None:
    """The tallies results are read from hold exactly what recounting every sent answer gives."""
    from quorum.ids import decode

    keys = "question_id, item, choice, group_role, group_locality, group_leader, group_band"
    tallied = await owner_fetch(
        f"SELECT {keys}, count FROM survey_tally WHERE survey_id = $1 AND count > 0", decode(survey_id)[1]
    )
    columns = ", ".join(f"d.{k}" for k in keys.split(", "))
    recounted = await owner_fetch(
        f"SELECT {columns}, sum(d.n) FROM survey_response r, survey_response_tallies(r.org_id, r.id) d"
        f" WHERE r.survey_id = $1 AND r.status = 'SUBMITTED' GROUP BY {columns}",
        decode(survey_id)[1],
    )
    assert sorted(map(tuple, tallied)) == sorted(map(tuple, recounted))
    assert tallied, "nothing was counted"


@asynccontextmanager
async def delegations_covering_revoked(ods: str) -> AsyncIterator[None]:
    """Every live delegation covering the CCG revoked (other tests may have added some), then put back."""
    live = [
        r["id"]
        for r in await owner_fetch(
            "SELECT id FROM delegation WHERE revoked_at IS NULL"
            " AND (SELECT id FROM organisation WHERE ods_code = $1) = ANY (scope_ccg_ids)",
            ods,
        )
    ]
    await owner_fetch(
        "UPDATE delegation SET revoked_at = now(), revoked_by = recorded_by, revocation_reason = 'test'"
        " WHERE id = ANY($1::uuid[])",
        live,
    )
    try:
        yield
    finally:
        await owner_fetch(
            "UPDATE delegation SET revoked_at = NULL, revoked_by = NULL, revocation_reason = NULL"
            " WHERE id = ANY($1::uuid[])",
            live,
        )
