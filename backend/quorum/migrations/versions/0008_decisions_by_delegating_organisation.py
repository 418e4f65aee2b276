"""Decisions found by the organisation that delegated them, so an organisation's decisions register (its own
decisions, or those taken under its delegation) reads two index ranges instead of every decision under
row-level security (1.5 s for one CCG at national scale).

Revision ID: 0008
Revises: 0005, 0006, 0007
"""

from quorum.migrations import run_script

revision = "0008"
down_revision = ("0005", "0006", "0007")
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_script(
        "CREATE INDEX decision_delegation_org_idx ON decision (delegation_org_id) WHERE delegation_org_id IS NOT NULL;"
    )


def downgrade() -> None:
    run_script("DROP INDEX decision_delegation_org_idx;")
