"""Casting a ballot vote in one statement: cast_ballot_vote does what quorum.ballots.voting.cast_vote does
for a first vote and for a repeat of it, and declines (outcome NULL, having written nothing) anything else:
a refusal or a change of vote, which the service then answers with its own messages.

It runs as the caller (row-level security applies), after their access is applied; the app passes the
practices the caller represents (from the same Access that produced the settings) and the time.

Revision ID: 0030
Revises: 0029
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

SIGNATURE = "cast_ballot_vote(uuid, uuid[], uuid[], uuid, uuid, uuid[], integer[], uuid[], text, timestamptz)"

FUNCTION = """
CREATE FUNCTION cast_ballot_vote(
    p_person uuid, p_rep_orgs uuid[], p_rep_practices uuid[], p_ballot uuid, p_practice uuid,
    p_questions uuid[], p_option_answers integer[], p_options uuid[], p_key text, p_now timestamptz,
    OUT outcome text, OUT message text)
LANGUAGE plpgsql AS $$
DECLARE
    b ballot;
    own uuid[];
    rights int;
    voter uuid;
    proxy uuid;
    practice_name text;
    existing ballot_participation;
    moment timestamp;  -- London wall-clock time
BEGIN
    SELECT * INTO b FROM ballot WHERE id = p_ballot AND org_id = ANY (app_org_ids());
    IF NOT FOUND OR b.closed_early_at IS NOT NULL OR p_now >= b.closes_at OR p_now < b.opens_at THEN
        RETURN;
    END IF;

    -- The caller's voting rights (quorum.ballots.proxies.voting_rights): their own practices, then the
    -- proxies they hold while they still represent their own.
    own := ARRAY(SELECT DISTINCT r.practice FROM unnest(p_rep_orgs, p_rep_practices) AS r (org, practice)
                 WHERE r.org = b.org_id);
    SELECT count(*) + cardinality(own) INTO rights FROM ballot_proxy x
    WHERE x.org_id = b.org_id AND x.ballot_id = b.id AND x.revoked_at IS NULL AND x.proxy_person_id = p_person
      AND x.proxy_practice_id = ANY (own) AND NOT x.practice_id = ANY (own);
    IF p_practice IS NULL THEN
        IF rights <> 1 THEN
            RETURN;
        END IF;
        voter := own[1];
    ELSE
        voter := p_practice;
    END IF;
    IF NOT voter = ANY (own) THEN
        SELECT x.id, x.practice_id INTO proxy, voter FROM ballot_proxy x
        WHERE x.org_id = b.org_id AND x.ballot_id = b.id AND x.revoked_at IS NULL AND x.proxy_person_id = p_person
          AND x.proxy_practice_id = ANY (own) AND NOT x.practice_id = ANY (own)
          AND (p_practice IS NULL OR x.practice_id = p_practice);
        IF NOT FOUND THEN
            RETURN;
        END IF;
    END IF;

    -- The paper (quorum.ballots.voting._check_answers): every question answered once, with 1 to its seats
    -- distinct options of that question, an abstention alone.
    IF (SELECT count(DISTINCT q) FROM unnest(p_questions) AS q) <> cardinality(p_questions)
       OR (SELECT count(*) FROM ballot_question WHERE org_id = b.org_id AND ballot_id = b.id)
          <> cardinality(p_questions)
       OR EXISTS (
           SELECT 1 FROM unnest(p_questions) WITH ORDINALITY AS a (question, i)
           LEFT JOIN ballot_question q ON q.org_id = b.org_id AND q.ballot_id = b.id AND q.id = a.question
           LEFT JOIN LATERAL (
               SELECT count(*) AS chosen, count(DISTINCT c.option) AS distinct_chosen,
                      count(o.id) AS in_question, count(*) FILTER (WHERE o.kind = 'ABSTAIN') AS abstentions
               FROM unnest(p_option_answers, p_options) AS c (answer, option)
               LEFT JOIN ballot_option o
                 ON o.org_id = b.org_id AND o.ballot_id = b.id AND o.question_id = a.question AND o.id = c.option
               WHERE c.answer = a.i
           ) AS c ON true
           WHERE q.id IS NULL OR c.chosen NOT BETWEEN 1 AND q.seats OR c.distinct_chosen <> c.chosen
              OR c.in_question <> c.chosen OR (c.abstentions > 0 AND c.chosen > 1))
    THEN
        RETURN;
    END IF;

    IF b.electorate_frozen_at IS NULL THEN
        PERFORM freeze_ballot_electorate(b.org_id, b.id, p_now);
    END IF;
    -- Held shared, so a secretary closing the ballot waits for votes in flight; then look again.
    PERFORM pg_advisory_xact_lock_shared(ballot_lock_key(b.id));
    SELECT * INTO b FROM ballot WHERE org_id = b.org_id AND id = b.id;
    IF b.closed_early_at IS NOT NULL OR p_now >= b.closes_at OR p_now < b.opens_at THEN
        RETURN;
    END IF;
    SELECT p.name INTO practice_name FROM ballot_elector e JOIN practice p ON p.org_id = e.org_id AND p.id = e.practice_id
    WHERE e.org_id = b.org_id AND e.ballot_id = b.id AND e.practice_id = voter;
    IF NOT FOUND THEN
        RETURN;
    END IF;

    -- The gate: exactly one submission inserts the practice's participation; any other waits for it.
    INSERT INTO ballot_participation AS bp (org_id, ballot_id, practice_id, cast_by, proxy_id, submission_key,
                                            recorded_at)
    VALUES (b.org_id, b.id, voter, p_person, proxy, p_key, p_now)
    ON CONFLICT (org_id, ballot_id, practice_id) DO NOTHING
    RETURNING bp.* INTO existing;
    IF FOUND THEN
        IF b.secret THEN  -- added to the totals at the commit by add_secret_paper (migration 0005)
            PERFORM set_config('app.secret_papers', (coalesce(nullif(current_setting('app.secret_papers', true), ''),
                '[]')::jsonb || jsonb_build_array(to_jsonb(p_options::text[])))::text, true);
        ELSE
            INSERT INTO ballot_vote (org_id, ballot_id, question_id, practice_id)
            SELECT b.org_id, b.id, q, voter FROM unnest(p_questions) AS q;
            INSERT INTO ballot_vote_choice (org_id, ballot_id, question_id, practice_id, option_id)
            SELECT b.org_id, b.id, p_questions[c.answer], voter, c.option
            FROM unnest(p_option_answers, p_options) AS c (answer, option);
        END IF;
        INSERT INTO audit_entry (org_id, actor_person_id, action, entity_type, entity_id, before, after)
        VALUES (b.org_id, p_person, 'ballot.vote', 'BallotParticipation', NULL, NULL, jsonb_build_object(
            'org_id', existing.org_id, 'ballot_id', existing.ballot_id, 'practice_id', existing.practice_id,
            'cast_by', existing.cast_by, 'proxy_id', existing.proxy_id, 'submission_key', existing.submission_key,
            'recorded_at', snapshot_moment(existing.recorded_at), 'changed_at', NULL));
        outcome := 'RECORDED';
        message := format('The vote for %s has been recorded.', practice_name);
        RETURN;
    END IF;

    -- Voted before: a repeat of the same paper is answered alike; a change or a refusal is the service's.
    SELECT * INTO existing FROM ballot_participation
    WHERE org_id = b.org_id AND ballot_id = b.id AND practice_id = voter FOR UPDATE;
    IF (p_key IS NOT NULL AND p_key = existing.submission_key) OR (NOT b.secret AND NOT EXISTS (
        (SELECT p_questions[c.answer], c.option FROM unnest(p_option_answers, p_options) AS c (answer, option)
         EXCEPT SELECT question_id, option_id FROM ballot_vote_choice
         WHERE org_id = b.org_id AND ballot_id = b.id AND practice_id = voter)
        UNION ALL
        (SELECT question_id, option_id FROM ballot_vote_choice
         WHERE org_id = b.org_id AND ballot_id = b.id AND practice_id = voter
         EXCEPT SELECT p_questions[c.answer], c.option FROM unnest(p_option_answers, p_options) AS c (answer, option))))
    THEN
        moment := coalesce(existing.changed_at, existing.recorded_at) AT TIME ZONE 'Europe/London';
        outcome := 'ALREADY_RECORDED';
        message := format('The vote for %s was already recorded at %s; nothing has changed.', practice_name,
                          to_char(moment, 'HH24:MI "on" FMDay FMDD FMMonth YYYY'));
    END IF;
END $$;

-- A moment as pydantic writes it in an audit snapshot (model_dump(mode="json")): UTC, "Z".
CREATE FUNCTION snapshot_moment(p_at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN date_trunc('second', p_at) = p_at THEN '' ELSE to_char(p_at AT TIME ZONE 'UTC', '.US') END || 'Z'
$$;
"""


def upgrade() -> None:
    run_script(
        FUNCTION
        + f"""
REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC;
GRANT EXECUTE ON FUNCTION {SIGNATURE}, snapshot_moment(timestamptz) TO {APP_ROLE};
"""
    )


def downgrade() -> None:
    run_script(f"DROP FUNCTION {SIGNATURE}, snapshot_moment(timestamptz);")
