"""Practice quality indicators: a CCG's indicators (public definitions) and their values per practice and period.

A value names its practice, so it is read only by those who may see practices named: the CCG's governance officers,
its governing body (members by role, and members of the CCG holding a seat on it), committees holding a live delegation covering the CCG, and a practice's own
representatives (their practice's rows only). Everyone else reaches values only as anonymous distributions through
`indicator_distribution`, which gives a caller outside the CCG (and its delegated committees) only the periods
reported by at least PUBLIC_THRESHOLD (5) practices, the surveys' threshold.

Revision ID: 0022
Revises: 0021
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

INDICATORS = """
CREATE TABLE indicator (
    org_id uuid NOT NULL REFERENCES organisation (id),
    id uuid NOT NULL,
    code varchar NOT NULL CHECK (code ~ '^[A-Z0-9_.-]{1,40}$'),
    name varchar NOT NULL CHECK (btrim(name) <> ''),
    unit varchar NOT NULL DEFAULT '',
    higher_is_better boolean NOT NULL DEFAULT true,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, code)
);
CREATE INDEX indicator_id_idx ON indicator (id);

CREATE TABLE indicator_value (
    org_id uuid NOT NULL,
    id uuid NOT NULL,
    indicator_id uuid NOT NULL,
    practice_id uuid NOT NULL,
    period_kind varchar NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR')),
    period_start date NOT NULL,
    value double precision NOT NULL,
    numerator double precision,
    denominator double precision CHECK (denominator IS NULL OR denominator > 0),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, indicator_id, practice_id, period_kind, period_start),
    FOREIGN KEY (org_id, indicator_id) REFERENCES indicator (org_id, id),
    FOREIGN KEY (org_id, practice_id) REFERENCES practice (org_id, id)
);
CREATE INDEX indicator_value_id_idx ON indicator_value (id);

-- The CCGs where the caller sits on the governing body, and the practices they represent, today.
CREATE FUNCTION indicator_board_orgs() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT coalesce(array_agg(DISTINCT org_id), '{}') FROM membership
     WHERE person_id = app_person_id() AND role = 'GOVERNING_BODY_MEMBER'
       AND valid_from <= (now() AT TIME ZONE 'Europe/London')::date
       AND (valid_to IS NULL OR (now() AT TIME ZONE 'Europe/London')::date <= valid_to)
$$;
CREATE FUNCTION indicator_own_practices() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT coalesce(array_agg(DISTINCT practice_id), '{}') FROM membership
     WHERE person_id = app_person_id() AND role = 'PRACTICE_REPRESENTATIVE' AND practice_id IS NOT NULL
       AND valid_from <= (now() AT TIME ZONE 'Europe/London')::date
       AND (valid_to IS NULL OR (now() AT TIME ZONE 'Europe/London')::date <= valid_to)
$$;
REVOKE ALL ON FUNCTION indicator_board_orgs(), indicator_own_practices() FROM PUBLIC;

ALTER TABLE indicator ENABLE ROW LEVEL SECURITY;
ALTER TABLE indicator FORCE ROW LEVEL SECURITY;
CREATE POLICY indicator_read ON indicator FOR SELECT USING (true);
CREATE POLICY indicator_create ON indicator FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids')));
CREATE POLICY indicator_change ON indicator FOR UPDATE
    USING (org_id = ANY (app_uuids('app.officer_org_ids')));

ALTER TABLE indicator_value ENABLE ROW LEVEL SECURITY;
ALTER TABLE indicator_value FORCE ROW LEVEL SECURITY;
CREATE POLICY indicator_value_read ON indicator_value FOR SELECT
    USING (org_id = ANY (app_uuids('app.officer_org_ids'))
           OR org_id = ANY (app_uuids('app.delegated_ccgs'))
           OR org_id = ANY (indicator_board_orgs())
           OR org_id IN (SELECT c.org_id FROM committee c WHERE c.kind = 'GOVERNING_BODY'
                         AND c.id = ANY (app_uuids('app.private_committee_ids')) AND c.org_id = ANY (app_org_ids()))
           OR practice_id = ANY (indicator_own_practices()));
CREATE POLICY indicator_value_create ON indicator_value FOR INSERT
    WITH CHECK (org_id = ANY (app_uuids('app.officer_org_ids')));
CREATE POLICY indicator_value_change ON indicator_value FOR UPDATE
    USING (org_id = ANY (app_uuids('app.officer_org_ids')));

-- Each period's values without their practices, sorted (so no order or identifier links a value across periods).
-- The CCG's members and its delegated committees get every period's values; anyone else gets null in place of the
-- values of a period fewer than 5 practices reported.
CREATE FUNCTION indicator_distribution(p_org uuid, p_indicator uuid)
RETURNS TABLE (period_kind text, period_start date, vals double precision[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT v.period_kind, v.period_start,
           CASE WHEN p_org = ANY (app_org_ids()) OR p_org = ANY (app_uuids('app.delegated_ccgs')) OR count(*) >= 5
                THEN array_agg(v.value ORDER BY v.value) END
      FROM indicator_value v
     WHERE v.org_id = p_org AND v.indicator_id = p_indicator
     GROUP BY v.period_kind, v.period_start
     ORDER BY v.period_start, v.period_kind
$$;
REVOKE ALL ON FUNCTION indicator_distribution(uuid, uuid) FROM PUBLIC;
"""


def grants(role: str) -> str:
    return f"""
GRANT SELECT, INSERT, UPDATE ON indicator, indicator_value TO {role};
GRANT EXECUTE ON FUNCTION indicator_board_orgs(), indicator_own_practices(), indicator_distribution(uuid, uuid)
    TO {role};
"""


def upgrade() -> None:
    for sql in (INDICATORS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        """
        DROP FUNCTION indicator_distribution(uuid, uuid);
        DROP TABLE indicator_value, indicator;
        DROP FUNCTION indicator_board_orgs(), indicator_own_practices();
        """
    )
