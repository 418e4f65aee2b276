"""The minutes as Typst source, set like the board pack: the same page, running header, headings and
page numbers (quorum.packs.document), with DRAFT across a draft's header."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typst

from quorum.conduct.minutes import MinutesContent, MinutesDecision, MinutesItem
from quorum.papers.markdown import escape, to_typst


def _s(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def source(minutes: MinutesContent) -> str:
    short_date = minutes.when.split(",")[0].split(" ", 1)[-1]
    header = f"{minutes.organisation} · {minutes.committee} · {short_date} · {minutes.part_label}"
    status = "DRAFT minutes" if minutes.status == "Draft" else "Approved minutes"
    lines = [
        f"#set document(title: {_s(minutes.committee + ' – minutes – ' + short_date)},"
        f" author: {_s(minutes.organisation)})",
        '#set text(size: 10pt, lang: "en", region: "gb")',
        "#set par(justify: false)",
        "#set heading(numbering: none)",
        '#set page(paper: "a4", margin: (top: 2.2cm, bottom: 2cm, x: 2cm),',
        f"  header: [#set text(size: 8pt, fill: luma(80)); #{_s(header)} #h(1fr) #{_s(status)}],",
        "  footer: context align(center, text(size: 8pt)"
        "[Page #counter(page).display() of #counter(page).final().first()]))",
        "#show heading.where(level: 1): it => block(below: 1em, text(size: 15pt, it))",
        f"#text(size: 12pt)[{escape(minutes.organisation)}]",
        "",
        f'#text(size: 20pt, weight: "bold")[{escape(minutes.committee)}]',
        "",
        f"#text(size: 14pt)[Minutes: {escape(minutes.meeting_title)}]",
        "",
        f"{escape(minutes.when)} · {escape(minutes.place)} · {escape(minutes.part_label)}",
        "",
        f"*{escape(status)}.* {escape(minutes.approval)}",
        _attendance(minutes),
    ]
    for item in minutes.items:
        lines.append(_item(item))
    if minutes.action_log:
        lines.append("#heading(level: 1)[Action log carried forward]")
        lines += [f"- {escape(a)}" for a in minutes.action_log]
    return "\n".join(lines) + "\n"


def _names(title: str, names: tuple[str, ...]) -> str:
    return f"*{escape(title)}:* " + (escape("; ".join(names)) if names else "none") + "\n"


def _attendance(minutes: MinutesContent) -> str:
    parts = [
        "#heading(level: 1)[Attendance]",
        _names("Present", minutes.present),
        _names("In attendance", minutes.in_attendance),
        _names("Apologies", minutes.apologies),
        _names("Absent", minutes.absent),
    ]
    if minutes.arrivals:
        parts.append("*Arrivals before the first item*")
        parts += [f"- {escape(m)}" for m in minutes.arrivals]
    return "\n".join(parts)


def _decision(decision: MinutesDecision) -> str:
    lines = [f"*{escape(decision.route)}: {escape(decision.outcome)}.* {escape(decision.text)}"]
    if decision.rescinded:
        lines.append(f"_{escape(decision.rescinded)}_")
    if decision.delegation:
        lines.append(f"_{escape(decision.delegation)}._")
    if decision.chaired_by:
        lines.append(f"Chaired by {escape(decision.chaired_by)}. {escape(decision.quorum)}")
    else:
        lines.append(escape(decision.quorum))
    if decision.vote:
        vote = decision.vote
        kind = "Secret ballot" if vote.secret else "Named vote"
        lines.append(f"{kind} on the motion “{escape(vote.motion)}”: {escape(vote.result)}")
        lines += [f"- {escape(n)}" for n in vote.named]
    return "\n\n".join(lines)


def _item(item: MinutesItem) -> str:
    parts = [f"#heading(level: 1)[{escape(item.number)} {escape(item.title)}]"]
    if item.part == "PRIVATE":
        parts.append("_Part II: taken in private._")
    if item.chair_note:
        parts.append(f"_{escape(item.chair_note)}_")
    if item.declarations:
        parts.append("*Declarations of interest*")
        parts += [f"- {escape(d)}" for d in item.declarations]
    if item.movements:
        parts.append("*Arrivals and departures*")
        parts += [f"- {escape(m)}" for m in item.movements]
    if item.notes:
        parts.append(to_typst(item.notes))
    parts += [_decision(d) for d in item.decisions]
    if item.actions:
        parts.append("*Actions*")
        parts += [f"- {escape(a)}" for a in item.actions]
    return "\n\n".join(parts)


def compile_minutes(minutes: MinutesContent) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "minutes.typ"
        path.write_text(source(minutes))
        return typst.compile(str(path), root=folder, format="pdf")
