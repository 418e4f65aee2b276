"""The outbox: domain events, written by services in the transaction that makes the change and read by the
notification worker (as the owner). The application role inserts events as the person it acts for and reads
none back; nobody changes or deletes an event through the application.

Revision ID: 0016
Revises: 0015
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

DOMAIN_EVENTS = """
CREATE TABLE domain_event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid REFERENCES organisation (id),
    kind varchar NOT NULL CHECK (kind ~ '^[a-z_]+$'),
    subject_id uuid,
    payload jsonb NOT NULL DEFAULT '{}',
    recorded_by uuid REFERENCES person (id),
    occurred_at timestamptz NOT NULL DEFAULT now(),
    dispatched_at timestamptz
);
CREATE INDEX domain_event_undispatched ON domain_event (id) WHERE dispatched_at IS NULL;
ALTER TABLE domain_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE domain_event FORCE ROW LEVEL SECURITY;
CREATE POLICY domain_event_record ON domain_event FOR INSERT
    WITH CHECK (recorded_by IS NOT DISTINCT FROM app_person_id() AND dispatched_at IS NULL);
"""


def grants(role: str) -> str:
    # SELECT is granted so a read finds nothing (no policy allows a row) rather than failing.
    return f"GRANT SELECT, INSERT ON domain_event TO {role};"


def upgrade() -> None:
    for sql in (DOMAIN_EVENTS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script("DROP TABLE domain_event;")
