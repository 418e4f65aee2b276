"""One outcome at a time for each agenda item: referred (to a named committee) and withdrawn join the routes;
an outcome is rescinded (who, when, why) before another is recorded, and the database keeps one standing
outcome per item. A ratification names the chair's action it ratifies. When neither the chair nor the vice
chair can take an item, the members present choose who presides (presiding_member). An approval of earlier
minutes names the meeting whose minutes it approved.

Existing items with more than one outcome keep the latest; the earlier ones are marked rescinded by this
migration, with an audit entry each. Ratifications recorded before this migration are linked to their chair's
action by meeting, moment and text (both were written in one transaction with the same moment).

Registers: a declaration made at a meeting creates a pending entry in the register of interests, which its
keeper confirms or rejects; only confirmed entries are published, and the published register gives each
decision-maker's last nil return so that "nil return made on DATE" differs from "no return received".
Gifts and hospitality: approval by someone the organisation designates (gift_approver), never the recipient,
and every later change (approved, returned, declined) kept as history (gift_or_hospitality_update).

Revision ID: 0014
Revises: 0013
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0014"
down_revision = "0013"
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
    ADD COLUMN minutes_of_meeting_id uuid,
    ADD COLUMN rescinded_at timestamptz,
    ADD COLUMN rescinded_by uuid REFERENCES person (id),
    ADD COLUMN rescission_reason varchar,
    ADD FOREIGN KEY (referred_to_org_id, referred_to_committee_id) REFERENCES committee (org_id, id),
    ADD FOREIGN KEY (org_id, ratifies_id) REFERENCES decision (org_id, id),
    ADD FOREIGN KEY (org_id, minutes_of_meeting_id) REFERENCES meeting (org_id, id),
    ADD CHECK ((route = 'REFERRED') = (referred_to_committee_id IS NOT NULL AND referred_to IS NOT NULL)),
    ADD CHECK ((rescinded_at IS NULL) = (rescission_reason IS NULL)),
    ADD CHECK (rescission_reason IS NULL OR btrim(rescission_reason) <> '');

UPDATE decision r SET ratifies_id = a.id
  FROM decision a
 WHERE a.route = 'CHAIRS_ACTION' AND a.org_id = r.org_id AND a.ratified_at_meeting_id = r.meeting_id
   AND a.ratified_at = r.decided_at AND r.route = 'CONSENSUS' AND r.text LIKE 'Ratified the chair''s action of %'
   AND right(r.text, length(a.text) + 2) = ': ' || a.text;

UPDATE decision d SET minutes_of_meeting_id = m.meeting_id
  FROM minutes m JOIN meeting earlier ON earlier.org_id = m.org_id AND earlier.id = m.meeting_id
 WHERE m.part = 'PUBLIC' AND m.approved_at_meeting_id = d.meeting_id AND m.approved_at = d.decided_at
   AND d.route = 'CONSENSUS' AND d.text = 'The minutes of the meeting held on '
       || to_char(earlier.starts_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY') || ' were approved as a true record.';

WITH superseded AS (
    UPDATE decision d
       SET rescinded_at = now(),
           rescission_reason = 'Superseded by a later outcome recorded for the same item (migration 0013).'
     WHERE d.ratifies_id IS NULL AND d.minutes_of_meeting_id IS NULL
       AND EXISTS (SELECT 1 FROM decision later
                    WHERE later.org_id = d.org_id AND later.item_id = d.item_id AND later.ratifies_id IS NULL
                      AND later.minutes_of_meeting_id IS NULL
                      AND (later.decided_at, later.id) > (d.decided_at, d.id))
    RETURNING d.org_id, d.id
)
INSERT INTO audit_entry (org_id, action, entity_type, entity_id, after)
SELECT org_id, 'decision.rescind', 'Decision', id, jsonb_build_object('by', 'migration 0013') FROM superseded;

-- One standing outcome per item. A ratification (the outcome of its chair's action) and an approval of earlier
-- minutes are reported under an item that may report several, and are not the item's own outcome.
CREATE UNIQUE INDEX decision_standing_idx ON decision (org_id, item_id)
    WHERE rescinded_at IS NULL AND ratifies_id IS NULL AND minutes_of_meeting_id IS NULL;
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


REGISTERS = """
ALTER TABLE interest
    ADD COLUMN status varchar NOT NULL DEFAULT 'CONFIRMED' CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
    ADD COLUMN source_declaration_id uuid,
    ADD COLUMN reviewed_by uuid REFERENCES person (id),
    ADD COLUMN reviewed_at timestamptz,
    ADD COLUMN review_note varchar NOT NULL DEFAULT '',
    ADD CHECK (status <> 'REJECTED' OR reviewed_at IS NOT NULL);
CREATE UNIQUE INDEX interest_from_declaration_idx ON interest (org_id, source_declaration_id)
    WHERE source_declaration_id IS NOT NULL;

CREATE TABLE gift_approver (
    org_id uuid NOT NULL REFERENCES organisation (id),
    person_id uuid NOT NULL REFERENCES person (id),
    designated_by uuid NOT NULL REFERENCES person (id),
    designated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, person_id),
    FOREIGN KEY (org_id, person_id) REFERENCES person_registration (org_id, person_id)
);
ALTER TABLE gift_approver ENABLE ROW LEVEL SECURITY;
ALTER TABLE gift_approver FORCE ROW LEVEL SECURITY;
CREATE POLICY gift_approver_read ON gift_approver FOR SELECT USING (org_id = ANY (app_org_ids()));
CREATE POLICY gift_approver_create ON gift_approver FOR INSERT WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids')));

CREATE TABLE gift_or_hospitality_update (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    gift_id uuid NOT NULL,
    change varchar NOT NULL CHECK (change IN ('APPROVED', 'RETURNED', 'DECLINED')),
    note varchar NOT NULL DEFAULT '',
    at timestamptz NOT NULL DEFAULT now(),
    recorded_by uuid NOT NULL REFERENCES person (id),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, gift_id) REFERENCES gift_or_hospitality (org_id, id)
);
CREATE INDEX gift_or_hospitality_update_gift_idx ON gift_or_hospitality_update (gift_id, at);
ALTER TABLE gift_or_hospitality_update ENABLE ROW LEVEL SECURITY;
ALTER TABLE gift_or_hospitality_update FORCE ROW LEVEL SECURITY;
CREATE POLICY gift_or_hospitality_update_read ON gift_or_hospitality_update FOR SELECT
    USING (EXISTS (SELECT 1 FROM gift_or_hospitality g WHERE g.org_id = gift_or_hospitality_update.org_id
                   AND g.id = gift_or_hospitality_update.gift_id));
CREATE POLICY gift_or_hospitality_update_create ON gift_or_hospitality_update FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids'))
                OR EXISTS (SELECT 1 FROM gift_approver a WHERE a.org_id = gift_or_hospitality_update.org_id
                           AND a.person_id = app_person_id()));
-- A designated approver records an approval on an entry that is not their own.
CREATE POLICY gift_or_hospitality_approver_read ON gift_or_hospitality FOR SELECT
    USING (EXISTS (SELECT 1 FROM gift_approver a WHERE a.org_id = gift_or_hospitality.org_id AND a.person_id = app_person_id()));
CREATE POLICY gift_or_hospitality_change ON gift_or_hospitality FOR UPDATE
    USING (org_id = ANY (app_uuids('app.officer_org_ids'))
           OR EXISTS (SELECT 1 FROM gift_approver a WHERE a.org_id = gift_or_hospitality.org_id AND a.person_id = app_person_id()));
ALTER TABLE gift_or_hospitality ADD CHECK (approved_by IS NULL OR approved_by <> person_id) NOT VALID;

-- The published register: confirmed entries only, and each decision-maker's latest nil return.
DROP FUNCTION published_interests(text);
CREATE FUNCTION published_interests(p_ods text)
RETURNS TABLE (person_id uuid, person_name text, positions text[], category text, description text,
               concerns text[], valid_from date, valid_to date, action_taken text, declared_on date, nil_return_on date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    WITH org AS (SELECT id FROM organisation WHERE ods_code = upper(p_ods)),
    today AS (SELECT (now() AT TIME ZONE 'Europe/London')::date AS d),
    makers AS (
        SELECT s.person_id,
               array_agg(initcap(replace(lower(s.role), '_', ' ')) || ', ' || c.name ORDER BY c.name) AS positions
        FROM seat s JOIN committee c ON c.org_id = s.org_id AND c.id = s.committee_id, today
        WHERE s.org_id = (SELECT id FROM org) AND s.role <> 'IN_ATTENDANCE'
          AND s.valid_from <= today.d AND (s.valid_to IS NULL OR today.d <= s.valid_to)
        GROUP BY s.person_id
        UNION ALL
        SELECT m.person_id, ARRAY['Governing body member']
        FROM membership m, today
        WHERE m.org_id = (SELECT id FROM org) AND m.role = 'GOVERNING_BODY_MEMBER'
          AND m.valid_from <= today.d AND (m.valid_to IS NULL OR today.d <= m.valid_to)
          AND NOT EXISTS (SELECT 1 FROM seat s WHERE s.person_id = m.person_id AND s.org_id = m.org_id
                          AND s.role <> 'IN_ATTENDANCE' AND s.valid_from <= today.d
                          AND (s.valid_to IS NULL OR today.d <= s.valid_to))
    )
    SELECT p.id, p.name, mk.positions, i.category, i.description,
           ARRAY(SELECT o.name FROM organisation o WHERE o.id = ANY (i.concerns_org_ids)
                 UNION ALL
                 SELECT pr.name || ' (' || pr.ods_code || ')' FROM practice pr WHERE pr.id = ANY (i.concerns_practice_ids)),
           i.valid_from, i.valid_to, i.action_taken, i.declared_on,
           (SELECT max(r.reviewed_on) FROM interest_review r
             WHERE r.org_id = (SELECT id FROM org) AND r.person_id = mk.person_id AND r.nil_return)
    FROM makers mk
    JOIN person p ON p.id = mk.person_id
    CROSS JOIN today
    LEFT JOIN interest i ON i.person_id = mk.person_id AND i.org_id = (SELECT id FROM org) AND NOT i.withheld
        AND i.status = 'CONFIRMED' AND (i.valid_to IS NULL OR i.valid_to >= today.d - 182)
    ORDER BY p.name, i.valid_from, i.id
$$;
REVOKE ALL ON FUNCTION published_interests(text) FROM PUBLIC;

-- The published register of decision-makers' gifts and hospitality (the same decision-makers as above); what
-- need not be declared under the thresholds is left out by the app, which holds the thresholds.
CREATE FUNCTION published_gifts(p_ods text)
RETURNS TABLE (person_name text, kind text, description text, offered_by text, from_supplier boolean,
               value_pence integer, offered_on date, accepted boolean, approved_by_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    WITH org AS (SELECT id FROM organisation WHERE ods_code = upper(p_ods)),
    today AS (SELECT (now() AT TIME ZONE 'Europe/London')::date AS d),
    makers AS (
        SELECT s.person_id FROM seat s, today
        WHERE s.org_id = (SELECT id FROM org) AND s.role <> 'IN_ATTENDANCE'
          AND s.valid_from <= today.d AND (s.valid_to IS NULL OR today.d <= s.valid_to)
        UNION
        SELECT m.person_id FROM membership m, today
        WHERE m.org_id = (SELECT id FROM org) AND m.role = 'GOVERNING_BODY_MEMBER'
          AND m.valid_from <= today.d AND (m.valid_to IS NULL OR today.d <= m.valid_to)
    )
    SELECT p.name, g.kind, g.description, g.offered_by, g.from_supplier, g.value_pence, g.offered_on, g.accepted, a.name
    FROM gift_or_hospitality g
    JOIN makers mk ON mk.person_id = g.person_id
    JOIN person p ON p.id = g.person_id
    LEFT JOIN person a ON a.id = g.approved_by
    CROSS JOIN today
    WHERE g.org_id = (SELECT id FROM org) AND g.offered_on >= today.d - 365 * 2
    ORDER BY g.offered_on DESC, p.name
$$;
REVOKE ALL ON FUNCTION published_gifts(text) FROM PUBLIC;
"""


def grants(role: str) -> str:
    return f"""
GRANT SELECT, INSERT, UPDATE ON presiding_member TO {role};
GRANT SELECT, INSERT ON gift_approver, gift_or_hospitality_update TO {role};
GRANT EXECUTE ON FUNCTION published_interests(text), published_gifts(text) TO {role};
"""


def upgrade() -> None:
    for sql in (OUTCOMES, REGISTERS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP FUNCTION published_gifts(text);
        DROP TABLE presiding_member, gift_or_hospitality_update, gift_approver;
        DROP POLICY gift_or_hospitality_approver_read ON gift_or_hospitality;
        DROP POLICY gift_or_hospitality_change ON gift_or_hospitality;
        ALTER TABLE interest DROP COLUMN status, DROP COLUMN source_declaration_id, DROP COLUMN reviewed_by,
            DROP COLUMN reviewed_at, DROP COLUMN review_note;
        DROP INDEX decision_standing_idx, decision_ratification_idx;
        ALTER TABLE decision DROP COLUMN referred_to_org_id, DROP COLUMN referred_to_committee_id, DROP COLUMN referred_to,
            DROP COLUMN ratifies_id, DROP COLUMN minutes_of_meeting_id, DROP COLUMN rescinded_at, DROP COLUMN rescinded_by, DROP COLUMN rescission_reason;
        DELETE FROM decision WHERE route IN ('REFERRED', 'WITHDRAWN');
        ALTER TABLE decision DROP CONSTRAINT decision_route_check;
        ALTER TABLE decision ADD CONSTRAINT decision_route_check CHECK (route IN ('VOTE', 'CONSENSUS', 'CHAIRS_ACTION', 'DEFERRED'));
        """
    )
