"""Administrators manage their own organisation's practices, and only a platform administrator creates organisations."""

from __future__ import annotations

from tests.support import (
    BOLTON_ADMIN,
    BOLTON_SECRETARY,
    ISLINGTON_SECRETARY,
    PLATFORM_ADMIN,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner_fetch,
)

BOLTON = "SELECT id FROM organisation WHERE ods_code = '00T'"

CREATE_PRACTICE = """
mutation($input: CreatePracticeInput!) {
  createPractice(input: $input) { practice { odsCode name listSize organisation { odsCode } } errors { field message } }
}"""


async def practice_input(org_query: str, ods: str, **overrides) -> dict:
    return {
        "organisationId": await global_id("Organisation", org_query),
        "odsCode": ods,
        "name": "Lever Chambers Surgery",
        "listSize": 6240,
        "locality": "Bolton Central",
        **overrides,
    }


async def test_administrator_adds_a_practice_and_the_change_is_audited(client):
    admin = await as_person(client, BOLTON_ADMIN)
    result = (await admin.data(CREATE_PRACTICE, {"input": await practice_input(BOLTON, "P82901")}))["createPractice"]
    assert result == {
        "practice": {
            "odsCode": "P82901",
            "name": "Lever Chambers Surgery",
            "listSize": 6240,
            "organisation": {"odsCode": "00T"},
        },
        "errors": [],
    }
    audit = await owner_fetch(
        "SELECT a.action, a.after ->> 'ods_code' AS ods, p.email FROM audit_entry a JOIN person p ON p.id = a.actor_person_id"
        " WHERE a.entity_type = 'Practice' AND a.after ->> 'ods_code' = 'P82901'"
    )
    assert [tuple(r) for r in audit] == [("practice.create", "P82901", BOLTON_ADMIN)]


async def test_non_administrator_cannot_add_a_practice(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    result = (await secretary.data(CREATE_PRACTICE, {"input": await practice_input(BOLTON, "P82902")}))[
        "createPractice"
    ]
    assert result["practice"] is None
    assert result["errors"] == [
        {"field": None, "message": "You need to be an administrator of NHS Bolton CCG to do this."}
    ]
    assert await owner_fetch("SELECT 1 FROM practice WHERE ods_code = 'P82902'") == []


async def test_administrator_of_another_ccg_cannot_add_to_bolton_nor_learn_it_exists(client):
    islington = await as_person(client, ISLINGTON_SECRETARY)
    result = (await islington.data(CREATE_PRACTICE, {"input": await practice_input(BOLTON, "P82903")}))[
        "createPractice"
    ]
    assert result["errors"] == [{"field": "organisationId", "message": "No such organisation."}]
    await assert_asked_to_sign_in(client, CREATE_PRACTICE, {"input": await practice_input(BOLTON, "P82903")})
    assert await owner_fetch("SELECT 1 FROM practice WHERE ods_code = 'P82903'") == []


async def test_bad_practice_input_names_each_field_and_writes_nothing(client):
    admin = await as_person(client, BOLTON_ADMIN)
    before = await owner_fetch("SELECT count(*) FROM practice")
    result = (
        await admin.data(
            CREATE_PRACTICE, {"input": await practice_input(BOLTON, "12345", name=" ", listSize=-3, locality="")}
        )
    )["createPractice"]
    assert [e["field"] for e in result["errors"]] == ["name", "odsCode", "listSize", "locality"]
    duplicate = (await admin.data(CREATE_PRACTICE, {"input": await practice_input(BOLTON, "P82001")}))["createPractice"]
    assert duplicate["errors"] == [
        {"field": "odsCode", "message": "A practice with the ODS code P82001 is already registered."}
    ]
    assert await owner_fetch("SELECT count(*) FROM practice") == before


async def test_only_a_platform_administrator_creates_organisations(client):
    mutation = """mutation($input: CreateOrganisationInput!) {
      createOrganisation(input: $input) { organisation { odsCode kind areaTeam { odsCode } } errors { field message } } }"""
    area_team = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = 'Q46'")
    new_ccg = {"kind": "CCG", "odsCode": "02A", "name": "NHS Trafford CCG", "areaTeamId": area_team}
    refused = await (await as_person(client, BOLTON_ADMIN)).data(mutation, {"input": new_ccg})
    assert (
        refused["createOrganisation"]["errors"][0]["message"]
        == "Only a platform administrator can create organisations."
    )
    platform = await as_person(client, PLATFORM_ADMIN)
    created = await platform.data(mutation, {"input": new_ccg})
    assert created["createOrganisation"] == {
        "organisation": {"odsCode": "02A", "kind": "CCG", "areaTeam": {"odsCode": "Q46"}},
        "errors": [],
    }
    bad = await platform.data(
        mutation, {"input": {"kind": "CCG", "odsCode": "TOOLONG", "name": "", "areaTeamId": None}}
    )
    assert [e["field"] for e in bad["createOrganisation"]["errors"]] == ["name", "odsCode", "areaTeamId"]
