"""Survey drafts: a signed-in respondent's unsent answers, kept on the server so they can finish on another device.

A draft names its person (and the practice they answer for), so only that person reads or writes it. It is
deleted in the same transaction as the submission, so that after an anonymous survey is sent nothing links the
person to what they answered; a draft cannot be saved once the person (or practice) has responded.

Revision ID: 0026
Revises: 0025
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

DRAFTS = """
CREATE TABLE survey_draft (
    org_id uuid NOT NULL,
    survey_id uuid NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL REFERENCES person (id),
    practice_id uuid,
    answers jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(answers) = 'array'),
    saved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    UNIQUE NULLS NOT DISTINCT (survey_id, person_id, practice_id),
    FOREIGN KEY (org_id, survey_id) REFERENCES survey (org_id, id),
    FOREIGN KEY (org_id, practice_id) REFERENCES practice (org_id, id)
);
CREATE INDEX survey_draft_person_idx ON survey_draft (person_id);

ALTER TABLE survey_draft ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_draft FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_draft_own ON survey_draft FOR ALL
    USING (person_id = app_person_id())
    WITH CHECK (person_id = app_person_id() AND org_id = ANY (app_org_ids()));
"""


def grants(role: str) -> str:
    return f"GRANT SELECT, INSERT, UPDATE, DELETE ON survey_draft TO {role};"


def upgrade() -> None:
    for sql in (DRAFTS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script("DROP TABLE survey_draft;")
