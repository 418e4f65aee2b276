"""The durable job queue: pgqueuer's own tables, as its installed release writes them, and `enqueue_job`, the one
way the application role queues a job. The app role has no privilege on the queue's tables (so they need no
row-level security): it cannot read, change or delete a job, only add one in its own transaction. The worker uses
them as the owner.

Revision ID: 0018
Revises: 0017
"""

from pgqueuer.adapters.persistence.qb import QueryBuilderEnvironment

from quorum.database import APP_ROLE
from quorum.jobs import queue_settings
from quorum.migrations import run_script

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# pgqueuer's enqueue for one job, skipping a duplicate of a queued or running job with the same dedupe key (the
# conflict target restates the partial unique index pgqueuer_unique_dedupe_key), and logging it as queued.
ENQUEUE_JOB = """
CREATE FUNCTION enqueue_job(p_entrypoint text, p_payload bytea, p_dedupe_key text, p_execute_after timestamptz)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    WITH queued AS (
        INSERT INTO pgqueuer (priority, entrypoint, payload, execute_after, dedupe_key, status)
        VALUES (0, p_entrypoint, p_payload, coalesce(p_execute_after, now()), p_dedupe_key, 'queued')
        ON CONFLICT (dedupe_key)
            WHERE ((status = ANY (ARRAY['queued'::pgqueuer_status, 'picked'::pgqueuer_status]))
                AND (dedupe_key IS NOT NULL))
            DO NOTHING
        RETURNING id, entrypoint, priority
    )
    INSERT INTO pgqueuer_log (job_id, status, entrypoint, priority)
    SELECT id, 'queued', entrypoint, priority FROM queued
$$;
REVOKE ALL ON FUNCTION enqueue_job(text, bytea, text, timestamptz) FROM PUBLIC;
"""


def upgrade() -> None:
    run_script(QueryBuilderEnvironment(queue_settings()).build_install_query())
    run_script(ENQUEUE_JOB)
    run_script(f"GRANT EXECUTE ON FUNCTION enqueue_job(text, bytea, text, timestamptz) TO {APP_ROLE};")


def downgrade() -> None:
    run_script("DROP FUNCTION enqueue_job(text, bytea, text, timestamptz);")
    run_script(QueryBuilderEnvironment(queue_settings()).build_uninstall_query())
