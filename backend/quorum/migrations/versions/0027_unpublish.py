"""Unpublishing a pack: a published pack can be withdrawn with a reason.

A withdrawn public pack stays visible as a row, so the public reads "Withdrawn on <date>: <reason>" where it was,
but its file is read only by those who see the committee's private business (the record of what was published).

Revision ID: 0027
Revises: 0026
"""

from quorum.migrations import run_script

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

COLUMNS = """
ALTER TABLE pack_build
    ADD COLUMN withdrawn_at timestamptz,
    ADD COLUMN withdrawn_reason varchar,
    ADD COLUMN withdrawn_by uuid REFERENCES person (id),
    ADD CONSTRAINT pack_build_withdrawal_whole CHECK (
        (withdrawn_at IS NULL) = (withdrawn_reason IS NULL) AND (withdrawn_at IS NULL) = (withdrawn_by IS NULL)),
    ADD CONSTRAINT pack_build_withdrawn_after_publishing CHECK (withdrawn_at IS NULL OR published_at IS NOT NULL),
    ADD CONSTRAINT pack_build_withdrawal_reason CHECK (withdrawn_reason IS NULL OR length(btrim(withdrawn_reason)) > 0);
"""


def files_policy(pack_clause: str) -> str:
    return f"""
DROP POLICY stored_file_read ON stored_file;
CREATE POLICY stored_file_read ON stored_file FOR SELECT
    USING (EXISTS (SELECT 1 FROM committee c WHERE c.org_id = stored_file.org_id AND c.terms_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM delegation d WHERE d.org_id = stored_file.org_id AND d.agreement_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM appendix a WHERE a.org_id = stored_file.org_id AND a.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM pack_build b WHERE b.org_id = stored_file.org_id AND b.file_id = stored_file.id{pack_clause})
           OR EXISTS (SELECT 1 FROM ballot l WHERE l.org_id = stored_file.org_id AND l.document_file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM concern_evidence e WHERE e.org_id = stored_file.org_id AND e.file_id = stored_file.id)
           OR EXISTS (SELECT 1 FROM paper_version v WHERE v.org_id = stored_file.org_id AND v.body_file_id = stored_file.id)
           OR (uploaded_by = app_person_id() AND org_id = ANY (app_org_ids())
               AND NOT stored_file_attached(org_id, id)));
"""


WITHDRAWN_FILES = """
               AND (b.withdrawn_at IS NULL OR b.committee_id = ANY (app_uuids('app.private_committee_ids')))"""


def upgrade() -> None:
    run_script(COLUMNS)
    run_script(files_policy(WITHDRAWN_FILES))


def downgrade() -> None:
    run_script(files_policy(""))
    run_script(
        "ALTER TABLE pack_build DROP CONSTRAINT pack_build_withdrawal_whole,"
        " DROP CONSTRAINT pack_build_withdrawn_after_publishing, DROP CONSTRAINT pack_build_withdrawal_reason,"
        " DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_reason, DROP COLUMN withdrawn_by;"
    )
