"""A paper's body is Markdown: shown as sanitised HTML in the app and set as Typst in the pack."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

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


def escape(text: str) -> str:
    return text.translate(_TYPST_SPECIAL)


def to_typst(source: str) -> str:
    """Typst markup for the pack: headings, paragraphs, lists, emphasis, code, quotes, links and rules."""
    out: list[str] = []
    lists: list[str] = []
    for token in _markdown.parse(source):
        out.append(_block(token, lists))
    return "".join(out)


def _block(token: Token, lists: list[str]) -> str:
    match token.type:
        case "heading_open":  # the paper's own headings stay out of the pack's bookmarks and contents
            return f"\n#heading(level: {min(int(token.tag[1]) + 2, 6)}, outlined: false, bookmarked: false)["
        case "heading_close":
            return "]\n"
        case "paragraph_close":
            return "\n" if lists else "\n\n"
        case "paragraph_open":
            return ""
        case "bullet_list_open" | "ordered_list_open":
            lists.append("- " if token.type == "bullet_list_open" else "+ ")
            return "\n"
        case "bullet_list_close" | "ordered_list_close":
            lists.pop()
            return "\n"
        case "list_item_open":
            return "  " * (len(lists) - 1) + lists[-1]
        case "inline":
            return _inline(token.children or [])
        case "fence" | "code_block":
            return "\n#block(fill: luma(240), inset: 6pt, raw(" + _string(token.content.rstrip("\n")) + "))\n\n"
        case "blockquote_open":
            return "#quote(block: true)["
        case "blockquote_close":
            return "]\n\n"
        case "hr":
            return "\n#line(length: 100%)\n\n"
        case _:
            return ""


def _inline(tokens: list[Token]) -> str:
    parts = []
    for token in tokens:
        match token.type:
            case "text":
                parts.append(escape(token.content))
            case "softbreak":
                parts.append(" ")
            case "hardbreak":
                parts.append(" \\\n")
            case "strong_open" | "strong_close":
                parts.append("#strong[" if token.type == "strong_open" else "]")
            case "em_open" | "em_close":
                parts.append("#emph[" if token.type == "em_open" else "]")
            case "code_inline":
                parts.append("#raw(" + _string(token.content) + ")")
            case "link_open":
                href = token.attrGet("href") or ""
                parts.append(f"#link({_string(href)})[" if href.startswith(("http://", "https://", "mailto:")) else "[")
            case "link_close":
                parts.append("]")
    return "".join(parts)


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
