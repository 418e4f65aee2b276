"""The practice quality dashboard in a governing body's pack: a Part I paper with the aggregate form (each
indicator's trend of medians, periods under the small-number threshold withheld) and a Part II paper with every
practice named (one period's distribution). Each chart is drawn from the SVG the dashboard serves, set with Typst
into a PDF appendix, and followed by its table, so the pack carries a text alternative for every chart."""

from __future__ import annotations

import base64
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import typst
from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record
from quorum.committees.tables import Committee, CommitteeKind
from quorum.database import Db
from quorum.errors import input_error
from quorum.indicators import service
from quorum.indicators.periods import parse_period
from quorum.indicators.svg import distribution_svg, trend_svg
from quorum.indicators.tables import Indicator
from quorum.meetings import service as meetings
from quorum.meetings.tables import Part, Purpose
from quorum.papers import service as papers
from quorum.papers.markdown import escape
from quorum.papers.tables import Paper, PaperStatus


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:,.2f}".rstrip("0").rstrip(".")


def _trend_chart(indicator: Indicator, summaries: list[service.Summary]) -> Chart:
    rows = [
        (s.label, "withheld", "", "", "", s.withheld or "")
        if s.median is None
        else (
            s.label,
            str(s.practices),
            _figure(s.lower_quartile),
            _figure(s.median),
            _figure(s.upper_quartile),
            _figure(s.mean),
        )
        for s in summaries
    ]
    return Chart(
        f"{indicator.name}: median across practices",
        trend_svg(indicator.name, indicator.unit, summaries),
        ("Period", "Practices", "Lower quartile", "Median", "Upper quartile", "Mean"),
        rows,
    )


def _named_chart(indicator: Indicator, period: service.NamedPeriod) -> Chart:
    return Chart(
        f"{indicator.name}, {period.summary.label}: every practice",
        distribution_svg(indicator.name, indicator.unit, period, indicator.higher_is_better),
        ("Rank", "Practice", "ODS code", "Value"),
        [(str(f.rank), f.practice_name, f.ods_code, _figure(f.value)) for f in period.figures],
    )


def _markdown_table(chart: Chart) -> list[str]:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    return [
        f"## {chart.title}",
        "",
        "| " + " | ".join(chart.header) + " |",
        "|" + "---|" * len(chart.header),
        *("| " + " | ".join(cell(c) for c in row) + " |" for row in chart.rows),
        "",
    ]


def charts_pdf(title: str, charts: list[Chart]) -> bytes:
    """Each chart as an image followed by its table, set with Typst."""
    parts = [f"#set text(size: 10pt)\n= {escape(title)}\n"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number, chart in enumerate(charts, start=1):
            (root / f"chart-{number}.svg").write_text(chart.svg)
            cells = ", ".join(f"[*{escape(h)}*]" for h in chart.header)
            cells += "".join(", " + ", ".join(f"[{escape(c)}]" for c in row) for row in chart.rows)
            parts.append(
                f'== {escape(chart.title)}\n#image("chart-{number}.svg", width: 100%)\n'
                f"#table(columns: {len(chart.header)}, {cells})\n"
            )
        (root / "charts.typ").write_text("\n".join(parts))
        return typst.compile(str(root / "charts.typ"), root=folder, format="pdf")


async def _paper(
    db: Db, access: Access, meeting_id: uuid.UUID, part: Part, title: str, summary: str, charts: list[Chart]
) -> Paper:
    item = await meetings.add_item(
        db,
        access,
        meeting_id=meeting_id,
        parent_id=None,
        title=title,
        presenter="",
        minutes_allotted=15,
        purpose=Purpose.ASSURANCE,
        part=part,
        needs_paper=True,
    )
    person = access.person_id
    assert person is not None
    paper = await papers.request_paper(
        db,
        access,
        item_id=item.id,
        meeting_id=meeting_id,
        title=title,
        author_id=person,
        sponsor_id=person,
        due_date=clock.today(),
    )
    body = [f"# {title}", "", "Each chart is in the appendix, followed by its table; the tables are also here.", ""]
    for chart in charts:
        body += _markdown_table(chart)
    await papers.save_draft(
        db,
        access,
        paper.id,
        is_public=part == Part.PUBLIC,
        fields={
            "purpose": Purpose.ASSURANCE.value,
            "executive_summary": summary,
            "recommendation": "The governing body is asked to take assurance on the quality of general practice.",
            "strategic_objectives": "Commissioning for quality: improving the quality of primary medical care.",
            "assurance_risks": "None linked to this report.",
            "conflicts_noted": "GP members declare their interest in their own practices' figures.",
            "impacts": {"quality": {"applies": True, "detail": "Reports on the quality of general practice."}},
            "public_involvement": "None: the report presents practices' published figures.",
            "body_markdown": "\n".join(body),
        },
    )
    await papers.add_appendix(
        db,
        access,
        paper.id,
        title=f"{title}: charts and tables",
        filename="practice-quality-charts.pdf",
        content_base64=base64.b64encode(charts_pdf(title, charts)).decode(),
    )
    await papers.move(db, access, paper.id, PaperStatus.SUBMITTED)
    return paper


async def add_practice_quality_papers(
    db: Db, access: Access, meeting_id: uuid.UUID, period: str | None = None
) -> tuple[Paper, Paper]:
    """The Part I and Part II papers, submitted for the caller to approve. `period` (e.g. 2025-Q1) chooses the
    named distribution's period; by default each indicator's latest."""
    meeting = await meetings.run_meeting(db, access, meeting_id)
    committee = await db.first(select(Committee).where(Committee.id == meeting.committee_id))
    if committee is None or committee.kind != CommitteeKind.GOVERNING_BODY:
        raise input_error("meetingId", "The practice quality papers go to a governing body's meeting.")
    if not access.is_governance_officer(meeting.org_id):
        raise input_error(None, "Only the CCG's governance officers put the practice quality papers on an agenda.")
    wanted = None
    if period is not None:
        wanted = parse_period(period)
        if wanted is None:
            raise input_error("period", "Write the period as 2025-03 (a month), 2025-Q1 (a quarter) or 2025 (a year).")
    indicators = await service.indicators_of(db, access, meeting.org_id)
    public, named = [], []
    for indicator in indicators:
        summaries = await service.public_summary(db, access, indicator)
        periods = await service.named_view(db, access, indicator) or []
        if not summaries and not periods:
            continue
        public.append(_trend_chart(indicator, summaries))
        chosen = (
            [p for p in periods if (p.summary.period_kind, p.summary.period_start) == wanted] if wanted else periods
        )
        if chosen:
            named.append(_named_chart(indicator, chosen[-1]))
    if not public:
        raise input_error("meetingId", "The CCG has no practice indicator figures to report; import them first.")
    if not named:
        raise input_error("period", f"No indicator has figures for {period}.")
    today = clock.today()
    part_one = await _paper(
        db,
        access,
        meeting.id,
        Part.PUBLIC,
        "Practice quality dashboard",
        f"{len(public)} indicators across the CCG's practices, as medians and quartiles by period; periods with "
        "fewer than 5 practices reporting are withheld.",
        public,
    )
    part_two = await _paper(
        db,
        access,
        meeting.id,
        Part.PRIVATE,
        "Practice quality dashboard: practices named",
        f"{len(named)} indicators with every practice named, as at {today:%d %B %Y}.",
        named,
    )
    await record(db, access, "indicator.pack_papers", part_one, org_id=meeting.org_id)
    await record(db, access, "indicator.pack_papers", part_two, org_id=meeting.org_id)
    return part_one, part_two
