"""Search at national scale, appendices' text, and the public registers for anonymous readers.

`file_text` holds the words of a stored PDF, or of a Word or Excel file's PDF conversion (pdftotext, in a background
job), one per file, with a generated search vector (weight C, as bodies) and a GIN index. It is read through the
appendix or Word body it is (the row's policy asks `appendix` and `paper_version`, under their own policies), and
written by whoever may read its file.

`published_register_matches` finds what the public registers of interests and of gifts and hospitality show (the
same rows as `published_interests` and `published_gifts`: today's decision-makers' confirmed, not withheld
interests, ended at most six months ago; their gifts and hospitality of the last two years above the thresholds the
app passes in) among those matching a search, so a reader who is not signed in finds them.

`agenda_item.meeting_published` says whether the item's meeting is published (not a draft), kept by triggers on both
tables: the item's read policy asks it instead of looking the meeting up, which the planner did by reading every
published meeting (24,000 at national scale) into a hash for each search. The Python policy still asks the meeting,
so the policy agreement test checks that the column keeps step.

Revision ID: 0031
Revises: 0030
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

FILE_TEXT = """
CREATE TABLE file_text (
    org_id uuid NOT NULL,
    file_id uuid NOT NULL,
    text text NOT NULL,
    extracted_at timestamptz NOT NULL DEFAULT now(),
    search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', text), 'C')) STORED,
    PRIMARY KEY (org_id, file_id),
    FOREIGN KEY (org_id, file_id) REFERENCES stored_file (org_id, id)
);
CREATE INDEX file_text_search_idx ON file_text USING gin (search_vector);
ALTER TABLE file_text ENABLE ROW LEVEL SECURITY;
ALTER TABLE file_text FORCE ROW LEVEL SECURITY;
-- Read through the paper it belongs to (an appendix, a Word body), under those tables' policies: narrower than its
-- file's (a pack's or an unattached upload's text is no one's), and a few index reads rather than every owner's.
CREATE POLICY file_text_read ON file_text FOR SELECT
    USING (EXISTS (SELECT 1 FROM appendix a WHERE a.org_id = file_text.org_id AND a.file_id = file_text.file_id)
           OR EXISTS (SELECT 1 FROM paper_version v WHERE v.org_id = file_text.org_id AND v.body_file_id = file_text.file_id));
CREATE POLICY file_text_create ON file_text FOR INSERT
    WITH CHECK (org_id = ANY (app_org_ids())
                AND EXISTS (SELECT 1 FROM stored_file f WHERE f.org_id = file_text.org_id AND f.id = file_text.file_id));
"""

MEETING_PUBLISHED = """
ALTER TABLE agenda_item ADD COLUMN meeting_published boolean NOT NULL DEFAULT false;
UPDATE agenda_item i SET meeting_published = true
    FROM meeting m WHERE m.org_id = i.org_id AND m.id = i.meeting_id AND m.status <> 'DRAFT';

CREATE FUNCTION agenda_item_meeting_published() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    NEW.meeting_published := EXISTS (SELECT 1 FROM meeting m
                                     WHERE m.org_id = NEW.org_id AND m.id = NEW.meeting_id AND m.status <> 'DRAFT');
    RETURN NEW;
END $$;
CREATE TRIGGER agenda_item_meeting_published BEFORE INSERT OR UPDATE ON agenda_item
    FOR EACH ROW EXECUTE FUNCTION agenda_item_meeting_published();

CREATE FUNCTION meeting_publishes_items() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE agenda_item SET meeting_published = (NEW.status <> 'DRAFT')
        WHERE org_id = NEW.org_id AND meeting_id = NEW.id AND meeting_published <> (NEW.status <> 'DRAFT');
    RETURN NULL;
END $$;
CREATE TRIGGER meeting_publishes_items AFTER UPDATE OF status ON meeting
    FOR EACH ROW WHEN ((OLD.status <> 'DRAFT') IS DISTINCT FROM (NEW.status <> 'DRAFT'))
    EXECUTE FUNCTION meeting_publishes_items();

DROP POLICY agenda_item_read ON agenda_item;
CREATE POLICY agenda_item_read ON agenda_item FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR (part = 'PUBLIC' AND (committee_id = ANY (app_uuids('app.committee_ids')) OR meeting_published)));

-- The same rule as 0004's, its item asked once rather than in two branches: every read of a paper, a version, an
-- appendix or its text plans (and runs) this policy, and each asking of the item brings the item's policy with it.
DROP POLICY paper_read ON paper;
CREATE POLICY paper_read ON paper FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR author_id = app_person_id() OR sponsor_id = app_person_id()
           OR (is_public AND (committee_id = ANY (app_uuids('app.committee_ids')) OR status = 'INCLUDED')
               AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = paper.item_id)));
"""

MEETING_PUBLISHED_BEFORE = """
DROP POLICY paper_read ON paper;
CREATE POLICY paper_read ON paper FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR author_id = app_person_id() OR sponsor_id = app_person_id()
           OR (is_public AND committee_id = ANY (app_uuids('app.committee_ids'))
               AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = paper.item_id))
           OR (is_public AND status = 'INCLUDED' AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = paper.item_id)));
DROP POLICY agenda_item_read ON agenda_item;
CREATE POLICY agenda_item_read ON agenda_item FOR SELECT
    USING (committee_id = ANY (app_uuids('app.private_committee_ids'))
           OR (part = 'PUBLIC' AND (committee_id = ANY (app_uuids('app.committee_ids')) OR EXISTS (SELECT 1 FROM meeting m WHERE m.id = agenda_item.meeting_id AND m.status <> 'DRAFT'))));
DROP TRIGGER meeting_publishes_items ON meeting;
DROP TRIGGER agenda_item_meeting_published ON agenda_item;
DROP FUNCTION meeting_publishes_items();
DROP FUNCTION agenda_item_meeting_published();
ALTER TABLE agenda_item DROP COLUMN meeting_published;
"""

PUBLIC_REGISTERS = """
-- Whom the published registers list: a seat (not merely in attendance) on one of the organisation's committees on
-- the day, or a governing body membership (as published_interests and published_gifts decide).
CREATE FUNCTION is_decision_maker(p_org uuid, p_person uuid, p_day date) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM seat s WHERE s.person_id = p_person AND s.org_id = p_org AND s.role <> 'IN_ATTENDANCE'
                   AND s.valid_from <= p_day AND (s.valid_to IS NULL OR p_day <= s.valid_to))
        OR EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p_person AND m.org_id = p_org
                   AND m.role = 'GOVERNING_BODY_MEMBER' AND m.valid_from <= p_day
                   AND (m.valid_to IS NULL OR p_day <= m.valid_to))
$$;
REVOKE ALL ON FUNCTION is_decision_maker(uuid, uuid, date) FROM PUBLIC;

CREATE FUNCTION published_register_matches(
    p_query tsquery, p_org uuid, p_from date, p_to date, p_limit integer,
    p_free_kinds text[], p_free_from_suppliers boolean[], p_free_up_to integer[])
RETURNS TABLE (kind text, org_id uuid, id uuid, day date, rank real, title text, body text, organisation_name text,
               ods_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    WITH today AS (SELECT (now() AT TIME ZONE 'Europe/London')::date AS d)
    SELECT found.*, o.name, o.ods_code FROM (
    (SELECT 'INTEREST', i.org_id, i.id, i.declared_on, ts_rank(i.search_vector, p_query, 1),
            i.description, i.description || ' ' || i.action_taken
     FROM interest i CROSS JOIN today
     WHERE i.search_vector @@ p_query AND NOT i.withheld AND i.status = 'CONFIRMED'
       AND (i.valid_to IS NULL OR i.valid_to >= today.d - 182)
       AND is_decision_maker(i.org_id, i.person_id, today.d)
       AND (p_org IS NULL OR i.org_id = p_org)
       AND (p_from IS NULL OR i.declared_on >= p_from) AND (p_to IS NULL OR i.declared_on <= p_to)
     LIMIT p_limit)
    UNION ALL
    (SELECT 'GIFT_OR_HOSPITALITY', g.org_id, g.id, g.offered_on, ts_rank(g.search_vector, p_query, 1),
            g.description, g.description || ' ' || g.offered_by
     FROM gift_or_hospitality g CROSS JOIN today
     WHERE g.search_vector @@ p_query AND g.offered_on >= today.d - 365 * 2
       AND is_decision_maker(g.org_id, g.person_id, today.d)
       AND NOT EXISTS (SELECT 1 FROM unnest(p_free_kinds, p_free_from_suppliers, p_free_up_to) free (kind, supplier, up_to)
                       WHERE free.kind = g.kind AND free.supplier = g.from_supplier AND g.value_pence <= free.up_to)
       AND (p_org IS NULL OR g.org_id = p_org)
       AND (p_from IS NULL OR g.offered_on >= p_from) AND (p_to IS NULL OR g.offered_on <= p_to)
     LIMIT p_limit)
    ) found JOIN organisation o ON o.id = found.org_id
$$;
REVOKE ALL ON FUNCTION published_register_matches(tsquery, uuid, date, date, integer, text[], boolean[], integer[])
    FROM PUBLIC;

"""


def grants(role: str) -> str:
    return f"""
GRANT SELECT, INSERT ON file_text TO {role};
GRANT EXECUTE ON FUNCTION
    published_register_matches(tsquery, uuid, date, date, integer, text[], boolean[], integer[]) TO {role};
"""


def upgrade() -> None:
    for sql in (FILE_TEXT, MEETING_PUBLISHED, PUBLIC_REGISTERS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP FUNCTION published_register_matches(tsquery, uuid, date, date, integer, text[], boolean[], integer[]);
        DROP FUNCTION is_decision_maker(uuid, uuid, date);
        DROP TABLE file_text;
        """
    )
    run_script(MEETING_PUBLISHED_BEFORE)
