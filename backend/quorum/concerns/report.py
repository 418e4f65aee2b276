"""The monthly quality report: the register's month (concerns logged, escalated, de-escalated, and reviews overdue)
as a paper with its cover sheet on a governing body's agenda."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, or_
from sqlmodel import col, select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record
from quorum.committees.tables import Committee, CommitteeKind
from quorum.concerns.agenda import CATEGORY_WORDS, add_submitted_paper, subject_name
from quorum.concerns.policy import can_log, visible_concerns, visible_step_changes
from quorum.concerns.tables import Concern, ConcernStepChange, StepDirection
from quorum.database import Db
from quorum.errors import input_error
from quorum.meetings import service as meetings
from quorum.meetings.tables import Part, Purpose
from quorum.papers.tables import Paper


@dataclass(frozen=True)
class QualityFigures:
    month: date  # its first day
    logged: list[Concern]
    escalated: list[Concern]
    de_escalated: list[Concern]
    overdue: list[Concern]
    open_at_end: int


def month_bounds(month: date) -> tuple[datetime, datetime]:
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return datetime.combine(first, time(), tzinfo=clock.LONDON), datetime.combine(
        following, time(), tzinfo=clock.LONDON
    )


async def figures(db: Db, access: Access, org_id: uuid.UUID, month: date) -> QualityFigures:
    """The register's month as the caller sees it. A review is overdue when its concern was open at the month's
    end (or now, for the current month) and its review date had passed by then."""
    start, end = month_bounds(month)
    cutoff = min(end, clock.now())
    concerns = visible_concerns(access).where(Concern.org_id == org_id).order_by(col(Concern.logged_at))
    open_then = and_(
        col(Concern.logged_at) < cutoff, or_(col(Concern.closed_at).is_(None), col(Concern.closed_at) >= cutoff)
    )

    async def moved(direction: StepDirection) -> list[Concern]:
        changes = visible_step_changes(access).where(
            ConcernStepChange.org_id == org_id,
            ConcernStepChange.direction == direction,
            col(ConcernStepChange.decided_at) >= start,
            col(ConcernStepChange.decided_at) < end,
        )
        ids = {c.concern_id for c in await db.all(changes)}
        return [c for c in await db.all(concerns) if c.id in ids]

    return QualityFigures(
        month=month.replace(day=1),
        logged=await db.all(concerns.where(col(Concern.logged_at) >= start, col(Concern.logged_at) < end)),
        escalated=await moved(StepDirection.UP),
        de_escalated=await moved(StepDirection.DOWN),
        overdue=await db.all(concerns.where(open_then, col(Concern.review_date) < clock.local_date(cutoff))),
        open_at_end=len(await db.all(concerns.where(open_then))),
    )


async def _body(db: Db, report: QualityFigures) -> str:
    lines = [
        f"# Quality report: {report.month:%B %Y}",
        "",
        "| measure | concerns |",
        "|---|---:|",
        f"| New concerns logged | {len(report.logged)} |",
        f"| Escalated | {len(report.escalated)} |",
        f"| De-escalated | {len(report.de_escalated)} |",
        f"| Reviews overdue | {len(report.overdue)} |",
        f"| Open at the month's end | {report.open_at_end} |",
    ]
    for heading, concerns in (
        ("New concerns", report.logged),
        ("Escalated", report.escalated),
        ("De-escalated", report.de_escalated),
        ("Reviews overdue", report.overdue),
    ):
        if concerns:
            lines += ["", f"## {heading}", ""]
            for c in concerns:
                subject = await subject_name(db, c)
                lines.append(f"- {c.title} ({subject}; {CATEGORY_WORDS[c.category]}; review {c.review_date:%d %b %Y})")
    return "\n".join(lines) + "\n"


async def generate_quality_report(
    db: Db, access: Access, meeting_id: uuid.UUID, month: date, part: Part = Part.PRIVATE
) -> tuple[QualityFigures, Paper]:
    meeting = await meetings.run_meeting(db, access, meeting_id)
    committee = await db.first(select(Committee).where(Committee.id == meeting.committee_id))
    if committee is None or committee.kind != CommitteeKind.GOVERNING_BODY:
        raise input_error("meetingId", "The quality report goes to a governing body's meeting.")
    if not can_log(access, meeting.org_id):
        raise input_error(None, "Only the CCG's officers, staff and governing body report on its concerns.")
    if month.replace(day=1) > clock.today():
        raise input_error("month", "Choose a month that has begun.")
    report = await figures(db, access, meeting.org_id, month)
    title = f"Quality report: {report.month:%B %Y}"
    summary = (
        f"In {report.month:%B %Y}: {len(report.logged)} new concerns, {len(report.escalated)} escalated, "
        f"{len(report.de_escalated)} de-escalated, {len(report.overdue)} reviews overdue; "
        f"{report.open_at_end} open at the month's end."
    )
    fields = {
        "purpose": Purpose.ASSURANCE.value,
        "executive_summary": summary,
        "recommendation": "The governing body is asked to take assurance from the quality concerns register.",
        "strategic_objectives": "Commissioning for quality: assuring the quality of commissioned services.",
        "assurance_risks": f"{len(report.overdue)} concerns are past their review date.",
        "conflicts_noted": "None known to the author; members declare their interests at the meeting.",
        "impacts": {"quality": {"applies": True, "detail": "Reports on the quality of commissioned services."}},
        "public_involvement": "None: the report summarises the concerns register.",
        "body_markdown": await _body(db, report),
    }
    person = access.person_id
    assert person is not None
    _, paper = await add_submitted_paper(
        db, access, meeting, title, minutes=20, part=part, sponsor_id=person, fields=fields
    )
    await record(db, access, "concern.quality_report", paper, org_id=meeting.org_id)
    return report, paper
