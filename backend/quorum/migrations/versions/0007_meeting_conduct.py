"""Registers of interests and of gifts and hospitality; running the meeting: attendance, declarations,
votes, decisions, the action log and minutes.

No new access setting: the policies read the ones quorum.access already sets (migrations 0001, 0003, 0004).
Part II business (declarations, votes, decisions, actions on private items) is for
app.private_committee_ids only; Part I business for app.committee_ids; the public reads decisions of
held meetings' Part I items, approved public minutes, and the published register of interests
through published_interests(), which gives decision-makers' entries and nothing else.

A secret vote keeps who voted (vote_cast, with no choice) apart from how they voted (secret_tally:
a count per choice, no row per ballot, nothing to join or order by).

Revision ID: 0007
Revises: 0004
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None

REGISTERS = """
CREATE TABLE interest (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person (id),
    category varchar NOT NULL CHECK (category IN ('FINANCIAL', 'NON_FINANCIAL_PROFESSIONAL', 'NON_FINANCIAL_PERSONAL',
                                                  'INDIRECT')),
    description varchar NOT NULL CHECK (btrim(description) <> ''),
    concerns_org_ids uuid[] NOT NULL DEFAULT '{}',
    concerns_practice_ids uuid[] NOT NULL DEFAULT '{}',
    valid_from date NOT NULL,
    valid_to date,
    action_taken varchar NOT NULL DEFAULT '',
    became_aware_on date NOT NULL,
    declared_on date NOT NULL,
    withheld boolean NOT NULL DEFAULT false,
    recorded_by uuid NOT NULL REFERENCES person (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES person_registration (org_id, person_id),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK (declared_on >= became_aware_on)
);
CREATE INDEX interest_id_idx ON interest (id);
CREATE INDEX interest_person_idx ON interest (org_id, person_id);

CREATE TABLE interest_review (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person (id),
    reviewed_on date NOT NULL,
    nil_return boolean NOT NULL DEFAULT false,
    recorded_by uuid NOT NULL REFERENCES person (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES person_registration (org_id, person_id),
    UNIQUE (org_id, person_id, reviewed_on)
);

CREATE TABLE gift_or_hospitality (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person (id),
    kind varchar NOT NULL CHECK (kind IN ('GIFT', 'HOSPITALITY', 'CASH_OR_VOUCHERS')),
    description varchar NOT NULL CHECK (btrim(description) <> ''),
    offered_by varchar NOT NULL CHECK (btrim(offered_by) <> ''),
    from_supplier boolean NOT NULL,
    value_pence integer NOT NULL CHECK (value_pence >= 0),
    offered_on date NOT NULL,
    accepted boolean NOT NULL,
    approved_by uuid REFERENCES person (id),
    recorded_by uuid NOT NULL REFERENCES person (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES person_registration (org_id, person_id),
    CHECK (approved_by IS NULL OR accepted)
);
CREATE INDEX gift_or_hospitality_id_idx ON gift_or_hospitality (id);
"""

CONDUCT = """
CREATE TABLE meeting_progress (
    org_id uuid NOT NULL,
    meeting_id uuid NOT NULL UNIQUE,
    committee_id uuid NOT NULL,
    opened_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz,
    current_item_id uuid,
    PRIMARY KEY (org_id, meeting_id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    FOREIGN KEY (org_id, current_item_id) REFERENCES agenda_item (org_id, id),
    CHECK (closed_at IS NULL OR closed_at >= opened_at)
);

CREATE TABLE attendance (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    person_id uuid REFERENCES person (id),
    guest_name varchar CHECK (btrim(guest_name) <> ''),
    capacity varchar NOT NULL DEFAULT '',
    status varchar NOT NULL CHECK (status IN ('PRESENT', 'APOLOGIES', 'IN_ATTENDANCE')),
    in_room boolean NOT NULL DEFAULT false,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    CHECK ((person_id IS NULL) <> (guest_name IS NULL)),
    CHECK (NOT (in_room AND status = 'APOLOGIES')),
    UNIQUE (meeting_id, person_id)
);
CREATE INDEX attendance_id_idx ON attendance (id);
CREATE UNIQUE INDEX attendance_one_guest ON attendance (meeting_id, lower(btrim(guest_name))) WHERE guest_name IS NOT NULL;

CREATE TABLE attendance_movement (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    attendance_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    movement varchar NOT NULL CHECK (movement IN ('ARRIVED', 'LEFT')),
    at timestamptz NOT NULL DEFAULT now(),
    item_id uuid,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, attendance_id) REFERENCES attendance (org_id, id),
    FOREIGN KEY (org_id, item_id) REFERENCES agenda_item (org_id, id)
);
CREATE INDEX attendance_movement_meeting_idx ON attendance_movement (meeting_id, at);

CREATE TABLE declaration (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    item_id uuid NOT NULL,
    person_id uuid NOT NULL REFERENCES person (id),
    interest_org_id uuid,
    interest_id uuid,
    category varchar NOT NULL CHECK (category IN ('FINANCIAL', 'NON_FINANCIAL_PROFESSIONAL', 'NON_FINANCIAL_PERSONAL',
                                                  'INDIRECT')),
    description varchar NOT NULL CHECK (btrim(description) <> ''),
    management varchar NOT NULL CHECK (management IN ('DECLARE_ONLY', 'DISCUSSION_NOT_DECISION', 'LEAVE_ROOM')),
    recorded_by uuid NOT NULL REFERENCES person (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    FOREIGN KEY (org_id, item_id) REFERENCES agenda_item (org_id, id),
    FOREIGN KEY (interest_org_id, interest_id) REFERENCES interest (org_id, id),
    UNIQUE (item_id, person_id)
);
CREATE INDEX declaration_id_idx ON declaration (id);
CREATE INDEX declaration_meeting_idx ON declaration (meeting_id);

CREATE TABLE vote (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    item_id uuid NOT NULL,
    motion varchar NOT NULL CHECK (btrim(motion) <> ''),
    secret boolean NOT NULL,
    eligible_person_ids uuid[] NOT NULL,
    chaired_by uuid REFERENCES person (id),
    quorum jsonb NOT NULL,
    delegation_org_id uuid,
    delegation_id uuid,
    opened_by uuid NOT NULL REFERENCES person (id),
    opened_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz,
    for_count integer CHECK (for_count >= 0),
    against_count integer CHECK (against_count >= 0),
    abstain_count integer CHECK (abstain_count >= 0),
    casting_vote varchar CHECK (casting_vote IN ('FOR', 'AGAINST')),
    outcome varchar CHECK (outcome IN ('CARRIED', 'LOST')),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, id, secret),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    FOREIGN KEY (org_id, item_id) REFERENCES agenda_item (org_id, id),
    FOREIGN KEY (delegation_org_id, delegation_id) REFERENCES delegation (org_id, id),
    CHECK ((closed_at IS NULL) = (outcome IS NULL)),
    CHECK ((closed_at IS NULL) = (for_count IS NULL))
);
CREATE INDEX vote_id_idx ON vote (id);
CREATE INDEX vote_meeting_idx ON vote (meeting_id);
CREATE UNIQUE INDEX vote_one_open_per_meeting ON vote (meeting_id) WHERE closed_at IS NULL;

-- Who has voted. In a secret vote the choice is never here: it only adds one to secret_tally.
CREATE TABLE vote_cast (
    org_id uuid NOT NULL,
    vote_id uuid NOT NULL,
    person_id uuid NOT NULL REFERENCES person (id),
    committee_id uuid NOT NULL,
    secret boolean NOT NULL,
    choice varchar CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN')),
    PRIMARY KEY (org_id, vote_id, person_id),
    FOREIGN KEY (org_id, vote_id, secret) REFERENCES vote (org_id, id, secret),
    CHECK (secret = (choice IS NULL))
);

CREATE TABLE secret_tally (
    org_id uuid NOT NULL,
    vote_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    choice varchar NOT NULL CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN')),
    count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
    PRIMARY KEY (org_id, vote_id, choice),
    FOREIGN KEY (org_id, vote_id) REFERENCES vote (org_id, id)
);

-- No vote is cast once it has closed, whoever races whom: casting holds the vote's lock shared, closing
-- takes it alone (quorum.conduct.voting), so a closing waits for casts in flight and later casts see it closed.
CREATE FUNCTION vote_cast_needs_open_vote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtextextended(NEW.vote_id::text, 0));
    IF NOT EXISTS (SELECT 1 FROM vote WHERE org_id = NEW.org_id AND id = NEW.vote_id AND closed_at IS NULL) THEN
        RAISE EXCEPTION 'the vote has closed' USING ERRCODE = 'check_violation', CONSTRAINT = 'vote_cast_vote_open';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER vote_cast_vote_open BEFORE INSERT ON vote_cast
    FOR EACH ROW EXECUTE FUNCTION vote_cast_needs_open_vote();

CREATE TABLE decision (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    item_id uuid NOT NULL,
    route varchar NOT NULL CHECK (route IN ('VOTE', 'CONSENSUS', 'CHAIRS_ACTION', 'DEFERRED')),
    text varchar NOT NULL CHECK (btrim(text) <> ''),
    vote_id uuid UNIQUE,
    chaired_by uuid REFERENCES person (id),
    quorum jsonb NOT NULL,
    delegation_org_id uuid,
    delegation_id uuid,
    delegation_label varchar,
    decided_at timestamptz NOT NULL DEFAULT now(),
    recorded_by uuid NOT NULL REFERENCES person (id),
    ratified_at timestamptz,
    ratified_at_meeting_id uuid,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    FOREIGN KEY (org_id, item_id) REFERENCES agenda_item (org_id, id),
    FOREIGN KEY (org_id, vote_id) REFERENCES vote (org_id, id),
    FOREIGN KEY (org_id, ratified_at_meeting_id) REFERENCES meeting (org_id, id),
    FOREIGN KEY (delegation_org_id, delegation_id) REFERENCES delegation (org_id, id),
    CHECK ((route = 'VOTE') = (vote_id IS NOT NULL)),
    CHECK (ratified_at IS NULL OR route = 'CHAIRS_ACTION'),
    CHECK ((ratified_at IS NULL) = (ratified_at_meeting_id IS NULL)),
    CHECK ((delegation_id IS NULL) = (delegation_label IS NULL))
);
CREATE INDEX decision_id_idx ON decision (id);
CREATE INDEX decision_meeting_idx ON decision (meeting_id);
CREATE INDEX decision_register_idx ON decision (org_id, committee_id, decided_at);

CREATE TABLE action (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    committee_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    item_id uuid,
    description varchar NOT NULL CHECK (btrim(description) <> ''),
    owner_id uuid NOT NULL REFERENCES person (id),
    due_date date NOT NULL,
    status varchar NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'CLOSED')),
    raised_by uuid NOT NULL REFERENCES person (id),
    raised_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz,
    closed_at_meeting_id uuid,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    FOREIGN KEY (org_id, item_id) REFERENCES agenda_item (org_id, id),
    FOREIGN KEY (org_id, closed_at_meeting_id) REFERENCES meeting (org_id, id),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX action_id_idx ON action (id);
CREATE INDEX action_committee_idx ON action (committee_id, raised_at);

CREATE TABLE action_update (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    action_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    meeting_id uuid,
    status varchar NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'CLOSED')),
    note varchar NOT NULL DEFAULT '',
    at timestamptz NOT NULL DEFAULT now(),
    recorded_by uuid NOT NULL REFERENCES person (id),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, action_id) REFERENCES action (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id)
);
CREATE INDEX action_update_action_idx ON action_update (action_id, at);

CREATE TABLE minute_note (
    org_id uuid NOT NULL,
    item_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    notes varchar NOT NULL,
    updated_by uuid NOT NULL REFERENCES person (id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, item_id),
    FOREIGN KEY (org_id, item_id) REFERENCES agenda_item (org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id)
);
CREATE INDEX minute_note_meeting_idx ON minute_note (meeting_id);

-- The minutes as approved: the public version (Part I) and the full one, frozen.
CREATE TABLE minutes (
    org_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    part varchar NOT NULL CHECK (part IN ('PUBLIC', 'PRIVATE')),
    record jsonb NOT NULL,
    approved_at timestamptz NOT NULL DEFAULT now(),
    approved_by uuid NOT NULL REFERENCES person (id),
    approved_at_meeting_id uuid NOT NULL,
    PRIMARY KEY (org_id, meeting_id, part),
    FOREIGN KEY (org_id, meeting_id) REFERENCES meeting (org_id, id),
    FOREIGN KEY (org_id, approved_at_meeting_id) REFERENCES meeting (org_id, id)
);

CREATE FUNCTION minutes_are_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'approved minutes are frozen: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER minutes_frozen BEFORE UPDATE OR DELETE ON minutes FOR EACH ROW EXECUTE FUNCTION minutes_are_frozen();
"""


def _business(table: str, item: str = "item_id") -> str:
    """Part II business for those who see it; Part I business for the committee's viewers."""
    return f"""
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
CREATE POLICY {table}_read ON {table} FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR (committee_id = ANY (app_uuids('app.committee_ids'))
               AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = {table}.{item} AND i.part = 'PUBLIC')));
CREATE POLICY {table}_create ON {table} FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY {table}_change ON {table} FOR UPDATE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));
"""


POLICIES = (
    """
ALTER TABLE interest ENABLE ROW LEVEL SECURITY;
ALTER TABLE interest FORCE ROW LEVEL SECURITY;
-- Officers keep the register; each person sees their own entries; the organisation's people see what
-- is not withheld (most of it is published anyway).
CREATE POLICY interest_read ON interest FOR SELECT
    USING (org_id = ANY (app_uuids('app.officer_org_ids')) OR person_id = app_person_id()
           OR (org_id = ANY (app_org_ids()) AND NOT withheld));
CREATE POLICY interest_create ON interest FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids'))
                OR (person_id = app_person_id() AND org_id = ANY (app_org_ids())));
CREATE POLICY interest_change ON interest FOR UPDATE
    USING (org_id = ANY (app_uuids('app.officer_org_ids')) OR person_id = app_person_id());

ALTER TABLE interest_review ENABLE ROW LEVEL SECURITY;
ALTER TABLE interest_review FORCE ROW LEVEL SECURITY;
CREATE POLICY interest_review_read ON interest_review FOR SELECT
    USING (org_id = ANY (app_uuids('app.officer_org_ids')) OR person_id = app_person_id());
CREATE POLICY interest_review_create ON interest_review FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids'))
                OR (person_id = app_person_id() AND org_id = ANY (app_org_ids())));

ALTER TABLE gift_or_hospitality ENABLE ROW LEVEL SECURITY;
ALTER TABLE gift_or_hospitality FORCE ROW LEVEL SECURITY;
CREATE POLICY gift_or_hospitality_read ON gift_or_hospitality FOR SELECT
    USING (org_id = ANY (app_uuids('app.officer_org_ids')) OR person_id = app_person_id());
CREATE POLICY gift_or_hospitality_create ON gift_or_hospitality FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids'))
                OR (person_id = app_person_id() AND org_id = ANY (app_org_ids())));

ALTER TABLE meeting_progress ENABLE ROW LEVEL SECURITY;
ALTER TABLE meeting_progress FORCE ROW LEVEL SECURITY;
CREATE POLICY meeting_progress_read ON meeting_progress FOR SELECT
    USING (committee_id = ANY (app_uuids('app.committee_ids')));
CREATE POLICY meeting_progress_create ON meeting_progress FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY meeting_progress_change ON meeting_progress FOR UPDATE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));

ALTER TABLE attendance ENABLE ROW LEVEL SECURITY;
ALTER TABLE attendance FORCE ROW LEVEL SECURITY;
CREATE POLICY attendance_read ON attendance FOR SELECT USING (committee_id = ANY (app_uuids('app.committee_ids')));
CREATE POLICY attendance_create ON attendance FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY attendance_change ON attendance FOR UPDATE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));

ALTER TABLE attendance_movement ENABLE ROW LEVEL SECURITY;
ALTER TABLE attendance_movement FORCE ROW LEVEL SECURITY;
-- A movement during a Part II item says which item: Part II viewers only.
CREATE POLICY attendance_movement_read ON attendance_movement FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR (committee_id = ANY (app_uuids('app.committee_ids'))
               AND (item_id IS NULL OR EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = attendance_movement.item_id
                                                                            AND i.part = 'PUBLIC'))));
CREATE POLICY attendance_movement_create ON attendance_movement FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
"""
    + _business("declaration")
    + """
CREATE POLICY declaration_remove ON declaration FOR DELETE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));
"""
    + _business("vote")
    + """
ALTER TABLE vote_cast ENABLE ROW LEVEL SECURITY;
ALTER TABLE vote_cast FORCE ROW LEVEL SECURITY;
CREATE POLICY vote_cast_read ON vote_cast FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR (committee_id = ANY (app_uuids('app.committee_ids')) AND EXISTS (SELECT 1 FROM vote v WHERE v.id = vote_cast.vote_id)));
-- A member casts their own vote; an officer records a show of hands.
CREATE POLICY vote_cast_create ON vote_cast FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.private_committee_ids'))
                AND (person_id = app_person_id() OR committee_id = ANY (app_uuids('app.officer_committee_ids'))));

ALTER TABLE secret_tally ENABLE ROW LEVEL SECURITY;
ALTER TABLE secret_tally FORCE ROW LEVEL SECURITY;
CREATE POLICY secret_tally_read ON secret_tally FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids')));
CREATE POLICY secret_tally_create ON secret_tally FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY secret_tally_change ON secret_tally FOR UPDATE
    USING (committee_id = ANY (app_uuids('app.private_committee_ids')));
"""
    + _business("decision")
    + """
-- The decisions register: Part I decisions of held meetings are public.
CREATE POLICY decision_published ON decision FOR SELECT
    USING (EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = decision.item_id AND i.part = 'PUBLIC')
           AND EXISTS (SELECT 1 FROM meeting m WHERE m.id = decision.meeting_id
                                                AND m.status IN ('HELD', 'MINUTES_APPROVED')));

ALTER TABLE action ENABLE ROW LEVEL SECURITY;
ALTER TABLE action FORCE ROW LEVEL SECURITY;
CREATE POLICY action_read ON action FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR (committee_id = ANY (app_uuids('app.committee_ids'))
               AND (item_id IS NULL OR EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = action.item_id AND i.part = 'PUBLIC'))));
CREATE POLICY action_create ON action FOR INSERT WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY action_change ON action FOR UPDATE USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));

ALTER TABLE action_update ENABLE ROW LEVEL SECURITY;
ALTER TABLE action_update FORCE ROW LEVEL SECURITY;
CREATE POLICY action_update_read ON action_update FOR SELECT
    USING (EXISTS (SELECT 1 FROM action a WHERE a.id = action_update.action_id));
CREATE POLICY action_update_create ON action_update FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));

ALTER TABLE minute_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE minute_note FORCE ROW LEVEL SECURITY;
CREATE POLICY minute_note_read ON minute_note FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids')));
CREATE POLICY minute_note_create ON minute_note FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
CREATE POLICY minute_note_change ON minute_note FOR UPDATE
    USING (committee_id = ANY (app_uuids('app.officer_committee_ids')));

ALTER TABLE minutes ENABLE ROW LEVEL SECURITY;
ALTER TABLE minutes FORCE ROW LEVEL SECURITY;
CREATE POLICY minutes_read ON minutes FOR SELECT
    USING (part = 'PUBLIC' OR committee_id = ANY (app_uuids('app.private_committee_ids')));
CREATE POLICY minutes_create ON minutes FOR INSERT
    WITH CHECK (committee_id = ANY (app_uuids('app.officer_committee_ids')));
"""
)

# The published register of interests of an organisation's decision-makers: everyone holding a seat
# (not merely in attendance) on one of its committees today, or a governing body membership. Entries
# withheld in exceptional circumstances stay out; ended interests stay for six months.
PUBLISHED_REGISTER = """
CREATE FUNCTION published_interests(p_ods text)
RETURNS TABLE (person_id uuid, person_name text, positions text[], category text, description text,
               concerns text[], valid_from date, valid_to date, action_taken text, declared_on date)
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
           i.valid_from, i.valid_to, i.action_taken, i.declared_on
    FROM makers mk
    JOIN person p ON p.id = mk.person_id
    CROSS JOIN today
    LEFT JOIN interest i ON i.person_id = mk.person_id AND i.org_id = (SELECT id FROM org) AND NOT i.withheld
        AND (i.valid_to IS NULL OR i.valid_to >= today.d - 182)
    ORDER BY p.name, i.valid_from, i.id
$$;
REVOKE ALL ON FUNCTION published_interests(text) FROM PUBLIC;
"""


def grants(role: str) -> str:
    return f"""
GRANT SELECT, INSERT, UPDATE ON interest, gift_or_hospitality, meeting_progress, attendance, vote, secret_tally,
    decision, action, minute_note TO {role};
GRANT SELECT, INSERT ON interest_review, attendance_movement, vote_cast, action_update, minutes TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON declaration TO {role};
GRANT EXECUTE ON FUNCTION published_interests(text) TO {role};
"""


def upgrade() -> None:
    for sql in (REGISTERS, CONDUCT, POLICIES, PUBLISHED_REGISTER, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP TABLE minutes, minute_note, action_update, action, decision, secret_tally, vote_cast, vote, declaration,
            attendance_movement, attendance, meeting_progress, gift_or_hospitality, interest_review, interest;
        DROP FUNCTION published_interests(text), vote_cast_needs_open_vote(), minutes_are_frozen();
        """
    )
