"""Search: one ranked page of what the caller may read that matches their words.

The statement reads the source tables themselves (their `search_vector` columns, migration 0024) on the request's
connection, as the app role with the caller's settings, so each table's row-level security decides what is found:
another organisation's text, Part II business and drafts never match for someone who may not read them. It is one
statement however many results a page holds: it ranks every match (ts_rank), takes the page, then reads each
result's title and highlights its words (ts_headline) for that page only.
"""

from __future__ import annotations

import enum
import functools
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from quorum import ids
from quorum.access import Access
from quorum.database import Db
from quorum.interests import rules

MAX_QUERY_LENGTH = 200
MAX_PAGE = 50
MAX_OFFSET = 1000
# At most this many matches of each kind are ranked, the first the index finds: a word found in tens of thousands of
# agenda items would otherwise cost seconds to rank under their policies. Filters apply before the limit, so
# narrowing a search ranks within it.
CANDIDATES = 30
# Snippets are cut from the first this many characters of a thing's text (ts_headline's cost grows with the text).
SNIPPET_SOURCE = 8000

# Highlights come back between these two characters, which are removed from the text first, so a snippet can be
# split into plain text and matched words without ever treating any of the text as markup.
START, STOP = "\x02", "\x03"


class SearchKind(str, enum.Enum):
    MEETING = "MEETING"
    AGENDA_ITEM = "AGENDA_ITEM"
    PAPER = "PAPER"
    DECISION = "DECISION"
    ACTION = "ACTION"
    MINUTES = "MINUTES"  # approved minutes
    DRAFT_MINUTES = "DRAFT_MINUTES"  # the secretary's notes of an item, before the minutes are approved
    INTEREST = "INTEREST"
    GIFT_OR_HOSPITALITY = "GIFT_OR_HOSPITALITY"


class SearchRefused(Exception):
    """The words cannot be searched for; the message says why, in words the reader can act on."""


@dataclass(frozen=True)
class Filters:
    org_id: uuid.UUID | None = None
    committee_id: uuid.UUID | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Fragment:
    text: str
    highlighted: bool


@dataclass(frozen=True)
class Hit:
    kind: SearchKind
    org_id: uuid.UUID
    id: uuid.UUID
    title: str
    snippet: tuple[Fragment, ...]
    organisation_name: str | None
    ods_code: str | None
    committee_id: uuid.UUID | None
    committee_name: str | None
    meeting_id: uuid.UUID | None
    at: date | None
    rank: float


@dataclass(frozen=True)
class Page:
    hits: list[Hit]
    offset: int
    has_next: bool


def check_words(words: str) -> str:
    cleaned = " ".join(words.split())
    if not cleaned:
        raise SearchRefused("Enter the words to search for.")
    if len(cleaned) > MAX_QUERY_LENGTH:
        raise SearchRefused(f"Search for {MAX_QUERY_LENGTH} characters or fewer.")
    return cleaned


def check_filters(filters: Filters) -> None:
    if filters.start and filters.end and filters.start > filters.end:
        raise SearchRefused("The 'from' date must be on or before the 'to' date.")


# Each branch is one kind of thing: its key, organisation, committee, meeting (for the page it lives on), the day
# it belongs to and its rank. Parameters are named (:words) and numbered when the statement is built.
_MEETING_DAY = "(m.starts_at AT TIME ZONE 'Europe/London')::date"
# Written out in each branch rather than read from a CTE, so that the planner gives it to the GIN indexes.
_QUERY = "websearch_to_tsquery('english', :words::text)"
_BY_MEETING = "JOIN meeting m ON m.org_id = {t}.org_id AND m.id = {t}.meeting_id"
# The text of a version's files (appendices, Word body).
_VERSION_FILE_TEXT = (
    "JOIN file_text t ON t.org_id = v.org_id AND t.file_id IN (SELECT a.file_id FROM appendix a"
    " WHERE a.org_id = v.org_id AND a.version_id = v.id UNION ALL SELECT v.body_file_id)"
)


@dataclass(frozen=True)
class Shape:
    """What a search statement's text depends on: the kinds the caller's access could show them, and which filters
    are given. Each shape is its own prepared statement with a plan kept for the connection (see `search`), so a
    branch no policy could show the caller, or a filter not given, costs neither planning nor running."""

    actions: bool  # the caller sees some committee's business
    draft_minutes: bool  # the caller sees some committee's Part II
    registers: bool  # signed in: the registers' own policies may show entries
    org: bool
    committee: bool
    start: bool
    end: bool

    @classmethod
    def of(cls, access: Access, filters: Filters) -> Shape:
        return cls(
            actions=bool(access.committee_ids),
            draft_minutes=bool(access.private_committee_ids),
            registers=access.signed_in,
            org=filters.org_id is not None,
            committee=filters.committee_id is not None,
            start=filters.start is not None,
            end=filters.end is not None,
        )

    def filters(self, org: str, committee: str | None, day: str) -> str:
        """The given filters, as conditions on a branch's columns (a branch without a committee has none to match)."""
        conditions = [f"{org} = :org"] if self.org else []
        if self.committee:
            conditions.append(f"{committee} = :committee" if committee else "false")
        if self.start or self.end:
            # A function the planner does not see into (migration 0033), so a kept plan still starts from the words.
            first, last = (":start::date" if self.start else "NULL", ":end::date" if self.end else "NULL")
            conditions.append(f"search_day_within({day}, {first}, {last})")
        return " AND ".join(conditions) or "true"


# A version's files (appendices, Word body) whose text is `t`, and the papers they belong to.
_FILE_PAPERS = """file_text t CROSS JOIN LATERAL (
        SELECT v.org_id, v.paper_id FROM appendix a JOIN paper_version v ON v.org_id = a.org_id AND v.id = a.version_id
        WHERE a.org_id = t.org_id AND a.file_id = t.file_id
        UNION ALL
        SELECT v.org_id, v.paper_id FROM paper_version v WHERE v.org_id = t.org_id AND v.body_file_id = t.file_id
    ) f"""


def _papers(shape: Shape) -> str:
    """A paper matches by its title, a version's text, or the text of a version's file (an appendix or the Word body
    it was written in). Given filters, each of the three reads its paper (and meeting, for dates) to apply them
    before its limit."""
    filtered = shape.org or shape.committee or shape.start or shape.end
    meeting = _BY_MEETING.format(t="p") if shape.start or shape.end else ""

    def matches(columns: str, source: str, org: str, paper: str) -> str:
        rank = f"ts_rank(t.search_vector, {_QUERY}, 1) AS rank"
        if not filtered:
            return f"(SELECT {columns}, {rank} FROM {source} WHERE t.search_vector @@ {_QUERY} LIMIT :candidates)"
        # Files' texts are narrowed to the organisation first (by their key): each costs its policy's reads.
        organisation = ":org" if shape.org else "(SELECT c.org_id FROM committee c WHERE c.id = :committee)"
        narrowed = (
            f" AND t.org_id = {organisation}" if source is _FILE_PAPERS and (shape.org or shape.committee) else ""
        )
        return (
            f"(SELECT {columns}, {rank} FROM {source} JOIN paper p ON p.org_id = {org} AND p.id = {paper} {meeting}"
            f" WHERE t.search_vector @@ {_QUERY}{narrowed}"
            f" AND {shape.filters('p.org_id', 'p.committee_id', _MEETING_DAY)} LIMIT :candidates)"
        )

    found = "\n    UNION ALL\n    ".join(
        (
            matches("t.org_id, t.id AS paper_id", "paper t", "t.org_id", "t.id"),
            matches("t.org_id, t.paper_id", "paper_version t", "t.org_id", "t.paper_id"),
            matches("f.org_id, f.paper_id", _FILE_PAPERS, "f.org_id", "f.paper_id"),
        )
    )
    return f"""SELECT 'PAPER', p.org_id, p.id, p.committee_id, p.meeting_id, {_MEETING_DAY}, max(h.rank)
    FROM ({found}) h
    JOIN paper p ON p.org_id = h.org_id AND p.id = h.paper_id
    {_BY_MEETING.format(t="p")}
    GROUP BY p.org_id, p.id, p.committee_id, p.meeting_id, m.starts_at"""


def _hits(shape: Shape) -> str:
    meetings = shape.filters("m.org_id", "m.committee_id", _MEETING_DAY)
    branches = [
        f"""(SELECT 'MEETING' AS kind, m.org_id, m.id, m.committee_id, m.id AS meeting_id, {_MEETING_DAY} AS day,
               ts_rank(m.search_vector, {_QUERY}, 1) AS rank
        FROM meeting m WHERE m.search_vector @@ {_QUERY} AND {meetings} LIMIT :candidates)""",
        f"""(SELECT 'AGENDA_ITEM', i.org_id, i.id, i.committee_id, i.meeting_id, {_MEETING_DAY},
               ts_rank(i.search_vector, {_QUERY}, 1)
        FROM agenda_item i {_BY_MEETING.format(t="i")}
        WHERE i.search_vector @@ {_QUERY} AND {shape.filters("i.org_id", "i.committee_id", _MEETING_DAY)}
        LIMIT :candidates)""",
        _papers(shape),
        f"""(SELECT 'DECISION', d.org_id, d.id, d.committee_id, d.meeting_id, {_MEETING_DAY},
               ts_rank(d.search_vector, {_QUERY}, 1)
        FROM decision d {_BY_MEETING.format(t="d")}
        WHERE d.search_vector @@ {_QUERY} AND {shape.filters("d.org_id", "d.committee_id", _MEETING_DAY)}
        LIMIT :candidates)""",
        # A meeting's minutes are one result: Parts I and II for those who may read both, else Part I.
        f"""SELECT 'MINUTES', org_id, meeting_id, committee_id, meeting_id, day, max(rank)
        FROM (SELECT mi.org_id, mi.meeting_id, mi.committee_id, {_MEETING_DAY} AS day,
                     ts_rank(mi.search_vector, {_QUERY}, 1) AS rank
              FROM minutes mi {_BY_MEETING.format(t="mi")}
              WHERE mi.search_vector @@ {_QUERY} AND {shape.filters("mi.org_id", "mi.committee_id", _MEETING_DAY)}
              LIMIT :candidates) parts
        GROUP BY org_id, meeting_id, committee_id, day""",
    ]
    if shape.actions:
        branches.append(
            f"""(SELECT 'ACTION', a.org_id, a.id, a.committee_id, a.meeting_id, {_MEETING_DAY},
                   ts_rank(a.search_vector, {_QUERY}, 1)
            FROM action a {_BY_MEETING.format(t="a")}
            WHERE a.search_vector @@ {_QUERY} AND {shape.filters("a.org_id", "a.committee_id", _MEETING_DAY)}
            LIMIT :candidates)"""
        )
    if shape.draft_minutes:
        # Read from the committees whose private business the caller sees (by an index: a few hundred notes each),
        # each note's words matched in turn: the match written as a function call, which no index serves, since the
        # text index would read every note in England holding a common word (78,000 for "winter") to find them.
        branches.append(
            f"""(SELECT 'DRAFT_MINUTES', n.org_id, n.item_id, n.committee_id, n.meeting_id, {_MEETING_DAY},
                   ts_rank(n.search_vector, {_QUERY}, 1)
            FROM minute_note n {_BY_MEETING.format(t="n")}
            WHERE n.committee_id = ANY (:private_committee_ids::uuid[])
              AND ts_match_vq(n.search_vector, {_QUERY})
              AND {shape.filters("n.org_id", "n.committee_id", _MEETING_DAY)}
            LIMIT :candidates)"""
        )
    return "\n  UNION ALL\n".join(branches)


def _registers(shape: Shape) -> str | None:
    """The registers' entries carry their title and text: an anonymous reader finds them through the published
    registers' function, not the tables (whose policies show them nothing), so there is nothing to read them from
    afterwards. Entries belong to no committee, so a committee filter leaves them out."""
    if shape.committee:
        return None
    branches = []
    if shape.registers:
        branches += [
            f"""(SELECT 'INTEREST' AS kind, r.org_id, r.id, NULL::uuid AS committee_id, NULL::uuid AS meeting_id,
                   r.declared_on AS day, ts_rank(r.search_vector, {_QUERY}, 1) AS rank,
                   r.description AS title, r.description || ' ' || r.action_taken AS body,
                   NULL::text AS organisation_name, NULL::text AS ods_code
            FROM interest r
            WHERE r.search_vector @@ {_QUERY} AND {shape.filters("r.org_id", None, "r.declared_on")}
            LIMIT :candidates)""",
            f"""(SELECT 'GIFT_OR_HOSPITALITY', g.org_id, g.id, NULL::uuid, NULL::uuid, g.offered_on,
                   ts_rank(g.search_vector, {_QUERY}, 1), g.description, g.description || ' ' || g.offered_by,
                   NULL, NULL
            FROM gift_or_hospitality g
            WHERE g.search_vector @@ {_QUERY} AND {shape.filters("g.org_id", None, "g.offered_on")}
            LIMIT :candidates)""",
        ]
    # What the public registers show, for everyone (with the organisation, which the public may know).
    org, start, end = (
        ":org::uuid" if shape.org else "NULL::uuid",
        ":start::date" if shape.start else "NULL::date",
        ":end::date" if shape.end else "NULL::date",
    )
    branches.append(
        f"""SELECT kind, org_id, id, NULL::uuid, NULL::uuid, day, rank, title, body, organisation_name, ods_code
        FROM published_register_matches({_QUERY}, {org}, {start}, {end}, :candidates::integer,
                                        :unlisted_kinds::text[], :unlisted_solicited::boolean[],
                                        :unlisted_thresholds::integer[])"""
    )
    return "\n  UNION ALL\n".join(branches)


# The title and the text to highlight, for one result of the page. Every read here is under row-level security
# too: a paper's text comes from the newest version the caller may read, preferring one that matches.
DETAILS = f"""
    SELECT m.title, m.title || ' ' || m.location AS body
    FROM meeting m WHERE page.kind = 'MEETING' AND m.org_id = page.org_id AND m.id = page.id
  UNION ALL
    SELECT i.title, i.title || ' ' || i.presenter
    FROM agenda_item i WHERE page.kind = 'AGENDA_ITEM' AND i.org_id = page.org_id AND i.id = page.id
  UNION ALL
    SELECT p.title, coalesce((
        SELECT concat_ws(E'\\n', v.executive_summary, v.recommendation, v.body_markdown)
        FROM paper_version v
        WHERE v.org_id = p.org_id AND v.paper_id = p.id AND v.search_vector @@ q.query
        ORDER BY v.number DESC LIMIT 1
    ), (
        SELECT t.text FROM paper_version v {_VERSION_FILE_TEXT}
        WHERE v.org_id = p.org_id AND v.paper_id = p.id AND t.search_vector @@ q.query
        ORDER BY v.number DESC LIMIT 1
    ), (
        SELECT concat_ws(E'\\n', v.executive_summary, v.recommendation, v.body_markdown)
        FROM paper_version v WHERE v.org_id = p.org_id AND v.paper_id = p.id ORDER BY v.number DESC LIMIT 1
    ), p.title)
    FROM paper p WHERE page.kind = 'PAPER' AND p.org_id = page.org_id AND p.id = page.id
  UNION ALL
    SELECT i.title, d.text
    FROM decision d JOIN agenda_item i ON i.org_id = d.org_id AND i.id = d.item_id
    WHERE page.kind = 'DECISION' AND d.org_id = page.org_id AND d.id = page.id
  UNION ALL
    SELECT a.description, a.description
    FROM action a WHERE page.kind = 'ACTION' AND a.org_id = page.org_id AND a.id = page.id
  UNION ALL
    (SELECT m.title, mi.record::text
     FROM minutes mi JOIN meeting m ON m.org_id = mi.org_id AND m.id = mi.meeting_id
     WHERE page.kind = 'MINUTES' AND mi.org_id = page.org_id AND mi.meeting_id = page.id
     ORDER BY mi.search_vector @@ q.query DESC, mi.part = 'PRIVATE' DESC LIMIT 1)
  UNION ALL
    SELECT i.title, n.notes
    FROM minute_note n JOIN agenda_item i ON i.org_id = n.org_id AND i.id = n.item_id
    WHERE page.kind = 'DRAFT_MINUTES' AND n.org_id = page.org_id AND n.item_id = page.id
"""


def _search_sql(shape: Shape) -> str:
    registers = _registers(shape)
    # An entry found both in the table and in the published register is one result.
    found_registers = (
        f"\n    UNION ALL (SELECT DISTINCT ON (kind, id) * FROM ({registers}) registers"
        " ORDER BY kind, id, ods_code NULLS LAST)"
        if registers
        else ""
    )
    return f"""
WITH q AS (SELECT {_QUERY} AS query),
found AS (SELECT *, NULL::text AS title, NULL::text AS body, NULL::text AS organisation_name, NULL::text AS ods_code
    FROM ({_hits(shape)}) hits{found_registers}),
page AS (SELECT * FROM found ORDER BY rank DESC, day DESC NULLS LAST, kind, id LIMIT :first OFFSET :offset)
SELECT page.kind, page.org_id, page.id, page.committee_id, page.meeting_id, page.day, page.rank,
       coalesce(o.name, page.organisation_name) AS organisation_name, coalesce(o.ods_code, page.ods_code) AS ods_code,
       c.name AS committee_name, coalesce(page.title, detail.title) AS title,
       ts_headline('english', translate(left(coalesce(page.body, detail.body), :snippet_source), E'\\x02\\x03', ''),
                   q.query, 'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                   || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
FROM page CROSS JOIN q
LEFT JOIN public_directory() o ON o.id = page.org_id  -- every organisation's name and code are public
LEFT JOIN committee c ON c.org_id = page.org_id AND c.id = page.committee_id
LEFT JOIN LATERAL ({DETAILS}) detail ON true
ORDER BY page.rank DESC, page.day DESC NULLS LAST, page.kind, page.id
"""


_NAMED = re.compile(r"(?<![:\w]):([a-z_]+)\b")


@functools.cache
def statement(shape: Shape) -> tuple[str, tuple[str, ...]]:
    """The search statement for `shape`, its named parameters numbered in order, and their names."""
    names: list[str] = []

    def number(found: re.Match[str]) -> str:
        if found.group(1) not in names:
            names.append(found.group(1))
        return f"${names.index(found.group(1)) + 1}"

    return _NAMED.sub(number, _search_sql(shape)), tuple(names)


# The gifts and hospitality the published register leaves out, as three arrays.
_UNLISTED = dict(
    zip(
        ("unlisted_kinds", "unlisted_solicited", "unlisted_thresholds"),
        (list(column) for column in zip(*((k.value, s, p) for k, s, p in rules.need_not_declare()))),
    )
)

HAS_WORDS = "SELECT numnode(websearch_to_tsquery('english', $1)) > 0"
# A search's plan is made once per connection and shape and kept (a generic plan, over the parameters): planning
# the branches under their policies cost as much as running them. The setting lasts the request's transaction.
KEEP_PLANS = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true)"


async def search(db: Db, access: Access, words: str, filters: Filters, first: int, offset: int) -> Page:
    """A page of what matches `words` that the caller may read (the connection's settings say who they are)."""
    words = check_words(words)
    check_filters(filters)
    if not 1 <= first <= MAX_PAGE:
        raise SearchRefused(f"Ask for between 1 and {MAX_PAGE} results at a time.")
    if not 0 <= offset <= MAX_OFFSET:
        raise SearchRefused(f"Search shows the first {MAX_OFFSET} results; narrow it with more words or filters.")
    sql, names = statement(Shape.of(access, filters))
    values = {
        "words": words,
        "org": filters.org_id,
        "committee": filters.committee_id,
        "start": filters.start,
        "end": filters.end,
        "first": first + 1,
        "offset": offset,
        "candidates": CANDIDATES,
        "snippet_source": SNIPPET_SOURCE,
        "private_committee_ids": list(access.private_committee_ids),
        **_UNLISTED,
    }
    await db.records(KEEP_PLANS)
    rows = await db.records(sql, *(values[name] for name in names))
    if not rows and not (await db.records(HAS_WORDS, words))[0][0]:
        # Only when nothing matched: words such as "the" or "and" alone are not searched for.
        raise SearchRefused("Those words are too common to search for; add a more specific word.")
    hits = [_hit(row) for row in rows[:first]]
    return Page(hits=hits, offset=offset, has_next=len(rows) > first)


def _hit(row: object) -> Hit:
    r = row  # asyncpg.Record
    day = r["day"]  # type: ignore[index]
    return Hit(
        kind=SearchKind(r["kind"]),  # type: ignore[index]
        org_id=r["org_id"],  # type: ignore[index]
        id=r["id"],  # type: ignore[index]
        title=r["title"] or "",  # type: ignore[index]
        snippet=fragments(r["snippet"] or ""),  # type: ignore[index]
        organisation_name=r["organisation_name"],  # type: ignore[index]
        ods_code=r["ods_code"],  # type: ignore[index]
        committee_id=r["committee_id"],  # type: ignore[index]
        committee_name=r["committee_name"],  # type: ignore[index]
        meeting_id=r["meeting_id"],  # type: ignore[index]
        at=day.date() if isinstance(day, datetime) else day,
        rank=float(r["rank"]),  # type: ignore[index]
    )


_MARKUP = re.compile(r"[#*`|>]+|:?-{3,}:?|\s+")


def _plain(text: str) -> str:
    """Markdown's punctuation (headings, emphasis, table rules) read as spaces in a snippet."""
    return _MARKUP.sub(" ", text)


def fragments(snippet: str) -> tuple[Fragment, ...]:
    """Split ts_headline's output at its markers into plain text and matched words."""
    found: list[Fragment] = []
    for piece in re.split(f"({START}[^{STOP}]*{STOP})", snippet):
        if piece.startswith(START) and piece.endswith(STOP):
            found.append(Fragment(piece[1:-1], True))
        elif piece:
            text = _plain(piece)
            if text:
                found.append(Fragment(text, False))
    if found and not found[0].highlighted:
        found[0] = Fragment(found[0].text.lstrip(), False)
    return tuple(f for f in found if f.text)


def path(hit: Hit, access: Access) -> str:
    """The page in the app where the reader finds the thing."""
    meeting = ids.encode("Meeting", hit.meeting_id) if hit.meeting_id else None
    if hit.kind is SearchKind.PAPER:
        return f"/papers/{ids.encode('Paper', hit.id)}"
    if hit.kind in (SearchKind.MINUTES, SearchKind.DRAFT_MINUTES) and access.signed_in:
        return f"/meetings/{meeting}/minutes"
    if hit.kind is SearchKind.ACTION and hit.committee_id:
        return f"/committees/{ids.encode('Committee', hit.committee_id)}/actions"
    # Another organisation's entry (found in its published register) is read on its public page.
    if hit.kind is SearchKind.INTEREST:
        return "/interests" if hit.org_id in access.org_ids else f"/public/{(hit.ods_code or '').lower()}/interests"
    if hit.kind is SearchKind.GIFT_OR_HOSPITALITY:
        return "/gifts" if hit.org_id in access.org_ids else f"/public/{(hit.ods_code or '').lower()}/gifts"
    return f"/meetings/{meeting}"
