"""Who sees and changes a quality concern. A CCG's administrators, board secretaries, governing body members and
staff see its register, and its owner their concern; a concern about a practice is open to the members of a
committee whose live delegation covers the CCG (read, and changed where the delegation holds contracts, as for
contract records); the area team's officers see it once escalated to NHS England, or when they hold the practice's
contract. Migration 0021 says the same in SQL; access ends the instant a delegation does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, and_, false, or_, true
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.concerns.tables import Concern, ConcernAgendaItem, ConcernEvidence, ConcernStepChange, LadderStep
from quorum.contracts.tables import PrimaryCareContract
from quorum.organisations.tables import Organisation


def visible_concerns(access: Access) -> SelectOfScalar[Concern]:
    about_practice = col(Concern.practice_id).is_not(None)
    area_teams = access.area_officer_org_ids
    escalated_in_area = and_(
        col(Concern.escalated_to_nhs_england),
        select(Organisation.id)
        .where(Organisation.id == Concern.org_id, col(Organisation.area_team_id).in_(area_teams))
        .exists(),
    )
    contract_held = and_(
        about_practice,
        select(PrimaryCareContract.id)
        .where(PrimaryCareContract.practice_id == Concern.practice_id, col(PrimaryCareContract.org_id).in_(area_teams))
        .exists(),
    )
    return select(Concern).where(
        or_(
            col(Concern.org_id).in_(access.quality_org_ids),
            col(Concern.owner_id) == access.person_id if access.person_id else false(),
            and_(about_practice, col(Concern.org_id).in_(access.contract_read_ccgs)),
            escalated_in_area,
            contract_held,
        )
    )


def visible_ladder_steps(access: Access) -> SelectOfScalar[LadderStep]:
    return select(LadderStep).where(true() if access.signed_in else false())


def _of_visible_concern(access: Access, org_id: Any, concern_id: Any) -> Any:
    concern = visible_concerns(access).subquery()
    return select(concern.c.id).where(concern.c.org_id == org_id, concern.c.id == concern_id).exists()


def visible_step_changes(access: Access) -> SelectOfScalar[ConcernStepChange]:
    return select(ConcernStepChange).where(
        _of_visible_concern(access, ConcernStepChange.org_id, ConcernStepChange.concern_id)
    )


def visible_evidence(access: Access) -> SelectOfScalar[ConcernEvidence]:
    return select(ConcernEvidence).where(
        _of_visible_concern(access, ConcernEvidence.org_id, ConcernEvidence.concern_id)
    )


def visible_agenda_links(access: Access) -> SelectOfScalar[ConcernAgendaItem]:
    return select(ConcernAgendaItem).where(
        _of_visible_concern(access, ConcernAgendaItem.org_id, ConcernAgendaItem.concern_id)
    )


def can_log(access: Access, org_id: Any) -> bool:
    return org_id in access.quality_org_ids


def can_change(access: Access, concern: Concern) -> bool:
    """Escalate, de-escalate, reassign, close, add evidence: the CCG, the owner, or a delegation holding contracts."""
    return (
        concern.org_id in access.quality_org_ids
        or concern.owner_id == access.person_id
        or (concern.practice_id is not None and concern.org_id in access.contract_write_ccgs)
    )


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    LadderStep: visible_ladder_steps,
    Concern: visible_concerns,
    ConcernStepChange: visible_step_changes,
    ConcernEvidence: visible_evidence,
    ConcernAgendaItem: visible_agenda_links,
}
