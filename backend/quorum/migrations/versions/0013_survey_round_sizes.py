"""Earlier survey rounds' sizes for the disclosure audit: how many responded, and answered each question,
in each combination of respondent groups, for every earlier round of a survey the caller may read results of.

A comparison between rounds is audited over both rounds' tables together, and a round's results must be the
same for every reader (they are cached, and a reader could otherwise combine two differently withheld
versions). A reader of this round may not be able to read an earlier one under row-level security, so the
earlier rounds' sizes come through this narrow function: counts only, never an answer, for the chain of
previous rounds of one survey whose results the caller may read (the same conditions as survey_tally_read).

Revision ID: 0013
Revises: 0012
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

FUNCTION = """
CREATE FUNCTION survey_earlier_round_sizes(p_org uuid, p_survey uuid)
RETURNS TABLE (survey_id uuid, depth integer, threshold integer, status varchar, closes_at timestamptz,
               anonymity varchar, question_key varchar, question_kind varchar, group_role varchar, group_locality varchar, group_leader boolean,
               group_band varchar, count integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    WITH RECURSIVE readable AS (
        SELECT s.org_id, s.id, s.previous_round_id FROM survey s
        WHERE s.org_id = p_org AND s.id = p_survey
          AND (p_org = ANY (app_uuids('app.officer_org_ids')) OR p_org = ANY (app_uuids('app.delegated_ccgs'))
               OR (s.results_published AND s.status <> 'DRAFT'
                   AND (p_org = ANY (app_org_ids())
                        OR EXISTS (SELECT 1 FROM organisation o WHERE o.id = p_org AND o.area_team_id = ANY (app_org_ids())))))
    ), chain AS (
        SELECT e.org_id, e.id, e.previous_round_id, e.suppression_threshold, e.status, e.closes_at, e.anonymity, 1 AS depth
        FROM survey e JOIN readable r ON e.org_id = r.org_id AND e.id = r.previous_round_id
        UNION ALL
        SELECT e.org_id, e.id, e.previous_round_id, e.suppression_threshold, e.status, e.closes_at, e.anonymity, c.depth + 1
        FROM survey e JOIN chain c ON e.org_id = c.org_id AND e.id = c.previous_round_id
        WHERE c.depth < 50
    )
    SELECT c.id, c.depth, c.suppression_threshold, c.status, c.closes_at, c.anonymity, NULL::varchar, NULL::varchar,
           r.group_role, coalesce(r.group_locality, ''), r.group_leader, coalesce(r.group_band, ''), count(*)::integer
    FROM chain c JOIN survey_response r ON r.org_id = c.org_id AND r.survey_id = c.id AND r.status = 'SUBMITTED'
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    UNION ALL
    SELECT c.id, c.depth, c.suppression_threshold, c.status, c.closes_at, c.anonymity, q.key, q.kind,
           t.group_role, t.group_locality, t.group_leader, t.group_band, max(t.count)::integer
    FROM chain c
    JOIN survey_tally t ON t.org_id = c.org_id AND t.survey_id = c.id AND t.choice = '' AND t.count > 0
    JOIN survey_question q ON q.org_id = t.org_id AND q.id = t.question_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    UNION ALL
    SELECT c.id, c.depth, c.suppression_threshold, c.status, c.closes_at, c.anonymity, NULL::varchar, NULL::varchar,
           NULL, NULL, NULL, NULL, NULL
    FROM chain c
$$;
REVOKE ALL ON FUNCTION survey_earlier_round_sizes(uuid, uuid) FROM PUBLIC;
"""


def upgrade() -> None:
    run_script(FUNCTION + f"GRANT EXECUTE ON FUNCTION survey_earlier_round_sizes(uuid, uuid) TO {APP_ROLE};")


def downgrade() -> None:
    run_script("DROP FUNCTION survey_earlier_round_sizes(uuid, uuid);")
