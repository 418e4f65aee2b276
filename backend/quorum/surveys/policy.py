"""Who may see surveys, their questions, responses and respondents; who builds them, answers them and reads results.

The visible_ builders state in SQLAlchemy what the row-level security policies of migration 0006 say. A tenant
table's policy that reads another table reads it under that table's own policy, so the builders nest the same way.
An anonymous response is also readable through its resume token (`app.response_token`); that is not part of
`Access`, so these builders, like the policies with that setting empty, leave it out.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, and_, false, or_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.organisations.policy import visible_organisations
from quorum.organisations.tables import Organisation
from quorum.surveys.tables import (
    Anonymity,
    Survey,
    SurveyAnswer,
    SurveyDraft,
    SurveyQuestion,
    SurveyRespondent,
    SurveyResponse,
    SurveySection,
    SurveyStatus,
)


def visible_surveys(access: Access) -> SelectOfScalar[Survey]:
    """Officers see their CCG's surveys; members and delegated committees see those not in draft;
    an area team sees its CCGs' surveys whose results are published."""
    area_ccgs = (
        visible_organisations(access)
        .where(col(Organisation.area_team_id).in_(access.org_ids))
        .with_only_columns(col(Organisation.id))
    )
    return select(Survey).where(
        or_(
            col(Survey.org_id).in_(access.officer_org_ids),
            and_(
                col(Survey.status) != SurveyStatus.DRAFT,
                col(Survey.org_id).in_(access.org_ids | access.delegated_ccgs),
            ),
            and_(col(Survey.results_published).is_(True), col(Survey.org_id).in_(area_ccgs)),
        )
    )


def _visible_survey_ids(access: Access) -> Select[Any]:
    return visible_surveys(access).with_only_columns(col(Survey.id))


def _published_survey_ids(access: Access) -> Select[Any]:
    return _visible_survey_ids(access).where(col(Survey.results_published).is_(True))


def visible_sections(access: Access) -> SelectOfScalar[SurveySection]:
    return select(SurveySection).where(col(SurveySection.survey_id).in_(_visible_survey_ids(access)))


def visible_questions(access: Access) -> SelectOfScalar[SurveyQuestion]:
    return select(SurveyQuestion).where(col(SurveyQuestion.survey_id).in_(_visible_survey_ids(access)))


def _own_response_ids(access: Access) -> Select[Any]:
    """The responses the caller gave to confidential and named surveys (their respondent links)."""
    if access.person_id is None:
        return select(SurveyRespondent.response_id).where(false())
    return select(SurveyRespondent.response_id).where(SurveyRespondent.person_id == access.person_id)


def _results_reader(access: Access, org_id: Any, survey_id: Any) -> Any:
    """The CCG's officers, committees holding a live delegation covering it, and once published, all who see it."""
    return or_(
        col(org_id).in_(access.officer_org_ids),
        col(org_id).in_(access.delegated_ccgs),
        col(survey_id).in_(_published_survey_ids(access)),
    )


def visible_responses(access: Access) -> SelectOfScalar[SurveyResponse]:
    return select(SurveyResponse).where(
        or_(
            _results_reader(access, SurveyResponse.org_id, SurveyResponse.survey_id),
            col(SurveyResponse.id).in_(_own_response_ids(access)),
        )
    )


def visible_answers(access: Access) -> SelectOfScalar[SurveyAnswer]:
    return select(SurveyAnswer).where(
        or_(
            _results_reader(access, SurveyAnswer.org_id, SurveyAnswer.survey_id),
            col(SurveyAnswer.response_id).in_(_own_response_ids(access)),
        )
    )


def visible_respondents(access: Access) -> SelectOfScalar[SurveyRespondent]:
    """Respondents see their own links; results readers see who answered a named survey."""
    named = and_(
        col(SurveyRespondent.anonymity) == Anonymity.NAMED,
        _results_reader(access, SurveyRespondent.org_id, SurveyRespondent.survey_id),
    )
    if access.person_id is None:
        return select(SurveyRespondent).where(named)
    return select(SurveyRespondent).where(or_(col(SurveyRespondent.person_id) == access.person_id, named))


def visible_drafts(access: Access) -> SelectOfScalar[SurveyDraft]:
    """A draft is read only by the person whose answers it holds."""
    if access.person_id is None:
        return select(SurveyDraft).where(false())
    return select(SurveyDraft).where(col(SurveyDraft.person_id) == access.person_id)


def is_member(access: Access, org_id: uuid.UUID) -> bool:
    return org_id in access.org_ids


def can_build_surveys(access: Access, org_id: uuid.UUID) -> bool:
    """The CCG's governance officers build, open, close and publish its surveys."""
    return access.is_governance_officer(org_id)


def can_manage(access: Access, survey: Survey) -> bool:
    return can_build_surveys(access, survey.org_id)


def can_be_asked_by(access: Access, org_id: uuid.UUID) -> bool:
    """Only a signed-in member of the CCG may be in the audience of its surveys (which decides the rest)."""
    return access.signed_in and is_member(access, org_id)


def can_be_asked(access: Access, survey: Survey) -> bool:
    return can_be_asked_by(access, survey.org_id)


def asking_surveys(access: Access) -> SelectOfScalar[Survey]:
    """Open surveys of the caller's own organisations (their audiences decide which ask the caller)."""
    if not access.signed_in:
        return visible_surveys(access).where(false())
    return visible_surveys(access).where(Survey.status == SurveyStatus.OPEN, col(Survey.org_id).in_(access.org_ids))


def results_are_public(survey: Survey) -> bool:
    """Published results of an opened survey reach the CCG's members and its area team."""
    return survey.results_published and survey.status != SurveyStatus.DRAFT


def can_read_results(access: Access, survey: Survey, ccg_area_team_id: uuid.UUID | None = None) -> bool:
    """The CCG's officers and committees holding a live delegation covering it; once results are
    published, the CCG's members and, given the CCG's area team (when the caller may see the CCG), its area team."""
    if can_manage(access, survey) or survey.org_id in access.delegated_ccgs:
        return True
    if not results_are_public(survey):
        return False
    if is_member(access, survey.org_id):
        return True
    return ccg_area_team_id is not None and ccg_area_team_id in access.org_ids


def can_see_respondents(access: Access, survey: Survey) -> bool:
    """Who responded, for the CCG's officers; an anonymous survey keeps only a count."""
    return survey.anonymity != Anonymity.ANONYMOUS and can_manage(access, survey)


def can_have_response(access: Access) -> bool:
    """Only a signed-in person has a response of their own (an anonymous one is found by its token)."""
    return access.signed_in


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Survey: visible_surveys,
    SurveySection: visible_sections,
    SurveyQuestion: visible_questions,
    SurveyResponse: visible_responses,
    SurveyAnswer: visible_answers,
    SurveyRespondent: visible_respondents,
    SurveyDraft: visible_drafts,
}
