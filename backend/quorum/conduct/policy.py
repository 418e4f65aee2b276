"""What of a meeting's record the caller may see: the service's half of the rules row-level security
also enforces (migration 0007). Part II business is for app.private_committee_ids only."""

from __future__ import annotations

from sqlalchemy import and_, exists, or_
from sqlmodel import select

from quorum.access import Access
from quorum.conduct.tables import (
    Action, ActionUpdate, Attendance, AttendanceMovement, Declaration, Decision, MeetingProgress, MinuteNote, Minutes,
    MinutesPart, Vote, VoteCast,
)
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus, Part


def _public_item(item_id):
    return exists(select(AgendaItem.id).where(AgendaItem.id == item_id, AgendaItem.part == Part.PUBLIC))


def _business(access: Access, table, item_id):
    return or_(
        table.committee_id.in_(access.private_committee_ids),
        and_(table.committee_id.in_(access.committee_ids), _public_item(item_id)),
    )


def progress(access: Access):
    return select(MeetingProgress).where(MeetingProgress.committee_id.in_(access.committee_ids))


def attendance(access: Access):
    return select(Attendance).where(Attendance.committee_id.in_(access.committee_ids))


def movements(access: Access):
    return select(AttendanceMovement).where(or_(
        AttendanceMovement.committee_id.in_(access.private_committee_ids),
        and_(AttendanceMovement.committee_id.in_(access.committee_ids),
             or_(AttendanceMovement.item_id.is_(None), _public_item(AttendanceMovement.item_id))),
    ))


def declarations(access: Access):
    return select(Declaration).where(_business(access, Declaration, Declaration.item_id))


def votes(access: Access):
    return select(Vote).where(_business(access, Vote, Vote.item_id))


def casts(access: Access):
    return select(VoteCast).where(or_(
        VoteCast.committee_id.in_(access.private_committee_ids),
        and_(VoteCast.committee_id.in_(access.committee_ids), votes(access).where(Vote.id == VoteCast.vote_id).exists()),
    ))


def decisions(access: Access):
    held = exists(select(Meeting.id).where(
        Meeting.id == Decision.meeting_id, Meeting.status.in_([MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED])
    ))
    return select(Decision).where(or_(
        _business(access, Decision, Decision.item_id),
        and_(_public_item(Decision.item_id), held),
    ))


def actions(access: Access):
    return select(Action).where(or_(
        Action.committee_id.in_(access.private_committee_ids),
        and_(Action.committee_id.in_(access.committee_ids), or_(Action.item_id.is_(None), _public_item(Action.item_id))),
    ))


def action_updates(access: Access):
    return select(ActionUpdate).where(actions(access).where(Action.id == ActionUpdate.action_id).exists())


def notes(access: Access):
    return select(MinuteNote).where(MinuteNote.committee_id.in_(access.private_committee_ids))


def minutes(access: Access):
    return select(Minutes).where(or_(Minutes.part == MinutesPart.PUBLIC, Minutes.committee_id.in_(access.private_committee_ids)))


def sees_drafts(access: Access, committee_id) -> bool:
    """Draft minutes and notes are for the committee's members and those who run it."""
    return committee_id in access.private_committee_ids
