"""A paper's body is Markdown: shown as sanitised HTML in the app and set as Typst in the pack.

Both come from one parse, so every construct the editor shows (headings, paragraphs, emphasis, links, inline and
block code, block quotes, nested bullet and numbered lists, tables and rules) prints in the pack as it shows on
screen. The author's text only ever reaches Typst escaped (markup) or as a string literal (code, links), so a paper
cannot run Typst code of its own.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
ALLOWED_TAGS = {
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}
LINK_SCHEMES = ("http://", "https://", "mailto:")


def to_html(source: str) -> str:
    """HTML safe to put in a page: no raw HTML from the author, only plain links."""
    return sanitize(_markdown.render(source))


def sanitize(html: str) -> str:
    """Only the tags Markdown makes and plain links: for Markdown's HTML and a Word body's (quorum.papers.word)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


_TYPST_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\#*_`$<>@[]=-+/~\"'"})
_NUMBERED = re.compile(r"(?<=\d)\.")  # "1." at the start of a line would otherwise start a numbered list


def escape(text: str) -> str:
    """Text as Typst markup that shows exactly these characters and does nothing else."""
    return _NUMBERED.sub(r"\\.", text.translate(_TYPST_SPECIAL))


def to_typst(source: str) -> str:
    """Typst markup for the pack, one block after another."""
    return "\n\n".join(_block(node) for node in SyntaxTreeNode(_markdown.parse(source)).children) + (
        "\n" if source.strip() else ""
    )


def _blocks(node: SyntaxTreeNode) -> str:
    return "\n\n".join(_block(child) for child in node.children)


def _block(node: SyntaxTreeNode) -> str:
    match node.type:
        case "paragraph":
            return _inline(node.children[0].children) if node.children else ""
        case "heading":  # the paper's own headings stay out of the pack's bookmarks and contents
            level = min(int(node.tag[1]) + 2, 6)
            return f"#heading(level: {level}, outlined: false, bookmarked: false)[{_content(node)}]"
        case "bullet_list" | "ordered_list":
            return _list(node)
        case "blockquote":
            return f"#quote(block: true)[{_blocks(node)}]"
        case "fence" | "code_block":
            code = _string(node.content.rstrip("\n"))
            return f"#block(fill: luma(240), inset: 6pt, width: 100%, raw(block: true, {code}))"
        case "hr":
            return "#line(length: 100%)"
        case "table":
            return _table(node)
        case _:
            return ""


def _list(node: SyntaxTreeNode) -> str:
    items = ", ".join(f"[{_blocks(item)}]" for item in node.children)
    tight = (
        "true" if all(p.hidden for item in node.children for p in item.children if p.type == "paragraph") else "false"
    )
    if node.type == "bullet_list":
        return f"#list(tight: {tight}, {items})"
    start = int(str(node.attrs.get("start", 1)))
    return f"#enum(start: {start}, tight: {tight}, {items})"


_ALIGN = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}


def _table(node: SyntaxTreeNode) -> str:
    sections = {section.type: section for section in node.children}
    header_rows = sections["thead"].children if "thead" in sections else []
    body_rows = sections["tbody"].children if "tbody" in sections else []
    columns = max((len(row.children) for row in (*header_rows, *body_rows)), default=1)
    first = header_rows[0].children if header_rows else []
    aligns = [_ALIGN.get(str(cell.attrs.get("style", "")), "left") for cell in first]
    aligns += ["left"] * (columns - len(aligns))

    def cells(row: SyntaxTreeNode, bold: bool) -> str:
        texts = [_content(cell) for cell in row.children] + [""] * (columns - len(row.children))
        return ", ".join(f"[#strong[{t}]]" if bold else f"[{t}]" for t in texts)

    parts = [f"columns: {columns}", f"align: ({', '.join(aligns)},)", "stroke: 0.5pt + luma(180)", "inset: 5pt"]
    parts += [f"table.header({cells(row, True)})" for row in header_rows]
    parts += [cells(row, False) for row in body_rows]
    return "#table(\n  " + ",\n  ".join(parts) + ",\n)"


def _content(node: SyntaxTreeNode) -> str:
    """The inline markup of a heading or table cell."""
    return _inline(node.children[0].children) if node.children else ""


def _inline(nodes: list[SyntaxTreeNode]) -> str:
    """Each call ends with ";" so the text after it stays text (a "." or ";" would otherwise continue the call)."""
    parts = []
    for node in nodes:
        match node.type:
            case "text":
                parts.append(escape(node.content))
            case "softbreak":
                parts.append(" ")
            case "hardbreak":
                parts.append("#linebreak();")
            case "strong":
                parts.append(f"#strong[{_inline(node.children)}];")
            case "em":
                parts.append(f"#emph[{_inline(node.children)}];")
            case "code_inline":
                parts.append(f"#raw({_string(node.content)});")
            case "link":
                href = str(node.attrs.get("href", ""))
                text = _inline(node.children)
                parts.append(f"#link({_string(href)})[{text}];" if href.startswith(LINK_SCHEMES) else text)
            case "image":  # not shown on screen either (the HTML allows no images)
                pass
    return "".join(parts)


def _string(text: str) -> str:
    """A Typst string literal holding exactly this text."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'
