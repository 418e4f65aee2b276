"""Bearer tokens can be revoked: one by its identifier (jti), or all of a person's issued before a moment
(signing out everywhere). Tokens themselves are not stored; a revocation is kept until the longest-lived
token it could name has expired.

Revision ID: 0009
Revises: 0008
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Like sign_in_session: no org_id (a token is a person's, not an organisation's), no privileges for the app,
# which reaches the tables only through these functions.
SQL = f"""
CREATE TABLE bearer_token_revocation (
    token_id uuid PRIMARY KEY,
    revoked_at timestamptz NOT NULL DEFAULT now(),
    forget_after timestamptz NOT NULL
);
CREATE INDEX bearer_token_revocation_forget_idx ON bearer_token_revocation (forget_after);
ALTER TABLE bearer_token_revocation ENABLE ROW LEVEL SECURITY;
ALTER TABLE bearer_token_revocation FORCE ROW LEVEL SECURITY;

CREATE TABLE bearer_token_cutoff (
    person_id uuid PRIMARY KEY REFERENCES person (id),
    not_before timestamptz NOT NULL
);
ALTER TABLE bearer_token_cutoff ENABLE ROW LEVEL SECURITY;
ALTER TABLE bearer_token_cutoff FORCE ROW LEVEL SECURITY;

CREATE FUNCTION revoke_bearer_token(p_token uuid, p_max_lifetime interval) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    DELETE FROM bearer_token_revocation WHERE forget_after < now();
    INSERT INTO bearer_token_revocation (token_id, forget_after) VALUES (p_token, now() + p_max_lifetime)
    ON CONFLICT (token_id) DO NOTHING
    RETURNING true
$$;

-- iat is whole seconds: a token issued in the same second as the cutoff is refused too (never wrongly kept).
CREATE FUNCTION revoke_bearer_tokens_of(p_person uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    INSERT INTO bearer_token_cutoff (person_id, not_before) VALUES (p_person, date_trunc('second', now()))
    ON CONFLICT (person_id) DO UPDATE SET not_before = EXCLUDED.not_before
$$;

CREATE FUNCTION bearer_token_live(p_token uuid, p_person uuid, p_issued_at timestamptz) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT NOT EXISTS (SELECT 1 FROM bearer_token_revocation WHERE token_id = p_token)
       AND NOT EXISTS (SELECT 1 FROM bearer_token_cutoff WHERE person_id = p_person AND p_issued_at <= not_before)
$$;

-- Signing out everywhere ends every browser sign-in of the person and every bearer token issued so far.
CREATE FUNCTION end_sign_ins_everywhere(p_session uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    v_person uuid;
BEGIN
    SELECT person_id INTO v_person FROM sign_in_session
     WHERE id = p_session AND ended_at IS NULL AND expires_at > now();
    IF v_person IS NULL THEN
        RETURN;
    END IF;
    UPDATE sign_in_session SET ended_at = now() WHERE person_id = v_person AND ended_at IS NULL;
    PERFORM revoke_bearer_tokens_of(v_person);
END
$$;

REVOKE ALL ON FUNCTION revoke_bearer_token(uuid, interval), revoke_bearer_tokens_of(uuid),
    bearer_token_live(uuid, uuid, timestamptz), end_sign_ins_everywhere(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION revoke_bearer_token(uuid, interval), bearer_token_live(uuid, uuid, timestamptz),
    end_sign_ins_everywhere(uuid) TO {APP_ROLE};
"""


def upgrade() -> None:
    run_script(SQL)


def downgrade() -> None:
    run_script(
        "DROP FUNCTION end_sign_ins_everywhere(uuid), bearer_token_live(uuid, uuid, timestamptz),"
        " revoke_bearer_tokens_of(uuid), revoke_bearer_token(uuid, interval);"
        " DROP TABLE bearer_token_cutoff; DROP TABLE bearer_token_revocation;"
    )
