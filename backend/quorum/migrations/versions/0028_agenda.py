"""Closing agenda items: the items that end an agenda (questions from the public, any other business, date of the
next meeting). New items go in before them. Existing items with those titles, or with the title of a closing item
of their committee's agenda template, are marked.

Revision ID: 0028
Revises: 0027
"""

from quorum.migrations import run_script

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_script(
        """
        ALTER TABLE agenda_item ADD COLUMN closing boolean NOT NULL DEFAULT false;
        UPDATE agenda_item a SET closing = true
         WHERE a.parent_id IS NULL
           AND (lower(a.title) IN ('questions from the public', 'any other business', 'date of next meeting',
                                   'date of the next meeting', 'date and time of next meeting')
                OR EXISTS (SELECT 1 FROM committee c, jsonb_array_elements(c.agenda_template) t
                            WHERE c.id = a.committee_id AND (t ->> 'at_end')::boolean AND t ->> 'title' = a.title));
        """
    )


def downgrade() -> None:
    run_script("ALTER TABLE agenda_item DROP COLUMN closing;")
