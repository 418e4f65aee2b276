"""One deployment (its own PostgreSQL) for the faults tests, and one `quorum serve --workers 2` on it."""

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


@pytest.fixture(scope="package")
async def server(deployment):
    serving = QuorumServer(deployment, workers=2)
    try:
        await serving.wait_until_serving()
        if not deployment.pack_url:
            await publish_a_pack(deployment, serving)
        yield serving
    finally:
        serving.stop()
