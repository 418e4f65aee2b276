"""Building a pack in the background: gather, compile with Typst, store, reporting progress live."""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import typst
from pypdf import PdfReader
from sqlmodel import select

from quorum import clock, events, jobs
from quorum.access import Access
from quorum.auth.identity import Identity, transaction_for
from quorum.committees.tables import Committee
from quorum.database import Db, is_unavailable
from quorum.files import conversion
from quorum.files.tables import ConversionStatus, FileConversion, StoredFile
from quorum.meetings import agenda
from quorum.meetings.service import items_of
from quorum.meetings.tables import Meeting, Part
from quorum.organisations.tables import Organisation
from quorum.packs.document import PackAppendix, PackBody, PackContent, PackItem, PackPaper, heading_levels, source
from quorum.packs.tables import BuildStatus, PackBuild
from quorum.papers.tables import Appendix, Paper, PaperVersion
from quorum.people.tables import Person

log = logging.getLogger(__name__)
BUILD_JOB = "build_pack"


def topic(build_id: uuid.UUID) -> str:
    return f"pack_build:{build_id}"


Gather = Callable[[Db, Access, PackBuild], Awaitable[tuple[PackContent, dict[str, bytes]]]]
# What a pack holds, by the name a build's job carries: a meeting's own pack, or what a higher domain registers
# (committees in common register their session's pack).
GATHERS: dict[str, Gather] = {}


async def start(db: Db, access: Access, build: PackBuild, gather: str = "meeting") -> None:
    """Queue the build in the caller's transaction; it runs with the caller's access, in a worker."""
    await jobs.enqueue(
        db,
        BUILD_JOB,
        {"build_id": str(build.id), "person_id": str(access.person_id), "gather": gather},
        dedupe_key=f"{BUILD_JOB}:{build.id}",
    )


@jobs.job(BUILD_JOB)
async def build_pack(payload: dict[str, Any]) -> None:
    identity = Identity.of_person(uuid.UUID(payload["person_id"]))
    await run(uuid.UUID(payload["build_id"]), identity, GATHERS[payload["gather"]])


async def _report(db: Db, build: PackBuild, status: BuildStatus, progress: int, message: str) -> None:
    build.status, build.progress, build.message = status, progress, message
    if status in (BuildStatus.DONE, BuildStatus.FAILED):
        build.finished_at = clock.now()
    await db.add(build)
    await events.publish(
        db,
        topic(build.id),
        {
            "status": status.value,
            "progress": progress,
            "message": message,
            "page_count": build.page_count,
        },
    )


async def _build_row(db: Db, build_id: uuid.UUID, *, for_update: bool = False) -> PackBuild:
    statement = select(PackBuild).where(PackBuild.id == build_id)
    return await db.first(statement.with_for_update() if for_update else statement)


async def run(build_id: uuid.UUID, identity: Identity, gather: Gather) -> None:
    """Runs with the access of whoever started the build, in short transactions so progress shows. Run again after
    its worker died, it starts over; a build already finished is left as it is, and the file is stored in the same
    transaction that marks it done, so a build has at most one."""
    try:
        async with transaction_for(identity) as (db, access):
            build = await _build_row(db, build_id)
            if build is None or BuildStatus(build.status) in (BuildStatus.DONE, BuildStatus.FAILED):
                return
            await _report(db, build, BuildStatus.RUNNING, 5, "Gathering the agenda and papers")
            content, attachments = await gather(db, access, build)
            await _report(db, build, BuildStatus.RUNNING, 30, "Setting the pages")
        pdf = await asyncio.to_thread(compile_pack, content, attachments)
        reader = PdfReader(io.BytesIO(pdf))
        page_count = len(reader.pages)
        async with transaction_for(identity) as (db, access):
            build = await _build_row(db, build_id, for_update=True)
            if BuildStatus(build.status) in (BuildStatus.DONE, BuildStatus.FAILED):
                return
            await _report(db, build, BuildStatus.RUNNING, 90, "Saving the pack")
            stored = await db.add(
                StoredFile(
                    org_id=build.org_id,
                    filename=_filename(content, build),
                    content_type="application/pdf",
                    size_bytes=len(pdf),
                    sha256=hashlib.sha256(pdf).hexdigest(),
                    content=pdf,
                    uploaded_by=access.person_id,
                )
            )
            build.file_id, build.page_count = stored.id, page_count
            build.item_pages = item_pages(reader, content)
            await _report(db, build, BuildStatus.DONE, 100, f"Built: {page_count} pages")
    except Exception as error:
        if is_unavailable(error):
            raise  # the database went away: the job is tried again, not reported failed
        log.exception("pack build %s failed", build_id)
        async with transaction_for(identity) as (db, _):
            build = await _build_row(db, build_id)
            if build is not None:
                await _report(db, build, BuildStatus.FAILED, build.progress, "The build failed; it has been logged.")


def item_pages(reader: PdfReader, content: PackContent) -> dict[str, int]:
    """Each item's first page, read back from the bookmarks (which follow the items in order)."""
    top_level = [entry for entry in reader.outline if not isinstance(entry, list)]
    levels = heading_levels(content.items)
    items = [item for item in content.items if levels.get(item.key) == 1]
    return {
        item.key.removeprefix("item-"): reader.get_destination_page_number(entry) + 1
        for item, entry in zip(items, top_level)
    }


def _filename(content: PackContent, build: PackBuild) -> str:
    kind = "supplement" if build.is_supplement else "pack"
    part = "public" if build.part == Part.PUBLIC else "private"
    slug = "".join(c if c.isalnum() else "-" for c in content.committee.lower()).strip("-")
    return f"{slug}-{content.short_date.replace(' ', '-').lower()}-{part}-{kind}-{build.number}.pdf"


def compile_pack(content: PackContent, attachments: dict[str, bytes]) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in attachments.items():
            (root / name).write_bytes(data)
        (root / "pack.typ").write_text(source(content))
        return typst.compile(str(root / "pack.typ"), root=str(root), format="pdf")


async def gather_meeting_pack(db: Db, access: Access, build: PackBuild) -> tuple[PackContent, dict[str, bytes]]:
    """The pack's content, read with the builder's own access (a public pack holds Part I only)."""
    meeting = await db.first(select(Meeting).where(Meeting.id == build.meeting_id))
    committee = await db.first(select(Committee).where(Committee.id == meeting.committee_id))
    organisation = await db.first(select(Organisation).where(Organisation.id == committee.org_id))
    all_items = await items_of(db, access, meeting.id)
    numbers = agenda.numbers(all_items)
    starts = {k: v.astimezone(clock.LONDON) for k, v in agenda.start_times(all_items, meeting.starts_at).items()}
    items = [i for i in agenda.in_agenda_order(all_items) if build.part == Part.PRIVATE or i.part == Part.PUBLIC]
    papers, attachments = await pack_papers(db, build.paper_version_ids)
    by_item = {paper.item_id: pack_paper for paper, pack_paper in papers.values()}

    pack_items = []
    for item in items:
        paper = by_item.get(item.id)
        if build.is_supplement and paper is None:
            continue
        pack_items.append(
            PackItem(
                key=f"item-{item.id}",
                number=numbers[item.id],
                title=item.title,
                purpose=item.purpose,
                presenter=item.presenter,
                minutes=item.minutes_allotted,
                part=item.part,
                paper=paper,
                is_sub_item=item.parent_id is not None,
                starts=_clock_time(starts[item.id]),
            )
        )
    starts_at = meeting.starts_at.astimezone(clock.LONDON)
    label = "Supplement" if build.is_supplement else "Pack"
    return PackContent(
        organisation=organisation.name,
        committee=committee.name,
        meeting_title=meeting.title,
        when=f"{starts_at:%A} {starts_at.day} {starts_at:%B %Y, %H:%M}",
        short_date=f"{starts_at.day} {starts_at:%B %Y}",
        # The public pack is for anyone: the call link is for members only.
        place=" · ".join(x for x in (meeting.location, build.part != Part.PUBLIC and meeting.call_link) if x),
        part_label="Part I (public)" if build.part == Part.PUBLIC else "Parts I and II (private)",
        version_label=f"{label} {build.number}, built {clock.today():%d %B %Y}",
        items=tuple(pack_items),
    ), attachments


GATHERS["meeting"] = gather_meeting_pack


def _clock_time(moment: datetime) -> str:
    """ "2pm", "2:05pm", "midday", as the NHS style guide writes times and the meeting page shows them."""
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    return f"{hour}{f':{moment.minute:02d}' if moment.minute else ''}{'am' if moment.hour < 12 else 'pm'}"


async def pack_papers(
    db: Db, version_ids: list[uuid.UUID]
) -> tuple[dict[uuid.UUID, tuple[Paper, PackPaper]], dict[str, bytes]]:
    """Each paper version as the pack shows it (by version id), and the PDF appendices to embed."""
    versions = {v.id: v for v in await db.all(select(PaperVersion).where(PaperVersion.id.in_(version_ids)))}
    papers = {p.id: p for p in await db.all(select(Paper).where(Paper.id.in_({v.paper_id for v in versions.values()})))}
    people = {
        p.id: p.name
        for p in await db.all(
            select(Person).where(
                Person.id.in_({p.author_id for p in papers.values()} | {p.sponsor_id for p in papers.values()})
            )
        )
    }
    appendices = await db.all(select(Appendix).where(Appendix.version_id.in_(versions)).order_by(Appendix.position))
    pdf_ids = [a.file_id for a in appendices if a.kind == "PDF"]
    contents = dict(await db.all(select(StoredFile.id, StoredFile.content).where(StoredFile.id.in_(pdf_ids))))
    body_ids = [v.body_file_id for v in versions.values() if v.body_file_id is not None]
    filenames = dict(
        await db.all(
            select(StoredFile.id, StoredFile.filename).where(
                StoredFile.id.in_([a.file_id for a in appendices] + body_ids)
            )
        )
    )
    attachments = {f"appendix-{a.id}.pdf": contents[a.file_id] for a in appendices if a.kind == "PDF"}
    converted = await _conversions(db, [a.file_id for a in appendices if a.kind != "PDF"] + body_ids)
    for file_id, row in converted.items():
        if row.pdf is not None:
            attachments[f"converted-{file_id}.pdf"] = row.pdf

    def pages_of(file_id: uuid.UUID) -> tuple[str | None, int, str | None]:
        """The converted PDF's name in the build folder and its pages, or why there is none."""
        row = converted.get(file_id)
        if row is None or row.pdf is None:
            return None, 0, row.problem if row is not None and row.problem else "It has not been converted."
        return f"converted-{file_id}.pdf", row.page_count or 0, None

    def appendix_of(a: Appendix) -> PackAppendix:
        if a.kind == "PDF":
            path, pages, problem = f"appendix-{a.id}.pdf", a.page_count or 0, None
        else:
            path, pages, problem = pages_of(a.file_id)
        return PackAppendix(
            key=f"appendix-{a.id}",
            title=a.title,
            kind=a.kind,
            filename=filenames.get(a.file_id, ""),
            pdf_path=path,
            page_count=pages,
            problem=problem,
        )

    def pack_paper(paper: Paper, version: PaperVersion) -> PackPaper:
        return PackPaper(
            title=paper.title,
            version=version.number,
            sponsor=people.get(paper.sponsor_id, ""),
            author=people.get(paper.author_id, ""),
            purpose=version.purpose,
            executive_summary=version.executive_summary,
            recommendation=version.recommendation,
            strategic_objectives=version.strategic_objectives,
            assurance_risks=version.assurance_risks,
            conflicts_noted=version.conflicts_noted,
            impacts=version.impacts,
            public_involvement=version.public_involvement,
            is_public=paper.is_public,
            body_markdown=version.body_markdown,
            body=None if version.body_file_id is None else body_of(version.body_file_id),
            appendices=tuple(appendix_of(a) for a in appendices if a.version_id == version.id),
        )

    def body_of(file_id: uuid.UUID) -> PackBody:
        path, pages, problem = pages_of(file_id)
        return PackBody(filename=filenames.get(file_id, ""), pdf_path=path, page_count=pages, problem=problem)

    return {v.id: (papers[v.paper_id], pack_paper(papers[v.paper_id], v)) for v in versions.values()}, attachments


CONVERSIONS_AT_ONCE = 2


async def _conversions(db: Db, file_ids: list[uuid.UUID]) -> dict[uuid.UUID, FileConversion]:
    """Each Word or Excel file's conversion. One still waiting for its job is converted here, within the
    conversion's own timeout, so a build never waits on the queue and never hangs; what fails is kept as failed.
    A file stored before conversions existed (it has none) is converted here too."""
    found = await conversion.conversions_of(db, file_ids)
    if missing := set(file_ids) - set(found):
        for stored in await db.all(select(StoredFile).where(StoredFile.id.in_(missing))):
            await conversion.start(db, stored)
        found = await conversion.conversions_of(db, file_ids)
    waiting = [row for row in found.values() if ConversionStatus(row.status) == ConversionStatus.PENDING]
    if not waiting:
        return found
    sources = {
        f.id: f
        for f in await db.all(select(StoredFile).where(StoredFile.id.in_([row.source_file_id for row in waiting])))
    }
    limit = asyncio.Semaphore(CONVERSIONS_AT_ONCE)

    async def convert(row: FileConversion) -> tuple[FileConversion, tuple, float]:
        async with limit:
            started = time.monotonic()
            source = sources[row.source_file_id]
            return row, await conversion.convert(source.content, source.content_type), time.monotonic() - started

    for row, (status, pdf, pages, problem), seconds in await asyncio.gather(*map(convert, waiting)):
        await conversion.record(db, (row.org_id, row.source_file_id), status, pdf, pages, problem, seconds)
    return await conversion.conversions_of(db, file_ids)
