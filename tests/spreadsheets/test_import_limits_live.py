"""Against a real server process: hostile workbooks sent to the practice import while /healthz is asked every
50 ms. Each is refused (or reported) without writing anything, the bomb in under 5 s, and /healthz answers
within a second throughout, because parsing happens in another process."""

from __future__ import annotations

import asyncio
import base64
import threading
import time

import httpx

from quorum import spreadsheet_reader
from quorum.files import inspection
from tests.organisations.test_practice_import import IMPORT, bolton_practices
from tests.spreadsheets import bombs
from tests.support import BOLTON_ADMIN, global_id, owner_fetch, token_for

BOLTON = "SELECT id FROM organisation WHERE ods_code = '00T'"


class HealthWatch(threading.Thread):
    """Asks /healthz every 50 ms until stopped, noting how long each answer took."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.waits, self.failures, self.done = url, [], [], threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=5) as http:
            while not self.done.is_set():
                started = time.monotonic()
                try:
                    status = http.get(f"{self.url}/healthz").status_code
                    if status != 200:
                        self.failures.append(status)
                except httpx.HTTPError as error:
                    self.failures.append(repr(error))
                self.waits.append(time.monotonic() - started)
                time.sleep(0.05)


async def test_hostile_workbooks_leave_the_server_answering(server):
    token = await token_for(BOLTON_ADMIN)
    organisation = await global_id("Organisation", BOLTON)
    before = await bolton_practices()
    audit = await owner_fetch("SELECT count(*) FROM audit_entry")
    files = {"bomb": bombs.bomb(), "understated": bombs.understated(bombs.bomb()), "slow": bombs.slow()}
    watch = HealthWatch(server.url)
    watch.start()
    answers, took = {}, {}
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
            for name, content in files.items():
                started = time.monotonic()
                response = await http.post(
                    "/graphql",
                    headers={"authorization": f"Bearer {token}"},
                    json={
                        "query": IMPORT,
                        "variables": {
                            "input": {
                                "organisationId": organisation,
                                "filename": f"{name}.xlsx",
                                "contentBase64": base64.b64encode(content).decode(),
                            }
                        },
                    },
                )
                took[name] = time.monotonic() - started
                assert response.status_code == 200, response.text
                answers[name] = response.json()["data"]["importPractices"]
                await asyncio.sleep(0.2)
    finally:
        watch.done.set()
        watch.join()
    print(
        f"\nsizes {[len(c) for c in files.values()]}, import answered in {took}, /healthz: {len(watch.waits)} answers,"
        f" slowest {max(watch.waits):.3f} s"
    )
    assert answers["bomb"]["errors"] == [{"field": "contentBase64", "message": inspection.ZIP_BOMB}]
    assert answers["understated"]["errors"] == [{"field": "contentBase64", "message": spreadsheet_reader.DAMAGED}]
    assert took["bomb"] < 5 and took["understated"] < 5
    # The slow one is either read (and its bad ODS code reported) or refused for taking too long; never imported.
    assert answers["slow"]["created"] == 0 and (answers["slow"]["rowErrors"] or answers["slow"]["errors"])
    assert watch.failures == [] and max(watch.waits) < 1 and len(watch.waits) > 10
    assert await bolton_practices() == before and await owner_fetch("SELECT count(*) FROM audit_entry") == audit
