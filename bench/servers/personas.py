"""Who is measured reading what: chosen by SQL from whatever database DATABASE_URL names.

Nothing here knows the demo's names, so the same choices work on the demo data (with
bench.servers.demo_business added) and on a database seeded with `quorum seed --scale national`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import asyncpg

from quorum.database import connect_kwargs, owner_url
from quorum.ids import encode

ACTIVE = "{alias}.valid_from <= current_date AND ({alias}.valid_to IS NULL OR current_date <= {alias}.valid_to)"

# The CCG governing body meeting with the most agenda items among those in the month either side of today.
BUSIEST_GOVERNING_BODY_MEETING = """
SELECT m.id, m.committee_id, m.org_id
FROM meeting m JOIN committee c ON c.org_id = m.org_id AND c.id = m.committee_id
WHERE c.kind = 'GOVERNING_BODY' AND m.starts_at BETWEEN now() - interval '1 month' AND now() + interval '1 month'
ORDER BY (SELECT count(*) FROM agenda_item a WHERE a.org_id = m.org_id AND a.meeting_id = m.id) DESC, m.starts_at
LIMIT 1"""

# A voting member of that governing body who is not one of the CCG's governance officers.
GOVERNING_BODY_MEMBER = f"""
SELECT s.person_id FROM seat s
WHERE s.committee_id = $1 AND {ACTIVE.format(alias="s")}
ORDER BY s.voting DESC, EXISTS (
    SELECT 1 FROM membership m WHERE m.person_id = s.person_id AND m.org_id = s.org_id
    AND m.role IN ('BOARD_SECRETARY', 'ADMINISTRATOR')) , s.role = 'CHAIR', s.person_id
LIMIT 1"""

# Every (representative, practice, open ballot) whose practice has not voted yet: one vote each.
UNCAST_VOTES = f"""
SELECT m.person_id, m.practice_id, b.id AS ballot_id
FROM membership m
JOIN ballot b ON b.org_id = m.org_id
WHERE m.role = 'PRACTICE_REPRESENTATIVE' AND m.practice_id IS NOT NULL AND {ACTIVE.format(alias="m")}
  AND b.opens_at <= now() AND now() < b.closes_at AND b.closed_early_at IS NULL
  AND (b.electorate_frozen_at IS NULL OR EXISTS (
      SELECT 1 FROM ballot_elector e WHERE e.org_id = b.org_id AND e.ballot_id = b.id AND e.practice_id = m.practice_id))
  AND NOT EXISTS (
      SELECT 1 FROM ballot_participation p WHERE p.org_id = b.org_id AND p.ballot_id = b.id AND p.practice_id = m.practice_id)
ORDER BY b.id, m.practice_id, m.person_id"""

ANY_REPRESENTATIVE = f"""
SELECT m.person_id FROM membership m
WHERE m.role = 'PRACTICE_REPRESENTATIVE' AND m.practice_id IS NOT NULL AND {ACTIVE.format(alias="m")}
ORDER BY m.person_id LIMIT 1"""

# Each question's first option: "for" on a question, the first candidate in an election.
FIRST_OPTIONS = """
SELECT q.id AS question_id, (SELECT o.id FROM ballot_option o WHERE o.org_id = q.org_id AND o.question_id = q.id
                             ORDER BY o.position LIMIT 1) AS option_id
FROM ballot_question q WHERE q.org_id = (SELECT org_id FROM ballot WHERE id = $1) AND q.ballot_id = $1
ORDER BY q.position"""

# The closed survey with the most sent responses, and a board secretary of its organisation.
BUSIEST_CLOSED_SURVEY = f"""
SELECT s.id, (SELECT m.person_id FROM membership m WHERE m.org_id = s.org_id AND m.role = 'BOARD_SECRETARY'
              AND {ACTIVE.format(alias="m")} ORDER BY m.person_id LIMIT 1) AS secretary
FROM survey s WHERE s.status = 'CLOSED'
ORDER BY (SELECT count(*) FROM survey_response r WHERE r.org_id = s.org_id AND r.survey_id = s.id
          AND r.status = 'SUBMITTED') DESC, s.id
LIMIT 1"""

# The meeting with a published Part I pack and the most Part I agenda items.
BUSIEST_PUBLISHED_MEETING = """
SELECT m.id FROM meeting m
WHERE EXISTS (SELECT 1 FROM pack_build b WHERE b.org_id = m.org_id AND b.meeting_id = m.id
              AND b.part = 'PUBLIC' AND b.published_at IS NOT NULL)
ORDER BY (SELECT count(*) FROM agenda_item a WHERE a.org_id = m.org_id AND a.meeting_id = m.id AND a.part = 'PUBLIC') DESC,
         m.starts_at DESC
LIMIT 1"""


@dataclass(frozen=True)
class Vote:
    representative: uuid.UUID
    ballot_id: str  # global IDs, as the page sends them
    practice_id: str
    answers: tuple[dict, ...]
    # One random key per ballot paper, as the phone page makes: every later send of the same paper is a
    # retry, answered "already recorded".
    submission_key: str = field(default_factory=lambda: str(uuid.uuid4()))

    def variables(self) -> dict:
        return {
            "input": {
                "ballotId": self.ballot_id,
                "practiceId": self.practice_id,
                "answers": list(self.answers),
                "submissionKey": self.submission_key,
            }
        }


@dataclass(frozen=True)
class Personas:
    meeting_id: str
    committee_id: str
    member: uuid.UUID  # sits on the meeting's governing body
    representative: uuid.UUID  # a practice representative, with an open ballot not yet voted in if there is one
    votes: tuple[Vote, ...]  # none when every open ballot has been voted in (by an earlier run, say)
    survey_id: str
    survey_secretary: uuid.UUID
    public_meeting_id: str


class MissingData(Exception):
    pass


async def choose() -> Personas:
    conn = await asyncpg.connect(**connect_kwargs(owner_url()))
    try:
        return await _choose(conn)
    finally:
        await conn.close()


async def _choose(conn: asyncpg.Connection) -> Personas:
    meeting = await conn.fetchrow(BUSIEST_GOVERNING_BODY_MEETING)
    if meeting is None:
        raise MissingData("no governing body meeting within a month of today")
    member = await conn.fetchval(GOVERNING_BODY_MEMBER, meeting["committee_id"])
    if member is None:
        raise MissingData("nobody sits on the governing body of the chosen meeting")
    uncast = await conn.fetch(UNCAST_VOTES)
    representative = uncast[0]["person_id"] if uncast else await conn.fetchval(ANY_REPRESENTATIVE)
    if representative is None:
        raise MissingData("no practice representative")
    answers = {}
    for ballot_id in {row["ballot_id"] for row in uncast}:
        answers[ballot_id] = tuple(
            {
                "questionId": encode("BallotQuestion", r["question_id"]),
                "optionIds": [encode("BallotOption", r["option_id"])],
            }
            for r in await conn.fetch(FIRST_OPTIONS, ballot_id)
        )
    votes = tuple(
        Vote(
            r["person_id"],
            encode("Ballot", r["ballot_id"]),
            encode("Practice", r["practice_id"]),
            answers[r["ballot_id"]],
        )
        for r in uncast
    )
    survey = await conn.fetchrow(BUSIEST_CLOSED_SURVEY)
    if survey is None or survey["secretary"] is None:
        raise MissingData("no closed survey with a board secretary to read its results")
    public_meeting = await conn.fetchval(BUSIEST_PUBLISHED_MEETING)
    if public_meeting is None:
        raise MissingData("no meeting with a published Part I pack")
    return Personas(
        meeting_id=encode("Meeting", meeting["id"]),
        committee_id=encode("Committee", meeting["committee_id"]),
        member=member,
        representative=representative,
        votes=votes,
        survey_id=encode("Survey", survey["id"]),
        survey_secretary=survey["secretary"],
        public_meeting_id=encode("Meeting", public_meeting),
    )
