"""Every Markdown construct the paper editor accepts prints in the pack as it shows on screen, and no Markdown,
however hostile, runs Typst code of its own: the paper is set in a real pack and read back with pdftotext."""

from __future__ import annotations

import re

import pytest

from quorum.packs.builder import compile_pack
from quorum.packs.document import PackContent, PackItem, PackPaper
from quorum.papers.markdown import escape, to_html, to_typst
from tests.meetings.pack_text import layout_text

EVERY_CONSTRUCT = """\
# Performance report

The trust is *behind plan* on **two standards**; see `ED-4` and the [NHS England data](https://www.england.nhs.uk/statistics/).
**Bold**.field and *emphasis*(call) stay text.

Line one of a paragraph\\
line two after a hard break.

## Constitutional standards

| Standard | Target | Actual |
|:---|---:|---:|
| A&E four hours | 95% | 91.2% |
| RTT 18 weeks | 92% | 84.5% |
| Cancer 62 days | 85% | 86.1% |

### Actions

- Recovery plan agreed
  - Extra theatre sessions
  - Weekend clinics
    1. Orthopaedics first
    2. Then ophthalmology
- Monthly review

3. Third point
4. Fourth point

> The chief executive said: **"we will recover by March"**.

```
total = sum(waits)  # not Typst: #panic("no")
```

---

Closing paragraph after the rule.
"""


def _pack(body: str) -> bytes:
    paper = PackPaper(
        title="Performance report",
        version=1,
        sponsor="Chief finance officer",
        author="Head of performance",
        purpose="ASSURANCE",
        executive_summary="Summary.",
        recommendation="Note the report.",
        strategic_objectives="Objective 1.",
        assurance_risks="BAF 2.",
        conflicts_noted="None.",
        impacts={},
        public_involvement="None.",
        is_public=True,
        body_markdown=body,
    )
    item = PackItem(
        key="item-1", number="7", title="Performance", purpose="ASSURANCE", presenter="", minutes=10, part="PUBLIC"
    )
    content = PackContent(
        organisation="NHS Bolton CCG",
        committee="Governing body",
        meeting_title="Meeting in public",
        when="Thursday 10 December 2026, 14:00",
        short_date="10 December 2026",
        place="Bolton",
        part_label="Part I (public)",
        version_label="Pack 1",
        items=(PackItem(**{**item.__dict__, "paper": paper}),),
    )
    return compile_pack(content, {})


def _paper_text(pdf: bytes) -> list[str]:
    """The lines of the paper's own pages (after its cover sheet), without the running header and footer."""
    text = layout_text(pdf)
    body = text[text.index("Performance report\n", text.index("Cover sheet")) :]
    return [line for line in body.splitlines() if line.strip() and "Page " not in line and "Governing body" not in line]


def _line(lines: list[str], *words: str) -> str:
    found = [line for line in lines if all(w in line for w in words)]
    assert found, f"no line with {words} in:\n" + "\n".join(lines)
    return found[0]


def test_a_table_keeps_its_cells_in_their_rows_and_columns():
    lines = _paper_text(_pack(EVERY_CONSTRUCT))
    header = _line(lines, "Standard", "Target", "Actual")
    rows = [_line(lines, *cells) for cells in (("A&E four hours", "95%", "91.2%"), ("RTT 18 weeks", "92%", "84.5%"))]
    rows.append(_line(lines, "Cancer 62 days", "85%", "86.1%"))
    for row, (name, target, actual) in zip(
        rows, [("A&E four hours", "95%", "91.2%"), ("RTT 18 weeks", "92%", "84.5%"), ("Cancer 62 days", "85%", "86.1%")]
    ):
        # Each row in order, each cell in its column: names left-aligned, figures right-aligned under their heading.
        assert re.search(rf"{re.escape(name)}\s+{re.escape(target)}\s+{re.escape(actual)}\s*$", row), row
        assert _column(header, row, name, left=True) == "Standard"
        assert _column(header, row, target, left=False) == "Target"
        assert _column(header, row, actual, left=False) == "Actual"
    assert lines.index(header) < lines.index(rows[0]) < lines.index(rows[1]) < lines.index(rows[2])


def _column(header: str, row: str, cell: str, *, left: bool) -> str:
    """The heading whose edge (left edge for left-aligned columns, right edge for right-aligned) is nearest the
    cell's: pdftotext's layout places characters only roughly, so nearest rather than equal."""
    edge = row.index(cell) if left else row.index(cell) + len(cell)
    headings = ("Standard", "Target", "Actual")
    return min(
        headings,
        key=lambda h: abs((header.index(h) if left else header.index(h) + len(h)) - edge),
    )


def test_every_other_construct_prints_as_it_shows_on_screen():
    lines = _paper_text(_pack(EVERY_CONSTRUCT))
    text = "\n".join(lines)
    # Headings on lines of their own; emphasis, code and link text in the running sentence.
    for heading in ("Performance report", "Constitutional standards", "Actions"):
        assert any(line.strip() == heading for line in lines), heading
    sentence = " ".join(line.strip() for line in lines)
    assert "The trust is behind plan on two standards; see ED-4 and the NHS England data." in sentence
    assert "Bold.field and emphasis(call) stay text." in sentence
    # A hard break is a new line.
    assert _line(lines, "Line one of a paragraph").strip() == "Line one of a paragraph"
    # Nested lists: bullets, deeper bullets indented further, and numbers where the author numbered.
    top = _line(lines, "Recovery plan agreed")
    nested = _line(lines, "Extra theatre sessions")
    deepest = _line(lines, "Orthopaedics first")
    indent = [len(line) - len(line.lstrip()) for line in (top, nested, deepest)]
    assert indent[0] < indent[1] < indent[2], (top, nested, deepest)
    assert "1. Orthopaedics first" in deepest and "2. Then ophthalmology" in _line(lines, "Then ophthalmology")
    assert "3. Third point" in text and "4. Fourth point" in text  # the author's own start number
    assert "•" in top
    # The quote, the code as written, and the text after the rule.
    assert 'The chief executive said: "we will recover by March".' in text.replace("“", '"').replace("”", '"')
    assert 'total = sum(waits) # not Typst: #panic("no")' in re.sub(r" +", " ", text)
    assert "Closing paragraph after the rule." in text


HOSTILE = [
    '#panic("injected")',
    ']#panic("x")[',
    '#let x = 1 #x #eval("1")',
    "$x^2$ and \\#escaped \\] and a trailing backslash \\",
    "<label> @ref = heading - list + enum / term: ~ ' \" * _ `",
    "1. looks numbered",
    "// a comment /* and a block */",
    "\\u{1F600} not an escape",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_printed_as_text_never_run(text):
    # escape() directly, as the pack's other text uses it: the PDF shows the characters and nothing else.
    pdf = compile_pack(
        PackContent(
            organisation=text,
            committee="Governing body",
            meeting_title=text,
            when="",
            short_date="",
            place="",
            part_label="",
            version_label="",
        ),
        {},
    )
    shown = " ".join(layout_text(pdf).split())
    assert " ".join(text.split()) in shown


def test_hostile_markdown_cannot_inject_typst():
    body = "\n\n".join(
        [
            'A link with a hostile address: [click](https://example.org/")[#panic("href")] )',
            "A [script link](javascript:alert(1)) is text only.",
            '| Cell | #panic("cell") |\n|---|---|\n| ]#panic("x")[ | `")#panic("code")` |',
            '```\n"); #panic("fence")\n```',
            '> ]#panic("quote")[',
            '- item #panic("list")\n  - ]nested[',
        ]
    )
    source = to_typst(body)
    assert "#panic" not in source.replace("\\#panic", "").replace('#panic(\\"', "")  # only escaped or inside strings
    text = " ".join(layout_text(_pack(body)).split())
    for shown in ('#panic("cell")', ']#panic("x")[', '"); #panic("fence")', ']#panic("quote")[', 'item #panic("list")'):
        assert shown in text, shown
    assert "A [script link](javascript:alert(1)) is text only." in text  # as on screen: not a link
    assert to_html("[x](javascript:alert(1))").count("href") == 0


def test_escape_leaves_no_markup_character_bare():
    for ch in "\\#*_`$<>@[]=-+/~\"'":
        assert escape(ch) == "\\" + ch
