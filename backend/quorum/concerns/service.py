"""The quality concerns register: logging a concern, moving it up and down the CCG's ladder, its owner and review
date, its evidence, closing it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlmodel import col

from quorum import clock
from quorum.access import QUALITY_ROLES, Access
from quorum.audit.service import record, snapshot
from quorum.concerns.policy import (
    can_change,
    can_log,
    visible_concerns,
    visible_evidence,
    visible_ladder_steps,
    visible_step_changes,
)
from quorum.concerns.tables import (
    Concern,
    ConcernCategory,
    ConcernEvidence,
    ConcernSource,
    ConcernStepChange,
    LadderStep,
    ProviderType,
    StepDirection,
)
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.files import service as files
from quorum.organisations.policy import visible_practices
from quorum.organisations.tables import Practice
from quorum.outbox import service as outbox
from quorum.people.policy import visible_memberships
from quorum.people.tables import Membership

DEFAULT_LADDER = (
    ("Routine monitoring", "Watched through the usual contract and quality reviews."),
    ("Enhanced surveillance", "Named actions with owners, and more frequent review."),
    ("Risk summit", "A risk summit convened with partners: the provider, regulators and NHS England."),
    ("Intervention", "Intervention or commissioning action."),
)
EVIDENCE_KINDS = (files.PDF, files.WORD, files.EXCEL)
MAX_TEXT = 5000


@dataclass(frozen=True)
class Subject:
    """What a concern is about: a member practice, or a named provider of a known type."""

    practice_id: uuid.UUID | None = None
    provider_name: str | None = None
    provider_type: ProviderType | None = None


async def ladder(db: Db, access: Access, org_id: uuid.UUID) -> list[LadderStep]:
    """The organisation's ladder, lowest step first (empty until its first concern gives it the default one)."""
    return await db.all(visible_ladder_steps(access).where(LadderStep.org_id == org_id).order_by(LadderStep.position))


async def _ladder_for_logging(db: Db, access: Access, org_id: uuid.UUID) -> list[LadderStep]:
    steps = await ladder(db, access, org_id)
    if steps:
        return steps
    # Two first concerns logged at once both find no ladder: the second's insert gives way to the first's.
    for position, (name, description) in enumerate(DEFAULT_LADDER, start=1):
        await db.execute(
            pg_insert(LadderStep)
            .values(org_id=org_id, position=position, name=name, description=description)
            .on_conflict_do_nothing(index_elements=["org_id", "position"])
        )
    return await ladder(db, access, org_id)


async def get_concern(db: Db, access: Access, concern_id: uuid.UUID, field: str = "concernId") -> Concern:
    concern = await db.first(visible_concerns(access).where(Concern.id == concern_id))
    if concern is None:
        raise input_error(field, "No such concern.")
    return concern


async def _changeable(db: Db, access: Access, concern_id: uuid.UUID, field: str = "id") -> Concern:
    concern = await get_concern(db, access, concern_id, field)
    if not can_change(access, concern):
        raise input_error(None, "You may read this concern, not change it.")
    if concern.closed_at is not None:
        raise input_error(None, "This concern is closed.")
    return concern


def _text(field: str, value: str, what: str, errors: list[UserError], limit: int = MAX_TEXT) -> str:
    value = value.strip()
    if not value:
        errors.append(UserError(field=field, message=f"Say {what}."))
    elif len(value) > limit:
        errors.append(UserError(field=field, message=f"Keep it to {limit:,} characters."))
    return value


def _review_date(review_date: date, errors: list[UserError]) -> None:
    if review_date < clock.today():
        errors.append(UserError(field="reviewDate", message="The review date cannot be in the past."))


async def _owner_error(db: Db, access: Access, org_id: uuid.UUID, owner_id: uuid.UUID) -> UserError | None:
    today = clock.today()
    member = await db.first(
        visible_memberships(access).where(
            Membership.org_id == org_id,
            Membership.person_id == owner_id,
            col(Membership.role).in_(QUALITY_ROLES),
            Membership.valid_from <= today,
            or_(col(Membership.valid_to).is_(None), col(Membership.valid_to) >= today),
        )
    )
    if member is None:
        return UserError(field="ownerId", message="Choose an owner from the CCG's officers, staff or governing body.")
    return None


async def _subject(db: Db, access: Access, org_id: uuid.UUID, subject: Subject, errors: list[UserError]) -> Subject:
    if subject.practice_id is not None:
        if subject.provider_name or subject.provider_type:
            errors.append(
                UserError(field="practiceId", message="A concern is about a practice or a provider, not both.")
            )
        practice = await db.first(
            visible_practices(access).where(Practice.id == subject.practice_id, Practice.org_id == org_id)
        )
        if practice is None:
            errors.append(UserError(field="practiceId", message="No such member practice of this CCG."))
        return Subject(practice_id=subject.practice_id)
    name = (subject.provider_name or "").strip()
    if not name or len(name) > 300:
        errors.append(UserError(field="providerName", message="Name the provider (300 characters or fewer)."))
    if subject.provider_type is None:
        errors.append(UserError(field="providerType", message="Say what kind of provider it is."))
    return Subject(provider_name=name, provider_type=subject.provider_type)


async def log_concern(
    db: Db,
    access: Access,
    org_id: uuid.UUID,
    *,
    subject: Subject,
    source: ConcernSource,
    category: ConcernCategory,
    title: str,
    summary: str,
    owner_id: uuid.UUID,
    review_date: date,
    next_steps: str,
) -> Concern:
    if not can_log(access, org_id):
        raise input_error("organisationId", "Only the CCG's officers, staff and governing body log its concerns.")
    errors: list[UserError] = []
    subject = await _subject(db, access, org_id, subject, errors)
    title = _text("title", title, "what the concern is", errors, limit=300)
    summary = _text("summary", summary, "what is known so far", errors)
    next_steps = _text("nextSteps", next_steps, "what happens next", errors)
    _review_date(review_date, errors)
    if owner_error := await _owner_error(db, access, org_id, owner_id):
        errors.append(owner_error)
    if errors:
        raise InputErrors(*errors)
    lowest = (await _ladder_for_logging(db, access, org_id))[0]
    concern = await db.add(
        Concern(
            org_id=org_id,
            practice_id=subject.practice_id,
            provider_name=subject.provider_name,
            provider_type=subject.provider_type,
            source=source,
            category=category,
            title=title,
            summary=summary,
            owner_id=owner_id,
            review_date=review_date,
            current_step_id=lowest.id,
            logged_by=access.person_id,
        )
    )
    await db.add(
        ConcernStepChange(
            org_id=org_id,
            concern_id=concern.id,
            to_step_id=lowest.id,
            direction=StepDirection.LOGGED,
            decided_by=access.person_id,
            reason="Logged.",
            next_steps=next_steps,
        )
    )
    await record(db, access, "concern.log", concern, org_id=org_id)
    await _tell_new_owner(db, access, concern)
    return concern


async def move_concern(
    db: Db,
    access: Access,
    concern_id: uuid.UUID,
    *,
    direction: StepDirection,
    step_id: uuid.UUID,
    reason: str,
    next_steps: str,
) -> Concern:
    """Escalate (direction UP) or de-escalate (DOWN) to a step of the CCG's ladder, saying why and what next."""
    concern = await _changeable(db, access, concern_id)
    steps = {step.id: step for step in await ladder(db, access, concern.org_id)}
    errors: list[UserError] = []
    target, current = steps.get(step_id), steps[concern.current_step_id]
    if target is None:
        errors.append(UserError(field="stepId", message="No such step on this CCG's ladder."))
    elif direction == StepDirection.UP and target.position <= current.position:
        errors.append(UserError(field="stepId", message=f"Escalate to a step above {current.name}."))
    elif direction == StepDirection.DOWN and target.position >= current.position:
        errors.append(UserError(field="stepId", message=f"De-escalate to a step below {current.name}."))
    reason = _text("reason", reason, "why", errors)
    next_steps = _text("nextSteps", next_steps, "what happens next", errors)
    if errors or target is None:
        raise InputErrors(*errors)
    before = snapshot(concern)
    await db.add(
        ConcernStepChange(
            org_id=concern.org_id,
            concern_id=concern.id,
            from_step_id=current.id,
            to_step_id=target.id,
            direction=direction,
            decided_by=access.person_id,
            reason=reason,
            next_steps=next_steps,
        )
    )
    concern.current_step_id = target.id
    await db.add(concern)
    action = "concern.escalate" if direction == StepDirection.UP else "concern.de_escalate"
    await record(db, access, action, concern, org_id=concern.org_id, before=before)
    return concern


async def update_concern(
    db: Db,
    access: Access,
    concern_id: uuid.UUID,
    *,
    owner_id: uuid.UUID,
    review_date: date,
    escalated_to_nhs_england: bool,
) -> Concern:
    concern = await _changeable(db, access, concern_id)
    errors: list[UserError] = []
    if review_date != concern.review_date:
        _review_date(review_date, errors)
    if owner_id != concern.owner_id and (owner_error := await _owner_error(db, access, concern.org_id, owner_id)):
        errors.append(owner_error)
    if errors:
        raise InputErrors(*errors)
    before = snapshot(concern)
    passed_on = owner_id != concern.owner_id
    concern.owner_id, concern.review_date = owner_id, review_date
    concern.escalated_to_nhs_england = escalated_to_nhs_england
    await db.add(concern)
    await record(db, access, "concern.update", concern, org_id=concern.org_id, before=before)
    if passed_on:
        await _tell_new_owner(db, access, concern)
    return concern


async def _tell_new_owner(db: Db, access: Access, concern: Concern) -> None:
    if concern.owner_id != access.person_id:
        await outbox.record(
            db,
            access,
            "concern_assigned",
            org_id=concern.org_id,
            subject_id=concern.id,
            payload={"owner_id": str(concern.owner_id)},
        )


async def close_concern(db: Db, access: Access, concern_id: uuid.UUID) -> Concern:
    concern = await _changeable(db, access, concern_id)
    before = snapshot(concern)
    concern.closed_at = clock.now()
    await db.add(concern)
    await record(db, access, "concern.close", concern, org_id=concern.org_id, before=before)
    return concern


async def add_evidence(
    db: Db, access: Access, concern_id: uuid.UUID, *, description: str, filename: str, content_base64: str
) -> ConcernEvidence:
    concern = await _changeable(db, access, concern_id, "concernId")
    if not can_log(access, concern.org_id):
        raise input_error(None, "Evidence is added by the CCG's officers, staff and governing body.")
    if len(description.strip()) > 300:
        raise input_error("description", "Keep the description to 300 characters.")
    inspection = await files.inspected(
        "contentBase64", filename, files.decode_upload("contentBase64", content_base64), EVIDENCE_KINDS
    )
    stored = await files.keep(db, access, org_id=concern.org_id, filename=filename, inspection=inspection)
    evidence = await db.add(
        ConcernEvidence(
            org_id=concern.org_id,
            concern_id=concern.id,
            file_id=stored.id,
            description=description.strip(),
            added_by=access.person_id,
        )
    )
    await record(db, access, "concern.add_evidence", evidence, org_id=concern.org_id)
    return evidence


async def history(db: Db, access: Access, concern: Concern) -> list[ConcernStepChange]:
    return await db.all(
        visible_step_changes(access)
        .where(ConcernStepChange.org_id == concern.org_id, ConcernStepChange.concern_id == concern.id)
        .order_by(col(ConcernStepChange.decided_at), col(ConcernStepChange.id))
    )


async def evidence(db: Db, access: Access, concern: Concern) -> list[ConcernEvidence]:
    return await db.all(
        visible_evidence(access)
        .where(ConcernEvidence.org_id == concern.org_id, ConcernEvidence.concern_id == concern.id)
        .order_by(col(ConcernEvidence.added_at), col(ConcernEvidence.id))
    )
