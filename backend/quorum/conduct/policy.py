"""Who may see and do what of a meeting's record: the service's half of the rules row-level security also
enforces (migrations 0007, 0011 and 0014). Part II business is for app.private_committee_ids only."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, or_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.committees.tables import SeatRole
from quorum.conduct.stages import Step
from quorum.conduct.tables import (
    Action,
    ActionUpdate,
    Attendance,
    AttendanceMovement,
    Decision,
    Declaration,
    MeetingProgress,
    MinuteNote,
    Minutes,
    MinutesPart,
    PresidingMember,
    SecretTally,
    Vote,
    VoteCast,
)
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus, Part

# What the chair (or the vice chair) may do from their own screen: the rest stays with the secretary.
CHAIR_STEPS = frozenset({Step.CURRENT_ITEM, Step.VOTE, Step.DECISION})
CHAIRS = frozenset({SeatRole.CHAIR.value, SeatRole.VICE_CHAIR.value})


def _public_item(item_id: Any) -> ColumnElement[bool]:
    return exists(select(AgendaItem.id).where(col(AgendaItem.id) == item_id, col(AgendaItem.part) == Part.PUBLIC))


def _business(access: Access, committee_id: Any, item_id: Any) -> ColumnElement[bool]:
    """Part II business for those who see it; Part I business for the committee's viewers."""
    return or_(
        col(committee_id).in_(access.private_committee_ids),
        and_(col(committee_id).in_(access.committee_ids), _public_item(item_id)),
    )


def _business_or_meeting(access: Access, committee_id: Any, item_id: Any) -> ColumnElement[bool]:
    """As `_business`, where a row not taken under an item belongs to the meeting as a whole."""
    return or_(
        col(committee_id).in_(access.private_committee_ids),
        and_(col(committee_id).in_(access.committee_ids), or_(col(item_id).is_(None), _public_item(item_id))),
    )


def visible_progress(access: Access) -> SelectOfScalar[MeetingProgress]:
    return select(MeetingProgress).where(col(MeetingProgress.committee_id).in_(access.committee_ids))


def visible_attendance(access: Access) -> SelectOfScalar[Attendance]:
    return select(Attendance).where(col(Attendance.committee_id).in_(access.committee_ids))


def visible_movements(access: Access) -> SelectOfScalar[AttendanceMovement]:
    """A movement during a Part II item says which item: Part II viewers only."""
    return select(AttendanceMovement).where(
        _business_or_meeting(access, AttendanceMovement.committee_id, AttendanceMovement.item_id)
    )


def visible_declarations(access: Access) -> SelectOfScalar[Declaration]:
    return select(Declaration).where(_business(access, Declaration.committee_id, Declaration.item_id))


def visible_votes(access: Access) -> SelectOfScalar[Vote]:
    return select(Vote).where(_business(access, Vote.committee_id, Vote.item_id))


def visible_casts(access: Access) -> SelectOfScalar[VoteCast]:
    of_a_visible_vote = visible_votes(access).where(col(Vote.id) == VoteCast.vote_id).exists()
    return select(VoteCast).where(
        or_(
            col(VoteCast.committee_id).in_(access.private_committee_ids),
            and_(col(VoteCast.committee_id).in_(access.committee_ids), of_a_visible_vote),
        )
    )


def visible_secret_tallies(access: Access) -> SelectOfScalar[SecretTally]:
    return select(SecretTally).where(col(SecretTally.committee_id).in_(access.private_committee_ids))


def visible_decisions(access: Access) -> SelectOfScalar[Decision]:
    """The committee's business as above; and the decisions register: Part I decisions of held meetings are public."""
    held = exists(
        select(Meeting.id).where(
            col(Meeting.id) == Decision.meeting_id,
            col(Meeting.status).in_([MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED]),
        )
    )
    return select(Decision).where(
        or_(
            _business(access, Decision.committee_id, Decision.item_id),
            and_(_public_item(Decision.item_id), held),
        )
    )


def visible_presiding_members(access: Access) -> SelectOfScalar[PresidingMember]:
    return select(PresidingMember).where(_business(access, PresidingMember.committee_id, PresidingMember.item_id))


def visible_actions(access: Access) -> SelectOfScalar[Action]:
    return select(Action).where(_business_or_meeting(access, Action.committee_id, Action.item_id))


def visible_action_updates(access: Access) -> SelectOfScalar[ActionUpdate]:
    return select(ActionUpdate).where(visible_actions(access).where(col(Action.id) == ActionUpdate.action_id).exists())


def visible_notes(access: Access) -> SelectOfScalar[MinuteNote]:
    return select(MinuteNote).where(col(MinuteNote.committee_id).in_(access.private_committee_ids))


def visible_minutes(access: Access) -> SelectOfScalar[Minutes]:
    return select(Minutes).where(
        or_(col(Minutes.part) == MinutesPart.PUBLIC, col(Minutes.committee_id).in_(access.private_committee_ids))
    )


def can_follow(access: Access, committee_id: uuid.UUID) -> bool:
    """The live meeting is for those who can see its committee."""
    return committee_id in access.committee_ids


def can_conduct(access: Access, committee_id: uuid.UUID) -> bool:
    """The committee's board secretary or administrator runs the meeting, on the chair's direction."""
    return committee_id in access.officer_committee_ids


def can_chair(access: Access, committee_id: uuid.UUID) -> bool:
    """The caller holds the committee's chair or vice chair today (row-level security checks the same seat)."""
    return any(s.committee_id == committee_id and s.role in CHAIRS for s in access.seats)


def can_take(access: Access, committee_id: uuid.UUID, step: Step) -> bool:
    """Whether the caller may take this step of the meeting at all (its stage is the service's to check)."""
    return can_conduct(access, committee_id) or (step in CHAIR_STEPS and can_chair(access, committee_id))


def can_vote(access: Access, vote: Vote, voted: Collection[uuid.UUID]) -> bool:
    """The caller may cast their own vote now: it is open, they were eligible when it was called, and have not voted."""
    return vote.is_open and access.person_id in vote.eligible_person_ids and access.person_id not in voted


def can_see_drafts(access: Access, committee_id: uuid.UUID) -> bool:
    """Draft minutes and notes are for the committee's members and those who run it."""
    return committee_id in access.private_committee_ids


# Which rows of each table the caller may see: the same rule as each table's row-level security policy.
ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    MeetingProgress: visible_progress,
    Attendance: visible_attendance,
    AttendanceMovement: visible_movements,
    Declaration: visible_declarations,
    Vote: visible_votes,
    VoteCast: visible_casts,
    SecretTally: visible_secret_tallies,
    Decision: visible_decisions,
    PresidingMember: visible_presiding_members,
    Action: visible_actions,
    ActionUpdate: visible_action_updates,
    MinuteNote: visible_notes,
    Minutes: visible_minutes,
}
