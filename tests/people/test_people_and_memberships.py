"""Administrators register people and give and end their memberships of their own organisation."""

from __future__ import annotations

from tests.support import (
    BOLTON_ADMIN,
    ISLINGTON_SECRETARY,
    Caller,
    as_person,
    global_id,
    owner_fetch,
)

BOLTON = "SELECT id FROM organisation WHERE ods_code = '00T'"
ISLINGTON = "SELECT id FROM organisation WHERE ods_code = '08H'"

CREATE_PERSON = """
mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id email } errors { field message } } }"""
CREATE_MEMBERSHIP = """
mutation($input: CreateMembershipInput!) {
  createMembership(input: $input) { membership { id role isActive practice { odsCode } } errors { field message } }
}"""


async def test_registering_a_person_and_giving_them_a_role(client):
    admin = await as_person(client, BOLTON_ADMIN)
    bolton = await global_id("Organisation", BOLTON)
    person = await admin.data(
        CREATE_PERSON, {"input": {"organisationId": bolton, "name": "Ann Lee", "email": "Ann.Lee@NHS.example"}}
    )
    person_id = person["createPerson"]["person"]["id"]
    assert person["createPerson"]["person"]["email"] == "ann.lee@nhs.example"
    practice = await global_id("Practice", "SELECT id FROM practice WHERE ods_code = 'P82003'")
    membership = (
        await admin.data(
            CREATE_MEMBERSHIP,
            {
                "input": {
                    "personId": person_id,
                    "organisationId": bolton,
                    "role": "PRACTICE_REPRESENTATIVE",
                    "practiceId": practice,
                }
            },
        )
    )["createMembership"]
    assert membership["errors"] == []
    assert membership["membership"]["practice"] == {"odsCode": "P82003"} and membership["membership"]["isActive"]
    # The person can now sign in and sees Bolton.
    from tests.support import token_for

    ann = Caller(client, await token_for("ann.lee@nhs.example"))
    viewer = (await ann.data("{ viewer { memberships { role organisation { odsCode } } } }"))["viewer"]
    assert viewer["memberships"] == [{"role": "PRACTICE_REPRESENTATIVE", "organisation": {"odsCode": "00T"}}]


async def test_the_same_email_registered_by_two_ccgs_is_one_person_whose_name_the_second_cannot_change(client):
    bolton_admin, islington_admin = await as_person(client, BOLTON_ADMIN), await as_person(client, ISLINGTON_SECRETARY)
    first = await bolton_admin.data(
        CREATE_PERSON,
        {
            "input": {
                "organisationId": await global_id("Organisation", BOLTON),
                "name": "Dr Jo Marsh",
                "email": "jo.marsh@nhs.example",
            }
        },
    )
    second = await islington_admin.data(
        CREATE_PERSON,
        {
            "input": {
                "organisationId": await global_id("Organisation", ISLINGTON),
                "name": "Someone Else",
                "email": "jo.marsh@nhs.example",
            }
        },
    )
    assert first["createPerson"]["person"]["id"] == second["createPerson"]["person"]["id"]
    assert [r["name"] for r in await owner_fetch("SELECT name FROM person WHERE email = 'jo.marsh@nhs.example'")] == [
        "Dr Jo Marsh"
    ]


async def test_bad_membership_input_is_refused_with_reasons(client):
    admin = await as_person(client, BOLTON_ADMIN)
    bolton = await global_id("Organisation", BOLTON)
    stranger = await global_id("Person", "SELECT id FROM person WHERE email = 'grace.adeyemi@demo.quorum.example'")
    islington_practice = await global_id("Practice", "SELECT id FROM practice WHERE ods_code = 'F83002'")
    before = await owner_fetch("SELECT count(*) FROM membership")
    result = (
        await admin.data(
            CREATE_MEMBERSHIP,
            {
                "input": {
                    "personId": stranger,
                    "organisationId": bolton,
                    "role": "AREA_TEAM_OFFICER",
                    "validFrom": "2026-05-01",
                    "validTo": "2026-04-01",
                }
            },
        )
    )["createMembership"]
    assert [e["field"] for e in result["errors"]] == ["personId", "role", "validTo"]
    me = await global_id("Person", "SELECT id FROM person WHERE email = $1", BOLTON_ADMIN)
    result = (
        await admin.data(
            CREATE_MEMBERSHIP,
            {
                "input": {
                    "personId": me,
                    "organisationId": bolton,
                    "role": "PRACTICE_REPRESENTATIVE",
                    "practiceId": islington_practice,
                }
            },
        )
    )["createMembership"]
    assert result["errors"] == [{"field": "practiceId", "message": "Choose one of NHS Bolton CCG's practices."}]
    result = (
        await admin.data(
            CREATE_MEMBERSHIP, {"input": {"personId": "not-an-id", "organisationId": bolton, "role": "STAFF"}}
        )
    )["createMembership"]
    assert result["errors"] == [{"field": "personId", "message": "That is not a valid Person ID."}]
    assert await owner_fetch("SELECT count(*) FROM membership") == before


async def test_ending_a_membership_removes_access(client):
    admin = await as_person(client, BOLTON_ADMIN)
    bolton = await global_id("Organisation", BOLTON)
    person = await admin.data(
        CREATE_PERSON, {"input": {"organisationId": bolton, "name": "Kim Tran", "email": "kim.tran@nhs.example"}}
    )
    membership = await admin.data(
        CREATE_MEMBERSHIP,
        {
            "input": {
                "personId": person["createPerson"]["person"]["id"],
                "organisationId": bolton,
                "role": "STAFF",
                "validFrom": "2025-01-01",
            }
        },
    )
    membership_id = membership["createMembership"]["membership"]["id"]
    from tests.support import token_for

    kim = Caller(client, await token_for("kim.tran@nhs.example"))
    assert (await kim.data("{ practices { totalCount } }"))["practices"]["totalCount"] > 0
    ended = await admin.data(
        "mutation($input: EndMembershipInput!) { endMembership(input: $input) { membership { isActive } errors { message } } }",
        {"input": {"id": membership_id, "validTo": "2025-06-30"}},
    )
    assert ended["endMembership"] == {"membership": {"isActive": False}, "errors": []}
    assert (await kim.data("{ practices { totalCount } }"))["practices"]["totalCount"] == 0
