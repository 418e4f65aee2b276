"""A ballot vote that checks its caller itself: cast_ballot_vote_as is one statement for any caller whose person the
app knows before asking the database (a bearer token's; a sign-in's, once a worker has seen it), with no access
decision first.

It declines (outcome NULL, having written nothing), for the service to decide the caller's access and answer,
unless the caller's sign-in is live and theirs, or their bearer token unrevoked. Then it applies, for the statement
alone, the part of the caller's access a vote reads, as quorum.access.decide would at `p_now`: their person, the
organisations of their memberships current on London's date (`org_ids`, `directory_org_ids`), those of them that
are CCGs (`practice_org_ids`), and the practices they represent; and calls cast_ballot_vote (migration 0030) with
them. Every other setting stays empty, so row-level security shows the statement no more than the whole decision
would. Reading the memberships in the vote's own snapshot, it sees a membership, sign-in or token ended by any
commit before the vote began.

Revision ID: 0035
Revises: 0034
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

RIGHTS = "voting_memberships(uuid, date)"
VOTE = "cast_ballot_vote_as(uuid, uuid, uuid, timestamptz, uuid, uuid, uuid[], integer[], uuid[], text, timestamptz)"

FUNCTIONS = """
-- Answers only for the person in app.person_id, as access_facts does. PL/pgSQL, so its plan is kept (migration 0034).
CREATE FUNCTION voting_memberships(
    p_person uuid, p_today date,
    OUT org_ids uuid[], OUT ccg_ids uuid[], OUT rep_orgs uuid[], OUT rep_practices uuid[])
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
    SELECT coalesce(array_agg(DISTINCT m.org_id), '{}'),
           coalesce(array_agg(DISTINCT m.org_id) FILTER (WHERE o.kind = 'CCG'), '{}'),
           coalesce(array_agg(m.org_id) FILTER (WHERE m.role = 'PRACTICE_REPRESENTATIVE'), '{}'),
           coalesce(array_agg(m.practice_id) FILTER (WHERE m.role = 'PRACTICE_REPRESENTATIVE'), '{}')
    INTO org_ids, ccg_ids, rep_orgs, rep_practices
    FROM membership m JOIN organisation o ON o.id = m.org_id
    WHERE m.person_id = p_person AND p_person = app_person_id()
      AND m.valid_from <= p_today AND (m.valid_to IS NULL OR p_today <= m.valid_to);
END $$;

CREATE FUNCTION cast_ballot_vote_as(
    p_person uuid, p_sign_in uuid, p_token uuid, p_token_issued_at timestamptz, p_ballot uuid, p_practice uuid,
    p_questions uuid[], p_option_answers integer[], p_options uuid[], p_key text, p_now timestamptz,
    OUT outcome text, OUT message text)
LANGUAGE plpgsql AS $$
DECLARE
    rights record;
BEGIN
    IF p_person IS NULL OR (p_sign_in IS NULL) = (p_token IS NULL)
       OR (p_sign_in IS NOT NULL AND sign_in_session_person(p_sign_in) IS DISTINCT FROM p_person)
       OR (p_token IS NOT NULL AND NOT bearer_token_live(p_token, p_person, p_token_issued_at)) THEN
        RETURN;
    END IF;
    PERFORM set_config('app.person_id', p_person::text, true);
    SELECT * INTO rights FROM voting_memberships(p_person, (p_now AT TIME ZONE 'Europe/London')::date);
    PERFORM set_config('app.org_ids', rights.org_ids::text, true),
            set_config('app.directory_org_ids', rights.org_ids::text, true),
            set_config('app.practice_org_ids', rights.ccg_ids::text, true);
    SELECT v.outcome, v.message INTO outcome, message
    FROM cast_ballot_vote(p_person, rights.rep_orgs, rights.rep_practices, p_ballot, p_practice, p_questions,
                          p_option_answers, p_options, p_key, p_now) AS v;
END $$;
"""


def upgrade() -> None:
    run_script(
        FUNCTIONS
        + f"""
REVOKE ALL ON FUNCTION {RIGHTS}, {VOTE} FROM PUBLIC;
GRANT EXECUTE ON FUNCTION {RIGHTS}, {VOTE} TO {APP_ROLE};
"""
    )


def downgrade() -> None:
    run_script(f"DROP FUNCTION {VOTE}, {RIGHTS};")
