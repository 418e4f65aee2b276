"""Each demo person's home list, read through the API from the database in DATABASE_URL; printed as JSON
({email: [kind, ...]}). Run in its own process by test_demo_homes.py, against a database holding the demo alone."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import timedelta
from pathlib import Path

import httpx

from quorum.auth import tokens
from quorum.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]  # not tests.conftest: importing it would recreate the test database
TO_DO = "{ viewer { toDo { kind title } } }"


def demo_emails() -> list[str]:
    """The demo users the README lists, in its order."""
    readme = (ROOT / "README.md").read_text()
    table = readme.split("### Demo users", 1)[1].split("Members of the public", 1)[0]
    return re.findall(r"^\| ([a-z.]+@demo\.quorum\.example) \|", table, re.MULTILINE)


async def homes() -> dict[str, list[str]]:
    app = create_app()
    found: dict[str, list[str]] = {}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        for email in demo_emails():
            token = await tokens.issue_token_for_email(email, timedelta(minutes=5))
            response = await client.post(
                "/graphql", json={"query": TO_DO}, headers={"authorization": f"Bearer {token}"}
            )
            body = response.json()
            assert "errors" not in body, body
            found[email] = [item["kind"] for item in body["data"]["viewer"]["toDo"]]
    return found


if __name__ == "__main__":
    print(json.dumps(asyncio.run(homes())))
