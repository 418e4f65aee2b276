"""A concern on a committee's agenda: an item whose paper is the concern's summary, with its cover sheet, made and
moved through the papers workflow like any other (written and submitted here, approved by its sponsor, the
concern's owner), so it goes into the pack as every paper does."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record
from quorum.concerns.policy import visible_agenda_links
from quorum.concerns.service import get_concern, history, ladder
from quorum.concerns.tables import Concern, ConcernAgendaItem
from quorum.database import Db
from quorum.errors import input_error
from quorum.meetings import service as meetings
from quorum.meetings.tables import AgendaItem, Meeting, Part, Purpose
from quorum.organisations.tables import Practice
from quorum.papers import service as papers
from quorum.papers.tables import Paper, PaperStatus

CATEGORY_WORDS = {
    "SAFETY": "safety",
    "EFFECTIVENESS": "effectiveness",
    "EXPERIENCE": "experience",
    "WELL_LED": "well-led",
}


async def subject_name(db: Db, concern: Concern) -> str:
    if concern.practice_id is None:
        return concern.provider_name or ""
    return await db.scalar(select(Practice.name).where(Practice.id == concern.practice_id)) or "A member practice"


async def cover_sheet(db: Db, access: Access, concern: Concern) -> dict:
    steps = {s.id: s for s in await ladder(db, access, concern.org_id)}
    current = steps[concern.current_step_id]
    moves = await history(db, access, concern)
    subject = await subject_name(db, concern)
    lines = [
        f"# {concern.title}",
        "",
        f"**About:** {subject}  ",
        f"**Category:** {CATEGORY_WORDS[concern.category]}; **source:** {concern.source.replace('_', ' ').lower()}  ",
        f"**Step:** {current.position}. {current.name}  ",
        f"**Review date:** {concern.review_date:%d %B %Y}",
        "",
        concern.summary,
        "",
        "## Steps on the ladder",
        "",
        "| when | to | why | what happens next |",
        "|---|---|---|---|",
        *(
            f"| {m.decided_at:%d %b %Y} | {steps[m.to_step_id].name} | {m.reason} | {m.next_steps} |"
            for m in moves
            if m.decided_at is not None
        ),
    ]
    next_steps = moves[-1].next_steps if moves else ""
    return {
        "purpose": Purpose.ASSURANCE.value,
        "executive_summary": f"{subject}: {concern.summary}",
        "recommendation": "The committee is asked to take assurance on the handling of this concern, or to direct "
        "a change of step on the escalation ladder.",
        "strategic_objectives": "Commissioning for quality: assuring the quality of commissioned services.",
        "assurance_risks": f"The concern stands at step {current.position} ({current.name}). Next: {next_steps}",
        "conflicts_noted": "None known to the author; members declare their interests at the meeting.",
        "impacts": {"quality": {"applies": True, "detail": f"A {CATEGORY_WORDS[concern.category]} concern."}},
        "public_involvement": "None: the paper reports the handling of a concern.",
        "body_markdown": "\n".join(lines) + "\n",
    }


async def add_submitted_paper(
    db: Db,
    access: Access,
    meeting: Meeting,
    title: str,
    *,
    minutes: int,
    part: Part,
    sponsor_id: uuid.UUID,
    fields: dict[str, Any],
) -> tuple[AgendaItem, Paper]:
    """An agenda item with its paper written by the caller and submitted to `sponsor_id` for approval."""
    item = await meetings.add_item(
        db,
        access,
        meeting_id=meeting.id,
        parent_id=None,
        title=title,
        presenter="",
        minutes_allotted=minutes,
        purpose=Purpose.ASSURANCE,
        part=part,
        needs_paper=True,
    )
    author = access.person_id
    assert author is not None  # only a signed-in caller runs a meeting
    paper = await papers.request_paper(
        db,
        access,
        item_id=item.id,
        meeting_id=meeting.id,
        title=title,
        author_id=author,
        sponsor_id=sponsor_id,
        due_date=clock.today(),
    )
    await papers.save_draft(db, access, paper.id, is_public=part == Part.PUBLIC, fields=fields)
    await papers.move(db, access, paper.id, PaperStatus.SUBMITTED)
    return item, paper


async def put_on_agenda(
    db: Db, access: Access, concern_id: uuid.UUID, meeting_id: uuid.UUID, part: Part = Part.PRIVATE
) -> ConcernAgendaItem:
    concern = await get_concern(db, access, concern_id)
    if concern.closed_at is not None:
        raise input_error("concernId", "This concern is closed.")
    meeting = await meetings.run_meeting(db, access, meeting_id)
    if clock.local_date(meeting.starts_at) < clock.today():
        raise input_error("meetingId", "That meeting has already taken place.")
    title = f"Quality concern: {concern.title}"[:300]
    fields = await cover_sheet(db, access, concern)
    item, paper = await add_submitted_paper(
        db, access, meeting, title, minutes=15, part=part, sponsor_id=concern.owner_id, fields=fields
    )
    link = await db.add(
        ConcernAgendaItem(
            org_id=concern.org_id,
            concern_id=concern.id,
            item_org_id=item.org_id,
            item_id=item.id,
            paper_id=paper.id,
            added_by=access.person_id,
        )
    )
    await record(db, access, "concern.put_on_agenda", link, org_id=concern.org_id)
    return link


async def agenda_links(db: Db, access: Access, concern: Concern) -> list[ConcernAgendaItem]:
    return await db.all(
        visible_agenda_links(access)
        .where(ConcernAgendaItem.org_id == concern.org_id, ConcernAgendaItem.concern_id == concern.id)
        .order_by(ConcernAgendaItem.added_at)
    )
