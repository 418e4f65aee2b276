"""The frontend's own GraphQL documents, read from its source so the benchmark sends what the pages send."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

FRONTEND_API = Path(__file__).resolve().parents[2] / "frontend" / "src" / "api"
POSTGRAPHILE_DOCUMENTS = Path(__file__).resolve().parents[1] / "postgraphile" / "documents"


@cache
def frontend_document(module: str, constant: str) -> str:
    """The document of `export const <constant> = gql<...>(`...`)` in frontend/src/api/<module>.ts."""
    source = (FRONTEND_API / f"{module}.ts").read_text()
    found = re.search(rf"export const {constant}\s*=\s*gql<[^(]*>\(\s*`(.*?)`\s*\)", source, re.DOTALL)
    if found is None:
        raise LookupError(f"no gql document {constant} in frontend/src/api/{module}.ts")
    return found.group(1).strip()


@cache
def postgraphile_document(name: str) -> str:
    return (POSTGRAPHILE_DOCUMENTS / f"{name}.graphql").read_text()
