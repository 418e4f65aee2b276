"""One pack per session of committees in common. A session pack is a pack build that names its session; it is
held by one committee's meeting of the session (the convener's for the public pack, each organisation's own for
its private pack), so the packs' row-level security, stored files and stamped downloads apply unchanged: a
private session pack holds only its own organisation's Part II business and is read by those who see that
committee's private business.

Revision ID: 0015
Revises: 0014
"""

from quorum.migrations import run_script

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

SESSION_PACKS = """
ALTER TABLE pack_build
    ADD COLUMN session_org_id uuid,
    ADD COLUMN session_id uuid,
    ADD CONSTRAINT pack_build_session_fkey FOREIGN KEY (session_org_id, session_id) REFERENCES in_common_session (org_id, id),
    ADD CONSTRAINT pack_build_session_named CHECK ((session_id IS NULL) = (session_org_id IS NULL));
ALTER TABLE pack_build DROP CONSTRAINT pack_build_meeting_id_part_number_key;
CREATE UNIQUE INDEX pack_build_meeting_number ON pack_build (meeting_id, part, number) WHERE session_id IS NULL;
CREATE UNIQUE INDEX pack_build_session_number ON pack_build (session_id, committee_id, part, number)
    WHERE session_id IS NOT NULL;
"""


def upgrade() -> None:
    run_script(SESSION_PACKS)


def downgrade() -> None:
    run_script(
        """
        DELETE FROM pack_build WHERE session_id IS NOT NULL;
        DROP INDEX pack_build_meeting_number, pack_build_session_number;
        ALTER TABLE pack_build DROP COLUMN session_org_id, DROP COLUMN session_id,
            ADD CONSTRAINT pack_build_meeting_id_part_number_key UNIQUE (meeting_id, part, number);
        """
    )
