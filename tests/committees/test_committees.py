"""Committees and joint committees: who sees them, who changes them, and the checks on seats."""

from __future__ import annotations

import pytest

from tests.support import (
    BOLTON_ADMIN,
    BOLTON_GOVERNING_BODY,
    BOLTON_GP,
    BOLTON_SECRETARY,
    ISLINGTON_GP,
    JOINT_COMMITTEE,
    MANCHESTER_OFFICER,
    Caller,
    add_member,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner_fetch,
)

NODE = "query($id: ID!) { node(id: $id) { ... on Committee { name seats { person { email } } } } }"
COMMITTEES = "{ committees(first: 100) { edges { node { id name host { odsCode } } } } }"


@pytest.fixture(scope="module", autouse=True)
async def outsiders():
    await add_member("ian.officer@demo.quorum.example", "Ian Officer", "Q46", "AREA_TEAM_OFFICER")
    await add_member("hmr.secretary@demo.quorum.example", "Hana Rahman", "01D", "BOARD_SECRETARY")


async def seen_by(caller: Caller) -> dict[str, tuple[str, str | None]]:
    """Each committee the caller sees, by ID: its name and its host's ODS code (None if the host is hidden).

    Other tests publish meetings of other organisations' committees, which everyone may then see; so what a member
    sees is compared with what the public sees at that moment, by ID (names such as "Governing body" repeat)."""
    data = await caller.data(COMMITTEES)
    return {
        e["node"]["id"]: (e["node"]["name"], e["node"]["host"] and e["node"]["host"]["odsCode"])
        for e in data["committees"]["edges"]
    }


async def test_each_party_s_member_sees_the_joint_committee_and_nobody_else_does(client):
    joint = await global_id("Committee", JOINT_COMMITTEE)
    for member in (BOLTON_GP, MANCHESTER_OFFICER):
        committee = (await (await as_person(client, member)).data(NODE, {"id": joint}))["node"]
        assert committee["name"] == "Bolton primary care joint committee"
        assert {s["person"]["email"] for s in committee["seats"] if s["person"]} >= {BOLTON_GP}
    # Its meetings are published, so everyone sees what the public sees of it: never its seats.
    public_view = (await Caller(client).data(NODE, {"id": joint}))["node"]
    assert public_view is None or public_view["seats"] == []
    for outsider in ("ian.officer@demo.quorum.example", "hmr.secretary@demo.quorum.example", ISLINGTON_GP):
        caller = await as_person(client, outsider)
        assert (await caller.data(NODE, {"id": joint}))["node"] == public_view


async def test_area_team_officer_on_the_joint_committee_sees_none_of_the_ccg_s_other_committees(client):
    # Beyond its joint committee, the officer sees of the CCG exactly what the public sees: committees whose
    # meetings have been published (the demo's governing body has held meetings), never their seats.
    officer = await as_person(client, MANCHESTER_OFFICER)
    joint = await global_id("Committee", JOINT_COMMITTEE)
    seen = await seen_by(officer)
    assert seen[joint] == ("Bolton primary care joint committee", "00T")
    assert seen.keys() - {joint} == (await seen_by(Caller(client))).keys() - {joint}
    governing_body = await global_id("Committee", BOLTON_GOVERNING_BODY)
    public_view = (await Caller(client).data(NODE, {"id": governing_body}))["node"]
    assert (await officer.data(NODE, {"id": governing_body}))["node"] == public_view
    seat = await global_id("Seat", f"SELECT id FROM seat WHERE committee_id = ({BOLTON_GOVERNING_BODY}) LIMIT 1")
    assert (await officer.data("query($id: ID!) { node(id: $id) { id } }", {"id": seat}))["node"] is None


async def test_ccg_members_see_their_own_committees_with_the_council_of_members(client):
    gp = await as_person(client, BOLTON_GP)
    seen = await seen_by(gp)
    assert {
        ("Governing body", "00T"),
        ("Council of members", "00T"),
        ("Bolton primary care joint committee", "00T"),
    } <= set(seen.values())
    public = (await seen_by(Caller(client))).keys()
    assert {host for committee, (_, host) in seen.items() if committee not in public} == {"00T"}
    council = await global_id(
        "Committee",
        "SELECT c.id FROM committee c JOIN organisation o ON o.id = c.org_id"
        " WHERE o.ods_code = '00T' AND c.kind = 'COUNCIL_OF_MEMBERS'",
    )
    seats = (
        await gp.data(
            "query($id: ID!) { node(id: $id) { ... on Committee { councilSeats { practice { odsCode } representative { email } } } } }",
            {"id": council},
        )
    )["node"]["councilSeats"]
    assert {"practice": {"odsCode": "P82001"}, "representative": {"email": BOLTON_GP}} in seats


CREATE = """mutation($input: CreateCommitteeInput!) {
  createCommittee(input: $input) {
    committee { id name kind quorumRule { inWords } viewerCanManage }
    errors { field message } } }"""
ADD_SEAT = """mutation($input: AddSeatInput!) {
  addSeat(input: $input) { seat { id role voting category person { email } } errors { field message } } }"""


async def test_a_secretary_creates_a_committee_with_seats_and_a_quorum_rule(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    bolton = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = '00T'")
    created = (
        await secretary.data(
            CREATE,
            {
                "input": {
                    "organisationId": bolton,
                    "kind": "AUDIT",
                    "name": "Audit committee",
                    "termsSummary": "Assures the governing body on internal control.",
                    "quorumRule": {"minimumVoting": 2, "categoryMinimums": [{"category": "LAY_MEMBER", "count": 1}]},
                }
            },
        )
    )["createCommittee"]
    assert created["errors"] == []
    committee = created["committee"]
    assert (
        committee["quorumRule"]["inWords"]
        == "Quorate with at least two voting members present and at least one lay member."
    )
    lay = await global_id("Person", "SELECT id FROM person WHERE email = 'margaret.lowe@demo.quorum.example'")
    seat = (
        await secretary.data(
            ADD_SEAT,
            {
                "input": {
                    "committeeId": committee["id"],
                    "personId": lay,
                    "role": "CHAIR",
                    "voting": True,
                    "category": "LAY_MEMBER",
                }
            },
        )
    )["addSeat"]
    assert seat["errors"] == [] and seat["seat"]["person"]["email"] == "margaret.lowe@demo.quorum.example"
    check = await secretary.data(
        "query($id: ID!, $present: [ID!]!) { node(id: $id) { ... on Committee { quorumCheck(presentSeatIds: $present) { met unmet } } } }",
        {"id": committee["id"], "present": [seat["seat"]["id"]]},
    )
    assert check["node"]["quorumCheck"] == {
        "met": False,
        "unmet": ["At least two voting members must be present; one is."],
    }
    audit = await owner_fetch("SELECT action FROM audit_entry WHERE after ->> 'name' = 'Audit committee'")
    assert [r["action"] for r in audit] == ["committee.create"]


async def test_bad_seats_are_refused_and_nothing_is_written(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    governing_body = await global_id("Committee", BOLTON_GOVERNING_BODY)
    before = await owner_fetch("SELECT count(*) FROM seat")
    # Registered with Bolton but with no membership of it.
    result = await (await as_person(client, BOLTON_ADMIN)).data(
        "mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } errors { message } } }",
        {
            "input": {
                "organisationId": await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = '00T'"),
                "name": "No Membership",
                "email": "no.membership@nhs.example",
            }
        },
    )
    nobody = result["createPerson"]["person"]["id"]
    refused = (
        await secretary.data(
            ADD_SEAT,
            {
                "input": {
                    "committeeId": governing_body,
                    "personId": nobody,
                    "role": "MEMBER",
                    "voting": True,
                    "category": "GP",
                }
            },
        )
    )["addSeat"]
    assert refused["errors"] == [
        {
            "field": "personId",
            "message": "A voting seat is for a member of the organisation they represent; add a membership first, "
            "or seat them without a vote.",
        }
    ]
    lay = await global_id("Person", "SELECT id FROM person WHERE email = 'margaret.lowe@demo.quorum.example'")
    second_chair = (
        await secretary.data(
            ADD_SEAT,
            {
                "input": {
                    "committeeId": governing_body,
                    "personId": lay,
                    "role": "CHAIR",
                    "voting": True,
                    "category": "LAY_MEMBER",
                }
            },
        )
    )["addSeat"]
    assert second_chair["errors"][0]["field"] == "role"
    voting_attendee = (
        await secretary.data(
            ADD_SEAT,
            {
                "input": {
                    "committeeId": governing_body,
                    "personId": lay,
                    "role": "IN_ATTENDANCE",
                    "voting": True,
                    "category": "OTHER",
                }
            },
        )
    )["addSeat"]
    assert voting_attendee["errors"] == [{"field": "voting", "message": "Someone in attendance does not vote."}]
    assert await owner_fetch("SELECT count(*) FROM seat") == before


async def test_other_organisations_and_anonymous_callers_cannot_change_committees(client):
    governing_body = await global_id("Committee", BOLTON_GOVERNING_BODY)
    lay = await global_id("Person", "SELECT id FROM person WHERE email = 'margaret.lowe@demo.quorum.example'")
    seat_input = {
        "committeeId": governing_body,
        "personId": lay,
        "role": "MEMBER",
        "voting": True,
        "category": "LAY_MEMBER",
    }
    before = await owner_fetch("SELECT count(*) FROM seat")
    await assert_asked_to_sign_in(client, ADD_SEAT, {"input": seat_input})
    for caller in (await as_person(client, ISLINGTON_GP), await as_person(client, MANCHESTER_OFFICER)):
        result = (await caller.data(ADD_SEAT, {"input": seat_input}))["addSeat"]
        assert result["seat"] is None
        # "No such committee", or once it has published a meeting (public), "only the board secretary...".
        assert result["errors"][0]["message"] in (
            "No such committee.",
            "Only the board secretary or an administrator of the host organisation can change Governing body.",
        )
    assert await owner_fetch("SELECT count(*) FROM seat") == before
    member = (await (await as_person(client, BOLTON_GP)).data(ADD_SEAT, {"input": seat_input}))["addSeat"]
    assert member["errors"][0]["message"].startswith("Only the board secretary or an administrator")


async def test_joint_committee_parties_must_be_one_area_team_with_its_own_ccgs(client):
    secretary = await as_person(client, "daniel.cohen@demo.quorum.example")
    islington = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = '08H'")
    manchester = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = 'Q46'")
    result = (
        await secretary.data(
            CREATE,
            {
                "input": {
                    "organisationId": islington,
                    "kind": "JOINT_COMMITTEE",
                    "name": "Wrong area",
                    "coCommissioningLevel": "JOINT",
                    "partyIds": [manchester],
                    "quorumRule": {"minimumVoting": 2, "eachParty": True},
                }
            },
        )
    )["createCommittee"]
    assert result["errors"] == [{"field": "partyIds", "message": "Choose parties from the organisations you can see."}]
    not_joint = (
        await secretary.data(
            CREATE,
            {
                "input": {
                    "organisationId": islington,
                    "kind": "QUALITY",
                    "name": "Quality",
                    "quorumRule": {"minimumVoting": 2, "eachParty": True},
                }
            },
        )
    )["createCommittee"]
    assert not_joint["errors"] == [
        {"field": "quorumRule", "message": "Only a joint committee can require a member from each party."}
    ]
