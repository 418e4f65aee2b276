"""One outcome at a time for each agenda item: referred (to a named committee) and withdrawn join the routes;
an outcome is rescinded (who, when, why) before another is recorded, and the database keeps one standing
outcome per item. A ratification names the chair's action it ratifies. When neither the chair nor the vice
chair can take an item, the members present choose who presides (presiding_member).

Existing items with more than one outcome keep the latest; the earlier ones are marked rescinded by this
migration, with an audit entry each. Ratifications recorded before this migration are linked to their chair's
action by meeting, moment and text (both were written in one transaction with the same moment).

Revision ID: 0013
Revises: 0008
"""
from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0013"
down_revision = "0008"
branch_labels = None
depends_on = None

OUTCOMES = """
ALTER TABLE decision DROP CONSTRAINT decision_route_check;
ALTER TABLE decision ADD CONSTRAINT decision_route_check
    CHECK (route IN ('VOTE', 'CONSENSUS', 'CHAIRS_ACTION', 'DEFERRED', 'REFERRED', 'WITHDRAWN'));
ALTER TABLE decision
    ADD COLUMN referred_to_org_id uuid,
    ADD COLUMN referred_to_committee_id uuid,
    ADD COLUMN referred_to varchar,
    ADD COLUMN ratifies_id uuid,
    ADD COLUMN rescinded_at timestamptz,
    ADD COLUMN rescinded_by uuid REFERENCES person (id),
    ADD COLUMN rescission_reason varchar,
    ADD FOREIGN KEY (referred_to_org_id, referred_to_committee_id) REFERENCES committee (org_id, id),
    ADD FOREIGN KEY (org_id, ratifies_id) REFERENCES decision (org_id, id),
    ADD CHECK ((route = 'REFERRED') = (referred_to_committee_id IS NOT NULL AND referred_to IS NOT NULL)),
    ADD CHECK ((rescinded_at IS NULL) = (rescission_reason IS NULL)),
    ADD CHECK (rescission_reason IS NULL OR btrim(rescission_reason) <> '');

UPDATE decision r SET ratifies_id = a.id
  FROM decision a
 WHERE a.route = 'CHAIRS_ACTION' AND a.org_id = r.org_id AND a.ratified_at_meeting_id = r.meeting_id
   AND a.ratified_at = r.decided_at AND r.route = 'CONSENSUS' AND r.text LIKE 'Ratified the chair''s action of %'
   AND right(r.text, length(a.text) + 2) = ': ' || a.text;

WITH superseded AS (
    UPDATE decision d
       SET rescinded_at = now(),
           rescission_reason = 'Superseded by a later outcome recorded for the same item (migration 0013).'
     WHERE d.ratifies_id IS NULL
       AND EXISTS (SELECT 1 FROM decision later
                    WHERE later.org_id = d.org_id AND later.item_id = d.item_id AND later.ratifies_id IS NULL
                      AND (later.decided_at, later.id) > (d.decided_at, d.id))
    RETURNING d.org_id, d.id
)
INSERT INTO audit_entry (org_id, action, entity_type, entity_id, after)
SELECT org_id, 'decision.rescind', 'Decision', id, jsonb_build_object('by', 'migration 0013') FROM superseded;

-- One standing outcome per item; a ratification is the outcome of its chair's action, reported under an item
-- that may report several.
CREATE UNIQUE INDEX decision_standing_idx ON decision (org_id, item_id) WHERE rescinded_at IS NULL AND ratifies_id IS NULL;
CREATE UNIQUE INDEX decision_ratification_idx ON decision (org_id, ratifies_id) WHERE rescinded_at IS NULL AND ratifies_id IS NOT NULL;

CREATE TABLE presiding_member (
    org_id uuid NOT NULL,
    item_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    person_id uuid NOT NULL REFERENCES person (id),
    chosen_by uuid NOT NULL REFERENCES person (id),
    chosen_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, item_id),
    FOREIGN KEY (org_id, item_id) REFERENCES agenda_item (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id)
);
CREATE INDEX presiding_member_meeting_idx ON presiding_member (meeting_id);
ALTER TABLE presiding_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE presiding_member FORCE ROW LEVEL SECURITY;
CREATE POLICY presiding_member_read ON presiding_member FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR (committee_id = ANY (app_uuids('app.committee_ids'))
               AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = presiding_member.item_id AND i.part = 'PUBLIC')));
CREATE POLICY presiding_member_create ON presiding_member FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY presiding_member_change ON presiding_member FOR UPDATE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));
"""


def grants(role: str) -> str:
    return f"GRANT SELECT, INSERT, UPDATE ON presiding_member TO {role};"


def upgrade() -> None:
    for sql in (OUTCOMES, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP TABLE presiding_member;
        DROP INDEX decision_standing_idx, decision_ratification_idx;
        ALTER TABLE decision DROP COLUMN referred_to_org_id, DROP COLUMN referred_to_committee_id, DROP COLUMN referred_to,
            DROP COLUMN ratifies_id, DROP COLUMN rescinded_at, DROP COLUMN rescinded_by, DROP COLUMN rescission_reason;
        DELETE FROM decision WHERE route IN ('REFERRED', 'WITHDRAWN');
        ALTER TABLE decision DROP CONSTRAINT decision_route_check;
        ALTER TABLE decision ADD CONSTRAINT decision_route_check CHECK (route IN ('VOTE', 'CONSENSUS', 'CHAIRS_ACTION', 'DEFERRED'));
        """
    )
