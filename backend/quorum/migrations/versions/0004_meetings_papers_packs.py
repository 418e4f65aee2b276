"""Meetings and agendas, board papers with versions and appendices, and board pack builds.

Two more settings from quorum.access:
    app.private_committee_ids  committees whose Part II (private) business the caller may see
    app.officer_committee_ids  committees the caller runs (governance officer of the host)
Published Part I material is readable by anyone, signed in or not: the policies say so directly.

Revision ID: 0004
Revises: 0003
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = """
ALTER TABLE committee ADD COLUMN agenda_template jsonb NOT NULL DEFAULT '[]';

CREATE TABLE meeting (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    committee_id uuid NOT NULL,
    title varchar NOT NULL CHECK (btrim(title) <> ''),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz,
    location varchar NOT NULL DEFAULT '',
    call_link varchar NOT NULL DEFAULT '',
    status varchar NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'AGENDA_PUBLISHED', 'PAPERS_PUBLISHED', 'HELD', 'MINUTES_APPROVED')),
    papers_due date,
    notice_sent_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, committee_id) REFERENCES committee (org_id, id),
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX meeting_id_idx ON meeting (id);
CREATE INDEX meeting_committee_idx ON meeting (committee_id, starts_at);

CREATE TABLE agenda_item (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    parent_id uuid,
    position integer NOT NULL CHECK (position >= 1),
    title varchar NOT NULL CHECK (btrim(title) <> ''),
    presenter varchar NOT NULL DEFAULT '',
    minutes_allotted integer NOT NULL DEFAULT 0 CHECK (minutes_allotted BETWEEN 0 AND 600),
    purpose varchar NOT NULL CHECK (purpose IN ('DECISION', 'APPROVAL', 'RATIFICATION', 'ASSURANCE', 'DISCUSSION',
                                                'INFORMATION', 'NOTE')),
    part varchar NOT NULL CHECK (part IN ('PUBLIC', 'PRIVATE')),
    needs_paper boolean NOT NULL DEFAULT false,
    concerns_org_ids uuid[] NOT NULL DEFAULT '{}',
    concerns_practice_ids uuid[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    FOREIGN KEY (org_id, parent_id) REFERENCES agenda_item (org_id, id),
    CONSTRAINT agenda_item_position_unique UNIQUE NULLS NOT DISTINCT (meeting_id, parent_id, position)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX agenda_item_id_idx ON agenda_item (id);
CREATE INDEX agenda_item_meeting_idx ON agenda_item (meeting_id);

CREATE TABLE paper (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    item_id uuid NOT NULL,
    title varchar NOT NULL CHECK (btrim(title) <> ''),
    author_id uuid NOT NULL REFERENCES person (id),
    sponsor_id uuid NOT NULL REFERENCES person (id),
    due_date date NOT NULL,
    requested_by uuid NOT NULL REFERENCES person (id),
    requested_at timestamptz NOT NULL DEFAULT now(),
    status varchar NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'INCLUDED')),
    is_public boolean NOT NULL DEFAULT true,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, item_id) REFERENCES agenda_item (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    UNIQUE (item_id)
);
CREATE INDEX paper_id_idx ON paper (id);
CREATE INDEX paper_meeting_idx ON paper (meeting_id);
CREATE INDEX paper_author_idx ON paper (author_id);

CREATE TABLE paper_version (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    paper_id uuid NOT NULL,
    number integer NOT NULL CHECK (number >= 1),
    purpose varchar NOT NULL DEFAULT 'INFORMATION',
    executive_summary varchar NOT NULL DEFAULT '',
    recommendation varchar NOT NULL DEFAULT '',
    strategic_objectives varchar NOT NULL DEFAULT '',
    assurance_risks varchar NOT NULL DEFAULT '',
    conflicts_noted varchar NOT NULL DEFAULT '',
    impacts jsonb NOT NULL DEFAULT '{}',
    public_involvement varchar NOT NULL DEFAULT '',
    body_markdown varchar NOT NULL DEFAULT '',
    created_by uuid NOT NULL REFERENCES person (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    approved_at timestamptz,
    approved_by uuid REFERENCES person (id),
    published_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, paper_id) REFERENCES paper (org_id, id),
    UNIQUE (paper_id, number)
);
CREATE INDEX paper_version_id_idx ON paper_version (id);

-- An approved version is frozen: only its publication may still be recorded.
CREATE FUNCTION paper_version_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.approved_at IS NOT NULL AND (to_jsonb(NEW) - 'published_at') <> (to_jsonb(OLD) - 'published_at') THEN
        RAISE EXCEPTION 'version % of this paper is approved and cannot change', OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER paper_version_frozen BEFORE UPDATE ON paper_version
    FOR EACH ROW EXECUTE FUNCTION paper_version_is_frozen();

CREATE TABLE appendix (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    version_id uuid NOT NULL,
    position integer NOT NULL,
    title varchar NOT NULL,
    file_id uuid NOT NULL,
    kind varchar NOT NULL CHECK (kind IN ('PDF', 'WORD', 'EXCEL')),
    page_count integer,
    problem varchar,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, version_id) REFERENCES paper_version (org_id, id),
    FOREIGN KEY (org_id, file_id) REFERENCES stored_file (org_id, id)
);
CREATE INDEX appendix_version_idx ON appendix (version_id);
CREATE INDEX appendix_file_idx ON appendix (file_id);

CREATE TABLE pack_build (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    part varchar NOT NULL CHECK (part IN ('PUBLIC', 'PRIVATE')),
    number integer NOT NULL,
    is_supplement boolean NOT NULL DEFAULT false,
    status varchar NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    message varchar NOT NULL DEFAULT '',
    file_id uuid,
    page_count integer,
    paper_version_ids uuid[] NOT NULL DEFAULT '{}',
    item_pages jsonb NOT NULL DEFAULT '{}',
    created_by uuid NOT NULL REFERENCES person (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    published_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    FOREIGN KEY (org_id, file_id) REFERENCES stored_file (org_id, id),
    UNIQUE (meeting_id, part, number)
);
CREATE INDEX pack_build_id_idx ON pack_build (id);
"""

POLICIES = """
-- A committee that has published a meeting is known to the public (its name, not its business).
DROP POLICY committee_read ON committee;
CREATE POLICY committee_read ON committee FOR SELECT
    USING (id = ANY (app_uuids('app.committee_ids'))
           OR (org_id = ANY (app_org_ids()) AND (NOT is_joint OR org_id = ANY (app_uuids('app.officer_org_ids'))))
           OR EXISTS (SELECT 1 FROM delegation d
                      WHERE d.receiving_committee_id = committee.id AND d.org_id = ANY (app_org_ids()))
           OR EXISTS (SELECT 1 FROM meeting m WHERE m.committee_id = committee.id AND m.status <> 'DRAFT'));

ALTER TABLE meeting ENABLE ROW LEVEL SECURITY;
ALTER TABLE meeting FORCE ROW LEVEL SECURITY;
CREATE POLICY meeting_read ON meeting FOR SELECT
    USING (committee_id = ANY (app_uuids('app.committee_ids')) OR status <> 'DRAFT');
CREATE POLICY meeting_create ON meeting FOR INSERT WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY meeting_change ON meeting FOR UPDATE USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));

ALTER TABLE agenda_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE agenda_item FORCE ROW LEVEL SECURITY;
CREATE POLICY agenda_item_read ON agenda_item FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR (part = 'PUBLIC' AND (committee_id = ANY (app_uuids('app.committee_ids')) OR EXISTS (SELECT 1 FROM meeting m WHERE m.id = agenda_item.meeting_id AND m.status <> 'DRAFT'))));
CREATE POLICY agenda_item_create ON agenda_item FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY agenda_item_change ON agenda_item FOR UPDATE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY agenda_item_remove ON agenda_item FOR DELETE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));

ALTER TABLE paper ENABLE ROW LEVEL SECURITY;
ALTER TABLE paper FORCE ROW LEVEL SECURITY;
CREATE POLICY paper_read ON paper FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR author_id = app_person_id() OR sponsor_id = app_person_id()
           OR (is_public AND committee_id = ANY (app_uuids('app.committee_ids'))
               AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = paper.item_id))
           OR (is_public AND status = 'INCLUDED' AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = paper.item_id)));
CREATE POLICY paper_create ON paper FOR INSERT WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY paper_change ON paper FOR UPDATE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids'))
           OR author_id = app_person_id() OR sponsor_id = app_person_id());

ALTER TABLE paper_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE paper_version FORCE ROW LEVEL SECURITY;
CREATE POLICY paper_version_read ON paper_version FOR SELECT
    USING (EXISTS (SELECT 1 FROM paper p WHERE p.id = paper_version.paper_id
                   AND (p.committee_id = ANY (app_uuids('app.officer_committee_ids'))
                        OR p.author_id = app_person_id() OR p.sponsor_id = app_person_id()
                        OR (paper_version.approved_at IS NOT NULL
                            AND p.committee_id = ANY (app_uuids('app.committee_ids')))
                        OR paper_version.published_at IS NOT NULL)));
CREATE POLICY paper_version_create ON paper_version FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM paper p WHERE p.id = paper_version.paper_id));
CREATE POLICY paper_version_change ON paper_version FOR UPDATE
    USING (EXISTS (SELECT 1 FROM paper p WHERE p.id = paper_version.paper_id));

ALTER TABLE appendix ENABLE ROW LEVEL SECURITY;
ALTER TABLE appendix FORCE ROW LEVEL SECURITY;
CREATE POLICY appendix_read ON appendix FOR SELECT
    USING (EXISTS (SELECT 1 FROM paper_version v WHERE v.id = appendix.version_id));
CREATE POLICY appendix_create ON appendix FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM paper_version v WHERE v.id = appendix.version_id));

ALTER TABLE pack_build ENABLE ROW LEVEL SECURITY;
ALTER TABLE pack_build FORCE ROW LEVEL SECURITY;
CREATE POLICY pack_build_read ON pack_build FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR (part = 'PUBLIC' AND published_at IS NOT NULL));
CREATE POLICY pack_build_create ON pack_build FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY pack_build_change ON pack_build FOR UPDATE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));

-- Files attached to papers and packs are readable where those are.
DROP POLICY stored_file_read ON stored_file;
CREATE POLICY stored_file_read ON stored_file FOR SELECT
    USING (org_id = ANY (app_org_ids())
           OR EXISTS (SELECT 1 FROM committee c WHERE c.org_id = stored_file.org_id AND c.terms_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM delegation d WHERE d.org_id = stored_file.org_id AND d.agreement_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM appendix a WHERE a.org_id = stored_file.org_id AND a.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM pack_build b WHERE b.org_id = stored_file.org_id AND b.file_id = stored_file.id));
"""

# access_facts now tells each committee's kind, for the council of members' private business.
FACTS = """
CREATE OR REPLACE FUNCTION access_facts(p_person uuid) RETURNS jsonb
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
        'id', c.id, 'org_id', c.org_id, 'kind', c.kind, 'is_joint', c.is_joint,
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
"""


def grants(role: str) -> str:
    return f"""
GRANT SELECT, INSERT, UPDATE ON meeting, paper, paper_version, pack_build TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON agenda_item TO {role};
GRANT SELECT, INSERT ON appendix TO {role};
"""


def upgrade() -> None:
    for sql in (TABLES, POLICIES, FACTS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP TABLE pack_build, appendix, paper_version, paper, agenda_item, meeting;
        DROP FUNCTION paper_version_is_frozen();
        ALTER TABLE committee DROP COLUMN agenda_template;
        """
    )
