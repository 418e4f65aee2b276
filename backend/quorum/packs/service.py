"""Starting pack builds, publishing them, and what a pack may hold."""

from __future__ import annotations

import uuid

from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.meetings.service import items_of, run_meeting
from quorum.meetings.tables import Meeting, MeetingStatus, Part
from quorum.outbox import service as outbox
from quorum.packs import builder
from quorum.packs.policy import visible_builds
from quorum.packs.tables import BuildStatus, PackBuild
from quorum.papers.tables import Appendix, Paper, PaperStatus, PaperVersion


async def _approved_versions(db: Db, access: Access, meeting: Meeting, part: Part) -> list[tuple[Paper, PaperVersion]]:
    """Each paper's latest approved version, for the items this part of the pack holds."""
    items = {i.id: i for i in await items_of(db, access, meeting.id) if part == Part.PRIVATE or i.part == Part.PUBLIC}
    papers = await db.all(
        select(Paper).where(
            Paper.meeting_id == meeting.id,
            Paper.item_id.in_(items),
            Paper.status.in_([PaperStatus.APPROVED, PaperStatus.INCLUDED]),
        )
    )
    if part == Part.PUBLIC:
        papers = [p for p in papers if p.is_public]
    versions = await db.all(
        select(PaperVersion)
        .where(PaperVersion.paper_id.in_([p.id for p in papers]), PaperVersion.approved_at.is_not(None))
        .order_by(PaperVersion.number)
    )
    latest = {v.paper_id: v for v in versions}
    return [(p, latest[p.id]) for p in papers if p.id in latest]


def _live(build: PackBuild) -> bool:
    """Published and not withdrawn."""
    return build.published_at is not None and build.withdrawn_at is None


async def start_build(db: Db, access: Access, meeting_id: uuid.UUID, part: Part, supplement: bool) -> PackBuild:
    meeting = await run_meeting(db, access, meeting_id)
    chosen = await _approved_versions(db, access, meeting, part)
    earlier = await db.all(
        select(PackBuild).where(
            PackBuild.meeting_id == meeting.id, PackBuild.part == part, PackBuild.session_id.is_(None)
        )
    )
    if supplement:
        published = {v for b in earlier if _live(b) for v in b.paper_version_ids}
        if not published:
            raise input_error("supplement", "A supplement follows a published pack; publish the pack first.")
        chosen = [(p, v) for p, v in chosen if v.id not in published]
        if not chosen:
            raise input_error("supplement", "No paper has been approved since the pack was published.")
    problems = await db.all(
        select(Appendix).where(Appendix.version_id.in_([v.id for _, v in chosen]), Appendix.problem.is_not(None))
    )
    if problems:
        titles = {v.id: p.title for p, v in chosen}
        raise InputErrors(
            *(
                UserError(field=None, message=f"{titles[a.version_id]}: appendix “{a.title}”: {a.problem}")
                for a in problems
            )
        )
    build = PackBuild(
        org_id=meeting.org_id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        part=part,
        number=max((b.number for b in earlier), default=0) + 1,
        is_supplement=supplement,
        paper_version_ids=[v.id for _, v in chosen],
        created_by=access.person_id,
    )
    await db.add(build)
    await record(db, access, "pack.build", build, org_id=build.org_id)
    await builder.start(db, access, build)
    return build


async def publish(db: Db, access: Access, build_id: uuid.UUID) -> PackBuild:
    build = await db.first(visible_builds(access).where(PackBuild.id == build_id))
    if build is None:
        raise input_error("id", "No such pack.")
    meeting = await run_meeting(db, access, build.meeting_id)
    if BuildStatus(build.status) != BuildStatus.DONE:
        raise input_error("id", "Only a finished build can be published.")
    if build.withdrawn_at is not None:
        raise input_error("id", "That pack was withdrawn; build the pack again to publish it.")
    if build.published_at is not None:
        raise input_error("id", "That pack is already published.")
    if MeetingStatus(meeting.status) == MeetingStatus.DRAFT:
        raise input_error("id", "Publish the agenda before its papers.")
    now = clock.now()
    before = snapshot(build)
    build.published_at = now
    await db.add(build)
    # A session's pack may hold other parties' papers, published by them already; it publishes only its own.
    own = select(PaperVersion.id).where(
        PaperVersion.id.in_(build.paper_version_ids), PaperVersion.org_id == build.org_id
    )
    for version in await db.all(select(PaperVersion).where(PaperVersion.id.in_(own))):
        if version.published_at is None:
            version.published_at = now
            await db.add(version)
    for paper in await db.all(
        select(Paper).where(Paper.id.in_(select(PaperVersion.paper_id).where(PaperVersion.id.in_(own))))
    ):
        paper.status = PaperStatus.INCLUDED
        await db.add(paper)
    if build.session_id is None and MeetingStatus(meeting.status) == MeetingStatus.AGENDA_PUBLISHED:
        meeting.status = MeetingStatus.PAPERS_PUBLISHED
        await db.add(meeting)
    await record(db, access, "pack.publish", build, org_id=build.org_id, before=before)
    await outbox.record(
        db,
        access,
        "pack_published",
        org_id=build.org_id,
        subject_id=build.id,
        payload={
            "meeting_id": build.meeting_id,
            "committee_id": build.committee_id,
            "part": build.part,
            "supplement": build.is_supplement,
            "number": build.number,
        },
    )
    return build


WITHDRAWAL_REASON_LIMIT = 1000


async def unpublish(db: Db, access: Access, build_id: uuid.UUID, reason: str) -> PackBuild:
    """Withdraw a published pack, saying why. The public then reads the reason where the pack was."""
    reason = reason.strip()
    if not reason:
        raise input_error("reason", "Enter the reason for withdrawing the pack.")
    if len(reason) > WITHDRAWAL_REASON_LIMIT:
        raise input_error("reason", f"The reason must be {WITHDRAWAL_REASON_LIMIT} characters or fewer.")
    build = await db.first(visible_builds(access).where(PackBuild.id == build_id))
    if build is None:
        raise input_error("id", "No such pack.")
    meeting = await run_meeting(db, access, build.meeting_id)
    if build.published_at is None:
        raise input_error("id", "That pack is not published.")
    if build.withdrawn_at is not None:
        raise input_error("id", "That pack is already withdrawn.")
    before = snapshot(build)
    build.withdrawn_at = clock.now()
    build.withdrawn_reason = reason
    build.withdrawn_by = access.person_id
    await db.add(build)
    if build.session_id is None and MeetingStatus(meeting.status) == MeetingStatus.PAPERS_PUBLISHED:
        others = await db.all(
            select(PackBuild).where(
                PackBuild.meeting_id == meeting.id, PackBuild.session_id.is_(None), PackBuild.id != build.id
            )
        )
        if not any(_live(b) for b in others):
            meeting.status = MeetingStatus.AGENDA_PUBLISHED
            await db.add(meeting)
    await record(db, access, "pack.unpublish", build, org_id=build.org_id, before=before)
    return build
