"""A committee is no longer readable by an organisation merely because it delegated to the committee.

`committee_read` (0003, 0004) let any member of a delegating organisation read the record of every committee it
had ever delegated to, revoked and expired delegations included, while the committees policy never did: an area
team officer who sits on no joint committee could read the joint committee's record here, though the API says
it does not exist for them, and what a delegation grants is to end the moment it ends. Row-level security now
says what `quorum.committees.policy.visible_committees` says. A delegating organisation still reads the record
when it is otherwise visible (its people sit on the committee, host it, or its meetings are published), and
anyone reads the scheme of delegation through `public_delegations`.

Revision ID: 0019
Revises: 0018
"""

from quorum.migrations import run_script

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_script(
        """
        DROP POLICY committee_read ON committee;
        CREATE POLICY committee_read ON committee FOR SELECT
            USING (id = ANY (app_uuids('app.committee_ids'))
                   OR (org_id = ANY (app_org_ids()) AND (NOT is_joint OR org_id = ANY (app_uuids('app.officer_org_ids'))))
                   OR EXISTS (SELECT 1 FROM meeting m WHERE m.committee_id = committee.id AND m.status <> 'DRAFT'));
        """
    )


def downgrade() -> None:
    run_script(
        """
        DROP POLICY committee_read ON committee;
        CREATE POLICY committee_read ON committee FOR SELECT
            USING (id = ANY (app_uuids('app.committee_ids'))
                   OR (org_id = ANY (app_org_ids()) AND (NOT is_joint OR org_id = ANY (app_uuids('app.officer_org_ids'))))
                   OR EXISTS (SELECT 1 FROM delegation d
                              WHERE d.receiving_committee_id = committee.id AND d.org_id = ANY (app_org_ids()))
                   OR EXISTS (SELECT 1 FROM meeting m WHERE m.committee_id = committee.id AND m.status <> 'DRAFT'));
        """
    )
