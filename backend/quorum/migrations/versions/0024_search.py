"""Search: a stored full-text vector beside the words of each thing a reader may search, and a GIN index on it.

The vectors live in the source tables as generated columns, so a search reads those tables under their own
row-level security policies: there is no second copy of any text, and no second set of rules that could drift
from the first. The ORM does not map these columns (nothing but search reads them). Weights: A for titles and
what was decided, B for summaries and notes, C for bodies and minutes, D for cover-sheet links.

Revision ID: 0024
Revises: 0023
"""

from quorum.migrations import run_script

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def _words(column: str, weight: str) -> str:
    return f"setweight(to_tsvector('english', coalesce({column}, '')), '{weight}')"


# table -> the vector of its searchable words
VECTORS = {
    "meeting": " || ".join([_words("title", "A"), _words("location", "C")]),
    "agenda_item": " || ".join([_words("title", "A"), _words("presenter", "C")]),
    "paper": _words("title", "A"),
    "paper_version": " || ".join(
        [
            _words("executive_summary", "B"),
            _words("recommendation", "B"),
            _words("body_markdown", "C"),
            _words(
                "strategic_objectives || ' ' || assurance_risks || ' ' || conflicts_noted || ' ' || public_involvement",
                "D",
            ),
        ]
    ),
    "decision": _words("text", "A"),
    "action": _words("description", "A"),
    "minute_note": _words("notes", "B"),
    "minutes": "setweight(jsonb_to_tsvector('english', record, '[\"string\"]'), 'C')",
    "interest": " || ".join([_words("description", "A"), _words("action_taken", "C")]),
    "gift_or_hospitality": " || ".join([_words("description", "A"), _words("offered_by", "B")]),
}


# Row-level security lets the planner use an index for a condition beneath a table's policies only if its function
# is leakproof; PostgreSQL does not mark the text-search match so, and without it every search reads every row.
# ts_match_vq(tsvector, tsquery) returns whether a row matches and raises no error that depends on the row (a bad
# query fails in websearch_to_tsquery, once, before any row is read), so it reveals nothing a policy hides.
# Changing a built-in function needs a superuser: a deployment whose owner is not one gets the same results, slower.
LEAKPROOF_MATCH = """
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
    ELSE
        RAISE NOTICE 'Not a superuser: ts_match_vq is not marked leakproof, so searches cannot use their indexes.';
    END IF;
END $$;
"""


# A BEFORE UPDATE trigger sees a generated column as null in NEW (it is computed after), so the freeze of approved
# versions (migration 0004) compares everything but the publication and the vector, which follows the words anyway.
FROZEN_VERSION = """
CREATE OR REPLACE FUNCTION paper_version_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.approved_at IS NOT NULL
       AND (to_jsonb(NEW) - 'published_at' - 'search_vector') <> (to_jsonb(OLD) - 'published_at' - 'search_vector') THEN
        RAISE EXCEPTION 'version % of this paper is approved and cannot change', OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
"""


def upgrade() -> None:
    run_script(LEAKPROOF_MATCH)
    for table, vector in VECTORS.items():
        run_script(
            f"""
            ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector}) STORED;
            CREATE INDEX {table}_search_idx ON {table} USING gin (search_vector);
            """
        )
    run_script(FROZEN_VERSION)
    # Draft notes are searched only within the caller's committees: their index and the vector's combine.
    run_script("CREATE INDEX minute_note_committee_idx ON minute_note (committee_id);")


def downgrade() -> None:
    run_script("DROP INDEX minute_note_committee_idx;")
    for table in VECTORS:
        run_script(f"ALTER TABLE {table} DROP COLUMN search_vector;")
    run_script(FROZEN_VERSION.replace(" - 'search_vector'", ""))
    run_script(LEAKPROOF_MATCH.replace(" LEAKPROOF;", " NOT LEAKPROOF;"))
