"""Survey results, as a hot read: the frontend's `SurveyResults` document answered from a per-worker cache.

The report is the same for everyone who sees the same view of the same state of a round, so the first request
for each is answered by the schema itself (exactly, with every check it makes) and the JSON kept; later ones
read only what could change that answer, in one statement, and are served the kept JSON when nothing has.

What the answer depends on, and so the cache key:
- the caller's view: whether they manage the survey (the withheld reasons), and whether they see the previous
  round and may read its results (the comparisons). Callers who may not read the results are left to the
  schema (the answer's null results are cheap);
- every round in the chain the caller sees (this one and the earlier ones, which the disclosure audit and the
  comparisons read): its row version (any change to a survey row gives it a new xmin), its status as of now,
  and, while it is open, its response count in steps of the threshold, the only figure an open round shows.
  A closed round is keyed once it is settled (`results.SETTLED_AFTER`): nothing it shows can change after
  that. In the minute before, an answer sent as it closed may still be counted, so the schema answers.
A draft is left to the schema too (its questions change without its row's changing).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any

from quorum import clock, ids
from quorum.access import Access
from quorum.database import Db
from quorum.errors import ClientError
from quorum.surveys import results
from quorum.surveys.groups import GroupSplit
from quorum.surveys.policy import can_manage, can_read_results, results_are_public
from quorum.surveys.service import current_status
from quorum.surveys.tables import Survey, SurveyStatus

# frontend/src/api/surveys.ts, surveyResultsQuery (a test keeps the two the same)
SURVEY_RESULTS = """  query SurveyResults($id: ID!, $split: RespondentGroupSplit) {
    node(id: $id) {
      __typename
      ... on Survey {
        id
        title
        status
        anonymity
        resultsPublished
        viewerCanManage
        viewerCanReadResults
        resultsExportUrl
        previousRound {
          id
          title
        }
        results(split: $split) {
          suppressionThreshold
          responseCount
          invitedCount
          responseRate
          provisional
          withheldReasons
          split
          splitLabel
          byLocality {
            locality
            invited
            responses
            percent
          }
          questions {
            question {
              id
              key
              kind
              number
              prompt
              options {
                key
                label
              }
              statements {
                key
                label
              }
            }
            overall {
              key
              label
              withheld
              withheldReason
              respondents
              agreePercent
              mean
              median
              options {
                key
                label
                count
                percent
              }
              statements {
                key
                label
                respondents
                agreePercent
                options {
                  key
                  label
                  count
                  percent
                }
              }
            }
            groups {
              key
              label
              withheld
              withheldReason
              respondents
              agreePercent
              mean
              median
              options {
                key
                label
                count
                percent
              }
              statements {
                key
                label
                respondents
                agreePercent
                options {
                  key
                  label
                  count
                  percent
                }
              }
            }
            previousRound {
              surveyTitle
              overall {
                withheld
                respondents
                agreePercent
              }
            }
            textAnswers(first: 20) {
              totalCount
              texts
            }
          }
        }
      }
    }
  }
"""

# The survey and the earlier rounds the caller sees (row-level security decides), each with what it shows.
# Submitted responses are counted only for an open round; the index on (survey_id, status) answers it.
ROUNDS = """
WITH RECURSIVE chain AS (
    SELECT s.*, s.xmin::text AS row_version, 0 AS depth FROM survey s WHERE s.id = $1
    UNION ALL
    SELECT p.*, p.xmin::text, c.depth + 1
    FROM survey p JOIN chain c ON p.org_id = c.org_id AND p.id = c.previous_round_id
    WHERE c.depth < 100
)
SELECT org_id, id, status, closes_at, results_published, suppression_threshold, previous_round_id, row_version,
       (SELECT o.area_team_id FROM organisation o WHERE o.id = chain.org_id) AS area_team_id,
       CASE WHEN status = 'OPEN' AND (closes_at IS NULL OR closes_at > $2) THEN
           (SELECT count(*) FROM survey_response r
            WHERE r.org_id = chain.org_id AND r.survey_id = chain.id AND r.status = 'SUBMITTED')
       END AS responses
FROM chain ORDER BY depth
"""

KEPT = 64  # answers kept per worker, the least recently served dropped first
_kept: OrderedDict[tuple, str] = OrderedDict()


def _round(row: Any) -> Survey:
    return Survey(
        org_id=row["org_id"],
        id=row["id"],
        status=SurveyStatus(row["status"]),
        closes_at=row["closes_at"],
        results_published=row["results_published"],
        suppression_threshold=row["suppression_threshold"],
        previous_round_id=row["previous_round_id"],
    )


def _state(row: Any, survey: Survey) -> tuple | None:
    """What a round shows depends on, as of now; None while it cannot be kept (a draft, or closed but unsettled)."""
    status = current_status(survey, clock.now())
    if status == SurveyStatus.DRAFT:
        return None
    if status == SurveyStatus.CLOSED:
        if survey.closes_at is not None and clock.now() < survey.closes_at + results.SETTLED_AFTER:
            return None
        return (survey.id, row["row_version"], status.value)
    if row["responses"] is None:
        return None
    shown = results.stepped(row["responses"], survey.suppression_threshold)
    return (survey.id, row["row_version"], status.value, shown)


def _reads_results(access: Access, survey: Survey, area_team_id: Any) -> bool:
    """`service.reads_results`, given the CCG's area team as the caller may see it (null when they may not see
    the CCG: organisation's row-level security is `visible_organisations`)."""
    if can_read_results(access, survey):
        return True
    return results_are_public(survey) and can_read_results(access, survey, area_team_id)


async def view_key(db: Db, access: Access, variables: dict[str, Any]) -> tuple | None:
    """The key of the answer this caller is owed now, or None when the schema should answer."""
    if not set(variables) <= {"id", "split"} or not isinstance(variables.get("id"), str):
        return None
    split = variables.get("split")
    if split is not None and split not in GroupSplit.__members__:
        return None
    try:
        type_name, survey_id = ids.decode(variables["id"])
    except ClientError:
        return None
    if type_name != "Survey":
        return None
    rows = await db.records(ROUNDS, survey_id, clock.now())
    if not rows:
        return None
    chain = [_round(row) for row in rows]
    survey = chain[0]
    if not _reads_results(access, survey, rows[0]["area_team_id"]):
        return None
    previous = chain[1] if len(chain) > 1 and chain[1].id == survey.previous_round_id else None
    reads_previous = previous is not None and _reads_results(access, previous, rows[1]["area_team_id"])
    states = tuple(_state(row, r) for row, r in zip(rows, chain, strict=True))
    if None in states:
        return None
    return (split, can_manage(access, survey), previous is not None, reads_previous, states)


def serialised(answer: dict) -> str:
    """As the GraphQL endpoint's JSONResponse writes a response."""
    return json.dumps(answer, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _without_count(key: tuple) -> tuple | None:
    """For a key of an open round, the same key with its response count left out."""
    *view, states = key
    if len(states[0]) != 4:
        return None
    return (*view, (states[0][:3], *states[1:]))


_open_views: dict[tuple, tuple] = {}  # an open round's view without its count -> the key last kept for it


def kept(key: tuple) -> str | None:
    found = _kept.get(key)
    if found is not None:
        _kept.move_to_end(key)
        return found
    return _recounted(key)


def _recounted(key: tuple) -> str | None:
    """An open round shows no figure but its response count (and the rate it makes of those invited), so when
    only the count has moved a step, the answer kept for the same view at the last step is that answer with
    those two values changed (`SurveyResults.of` computes the rate the same way)."""
    view = _without_count(key)
    last = _open_views.get(view) if view is not None else None
    before = _kept.get(last) if last is not None else None
    if before is None:
        return None
    answer = json.loads(before)
    found = answer["data"]["node"]["results"]
    found["responseCount"] = count = key[-1][0][3]
    invited = found["invitedCount"]
    found["responseRate"] = results.percent(count, invited) if invited else None
    recounted = serialised(answer)
    keep(key, recounted)
    return recounted


def keep(key: tuple, answer: str) -> None:
    _kept[key] = answer
    view = _without_count(key)
    if view is not None:
        _open_views[view] = key
    while len(_kept) > KEPT:
        dropped, _ = _kept.popitem(last=False)
        view = _without_count(dropped)
        if view is not None and _open_views.get(view) == dropped:
            del _open_views[view]
