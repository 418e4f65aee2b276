"""Word and Excel papers in the pack: a paper version's body may be a Word document; Word and Excel files are
converted to PDF (by LibreOffice, in a background job) and the conversion is kept beside its source file.

`paper_version.body_file_id` is the Word document an author uploaded as the body, `body_html` what it shows on screen
(mammoth's HTML, sanitised as Markdown's is). A body file is read as the version is: `stored_file_read` and
`stored_file_attached` gain the clause.

`file_conversion` holds one conversion per source file: its state (PENDING, DONE, FAILED), the reason a conversion
failed, the PDF and its page count. It is read and written by whoever may read its source file (the row's own policy
asks `stored_file`, under that table's policy), so it can never show more than the file it came from.

Revision ID: 0025
Revises: 0024
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

TABLES = """
ALTER TABLE paper_version ADD COLUMN body_file_id uuid;
ALTER TABLE paper_version ADD COLUMN body_html text NOT NULL DEFAULT '';
ALTER TABLE paper_version ADD CONSTRAINT paper_version_body_file_fk
    FOREIGN KEY (org_id, body_file_id) REFERENCES stored_file (org_id, id);
CREATE INDEX paper_version_body_file_idx ON paper_version (org_id, body_file_id) WHERE body_file_id IS NOT NULL;

CREATE TABLE file_conversion (
    org_id uuid NOT NULL,
    source_file_id uuid NOT NULL,
    status varchar NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    problem text,
    pdf bytea,
    page_count integer,
    seconds double precision,
    requested_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    PRIMARY KEY (org_id, source_file_id),
    FOREIGN KEY (org_id, source_file_id) REFERENCES stored_file (org_id, id),
    CHECK ((status = 'DONE') = (pdf IS NOT NULL))
);
ALTER TABLE file_conversion ENABLE ROW LEVEL SECURITY;
ALTER TABLE file_conversion FORCE ROW LEVEL SECURITY;
CREATE POLICY file_conversion_read ON file_conversion FOR SELECT
    USING (EXISTS (SELECT 1 FROM stored_file f WHERE f.org_id = file_conversion.org_id AND f.id = file_conversion.source_file_id));
CREATE POLICY file_conversion_create ON file_conversion FOR INSERT
    WITH CHECK (org_id = ANY (app_org_ids())
                AND EXISTS (SELECT 1 FROM stored_file f WHERE f.org_id = file_conversion.org_id AND f.id = file_conversion.source_file_id));
CREATE POLICY file_conversion_change ON file_conversion FOR UPDATE
    USING (org_id = ANY (app_org_ids())
           AND EXISTS (SELECT 1 FROM stored_file f WHERE f.org_id = file_conversion.org_id AND f.id = file_conversion.source_file_id));
"""

FILES = """
CREATE OR REPLACE FUNCTION stored_file_attached(p_org uuid, p_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM committee WHERE org_id = p_org AND terms_file_id = p_id)
        OR EXISTS (SELECT 1 FROM delegation WHERE org_id = p_org AND agreement_file_id = p_id)
        OR EXISTS (SELECT 1 FROM appendix WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM pack_build WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM ballot WHERE org_id = p_org AND document_file_id = p_id)
        OR EXISTS (SELECT 1 FROM concern_evidence WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM paper_version WHERE org_id = p_org AND body_file_id = p_id)
$$;
DROP POLICY stored_file_read ON stored_file;
CREATE POLICY stored_file_read ON stored_file FOR SELECT
    USING (EXISTS (SELECT 1 FROM committee c WHERE c.org_id = stored_file.org_id AND c.terms_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM delegation d WHERE d.org_id = stored_file.org_id AND d.agreement_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM appendix a WHERE a.org_id = stored_file.org_id AND a.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM pack_build b WHERE b.org_id = stored_file.org_id AND b.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM ballot l WHERE l.org_id = stored_file.org_id AND l.document_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM concern_evidence e WHERE e.org_id = stored_file.org_id AND e.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM paper_version v WHERE v.org_id = stored_file.org_id AND v.body_file_id = stored_file.id)
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
           OR EXISTS (SELECT 1 FROM concern_evidence e WHERE e.org_id = stored_file.org_id AND e.file_id = stored_file.id)
           OR (uploaded_by = app_person_id() AND org_id = ANY (app_org_ids())
               AND NOT stored_file_attached(org_id, id)));
CREATE OR REPLACE FUNCTION stored_file_attached(p_org uuid, p_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM committee WHERE org_id = p_org AND terms_file_id = p_id)
        OR EXISTS (SELECT 1 FROM delegation WHERE org_id = p_org AND agreement_file_id = p_id)
        OR EXISTS (SELECT 1 FROM appendix WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM pack_build WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM ballot WHERE org_id = p_org AND document_file_id = p_id)
        OR EXISTS (SELECT 1 FROM concern_evidence WHERE org_id = p_org AND file_id = p_id)
$$;
"""


def grants(role: str) -> str:
    return f"GRANT SELECT, INSERT, UPDATE ON file_conversion TO {role};"


def upgrade() -> None:
    for sql in (TABLES, FILES, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(FILES_BEFORE)
    run_script(
        "DROP TABLE file_conversion; DROP INDEX paper_version_body_file_idx;"
        " ALTER TABLE paper_version DROP CONSTRAINT paper_version_body_file_fk,"
        " DROP COLUMN body_html, DROP COLUMN body_file_id;"
    )
