"""The operations measured: the requests each sends to Quorum and, where one exists, to PostGraphile.

Quorum gets the frontend's own documents with the persona's bearer token. PostGraphile gets a document
for the same logical read (bench/postgraphile/documents) with the persona's row-level security settings,
worked out once by Quorum's own access code, in the header its pgSettings reads.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from bench.servers.documents import frontend_document, postgraphile_document
from bench.servers.load import Request
from bench.servers.personas import Personas
from quorum.ids import decode

MEETINGS_PAGE_SIZE = 50  # frontend/src/components/meetings/MeetingsSection.tsx
PG_SETTINGS_HEADER = "X-Bench-Pg-Settings"

Rows = Callable[[dict], dict[str, int]]  # a response's data -> counts of what it holds, to compare servers


@dataclass(frozen=True)
class Operation:
    key: str  # for --only
    label: str
    quorum: list[Request]  # sent in turn
    quorum_rows: Rows
    postgraphile: list[Request] | None = None
    postgraphile_rows: Rows | None = None
    no_peer: str = ""  # why PostGraphile serves no equivalent


def bearer(person_id: uuid.UUID) -> dict[str, str]:
    from quorum.auth import tokens

    return {"Authorization": f"Bearer {tokens.issue(person_id, timedelta(hours=3))}"}


async def pg_settings(person_id: uuid.UUID | None) -> dict[str, str]:
    """The row-level security settings Quorum's own access code sets for this person's transactions."""
    from quorum.access import ANONYMOUS
    from quorum.auth.identity import Identity, transaction_for

    if person_id is None:
        return ANONYMOUS.rls_settings()
    async with transaction_for(Identity.of_person(person_id)) as (_, access):
        return access.rls_settings()


def _as(settings: dict[str, str]) -> dict[str, str]:
    return {PG_SETTINGS_HEADER: json.dumps(settings, separators=(",", ":"))}


def _body(query: str, variables: dict) -> dict:
    return {"query": query, "variables": variables}


def _meeting_rows(meeting: dict | None) -> dict[str, int]:
    meeting = meeting or {}
    agenda = meeting.get("agenda") or []
    agenda = agenda["nodes"] if isinstance(agenda, dict) else agenda
    packs = meeting.get("packs") or []
    packs = packs["nodes"] if isinstance(packs, dict) else packs
    return {
        "meetings": int(bool(meeting)),
        "agenda items": len(agenda),
        "papers": sum(1 for item in agenda if item.get("paper")),
        "packs": len(packs),
    }


def _meetings_rows(connection: dict) -> dict[str, int]:
    return {"total": connection["totalCount"], "on the page": len(connection["edges"])}


def _memberships_rows(person: dict | None) -> dict[str, int]:
    memberships = (person or {}).get("memberships") or []
    memberships = memberships["nodes"] if isinstance(memberships, dict) else memberships
    return {
        "people": int(bool(person)),
        "memberships": len(memberships),
        "practices": sum(1 for m in memberships if m.get("practice")),
    }


async def build(personas: Personas) -> list[Operation]:
    meeting_org, meeting_id = await _org_and_id("meeting", personas.meeting_id)
    public_org, public_id = await _org_and_id("meeting", personas.public_meeting_id)
    _, committee_id = decode(personas.committee_id)
    member, representative, anonymous = (
        await pg_settings(personas.member),
        await pg_settings(personas.representative),
        await pg_settings(None),
    )
    meeting_page = frontend_document("meetings", "meetingQuery")
    pg_meeting = postgraphile_document("meeting")
    found = [
        Operation(
            "meeting",
            "Meeting page (governing body member)",
            [Request(bearer(personas.member), _body(meeting_page, {"id": personas.meeting_id}))],
            lambda data: _meeting_rows(data["node"]),
            [Request(_as(member), _body(pg_meeting, {"orgId": str(meeting_org), "id": str(meeting_id)}))],
            lambda data: _meeting_rows(data["meeting"]),
        ),
        Operation(
            "meetings",
            "Committee's meeting list (first 50)",
            [
                Request(
                    bearer(personas.member),
                    _body(
                        frontend_document("meetings", "committeeMeetingsQuery"),
                        {"committeeId": personas.committee_id, "first": MEETINGS_PAGE_SIZE, "after": None},
                    ),
                )
            ],
            lambda data: _meetings_rows(data["meetings"]),
            [
                Request(
                    _as(member),
                    _body(
                        postgraphile_document("committee_meetings"),
                        {"committeeId": str(committee_id), "first": MEETINGS_PAGE_SIZE},
                    ),
                )
            ],
            lambda data: _meetings_rows(data["meetings"]),
        ),
        Operation(
            "home",
            "Representative's home page",
            [Request(bearer(personas.representative), _body(frontend_document("operations", "sessionQuery"), {}))],
            lambda data: _memberships_rows(data["viewer"] and {**data["viewer"]["person"], **data["viewer"]}),
            [
                Request(
                    _as(representative),
                    _body(postgraphile_document("session"), {"personId": str(personas.representative)}),
                )
            ],
            lambda data: _memberships_rows(data["person"]),
        ),
        Operation(
            "vote",
            "Cast a ballot vote",
            [
                Request(
                    bearer(vote.representative),
                    _body(frontend_document("ballots", "castBallotVoteMutation"), vote.variables()),
                )
                for vote in personas.votes
            ],
            lambda data: {"answered": int(bool(data["castBallotVote"]["outcome"]))},
            no_peer="a write with Quorum's rules (one vote per practice, retries, audit): nothing to generate",
        ),
        Operation(
            "survey",
            "Survey results (board secretary)",
            [
                Request(
                    bearer(personas.survey_secretary),
                    _body(
                        frontend_document("surveys", "surveyResultsQuery"), {"id": personas.survey_id, "split": None}
                    ),
                )
            ],
            lambda data: {"questions": len(data["node"]["results"]["questions"])},
            no_peer="results with small groups withheld are Quorum's own computation, not a read of rows",
        ),
        Operation(
            "public",
            "Public meeting and pack page (anonymous)",
            [Request({}, _body(meeting_page, {"id": personas.public_meeting_id}))],
            lambda data: _meeting_rows(data["node"]),
            [Request(_as(anonymous), _body(pg_meeting, {"orgId": str(public_org), "id": str(public_id)}))],
            lambda data: _meeting_rows(data["meeting"]),
        ),
        Operation(
            "directory",
            "Public directory search (anonymous)",
            [
                Request({}, _body(frontend_document("publicDirectory", "publicDirectoryQuery"), variables))
                for variables in (
                    {"search": None, "first": 25, "after": None},
                    {"search": "ccg", "first": 25, "after": None},
                    {"search": "00t", "first": 25, "after": None},
                )
            ],
            lambda data: {"organisations": len(data["publicDirectory"]["edges"])},
            no_peer="the directory is read through a SECURITY DEFINER function, not rows the public may select",
        ),
    ]
    return [o for o in found if o.quorum]  # no votes to cast when every open ballot has been voted in


async def _org_and_id(table: str, global_id: str) -> tuple[uuid.UUID, uuid.UUID]:
    import asyncpg

    from quorum.database import connect_kwargs, owner_url

    _, row_id = decode(global_id)
    conn = await asyncpg.connect(**connect_kwargs(owner_url()))
    try:
        return await conn.fetchval(f"SELECT org_id FROM {table} WHERE id = $1", row_id), row_id
    finally:
        await conn.close()
