"""Organisations, practices, people, memberships, the audit log, and row-level security.

Revision ID: 0001
Revises:
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Read by every policy. current_setting(..., true) gives NULL when never set and
# '' after a transaction that set it has ended, hence nullif.
ACCESS_FUNCTIONS = """
CREATE FUNCTION app_person_id() RETURNS uuid LANGUAGE sql STABLE
AS $$ SELECT nullif(current_setting('app.person_id', true), '')::uuid $$;

CREATE FUNCTION app_org_ids() RETURNS uuid[] LANGUAGE sql STABLE
AS $$ SELECT coalesce(nullif(current_setting('app.org_ids', true), '')::uuid[], '{}') $$;

CREATE FUNCTION app_is_platform_admin() RETURNS boolean LANGUAGE sql STABLE
AS $$ SELECT coalesce(nullif(current_setting('app.platform_admin', true), '')::boolean, false) $$;
"""

TABLES = """
CREATE TABLE organisation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('CCG', 'AREA_TEAM')),
    ods_code varchar NOT NULL UNIQUE CHECK (ods_code ~ '^[A-Z0-9]{3,6}$'),
    name varchar NOT NULL CHECK (btrim(name) <> ''),
    area_team_id uuid REFERENCES organisation (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'CCG') = (area_team_id IS NOT NULL))
);

CREATE TABLE practice (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    ods_code varchar NOT NULL UNIQUE CHECK (ods_code ~ '^[A-Z][0-9]{5}$'),
    name varchar NOT NULL CHECK (btrim(name) <> ''),
    list_size integer NOT NULL CHECK (list_size >= 0),
    locality varchar NOT NULL,
    PRIMARY KEY (org_id, id)
);
CREATE INDEX practice_id_idx ON practice (id);

CREATE TABLE person (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email varchar NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name varchar NOT NULL CHECK (btrim(name) <> ''),
    is_platform_admin boolean NOT NULL DEFAULT false
);

CREATE TABLE person_registration (
    org_id uuid NOT NULL REFERENCES organisation (id),
    person_id uuid NOT NULL REFERENCES person (id),
    PRIMARY KEY (org_id, person_id)
);
CREATE INDEX person_registration_person_idx ON person_registration (person_id);

CREATE TABLE membership (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person (id),
    role varchar NOT NULL CHECK (role IN ('ADMINISTRATOR', 'BOARD_SECRETARY', 'GOVERNING_BODY_MEMBER',
                                          'STAFF', 'PRACTICE_REPRESENTATIVE', 'AREA_TEAM_OFFICER')),
    practice_id uuid,
    valid_from date NOT NULL,
    valid_to date,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, practice_id) REFERENCES practice (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES person_registration (org_id, person_id),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK ((role = 'PRACTICE_REPRESENTATIVE') = (practice_id IS NOT NULL))
);
CREATE INDEX membership_id_idx ON membership (id);
CREATE INDEX membership_person_idx ON membership (person_id);

CREATE TABLE audit_entry (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid REFERENCES organisation (id),
    at timestamptz NOT NULL DEFAULT now(),
    actor_person_id uuid REFERENCES person (id),
    action varchar NOT NULL,
    entity_type varchar NOT NULL,
    entity_id uuid,
    before jsonb,
    after jsonb
);
CREATE INDEX audit_entry_org_idx ON audit_entry (org_id, at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
"""

POLICIES = """
ALTER TABLE organisation ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation FORCE ROW LEVEL SECURITY;
CREATE POLICY organisation_tenant ON organisation
    USING (id = ANY (app_org_ids()) OR app_is_platform_admin())
    WITH CHECK (app_is_platform_admin());

ALTER TABLE practice ENABLE ROW LEVEL SECURITY;
ALTER TABLE practice FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_tenant ON practice
    USING (org_id = ANY (app_org_ids()) OR app_is_platform_admin());

ALTER TABLE person_registration ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_registration FORCE ROW LEVEL SECURITY;
CREATE POLICY person_registration_tenant ON person_registration
    USING (org_id = ANY (app_org_ids()) OR person_id = app_person_id() OR app_is_platform_admin());

ALTER TABLE person ENABLE ROW LEVEL SECURITY;
ALTER TABLE person FORCE ROW LEVEL SECURITY;
CREATE POLICY person_visible ON person
    USING (
        id = app_person_id()
        OR app_is_platform_admin()
        OR EXISTS (SELECT 1 FROM person_registration r
                   WHERE r.person_id = person.id AND r.org_id = ANY (app_org_ids()))
    );

ALTER TABLE membership ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership FORCE ROW LEVEL SECURITY;
CREATE POLICY membership_tenant ON membership
    USING (org_id = ANY (app_org_ids()) OR person_id = app_person_id() OR app_is_platform_admin())
    WITH CHECK (org_id = ANY (app_org_ids()) OR app_is_platform_admin());

ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_entry_read ON audit_entry FOR SELECT
    USING (org_id = ANY (app_org_ids()) OR (org_id IS NULL AND app_is_platform_admin()));
CREATE POLICY audit_entry_write ON audit_entry FOR INSERT
    WITH CHECK (actor_person_id IS NOT DISTINCT FROM app_person_id()
                AND (org_id = ANY (app_org_ids()) OR app_is_platform_admin()));
"""

# The two ways in that row-level security cannot give: finding who is signing
# in (before anyone is known) and registering a person whose record another
# organisation may already hold. Both run as the owner and do one thing each.
DEFINER_FUNCTIONS = """
CREATE FUNCTION person_id_for_sign_in(p_email text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT id FROM person WHERE email = lower(btrim(p_email)) $$;

CREATE FUNCTION register_person(p_org uuid, p_email text, p_name text) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    found uuid;
BEGIN
    IF NOT (p_org = ANY (app_org_ids()) OR app_is_platform_admin()) THEN
        RAISE EXCEPTION 'organisation not visible' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO person (email, name) VALUES (lower(btrim(p_email)), btrim(p_name))
        ON CONFLICT (email) DO NOTHING RETURNING id INTO found;
    IF found IS NULL THEN
        SELECT id INTO found FROM person WHERE email = lower(btrim(p_email));
    END IF;
    INSERT INTO person_registration (org_id, person_id) VALUES (p_org, found) ON CONFLICT DO NOTHING;
    RETURN found;
END $$;
"""


def grants(role: str) -> str:
    return f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
        CREATE ROLE {role} LOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT, INSERT, UPDATE ON organisation, practice, person, membership TO {role};
GRANT SELECT, INSERT ON person_registration TO {role};
GRANT SELECT, INSERT ON audit_entry TO {role};
REVOKE ALL ON FUNCTION person_id_for_sign_in(text), register_person(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_id_for_sign_in(text), register_person(uuid, text, text) TO {role};
"""


def upgrade() -> None:
    for sql in (ACCESS_FUNCTIONS, TABLES, POLICIES, DEFINER_FUNCTIONS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP TABLE audit_entry, membership, person_registration, person, practice, organisation;
        DROP FUNCTION audit_entry_is_append_only(), person_id_for_sign_in(text),
                      register_person(uuid, text, text), app_person_id(), app_org_ids(),
                      app_is_platform_admin();
        """
    )
