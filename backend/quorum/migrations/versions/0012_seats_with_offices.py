"""Seats carry an office; one person holds one seat on a committee at a time; a seat entered by mistake can
be withdrawn on the day it was entered.

The database refuses a second concurrent seat for the same person on the same committee (an exclusion
constraint over the seat's dates, with btree_gist). Seats that already overlap are resolved first, each
with an audit entry: an earlier seat ends the day before the later one begins; of two that begin on the
same day, the one entered second is withdrawn. Quorum rules stay in the committee's JSON; the new
requirement kinds are optional keys (quorum.committees.quorum), so no stored rule changes.

Revision ID: 0012
Revises: 0011
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

OFFICES = (
    "ACCOUNTABLE_OFFICER",
    "CHIEF_FINANCE_OFFICER",
    "DIRECTOR_OF_NURSING",
    "DIRECTOR_OF_COMMISSIONING",
    "DIRECTOR_OF_PUBLIC_HEALTH",
    "MEDICAL_DIRECTOR",
    "CLINICAL_LEAD",
    "LAY_MEMBER_GOVERNANCE",
    "LAY_MEMBER_PATIENT_INVOLVEMENT",
    "REGISTERED_NURSE",
    "SECONDARY_CARE_SPECIALIST",
    "AREA_TEAM_DIRECTOR",
    "LMC_REPRESENTATIVE",
    "HEALTHWATCH_REPRESENTATIVE",
    "HWB_REPRESENTATIVE",
    "LOCAL_AUTHORITY_REPRESENTATIVE",
)

SEATS = f"""
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE seat
    ADD COLUMN office varchar CHECK (office IN ({", ".join(f"'{o}'" for o in OFFICES)})),
    ADD COLUMN entered_at timestamptz;
ALTER TABLE seat ALTER COLUMN entered_at SET DEFAULT now();

DO $$
DECLARE
    r record;
BEGIN
    LOOP
        SELECT a.org_id, a.id AS earlier, b.id AS later, a.valid_from AS earlier_from, b.valid_from AS later_from
        INTO r
        FROM seat a JOIN seat b
          ON b.org_id = a.org_id AND b.committee_id = a.committee_id AND b.person_id = a.person_id AND b.id <> a.id
         AND daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')
         AND (a.valid_from, a.id) < (b.valid_from, b.id)
        LIMIT 1;
        EXIT WHEN NOT FOUND;
        IF r.earlier_from < r.later_from THEN
            INSERT INTO audit_entry (org_id, action, entity_type, entity_id, before, after)
            SELECT r.org_id, 'seat.end', 'Seat', r.earlier, to_jsonb(s),
                   jsonb_set(to_jsonb(s), '{{valid_to}}', to_jsonb(r.later_from - 1))
            FROM seat s WHERE s.org_id = r.org_id AND s.id = r.earlier;
            UPDATE seat SET valid_to = r.later_from - 1 WHERE org_id = r.org_id AND id = r.earlier;
        ELSE
            INSERT INTO audit_entry (org_id, action, entity_type, entity_id, before, after)
            SELECT r.org_id, 'seat.withdraw', 'Seat', r.later, to_jsonb(s), NULL
            FROM seat s WHERE s.org_id = r.org_id AND s.id = r.later;
            DELETE FROM seat WHERE org_id = r.org_id AND id = r.later;
        END IF;
    END LOOP;
END $$;

ALTER TABLE seat ADD CONSTRAINT seat_one_at_a_time EXCLUDE USING gist (
    org_id WITH =, committee_id WITH =, person_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&
);

CREATE POLICY seat_withdraw ON seat FOR DELETE USING (org_id = ANY (app_uuids('app.officer_org_ids')));
"""


def grants(role: str) -> str:
    return f"GRANT DELETE ON seat TO {role};"


def upgrade() -> None:
    for sql in (SEATS, grants(APP_ROLE)):
        run_script(sql)


def downgrade() -> None:
    run_script(
        f"""
        REVOKE DELETE ON seat FROM {APP_ROLE};
        DROP POLICY seat_withdraw ON seat;
        ALTER TABLE seat DROP CONSTRAINT seat_one_at_a_time, DROP COLUMN entered_at, DROP COLUMN office;
        """
    )
