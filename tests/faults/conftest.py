"""One deployment (its own PostgreSQL) for the faults tests, and a fresh `quorum serve --workers 2` for each module."""

from __future__ import annotations

import pytest

from tests.faults.deployment import QuorumServer, deploy, publish_a_pack

REPRESENTATIVES = 200
MEMBERS = 50


@pytest.fixture(scope="package")
def deployment():
    deployed = deploy(voters=REPRESENTATIVES, members=MEMBERS)
    yield deployed
    deployed.postgres.destroy()


@pytest.fixture(scope="module")
async def server(deployment):
    serving = QuorumServer(deployment, workers=2)
    try:
        await serving.wait_until_serving()
        if not deployment.pack_url:
            await publish_a_pack(deployment, serving)
        yield serving
    finally:
        serving.stop()
