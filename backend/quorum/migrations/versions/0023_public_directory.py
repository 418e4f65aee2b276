"""The public directory: every organisation's name, kind, ODS code and area team, readable without signing in.

The organisation table is read only by an organisation's own people (migration 0003), so the public reaches the
directory through `public_directory`, as it reaches one organisation through `public_organisation`. It gives only
what an organisation publishes about itself anyway: no practices, people or memberships.

Revision ID: 0023
Revises: 0022
"""

from quorum.database import APP_ROLE
from quorum.migrations import run_script

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

DIRECTORY = """
CREATE FUNCTION public_directory()
RETURNS TABLE (id uuid, kind text, ods_code text, name text, area_team_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT o.id, o.kind, o.ods_code, o.name, a.name
    FROM organisation o LEFT JOIN organisation a ON a.id = o.area_team_id
$$;
REVOKE ALL ON FUNCTION public_directory() FROM PUBLIC;
"""


def upgrade() -> None:
    run_script(DIRECTORY)
    run_script(f"GRANT EXECUTE ON FUNCTION public_directory() TO {APP_ROLE};")


def downgrade() -> None:
    run_script("DROP FUNCTION public_directory();")
