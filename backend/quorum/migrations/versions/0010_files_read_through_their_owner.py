"""Stored files are read through what they are attached to; appendices of a draft can be removed or replaced.

Until now any member of a file's organisation could read it (`org_id = ANY (app_org_ids())`), so a practice
representative could fetch the private pack or a Part II appendix by its id. A file is now visible when the
caller can see a committee whose terms it is, a delegation whose agreement it is, an appendix it is (whose
policy follows the paper version, the paper and its agenda item's part), a pack build or a ballot whose
document it is; each EXISTS runs under those tables' own policies. A file attached to nothing yet (just
uploaded, or an appendix's replaced file) is its uploader's: `stored_file_attached` looks past row-level
security to tell, and says nothing but yes or no.

A private pack build's file stays readable here by those who may read that pack, because the stamped download
(/packs/{id}.pdf) reads its bytes as the reader; the /files route refuses pack builds other than published
public ones, so the unstamped copy never goes out.

`inspection_note` keeps what the upload check removed from a file or noticed about it.

Revision ID: 0010
Revises: 0009
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ATTACHED = """
ALTER TABLE stored_file ADD COLUMN inspection_note text;

CREATE FUNCTION stored_file_attached(p_org uuid, p_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM committee WHERE org_id = p_org AND terms_file_id = p_id)
        OR EXISTS (SELECT 1 FROM delegation WHERE org_id = p_org AND agreement_file_id = p_id)
        OR EXISTS (SELECT 1 FROM appendix WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM pack_build WHERE org_id = p_org AND file_id = p_id)
        OR EXISTS (SELECT 1 FROM ballot WHERE org_id = p_org AND document_file_id = p_id)
$$;
REVOKE ALL ON FUNCTION stored_file_attached(uuid, uuid) FROM PUBLIC;
CREATE INDEX committee_terms_file_idx ON committee (org_id, terms_file_id) WHERE terms_file_id IS NOT NULL;
CREATE INDEX delegation_agreement_file_idx ON delegation (org_id, agreement_file_id) WHERE agreement_file_id IS NOT NULL;
CREATE INDEX pack_build_file_idx ON pack_build (org_id, file_id) WHERE file_id IS NOT NULL;
CREATE INDEX ballot_document_file_idx ON ballot (org_id, document_file_id) WHERE document_file_id IS NOT NULL;
"""

POLICIES = """
DROP POLICY stored_file_read ON stored_file;
CREATE POLICY stored_file_read ON stored_file FOR SELECT
    USING (EXISTS (SELECT 1 FROM committee c WHERE c.org_id = stored_file.org_id AND c.terms_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM delegation d WHERE d.org_id = stored_file.org_id AND d.agreement_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM appendix a WHERE a.org_id = stored_file.org_id AND a.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM pack_build b WHERE b.org_id = stored_file.org_id AND b.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM ballot l WHERE l.org_id = stored_file.org_id AND l.document_file_id = stored_file.id)
           OR (uploaded_by = app_person_id() AND org_id = ANY (app_org_ids())
               AND NOT stored_file_attached(org_id, id)));

-- An appendix of a version not yet approved can be replaced or removed by those who may write the paper.
CREATE POLICY appendix_change ON appendix FOR UPDATE
    USING (EXISTS (SELECT 1 FROM paper_version v JOIN paper p ON p.id = v.paper_id
                   WHERE v.id = appendix.version_id AND v.approved_at IS NULL
                     AND (p.committee_id = ANY (app_uuids('app.officer_committee_ids')) OR p.author_id = app_person_id())));
CREATE POLICY appendix_remove ON appendix FOR DELETE
    USING (EXISTS (SELECT 1 FROM paper_version v JOIN paper p ON p.id = v.paper_id
                   WHERE v.id = appendix.version_id AND v.approved_at IS NULL
                     AND (p.committee_id = ANY (app_uuids('app.officer_committee_ids')) OR p.author_id = app_person_id())));
"""


def grants(role: str) -> str:
    return f"""
GRANT UPDATE, DELETE ON appendix TO {role};
GRANT EXECUTE ON FUNCTION stored_file_attached(uuid, uuid) TO {role};
"""


def upgrade() -> None:
    for sql in (ATTACHED, POLICIES, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        f"""
        DROP POLICY appendix_change ON appendix;
        DROP POLICY appendix_remove ON appendix;
        REVOKE UPDATE, DELETE ON appendix FROM {APP_ROLE};
        DROP POLICY stored_file_read ON stored_file;
        CREATE POLICY stored_file_read ON stored_file FOR SELECT
            USING (org_id = ANY (app_org_ids())
                   OR EXISTS (SELECT 1 FROM committee c WHERE c.org_id = stored_file.org_id AND c.terms_file_id = stored_file.id)
                   OR EXISTS (SELECT 1 FROM delegation d WHERE d.org_id = stored_file.org_id AND d.agreement_file_id = stored_file.id)
                   OR EXISTS (SELECT 1 FROM appendix a WHERE a.org_id = stored_file.org_id AND a.file_id = stored_file.id)
                   OR EXISTS (SELECT 1 FROM pack_build b WHERE b.org_id = stored_file.org_id AND b.file_id = stored_file.id));
        DROP INDEX committee_terms_file_idx, delegation_agreement_file_idx, pack_build_file_idx, ballot_document_file_idx;
        DROP FUNCTION stored_file_attached(uuid, uuid);
        ALTER TABLE stored_file DROP COLUMN inspection_note;
        """
    )
