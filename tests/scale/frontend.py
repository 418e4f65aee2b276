"""The frontend's own GraphQL operations, read from its sources, so the tests ask what its pages ask."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

OPERATION = re.compile(r"gql<[^`]*?\(\s*`(.*?)`\s*\)", re.DOTALL)
NAME = re.compile(r"^\s*(query|mutation|subscription)\s+(\w+)")


@cache
def operations() -> dict[str, str]:
    found = {}
    for source in sorted((ROOT / "frontend" / "src" / "api").glob("*.ts")):
        for text in OPERATION.findall(source.read_text()):
            match = NAME.match(text)
            if match:
                found[match.group(2)] = text
    return found


def query(name: str) -> str:
    return operations()[name]
