"""The survey results hot read (see quorum.surveys.hot): a kept answer, or the schema's, kept for the next caller.

It lives beside the schema because on a miss the schema itself answers, so the kept JSON is exactly its answer.
"""

from __future__ import annotations

from typing import Any

from quorum.access import Access
from quorum.config import get_settings
from quorum.database import Db
from quorum.graphql.context import Context
from quorum.graphql.hot import hot_read
from quorum.surveys import hot
from quorum.web.schema import schema


@hot_read(hot.SURVEY_RESULTS)
async def survey_results(db: Db, access: Access, variables: dict[str, Any]) -> str | None:
    key = await hot.view_key(db, access, variables)
    if key is None:
        return None
    answer = hot.kept(key)
    if answer is None:
        result = await schema.execute(
            hot.SURVEY_RESULTS,
            variable_values=variables,
            context_value=Context(request=None, db=db, access=access, settings=get_settings()),
        )
        if result.errors:
            return None  # the endpoint runs it again and reports them as it does
        answer = hot.serialised({"data": result.data})
        hot.keep(key, answer)
    return answer
