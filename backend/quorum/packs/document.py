"""The pack as Typst source, from plain data: front page, agenda with page numbers, contents,
each item's cover sheet, paper and appendices, a running header and page numbers on every page.

Item and appendix headings become the PDF's bookmarks; nothing else is bookmarked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quorum.papers.markdown import escape, to_typst

PURPOSE_WORDS = {
    "DECISION": "Decision",
    "APPROVAL": "Approval",
    "RATIFICATION": "Ratification",
    "ASSURANCE": "Assurance",
    "DISCUSSION": "Discussion",
    "INFORMATION": "Information",
    "NOTE": "Note",
}
IMPACT_WORDS = {
    "quality": "Quality",
    "equality": "Equality",
    "privacy": "Privacy",
    "financial": "Financial",
    "legal": "Legal",
    "sustainability": "Sustainability",
}


@dataclass(frozen=True)
class PackAppendix:
    key: str
    title: str
    kind: str  # PDF, WORD or EXCEL
    filename: str
    pdf_path: str | None = None  # relative to the build folder: the PDF, or a Word or Excel file's conversion
    page_count: int = 0
    problem: str | None = None  # why a Word or Excel file has no pages (its conversion failed)


@dataclass(frozen=True)
class PackBody:
    """A body written in Word, printed from its conversion."""

    filename: str
    pdf_path: str | None
    page_count: int = 0
    problem: str | None = None


@dataclass(frozen=True)
class PackPaper:
    title: str
    version: int
    sponsor: str
    author: str
    purpose: str
    executive_summary: str
    recommendation: str
    strategic_objectives: str
    assurance_risks: str
    conflicts_noted: str
    impacts: dict
    public_involvement: str
    is_public: bool
    body_markdown: str
    appendices: tuple[PackAppendix, ...] = ()
    body: PackBody | None = None  # a Word body, in place of the Markdown one


@dataclass(frozen=True)
class PackItem:
    key: str
    number: str
    title: str
    purpose: str
    presenter: str
    minutes: int
    part: str
    paper: PackPaper | None = None
    is_sub_item: bool = False
    starts: str = ""  # "2:05pm", the item's start time
    more_papers: tuple[PackPaper, ...] = ()  # a common item of committees in common may have a paper from each meeting


@dataclass(frozen=True)
class PackContent:
    organisation: str
    committee: str
    meeting_title: str
    when: str  # "Thursday 3 December 2026, 14:00"
    short_date: str  # "3 December 2026"
    place: str
    part_label: str  # "Part I (public)" or "Parts I and II (private)"
    version_label: str
    items: tuple[PackItem, ...] = field(default_factory=tuple)
    in_common: tuple[str, ...] = ()  # committees in common: "Committee, Organisation" for each committee meeting


def _s(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def source(pack: PackContent) -> str:
    header = f"{pack.organisation} · {pack.committee} · {pack.short_date} · {pack.part_label}"
    lines = [
        f"#set document(title: {_s(pack.committee + ' – ' + pack.meeting_title + ' – ' + pack.short_date)},"
        f" author: {_s(pack.organisation)})",
        '#set text(size: 10pt, lang: "en", region: "gb")',
        "#set par(justify: false)",
        "#set heading(numbering: none)",
        '#set page(paper: "a4", margin: (top: 2.2cm, bottom: 2cm, x: 2cm),',
        f"  header: [#set text(size: 8pt, fill: luma(80)); #{_s(header)} #h(1fr) {escape(pack.version_label)}],",
        "  footer: context align(center, text(size: 8pt)"
        "[Page #counter(page).display() of #counter(page).final().first()]))",
        "#show heading.where(level: 1): it => block(below: 1em, text(size: 15pt, it))",
        _front_page(pack),
        "#pagebreak()",
        _agenda(pack),
        "#pagebreak()",
        "#heading(outlined: false, bookmarked: false)[Contents]",
        "#outline(title: none, depth: 2)",
    ]
    previous_part = None
    levels = heading_levels(pack.items)
    for item in pack.items:
        if item.part != previous_part and item.part == "PRIVATE":
            lines.append("#pagebreak()")
            lines.append("#heading(outlined: false, bookmarked: false)[Part II: business to be taken in private]")
            lines.append(
                "The public are excluded from this part of the meeting by resolution, because publicity would be"
                " prejudicial to the public interest by reason of the confidential nature of the business."
            )
        previous_part = item.part
        if item.key in levels:
            lines.append(_item(item, levels[item.key]))
    return "\n".join(lines) + "\n"


def _front_page(pack: PackContent) -> str:
    return "\n".join(
        [
            "#v(4cm)",
            f"#text(size: 12pt)[{escape(pack.organisation)}]",
            "#v(0.5cm)",
            f'#text(size: 24pt, weight: "bold")[{escape(pack.committee)}]',
            "#v(0.3cm)",
            f"#text(size: 16pt)[{escape(pack.meeting_title)}]",
            *_in_common(pack),
            "#v(1cm)",
            f"#text(size: 12pt)[{escape(pack.when)}]",
            "",
            f"#text(size: 12pt)[{escape(pack.place)}]",
            "#v(1cm)",
            f'#text(size: 12pt, weight: "bold")[Board pack: {escape(pack.part_label)}]',
            "",
            f"#text(size: 10pt)[{escape(pack.version_label)}]",
        ]
    )


def _in_common(pack: PackContent) -> list[str]:
    if not pack.in_common:
        return []
    lines = ["#v(0.5cm)", "#text(size: 11pt)[Committees meeting in common:]", ""]
    for line in pack.in_common:
        lines += [f"#text(size: 11pt)[{escape(line)}]", ""]
    return lines


def _has_pages(item: PackItem) -> bool:
    return item.paper is not None


def heading_levels(items: tuple[PackItem, ...]) -> dict[str, int]:
    """The bookmark level of each item with pages: 1, or 2 for a sub-item whose parent has pages of its own
    (a sub-item of an item without a paper stands at the top level, so the bookmarks never skip a level)."""
    levels: dict[str, int] = {}
    parent_paged = False
    for item in items:
        if not item.is_sub_item:
            parent_paged = _has_pages(item)
        if _has_pages(item):
            levels[item.key] = 2 if item.is_sub_item and parent_paged else 1
    return levels


def _agenda(pack: PackContent) -> str:
    """Every item is a line of the agenda; only items with a paper have pages (and a page number)."""
    rows = []
    for item in pack.items:
        indent = "#h(1em)" if item.is_sub_item else ""
        time = f"{escape(item.starts)} ({item.minutes} min)" if item.starts else f"{item.minutes} min"
        page = f"#context counter(page).at(<{item.key}>).first()" if _has_pages(item) else "–"
        rows.append(
            f"[{escape(item.number)}], [{indent}{escape(item.title)}],"
            f" [{escape(PURPOSE_WORDS.get(item.purpose, item.purpose))}],"
            f" [{escape(item.presenter)}], [{time}], [{page}],"
        )
    return "\n".join(
        [
            "#heading(outlined: false, bookmarked: false)[Agenda]",
            "#table(columns: (auto, 1fr, auto, auto, auto, auto), stroke: 0.5pt + luma(180), inset: 5pt,",
            "  table.header([*No.*], [*Item*], [*Purpose*], [*Presenter*], [*Time*], [*Page*]),",
            *("  " + r for r in rows),
            ")",
        ]
    )


def _item(item: PackItem, level: int) -> str:
    assert item.paper is not None  # an item without a paper is a line in the agenda, not a page of its own
    parts = [
        "#pagebreak()",
        f"#heading(level: {level})[{escape(item.number)} {escape(item.title)}] <{item.key}>",
    ]
    number = 0
    for paper in (item.paper, *item.more_papers):
        if paper is not item.paper:
            parts.append("#pagebreak()")
        parts.append(_cover_sheet(item, paper))
        parts.append("#pagebreak()")
        parts.append(_body(paper))
        for appendix in paper.appendices:
            number += 1
            parts.append(_appendix(item, number, appendix))
    return "\n".join(parts)


def _cover_sheet(item: PackItem, paper: PackPaper) -> str:
    def row(label: str, value: str) -> str:
        return f"  [*{escape(label)}*], [{escape(value) if value.strip() else '–'}],"

    impacts = "; ".join(
        f"{IMPACT_WORDS[area]}: {'yes' if a.get('applies') else 'no'}"
        + (f" ({a.get('detail')})" if a.get("applies") else "")
        for area, a in sorted(paper.impacts.items())
        if area in IMPACT_WORDS
    )
    return "\n".join(
        [
            f'#text(size: 12pt, weight: "bold")[Cover sheet: {escape(paper.title)}]',
            "#table(columns: (4.5cm, 1fr), stroke: 0.5pt + luma(180), inset: 5pt,",
            row("Item", f"{item.number} {item.title}"),
            row("Version", str(paper.version)),
            row("Executive sponsor", paper.sponsor),
            row("Author", paper.author),
            row("Purpose", PURPOSE_WORDS.get(paper.purpose, paper.purpose)),
            row("Executive summary", paper.executive_summary),
            row("Recommendation", paper.recommendation),
            row("Strategic objectives", paper.strategic_objectives),
            row("Assurance framework risks", paper.assurance_risks),
            row("Conflicts of interest noted", paper.conflicts_noted),
            row("Impact assessments", impacts),
            row("Patient and public involvement", paper.public_involvement),
            row("Public or private", "Public" if paper.is_public else "Private"),
            ")",
        ]
    )


def _body(paper: PackPaper) -> str:
    if paper.body is None:
        return to_typst(paper.body_markdown) or "_No paper body._"
    if paper.body.pdf_path is None:
        return (
            f"*The paper's body ({escape(paper.body.filename)}) could not be set as pages:*"
            f" {escape(paper.body.problem or '')} Download it from the meeting's page, beside this pack."
        )
    return _pages(paper.body.pdf_path, paper.body.page_count, first=1)


def _pages(pdf_path: str, page_count: int, first: int) -> str:
    """Pages `first` to the last of an embedded PDF, one pack page each (the first on the current page)."""
    pages = [
        ("" if p == first else "#pagebreak()\n") + f"#align(center, image({_s(pdf_path)}, page: {p}, height: 97%))"
        for p in range(first, page_count + 1)
    ]
    return "\n".join(pages)


KIND_WORDS = {"WORD": "Word document", "EXCEL": "Excel workbook", "PDF": "PDF"}


def _appendix(item: PackItem, number: int, appendix: PackAppendix) -> str:
    title = f"Appendix {item.number}.{number}: {appendix.title}"
    heading = f"#heading(level: 2)[{escape(title)}] <{appendix.key}>"
    if appendix.pdf_path is None:
        return "\n".join(
            [
                "#pagebreak()",
                heading,
                f"This appendix is a {KIND_WORDS.get(appendix.kind, appendix.kind)} ({escape(appendix.filename)})"
                " that could not be set as pages of this pack: "
                f"{escape(appendix.problem or 'it has not been converted.')}"
                " Download it from the meeting's page, beside this pack.",
            ]
        )
    first = f"#pagebreak()\n{heading}\n#align(center, image({_s(appendix.pdf_path)}, page: 1, height: 90%))"
    rest = _pages(appendix.pdf_path, appendix.page_count, first=2)
    return first + ("\n#pagebreak()\n" + rest if rest else "")
