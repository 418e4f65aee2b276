"""The action log: actions raised at a meeting, carried to each later meeting of the committee until closed."""

from __future__ import annotations

import uuid
from datetime import date

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.conduct import policy
from quorum.conduct.live import EventKind, announce
from quorum.conduct.service import conducted, item_in
from quorum.conduct.stages import Step
from quorum.conduct.tables import Action, ActionStatus, ActionUpdate
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.outbox import service as outbox
from quorum.people.policy import visible_people
from quorum.people.tables import Person

MAX_TEXT = 2000
# Which status may follow which; a closed action stays closed (raise a new one instead).
NEXT_STATUS = {
    ActionStatus.OPEN: {ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.CLOSED},
    ActionStatus.IN_PROGRESS: {ActionStatus.IN_PROGRESS, ActionStatus.OPEN, ActionStatus.CLOSED},
    ActionStatus.CLOSED: set(),
}


async def add_action(
    db: Db,
    access: Access,
    *,
    meeting_id: uuid.UUID,
    item_id: uuid.UUID | None,
    description: str,
    owner_id: uuid.UUID,
    due_date: date,
) -> Action:
    meeting, _ = await conducted(db, access, meeting_id, Step.ACTION)
    item = item_id and await item_in(db, access, meeting, item_id)
    errors = []
    if not description.strip() or len(description) > MAX_TEXT:
        errors.append(
            UserError(field="description", message=f"Say what is to be done ({MAX_TEXT:,} characters or fewer).")
        )
    if await db.first(visible_people(access).where(Person.id == owner_id)) is None:
        errors.append(UserError(field="ownerId", message="Choose the owner from the people you can see."))
    if due_date < clock.local_date(meeting.starts_at):
        errors.append(
            UserError(field="dueDate", message="The action cannot fall due before the meeting that raised it.")
        )
    if errors:
        raise InputErrors(*errors)
    action = Action(
        org_id=meeting.org_id,
        committee_id=meeting.committee_id,
        meeting_id=meeting.id,
        item_id=item and item.id,
        description=description.strip(),
        owner_id=owner_id,
        due_date=due_date,
        raised_by=access.person_id,
        raised_at=clock.now(),
    )
    await db.add(action)
    await record(db, access, "action.raise", action, org_id=meeting.org_id)
    await outbox.record(
        db,
        access,
        "action_assigned",
        org_id=action.org_id,
        subject_id=action.id,
        payload={"owner_id": action.owner_id, "meeting_id": meeting.id, "due_date": action.due_date},
    )
    await announce(db, meeting.id, EventKind.ACTION, item_id=item and item.id)
    return action


async def update_action(
    db: Db,
    access: Access,
    *,
    action_id: uuid.UUID,
    status: ActionStatus,
    note: str,
    meeting_id: uuid.UUID | None,
    owner_id: uuid.UUID | None = None,
) -> Action:
    """Progress on an action, reported at a meeting of its committee or between meetings; or the action given to
    someone else (`owner_id`), who is told."""
    action = await db.first(policy.visible_actions(access).where(Action.id == action_id))
    if action is None:
        raise input_error("id", "No such action.")
    meeting = None
    if meeting_id is not None:
        meeting, _ = await conducted(db, access, meeting_id, Step.ACTION)
        if meeting.committee_id != action.committee_id:
            raise input_error("meetingId", "Report an action at a meeting of the committee that raised it.")
    elif not policy.can_conduct(access, action.committee_id):
        raise input_error(None, "Only the committee's board secretary or an administrator can update its action log.")
    current = ActionStatus(action.status)
    if status not in NEXT_STATUS[current]:
        raise input_error("status", "This action is closed; raise a new one if more is to be done.")
    if len(note) > MAX_TEXT:
        raise input_error("note", f"Keep the note to {MAX_TEXT:,} characters.")
    reassigned = owner_id is not None and owner_id != action.owner_id
    if reassigned:
        if status == ActionStatus.CLOSED:
            raise input_error("ownerId", "A closed action is not given to anyone.")
        if await db.first(visible_people(access).where(Person.id == owner_id)) is None:
            raise input_error("ownerId", "Choose the owner from the people you can see.")
    elif status == current and not note.strip():
        raise input_error("note", "Give a progress note, a new status or a new owner.")
    before = snapshot(action)
    previous_owner = action.owner_id
    action.status = status
    if reassigned and owner_id is not None:
        action.owner_id = owner_id
    if status == ActionStatus.CLOSED:
        action.closed_at, action.closed_at_meeting_id = clock.now(), meeting and meeting.id
    await db.add(action)
    await db.add(
        ActionUpdate(
            org_id=action.org_id,
            action_id=action.id,
            committee_id=action.committee_id,
            meeting_id=meeting and meeting.id,
            status=status,
            note=note.strip(),
            at=clock.now(),
            recorded_by=access.person_id,
        ),
        refresh=False,
    )
    await record(db, access, "action.update", action, org_id=action.org_id, before=before)
    if reassigned:
        await outbox.record(
            db,
            access,
            "action_assigned",
            org_id=action.org_id,
            subject_id=action.id,
            payload={
                "owner_id": action.owner_id,
                "meeting_id": action.meeting_id,
                "due_date": action.due_date,
                "previous_owner_id": previous_owner,
            },
        )
    if meeting is not None:
        await announce(db, meeting.id, EventKind.ACTION)
    return action


def log(access: Access, committee_id: uuid.UUID, include_closed: bool):
    statement = policy.visible_actions(access).where(Action.committee_id == committee_id)
    if not include_closed:
        statement = statement.where(Action.status != ActionStatus.CLOSED)
    return statement
