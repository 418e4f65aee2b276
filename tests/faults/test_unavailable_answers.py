"""What a client is told when the database is lost, in-process: the same 503 sentence from every route."""

from __future__ import annotations

import asyncpg

from quorum.auth import identity
from quorum.ballots import voting
from quorum.database import is_unavailable
from quorum.web.unavailable import MESSAGE
from tests.ballots.helpers import CAST, answers, new_ballot
from tests.support import BOLTON_GP, as_person

UNAVAILABLE = {"errors": [{"message": MESSAGE}]}


class Unreachable:
    def connect(self):
        raise ConnectionRefusedError(111, "Connection refused")


async def test_a_download_while_the_database_is_unreachable_is_a_503_sentence(client, monkeypatch):
    monkeypatch.setattr(identity, "app_engine", Unreachable)
    response = await client.get("/packs/00000000-0000-0000-0000-000000000000.pdf")
    assert response.status_code == 503 and response.headers["retry-after"] == "1"
    assert response.json() == UNAVAILABLE


async def test_a_connection_lost_inside_a_resolver_is_a_503_not_a_masked_error(client, monkeypatch):
    ballot = await new_ballot(client)
    gp = await as_person(client, BOLTON_GP)

    async def lost(*args, **kwargs):
        raise asyncpg.ConnectionDoesNotExistError("connection was closed in the middle of operation")

    monkeypatch.setattr(voting, "cast_vote", lost)
    paper = {"ballotId": ballot["id"], "answers": answers(ballot, "For"), "submissionKey": "paper-lost"}
    response = await client.post(
        "/graphql", json={"query": CAST, "variables": {"input": paper}}, headers={"Authorization": f"Bearer {gp.token}"}
    )
    assert response.status_code == 503 and response.json() == UNAVAILABLE


async def test_a_bug_inside_a_resolver_is_still_masked(client, monkeypatch):
    ballot = await new_ballot(client)
    gp = await as_person(client, BOLTON_GP)

    async def broken(*args, **kwargs):
        raise KeyError("a bug, not the database")

    monkeypatch.setattr(voting, "cast_vote", broken)
    paper = {"ballotId": ballot["id"], "answers": answers(ballot, "For")}
    response = await client.post(
        "/graphql", json={"query": CAST, "variables": {"input": paper}}, headers={"Authorization": f"Bearer {gp.token}"}
    )
    assert response.status_code == 200
    assert response.json()["errors"][0]["message"] == "Something went wrong on our side; it has been logged."


def test_only_a_lost_database_counts_as_unavailable():
    starting = asyncpg.CannotConnectNowError("the database system is starting up")
    wrapped = RuntimeError("as a driver wraps it")
    wrapped.__cause__ = starting
    assert is_unavailable(wrapped) and is_unavailable(ConnectionRefusedError(111, "Connection refused"))
    assert not is_unavailable(FileNotFoundError("index.html")) and not is_unavailable(KeyError("a bug"))
    assert not is_unavailable(asyncpg.UniqueViolationError("duplicate key"))
