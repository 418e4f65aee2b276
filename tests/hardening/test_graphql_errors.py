"""Mistakes in GraphQL variables are answered as helpfully as the same mistakes written inline; only genuine
internal errors are masked; an anonymous caller of a mutation is asked to sign in; an unknown operationName is a
400 with a sentence."""

from __future__ import annotations

import pytest

from quorum.errors import MASKED_MESSAGE
from quorum.web.schema import schema
from tests.support import BOLTON_SECRETARY, as_person

ADD_ITEM = """mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { errors { field message } } }"""
CREATE_MEETING = """mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { errors { message } } }"""
ORGANISATIONS = "query($first: Int) { organisations(first: $first) { totalCount } }"


async def messages(client, token: str | None, query: str, variables: dict | None = None, **extra) -> list[str]:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = await client.post("/graphql", json={"query": query, "variables": variables, **extra}, headers=headers)
    assert response.status_code == 200, response.text
    return [e["message"] for e in response.json().get("errors", [])]


@pytest.mark.parametrize(
    ("query", "variables", "expected"),
    [
        # a wrong enum value: names the variable's field and the bad value
        (ADD_ITEM, {"input": {"meetingId": "x", "title": "T", "purpose": "VIBES"}}, ["purpose", "VIBES"]),
        # a missing required field
        (ADD_ITEM, {"input": {"meetingId": "x", "purpose": "DECISION"}}, ["$input", "required field 'title'"]),
        # a wrong type
        (
            ADD_ITEM,
            {"input": {"meetingId": "x", "title": "T", "purpose": "DECISION", "minutesAllotted": "ten"}},
            ["minutesAllotted", "ten"],
        ),
        (ORGANISATIONS, {"first": "lots"}, ["$first", "lots"]),
        # a custom scalar (DateTime) whose parser raises
        (
            CREATE_MEETING,
            {"input": {"committeeId": "x", "title": "T", "startsAt": "next Tuesday"}},
            ["startsAt", "next Tuesday"],
        ),
        # the variable itself missing
        (ADD_ITEM, {}, ["$input", "to be provided"]),
    ],
)
async def test_variable_errors_name_the_field_and_the_value(client, query, variables, expected):
    caller = await as_person(client, BOLTON_SECRETARY)
    found = await messages(client, caller.token, query, variables)
    assert found and MASKED_MESSAGE not in found, found
    assert any(all(part in m for part in expected) for m in found), found


CREATE_SURVEY = """mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { errors { message } } }"""
CREATE_BALLOT = """mutation($input: CreateBallotInput!) { createBallot(input: $input) { errors { message } } }"""


def survey_with(question: dict) -> dict:
    """A survey whose second section's first question is `question`: two input objects and two lists deep."""
    return {
        "input": {
            "organisationId": "x",
            "title": "T",
            "anonymity": "NAMED",
            "audience": {"roles": ["GOVERNING_BODY_MEMBER"]},
            "sections": [{"title": "A"}, {"title": "B", "questions": [question]}],
        }
    }


@pytest.mark.parametrize(
    ("query", "variables", "expected"),
    [
        # a wrong enum value two input objects deep, inside lists: the path and the value are named
        (
            CREATE_SURVEY,
            survey_with({"key": "q", "kind": "VIBES", "prompt": "P"}),
            ["$input", "at .sections[1].questions[0].kind", "VIBES"],
        ),
        # a missing required field at the same depth
        (
            CREATE_SURVEY,
            survey_with({"key": "q", "kind": "SHORT_TEXT"}),
            ["$input", "at .sections[1].questions[0]", "'prompt'"],
        ),
        # a wrong type three levels down, inside a list of input objects inside a list
        (
            CREATE_SURVEY,
            survey_with({"key": "q", "kind": "SINGLE_CHOICE", "prompt": "P", "options": [{"key": "a", "label": 7}]}),
            ["$input", "at .sections[1].questions[0].options[0].label", "7"],
        ),
        # a wrong enum value in a list of enums
        (
            CREATE_SURVEY,
            {
                "input": {
                    "organisationId": "x",
                    "title": "T",
                    "anonymity": "NAMED",
                    "audience": {"roles": ["GOVERNING_BODY_MEMBER", "EVERYBODY"]},
                }
            },
            ["$input", "at .audience.roles[1]", "EVERYBODY"],
        ),
        # a list given where one value is expected, and a list of strings holding a number
        (
            CREATE_BALLOT,
            {
                "input": {
                    "organisationId": "x",
                    "title": ["T"],
                    "opensAt": "2026-01-01T00:00:00Z",
                    "closesAt": "2026-01-02T00:00:00Z",
                    "questions": [],
                }
            },
            ["$input", "at .title", "['T']"],
        ),
        (
            CREATE_BALLOT,
            {
                "input": {
                    "organisationId": "x",
                    "title": "T",
                    "opensAt": "2026-01-01T00:00:00Z",
                    "closesAt": "2026-01-02T00:00:00Z",
                    "questions": [{"text": "Q", "kind": "ELECTION", "candidates": ["A", 3]}],
                }
            },
            ["$input", "at .questions[0].candidates[1]", "3"],
        ),
        # a custom scalar (DateTime) whose parser raises, inside a nested object
        (
            CREATE_SURVEY,
            {
                "input": {
                    "organisationId": "x",
                    "title": "T",
                    "anonymity": "NAMED",
                    "audience": {"roles": ["GOVERNING_BODY_MEMBER"]},
                    "closesAt": "soon",
                }
            },
            ["$input", "at .closesAt", "soon"],
        ),
    ],
)
async def test_nested_and_list_variable_errors_name_the_path_and_the_value(client, query, variables, expected):
    caller = await as_person(client, BOLTON_SECRETARY)
    found = await messages(client, caller.token, query, variables)
    assert found and MASKED_MESSAGE not in found, found
    assert any(all(part in m for part in expected) for m in found), found


def every_mutation() -> list[tuple[str, str]]:
    """Each mutation of the schema, written with its arguments as variables (none given)."""
    from graphql import get_named_type, is_leaf_type

    mutations = schema._schema.mutation_type.fields
    documents = []
    for name, field in sorted(mutations.items()):
        declared = ", ".join(f"${arg}: {argument.type}" for arg, argument in field.args.items())
        passed = ", ".join(f"{arg}: ${arg}" for arg in field.args)
        selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
        documents.append(
            (
                name,
                f"mutation{f'({declared})' if declared else ''} "
                f"{{ {name}{f'({passed})' if passed else ''}{selection} }}",
            )
        )
    return documents


async def test_every_mutation_asks_an_anonymous_caller_to_sign_in(client):
    from quorum.web.extensions import ANONYMOUS_MUTATIONS

    # The one exception: a member of the public asking to follow a committee (confirmed by email).
    assert ANONYMOUS_MUTATIONS == {"subscribeToCommittee"}
    documents = [(name, document) for name, document in every_mutation() if name not in ANONYMOUS_MUTATIONS]
    assert len(documents) > 50
    wrong = {}
    for name, document in documents:
        for variables in ({}, {"input": {"id": "x"}}):  # arguments missing, and present but wrong
            response = await client.post("/graphql", json={"query": document, "variables": variables})
            answer = [e["message"] for e in response.json().get("errors", [])]
            if response.status_code != 200 or answer != ["Sign in to make changes."]:
                wrong[name] = (response.status_code, answer)
    assert wrong == {}, wrong


async def test_an_anonymous_mutation_is_asked_to_sign_in(client):
    found = await messages(client, None, ADD_ITEM, {"input": {"meetingId": "x", "title": "T", "purpose": "DECISION"}})
    assert found == ["Sign in to make changes."]
    assert not any("secretar" in m for m in found)


async def test_a_subscription_sent_by_post_is_told_where_subscriptions_go(client):
    caller = await as_person(client, BOLTON_SECRETARY)
    found = await messages(client, caller.token, 'subscription { meetingEvents(meetingId: "x") { kind } }')
    assert found == ["Subscriptions go over the WebSocket at /graphql (graphql-transport-ws), not by POST."]
    assert await messages(client, None, 'subscription { meetingEvents(meetingId: "x") { kind } }') == found


async def test_unknown_operation_name_is_a_400_with_a_sentence(client):
    response = await client.post("/graphql", json={"query": "query A { __typename }", "operationName": "B"})
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["message"] == "The document has no operation named 'B'."
    ok = await client.post(
        "/graphql", json={"query": "query A { __typename } query B { __typename }", "operationName": "B"}
    )
    assert ok.status_code == 200 and ok.json()["data"] == {"__typename": "Query"}


MISTAKES = [
    "{ organisatons { totalCount } }",  # an unknown field
    "{ organisations(frist: 1) { totalCount } }",  # an unknown argument
    'mutation { addAgendaItem(input: {meetingId: "x", title: "T", purpose: DECISON}) { errors { message } } }',  # enum
    "query($x: Purpos) { __typename }",  # an unknown type
]
ANSWER_MISTAKES = """
import asyncio, json, sys
from quorum.web.schema import schema
async def main():
    out = []
    for query in json.loads(sys.argv[1]):
        result = await schema.execute(query)
        out.append([e.message for e in result.errors or []])
    print(json.dumps(out))
asyncio.run(main())
"""


def answers_in(environment: str) -> list[list[str]]:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "QUORUM_ENV": environment, "QUORUM_DEMO": ""}
    result = subprocess.run(
        [sys.executable, "-c", ANSWER_MISTAKES, json.dumps(MISTAKES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_no_suggestions_in_production():
    development, production = answers_in("development"), answers_in("production")
    assert all(any("Did you mean" in m for m in messages) for messages in development), development
    for messages in production:
        assert messages and not any("Did you mean" in m for m in messages), production
    assert production[0] == ["Cannot query field 'organisatons' on type 'Query'."]
