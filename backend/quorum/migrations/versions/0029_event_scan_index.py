"""The reminder scans look up events by kind and subject ("was this ballot's opening already told?") every minute:
an index for that, so a scan does not read every event ever recorded.

Revision ID: 0029
Revises: 0028
"""

from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX domain_event_kind_subject ON domain_event (kind, subject_id)")


def downgrade() -> None:
    op.execute("DROP INDEX domain_event_kind_subject")
