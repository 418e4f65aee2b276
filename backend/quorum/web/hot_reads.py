"""The hot reads the GraphQL endpoint tries before the schema: each domain's `hot` module registers its own."""

from __future__ import annotations

from typing import Any

from quorum.ballots import hot as ballot_vote
from quorum.graphql.hot import HotRead, registered
from quorum.meetings import hot as meeting_page
from quorum.people import hot as session
from quorum.web import survey_results

DOMAINS_WITH_HOT_READS = (meeting_page, session, ballot_vote, survey_results)  # importing each registers its reads


def find(body: dict[str, Any]) -> HotRead | None:
    return registered(body)
