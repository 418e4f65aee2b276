"""Notification messages, preferences and public subscriptions.

The notification worker (as the owner) writes messages and subscriptions; the application reads a person's own
messages (platform administrators read all of them, for the demo's Sent mail page), and reads and sets a person's
own preferences. Public subscriptions are the worker's alone: the application reaches them only as the owner,
after checking a signed token.

Revision ID: 0017
Revises: 0016
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

TABLES = """
CREATE TABLE public_subscription (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organisation (id),
    committee_id uuid NOT NULL,
    email varchar NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    created_at timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz,
    unsubscribed_at timestamptz,
    UNIQUE (committee_id, email),
    FOREIGN KEY (org_id, committee_id) REFERENCES committee (org_id, id)
);
ALTER TABLE public_subscription ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_subscription FORCE ROW LEVEL SECURITY;

CREATE TABLE notification_message (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id bigint REFERENCES domain_event (id),
    kind varchar NOT NULL,
    org_id uuid REFERENCES organisation (id),
    person_id uuid REFERENCES person (id),
    subscription_id uuid REFERENCES public_subscription (id),
    email varchar NOT NULL,
    recipient_name varchar NOT NULL DEFAULT '',
    subject varchar NOT NULL,
    body_text varchar NOT NULL,
    body_html varchar NOT NULL,
    ics bytea,
    unsubscribe_url varchar,
    status varchar NOT NULL CHECK (status IN ('QUEUED', 'DIGEST', 'SENT', 'OUTBOX_ONLY', 'FAILED')),
    failure varchar,  -- why the mail server refused it for good (FAILED)
    digest_id uuid REFERENCES notification_message (id),
    message_id varchar NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz,
    -- A re-dispatched event writes no second message to the same address.
    UNIQUE (event_id, email)
);
CREATE INDEX notification_message_queued ON notification_message (created_at) WHERE status = 'QUEUED';
CREATE INDEX notification_message_digest ON notification_message (person_id) WHERE status = 'DIGEST';
CREATE INDEX notification_message_person ON notification_message (person_id, created_at);
CREATE INDEX notification_message_newest ON notification_message (created_at DESC, id DESC);
CREATE INDEX notification_message_confirmations ON notification_message (email, created_at)
    WHERE kind = 'public_subscription_confirm';
ALTER TABLE notification_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_message FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_message_read ON notification_message FOR SELECT
    USING (person_id = app_person_id() OR app_is_platform_admin());

CREATE TABLE notification_preference (
    person_id uuid NOT NULL REFERENCES person (id),
    kind varchar NOT NULL CHECK (kind ~ '^[a-z_]+$'),
    mode varchar NOT NULL CHECK (mode IN ('AT_ONCE', 'DIGEST', 'OFF')),
    PRIMARY KEY (person_id, kind)
);
ALTER TABLE notification_preference ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preference FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_preference_own ON notification_preference FOR ALL
    USING (person_id = app_person_id()) WITH CHECK (person_id = app_person_id());

-- London hour (0-23) at which a person's digest is sent.
CREATE TABLE notification_setting (
    person_id uuid PRIMARY KEY REFERENCES person (id),
    digest_hour smallint NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23)
);
ALTER TABLE notification_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_setting_own ON notification_setting FOR ALL
    USING (person_id = app_person_id()) WITH CHECK (person_id = app_person_id());
"""


def grants(role: str) -> str:
    # SELECT on public_subscription so that a read finds nothing (no policy allows a row) rather than failing.
    return f"""
GRANT SELECT ON notification_message, public_subscription TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preference, notification_setting TO {role};
"""


def upgrade() -> None:
    for sql in (TABLES, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        "DROP TABLE notification_setting; DROP TABLE notification_preference; DROP TABLE notification_message;"
        " DROP TABLE public_subscription;"
    )
