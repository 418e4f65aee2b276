"""Casting a ballot vote as a hot read: the frontend's `CastBallotVote` document, a first vote or a repeat of
one answered by a single call of cast_ballot_vote_as (migration 0035), which checks the caller's sign-in or
bearer token, reads which practices they represent, and makes the service's checks and writes (cast_ballot_vote,
migration 0030).

Whatever that function declines (a caller it cannot vouch for, a refusal, a change of vote), and input the schema
would refuse or might read differently, is left to the schema, whose messages it keeps; the function writes
nothing when it declines.

It runs as one statement with no access decided first (quorum.auth.identity `checking_itself`), its own
transaction, with no BEGIN or COMMIT. A statement finding its connection dead is sent once more: a repeat of a
paper (same submission key, or same choices) is answered "already recorded" and writes nothing, so a vote is
never doubled.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from quorum import clock, ids, limits
from quorum.auth.identity import Credentials
from quorum.ballots.voting import MAX_ANSWERS
from quorum.errors import InputErrors
from quorum.graphql.hot import Reader, hot_read

# frontend/src/api/ballots.ts, castBallotVoteMutation (a test keeps the two the same)
CAST_BALLOT_VOTE = """
  mutation CastBallotVote($input: CastBallotVoteInput!) {
    castBallotVote(input: $input) {
      outcome
      message
      errors {
        field
        message
      }
    }
  }
"""

CAST = "SELECT outcome, message FROM cast_ballot_vote_as($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
INPUT_FIELDS = {"ballotId", "practiceId", "answers", "submissionKey"}


class _Declined(Exception):
    """The input is for the schema to judge."""


@hot_read(CAST_BALLOT_VOTE, checks_its_caller=True)
async def cast_ballot_vote(db: Reader, caller: Credentials, variables: dict[str, Any]) -> str | None:
    if variables.keys() != {"input"}:
        return None
    try:
        ballot, practice, questions, option_answers, options, key = _paper(variables["input"])
    except (_Declined, InputErrors):
        return None
    try:
        limits.check_submission(caller.person_id, None)
    except limits.RateLimited:
        return None  # the schema answers 429 (a refused request is not counted)
    try:
        rows = await db.records(
            CAST,
            caller.person_id,
            caller.sign_in,
            caller.token_id,
            caller.token_issued_at,
            ballot,
            practice,
            questions,
            option_answers,
            options,
            key,
            clock.now(),
        )
    except BaseException:
        limits.take_back_submission(caller.person_id, None)  # not sent, or sent again by the schema
        raise
    outcome, message = rows[0]
    if outcome is None:
        limits.take_back_submission(caller.person_id, None)  # the schema counts it
        return None
    answer = {"outcome": outcome, "message": message, "errors": []}
    return json.dumps({"data": {"castBallotVote": answer}}, ensure_ascii=False, separators=(",", ":"))


def _paper(given: Any) -> tuple[uuid.UUID, uuid.UUID | None, list[uuid.UUID], list[int], list[uuid.UUID], str | None]:
    """The input's ids decoded and its answers flattened: each option numbered with its answer (from 1)."""
    if not isinstance(given, dict) or not given.keys() <= INPUT_FIELDS:
        raise _Declined
    ballot, practice, answers, key = (given.get(f) for f in ("ballotId", "practiceId", "answers", "submissionKey"))
    if not (
        isinstance(ballot, str)
        and (practice is None or isinstance(practice, str) and practice)
        and isinstance(key, str | None)
        and isinstance(answers, list)
        and len(answers) <= MAX_ANSWERS
    ):
        raise _Declined
    if key is not None:
        key = key.strip()
        if not 1 <= len(key) <= 100:
            raise _Declined
    questions, option_answers, options = [], [], []
    for number, answer in enumerate(answers, start=1):
        if not (isinstance(answer, dict) and answer.keys() == {"questionId", "optionIds"}):
            raise _Declined
        question, chosen = answer["questionId"], answer["optionIds"]
        if not (isinstance(question, str) and isinstance(chosen, list) and all(isinstance(o, str) for o in chosen)):
            raise _Declined
        questions.append(ids.decode_as("BallotQuestion", question))
        option_answers += [number] * len(chosen)
        options += [ids.decode_as("BallotOption", o) for o in chosen]
    return (
        ids.decode_as("Ballot", ballot),
        practice and ids.decode_as("Practice", practice),
        questions,
        option_answers,
        options,
        key,
    )
