"""A user of one CCG gets nothing of another's, by ID or by list; anonymous callers get nothing private."""

from __future__ import annotations

import pytest

from tests.support import (
    BOLTON_GP,
    BOLTON_SECRETARY,
    ISLINGTON_GP,
    MANCHESTER_OFFICER,
    Caller,
    as_person,
    global_id,
    owner_fetch,
)

ISLINGTON_ROWS = {
    "Organisation": "SELECT id FROM organisation WHERE ods_code = '08H'",
    "Practice": "SELECT id FROM practice WHERE ods_code = 'F83002'",
    "Person": "SELECT id FROM person WHERE email = 'grace.adeyemi@demo.quorum.example'",
    "Membership": "SELECT m.id FROM membership m JOIN organisation o ON o.id = m.org_id WHERE o.ods_code = '08H' LIMIT 1",
}

NODE = "query($id: ID!) { node(id: $id) { id __typename } }"


@pytest.mark.parametrize("type_name", ISLINGTON_ROWS)
async def test_node_of_another_ccg_is_null(client, type_name):
    node_id = await global_id(type_name, ISLINGTON_ROWS[type_name])
    islington = await as_person(client, ISLINGTON_GP)
    assert (await islington.data(NODE, {"id": node_id}))["node"] == {"id": node_id, "__typename": type_name}
    for caller in (
        await as_person(client, BOLTON_SECRETARY),
        await as_person(client, MANCHESTER_OFFICER),
        Caller(client),
    ):
        assert (await caller.data(NODE, {"id": node_id}))["node"] is None
        assert (await caller.data("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [node_id]}))["nodes"] == [
            None
        ]


LISTS = """
{
  organisations(first: 100) { edges { node { odsCode
      practices(first: 100) { edges { node { odsCode } } }
      memberships(first: 100) { edges { node { person { email } organisation { odsCode } } } } } } }
  practices(first: 100) { totalCount edges { node { odsCode organisation { odsCode } } } }
  people(first: 100) { edges { node { email memberships { organisation { odsCode } } } } }
  viewer { person { email } memberships { organisation { odsCode } } }
}
"""


def ods_codes(data: dict) -> set[str]:
    found: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "odsCode":
                    found.add(inner)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(data)
    return found


async def test_every_list_of_a_bolton_user_holds_only_bolton(client):
    data = await (await as_person(client, BOLTON_GP)).data(LISTS)
    codes = ods_codes(data)
    assert "00T" in codes and "P82001" in codes
    # Their area team's directory entry (name and ODS code) is all they see beyond Bolton.
    assert {c for c in codes if c not in ("00T", "Q46") and not c.startswith("P82")} == set()
    emails = {e["node"]["email"] for e in data["people"]["edges"]}
    assert "grace.adeyemi@demo.quorum.example" not in emails
    bolton_practices = await owner_fetch(
        "SELECT count(*) FROM practice p JOIN organisation o ON o.id = p.org_id WHERE o.ods_code = '00T'"
    )
    assert data["practices"]["totalCount"] == bolton_practices[0][0]


async def test_anonymous_caller_sees_no_private_data(client):
    data = await Caller(client).data(LISTS)
    assert data["viewer"] is None
    assert data["organisations"]["edges"] == []
    assert data["practices"] == {"totalCount": 0, "edges": []}
    assert data["people"]["edges"] == []


async def test_area_team_officer_sees_the_area_s_practices_but_none_of_its_ccgs_people(client):
    data = await (await as_person(client, MANCHESTER_OFFICER)).data(LISTS)
    codes = ods_codes(data)
    assert {"Q46", "00T", "01D", "P82001", "P86001"} <= codes
    assert not {c for c in codes if c.startswith(("F8", "08H", "07T", "Q71"))}
    ccg_memberships = [
        m
        for e in data["organisations"]["edges"]
        if e["node"]["odsCode"] != "Q46"
        for m in e["node"]["memberships"]["edges"]
    ]
    assert ccg_memberships == []
    # People: her own area team's (other tests may add colleagues), and those she sits with on the joint committee;
    # nobody else of Bolton's.
    people = {e["node"]["email"].split("@")[0] for e in data["people"]["edges"]}
    assert {"janet.whitworth", "margaret.lowe", "rajesh.mistry", "tom.ashworth"} <= people
    assert not people & {"helen.hargreaves", "priya.shah", "fiona.clarke", "grace.adeyemi"}


async def test_practices_filter_naming_another_ccg_returns_nothing(client):
    islington_id = await global_id("Organisation", ISLINGTON_ROWS["Organisation"])
    data = await (await as_person(client, BOLTON_SECRETARY)).data(
        "query($org: ID) { practices(organisationId: $org) { totalCount } people(organisationId: $org) { totalCount } }",
        {"org": islington_id},
    )
    assert data == {"practices": {"totalCount": 0}, "people": {"totalCount": 0}}
