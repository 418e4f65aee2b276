"""Council of members ballots: voting rules per CCG, ballots, frozen electorates, proxies and votes.

A practice votes once per ballot: ballot_participation's primary key is the gate every
submission passes through with INSERT ... ON CONFLICT, and ballot_vote repeats it per
question. Named ballots keep each practice's answers (ballot_vote, ballot_vote_choice).
Secret ballots keep only running totals (ballot_tally), with no row per vote: every
vote updates all of its ballot's totals at once (at its commit), so no visible row,
transaction id or row position says which option a vote went to. The `secret` columns
and their foreign keys make the database refuse a named answer in a secret ballot, and
a secret total in a named one. (Below SQL, the superseded row versions awaiting vacuum
and the write-ahead log still hold each commit's totals; reading those needs the
superuser, who is trusted here as with any database.)

Revision ID: 0005
Revises: 0003
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None

RULES = """
    weighting varchar NOT NULL CHECK (weighting IN ('EQUAL', 'LIST_SIZE')),
    turnout_basis varchar NOT NULL CHECK (turnout_basis IN ('PRACTICES', 'LIST_SIZE')),
    turnout_threshold numeric(5, 2) NOT NULL CHECK (turnout_threshold BETWEEN 0 AND 100),
    majority varchar NOT NULL CHECK (majority IN ('SIMPLE', 'TWO_THIRDS', 'STATED_SHARE')),
    majority_share numeric(5, 2) CHECK (majority_share > 50 AND majority_share <= 100),
    votes_may_change boolean NOT NULL,
    CHECK ((majority = 'STATED_SHARE') = (majority_share IS NOT NULL)),
"""

TABLES = f"""
CREATE TABLE ballot_settings (
    org_id uuid PRIMARY KEY REFERENCES organisation (id),
    {RULES}
    updated_by uuid REFERENCES person (id),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ballot (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title varchar NOT NULL CHECK (btrim(title) <> ''),
    description varchar NOT NULL DEFAULT '',
    document_file_id uuid,
    secret boolean NOT NULL,
    opens_at timestamptz NOT NULL,
    closes_at timestamptz NOT NULL,
    closed_early_at timestamptz,
    closed_by uuid REFERENCES person (id),
    {RULES}
    electorate_frozen_at timestamptz,
    created_by uuid NOT NULL REFERENCES person (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, id, secret),
    FOREIGN KEY (org_id, document_file_id) REFERENCES stored_file (org_id, id),
    CHECK (closes_at > opens_at),
    CHECK (NOT (secret AND votes_may_change)),
    CHECK ((closed_early_at IS NULL) = (closed_by IS NULL))
);
CREATE INDEX ballot_id_idx ON ballot (id);
CREATE INDEX ballot_org_idx ON ballot (org_id, closes_at);
CREATE INDEX ballot_unfrozen_idx ON ballot (org_id, opens_at) WHERE electorate_frozen_at IS NULL;

CREATE TABLE ballot_question (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    ballot_id uuid NOT NULL,
    position smallint NOT NULL CHECK (position >= 1),
    kind varchar NOT NULL CHECK (kind IN ('FOR_AGAINST', 'ELECTION')),
    text varchar NOT NULL CHECK (btrim(text) <> ''),
    seats smallint NOT NULL DEFAULT 1 CHECK (seats >= 1),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, ballot_id, id),
    UNIQUE (ballot_id, position),
    FOREIGN KEY (org_id, ballot_id) REFERENCES ballot (org_id, id),
    CHECK (kind = 'ELECTION' OR seats = 1)
);
CREATE INDEX ballot_question_id_idx ON ballot_question (id);

CREATE TABLE ballot_option (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    ballot_id uuid NOT NULL,
    question_id uuid NOT NULL,
    position smallint NOT NULL CHECK (position >= 1),
    kind varchar NOT NULL CHECK (kind IN ('FOR', 'AGAINST', 'ABSTAIN', 'CANDIDATE')),
    label varchar NOT NULL CHECK (btrim(label) <> ''),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, ballot_id, question_id, id),
    UNIQUE (question_id, position),
    FOREIGN KEY (org_id, ballot_id, question_id) REFERENCES ballot_question (org_id, ballot_id, id)
);
CREATE INDEX ballot_option_id_idx ON ballot_option (id);
CREATE INDEX ballot_option_ballot_idx ON ballot_option (ballot_id);

CREATE TABLE ballot_elector (
    org_id uuid NOT NULL,
    ballot_id uuid NOT NULL,
    practice_id uuid NOT NULL,
    ods_code varchar NOT NULL,
    list_size integer NOT NULL CHECK (list_size >= 0),
    PRIMARY KEY (org_id, ballot_id, practice_id),
    UNIQUE (ballot_id, ods_code),
    FOREIGN KEY (org_id, ballot_id) REFERENCES ballot (org_id, id),
    FOREIGN KEY (org_id, practice_id) REFERENCES practice (org_id, id)
);

CREATE TABLE ballot_proxy (
    org_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    ballot_id uuid NOT NULL,
    practice_id uuid NOT NULL,
    proxy_person_id uuid NOT NULL REFERENCES person (id),
    proxy_practice_id uuid NOT NULL,
    appointed_by uuid NOT NULL REFERENCES person (id),
    appointed_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_by uuid REFERENCES person (id),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, ballot_id) REFERENCES ballot (org_id, id),
    FOREIGN KEY (org_id, practice_id) REFERENCES practice (org_id, id),
    FOREIGN KEY (org_id, proxy_practice_id) REFERENCES practice (org_id, id),
    CHECK (practice_id <> proxy_practice_id),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX ballot_proxy_live ON ballot_proxy (ballot_id, practice_id) WHERE revoked_at IS NULL;
CREATE INDEX ballot_proxy_person_idx ON ballot_proxy (proxy_person_id);

CREATE TABLE ballot_participation (
    org_id uuid NOT NULL,
    ballot_id uuid NOT NULL,
    practice_id uuid NOT NULL,
    cast_by uuid NOT NULL REFERENCES person (id),
    proxy_id uuid,
    submission_key varchar CHECK (length(submission_key) BETWEEN 1 AND 100),
    recorded_at timestamptz NOT NULL,
    changed_at timestamptz,
    PRIMARY KEY (org_id, ballot_id, practice_id),
    FOREIGN KEY (org_id, ballot_id, practice_id) REFERENCES ballot_elector (org_id, ballot_id, practice_id),
    FOREIGN KEY (org_id, proxy_id) REFERENCES ballot_proxy (org_id, id)
);

CREATE TABLE ballot_vote (
    org_id uuid NOT NULL,
    ballot_id uuid NOT NULL,
    question_id uuid NOT NULL,
    practice_id uuid NOT NULL,
    secret boolean NOT NULL DEFAULT false CHECK (NOT secret),
    PRIMARY KEY (org_id, ballot_id, question_id, practice_id),
    FOREIGN KEY (org_id, ballot_id, practice_id) REFERENCES ballot_participation (org_id, ballot_id, practice_id),
    FOREIGN KEY (org_id, ballot_id, question_id) REFERENCES ballot_question (org_id, ballot_id, id),
    FOREIGN KEY (org_id, ballot_id, secret) REFERENCES ballot (org_id, id, secret)
);

CREATE TABLE ballot_vote_choice (
    org_id uuid NOT NULL,
    ballot_id uuid NOT NULL,
    question_id uuid NOT NULL,
    practice_id uuid NOT NULL,
    option_id uuid NOT NULL,
    PRIMARY KEY (org_id, ballot_id, question_id, practice_id, option_id),
    FOREIGN KEY (org_id, ballot_id, question_id, practice_id)
        REFERENCES ballot_vote (org_id, ballot_id, question_id, practice_id),
    FOREIGN KEY (org_id, ballot_id, question_id, option_id)
        REFERENCES ballot_option (org_id, ballot_id, question_id, id)
);

CREATE TABLE ballot_tally (
    org_id uuid NOT NULL,
    ballot_id uuid NOT NULL,
    option_id uuid NOT NULL,
    question_id uuid NOT NULL,
    secret boolean NOT NULL DEFAULT true CHECK (secret),
    votes integer NOT NULL DEFAULT 0 CHECK (votes >= 0),
    weight bigint NOT NULL DEFAULT 0 CHECK (weight >= 0),
    PRIMARY KEY (org_id, ballot_id, option_id),
    FOREIGN KEY (org_id, ballot_id, question_id, option_id)
        REFERENCES ballot_option (org_id, ballot_id, question_id, id),
    FOREIGN KEY (org_id, ballot_id, secret) REFERENCES ballot (org_id, id, secret)
);
"""

# Every ballot table is the CCG's (org_id): its members read, its officers set ballots up,
# its representatives vote (the service checks which practice each may vote for).
MEMBERS = "org_id = ANY (app_org_ids())"
OFFICERS = "org_id = ANY (app_uuids('app.officer_org_ids'))"
POLICIES = "\n".join(
    f"""
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
CREATE POLICY {table}_read ON {table} FOR SELECT USING ({MEMBERS});
"""
    + "".join(f"CREATE POLICY {table}_{verb.lower()} ON {table} FOR {verb} {clause};\n" for verb, clause in writes)
    for table, writes in [
        ("ballot_settings", [("INSERT", f"WITH CHECK ({OFFICERS})"), ("UPDATE", f"USING ({OFFICERS})")]),
        ("ballot", [("INSERT", f"WITH CHECK ({OFFICERS})"), ("UPDATE", f"USING ({OFFICERS})")]),
        ("ballot_question", [("INSERT", f"WITH CHECK ({OFFICERS})")]),
        ("ballot_option", [("INSERT", f"WITH CHECK ({OFFICERS})")]),
        ("ballot_elector", []),
        ("ballot_proxy", [("INSERT", f"WITH CHECK ({MEMBERS})"), ("UPDATE", f"USING ({MEMBERS})")]),
        ("ballot_participation", [("INSERT", f"WITH CHECK ({MEMBERS})"), ("UPDATE", f"USING ({MEMBERS})")]),
        ("ballot_vote", [("INSERT", f"WITH CHECK ({MEMBERS})")]),
        ("ballot_vote_choice", [("INSERT", f"WITH CHECK ({MEMBERS})"), ("DELETE", f"USING ({MEMBERS})")]),
        ("ballot_tally", [("INSERT", f"WITH CHECK ({OFFICERS})"), ("UPDATE", f"USING ({MEMBERS})")]),
    ]
)

# The electorate is frozen when a ballot opens. The app freezes it before the first vote
# (freeze_ballot_electorate); a trigger freezes it before any change to the CCG's practices
# once the ballot is open, so the electorate is the practice list as it stood at the opening
# even when nobody voted straight away. Only these functions write ballot_elector.
ELECTORATE = """
CREATE FUNCTION freeze_opened_electorates(p_org uuid, p_ballot uuid, p_now timestamptz) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    WITH opened AS (
        UPDATE ballot SET electorate_frozen_at = p_now
        WHERE org_id = p_org AND (p_ballot IS NULL OR id = p_ballot)
          AND electorate_frozen_at IS NULL AND opens_at <= p_now
        RETURNING org_id, id
    )
    INSERT INTO ballot_elector (org_id, ballot_id, practice_id, ods_code, list_size)
    SELECT p.org_id, opened.id, p.id, p.ods_code, p.list_size FROM opened JOIN practice p ON p.org_id = opened.org_id
$$;
REVOKE ALL ON FUNCTION freeze_opened_electorates(uuid, uuid, timestamptz) FROM PUBLIC;

-- A ballot's advisory lock: votes hold it shared, closing holds it alone.
CREATE FUNCTION ballot_lock_key(p_ballot uuid) RETURNS bigint LANGUAGE sql IMMUTABLE
AS $$ SELECT ('x' || left(replace(p_ballot::text, '-', ''), 16))::bit(64)::bigint $$;

-- Called before the first votes. One caller freezes; any other arriving meanwhile waits for it to
-- commit rather than queueing on the ballot's row (an UPDATE that waits there keeps its row lock
-- to the end of its transaction even when it then changes nothing, so every early vote would wait
-- for the one before it). The lock (5005, ballot) is in the two-key advisory space, apart from the
-- ballot's own lock.
CREATE FUNCTION freeze_ballot_electorate(p_org uuid, p_ballot uuid, p_now timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF NOT p_org = ANY (app_org_ids()) THEN
        RAISE EXCEPTION 'organisation not visible' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM ballot WHERE id = p_ballot AND electorate_frozen_at IS NOT NULL) THEN
        RETURN;
    END IF;
    IF NOT pg_try_advisory_xact_lock(5005, hashtext(p_ballot::text)) THEN
        PERFORM pg_advisory_xact_lock_shared(5005, hashtext(p_ballot::text));
    END IF;
    PERFORM freeze_opened_electorates(p_org, p_ballot, p_now);  -- nothing left to do once another caller froze it
END $$;
REVOKE ALL ON FUNCTION freeze_ballot_electorate(uuid, uuid, timestamptz) FROM PUBLIC;

CREATE FUNCTION freeze_electorates_before_practice_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM freeze_opened_electorates(NEW.org_id, NULL, now());
    RETURN NEW;
END $$;
CREATE TRIGGER practice_freezes_opened_electorates BEFORE INSERT OR UPDATE OF list_size, org_id ON practice
    FOR EACH ROW EXECUTE FUNCTION freeze_electorates_before_practice_change();
"""


# A secret vote reaches the totals at its commit, from a transaction-local setting that no table
# stores: app.secret_papers, a list of papers (each a list of option ids) the same transaction
# appended, one after each secret participation it inserted, in the same order; each row's trigger
# takes the first. No statement carries a practice and its choices together. The totals' row locks
# are held only while the commit is written, not while the app finishes its request. A secret
# participation without its paper, or with options not in its ballot, fails the commit.
SECRET_PAPERS = """
CREATE FUNCTION add_secret_paper() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    papers jsonb := coalesce(nullif(current_setting('app.secret_papers', true), ''), '[]')::jsonb;
    chosen uuid[];
    list_size bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ballot WHERE org_id = NEW.org_id AND id = NEW.ballot_id AND secret) THEN
        RETURN NULL;
    END IF;
    SELECT array_agg(value::uuid) INTO chosen FROM jsonb_array_elements_text(papers -> 0);
    IF chosen IS NULL OR (SELECT count(*) FROM ballot_tally WHERE org_id = NEW.org_id AND ballot_id = NEW.ballot_id
                          AND option_id = ANY (chosen)) <> cardinality(chosen) THEN
        RAISE EXCEPTION 'a secret vote needs its paper, of options in its ballot' USING ERRCODE = 'check_violation';
    END IF;
    PERFORM set_config('app.secret_papers', (papers - 0)::text, true);
    SELECT e.list_size INTO list_size FROM ballot_elector e
    WHERE e.org_id = NEW.org_id AND e.ballot_id = NEW.ballot_id AND e.practice_id = NEW.practice_id;
    UPDATE ballot_tally t
    SET votes = t.votes + (t.option_id = ANY (chosen))::int,
        weight = t.weight + CASE WHEN t.option_id = ANY (chosen) THEN list_size ELSE 0 END
    FROM (SELECT option_id FROM ballot_tally WHERE org_id = NEW.org_id AND ballot_id = NEW.ballot_id
          ORDER BY option_id FOR UPDATE) AS locked  -- one order, so concurrent commits queue rather than deadlock
    WHERE t.org_id = NEW.org_id AND t.ballot_id = NEW.ballot_id AND t.option_id = locked.option_id;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ballot_participation_secret_paper AFTER INSERT ON ballot_participation
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION add_secret_paper();
"""


def grants(role: str) -> str:
    return f"""
GRANT SELECT, INSERT, UPDATE ON ballot_settings, ballot, ballot_proxy, ballot_participation, ballot_tally TO {role};
GRANT SELECT, INSERT ON ballot_question, ballot_option, ballot_vote TO {role};
GRANT SELECT, INSERT, DELETE ON ballot_vote_choice TO {role};
GRANT SELECT ON ballot_elector TO {role};
GRANT EXECUTE ON FUNCTION freeze_ballot_electorate(uuid, uuid, timestamptz), ballot_lock_key(uuid) TO {role};
"""


def upgrade() -> None:
    for sql in (TABLES, POLICIES, ELECTORATE, SECRET_PAPERS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP TRIGGER practice_freezes_opened_electorates ON practice;
        DROP TRIGGER ballot_participation_secret_paper ON ballot_participation;
        DROP FUNCTION freeze_electorates_before_practice_change(), freeze_ballot_electorate(uuid, uuid, timestamptz),
            freeze_opened_electorates(uuid, uuid, timestamptz), ballot_lock_key(uuid), add_secret_paper();
        DROP TABLE ballot_tally, ballot_vote_choice, ballot_vote, ballot_participation, ballot_proxy, ballot_elector,
            ballot_option, ballot_question, ballot, ballot_settings;
        """
    )
