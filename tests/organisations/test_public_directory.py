"""The public directory: anyone finds an organisation by name or ODS code, a page at a time, and bad searches get a
clear answer rather than everything, an error page or a 500."""

from __future__ import annotations

import pytest

from tests.support import ISLINGTON_GP, Caller, as_person, owner_fetch

DIRECTORY = """
query($search: String, $first: Int!, $after: String) {
  publicDirectory(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind odsCode name areaTeamName } }
  }
}"""


async def directory(caller: Caller, search: str | None = None, first: int = 100, after: str | None = None) -> dict:
    return (await caller.data(DIRECTORY, {"search": search, "first": first, "after": after}))["publicDirectory"]


def names(page: dict) -> list[str]:
    return [edge["node"]["name"] for edge in page["edges"]]


async def test_anyone_finds_an_organisation_by_part_of_its_name_in_any_case(client):
    found = await directory(Caller(client), "bOLTon")
    bolton = [edge["node"] for edge in found["edges"] if edge["node"]["odsCode"] == "00T"]
    assert bolton == [
        {
            "id": bolton[0]["id"],
            "kind": "CCG",
            "odsCode": "00T",
            "name": "NHS Bolton CCG",
            "areaTeamName": "Greater Manchester Area Team",
        }
    ]
    assert all("bolton" in name.lower() for name in names(found))


async def test_anyone_finds_an_organisation_by_its_ods_code_in_any_case(client):
    for search in ("08h", "08H", " 08h "):
        found = await directory(Caller(client), search)
        assert "NHS Islington CCG" in names(found), search
    area_team = await directory(Caller(client), "q71")
    assert [edge["node"] for edge in area_team["edges"] if edge["node"]["odsCode"] == "Q71"][0]["areaTeamName"] is None


async def test_the_whole_directory_comes_in_pages_by_name_without_overlap(client):
    everyone = await owner_fetch("SELECT name FROM organisation ORDER BY name, id")
    seen: list[str] = []
    after = None
    while True:
        page = await directory(Caller(client), None, first=3, after=after)
        assert page["totalCount"] == len(everyone)
        seen += names(page)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [row["name"] for row in everyone]


async def test_a_signed_in_person_sees_the_same_directory_as_the_public(client):
    # The directory is what organisations publish about themselves: membership neither adds to it nor hides any.
    islington_gp = await as_person(client, ISLINGTON_GP)
    assert await directory(islington_gp, "ccg") == await directory(Caller(client), "ccg")


@pytest.mark.parametrize("search", ["%", "_", "%%", "0_T", "B%ton", "\\", "'; DROP TABLE organisation; --", "ZZZ"])
async def test_wildcards_and_quotes_are_taken_literally_and_match_nothing(client, search):
    found = await directory(Caller(client), search)
    assert found == {"totalCount": 0, "pageInfo": {"hasNextPage": False, "endCursor": None}, "edges": []}


async def test_a_blank_search_lists_everyone(client):
    (count,) = await owner_fetch("SELECT count(*) FROM organisation")
    assert (await directory(Caller(client), "   "))["totalCount"] == count[0]


@pytest.mark.parametrize(
    ("search", "message"),
    [
        ("x" * 101, "Search for at most 100 characters of a name or ODS code."),
        ("Bolton" * 2000, "Search for at most 100 characters of a name or ODS code."),
        ("Bolton\n00T", "Search with letters, numbers and punctuation only."),
    ],
)
async def test_an_overlong_or_unprintable_search_is_refused_with_a_reason(client, search, message):
    body = await Caller(client).post(DIRECTORY, {"search": search, "first": 10})
    assert body["data"] is None
    assert [error["message"] for error in body["errors"]] == [message]


async def test_a_nul_character_is_refused_before_it_reaches_the_database(client):
    response = await client.post(
        "/graphql", json={"query": DIRECTORY, "variables": {"search": "Bol\x00ton", "first": 5}}
    )
    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": "Text may not contain NUL (\\u0000) characters."}]}


@pytest.mark.parametrize("first", [0, -1, 101])
async def test_a_page_size_out_of_range_is_refused_with_a_reason(client, first):
    body = await Caller(client).post(DIRECTORY, {"search": "ccg", "first": first})
    assert [error["message"] for error in body["errors"]] == ["'first' must be between 1 and 100."]


async def test_a_cursor_from_elsewhere_is_refused_with_a_reason(client):
    body = await Caller(client).post(DIRECTORY, {"first": 5, "after": "not-a-cursor"})
    assert [error["message"] for error in body["errors"]] == ["The 'after' cursor is not one this list gave out."]


async def test_the_directory_gives_nothing_but_what_an_organisation_publishes_about_itself(client):
    # No practices, people or memberships hang off an entry, for anyone to walk into.
    body = await Caller(client).post("{ publicDirectory(first: 1) { edges { node { practices { totalCount } } } } }")
    assert "errors" in body and body.get("data") is None
