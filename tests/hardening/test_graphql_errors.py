"""Mistakes in GraphQL variables are answered as helpfully as the same mistakes written inline; only genuine
internal errors are masked; an anonymous caller of a mutation is asked to sign in; an unknown operationName is a
400 with a sentence."""

from __future__ import annotations

import pytest

from quorum.graphql.errors import MASKED_MESSAGE
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
        (ADD_ITEM, {"input": {"meetingId": "x", "title": "T", "purpose": "DECISION", "minutesAllotted": "ten"}},
         ["minutesAllotted", "ten"]),
        (ORGANISATIONS, {"first": "lots"}, ["$first", "lots"]),
        # a custom scalar (DateTime) whose parser raises
        (CREATE_MEETING, {"input": {"committeeId": "x", "title": "T", "startsAt": "next Tuesday"}},
         ["startsAt", "next Tuesday"]),
        # the variable itself missing
        (ADD_ITEM, {}, ["$input", "to be provided"]),
    ],
)
async def test_variable_errors_name_the_field_and_the_value(client, query, variables, expected):
    caller = await as_person(client, BOLTON_SECRETARY)
    found = await messages(client, caller.token, query, variables)
    assert found and MASKED_MESSAGE not in found, found
    assert any(all(part in m for part in expected) for m in found), found


async def test_an_anonymous_mutation_is_asked_to_sign_in(client):
    found = await messages(client, None, ADD_ITEM, {"input": {"meetingId": "x", "title": "T", "purpose": "DECISION"}})
    assert found == ["Sign in to make changes."]
    assert not any("secretar" in m for m in found)


async def test_unknown_operation_name_is_a_400_with_a_sentence(client):
    response = await client.post("/graphql", json={"query": "query A { __typename }", "operationName": "B"})
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["message"] == "The document has no operation named 'B'."
    ok = await client.post("/graphql", json={"query": "query A { __typename } query B { __typename }", "operationName": "B"})
    assert ok.status_code == 200 and ok.json()["data"] == {"__typename": "Query"}


MISTAKES = [
    "{ organisatons { totalCount } }",  # an unknown field
    "{ organisations(frist: 1) { totalCount } }",  # an unknown argument
    'mutation { addAgendaItem(input: {meetingId: "x", title: "T", purpose: DECISON}) { errors { message } } }',  # enum
    "query($x: Purpos) { __typename }",  # an unknown type
]
ANSWER_MISTAKES = """
import asyncio, json, sys
from quorum.graphql.schema import schema
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
    result = subprocess.run([sys.executable, "-c", ANSWER_MISTAKES, json.dumps(MISTAKES)], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_no_suggestions_in_production():
    development, production = answers_in("development"), answers_in("production")
    assert all(any("Did you mean" in m for m in messages) for messages in development), development
    for messages in production:
        assert messages and not any("Did you mean" in m for m in messages), production
    assert production[0] == ["Cannot query field 'organisatons' on type 'Query'."]
