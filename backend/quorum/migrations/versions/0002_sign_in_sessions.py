"""Server-side record of browser sign-ins, so signing out ends a session for good.

Revision ID: 0002
Revises: 0001
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The cookie carries only the session's id; these functions are the app's only
# way to the table, which it has no privileges on.
SQL = f"""
CREATE TABLE sign_in_session (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person (id),
    started_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    ended_at timestamptz
);
CREATE INDEX sign_in_session_person_idx ON sign_in_session (person_id);
ALTER TABLE sign_in_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE sign_in_session FORCE ROW LEVEL SECURITY;

CREATE FUNCTION start_sign_in_session(p_person uuid, p_lifetime interval) RETURNS uuid
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    INSERT INTO sign_in_session (person_id, expires_at) VALUES (p_person, now() + p_lifetime) RETURNING id
$$;

CREATE FUNCTION end_sign_in_session(p_session uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    UPDATE sign_in_session SET ended_at = now() WHERE id = p_session AND ended_at IS NULL
$$;

CREATE FUNCTION sign_in_session_person(p_session uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT person_id FROM sign_in_session WHERE id = p_session AND ended_at IS NULL AND expires_at > now()
$$;

REVOKE ALL ON FUNCTION start_sign_in_session(uuid, interval), end_sign_in_session(uuid),
    sign_in_session_person(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION start_sign_in_session(uuid, interval), end_sign_in_session(uuid),
    sign_in_session_person(uuid) TO {APP_ROLE};
"""


def upgrade() -> None:
    run_script(SQL)


def downgrade() -> None:
    run_script(
        "DROP FUNCTION start_sign_in_session(uuid, interval), end_sign_in_session(uuid), sign_in_session_person(uuid);"
        " DROP TABLE sign_in_session;"
    )
