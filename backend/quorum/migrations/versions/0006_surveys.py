"""Membership-engagement surveys: sections, questions, responses, answers, and who took part.

A response never names its respondent. Confidential and named surveys keep the
link in survey_respondent, which only the respondent (and, for named surveys,
the results' readers) may read. Anonymous surveys keep no link at all: a draft
is found again only through the hash of a token the respondent holds, and
"one response each" is kept by survey_participation, a set of (survey,
respondent) markers with no id, no time and no reference to a response, which
the app role cannot read and reaches only through two narrow functions.
Responses carry no timestamps and random ids. What remains is PostgreSQL's own
bookkeeping (the transaction id and disk position shared by a submission's
rows), visible only to the database owner, never to the app role.

Results are read from survey_tally: counts by question, option and respondent
groups, kept up to date by a narrow function as each response is sent or
changed, so that reading results never reads the answers themselves.

Adds one transaction-local setting beside those of 0001 and 0003:
    app.delegated_ccgs   CCGs covered by a live delegation held by one of the caller's committees
and one the survey service sets when a respondent presents their token:
    app.response_token   the sha256 (hex) of the resume token

Revision ID: 0006
Revises: 0003
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = """
CREATE TABLE survey (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title varchar NOT NULL CHECK (btrim(title) <> ''),
    description varchar NOT NULL DEFAULT '',
    status varchar NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    anonymity varchar NOT NULL CHECK (anonymity IN ('ANONYMOUS', 'CONFIDENTIAL', 'NAMED')),
    respondent_unit varchar NOT NULL CHECK (respondent_unit IN ('PERSON', 'PRACTICE')),
    audience jsonb NOT NULL DEFAULT '{}',
    suppression_threshold integer NOT NULL DEFAULT 5 CHECK (suppression_threshold BETWEEN 2 AND 100),
    allow_edits_after_submit boolean NOT NULL DEFAULT false,
    closes_at timestamptz,
    results_published boolean NOT NULL DEFAULT false,
    previous_round_id uuid,
    template_key varchar,
    invited jsonb,
    created_by uuid NOT NULL REFERENCES person (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, id, anonymity),
    FOREIGN KEY (org_id, previous_round_id) REFERENCES survey (org_id, id),
    CHECK (status <> 'DRAFT' OR NOT results_published),
    CHECK (previous_round_id IS DISTINCT FROM id)
);
CREATE INDEX survey_id_idx ON survey (id);

CREATE TABLE survey_section (
    org_id uuid NOT NULL,
    survey_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    position integer NOT NULL CHECK (position >= 0),
    title varchar NOT NULL DEFAULT '',
    description varchar NOT NULL DEFAULT '',
    show_if jsonb,
    PRIMARY KEY (org_id, id),
    UNIQUE (survey_id, position),
    FOREIGN KEY (org_id, survey_id) REFERENCES survey (org_id, id)
);

CREATE TABLE survey_question (
    org_id uuid NOT NULL,
    survey_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    section_id uuid NOT NULL,
    position integer NOT NULL CHECK (position >= 0),
    key varchar NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    kind varchar NOT NULL CHECK (kind IN ('AGREEMENT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'MATRIX', 'RATING',
                                          'NUMBER', 'SHORT_TEXT', 'LONG_TEXT')),
    prompt varchar NOT NULL CHECK (btrim(prompt) <> ''),
    help_text varchar NOT NULL DEFAULT '',
    required boolean NOT NULL DEFAULT false,
    options jsonb NOT NULL DEFAULT '[]',
    statements jsonb NOT NULL DEFAULT '[]',
    minimum numeric,
    maximum numeric,
    show_if jsonb,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, survey_id, id),
    UNIQUE (survey_id, key),
    UNIQUE (survey_id, position),
    FOREIGN KEY (org_id, survey_id) REFERENCES survey (org_id, id),
    FOREIGN KEY (org_id, section_id) REFERENCES survey_section (org_id, id) ON DELETE CASCADE,
    CHECK (minimum IS NULL OR maximum IS NULL OR minimum <= maximum)
);
CREATE INDEX survey_question_id_idx ON survey_question (id);

-- No respondent, no time: nothing here says who answered or when.
CREATE TABLE survey_response (
    org_id uuid NOT NULL,
    survey_id uuid NOT NULL,
    id uuid NOT NULL,
    status varchar NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
    group_role varchar NOT NULL,
    group_locality varchar,
    group_leader boolean NOT NULL,
    group_band varchar,
    resume_token_hash varchar UNIQUE CHECK (resume_token_hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, survey_id, id),
    FOREIGN KEY (org_id, survey_id) REFERENCES survey (org_id, id)
);
CREATE INDEX survey_response_survey_idx ON survey_response (survey_id, status);

CREATE TABLE survey_answer (
    org_id uuid NOT NULL,
    survey_id uuid NOT NULL,
    response_id uuid NOT NULL,
    question_id uuid NOT NULL,
    item varchar NOT NULL DEFAULT '',
    choice varchar,
    choices text[],
    number numeric,
    text varchar,
    PRIMARY KEY (org_id, response_id, question_id, item),
    FOREIGN KEY (org_id, survey_id, response_id) REFERENCES survey_response (org_id, survey_id, id),
    FOREIGN KEY (org_id, survey_id, question_id) REFERENCES survey_question (org_id, survey_id, id),
    CHECK (num_nonnulls(choice, choices, number, text) = 1),
    CHECK (cardinality(choices) > 0)
);
CREATE INDEX survey_answer_question_idx ON survey_answer (survey_id, question_id);

-- Sent answers counted by question, item, option and respondent groups, kept up to date as responses
-- are sent and changed, so that results never need to read the answers themselves. choice '' counts
-- those answering; a number question counts each value given; a text question only those answering.
CREATE TABLE survey_tally (
    org_id uuid NOT NULL,
    survey_id uuid NOT NULL,
    question_id uuid NOT NULL,
    item varchar NOT NULL,
    choice varchar NOT NULL,
    group_role varchar NOT NULL,
    group_locality varchar NOT NULL,
    group_leader boolean NOT NULL,
    group_band varchar NOT NULL,
    count integer NOT NULL CHECK (count >= 0),
    PRIMARY KEY (org_id, survey_id, question_id, item, choice, group_role, group_locality, group_leader, group_band),
    FOREIGN KEY (org_id, survey_id, question_id) REFERENCES survey_question (org_id, survey_id, id)
);

-- Confidential and named surveys only (the foreign key through anonymity refuses an anonymous one).
CREATE TABLE survey_respondent (
    org_id uuid NOT NULL,
    survey_id uuid NOT NULL,
    anonymity varchar NOT NULL CHECK (anonymity IN ('CONFIDENTIAL', 'NAMED')),
    response_id uuid NOT NULL,
    person_id uuid NOT NULL REFERENCES person (id),
    practice_id uuid,
    submitted_at timestamptz,
    PRIMARY KEY (org_id, response_id),
    FOREIGN KEY (org_id, survey_id, anonymity) REFERENCES survey (org_id, id, anonymity),
    FOREIGN KEY (org_id, survey_id, response_id) REFERENCES survey_response (org_id, survey_id, id),
    FOREIGN KEY (org_id, practice_id) REFERENCES practice (org_id, id)
);
CREATE UNIQUE INDEX survey_respondent_one_per_person ON survey_respondent (survey_id, person_id) WHERE practice_id IS NULL;
CREATE UNIQUE INDEX survey_respondent_one_per_practice ON survey_respondent (survey_id, practice_id) WHERE practice_id IS NOT NULL;
CREATE INDEX survey_respondent_person_idx ON survey_respondent (person_id);

-- Anonymous surveys only: who has taken part, as a set. respondent is a person or a practice.
CREATE TABLE survey_participation (
    org_id uuid NOT NULL,
    survey_id uuid NOT NULL,
    anonymity varchar NOT NULL CHECK (anonymity = 'ANONYMOUS'),
    respondent uuid NOT NULL,
    PRIMARY KEY (org_id, survey_id, respondent),
    FOREIGN KEY (org_id, survey_id, anonymity) REFERENCES survey (org_id, id, anonymity)
);
"""

# Scalar subqueries around the settings become InitPlans: read once per statement, not once per row.
POLICIES = """
ALTER TABLE survey ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_read ON survey FOR SELECT
    USING (org_id = ANY (app_uuids('app.officer_org_ids'))
           OR (status <> 'DRAFT' AND (org_id = ANY (app_org_ids()) OR org_id = ANY (app_uuids('app.delegated_ccgs'))))
           OR (results_published AND EXISTS (SELECT 1 FROM organisation o
                                             WHERE o.id = survey.org_id AND o.area_team_id = ANY (app_org_ids()))));
CREATE POLICY survey_create ON survey FOR INSERT WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids')));
CREATE POLICY survey_change ON survey FOR UPDATE USING (org_id = ANY (app_uuids('app.officer_org_ids')));

ALTER TABLE survey_section ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_section FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_section_read ON survey_section FOR SELECT
    USING (survey_id IN (SELECT s.id FROM survey s));
CREATE POLICY survey_section_write ON survey_section FOR ALL
    USING (org_id = ANY (app_uuids('app.officer_org_ids'))
           AND survey_id IN (SELECT s.id FROM survey s WHERE s.status = 'DRAFT'));

ALTER TABLE survey_question ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_question FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_question_read ON survey_question FOR SELECT
    USING (survey_id IN (SELECT s.id FROM survey s));
CREATE POLICY survey_question_write ON survey_question FOR ALL
    USING (org_id = ANY (app_uuids('app.officer_org_ids'))
           AND survey_id IN (SELECT s.id FROM survey s WHERE s.status = 'DRAFT'));

-- Results readers (the CCG's officers, holders of a live delegation covering it, and, once published,
-- everyone who can see the survey) read responses and answers; a respondent reads their own.
ALTER TABLE survey_response ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_response FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_response_read ON survey_response FOR SELECT
    USING (org_id = ANY ((SELECT app_uuids('app.officer_org_ids'))::uuid[])
           OR org_id = ANY ((SELECT app_uuids('app.delegated_ccgs'))::uuid[])
           OR survey_id IN (SELECT s.id FROM survey s WHERE s.results_published)
           OR resume_token_hash = (SELECT nullif(current_setting('app.response_token', true), ''))
           OR id IN (SELECT l.response_id FROM survey_respondent l WHERE l.person_id = app_person_id()));
CREATE POLICY survey_response_create ON survey_response FOR INSERT
    WITH CHECK (org_id = ANY (app_org_ids()) AND survey_id IN (SELECT s.id FROM survey s WHERE s.status = 'OPEN'));
CREATE POLICY survey_response_change ON survey_response FOR UPDATE
    USING (resume_token_hash = (SELECT nullif(current_setting('app.response_token', true), ''))
           OR id IN (SELECT l.response_id FROM survey_respondent l WHERE l.person_id = app_person_id()));

ALTER TABLE survey_answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_answer FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_answer_read ON survey_answer FOR SELECT
    USING (org_id = ANY ((SELECT app_uuids('app.officer_org_ids'))::uuid[])
           OR org_id = ANY ((SELECT app_uuids('app.delegated_ccgs'))::uuid[])
           OR survey_id IN (SELECT s.id FROM survey s WHERE s.results_published)
           OR response_id IN (SELECT r.id FROM survey_response r
                              WHERE r.resume_token_hash = (SELECT nullif(current_setting('app.response_token', true), '')))
           OR response_id IN (SELECT l.response_id FROM survey_respondent l WHERE l.person_id = app_person_id()));
CREATE POLICY survey_answer_write ON survey_answer FOR INSERT
    WITH CHECK (response_id IN (SELECT r.id FROM survey_response r
                                WHERE r.resume_token_hash = (SELECT nullif(current_setting('app.response_token', true), '')))
                OR response_id IN (SELECT l.response_id FROM survey_respondent l WHERE l.person_id = app_person_id()));
CREATE POLICY survey_answer_remove ON survey_answer FOR DELETE
    USING (response_id IN (SELECT r.id FROM survey_response r
                           WHERE r.resume_token_hash = (SELECT nullif(current_setting('app.response_token', true), '')))
           OR response_id IN (SELECT l.response_id FROM survey_respondent l WHERE l.person_id = app_person_id()));

ALTER TABLE survey_tally ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_tally FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_tally_read ON survey_tally FOR SELECT
    USING (org_id = ANY ((SELECT app_uuids('app.officer_org_ids'))::uuid[])
           OR org_id = ANY ((SELECT app_uuids('app.delegated_ccgs'))::uuid[])
           OR survey_id IN (SELECT s.id FROM survey s WHERE s.results_published));

ALTER TABLE survey_respondent ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_respondent FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_respondent_read ON survey_respondent FOR SELECT
    USING (person_id = app_person_id()
           OR (anonymity = 'NAMED' AND (org_id = ANY (app_uuids('app.officer_org_ids'))
                                        OR org_id = ANY (app_uuids('app.delegated_ccgs'))
                                        OR survey_id IN (SELECT s.id FROM survey s WHERE s.results_published))));
CREATE POLICY survey_respondent_create ON survey_respondent FOR INSERT
    WITH CHECK (person_id = app_person_id() AND org_id = ANY (app_org_ids()));
CREATE POLICY survey_respondent_change ON survey_respondent FOR UPDATE USING (person_id = app_person_id());

ALTER TABLE survey_participation ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_participation FORCE ROW LEVEL SECURITY;
"""

# The only ways to the participation markers (the app role has no privilege on the table), and the
# list of who responded to a confidential or named survey, which gives no way to their responses.
DEFINER_FUNCTIONS = """
CREATE FUNCTION survey_respondent_key(p_org uuid, p_practice uuid) RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF app_person_id() IS NULL OR NOT p_org = ANY (app_org_ids()) THEN
        RAISE EXCEPTION 'not a member of that organisation' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_practice IS NULL THEN
        RETURN app_person_id();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM membership m
                   WHERE m.person_id = app_person_id() AND m.org_id = p_org AND m.practice_id = p_practice
                     AND m.role = 'PRACTICE_REPRESENTATIVE'
                     AND m.valid_from <= (now() AT TIME ZONE 'Europe/London')::date
                     AND (m.valid_to IS NULL OR (now() AT TIME ZONE 'Europe/London')::date <= m.valid_to)) THEN
        RAISE EXCEPTION 'not a representative of that practice' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN p_practice;
END $$;

CREATE FUNCTION survey_participated(p_org uuid, p_survey uuid, p_practice uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM survey_participation
                   WHERE org_id = p_org AND survey_id = p_survey AND respondent = survey_respondent_key(p_org, p_practice))
$$;

CREATE FUNCTION claim_survey_participation(p_org uuid, p_survey uuid, p_practice uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM survey WHERE org_id = p_org AND id = p_survey AND status = 'OPEN') THEN
        RAISE EXCEPTION 'the survey is not open' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO survey_participation (org_id, survey_id, anonymity, respondent)
        VALUES (p_org, p_survey, 'ANONYMOUS', survey_respondent_key(p_org, p_practice))
        ON CONFLICT DO NOTHING;
    RETURN FOUND;
END $$;

CREATE FUNCTION survey_respondents(p_org uuid, p_survey uuid)
RETURNS TABLE (person_id uuid, practice_id uuid, submitted_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT l.person_id, l.practice_id, l.submitted_at FROM survey_respondent l
    WHERE p_org = ANY (app_uuids('app.officer_org_ids'))
      AND l.org_id = p_org AND l.survey_id = p_survey AND l.submitted_at IS NOT NULL
$$;

-- What one response adds to the tallies: a row per answer (choice ''), per option picked, per number given.
CREATE FUNCTION survey_response_tallies(p_org uuid, p_response uuid)
RETURNS TABLE (org_id uuid, survey_id uuid, question_id uuid, item varchar, choice varchar, group_role varchar,
               group_locality varchar, group_leader boolean, group_band varchar, n integer)
LANGUAGE sql STABLE SET search_path = public AS $$
    SELECT a.org_id, a.survey_id, a.question_id, a.item, c.choice, r.group_role, coalesce(r.group_locality, ''),
           r.group_leader, coalesce(r.group_band, ''), count(*)::integer
    FROM survey_answer a
    JOIN survey_response r ON r.org_id = a.org_id AND r.id = a.response_id
    CROSS JOIN LATERAL unnest(CASE
        WHEN a.choices IS NOT NULL THEN a.choices || ''::text
        WHEN a.choice IS NOT NULL THEN ARRAY[a.choice::text, '']
        WHEN a.number IS NOT NULL THEN ARRAY[a.number::text, '']
        ELSE ARRAY['']::text[] END) AS c (choice)
    WHERE a.org_id = p_org AND a.response_id = p_response
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
$$;

-- Count a sent response into the tallies (p_sign 1), or out of them before its answers change (-1).
-- Only the caller's own response: the one whose resume token they presented, or that names them.
-- Rows are locked in key order, so that responses counted at the same moment never deadlock.
CREATE FUNCTION tally_survey_response(p_org uuid, p_response uuid, p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM survey_response r
                   WHERE r.org_id = p_org AND r.id = p_response
                     AND (r.resume_token_hash = nullif(current_setting('app.response_token', true), '')
                          OR EXISTS (SELECT 1 FROM survey_respondent l
                                     WHERE l.org_id = r.org_id AND l.response_id = r.id AND l.person_id = app_person_id()))) THEN
        RAISE EXCEPTION 'not the caller''s response' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_sign = 1 THEN
        INSERT INTO survey_tally AS t (org_id, survey_id, question_id, item, choice, group_role, group_locality,
                                       group_leader, group_band, count)
        SELECT * FROM survey_response_tallies(p_org, p_response) d ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT (org_id, survey_id, question_id, item, choice, group_role, group_locality, group_leader, group_band)
        DO UPDATE SET count = t.count + EXCLUDED.count;
    ELSIF p_sign = -1 THEN
        PERFORM 1 FROM survey_tally t JOIN survey_response_tallies(p_org, p_response) d
            USING (org_id, survey_id, question_id, item, choice, group_role, group_locality, group_leader, group_band)
            ORDER BY t.org_id, t.survey_id, t.question_id, t.item, t.choice, t.group_role, t.group_locality,
                     t.group_leader, t.group_band
            FOR UPDATE OF t;
        UPDATE survey_tally t SET count = t.count - d.n
        FROM survey_response_tallies(p_org, p_response) d
        WHERE (t.org_id, t.survey_id, t.question_id, t.item, t.choice, t.group_role, t.group_locality, t.group_leader, t.group_band)
            = (d.org_id, d.survey_id, d.question_id, d.item, d.choice, d.group_role, d.group_locality, d.group_leader, d.group_band);
    ELSE
        RAISE EXCEPTION 'a response is counted in or out, once' USING ERRCODE = 'invalid_parameter_value';
    END IF;
END $$;

REVOKE ALL ON FUNCTION survey_respondent_key(uuid, uuid), survey_participated(uuid, uuid, uuid),
    claim_survey_participation(uuid, uuid, uuid), survey_respondents(uuid, uuid),
    survey_response_tallies(uuid, uuid), tally_survey_response(uuid, uuid, integer) FROM PUBLIC;
"""


def grants(role: str) -> str:
    return f"""
GRANT SELECT, INSERT, UPDATE ON survey TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON survey_section, survey_question, survey_answer TO {role};
GRANT SELECT, INSERT, UPDATE ON survey_response, survey_respondent TO {role};
GRANT SELECT ON survey_tally TO {role};
GRANT EXECUTE ON FUNCTION survey_participated(uuid, uuid, uuid), claim_survey_participation(uuid, uuid, uuid),
    survey_respondents(uuid, uuid), tally_survey_response(uuid, uuid, integer) TO {role};
"""


def upgrade() -> None:
    for sql in (TABLES, POLICIES, DEFINER_FUNCTIONS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP FUNCTION survey_respondents(uuid, uuid), claim_survey_participation(uuid, uuid, uuid),
            survey_participated(uuid, uuid, uuid), survey_respondent_key(uuid, uuid),
            tally_survey_response(uuid, uuid, integer), survey_response_tallies(uuid, uuid);
        DROP TABLE survey_tally, survey_participation, survey_respondent, survey_answer, survey_response, survey_question,
            survey_section, survey;
        """
    )
