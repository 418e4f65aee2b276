"""The functions that decide a caller's access keep their plans: PL/pgSQL, not SQL.

PostgreSQL plans a SQL function's query afresh at every call when it cannot inline it, and it never inlines a
SECURITY DEFINER one. `access_facts` is planned for each caller not yet remembered (quorum.auth.known_callers):
0.7 ms of the decision's 0.8 ms, measured alone on one connection. A PL/pgSQL function plans each query once per
connection and keeps the plan, so the same decision costs 0.3 ms. The others here run in that decision or in every
statement with remembered access (`current_access_epoch`).

Each body is unchanged, the query returned whole: a STABLE PL/pgSQL function reads with its caller's snapshot, as
a SQL function does, so the access epoch is still read in the statement's own snapshot. Signatures, owners and
grants are kept (CREATE OR REPLACE).

Revision ID: 0034
Revises: 0033
"""

from quorum.migrations import run_script

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None

FUNCTIONS = (
    "'access_facts', 'current_access_epoch', 'sign_in_session_expires', 'bearer_token_live', 'sign_in_session_person'"
)

PLPGSQL_BODY = "'BEGIN RETURN (' || rtrim(btrim(prosrc, E' \\n'), ';') || '); END'"
SQL_BODY = "substring(prosrc FROM '^BEGIN RETURN \\((.*)\\); END$')"


def _recreate(language: str, body: str) -> str:
    return f"""
DO $$
DECLARE f record;
BEGIN
    FOR f IN SELECT p.oid, p.proname, {body} AS body FROM pg_proc p
             WHERE p.pronamespace = 'public'::regnamespace AND p.proname IN ({FUNCTIONS}) LOOP
        EXECUTE format('CREATE OR REPLACE FUNCTION %I(%s) RETURNS %s LANGUAGE {language} STABLE SECURITY DEFINER'
                       ' SET search_path = public AS %L', f.proname, pg_get_function_arguments(f.oid),
                       pg_get_function_result(f.oid), f.body);
    END LOOP;
END $$;
"""


def upgrade() -> None:
    run_script(_recreate("plpgsql", PLPGSQL_BODY))


def downgrade() -> None:
    run_script(_recreate("sql", SQL_BODY))
