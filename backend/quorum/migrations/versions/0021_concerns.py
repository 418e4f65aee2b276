"""The quality concerns register: each CCG's escalation ladder, its concerns, their steps and their evidence.

Who sees a concern (quorum/concerns/policy.py says the same):
    app.quality_org_ids       the CCG's administrators, board secretaries, governing body members and staff
    the concern's owner
    app.contract_read_ccgs    for a concern about a practice, members of a committee whose live delegation covers
                              the CCG (app.contract_write_ccgs may change it, as for contract records)
    app.area_officer_org_ids  the area team's officers, when the concern is escalated to NHS England or the area
                              team holds the practice's contract

Revision ID: 0021
Revises: 0020
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

TABLES = """
CREATE TABLE concern_ladder_step (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    position integer NOT NULL CHECK (position > 0),
    name varchar NOT NULL CHECK (btrim(name) <> ''),
    description varchar NOT NULL DEFAULT '',
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, position)
);

CREATE TABLE concern (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    practice_id uuid,
    provider_name varchar,
    provider_type varchar CHECK (provider_type IN ('TRUST', 'COMMUNITY_PROVIDER', 'INDEPENDENT_SECTOR')),
    source varchar NOT NULL CHECK (source IN ('COMPLAINT', 'SERIOUS_INCIDENT', 'PATIENT_SURVEY', 'CQC_INSPECTION',
                                              'WHISTLEBLOWING', 'DATA')),
    category varchar NOT NULL CHECK (category IN ('SAFETY', 'EFFECTIVENESS', 'EXPERIENCE', 'WELL_LED')),
    title varchar NOT NULL CHECK (btrim(title) <> ''),
    summary varchar NOT NULL CHECK (btrim(summary) <> ''),
    owner_id uuid NOT NULL REFERENCES person (id),
    review_date date NOT NULL,
    current_step_id uuid NOT NULL,
    escalated_to_nhs_england boolean NOT NULL DEFAULT false,
    logged_by uuid NOT NULL REFERENCES person (id),
    logged_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, practice_id) REFERENCES practice (org_id, id),
    FOREIGN KEY (org_id, current_step_id) REFERENCES concern_ladder_step (org_id, id),
    -- about a member practice, or about a named provider of a known type: one or the other
    CHECK ((practice_id IS NOT NULL AND provider_name IS NULL AND provider_type IS NULL)
           OR (practice_id IS NULL AND btrim(provider_name) <> '' AND provider_type IS NOT NULL))
);
CREATE INDEX concern_id_idx ON concern (id);
CREATE INDEX concern_practice_idx ON concern (practice_id);

CREATE TABLE concern_step_change (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    concern_id uuid NOT NULL,
    from_step_id uuid,
    to_step_id uuid NOT NULL,
    direction varchar NOT NULL CHECK (direction IN ('LOGGED', 'UP', 'DOWN')),
    decided_by uuid NOT NULL REFERENCES person (id),
    reason varchar NOT NULL CHECK (btrim(reason) <> ''),
    next_steps varchar NOT NULL CHECK (btrim(next_steps) <> ''),
    decided_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, concern_id) REFERENCES concern (org_id, id),
    FOREIGN KEY (org_id, from_step_id) REFERENCES concern_ladder_step (org_id, id),
    FOREIGN KEY (org_id, to_step_id) REFERENCES concern_ladder_step (org_id, id),
    CHECK ((direction = 'LOGGED') = (from_step_id IS NULL))
);
CREATE INDEX concern_step_change_concern_idx ON concern_step_change (concern_id);

CREATE TABLE concern_evidence (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    concern_id uuid NOT NULL,
    file_id uuid NOT NULL,
    description varchar NOT NULL DEFAULT '',
    added_by uuid NOT NULL REFERENCES person (id),
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, concern_id) REFERENCES concern (org_id, id),
    FOREIGN KEY (org_id, file_id) REFERENCES stored_file (org_id, id)
);
CREATE INDEX concern_evidence_concern_idx ON concern_evidence (concern_id);

CREATE TABLE concern_agenda_item (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    concern_id uuid NOT NULL,
    item_org_id uuid NOT NULL,
    item_id uuid NOT NULL,
    paper_id uuid NOT NULL,
    added_by uuid NOT NULL REFERENCES person (id),
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, concern_id) REFERENCES concern (org_id, id),
    FOREIGN KEY (item_org_id, item_id) REFERENCES agenda_item (org_id, id),
    FOREIGN KEY (item_org_id, paper_id) REFERENCES paper (org_id, id),
    UNIQUE (item_id)
);
CREATE INDEX concern_agenda_item_concern_idx ON concern_agenda_item (concern_id);
"""

POLICIES = """
CREATE FUNCTION concern_visible(p_org uuid, p_practice uuid, p_owner uuid, p_escalated boolean) RETURNS boolean
LANGUAGE sql STABLE AS $$
SELECT p_org = ANY (app_uuids('app.quality_org_ids'))
    OR p_owner = app_person_id()
    OR (p_practice IS NOT NULL AND p_org = ANY (app_uuids('app.contract_read_ccgs')))
    OR (p_escalated AND EXISTS (SELECT 1 FROM organisation o WHERE o.id = p_org
                                AND o.area_team_id = ANY (app_uuids('app.area_officer_org_ids'))))
    OR (p_practice IS NOT NULL AND EXISTS (SELECT 1 FROM primary_care_contract pc WHERE pc.practice_id = p_practice
                                           AND pc.org_id = ANY (app_uuids('app.area_officer_org_ids'))))
$$;

ALTER TABLE concern_ladder_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE concern_ladder_step FORCE ROW LEVEL SECURITY;
-- A ladder is how an organisation works, not a secret: anyone signed in may read it.
CREATE POLICY concern_ladder_step_read ON concern_ladder_step FOR SELECT USING (app_person_id() IS NOT NULL);
CREATE POLICY concern_ladder_step_create ON concern_ladder_step FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.quality_org_ids')));

ALTER TABLE concern ENABLE ROW LEVEL SECURITY;
ALTER TABLE concern FORCE ROW LEVEL SECURITY;
CREATE POLICY concern_read ON concern FOR SELECT
    USING (concern_visible(org_id, practice_id, owner_id, escalated_to_nhs_england));
CREATE POLICY concern_create ON concern FOR INSERT WITH CHECK (org_id = ANY (app_uuids('app.quality_org_ids')));
CREATE POLICY concern_change ON concern FOR UPDATE
    USING (org_id = ANY (app_uuids('app.quality_org_ids')) OR owner_id = app_person_id()
           OR (practice_id IS NOT NULL AND org_id = ANY (app_uuids('app.contract_write_ccgs'))));

ALTER TABLE concern_step_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE concern_step_change FORCE ROW LEVEL SECURITY;
CREATE POLICY concern_step_change_read ON concern_step_change FOR SELECT
    USING (EXISTS (SELECT 1 FROM concern c WHERE c.org_id = concern_step_change.org_id
                   AND c.id = concern_step_change.concern_id));
CREATE POLICY concern_step_change_create ON concern_step_change FOR INSERT
    WITH CHECK (decided_by = app_person_id() AND EXISTS (SELECT 1 FROM concern c
                WHERE c.org_id = concern_step_change.org_id AND c.id = concern_step_change.concern_id));

ALTER TABLE concern_evidence ENABLE ROW LEVEL SECURITY;
ALTER TABLE concern_evidence FORCE ROW LEVEL SECURITY;
CREATE POLICY concern_evidence_read ON concern_evidence FOR SELECT
    USING (EXISTS (SELECT 1 FROM concern c WHERE c.org_id = concern_evidence.org_id
                   AND c.id = concern_evidence.concern_id));
CREATE POLICY concern_evidence_create ON concern_evidence FOR INSERT
    WITH CHECK (added_by = app_person_id() AND EXISTS (SELECT 1 FROM concern c
                WHERE c.org_id = concern_evidence.org_id AND c.id = concern_evidence.concern_id));

-- Where a concern went on an agenda is seen with the concern; the item itself keeps its meeting's rules.
ALTER TABLE concern_agenda_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE concern_agenda_item FORCE ROW LEVEL SECURITY;
CREATE POLICY concern_agenda_item_read ON concern_agenda_item FOR SELECT
    USING (EXISTS (SELECT 1 FROM concern c WHERE c.org_id = concern_agenda_item.org_id
                   AND c.id = concern_agenda_item.concern_id));
CREATE POLICY concern_agenda_item_create ON concern_agenda_item FOR INSERT
    WITH CHECK (added_by = app_person_id() AND EXISTS (SELECT 1 FROM concern c
                WHERE c.org_id = concern_agenda_item.org_id AND c.id = concern_agenda_item.concern_id));
"""

# An evidence file is read through its concern, as every file is read through what it is attached to (0010).
FILES = """
CREATE OR REPLACE FUNCTION stored_file_attached(p_org uuid, p_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM committee WHERE org_id = p_org AND terms_file_id = p_id)
        OR EXISTS (SELECT 1 FROM delegation WHERE org_id = p_org AND agreement_file_id = p_id)
        OR EXISTS (SELECT 1 FROM appendix WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM pack_build WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM ballot WHERE org_id = p_org AND document_file_id = p_id)
        OR EXISTS (SELECT 1 FROM concern_evidence WHERE org_id = p_org AND file_id = p_id)
$$;
CREATE INDEX concern_evidence_file_idx ON concern_evidence (org_id, file_id);
DROP POLICY stored_file_read ON stored_file;
CREATE POLICY stored_file_read ON stored_file FOR SELECT
    USING (EXISTS (SELECT 1 FROM committee c WHERE c.org_id = stored_file.org_id AND c.terms_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM delegation d WHERE d.org_id = stored_file.org_id AND d.agreement_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM appendix a WHERE a.org_id = stored_file.org_id AND a.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM pack_build b WHERE b.org_id = stored_file.org_id AND b.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM ballot l WHERE l.org_id = stored_file.org_id AND l.document_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM concern_evidence e WHERE e.org_id = stored_file.org_id AND e.file_id = stored_file.id)
           OR (uploaded_by = app_person_id() AND org_id = ANY (app_org_ids())
               AND NOT stored_file_attached(org_id, id)));
"""

FILES_BEFORE = """
DROP POLICY stored_file_read ON stored_file;
CREATE POLICY stored_file_read ON stored_file FOR SELECT
    USING (EXISTS (SELECT 1 FROM committee c WHERE c.org_id = stored_file.org_id AND c.terms_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM delegation d WHERE d.org_id = stored_file.org_id AND d.agreement_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM appendix a WHERE a.org_id = stored_file.org_id AND a.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM pack_build b WHERE b.org_id = stored_file.org_id AND b.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM ballot l WHERE l.org_id = stored_file.org_id AND l.document_file_id = stored_file.id)
           OR (uploaded_by = app_person_id() AND org_id = ANY (app_org_ids())
               AND NOT stored_file_attached(org_id, id)));
CREATE OR REPLACE FUNCTION stored_file_attached(p_org uuid, p_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM committee WHERE org_id = p_org AND terms_file_id = p_id)
        OR EXISTS (SELECT 1 FROM delegation WHERE org_id = p_org AND agreement_file_id = p_id)
        OR EXISTS (SELECT 1 FROM appendix WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM pack_build WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM ballot WHERE org_id = p_org AND document_file_id = p_id)
$$;
"""


def grants(role: str) -> str:
    return (
        f"GRANT SELECT, INSERT ON concern_ladder_step, concern_step_change, concern_evidence, concern_agenda_item"
        f" TO {role};"
        f" GRANT SELECT, INSERT, UPDATE ON concern TO {role};"
    )


def upgrade() -> None:
    for sql in (TABLES, POLICIES, FILES, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(FILES_BEFORE)
    run_script(
        "DROP TABLE concern_agenda_item, concern_evidence, concern_step_change, concern, concern_ladder_step;"
        " DROP FUNCTION concern_visible(uuid, uuid, uuid, boolean);"
    )
