"""GET /exports/survey-results.xlsx?survey=ID: a survey's results, for those who may read them, beside the
previous round's where the caller may read those too."""

from __future__ import annotations

import uuid

from quorum import clock, spreadsheets
from quorum.access import Access
from quorum.database import Db
from quorum.downloads import Download
from quorum.organisations.service import get_organisation
from quorum.surveys import results, service
from quorum.surveys.policy import can_manage
from quorum.surveys.workbook import workbook_for


async def results_xlsx(db: Db, access: Access, survey_id: uuid.UUID) -> Download | None:
    survey = await service.get_survey(db, access, survey_id)
    if survey is None or not await service.reads_results(db, access, survey):
        return None
    organisation = await get_organisation(db, access, survey.org_id)
    previous = None
    if survey.previous_round_id is not None:
        earlier = await service.get_survey(db, access, survey.previous_round_id)
        if earlier is not None and await service.reads_results(db, access, earlier):
            previous = (earlier, await results.survey_results(db, earlier, await service.structure(db, earlier)))
    content = await workbook_for(
        db, survey, organisation.name if organisation else "", previous, explain=can_manage(access, survey)
    )
    filename = f"survey-results-{clock.today().isoformat()}.xlsx"
    return Download(content, media_type=spreadsheets.XLSX, filename=filename)
