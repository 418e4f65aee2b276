"""A paper written as authors write them, in the demo: Bolton's quality committee meets in three weeks, and Tom
Ashworth's draft workforce paper has a Word appendix (written here with python-docx) and an OpenDocument
spreadsheet, both already converted to PDF pages by LibreOffice so their pages show in the pack, and their text
read so search finds the paper by it. Without LibreOffice the conversion is recorded as failed and the pack says
so."""

from __future__ import annotations

import hashlib
import io
import time
from datetime import datetime, timedelta

from docx import Document
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from quorum import clock
from quorum.auth.demo_people import DEMO_DOMAIN
from quorum.committees.tables import Committee, CommitteeKind
from quorum.files import conversion
from quorum.files.inspection import ODS, WORD, inspect
from quorum.files.tables import ConversionStatus, FileConversion, FileText, StoredFile
from quorum.files.text import pdf_text
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus, Part, Purpose
from quorum.papers.tables import Appendix, AppendixKind, Paper, PaperVersion
from quorum.people.tables import Person
from quorum.seed.open_document import ods

MEETING_TITLE = "Quality committee: workforce and safe staffing"
PAPER_TITLE = "Community nursing workforce plan"
APPENDIX_TITLE = "Vacancies and agency spend by team"
BEDS_TITLE = "Community beds by locality"
BEDS = [["Bolton North", "24", "93"], ["Bolton South", "18", "97"], ["Bolton West", "12", "88"]]
TEAMS = [
    ("District nursing (north)", "14.2", "38,400"),
    ("District nursing (south)", "11.8", "29,150"),
    ("Community matrons", "6.5", "8,900"),
    ("Tissue viability", "0.0", "0"),
]


def beds_appendix() -> bytes:
    """A spreadsheet saved from LibreOffice Calc (OpenDocument), as some providers send their returns."""
    return ods([["Locality", "Community beds", "Occupied (%)"], *BEDS])


def workforce_appendix() -> bytes:
    """A short Word document with a heading, paragraphs and a table, as an author would attach it."""
    document = Document()
    document.add_heading(APPENDIX_TITLE, level=1)
    document.add_paragraph(
        "Vacancy rates are whole-time equivalent vacancies as a share of the funded establishment at the end of last"
        " month; agency spend is for the quarter to date."
    )
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Team", "Vacancy rate (%)", "Agency spend (£)"), strict=True):
        cell.text = text
    for team in TEAMS:
        for cell, text in zip(table.add_row().cells, team, strict=True):
            cell.text = text
    document.add_paragraph("Source: the provider's monthly workforce return.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


async def seed_word_paper(conn, bolton) -> None:
    """Idempotent: once the meeting exists nothing more is done."""
    if await conn.scalar(select(Meeting.id).where(Meeting.org_id == bolton, Meeting.title == MEETING_TITLE)):
        return
    committee = await conn.scalar(
        select(Committee.id).where(Committee.org_id == bolton, Committee.kind == CommitteeKind.QUALITY).limit(1)
    ) or await conn.scalar(
        select(Committee.id).where(Committee.org_id == bolton, Committee.kind == CommitteeKind.GOVERNING_BODY)
    )
    people = dict(
        (
            await conn.execute(
                select(Person.email, Person.id).where(
                    Person.email.in_([f"tom.ashworth@{DEMO_DOMAIN}", f"rajesh.mistry@{DEMO_DOMAIN}"])
                )
            )
        ).all()
    )
    author, sponsor = people[f"tom.ashworth@{DEMO_DOMAIN}"], people[f"rajesh.mistry@{DEMO_DOMAIN}"]
    day = clock.today() + timedelta(days=21)
    starts = datetime(day.year, day.month, day.day, 10, tzinfo=clock.LONDON)
    meeting = await conn.scalar(
        insert(Meeting)
        .values(
            org_id=bolton,
            committee_id=committee,
            title=MEETING_TITLE,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            location="Bolton One, Moor Lane",
            status=MeetingStatus.AGENDA_PUBLISHED,
            papers_due=clock.today() + timedelta(days=14),
        )
        .returning(Meeting.id)
    )
    item = await conn.scalar(
        insert(AgendaItem)
        .values(
            org_id=bolton,
            meeting_id=meeting,
            committee_id=committee,
            position=1,
            title=PAPER_TITLE,
            presenter="Tom Ashworth",
            minutes_allotted=30,
            purpose=Purpose.DISCUSSION,
            part=Part.PUBLIC,
            needs_paper=True,
        )
        .returning(AgendaItem.id)
    )
    paper = await conn.scalar(
        insert(Paper)
        .values(
            org_id=bolton,
            meeting_id=meeting,
            committee_id=committee,
            item_id=item,
            title=PAPER_TITLE,
            author_id=author,
            sponsor_id=sponsor,
            due_date=clock.today() + timedelta(days=14),
            requested_by=author,
            is_public=True,
        )
        .returning(Paper.id)
    )
    version = await conn.scalar(
        insert(PaperVersion)
        .values(
            org_id=bolton,
            paper_id=paper,
            number=1,
            purpose=Purpose.DISCUSSION,
            executive_summary="Community nursing vacancies have risen for three quarters; agency spend follows them.",
            recommendation="The committee is asked to discuss the plan and the assurance it gives on safe staffing.",
            body_markdown="## The plan\n\nRecruit to the north district nursing team first; the appendix sets out"
            " vacancies and agency spend by team.",
            impacts={},
            created_by=author,
        )
        .returning(PaperVersion.id)
    )
    appendices = (
        (APPENDIX_TITLE, "vacancies-and-agency-spend.docx", workforce_appendix(), WORD, AppendixKind.WORD),
        (BEDS_TITLE, "community-beds-by-locality.ods", beds_appendix(), ODS, AppendixKind.EXCEL),
    )
    for position, (title, filename, document, kind, appendix_kind) in enumerate(appendices, start=1):
        await _converted_appendix(
            conn, bolton, version, author, position, title, filename, document, kind, appendix_kind
        )


async def _converted_appendix(conn, bolton, version, author, position, title, filename, document, kind, appendix_kind):
    content = inspect("file", filename, document, (kind,)).content
    stored = await conn.scalar(
        insert(StoredFile)
        .values(
            org_id=bolton,
            filename=filename,
            content_type=kind.content_type,
            size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
            uploaded_by=author,
        )
        .returning(StoredFile.id)
    )
    await conn.execute(
        insert(Appendix).values(
            org_id=bolton, version_id=version, position=position, title=title, file_id=stored, kind=appendix_kind
        )
    )
    started = time.monotonic()
    status, pdf, pages, problem = await conversion.convert(content, kind.content_type)
    await conn.execute(
        insert(FileConversion).values(
            org_id=bolton,
            source_file_id=stored,
            status=ConversionStatus(status).value,
            pdf=pdf,
            page_count=pages,
            problem=problem,
            seconds=round(time.monotonic() - started, 2),
            finished_at=clock.now(),
        )
    )
    # Its words, as the text job reads them once a conversion is done: search finds the paper by its appendix.
    if pdf is not None and (words := await pdf_text(pdf)):
        await conn.execute(insert(FileText).values(org_id=bolton, file_id=stored, text=words))
