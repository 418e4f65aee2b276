"""Meetings can be rescheduled and cancelled: a calendar sequence number (RFC 5545 SEQUENCE, raised by each change
sent to members, so their calendars replace the event rather than add one) and when the meeting was cancelled.

Revision ID: 0020
Revises: 0019
"""

from quorum.migrations import run_script

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_script(
        """
        ALTER TABLE meeting ADD COLUMN sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0);
        ALTER TABLE meeting ADD COLUMN cancelled_at timestamptz;
        """
    )


def downgrade() -> None:
    run_script("ALTER TABLE meeting DROP COLUMN cancelled_at; ALTER TABLE meeting DROP COLUMN sequence;")
