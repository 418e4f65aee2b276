"""The ORM's tables and the migrated schema agree: Alembic's autogenerate compare finds nothing to migrate."""

from __future__ import annotations

import pprint

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

import quorum.tables  # noqa: F401  (registers every table on SQLModel.metadata)
from quorum.database import owner_url
from quorum.jobs import queue_tables

# Tables only the migrations declare.
MIGRATION_ONLY_TABLES = {
    "alembic_version",  # Alembic's own bookkeeping
    "access_epoch",  # a counter moved by triggers, read through current_access_epoch() (migration 0032)
    # Reached through SQL only, with no ORM class yet (to declare in their domain's tables.py):
    "bearer_token_cutoff",
    "bearer_token_revocation",
    "sign_in_session",
    "survey_participation",
    "survey_tally",
    *queue_tables(),  # the job queue's, as pgqueuer creates them (migration 0018)
}

# Composite (tenant, id) foreign keys only the migrations declare yet (to declare in __table_args__).
MIGRATION_ONLY_FOREIGN_KEYS = {
    "ballot_tally_org_id_ballot_id_secret_fkey",
    "ballot_tally_org_id_ballot_id_question_id_option_id_fkey",
    "ballot_vote_org_id_ballot_id_secret_fkey",
    "ballot_vote_choice_org_id_ballot_id_question_id_option_id_fkey",
    "ballot_vote_choice_org_id_ballot_id_question_id_practice_i_fkey",
}


# Columns only the migrations declare: the full-text vectors only search reads (migration 0024), kept out of the
# ORM so that no other read fetches them, and the copies of a meeting's state that only read policies ask: an agenda
# item's of its meeting's publication (migration 0031) and a decision's of its meeting's being held (0033).
MIGRATION_ONLY_COLUMNS = {"search_vector", "meeting_published", "meeting_held"}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    if type_ == "column" and name in MIGRATION_ONLY_COLUMNS and compare_to is None:
        return False
    if type_ == "table" and name in MIGRATION_ONLY_TABLES:
        return False
    # The migrations own indexes and unique constraints (partial and expression indexes among them, which Alembic
    # cannot compare); the ORM declares only some. One the ORM declares and the schema lacks is still reported.
    if type_ in ("index", "unique_constraint") and reflected and compare_to is None:
        return False
    if type_ == "foreign_key_constraint" and name in MIGRATION_ONLY_FOREIGN_KEYS:
        return False
    return True


async def differences(metadata: sa.MetaData) -> list:
    engine = create_async_engine(owner_url())
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"include_object": include_object, "compare_type": True}),
                    metadata,
                )
            )
    finally:
        await engine.dispose()


async def test_the_orm_tables_match_the_migrated_schema():
    found = await differences(SQLModel.metadata)
    assert found == [], "The ORM and the migrations disagree:\n" + pprint.pformat(found, width=120)


async def test_the_compare_sees_a_column_the_migrations_lack():
    metadata = sa.MetaData()
    for table in SQLModel.metadata.tables.values():
        table.to_metadata(metadata)
    metadata.tables["organisation"].append_column(sa.Column("not_migrated", sa.Text, nullable=True))
    found = await differences(metadata)
    assert [(d[0], d[3].name) for d in found] == [("add_column", "not_migrated")]
