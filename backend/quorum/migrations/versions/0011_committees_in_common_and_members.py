"""Committees in common, and members who run their meeting.

Committees in common replace the free-text `committee.in_common_group` label (dropped): a convening
organisation's officers make an arrangement and invite other organisations' committees; only the invited
organisation's officers accept. A session has one date, place and agenda, each item common to every
committee or to some; each taking part has its own meeting of the session (meetings, conduct and packs
as for any meeting), linked here, so attendance, quorum, declarations, votes, decisions and minutes stay
each committee's own and under its own organisation's row-level security.

Members' own writes: a seat holder sends apologies, checks in and out and declares their own interests
(attendance, attendance_movement, declaration rows naming themselves). The chair or vice chair, by a seat
held today, takes items, runs votes and records decisions (meeting_progress, vote, secret_tally,
decision). Both are further policies beside the officers' ones of 0007; no new access setting.

Revision ID: 0011
Revises: 0010
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

MEMBERS = """
CREATE FUNCTION app_chairs(p_committee uuid) RETURNS boolean LANGUAGE sql STABLE
AS $$ SELECT EXISTS (SELECT 1 FROM seat s
                     WHERE s.committee_id = p_committee AND s.person_id = app_person_id()
                       AND s.role IN ('CHAIR', 'VICE_CHAIR')
                       AND s.valid_from <= (now() AT TIME ZONE 'Europe/London')::date
                       AND (s.valid_to IS NULL OR (now() AT TIME ZONE 'Europe/London')::date <= s.valid_to)) $$;

CREATE POLICY attendance_own_create ON attendance FOR INSERT
    WITH CHECK (person_id = app_person_id() AND committee_id = ANY (app_uuids('app.private_committee_ids')));
CREATE POLICY attendance_own_change ON attendance FOR UPDATE
    USING (person_id = app_person_id() AND committee_id = ANY (app_uuids('app.private_committee_ids')));
CREATE POLICY attendance_movement_own_create ON attendance_movement FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM attendance a WHERE a.id = attendance_movement.attendance_id
                                                     AND a.person_id = app_person_id()));
CREATE POLICY declaration_own_create ON declaration FOR INSERT
    WITH CHECK (person_id = app_person_id() AND recorded_by = app_person_id()
                AND committee_id = ANY (app_uuids('app.private_committee_ids')));

CREATE POLICY meeting_progress_chair_change ON meeting_progress FOR UPDATE USING (app_chairs(committee_id));
CREATE POLICY vote_chair_create ON vote FOR INSERT WITH CHECK (app_chairs(committee_id));
CREATE POLICY vote_chair_change ON vote FOR UPDATE USING (app_chairs(committee_id));
CREATE POLICY secret_tally_chair_create ON secret_tally FOR INSERT WITH CHECK (app_chairs(committee_id));
CREATE POLICY decision_chair_create ON decision FOR INSERT WITH CHECK (app_chairs(committee_id));
CREATE POLICY decision_chair_change ON decision FOR UPDATE USING (app_chairs(committee_id));
"""

IN_COMMON = """
ALTER TABLE committee DROP COLUMN in_common_group;

CREATE TABLE in_common_arrangement (
    org_id uuid NOT NULL REFERENCES organisation (id),  -- the convening organisation
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name varchar NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    created_by uuid NOT NULL REFERENCES person (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id)
);

-- An organisation invited into an arrangement; on accepting, its officers name the committee that takes
-- part. The names are kept as they stood, so every party reads them without seeing the other's directory.
CREATE TABLE in_common_party (
    org_id uuid NOT NULL,
    arrangement_id uuid NOT NULL,
    invited_org_id uuid NOT NULL REFERENCES organisation (id),
    organisation_name varchar NOT NULL,
    committee_id uuid,
    committee_name varchar,
    status varchar NOT NULL CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED')),
    invited_by uuid NOT NULL REFERENCES person (id),
    invited_at timestamptz NOT NULL DEFAULT now(),
    answered_by uuid REFERENCES person (id),
    answered_at timestamptz,
    PRIMARY KEY (org_id, arrangement_id, invited_org_id),
    FOREIGN KEY (org_id, arrangement_id) REFERENCES in_common_arrangement (org_id, id),
    FOREIGN KEY (invited_org_id, committee_id) REFERENCES committee (org_id, id),
    CHECK ((status = 'ACCEPTED') = (committee_id IS NOT NULL AND committee_name IS NOT NULL)),
    CHECK ((status = 'INVITED') = (answered_at IS NULL))
);
CREATE INDEX in_common_party_invited_idx ON in_common_party (invited_org_id);
CREATE INDEX in_common_party_committee_idx ON in_common_party (committee_id);

CREATE TABLE in_common_session (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    arrangement_id uuid NOT NULL,
    title varchar NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
    starts_at timestamptz NOT NULL,
    location varchar NOT NULL DEFAULT '',
    created_by uuid NOT NULL REFERENCES person (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, arrangement_id) REFERENCES in_common_arrangement (org_id, id)
);

-- One agenda: each item is taken by every committee (committee_ids empty) or by those named.
CREATE TABLE in_common_item (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    session_id uuid NOT NULL,
    position integer NOT NULL,
    title varchar NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
    purpose varchar NOT NULL,
    part varchar NOT NULL CHECK (part IN ('PUBLIC', 'PRIVATE')),
    committee_ids uuid[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, session_id, position),
    FOREIGN KEY (org_id, session_id) REFERENCES in_common_session (org_id, id)
);

-- Each committee's own meeting of the session, in its own organisation.
CREATE TABLE in_common_meeting (
    org_id uuid NOT NULL,
    session_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    meeting_org_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    PRIMARY KEY (org_id, session_id, committee_id),
    UNIQUE (meeting_id),
    FOREIGN KEY (org_id, session_id) REFERENCES in_common_session (org_id, id),
    FOREIGN KEY (meeting_org_id, meeting_id) REFERENCES meeting (org_id, id)
);

-- Which agenda item of each committee's meeting is which item of the session.
CREATE TABLE in_common_agenda_item (
    org_id uuid NOT NULL,
    item_id uuid NOT NULL,
    agenda_item_org_id uuid NOT NULL,
    agenda_item_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    PRIMARY KEY (org_id, item_id, committee_id),
    UNIQUE (agenda_item_id),
    FOREIGN KEY (org_id, item_id) REFERENCES in_common_item (org_id, id),
    FOREIGN KEY (agenda_item_org_id, agenda_item_id) REFERENCES agenda_item (org_id, id)
);
"""

# Parties: the convener's and the invited organisation's people see an invitation; an accepted party is
# public, as the arrangement and its sessions are (they are published as committees' meetings are).
IN_COMMON_POLICIES = """
ALTER TABLE in_common_arrangement ENABLE ROW LEVEL SECURITY;
ALTER TABLE in_common_arrangement FORCE ROW LEVEL SECURITY;
CREATE POLICY in_common_arrangement_read ON in_common_arrangement FOR SELECT USING (true);
CREATE POLICY in_common_arrangement_create ON in_common_arrangement FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids')));

ALTER TABLE in_common_party ENABLE ROW LEVEL SECURITY;
ALTER TABLE in_common_party FORCE ROW LEVEL SECURITY;
CREATE POLICY in_common_party_read ON in_common_party FOR SELECT
    USING (status = 'ACCEPTED' OR org_id = ANY (app_org_ids()) OR invited_org_id = ANY (app_org_ids()));
CREATE POLICY in_common_party_create ON in_common_party FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids')));
CREATE POLICY in_common_party_answer ON in_common_party FOR UPDATE
    USING (invited_org_id = ANY (app_uuids('app.officer_org_ids')));

ALTER TABLE in_common_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE in_common_session FORCE ROW LEVEL SECURITY;
CREATE POLICY in_common_session_read ON in_common_session FOR SELECT USING (true);
CREATE POLICY in_common_session_create ON in_common_session FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids')));

-- Part II items of the shared agenda: for those who see Part II business of a committee taking part.
ALTER TABLE in_common_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE in_common_item FORCE ROW LEVEL SECURITY;
CREATE POLICY in_common_item_read ON in_common_item FOR SELECT
    USING (part = 'PUBLIC' OR org_id = ANY (app_uuids('app.officer_org_ids'))
           OR EXISTS (SELECT 1 FROM in_common_session s
                      JOIN in_common_party p ON p.org_id = s.org_id AND p.arrangement_id = s.arrangement_id
                      WHERE s.org_id = in_common_item.org_id AND s.id = in_common_item.session_id
                        AND p.status = 'ACCEPTED' AND p.committee_id = ANY (app_uuids('app.private_committee_ids'))));
CREATE POLICY in_common_item_create ON in_common_item FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids')));

ALTER TABLE in_common_meeting ENABLE ROW LEVEL SECURITY;
ALTER TABLE in_common_meeting FORCE ROW LEVEL SECURITY;
CREATE POLICY in_common_meeting_read ON in_common_meeting FOR SELECT USING (true);
CREATE POLICY in_common_meeting_create ON in_common_meeting FOR INSERT
    WITH CHECK (meeting_org_id = ANY (app_uuids('app.officer_org_ids')));

-- The link says no more than the agenda item it names, which row-level security on agenda_item guards.
ALTER TABLE in_common_agenda_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE in_common_agenda_item FORCE ROW LEVEL SECURITY;
CREATE POLICY in_common_agenda_item_read ON in_common_agenda_item FOR SELECT
    USING (EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = in_common_agenda_item.agenda_item_id));
CREATE POLICY in_common_agenda_item_create ON in_common_agenda_item FOR INSERT
    WITH CHECK (agenda_item_org_id = ANY (app_uuids('app.officer_org_ids')));
"""


# The result of a vote on a Part I item of a held meeting is as public as its decision (decision_published in
# 0007) and its minutes: counts and outcome only, never who voted or how.
PUBLISHED_VOTES = """
CREATE FUNCTION published_vote_results(p_vote_ids uuid[])
RETURNS TABLE (vote_id uuid, outcome text, for_count integer, against_count integer, abstain_count integer,
               casting_vote text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT v.id, v.outcome, v.for_count, v.against_count, v.abstain_count, v.casting_vote
    FROM vote v
    JOIN agenda_item i ON i.org_id = v.org_id AND i.id = v.item_id AND i.part = 'PUBLIC'
    JOIN meeting m ON m.org_id = v.org_id AND m.id = v.meeting_id AND m.status IN ('HELD', 'MINUTES_APPROVED')
    WHERE v.id = ANY (p_vote_ids) AND v.closed_at IS NOT NULL
$$;
REVOKE ALL ON FUNCTION published_vote_results(uuid[]) FROM PUBLIC;
"""


def grants(role: str) -> str:
    return f"""
GRANT SELECT, INSERT ON in_common_arrangement, in_common_session, in_common_item, in_common_meeting,
    in_common_agenda_item TO {role};
GRANT SELECT, INSERT, UPDATE ON in_common_party TO {role};
GRANT EXECUTE ON FUNCTION published_vote_results(uuid[]) TO {role};
"""


def upgrade() -> None:
    for sql in (MEMBERS, IN_COMMON, IN_COMMON_POLICIES, PUBLISHED_VOTES, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP FUNCTION published_vote_results(uuid[]);
        DROP TABLE in_common_agenda_item, in_common_meeting, in_common_item, in_common_session, in_common_party,
            in_common_arrangement;
        ALTER TABLE committee ADD COLUMN in_common_group varchar;
        DROP POLICY attendance_own_create ON attendance;
        DROP POLICY attendance_own_change ON attendance;
        DROP POLICY attendance_movement_own_create ON attendance_movement;
        DROP POLICY declaration_own_create ON declaration;
        DROP POLICY meeting_progress_chair_change ON meeting_progress;
        DROP POLICY vote_chair_create ON vote;
        DROP POLICY vote_chair_change ON vote;
        DROP POLICY secret_tally_chair_create ON secret_tally;
        DROP POLICY decision_chair_create ON decision;
        DROP POLICY decision_chair_change ON decision;
        DROP FUNCTION app_chairs(uuid);
        """
    )
