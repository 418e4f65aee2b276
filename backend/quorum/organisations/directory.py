"""The public directory: every organisation, found by name or ODS code, for anyone without signing in.

Read through `public_directory()` (migration 0023), which gives only what an organisation publishes about itself.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Text, Uuid, column, func, select

from quorum.database import matching
from quorum.errors import ClientError

# Longer than any organisation's name (the longest CCG's is under 60 characters).
LONGEST_SEARCH = 100

directory = func.public_directory().table_valued(
    column("id", Uuid),
    column("kind", Text),
    column("ods_code", Text),
    column("name", Text),
    column("area_team_name", Text),
)
# Alphabetical by name; the id breaks ties so pages never overlap.
ORDER = [directory.c.name, directory.c.id]


def search_statement(search: str | None) -> Any:
    """The directory's entries whose name or ODS code contains `search` (case-insensitive, taken literally)."""
    text = (search or "").strip()
    if len(text) > LONGEST_SEARCH:
        raise ClientError(f"Search for at most {LONGEST_SEARCH} characters of a name or ODS code.")
    if any(not character.isprintable() for character in text):
        raise ClientError("Search with letters, numbers and punctuation only.")
    statement = select(*directory.c)
    return matching(statement, directory.c.name, directory.c.ods_code, text=text)
