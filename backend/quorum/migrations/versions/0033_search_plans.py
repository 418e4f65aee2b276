"""Search's plans: a decision's copy of its meeting's being held, a date filter, and committee indexes.

`decision.meeting_held` says whether the decision's meeting has been held. The public policy asked the meeting (held, or its minutes approved) for each decision; under a search's limit the
planner answered that by reading every meeting at national scale (23,000, each under the meeting's own policy) into
a hash, 40 ms of every search naming a common word. The column is kept by triggers on both tables, as 0031 keeps
`agenda_item.meeting_published`; the Python policy still asks the meeting, so the policy agreement test checks that
the column keeps step.

`search_day_within(day, first, last)` is search's date filter. Written as `day >= $n AND day <= $m`, a plan kept for
any dates (quorum.search.service) guesses that a range holds one meeting in two hundred and starts from the meetings
in it: 400 ms for a year's. A PL/pgSQL function is not inlined, so the planner takes a third of rows to pass it, and
starts from the words.

Agenda items, papers and minutes are indexed by committee, for search's committee filter: without one, a common
word's matches were read one by one (under their policies) to find the committee's.

Revision ID: 0033
Revises: 0032
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

HELD = "('HELD', 'MINUTES_APPROVED')"

UPGRADE = f"""
ALTER TABLE decision ADD COLUMN meeting_held boolean NOT NULL DEFAULT false;
UPDATE decision d SET meeting_held = true
    FROM meeting m WHERE m.org_id = d.org_id AND m.id = d.meeting_id AND m.status IN {HELD};

CREATE FUNCTION decision_meeting_held() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    NEW.meeting_held := EXISTS (SELECT 1 FROM meeting m
                                WHERE m.org_id = NEW.org_id AND m.id = NEW.meeting_id AND m.status IN {HELD});
    RETURN NEW;
END $$;
CREATE TRIGGER decision_meeting_held BEFORE INSERT OR UPDATE OF org_id, meeting_id ON decision
    FOR EACH ROW EXECUTE FUNCTION decision_meeting_held();

CREATE FUNCTION meeting_holds_decisions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE decision SET meeting_held = (NEW.status IN {HELD})
        WHERE org_id = NEW.org_id AND meeting_id = NEW.id AND meeting_held <> (NEW.status IN {HELD});
    RETURN NULL;
END $$;
CREATE TRIGGER meeting_holds_decisions AFTER UPDATE OF status ON meeting
    FOR EACH ROW WHEN ((OLD.status IN {HELD}) IS DISTINCT FROM (NEW.status IN {HELD}))
    EXECUTE FUNCTION meeting_holds_decisions();

CREATE FUNCTION search_day_within(day date, first_day date, last_day date) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN (first_day IS NULL OR day >= first_day) AND (last_day IS NULL OR day <= last_day);
END $$;
GRANT EXECUTE ON FUNCTION search_day_within(date, date, date) TO {APP_ROLE};

CREATE INDEX agenda_item_committee_idx ON agenda_item (committee_id);
CREATE INDEX paper_committee_idx ON paper (committee_id);
CREATE INDEX minutes_committee_idx ON minutes (committee_id);

DROP POLICY decision_published ON decision;
CREATE POLICY decision_published ON decision FOR SELECT
    USING (meeting_held AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = decision.item_id AND i.part = 'PUBLIC'));
"""

DOWNGRADE = f"""
DROP POLICY decision_published ON decision;
CREATE POLICY decision_published ON decision FOR SELECT
    USING (EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = decision.item_id AND i.part = 'PUBLIC')
           AND EXISTS (SELECT 1 FROM meeting m WHERE m.id = decision.meeting_id AND m.status IN {HELD}));
DROP INDEX agenda_item_committee_idx, paper_committee_idx, minutes_committee_idx;
DROP FUNCTION search_day_within(date, date, date);
DROP TRIGGER meeting_holds_decisions ON meeting;
DROP TRIGGER decision_meeting_held ON decision;
DROP FUNCTION meeting_holds_decisions();
DROP FUNCTION decision_meeting_held();
ALTER TABLE decision DROP COLUMN meeting_held;
"""


def upgrade() -> None:
    run_script(UPGRADE)


def downgrade() -> None:
    run_script(DOWNGRADE)
