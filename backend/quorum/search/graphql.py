"""Search in GraphQL: `search(query:, ...)`, one page of typed results, each linking to the page it lives on.

Words that cannot be searched for (none, too many, only common words) come back as the results' `problem`, a
sentence to show, with no results; a malformed ID or cursor is the query's error, as everywhere else."""

from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import Annotated

import strawberry

from quorum import ids
from quorum.errors import ClientError
from quorum.graphql.context import Info
from quorum.graphql.pagination import PageInfo
from quorum.search import service
from quorum.search.service import SearchKind

SearchKindEnum = strawberry.enum(SearchKind, name="SearchKind")
DEFAULT_PAGE = 20


@strawberry.type(description="A piece of a snippet: plain text, or words that matched the search.")
class SnippetFragment:
    text: str
    highlighted: bool


@strawberry.type(description="Something the reader may see that matches the search.")
class SearchResult:
    kind: SearchKindEnum
    id: strawberry.ID = strawberry.field(
        description="The thing's global ID (for minutes, the meeting's; for draft minutes, the agenda item's)."
    )
    title: str
    snippet: list[SnippetFragment] = strawberry.field(
        description="Where the words matched, as text fragments: render each as text, the highlighted ones marked."
    )
    path: str = strawberry.field(description="The app's page for it, e.g. /meetings/<id>.")
    organisation_name: str | None
    committee_name: str | None
    date: date | None = strawberry.field(description="The meeting's day, or the day an entry was declared.")
    rank: float


@strawberry.type
class SearchEdge:
    cursor: str
    node: SearchResult


@strawberry.type(description="A page of results, best first. `problem` says why nothing was searched for.")
class SearchResults:
    edges: list[SearchEdge]
    page_info: PageInfo
    problem: str | None = None


_GLOBAL_TYPES = {
    SearchKind.MEETING: "Meeting",
    SearchKind.AGENDA_ITEM: "AgendaItem",
    SearchKind.PAPER: "Paper",
    SearchKind.DECISION: "Decision",
    SearchKind.ACTION: "Action",
    SearchKind.MINUTES: "Meeting",
    SearchKind.DRAFT_MINUTES: "AgendaItem",
    SearchKind.INTEREST: "Interest",
    SearchKind.GIFT_OR_HOSPITALITY: "GiftOrHospitality",
}


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"search:{offset}".encode()).decode()


def _offset(cursor: str | None) -> int:
    if cursor is None:
        return 0
    try:
        prefix, _, number = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        if prefix != "search" or not number.isdigit():
            raise ValueError
        return int(number) + 1
    except (binascii.Error, UnicodeError, ValueError):
        raise ClientError("The 'after' cursor is not one this search gave out.") from None


@strawberry.type
class SearchQueries:
    @strawberry.field(
        description="Full-text search across meetings, agenda items, papers, decisions, actions, minutes and "
        'registers, limited to what the viewer may read. Words as in a search engine: "exact phrase", or, -word.'
    )
    async def search(
        self,
        info: Info,
        query: str,
        organisation_id: strawberry.ID | None = None,
        committee_id: strawberry.ID | None = None,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
    ) -> SearchResults:
        filters = service.Filters(
            org_id=ids.expect("Organisation", organisation_id) if organisation_id else None,
            committee_id=ids.expect("Committee", committee_id) if committee_id else None,
            start=from_,
            end=to,
        )
        offset = _offset(after)
        ctx = info.context
        try:
            page = await service.search(ctx.db, ctx.access, query, filters, first, offset)
        except service.SearchRefused as refused:
            empty = PageInfo(has_next_page=False, has_previous_page=False, start_cursor=None, end_cursor=None)
            return SearchResults(edges=[], page_info=empty, problem=str(refused))
        edges = [
            SearchEdge(
                cursor=_cursor(page.offset + n),
                node=SearchResult(
                    kind=hit.kind,
                    id=strawberry.ID(ids.encode(_GLOBAL_TYPES[hit.kind], hit.id)),
                    title=hit.title,
                    snippet=[SnippetFragment(text=f.text, highlighted=f.highlighted) for f in hit.snippet],
                    path=service.path(hit, ctx.access),
                    organisation_name=hit.organisation_name,
                    committee_name=hit.committee_name,
                    date=hit.at,
                    rank=hit.rank,
                ),
            )
            for n, hit in enumerate(page.hits)
        ]
        return SearchResults(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next,
                has_previous_page=page.offset > 0,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )
