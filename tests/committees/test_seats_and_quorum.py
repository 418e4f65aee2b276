"""Quorum rules as terms of reference write them, and seats with offices: through the API and the database."""

from __future__ import annotations

import asyncpg
import pytest

from tests.support import (
    BOLTON_ADMIN,
    BOLTON_GOVERNING_BODY,
    BOLTON_SECRETARY,
    ISLINGTON_SECRETARY,
    Caller,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner,
    owner_fetch,
)

CREATE = """mutation($input: CreateCommitteeInput!) {
  createCommittee(input: $input) {
    committee { id quorumRule { inWords pools { count categories } officeGroups { count offices } chairOrViceChair }
                quorumCannotBeMet }
    errors { field message } } }"""
UPDATE = """mutation($input: UpdateCommitteeInput!) {
  updateCommittee(input: $input) { committee { id quorumRule { inWords } quorumCannotBeMet } errors { field message } } }"""
ADD_SEAT = """mutation($input: AddSeatInput!) {
  addSeat(input: $input) { seat { id office title voting canBeWithdrawn } errors { field message } } }"""
WITHDRAW = """mutation($id: ID!) { withdrawSeat(input: {id: $id}) { seat { id } errors { field message } } }"""
COMMITTEE = """query($id: ID!, $present: [ID!]!) { node(id: $id) { ... on Committee {
  quorumRule { inWords } quorumCannotBeMet seats { id title office person { name } }
  quorumCheck(presentSeatIds: $present) { met unmet } } } }"""
PERSON = "SELECT id FROM person WHERE email = $1"
BOLTON = "SELECT id FROM organisation WHERE ods_code = '00T'"
INDEPENDENT = {"count": 2, "categories": ["LAY_MEMBER", "NURSE", "SECONDARY_CARE_DOCTOR"]}
FINANCE = {"offices": ["ACCOUNTABLE_OFFICER", "CHIEF_FINANCE_OFFICER"]}


async def person(email: str) -> str:
    return await global_id("Person", PERSON, f"{email}@demo.quorum.example")


async def new_committee(secretary: Caller, name: str, rule: dict) -> dict:
    created = (
        await secretary.data(
            CREATE,
            {
                "input": {
                    "organisationId": await global_id("Organisation", BOLTON),
                    "kind": "OTHER",
                    "name": name,
                    "quorumRule": rule,
                }
            },
        )
    )["createCommittee"]
    assert created["errors"] == []
    return created["committee"]


async def seat(secretary: Caller, committee_id: str, email: str, **fields) -> dict:
    fields = {"role": "MEMBER", "voting": True, **fields}
    return (
        await secretary.data(
            ADD_SEAT,
            {
                "input": {
                    "committeeId": committee_id,
                    "personId": await person(email),
                    **fields,
                }
            },
        )
    )["addSeat"]


async def test_a_rule_from_terms_of_reference_is_read_back_in_words_and_flagged_until_the_seats_can_meet_it(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    committee = await new_committee(
        secretary,
        "Finance and performance (API)",
        {
            "minimumVoting": 3,
            "pools": [INDEPENDENT],
            "officeGroups": [FINANCE],
            "chairOrViceChair": True,
        },
    )
    assert committee["quorumRule"]["inWords"] == (
        "Quorate with at least three voting members present, at least two of the lay members, nurses and secondary"
        " care doctors, the accountable officer or the chief finance officer and the chair or the vice chair."
    )
    assert committee["quorumRule"]["pools"] == [INDEPENDENT]
    assert committee["quorumRule"]["officeGroups"] == [{"count": 1, **FINANCE}]
    assert committee["quorumCannotBeMet"] == [  # no seats yet: flagged when saved
        "At least three voting members must be present; none is.",
        "Two of the lay member, nurse and secondary care doctor are needed; none is present.",
        "Neither the accountable officer nor the chief finance officer is present.",
        "Neither the chair nor the vice chair is present.",
    ]
    chair = await seat(
        secretary, committee["id"], "margaret.lowe", role="CHAIR", category="LAY_MEMBER", office="LAY_MEMBER_GOVERNANCE"
    )
    assert chair["errors"] == [] and chair["seat"]["title"] == "Chair, lay member for governance"
    cfo = await seat(secretary, committee["id"], "tom.ashworth", category="EXECUTIVE", office="CHIEF_FINANCE_OFFICER")
    assert cfo["seat"]["title"] == "Chief finance officer"
    nurse = await seat(secretary, committee["id"], "anne.kershaw", category="NURSE", office="REGISTERED_NURSE")
    found = (
        await secretary.data(COMMITTEE, {"id": committee["id"], "present": [chair["seat"]["id"], nurse["seat"]["id"]]})
    )["node"]
    assert found["quorumCannotBeMet"] == []
    assert found["quorumCheck"] == {
        "met": False,
        "unmet": [
            "At least three voting members must be present; two are.",
            "Neither the accountable officer nor the chief finance officer is present.",
        ],
    }
    # A changed rule the seats cannot meet is saved and flagged.
    changed = (
        await secretary.data(
            UPDATE,
            {
                "input": {
                    "id": committee["id"],
                    "name": "Finance and performance (API)",
                    "termsSummary": "",
                    "quorumRule": {"minimumVoting": 3, "officeGroups": [{"offices": ["DIRECTOR_OF_NURSING"]}]},
                }
            },
        )
    )["updateCommittee"]
    assert changed["errors"] == []
    assert changed["committee"]["quorumCannotBeMet"] == ["The director of nursing is not present."]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            {"minimumVoting": 2, "pools": [{"count": 1, "categories": ["GP"]}]},
            "A pool names at least two categories and needs at least one of them.",
        ),
        (
            {"minimumVoting": 2, "officeGroups": [{"count": 2, "offices": ["ACCOUNTABLE_OFFICER"]}]},
            "Name at least one office, and need no more of them than are named.",
        ),
        (
            {"minimumVoting": 2, "fraction": {"numerator": 3, "denominator": 2}},
            "A fraction of the membership is between a tenth and the whole.",
        ),
        ({"minimumVoting": 2, "eachParty": True}, "Only a joint committee can require a member from each party."),
    ],
)
async def test_a_rule_that_makes_no_sense_is_refused_and_nothing_is_written(client, rule, message):
    secretary = await as_person(client, BOLTON_SECRETARY)
    before = await owner_fetch("SELECT count(*) FROM committee")
    refused = (
        await secretary.data(
            CREATE,
            {
                "input": {
                    "organisationId": await global_id("Organisation", BOLTON),
                    "kind": "OTHER",
                    "name": "Nonsense",
                    "quorumRule": rule,
                }
            },
        )
    )["createCommittee"]
    assert refused == {"committee": None, "errors": [{"field": "quorumRule", "message": message}]}
    assert await owner_fetch("SELECT count(*) FROM committee") == before


async def test_one_person_holds_one_seat_at_a_time_on_a_committee(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    committee = await new_committee(secretary, "Quality committee (duplicates)", {"minimumVoting": 1})
    first = await seat(secretary, committee["id"], "rajesh.mistry", category="GP", validFrom="2026-01-01")
    assert first["errors"] == []
    second = await seat(secretary, committee["id"], "rajesh.mistry", category="LAY_MEMBER", validFrom="2026-06-01")
    assert second == {
        "seat": None,
        "errors": [
            {
                "field": "personId",
                "message": "That person already holds a seat on this committee for some of those dates; one person holds one seat "
                "at a time. End or change the other seat first.",
            }
        ],
    }
    # The database refuses it too, whoever writes.
    committee_id = (
        await owner_fetch("SELECT id, org_id FROM committee WHERE name = 'Quality committee (duplicates)'")
    )[0]
    conn = await owner()
    try:
        with pytest.raises(asyncpg.ExclusionViolationError):
            await conn.execute(
                "INSERT INTO seat (org_id, committee_id, person_id, party_org_id, role, voting, category, valid_from)"
                " SELECT $1, $2, id, $1, 'MEMBER', true, 'GP', '2027-01-01' FROM person WHERE email = $3",
                committee_id["org_id"],
                committee_id["id"],
                "rajesh.mistry@demo.quorum.example",
            )
        # A later seat once the first has ended is fine.
        await conn.execute("UPDATE seat SET valid_to = '2026-12-31' WHERE committee_id = $1", committee_id["id"])
    finally:
        await conn.close()
    later = await seat(secretary, committee["id"], "rajesh.mistry", category="GP", validFrom="2027-01-01")
    assert later["errors"] == []


async def test_a_seat_entered_by_mistake_is_withdrawn_the_same_day_and_audited(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    committee = await new_committee(secretary, "Remuneration (withdrawals)", {"minimumVoting": 1})
    mistake = (await seat(secretary, committee["id"], "yvonne.hall", category="LAY_MEMBER"))["seat"]
    assert mistake["canBeWithdrawn"] is True
    withdrawn = (await secretary.data(WITHDRAW, {"id": mistake["id"]}))["withdrawSeat"]
    assert withdrawn["errors"] == []
    seats = (await secretary.data(COMMITTEE, {"id": committee["id"], "present": []}))["node"]["seats"]
    assert seats == []
    audit = await owner_fetch(
        "SELECT action, before ->> 'category' AS category, after FROM audit_entry WHERE entity_type = 'Seat'"
        " AND entity_id = (SELECT entity_id FROM audit_entry WHERE action = 'seat.withdraw' ORDER BY id DESC LIMIT 1)"
        " ORDER BY id"
    )
    assert [(r["action"], r["category"], r["after"]) for r in audit] == [
        ("seat.create", None, audit[0]["after"]),
        ("seat.withdraw", "LAY_MEMBER", None),
    ]
    # Entered yesterday: ended, not withdrawn.
    kept = (await seat(secretary, committee["id"], "yvonne.hall", category="LAY_MEMBER"))["seat"]
    await owner_fetch(
        "UPDATE seat SET entered_at = now() - interval '1 day' WHERE id = $1",
        (
            await owner_fetch(
                "SELECT id FROM seat WHERE committee_id = (SELECT id FROM committee"
                " WHERE name = 'Remuneration (withdrawals)')"
            )
        )[0]["id"],
    )
    refused = (await secretary.data(WITHDRAW, {"id": kept["id"]}))["withdrawSeat"]
    assert refused["errors"] == [
        {"field": "id", "message": "Only a seat entered today can be withdrawn; end this one instead."}
    ]


async def test_a_healthwatch_representative_is_seated_without_a_vote_and_without_becoming_staff(client):
    admin, secretary = await as_person(client, BOLTON_ADMIN), await as_person(client, BOLTON_SECRETARY)
    registered = (
        await admin.data(
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } errors { message } } }",
            {
                "input": {
                    "organisationId": await global_id("Organisation", BOLTON),
                    "name": "Carol Healthwatch",
                    "email": "carol@healthwatch.example",
                }
            },
        )
    )["createPerson"]
    committee = await new_committee(secretary, "Primary care (participants)", {"minimumVoting": 1})
    added = (
        await secretary.data(
            ADD_SEAT,
            {
                "input": {
                    "committeeId": committee["id"],
                    "personId": registered["person"]["id"],
                    "role": "MEMBER",
                    "voting": False,
                    "category": "HEALTHWATCH",
                    "office": "HEALTHWATCH_REPRESENTATIVE",
                }
            },
        )
    )["addSeat"]
    assert added["errors"] == []
    assert added["seat"]["title"] == "Healthwatch representative, non-voting"
    assert (
        await owner_fetch(
            "SELECT m.* FROM membership m JOIN person p ON p.id = m.person_id WHERE p.email = 'carol@healthwatch.example'"
        )
        == []
    )
    voting = (
        await secretary.data(
            ADD_SEAT,
            {
                "input": {
                    "committeeId": committee["id"],
                    "personId": registered["person"]["id"],
                    "role": "MEMBER",
                    "voting": True,
                    "category": "HEALTHWATCH",
                    "validFrom": "2030-01-01",
                }
            },
        )
    )["addSeat"]
    assert voting["errors"][0]["field"] == "personId" and "seat them without a vote" in voting["errors"][0]["message"]


async def test_another_ccg_s_secretary_and_the_public_cannot_change_seats_or_rules(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    committee = await new_committee(secretary, "Audit (tenancy)", {"minimumVoting": 1})
    chair = (await seat(secretary, committee["id"], "margaret.lowe", role="CHAIR", category="LAY_MEMBER"))["seat"]
    before = await owner_fetch("SELECT count(*) AS seats, (SELECT count(*) FROM audit_entry) AS audit FROM seat")
    await assert_asked_to_sign_in(client, WITHDRAW, {"id": chair["id"]})
    for caller in (await as_person(client, ISLINGTON_SECRETARY),):
        withdrawn = (await caller.data(WITHDRAW, {"id": chair["id"]}))["withdrawSeat"]
        assert withdrawn == {"seat": None, "errors": [{"field": "id", "message": "No such seat."}]}
        changed = (
            await caller.data(
                UPDATE,
                {
                    "input": {
                        "id": committee["id"],
                        "name": "Taken over",
                        "termsSummary": "",
                        "quorumRule": {"minimumVoting": 1, "chairOrViceChair": True},
                    }
                },
            )
        )["updateCommittee"]
        assert changed["committee"] is None and changed["errors"][0]["message"] == "No such committee."
        added = await seat(caller, committee["id"], "yvonne.hall", category="LAY_MEMBER")
        assert added["seat"] is None
    assert (
        await owner_fetch("SELECT count(*) AS seats, (SELECT count(*) FROM audit_entry) AS audit FROM seat") == before
    )
    rule = await owner_fetch("SELECT name, quorum_rule FROM committee WHERE name = 'Audit (tenancy)'")
    assert len(rule) == 1 and "chair_or_vice_chair" not in rule[0]["quorum_rule"]


async def test_bolton_s_governing_body_has_its_offices_filled_and_a_pooled_rule_its_seats_meet(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
    found = (await secretary.data(COMMITTEE, {"id": committee, "present": []}))["node"]
    assert found["quorumCannotBeMet"] == []
    assert "at least two of the lay members, nurses and secondary care doctors" in found["quorumRule"]["inWords"]
    titles = {s["person"]["name"]: s["title"] for s in found["seats"]}
    assert titles["Stephen Riley"] == "Accountable officer"
    assert titles["Jean Platt"] == "Healthwatch representative, non-voting"
    assert titles["Margaret Lowe"] == "Chair, lay member for governance"


async def test_a_rule_is_read_back_in_words_before_it_is_saved(client):
    query = """query($rule: QuorumRuleInput!, $joint: Boolean!) {
      quorumRuleInWords(rule: $rule, joint: $joint) { inWords errors { field message } } }"""
    secretary = await as_person(client, BOLTON_SECRETARY)
    before = await owner_fetch("SELECT count(*) FROM audit_entry")
    read = await secretary.data(
        query,
        {
            "rule": {"minimumVoting": 2, "clinicalMajority": True, "fraction": {"numerator": 1, "denominator": 3}},
            "joint": False,
        },
    )
    assert read["quorumRuleInWords"] == {
        "errors": [],
        "inWords": (
            "Quorate with at least two voting members present, at least a third of the voting membership and a clinical"
            " majority of the voting members present."
        ),
    }
    wrong = await secretary.data(query, {"rule": {"minimumVoting": 1, "eachParty": True}, "joint": False})
    assert wrong["quorumRuleInWords"] == {
        "inWords": None,
        "errors": [{"field": "quorumRule", "message": "Only a joint committee can require a member from each party."}],
    }
    assert await owner_fetch("SELECT count(*) FROM audit_entry") == before
