"""The access epoch: a counter that moves whenever anything a caller's access is decided from changes, so a
worker may keep each caller's decided access until the counter moves (quorum.auth.known_callers).

It moves with the change, in the change's own transaction: a reader whose statement began after the change
committed sees the new value, one whose statement began before sees neither. The counter is bumped by deferred
triggers, at commit, so a transaction holds the counter's row lock only while it commits (a lock taken at the
first change and held to commit would deadlock two transactions that each changed a row the other then wants).

Revision ID: 0032
Revises: 0031
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

# What access_facts, bearer_token_live and sign_in_session_person read. A new sign-in grants nothing that was
# refused before, so only ending one (UPDATE) moves the epoch.
WATCHED = {
    "person": "INSERT OR UPDATE OR DELETE",
    "membership": "INSERT OR UPDATE OR DELETE",
    "organisation": "INSERT OR UPDATE OR DELETE",
    "committee": "INSERT OR UPDATE OR DELETE",
    "committee_party": "INSERT OR UPDATE OR DELETE",
    "seat": "INSERT OR UPDATE OR DELETE",
    "delegation": "INSERT OR UPDATE OR DELETE",
    "bearer_token_revocation": "INSERT OR UPDATE OR DELETE",
    "bearer_token_cutoff": "INSERT OR UPDATE OR DELETE",
    "sign_in_session": "UPDATE OR DELETE",
}

SQL = f"""
-- No tenant's data and no grant to the app, which reads it through current_access_epoch().
CREATE TABLE access_epoch (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    n bigint NOT NULL
);
INSERT INTO access_epoch (n) VALUES (0);

CREATE FUNCTION current_access_epoch() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT n FROM access_epoch $$;

-- Once per transaction, however many rows it changed (a row trigger: constraint triggers are per row).
CREATE FUNCTION bump_access_epoch() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF current_setting('quorum.access_epoch_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE access_epoch SET n = n + 1;
        PERFORM set_config('quorum.access_epoch_bumped', 'yes', true);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION bump_access_epoch_now() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE access_epoch SET n = n + 1;
    RETURN NULL;
END
$$;

-- When a session ends: the caller's statement reads its own sign-in's expiry with its person.
CREATE FUNCTION sign_in_session_expires(p_session uuid) RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT expires_at FROM sign_in_session WHERE id = p_session AND ended_at IS NULL AND expires_at > now()
$$;

REVOKE ALL ON FUNCTION current_access_epoch(), bump_access_epoch(), bump_access_epoch_now(),
    sign_in_session_expires(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION current_access_epoch(), sign_in_session_expires(uuid) TO {APP_ROLE};
""" + "".join(
    f"""
CREATE CONSTRAINT TRIGGER access_epoch AFTER {events} ON {table}
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_access_epoch();
CREATE TRIGGER access_epoch_truncate AFTER TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION bump_access_epoch_now();
"""
    for table, events in WATCHED.items()
)


def upgrade() -> None:
    run_script(SQL)


def downgrade() -> None:
    run_script(
        "".join(
            f"DROP TRIGGER access_epoch ON {table}; DROP TRIGGER access_epoch_truncate ON {table};" for table in WATCHED
        )
        + " DROP FUNCTION sign_in_session_expires(uuid), bump_access_epoch_now(), bump_access_epoch(), current_access_epoch();"
        + " DROP TABLE access_epoch;"
    )
