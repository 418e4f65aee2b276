"""Requesting, writing, submitting and approving papers; versions and appendices."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import delete, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record, snapshot
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.files import conversion
from quorum.files import service as files
from quorum.meetings.policy import visible_items
from quorum.meetings.service import run_meeting
from quorum.meetings.tables import AgendaItem, Meeting, Purpose
from quorum.outbox import service as outbox
from quorum.papers import word, workflow
from quorum.papers.policy import (
    can_move,
    can_write,
    visible_appendices,
    visible_papers,
)
from quorum.papers.tables import IMPACT_AREAS, Appendix, AppendixKind, Paper, PaperStatus, PaperVersion
from quorum.people.policy import visible_people
from quorum.people.tables import Person

COVER_SHEET_LIMIT = 20_000
BODY_LIMIT = 200_000
# A Word 97 or OpenDocument text is a word-processed document like a .docx, an .ods a spreadsheet like an .xlsx:
# each is converted to pages the same way, so it takes the same kind (and no new one in the database).
KIND_OF_FILE = {
    files.PDF: AppendixKind.PDF,
    files.WORD: AppendixKind.WORD,
    files.EXCEL: AppendixKind.EXCEL,
    files.WORD_97: AppendixKind.WORD,
    files.ODT: AppendixKind.WORD,
    files.ODS: AppendixKind.EXCEL,
}


async def get_paper(db: Db, access: Access, paper_id: uuid.UUID, field: str = "paperId") -> Paper:
    paper = await db.first(visible_papers(access).where(Paper.id == paper_id))
    if paper is None:
        raise input_error(field, "No such paper.")
    return paper


async def latest_version(db: Db, paper: Paper) -> PaperVersion:
    return await db.first(
        select(PaperVersion).where(PaperVersion.paper_id == paper.id).order_by(PaperVersion.number.desc())
    )


async def request_paper(
    db: Db,
    access: Access,
    *,
    item_id: uuid.UUID,
    meeting_id: uuid.UUID,
    title: str,
    author_id: uuid.UUID,
    sponsor_id: uuid.UUID,
    due_date: date,
) -> Paper:
    meeting = await run_meeting(db, access, meeting_id)
    item = await db.first(visible_items(access).where(AgendaItem.id == item_id))
    errors: list[UserError] = []
    if item is None or item.meeting_id != meeting.id:
        errors.append(UserError(field="itemId", message="That item is not on this meeting's agenda."))
    if not title.strip() or len(title) > 300:
        errors.append(UserError(field="title", message="Enter the paper's title (300 characters or fewer)."))
    for field, person_id, who in (("authorId", author_id, "author"), ("sponsorId", sponsor_id, "sponsor")):
        if await db.first(visible_people(access).where(Person.id == person_id)) is None:
            errors.append(UserError(field=field, message=f"Choose the {who} from your organisation's people."))
    if due_date < clock.today():
        errors.append(UserError(field="dueDate", message="The due date cannot be in the past."))
    elif due_date > clock.local_date(meeting.starts_at):
        errors.append(UserError(field="dueDate", message="The paper must be due before the meeting."))
    if errors:
        raise InputErrors(*errors)
    paper = Paper(
        org_id=meeting.org_id,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        item_id=item.id,
        title=title.strip(),
        author_id=author_id,
        sponsor_id=sponsor_id,
        due_date=due_date,
        requested_by=access.person_id,
        is_public=item.part == "PUBLIC",
    )
    try:
        await db.add(paper)
    except IntegrityError:
        raise input_error("itemId", "That item already has a paper.") from None
    await db.add(
        PaperVersion(
            org_id=paper.org_id,
            paper_id=paper.id,
            number=1,
            purpose=item.purpose,
            created_by=access.person_id,
        ),
        refresh=False,
    )
    await record(db, access, "paper.request", paper, org_id=paper.org_id)
    await outbox.record(db, access, "paper_requested", org_id=paper.org_id, subject_id=paper.id)
    return paper


def cover_sheet_errors(fields: dict) -> list[UserError]:
    errors = []
    if fields["purpose"] not in Purpose.__members__:
        errors.append(UserError(field="purpose", message="Choose the paper's purpose."))
    for name, value in fields.items():
        if isinstance(value, str) and len(value) > (BODY_LIMIT if name == "body_markdown" else COVER_SHEET_LIMIT):
            errors.append(UserError(field=camel(name), message="That is too long."))
    impacts = fields["impacts"]
    if set(impacts) - set(IMPACT_AREAS):
        errors.append(UserError(field="impacts", message=f"Impact assessments are for: {', '.join(IMPACT_AREAS)}."))
    for area, assessment in impacts.items():
        if assessment.get("applies") and not str(assessment.get("detail", "")).strip():
            errors.append(UserError(field="impacts", message=f"Say what the {area} impact is."))
    return errors


# What the cover sheet must say before the paper goes to its sponsor ("None" is an answer; a blank is not).
REQUIRED_COVER_SHEET = {
    "executive_summary": "executive summary",
    "recommendation": "recommendation",
    "strategic_objectives": "links to strategic objectives",
    "assurance_risks": "Board Assurance Framework risks",
    "conflicts_noted": "conflicts of interest noted",
    "public_involvement": "patient and public involvement",
}


def missing_fields(version: PaperVersion) -> list[str]:
    return [name for name in REQUIRED_COVER_SHEET if not str(getattr(version, name) or "").strip()]


def missing_cover_sheet(version: PaperVersion) -> list[UserError]:
    """One error naming every required field the cover sheet leaves blank, and one for each of them."""
    missing = missing_fields(version)
    if not missing:
        return []
    words = ", ".join(REQUIRED_COVER_SHEET[name] for name in missing)
    return [
        UserError(field=None, message=f"Complete the cover sheet before submitting the paper. Missing: {words}."),
        *(
            UserError(field=camel(name), message=f"Enter the {REQUIRED_COVER_SHEET[name]} (write “None” if none).")
            for name in missing
        ),
    ]


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w.capitalize() for w in rest)


async def save_draft(db: Db, access: Access, paper_id: uuid.UUID, *, is_public: bool, fields: dict) -> PaperVersion:
    """Write the cover sheet and body. An approved paper is never changed: this makes a new draft version."""
    paper = await _writable(db, access, paper_id)
    if errors := cover_sheet_errors(fields):
        raise InputErrors(*errors)
    version, before = await _version_to_write(db, access, paper)
    for name, value in fields.items():
        setattr(version, name, value.strip() if isinstance(value, str) and name != "body_markdown" else value)
    paper.is_public = is_public
    await db.add(paper)
    await db.add(version)
    await record(db, access, "paper_version.save", version, org_id=paper.org_id, before=before)
    return version


async def _version_to_write(db: Db, access: Access, paper: Paper) -> tuple[PaperVersion, dict | None]:
    """The draft to change, and how it was (None for a version this starts from an approved one)."""
    version = await latest_version(db, paper)
    if version.approved_at is None:
        return version, snapshot(version)
    version = await _new_version(db, access, paper, version)
    paper_before = snapshot(paper)
    paper.status = PaperStatus.DRAFT
    await db.add(paper)
    await record(db, access, "paper.new_version", paper, org_id=paper.org_id, before=paper_before)
    return version, None


async def _writable(db: Db, access: Access, paper_id: uuid.UUID, field: str = "id") -> Paper:
    paper = await get_paper(db, access, paper_id, field)
    if not can_write(access, paper):
        raise input_error(None, "Only the paper's author or the board secretary can write it.")
    if PaperStatus(paper.status) == PaperStatus.SUBMITTED:
        raise input_error(None, "The paper is with its sponsor; ask for it back as a draft to change it.")
    return paper


async def upload_body(
    db: Db, access: Access, paper_id: uuid.UUID, *, filename: str, content_base64: str
) -> PaperVersion:
    """A Word document as the paper's body: shown on screen through mammoth, printed in the pack from its PDF
    conversion (queued here). It replaces a Markdown body; an approved paper gets a new draft version."""
    paper = await _writable(db, access, paper_id, "paperId")
    inspection = await files.inspected(
        "contentBase64", filename, files.decode_upload("contentBase64", content_base64), (files.WORD,)
    )
    html = word.to_html("contentBase64", inspection.content)
    version, before = await _version_to_write(db, access, paper)
    stored = await files.keep(db, access, org_id=paper.org_id, filename=filename, inspection=inspection)
    await conversion.request(db, stored, access.person_id)
    version.body_file_id, version.body_html, version.body_markdown = stored.id, html, ""
    await db.add(version)
    await record(db, access, "paper_version.upload_body", version, org_id=paper.org_id, before=before)
    return version


async def remove_body(db: Db, access: Access, paper_id: uuid.UUID) -> PaperVersion:
    """Back to a Markdown body (empty until written); the Word document stays stored, attached to nothing."""
    paper = await _writable(db, access, paper_id, "paperId")
    version, before = await _version_to_write(db, access, paper)
    if version.body_file_id is None:
        raise input_error(None, "The paper's body is not a Word document.")
    version.body_file_id, version.body_html = None, ""
    await db.add(version)
    await record(db, access, "paper_version.remove_body", version, org_id=paper.org_id, before=before)
    return version


async def _new_version(db: Db, access: Access, paper: Paper, previous: PaperVersion) -> PaperVersion:
    copied = previous.model_dump(
        exclude={"id", "number", "created_by", "created_at", "approved_at", "approved_by", "published_at"}
    )
    version = await db.add(PaperVersion(**copied, number=previous.number + 1, created_by=access.person_id))
    # A flagged appendix is not carried forward: it would block the new version as it blocked the last.
    appendices = await db.all(select(Appendix).where(Appendix.version_id == previous.id).order_by(Appendix.position))
    carried = [a for a in appendices if not a.problem]
    for position, appendix in enumerate(carried, start=1):
        data = appendix.model_dump(exclude={"id", "version_id", "position"})
        await db.add(Appendix(**data, version_id=version.id, position=position), refresh=False)
    return version


async def move(db: Db, access: Access, paper_id: uuid.UUID, target: PaperStatus) -> Paper:
    paper = await get_paper(db, access, paper_id, "id")
    current = PaperStatus(paper.status)
    if target == PaperStatus.INCLUDED:
        raise input_error("status", "A paper is included by publishing the pack.")
    if not can_move(access, paper, target):
        if target == PaperStatus.APPROVED and current == PaperStatus.SUBMITTED:
            raise input_error(None, "Only the paper's executive sponsor can approve it.")
        raise input_error(
            "status", f"You cannot make a paper that is {workflow.WORDS[current]} {workflow.WORDS[target]}."
        )
    version = await latest_version(db, paper)
    if target == PaperStatus.SUBMITTED:
        appendices = await db.all(select(Appendix).where(Appendix.version_id == version.id))
        problems = [a.title for a in appendices if a.problem]
        errors = missing_cover_sheet(version)
        if problems:
            message = f"Fix or remove the appendices that cannot go in the pack first: {', '.join(problems)}."
            errors.insert(0, UserError(field=None, message=message))
        if errors:
            raise InputErrors(*errors)
    before = snapshot(paper)
    paper.status = target
    await db.add(paper)
    if target == PaperStatus.APPROVED:
        version.approved_at, version.approved_by = clock.now(), access.person_id
        await db.add(version)
    await record(db, access, f"paper.{target.value.lower()}", paper, org_id=paper.org_id, before=before)
    happened = _EVENT_OF_MOVE.get((current, target))
    if happened:
        await outbox.record(db, access, happened, org_id=paper.org_id, subject_id=paper.id)
    return paper


_EVENT_OF_MOVE = {
    (PaperStatus.DRAFT, PaperStatus.SUBMITTED): "paper_submitted",
    (PaperStatus.SUBMITTED, PaperStatus.APPROVED): "paper_approved",
    (PaperStatus.SUBMITTED, PaperStatus.DRAFT): "paper_returned",
}


APPENDIX_KINDS = (files.PDF, files.WORD, files.EXCEL, files.WORD_97, files.ODT, files.ODS)


async def _draft_for_appendices(db: Db, access: Access, paper_id: uuid.UUID, verb: str) -> tuple[Paper, PaperVersion]:
    paper = await get_paper(db, access, paper_id)
    if not can_write(access, paper):
        raise input_error(None, f"Only the paper's author or the board secretary can {verb} appendices.")
    version = await latest_version(db, paper)
    if PaperStatus(paper.status) != PaperStatus.DRAFT or version.approved_at is not None:
        raise input_error(None, f"Appendices are {verb}d on a draft; save a change to start a new version first.")
    return paper, version


def _title(title: str) -> str:
    if not title.strip() or len(title) > 300:
        raise input_error("title", "Give the appendix a title (300 characters or fewer).")
    return title.strip()


async def add_appendix(
    db: Db, access: Access, paper_id: uuid.UUID, *, title: str, filename: str, content_base64: str
) -> Appendix:
    paper, version = await _draft_for_appendices(db, access, paper_id, "add")
    title = _title(title)
    inspection = await files.inspected(
        "contentBase64", filename, files.decode_upload("contentBase64", content_base64), APPENDIX_KINDS
    )
    stored = await files.keep(db, access, org_id=paper.org_id, filename=filename, inspection=inspection)
    await conversion.request(db, stored, access.person_id)
    existing = await db.all(select(Appendix).where(Appendix.version_id == version.id))
    appendix = Appendix(
        org_id=paper.org_id,
        version_id=version.id,
        position=len(existing) + 1,
        title=title,
        file_id=stored.id,
        kind=KIND_OF_FILE[inspection.kind],
        page_count=inspection.page_count,
        problem=inspection.problem,
    )
    await db.add(appendix)
    await record(db, access, "appendix.add", appendix, org_id=paper.org_id)
    return appendix


async def _appendix(db: Db, access: Access, appendix_id: uuid.UUID, verb: str) -> tuple[Paper, Appendix]:
    appendix = await db.first(visible_appendices(access).where(Appendix.id == appendix_id))
    if appendix is None:
        raise input_error("id", "No such appendix.")
    version = await db.first(select(PaperVersion).where(PaperVersion.id == appendix.version_id))
    paper, latest = await _draft_for_appendices(db, access, version.paper_id, verb)
    if latest.id != version.id:
        raise input_error("id", "That appendix belongs to an earlier version of the paper, which cannot change.")
    return paper, appendix


async def replace_appendix(
    db: Db, access: Access, appendix_id: uuid.UUID, *, title: str | None, filename: str, content_base64: str
) -> Appendix:
    """A new file (and title) in the same place; the old file stays stored, attached to nothing, for its uploader."""
    paper, appendix = await _appendix(db, access, appendix_id, "replace")
    new_title = _title(title) if title is not None else appendix.title
    inspection = await files.inspected(
        "contentBase64", filename, files.decode_upload("contentBase64", content_base64), APPENDIX_KINDS
    )
    stored = await files.keep(db, access, org_id=paper.org_id, filename=filename, inspection=inspection)
    await conversion.request(db, stored, access.person_id)
    before = snapshot(appendix)
    appendix.title, appendix.file_id, appendix.kind = new_title, stored.id, KIND_OF_FILE[inspection.kind]
    appendix.page_count, appendix.problem = inspection.page_count, inspection.problem
    await db.add(appendix)
    await record(db, access, "appendix.replace", appendix, org_id=paper.org_id, before=before)
    return appendix


async def remove_appendix(db: Db, access: Access, appendix_id: uuid.UUID) -> Paper:
    paper, appendix = await _appendix(db, access, appendix_id, "remove")
    before = snapshot(appendix)
    await db.execute(delete(Appendix).where(Appendix.org_id == appendix.org_id, Appendix.id == appendix.id))
    later = await db.all(
        select(Appendix)
        .where(Appendix.version_id == appendix.version_id, Appendix.position > appendix.position)
        .order_by(Appendix.position)
    )
    for other in later:
        other.position -= 1
        await db.add(other, refresh=False)
    await record(db, access, "appendix.remove", appendix, org_id=paper.org_id, before=before, removed=True)
    return paper


def my_papers(access: Access):
    return select(Paper).where(or_(Paper.author_id == access.person_id, Paper.sponsor_id == access.person_id))


async def meeting_of(db: Db, paper: Paper) -> Meeting:
    return await db.first(select(Meeting).where(Meeting.id == paper.meeting_id))
