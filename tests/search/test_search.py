"""Search finds only what the caller may read: never another organisation's private text, Part II business or
drafts to those who may not see them; bad words get a sentence, never a 500; a page costs the same statements
however many results it holds; snippets carry highlights as data, never as markup."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

import pytest

from quorum.search.service import CANDIDATES, fragments
from tests.support import (
    BOLTON_SECRETARY,
    ISLINGTON_GP,
    JOINT_COMMITTEE,
    MANCHESTER_OFFICER,
    Caller,
    as_person,
    global_id,
    owner,
)

SEARCH = """query($query: String!, $organisationId: ID, $committeeId: ID, $from: Date, $to: Date, $first: Int!,
  $after: String) {
  search(query: $query, organisationId: $organisationId, committeeId: $committeeId, from: $from, to: $to,
         first: $first, after: $after) {
    problem
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { kind id title path organisationName committeeName date snippet { text highlighted } } }
  } }"""

GOVERNING_BODY = "SELECT id, org_id FROM committee WHERE org_id = (SELECT id FROM organisation WHERE ods_code = $1) AND kind = 'GOVERNING_BODY'"


@dataclass
class World:
    word: str
    bolton: uuid.UUID
    bolton_body: uuid.UUID
    paper: uuid.UUID


async def _meeting(conn, committee, org, title: str, status: str, days: int) -> uuid.UUID:
    return await conn.fetchval(
        "INSERT INTO meeting (org_id, committee_id, title, starts_at, status) "
        "VALUES ($1, $2, $3, now() + make_interval(days => $4), $5) RETURNING id",
        org,
        committee,
        title,
        days,
        status,
    )


async def _item(conn, org, committee, meeting, position: int, title: str, part: str) -> uuid.UUID:
    return await conn.fetchval(
        "INSERT INTO agenda_item (org_id, meeting_id, committee_id, position, title, purpose, part) "
        "VALUES ($1, $2, $3, $4, $5, 'DECISION', $6) RETURNING id",
        org,
        meeting,
        committee,
        position,
        title,
        part,
    )


async def _paper(conn, org, committee, meeting, item, title: str, body: str, public: bool, person) -> uuid.UUID:
    paper = await conn.fetchval(
        "INSERT INTO paper (org_id, meeting_id, committee_id, item_id, title, author_id, sponsor_id, due_date,"
        " requested_by, status, is_public) VALUES ($1, $2, $3, $4, $5, $6, $6, current_date, $6, 'INCLUDED', $7)"
        " RETURNING id",
        org,
        meeting,
        committee,
        item,
        title,
        person,
        public,
    )
    await conn.execute(
        "INSERT INTO paper_version (org_id, paper_id, number, body_markdown, executive_summary, created_by,"
        " approved_at, approved_by, published_at) VALUES ($1, $2, 1, $3, 'A summary.', $4, now(), $4, now())",
        org,
        paper,
        body,
        person,
    )
    return paper


@pytest.fixture(scope="module")
async def world() -> World:
    """One word in things of every visibility: public, Part II, draft, another CCG's, the joint committee's."""
    word = "zq" + secrets.token_hex(4)
    conn = await owner()
    try:
        async with conn.transaction():
            secretary = await conn.fetchval("SELECT id FROM person WHERE email = $1", BOLTON_SECRETARY)
            bolton_body, bolton = (await conn.fetch(GOVERNING_BODY, "00T"))[0]
            islington_body, islington = (await conn.fetch(GOVERNING_BODY, "08H"))[0]
            joint, joint_org = (await conn.fetch(JOINT_COMMITTEE.replace("SELECT id", "SELECT id, org_id")))[0]

            meeting = await _meeting(conn, bolton_body, bolton, f"{word} open meeting", "PAPERS_PUBLISHED", 7)
            public_item = await _item(conn, bolton, bolton_body, meeting, 1, f"{word} public item", "PUBLIC")
            private_item = await _item(conn, bolton, bolton_body, meeting, 2, f"{word} private item", "PRIVATE")
            paper = await _paper(
                conn, bolton, bolton_body, meeting, public_item, f"{word} public paper",
                f"## Finance\n\n| Standard | Actual |\n|---|---|\n| {word} <script>alert(1)</script> | 91% |",
                True, secretary,
            )  # fmt: skip
            await _paper(
                conn, bolton, bolton_body, meeting, private_item, "Confidential paper",
                f"The {word} private paper body.", False, secretary,
            )  # fmt: skip
            await conn.execute(
                "INSERT INTO minute_note (org_id, item_id, meeting_id, committee_id, notes, updated_by)"
                " VALUES ($1, $2, $3, $4, $5, $6)",
                bolton, public_item, meeting, bolton_body, f"Members discussed the {word} draft notes.", secretary,
            )  # fmt: skip
            await conn.execute(
                "INSERT INTO decision (org_id, meeting_id, committee_id, item_id, route, text, recorded_by, quorum)"
                " VALUES ($1, $2, $3, $4, 'CONSENSUS', $5, $6, '{}')",
                bolton, meeting, bolton_body, private_item, f"Agreed the {word} private decision.", secretary,
            )  # fmt: skip
            await _meeting(conn, bolton_body, bolton, f"{word} draft meeting", "DRAFT", 40)

            other = await _meeting(conn, islington_body, islington, "Islington board", "PAPERS_PUBLISHED", 9)
            await _item(conn, islington, islington_body, other, 1, f"{word} islington public", "PUBLIC")
            await _item(conn, islington, islington_body, other, 2, f"{word} islington private", "PRIVATE")

            jc = await _meeting(conn, joint, joint_org, "Joint committee", "PAPERS_PUBLISHED", 11)
            await _item(conn, joint_org, joint, jc, 1, f"{word} joint private", "PRIVATE")
        return World(word=word, bolton=bolton, bolton_body=bolton_body, paper=paper)
    finally:
        await conn.close()


async def _search(caller: Caller, query: str, **variables) -> dict:
    return (await caller.data(SEARCH, {"query": query, "first": 50, **variables}))["search"]


async def _titles(caller: Caller, query: str, **variables) -> set[str]:
    found = await _search(caller, query, **variables)
    assert found["problem"] is None, found
    return {edge["node"]["title"] for edge in found["edges"]}


def _restricted(titles: set[str], word: str) -> set[str]:
    return {t for t in titles if "private" in t or "draft" in t or t.startswith("Confidential")}


async def test_anonymous_finds_only_published_part_one(client, world):
    titles = await _titles(Caller(client), world.word)
    w = world.word
    assert {f"{w} open meeting", f"{w} public item", f"{w} public paper", f"{w} islington public"} <= titles
    assert _restricted(titles, w) == set(), titles
    # Nor through the text: words only in a Part II paper or in draft notes find nothing.
    assert await _titles(Caller(client), f"{w} confidential") == set()
    assert await _titles(Caller(client), f"{w} discussed") == set()
    assert await _titles(Caller(client), f"{w} agreed") == set()


async def test_a_member_of_another_ccg_never_finds_bolton_business_in_private(client, world):
    gp = await as_person(client, ISLINGTON_GP)
    titles = await _titles(gp, world.word)
    w = world.word
    assert f"{w} public item" in titles and f"{w} islington public" in titles
    assert f"{w} islington private" in titles  # their own governing body's Part II
    assert _restricted(titles, w) == {f"{w} islington private"}, titles


async def test_the_secretary_finds_their_own_part_two_and_drafts_and_no_other_ccgs(client, world):
    secretary = await as_person(client, BOLTON_SECRETARY)
    found = await _search(secretary, world.word)
    kinds = {(e["node"]["kind"], e["node"]["title"]) for e in found["edges"]}
    w = world.word
    assert {
        ("AGENDA_ITEM", f"{w} private item"),
        ("PAPER", "Confidential paper"),
        ("MEETING", f"{w} draft meeting"),
        ("DRAFT_MINUTES", f"{w} public item"),
        ("DECISION", f"{w} private item"),
    } <= kinds, kinds
    assert not any("islington private" in title for _, title in kinds)


async def test_an_area_team_officer_sees_the_joint_committee_not_the_ccgs_part_two_before_and_after_revocation(
    client, world
):
    officer = await as_person(client, MANCHESTER_OFFICER)
    w = world.word
    delegations = await (await owner()).fetch(
        f"SELECT id FROM delegation WHERE receiving_committee_id = ({JOINT_COMMITTEE}) AND revoked_at IS NULL"
    )
    before = await _titles(officer, w)
    assert f"{w} joint private" in before  # a seat on the joint committee: its Part II business
    assert _restricted(before, w) == {f"{w} joint private"}, before
    conn = await owner()
    try:
        await conn.execute(
            "UPDATE delegation SET revoked_at = now(), revoked_by = recorded_by, revocation_reason = 'Search test'"
            " WHERE id = ANY ($1::uuid[])",
            [d["id"] for d in delegations],
        )
        # The delegations open contracts, concerns and figures, no text search reads: what is found is unchanged,
        # and the CCGs' private business stays out of reach.
        after = await _titles(officer, w)
        assert _restricted(after, w) == {f"{w} joint private"}, after
    finally:
        await conn.execute(
            "UPDATE delegation SET revoked_at = NULL, revoked_by = NULL, revocation_reason = NULL"
            " WHERE id = ANY ($1::uuid[])",
            [d["id"] for d in delegations],
        )
        await conn.close()


async def test_filters_by_organisation_committee_and_date(client, world):
    secretary = await as_person(client, BOLTON_SECRETARY)
    w = world.word
    bolton = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = '00T'")
    body = await global_id("Committee", GOVERNING_BODY.replace(", org_id", ""), "00T")
    assert not any("islington" in t for t in await _titles(Caller(client), w, organisationId=bolton))
    assert "Joint committee" not in str(await _search(secretary, w, committeeId=body))
    soon = await _titles(secretary, w, **{"from": _days(0), "to": _days(20)})
    assert f"{w} public item" in soon and f"{w} draft meeting" not in soon
    later = await _titles(secretary, w, **{"from": _days(30)})
    assert later == {f"{w} draft meeting"}


async def test_filters_narrow_before_the_limit_on_what_is_ranked(client):
    """Each kind ranks a bounded number of matches; a filter applies before that bound, so one CCG's only paper
    matching a word is found even when the rest of England holds many more matching papers than are ranked (written
    first, so that they come before it in the table)."""
    word = "zq" + secrets.token_hex(4)
    conn = await owner()
    try:
        async with conn.transaction():
            secretary = await conn.fetchval("SELECT id FROM person WHERE email = $1", BOLTON_SECRETARY)
            islington_body, islington = (await conn.fetch(GOVERNING_BODY, "08H"))[0]
            elsewhere = await _meeting(conn, islington_body, islington, "Busy meeting", "PAPERS_PUBLISHED", 5)
            await conn.execute(
                MANY_MATCHING_PAPERS, islington, islington_body, elsewhere, secretary, word, CANDIDATES * 8
            )
            bolton_body, bolton = (await conn.fetch(GOVERNING_BODY, "00T"))[0]
            meeting = await _meeting(conn, bolton_body, bolton, "Quiet meeting", "PAPERS_PUBLISHED", 6)
            item = await _item(conn, bolton, bolton_body, meeting, 1, "The one item", "PUBLIC")
            await _paper(
                conn, bolton, bolton_body, meeting, item, "Bolton's paper", f"Only {word} here.", True, secretary
            )
    finally:
        await conn.close()
    organisation = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = '00T'")
    committee = await global_id("Committee", GOVERNING_BODY.replace(", org_id", ""), "00T")
    anonymous = Caller(client)
    for narrowed in ({"organisationId": organisation}, {"committeeId": committee}, {"from": _days(6), "to": _days(6)}):
        assert await _titles(anonymous, word, **narrowed) == {"Bolton's paper"}, narrowed


# $6 published papers at one meeting, each on its own item, with $5 in the version's text alone.
MANY_MATCHING_PAPERS = """
WITH items AS (
    INSERT INTO agenda_item (org_id, meeting_id, committee_id, position, title, purpose, part)
    SELECT $1, $3, $2, n, 'Item ' || n, 'DECISION', 'PUBLIC' FROM generate_series(1, $6::integer) n RETURNING id
), papers AS (
    INSERT INTO paper (org_id, meeting_id, committee_id, item_id, title, author_id, sponsor_id, due_date,
                       requested_by, status, is_public)
    SELECT $1, $3, $2, id, 'Paper', $4, $4, current_date, $4, 'INCLUDED', true FROM items RETURNING id
)
INSERT INTO paper_version (org_id, paper_id, number, body_markdown, executive_summary, created_by, approved_at,
                           approved_by, published_at)
SELECT $1, id, 1, $5, 'A summary.', $4, now(), $4, now() FROM papers
"""


def _days(n: int) -> str:
    from datetime import date, timedelta

    return (date.today() + timedelta(days=n)).isoformat()


async def test_results_link_to_their_pages_and_page_through(client, world):
    anonymous = Caller(client)
    found = await _search(await as_person(client, BOLTON_SECRETARY), f"{world.word} public paper")
    paper = next(e["node"] for e in found["edges"] if e["node"]["kind"] == "PAPER")
    assert paper["path"] == f"/papers/{paper['id']}"
    assert (paper["organisationName"], paper["committeeName"]) == ("NHS Bolton CCG", "Governing body")
    # The public sees whose business it is too: organisations' names are public.
    public = await _search(anonymous, f"{world.word} public paper")
    assert {e["node"]["organisationName"] for e in public["edges"]} == {"NHS Bolton CCG"}, public
    first = await anonymous.data(SEARCH, {"query": world.word, "first": 2})
    assert first["search"]["pageInfo"]["hasNextPage"] is True
    second = await anonymous.data(
        SEARCH, {"query": world.word, "first": 2, "after": first["search"]["pageInfo"]["endCursor"]}
    )
    seen = [e["node"]["id"] for e in first["search"]["edges"]] + [e["node"]["id"] for e in second["search"]["edges"]]
    assert len(set(seen)) == 4 and second["search"]["pageInfo"]["hasPreviousPage"] is True


async def test_snippets_carry_highlights_as_text_never_as_markup(client, world):
    found = await _search(Caller(client), f"{world.word} paper")
    paper = next(e["node"] for e in found["edges"] if e["node"]["kind"] == "PAPER")
    marked = [f["text"] for f in paper["snippet"] if f["highlighted"]]
    assert world.word in marked
    text = "".join(f["text"] for f in paper["snippet"])
    assert "alert(1)" in text and "<script>" not in text  # ts_headline drops tags; the rest is text to render as text
    assert "|" not in text and "##" not in text and "---" not in text  # Markdown's rules and headings: spaces
    assert fragments("a \x02b\x03 c") == (
        type(fragments("x")[0])("a ", False),
        type(fragments("x")[0])("b", True),
        type(fragments("x")[0])(" c", False),
    )


@pytest.mark.parametrize(
    ("words", "problem"),
    [
        ("", "Enter the words to search for."),
        ("   ", "Enter the words to search for."),
        ("x" * 201, "Search for 200 characters or fewer."),
        ("the and of", "Those words are too common to search for; add a more specific word."),
    ],
)
async def test_words_that_cannot_be_searched_get_a_sentence(client, words, problem):
    found = await _search(Caller(client), words)
    assert found["problem"] == problem and found["edges"] == []


@pytest.mark.parametrize("words", ["a & b | !c", "'):* <-> (", '"unclosed', "-", "!!!", "\\", "x:*", "((((", "%_"])
async def test_search_syntax_characters_are_words_not_errors(client, words):
    body = await Caller(client).post(SEARCH, {"query": words, "first": 5})
    assert "errors" not in body, body


async def test_bad_ids_cursors_and_ranges_are_refused_clearly(client):
    anonymous = Caller(client)
    body = await anonymous.post(SEARCH, {"query": "budget", "first": 5, "organisationId": "nonsense"})
    assert body["errors"][0]["message"] == "'nonsense' is not a Quorum ID"
    body = await anonymous.post(SEARCH, {"query": "budget", "first": 5, "after": "bm9wZQ=="})
    assert body["errors"][0]["message"] == "The 'after' cursor is not one this search gave out."
    found = await _search(anonymous, "budget", **{"from": "2026-02-01", "to": "2026-01-01"})
    assert found["problem"] == "The 'from' date must be on or before the 'to' date."
    found = (await anonymous.data(SEARCH, {"query": "budget", "first": 500}))["search"]
    assert found["problem"] == "Ask for between 1 and 50 results at a time."


async def test_a_page_costs_the_same_statements_however_many_results(client, world):
    secretary = await as_person(client, BOLTON_SECRETARY)
    counts = []
    total = len((await _search(secretary, world.word))["edges"])
    for first in (1, 5, 50):
        response = await client.post(
            "/graphql",
            json={"query": SEARCH, "variables": {"query": world.word, "first": first}},
            headers={"authorization": f"Bearer {secretary.token}"},
        )
        assert len(response.json()["data"]["search"]["edges"]) == min(first, total)
        counts.append(int(response.headers["x-quorum-sql-statements"]))
    assert counts[0] == counts[1] == counts[2], counts


async def test_an_approved_version_can_still_be_published_and_still_cannot_change(world):
    """Migration 0024's vector is null in a BEFORE trigger's NEW row: the freeze must not mistake that for a change."""
    conn = await owner()
    try:
        version = await conn.fetchval("SELECT id FROM paper_version WHERE paper_id = $1", world.paper)
        await conn.execute("UPDATE paper_version SET published_at = now() WHERE id = $1", version)
        with pytest.raises(Exception, match="is approved and cannot change"):
            await conn.execute("UPDATE paper_version SET body_markdown = 'Changed' WHERE id = $1", version)
    finally:
        await conn.close()
