"""Committees, joint committees, seats, stored files, delegations and primary care contracts.

Access now also depends on seats and live delegations. The app computes it
(quorum.access) from the facts access_facts() returns and sets these per
transaction, beside app.person_id, app.org_ids and app.platform_admin:
    app.directory_org_ids  organisations whose directory entry (name, ODS code) the caller may read
    app.practice_org_ids   CCGs whose practice list the caller may read
    app.committee_ids      committees whose members and business the caller may see
    app.officer_org_ids    organisations where the caller is an administrator or board secretary
    app.contract_read_ccgs / app.contract_write_ccgs  CCGs whose practices' contracts a live delegation opens

Revision ID: 0003
Revises: 0002
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SETTINGS = """
CREATE FUNCTION app_uuids(setting text) RETURNS uuid[] LANGUAGE sql STABLE
AS $$ SELECT coalesce(nullif(current_setting(setting, true), '')::uuid[], '{}') $$;
"""

TABLES = """
CREATE TABLE stored_file (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    filename varchar NOT NULL,
    content_type varchar NOT NULL,
    size_bytes integer NOT NULL CHECK (size_bytes > 0),
    sha256 varchar NOT NULL,
    content bytea NOT NULL,
    uploaded_by uuid REFERENCES person (id),
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id)
);
CREATE INDEX stored_file_id_idx ON stored_file (id);

CREATE TABLE committee (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    kind varchar NOT NULL CHECK (kind IN ('GOVERNING_BODY', 'COUNCIL_OF_MEMBERS', 'AUDIT', 'QUALITY', 'REMUNERATION',
                                          'PRIMARY_CARE_COMMISSIONING', 'JOINT_COMMITTEE', 'OTHER')),
    name varchar NOT NULL CHECK (btrim(name) <> ''),
    terms_summary varchar NOT NULL DEFAULT '',
    terms_file_id uuid,
    is_joint boolean NOT NULL DEFAULT false,
    co_commissioning_level varchar CHECK (co_commissioning_level IN ('JOINT', 'DELEGATED')),
    in_common_group varchar,
    party_officers_may_view boolean NOT NULL DEFAULT true,
    quorum_rule jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, terms_file_id) REFERENCES stored_file (org_id, id),
    CHECK (is_joint = (kind = 'JOINT_COMMITTEE')),
    CHECK (is_joint OR co_commissioning_level IS NULL OR kind = 'PRIMARY_CARE_COMMISSIONING')
);
CREATE INDEX committee_id_idx ON committee (id);
CREATE UNIQUE INDEX committee_one_governing_body ON committee (org_id, kind)
    WHERE kind IN ('GOVERNING_BODY', 'COUNCIL_OF_MEMBERS');

CREATE TABLE committee_party (
    org_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    party_org_id uuid NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (org_id, committee_id, party_org_id),
    FOREIGN KEY (org_id, committee_id) REFERENCES committee (org_id, id)
);
CREATE INDEX committee_party_party_idx ON committee_party (party_org_id);

CREATE TABLE seat (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    committee_id uuid NOT NULL,
    person_id uuid NOT NULL REFERENCES person (id),
    party_org_id uuid NOT NULL REFERENCES organisation (id),
    role varchar NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'IN_ATTENDANCE')),
    voting boolean NOT NULL,
    category varchar NOT NULL CHECK (category IN ('GP', 'LAY_MEMBER', 'EXECUTIVE', 'NURSE', 'SECONDARY_CARE_DOCTOR',
                                                  'NHS_ENGLAND', 'HEALTHWATCH', 'HWB', 'LMC', 'OTHER')),
    valid_from date NOT NULL,
    valid_to date,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, committee_id) REFERENCES committee (org_id, id),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK (NOT (role = 'IN_ATTENDANCE' AND voting))
);
CREATE INDEX seat_id_idx ON seat (id);
CREATE INDEX seat_committee_idx ON seat (committee_id);
CREATE INDEX seat_person_idx ON seat (person_id);

CREATE TABLE delegation (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    receiving_org_id uuid NOT NULL,
    receiving_committee_id uuid NOT NULL,
    functions text[] NOT NULL CHECK (cardinality(functions) > 0),
    scope_ccg_ids uuid[] NOT NULL CHECK (cardinality(scope_ccg_ids) > 0),
    valid_from timestamptz NOT NULL,
    valid_to timestamptz NOT NULL,
    agreement_file_id uuid,
    recorded_by uuid NOT NULL REFERENCES person (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    revoked_by uuid REFERENCES person (id),
    revocation_reason varchar,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (receiving_org_id, receiving_committee_id) REFERENCES committee (org_id, id),
    FOREIGN KEY (org_id, agreement_file_id) REFERENCES stored_file (org_id, id),
    CHECK (valid_to > valid_from),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX delegation_id_idx ON delegation (id);
CREATE INDEX delegation_committee_idx ON delegation (receiving_committee_id);

CREATE TABLE primary_care_contract (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    practice_org_id uuid NOT NULL,
    practice_id uuid NOT NULL UNIQUE,
    contract_type varchar NOT NULL CHECK (contract_type IN ('GMS', 'PMS', 'APMS')),
    start_date date NOT NULL,
    enhanced_services text[] NOT NULL DEFAULT '{}',
    notes varchar NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (practice_org_id, practice_id) REFERENCES practice (org_id, id)
);
CREATE INDEX primary_care_contract_id_idx ON primary_care_contract (id);
CREATE INDEX primary_care_contract_ccg_idx ON primary_care_contract (practice_org_id);
"""

POLICIES = """
-- Delegated work is audited in the delegating organisation's log.
DROP POLICY audit_entry_write ON audit_entry;
CREATE POLICY audit_entry_write ON audit_entry FOR INSERT
    WITH CHECK (actor_person_id IS NOT DISTINCT FROM app_person_id()
                AND (org_id = ANY (app_uuids('app.directory_org_ids')) OR app_is_platform_admin()));

-- Members of a committee see each other, whichever party each represents.
DROP POLICY person_visible ON person;
CREATE POLICY person_visible ON person
    USING (
        id = app_person_id()
        OR app_is_platform_admin()
        OR EXISTS (SELECT 1 FROM person_registration r
                   WHERE r.person_id = person.id AND r.org_id = ANY (app_org_ids()))
        OR EXISTS (SELECT 1 FROM seat s
                   WHERE s.person_id = person.id AND s.committee_id = ANY (app_uuids('app.committee_ids')))
    );

DROP POLICY organisation_tenant ON organisation;
CREATE POLICY organisation_read ON organisation FOR SELECT
    USING (id = ANY (app_uuids('app.directory_org_ids')) OR app_is_platform_admin());
CREATE POLICY organisation_create ON organisation FOR INSERT WITH CHECK (app_is_platform_admin());
CREATE POLICY organisation_change ON organisation FOR UPDATE USING (app_is_platform_admin());

DROP POLICY practice_tenant ON practice;
CREATE POLICY practice_read ON practice FOR SELECT
    USING (org_id = ANY (app_uuids('app.practice_org_ids')) OR app_is_platform_admin());
CREATE POLICY practice_create ON practice FOR INSERT
    WITH CHECK (org_id = ANY (app_org_ids()) OR app_is_platform_admin());
CREATE POLICY practice_change ON practice FOR UPDATE
    USING (org_id = ANY (app_org_ids()) OR app_is_platform_admin());

ALTER TABLE committee ENABLE ROW LEVEL SECURITY;
ALTER TABLE committee FORCE ROW LEVEL SECURITY;
-- The delegating organisation may read the record of a committee it delegated to, not its business.
-- The host's own rule is repeated here so a committee just created is readable at once.
CREATE POLICY committee_read ON committee FOR SELECT
    USING (id = ANY (app_uuids('app.committee_ids'))
           OR (org_id = ANY (app_org_ids()) AND (NOT is_joint OR org_id = ANY (app_uuids('app.officer_org_ids'))))
           OR EXISTS (SELECT 1 FROM delegation d
                      WHERE d.receiving_committee_id = committee.id AND d.org_id = ANY (app_org_ids())));
CREATE POLICY committee_create ON committee FOR INSERT WITH CHECK (org_id = ANY (app_org_ids()));
CREATE POLICY committee_change ON committee FOR UPDATE USING (id = ANY (app_uuids('app.committee_ids')));

ALTER TABLE committee_party ENABLE ROW LEVEL SECURITY;
ALTER TABLE committee_party FORCE ROW LEVEL SECURITY;
CREATE POLICY committee_party_read ON committee_party FOR SELECT
    USING (committee_id = ANY (app_uuids('app.committee_ids')) OR party_org_id = ANY (app_org_ids()));
CREATE POLICY committee_party_create ON committee_party FOR INSERT WITH CHECK (org_id = ANY (app_org_ids()));

ALTER TABLE seat ENABLE ROW LEVEL SECURITY;
ALTER TABLE seat FORCE ROW LEVEL SECURITY;
CREATE POLICY seat_read ON seat FOR SELECT USING (committee_id = ANY (app_uuids('app.committee_ids')));
CREATE POLICY seat_create ON seat FOR INSERT WITH CHECK (org_id = ANY (app_org_ids()));
CREATE POLICY seat_change ON seat FOR UPDATE USING (org_id = ANY (app_org_ids()));

ALTER TABLE delegation ENABLE ROW LEVEL SECURITY;
ALTER TABLE delegation FORCE ROW LEVEL SECURITY;
CREATE POLICY delegation_read ON delegation FOR SELECT
    USING (org_id = ANY (app_org_ids()) OR receiving_org_id = ANY (app_org_ids())
           OR receiving_committee_id = ANY (app_uuids('app.committee_ids')));
CREATE POLICY delegation_create ON delegation FOR INSERT WITH CHECK (org_id = ANY (app_org_ids()));
CREATE POLICY delegation_change ON delegation FOR UPDATE USING (org_id = ANY (app_org_ids()));

ALTER TABLE stored_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_file FORCE ROW LEVEL SECURITY;
-- A file is readable where what it is attached to is readable.
CREATE POLICY stored_file_read ON stored_file FOR SELECT
    USING (org_id = ANY (app_org_ids())
           OR EXISTS (SELECT 1 FROM committee c WHERE c.org_id = stored_file.org_id AND c.terms_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM delegation d WHERE d.org_id = stored_file.org_id AND d.agreement_file_id = stored_file.id));
CREATE POLICY stored_file_create ON stored_file FOR INSERT WITH CHECK (org_id = ANY (app_org_ids()));

ALTER TABLE primary_care_contract ENABLE ROW LEVEL SECURITY;
ALTER TABLE primary_care_contract FORCE ROW LEVEL SECURITY;
CREATE POLICY contract_read ON primary_care_contract FOR SELECT
    USING (org_id = ANY (app_org_ids()) OR practice_org_id = ANY (app_uuids('app.contract_read_ccgs')));
CREATE POLICY contract_create ON primary_care_contract FOR INSERT WITH CHECK (org_id = ANY (app_org_ids()));
CREATE POLICY contract_change ON primary_care_contract FOR UPDATE
    USING (org_id = ANY (app_org_ids()) OR practice_org_id = ANY (app_uuids('app.contract_write_ccgs')));
"""

# Everything quorum.access needs to decide what a person may see, in one round trip.
# It answers only for the person the transaction is already set for.
FACTS = """
CREATE FUNCTION access_facts(p_person uuid) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
WITH my_orgs AS (SELECT DISTINCT org_id FROM membership WHERE person_id = p_person),
     my_seats AS (SELECT * FROM seat WHERE person_id = p_person)
SELECT CASE WHEN p_person IS DISTINCT FROM app_person_id() THEN NULL ELSE jsonb_build_object(
  'platform_admin', (SELECT is_platform_admin FROM person WHERE id = p_person),
  'memberships', (SELECT coalesce(jsonb_agg(jsonb_build_object(
        'org_id', m.org_id, 'role', m.role, 'practice_id', m.practice_id, 'valid_from', m.valid_from,
        'valid_to', m.valid_to, 'kind', o.kind, 'area_team_id', o.area_team_id)), '[]')
      FROM membership m JOIN organisation o ON o.id = m.org_id WHERE m.person_id = p_person),
  'area_ccgs', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'area_team_id', o.area_team_id)), '[]')
      FROM organisation o WHERE o.area_team_id IN (SELECT org_id FROM my_orgs)),
  'committees', (SELECT coalesce(jsonb_agg(jsonb_build_object(
        'id', c.id, 'org_id', c.org_id, 'is_joint', c.is_joint,
        'party_officers_may_view', c.party_officers_may_view,
        'parties', (SELECT coalesce(jsonb_agg(p.party_org_id), '[]') FROM committee_party p WHERE p.committee_id = c.id))), '[]')
      FROM committee c
      WHERE c.org_id IN (SELECT org_id FROM my_orgs)
         OR c.id IN (SELECT committee_id FROM my_seats)
         OR c.id IN (SELECT committee_id FROM committee_party WHERE party_org_id IN (SELECT org_id FROM my_orgs))),
  'seats', (SELECT coalesce(jsonb_agg(jsonb_build_object(
        'committee_id', s.committee_id, 'role', s.role, 'voting', s.voting,
        'valid_from', s.valid_from, 'valid_to', s.valid_to)), '[]') FROM my_seats s),
  'delegations', (SELECT coalesce(jsonb_agg(jsonb_build_object(
        'id', d.id, 'committee_id', d.receiving_committee_id, 'functions', d.functions,
        'scope_ccg_ids', d.scope_ccg_ids, 'valid_from', d.valid_from, 'valid_to', d.valid_to,
        'revoked_at', d.revoked_at)), '[]')
      FROM delegation d WHERE d.receiving_committee_id IN (SELECT committee_id FROM my_seats))
) END $$;
REVOKE ALL ON FUNCTION access_facts(uuid) FROM PUBLIC;
"""

# The public scheme of reservation and delegation: what anyone may read without signing in.
PUBLIC_SCHEME = """
CREATE FUNCTION public_delegations(p_ods text)
RETURNS TABLE (delegation_id uuid, delegating text, receiving_committee text, receiving_host text,
               functions text[], scope text[], valid_from timestamptz, valid_to timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT d.id, o.name, c.name, h.name, d.functions,
           ARRAY(SELECT s.name FROM organisation s WHERE s.id = ANY (d.scope_ccg_ids) ORDER BY s.name),
           d.valid_from, d.valid_to, d.revoked_at
    FROM delegation d
    JOIN organisation o ON o.id = d.org_id
    JOIN committee c ON c.org_id = d.receiving_org_id AND c.id = d.receiving_committee_id
    JOIN organisation h ON h.id = c.org_id
    JOIN organisation asked ON asked.ods_code = upper(p_ods)
    WHERE asked.id IN (d.org_id, d.receiving_org_id) OR asked.id = ANY (d.scope_ccg_ids)
    ORDER BY d.valid_from DESC, c.name
$$;
REVOKE ALL ON FUNCTION public_delegations(text) FROM PUBLIC;

CREATE FUNCTION public_organisation(p_ods text)
RETURNS TABLE (id uuid, kind text, ods_code text, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT id, kind, ods_code, name FROM organisation WHERE ods_code = upper(p_ods)
$$;
REVOKE ALL ON FUNCTION public_organisation(text) FROM PUBLIC;
"""

# Every CCG has a governing body and a council of members from the start: a trigger
# (as the owner, since whoever creates a CCG is not yet a member of it) adds them.
STANDING_COMMITTEES = """
CREATE FUNCTION add_standing_committees() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF NEW.kind = 'CCG' THEN
        INSERT INTO committee (org_id, kind, name, quorum_rule) VALUES
            (NEW.id, 'GOVERNING_BODY', 'Governing body',
             '{"minimum_voting": 4, "categories": {"LAY_MEMBER": 1, "GP": 1, "EXECUTIVE": 1}, "each_party": false}'),
            (NEW.id, 'COUNCIL_OF_MEMBERS', 'Council of members',
             '{"minimum_voting": 1, "categories": {}, "each_party": false}')
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER organisation_standing_committees AFTER INSERT ON organisation
    FOR EACH ROW EXECUTE FUNCTION add_standing_committees();
INSERT INTO committee (org_id, kind, name, quorum_rule)
SELECT o.id, k.kind, k.name, k.rule::jsonb
FROM organisation o
CROSS JOIN (VALUES
    ('GOVERNING_BODY', 'Governing body',
     '{"minimum_voting": 4, "categories": {"LAY_MEMBER": 1, "GP": 1, "EXECUTIVE": 1}, "each_party": false}'),
    ('COUNCIL_OF_MEMBERS', 'Council of members', '{"minimum_voting": 1, "categories": {}, "each_party": false}')
) AS k (kind, name, rule)
WHERE o.kind = 'CCG'
ON CONFLICT DO NOTHING;

-- Whether someone may take a seat for an organisation the secretary cannot see into: yes or no only.
CREATE FUNCTION has_active_membership(p_person uuid, p_org uuid, p_on date) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM membership WHERE person_id = p_person AND org_id = p_org
                   AND valid_from <= p_on AND (valid_to IS NULL OR p_on <= valid_to))
$$;
REVOKE ALL ON FUNCTION has_active_membership(uuid, uuid, date) FROM PUBLIC;

-- The committees an organisation may delegate to: joint committees it is party to, its own
-- committees, and (for an area team) its CCGs' primary care commissioning committees.
CREATE FUNCTION delegation_targets(p_org uuid)
RETURNS TABLE (org_id uuid, id uuid, name text, host_name text, kind text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT c.org_id, c.id, c.name, h.name, c.kind
    FROM committee c JOIN organisation h ON h.id = c.org_id
    WHERE p_org = ANY (app_org_ids())
      AND (c.org_id = p_org
           OR c.id IN (SELECT committee_id FROM committee_party WHERE party_org_id = p_org)
           OR (c.kind = 'PRIMARY_CARE_COMMISSIONING' AND h.area_team_id = p_org))
      AND c.kind NOT IN ('COUNCIL_OF_MEMBERS')
    ORDER BY h.name, c.name
$$;
REVOKE ALL ON FUNCTION delegation_targets(uuid) FROM PUBLIC;
"""


def grants(role: str) -> str:
    return f"""
GRANT SELECT, INSERT, UPDATE ON stored_file, committee, seat, delegation, primary_care_contract TO {role};
GRANT SELECT, INSERT ON committee_party TO {role};
GRANT EXECUTE ON FUNCTION access_facts(uuid), public_delegations(text), public_organisation(text),
    has_active_membership(uuid, uuid, date), delegation_targets(uuid) TO {role};
"""


def upgrade() -> None:
    for sql in (SETTINGS, TABLES, POLICIES, FACTS, PUBLIC_SCHEME, STANDING_COMMITTEES, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP TRIGGER organisation_standing_committees ON organisation;
        DROP FUNCTION access_facts(uuid), public_delegations(text), public_organisation(text),
            has_active_membership(uuid, uuid, date), delegation_targets(uuid), add_standing_committees();
        DROP TABLE primary_care_contract, delegation, seat, committee_party, committee, stored_file;
        DROP POLICY organisation_read ON organisation; DROP POLICY organisation_create ON organisation;
        DROP POLICY organisation_change ON organisation;
        DROP POLICY practice_read ON practice; DROP POLICY practice_create ON practice;
        DROP POLICY practice_change ON practice;
        CREATE POLICY organisation_tenant ON organisation
            USING (id = ANY (app_org_ids()) OR app_is_platform_admin()) WITH CHECK (app_is_platform_admin());
        CREATE POLICY practice_tenant ON practice USING (org_id = ANY (app_org_ids()) OR app_is_platform_admin());
        DROP FUNCTION app_uuids(text);
        """
    )
