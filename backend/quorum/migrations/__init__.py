"""Alembic migrations, run by `quorum migrate` as the database owner."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import URL

HERE = Path(__file__).parent


def alembic_config(url: URL) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["url"] = url
    return config


def upgrade(url: URL, revision: str = "heads") -> None:
    command.upgrade(alembic_config(url), revision)


def run_script(sql: str) -> None:
    """Run several SQL statements at once (asyncpg prepares single statements only)."""
    from alembic import op
    from sqlalchemy.util import await_only

    driver = op.get_bind().connection.driver_connection
    await_only(driver.execute(sql))
