"""Delegations: what they open, when it closes, and the register."""

from __future__ import annotations

import base64
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from quorum import clock
from quorum.seed.demo import demo_pdf
from tests.support import (
    BOLTON_GP,
    BOLTON_SECRETARY,
    DEMO_DELEGATION,
    ISLINGTON_GP,
    JOINT_COMMITTEE,
    MANCHESTER_OFFICER,
    Caller,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner_fetch,
    token_for,
)

CONTRACTS = (
    "{ primaryCareContracts(first: 100) { totalCount edges { node { practice { odsCode } viewerCanChange } } } }"
)
RECORD = """mutation($input: RecordDelegationInput!) {
  recordDelegation(input: $input) { delegation { id status functions agreement { filename url } } errors { field message } } }"""
REVOKE = """mutation($input: RevokeDelegationInput!) {
  revokeDelegation(input: $input) { delegation { status revokedAt revocationReason } errors { field message } } }"""


async def contract_practices(caller: Caller) -> set[str]:
    data = await caller.data(CONTRACTS)
    return {e["node"]["practice"]["odsCode"] for e in data["primaryCareContracts"]["edges"]}


async def org(ods: str) -> str:
    return await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = $1", ods)


async def record_input(**overrides) -> dict:
    return {
        "organisationId": await org("Q46"),
        "committeeId": await global_id("Committee", JOINT_COMMITTEE),
        "functions": ["primary_care.local_incentive_schemes"],
        "scopeIds": [await org("00T")],
        "validFrom": "2026-01-01T00:00:00+00:00",
        "validTo": "2027-01-01T00:00:00+00:00",
        **overrides,
    }


async def test_a_delegation_opens_the_ccg_s_contracts_to_the_committee_and_no_others(client):
    gp = await as_person(client, BOLTON_GP)
    practices = await contract_practices(gp)
    assert practices and all(p.startswith("P82") for p in practices)
    assert len(practices) == 11
    assert await contract_practices(await as_person(client, BOLTON_SECRETARY)) == set()  # not on the committee
    # Dr Adeyemi sits on Islington's joint committee, whose own delegation opens Islington's contracts only.
    assert all(p.startswith("F83") for p in await contract_practices(await as_person(client, ISLINGTON_GP)))
    assert await contract_practices(Caller(client)) == set()


async def test_the_delegated_contracts_function_lets_members_change_records_in_scope(client):
    gp = await as_person(client, BOLTON_GP)
    contract = await global_id(
        "PrimaryCareContract",
        "SELECT c.id FROM primary_care_contract c JOIN practice p ON p.id = c.practice_id WHERE p.ods_code = 'P82003'",
    )
    update = """mutation($input: UpdatePrimaryCareContractInput!) {
      updatePrimaryCareContract(input: $input) { contract { contractType notes } errors { message } } }"""
    result = await gp.data(
        update, {"input": {"id": contract, "contractType": "PMS", "startDate": "2004-04-01", "notes": "Varied"}}
    )
    assert result["updatePrimaryCareContract"] == {"contract": {"contractType": "PMS", "notes": "Varied"}, "errors": []}
    other_ccg = await global_id(
        "PrimaryCareContract",
        "SELECT c.id FROM primary_care_contract c JOIN practice p ON p.id = c.practice_id WHERE p.ods_code = 'P86003'",
    )
    refused = await gp.data(update, {"input": {"id": other_ccg, "contractType": "PMS", "startDate": "2004-04-01"}})
    assert refused["updatePrimaryCareContract"]["errors"] == [{"message": "No such contract record."}]


async def test_access_ends_at_the_instant_the_delegation_expires(client, monkeypatch):
    end = (await owner_fetch(f"SELECT valid_to FROM delegation WHERE id = ({DEMO_DELEGATION})"))[0]["valid_to"]
    monkeypatch.setattr(clock, "now", lambda: end - timedelta(days=1))
    gp = Caller(client, await token_for(BOLTON_GP, ttl=timedelta(days=7)))  # outlives the moved clock
    monkeypatch.setattr(clock, "now", lambda: end - timedelta(microseconds=1))
    assert len(await contract_practices(gp)) == 11
    monkeypatch.setattr(clock, "now", lambda: end)
    assert await contract_practices(gp) == set()
    delegation = await global_id("Delegation", DEMO_DELEGATION)
    data = await gp.data("query($id: ID!) { node(id: $id) { ... on Delegation { status } } }", {"id": delegation})
    assert data["node"] == {"status": "EXPIRED"}


async def test_recording_then_revoking_a_delegation(client):
    officer = await as_person(client, MANCHESTER_OFFICER)
    pdf = base64.b64encode(demo_pdf("Local incentive schemes agreement")).decode()
    recorded = (
        await officer.data(
            RECORD, {"input": await record_input(agreement={"filename": "lis-agreement.pdf", "contentBase64": pdf})}
        )
    )["recordDelegation"]
    assert recorded["errors"] == []
    delegation = recorded["delegation"]
    assert delegation["status"] == "ACTIVE" and delegation["agreement"]["filename"] == "lis-agreement.pdf"

    downloaded = await client.get(delegation["agreement"]["url"], headers={"authorization": f"Bearer {officer.token}"})
    assert downloaded.status_code == 200 and downloaded.content.startswith(b"%PDF-")
    gp = await as_person(client, BOLTON_GP)
    assert (
        await client.get(delegation["agreement"]["url"], headers={"authorization": f"Bearer {gp.token}"})
    ).status_code == 200
    islington = await as_person(client, ISLINGTON_GP)
    for headers in ({"authorization": f"Bearer {islington.token}"}, {}):
        assert (await client.get(delegation["agreement"]["url"], headers=headers)).status_code == 404

    revoked = (await officer.data(REVOKE, {"input": {"id": delegation["id"], "reason": "Scheme withdrawn"}}))[
        "revokeDelegation"
    ]
    assert revoked["errors"] == [] and revoked["delegation"]["status"] == "REVOKED"
    again = (await officer.data(REVOKE, {"input": {"id": delegation["id"], "reason": "Twice"}}))["revokeDelegation"]
    assert again["errors"] == [{"field": "id", "message": "That delegation has already been revoked."}]
    actions = await owner_fetch(
        "SELECT action FROM audit_entry WHERE entity_type = 'Delegation' AND entity_id = (SELECT id FROM delegation"
        " WHERE revocation_reason = 'Scheme withdrawn') ORDER BY id"
    )
    assert [r["action"] for r in actions] == ["delegation.record", "delegation.revoke"]


async def test_revoking_the_demo_delegation_closes_the_contracts_at_once(client):
    gp = await as_person(client, BOLTON_GP)
    assert len(await contract_practices(gp)) == 11
    officer = await as_person(client, MANCHESTER_OFFICER)
    delegation = await global_id("Delegation", DEMO_DELEGATION)
    result = await officer.data(REVOKE, {"input": {"id": delegation, "reason": "Moving to delegated commissioning"}})
    assert result["revokeDelegation"]["errors"] == []
    assert await contract_practices(gp) == set()
    assert len(await contract_practices(officer)) == 22  # the area team keeps its own records
    # Restore for the tests that follow (as the owner, outside the API).
    await owner_fetch(
        f"UPDATE delegation SET revoked_at = NULL, revoked_by = NULL, revocation_reason = NULL WHERE id = ({DEMO_DELEGATION})"
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"functions": ["primary_care.performers_list"]},
            "functions",
            "NHS England keeps the national performers list (primary_care.performers_list); it cannot be delegated.",
        ),
        (
            {"functions": ["primary_care.appraisal", "primary_care.mergers"]},
            "functions",
            "NHS England keeps appraisal (primary_care.appraisal); it cannot be delegated.",
        ),
        ({"functions": []}, "functions", "Choose at least one function to delegate."),
        ({"validTo": "2025-12-31T00:00:00+00:00"}, "validTo", "The delegation must end after it starts."),
        ({"scopeIds": "ISLINGTON"}, "scopeIds", "The scope must be CCGs within Greater Manchester Area Team's area."),
    ],
)
async def test_bad_delegations_are_refused_and_nothing_is_written(client, overrides, field, message):
    if overrides.get("scopeIds") == "ISLINGTON":
        overrides = {"scopeIds": [await org("08H")]}
    officer = await as_person(client, MANCHESTER_OFFICER)
    before = await owner_fetch("SELECT count(*) FROM delegation")
    result = (await officer.data(RECORD, {"input": await record_input(**overrides)}))["recordDelegation"]
    assert result["delegation"] is None
    assert {"field": field, "message": message} in result["errors"]
    assert await owner_fetch("SELECT count(*) FROM delegation") == before


async def test_only_the_delegating_organisation_records_delegations(client):
    for email in (BOLTON_GP, ISLINGTON_GP):
        result = (await (await as_person(client, email)).data(RECORD, {"input": await record_input()}))[
            "recordDelegation"
        ]
        assert result["errors"] == [{"field": "organisationId", "message": "No such organisation."}]
    await assert_asked_to_sign_in(client, RECORD, {"input": await record_input()})


async def test_an_agreement_that_is_not_a_pdf_is_refused(client):
    officer = await as_person(client, MANCHESTER_OFFICER)
    fake = base64.b64encode(b"MZ\x90\x00 definitely not a pdf").decode()
    result = (
        await officer.data(
            RECORD, {"input": await record_input(agreement={"filename": "agreement.pdf", "contentBase64": fake})}
        )
    )["recordDelegation"]
    assert result["errors"] == [{"field": "agreement", "message": "agreement.pdf is not a PDF."}]


async def test_the_register_exports_to_xlsx_for_the_organisation_s_members_only(client):
    officer = await as_person(client, MANCHESTER_OFFICER)
    url = f"/exports/delegations.xlsx?organisation={await org('Q46')}"
    response = await client.get(url, headers={"authorization": f"Bearer {officer.token}"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Register of delegations: Greater Manchester Area Team"
    assert rows[1][:2] == ("Delegating organisation", "Receiving committee")
    demo = [r for r in rows[2:] if r[1] == "Bolton primary care joint committee" and "mergers" in r[3]]
    assert demo and demo[0][4] == "NHS Bolton CCG" and demo[0][8] == "Yes"
    islington = await as_person(client, ISLINGTON_GP)
    assert (await client.get(url, headers={"authorization": f"Bearer {islington.token}"})).status_code == 404
    assert (await client.get(url)).status_code == 404


async def test_the_published_scheme_is_readable_without_signing_in(client):
    query = """query($ods: String!) { publicSchemeOfDelegation(odsCode: $ods) {
        organisationName delegations { delegatingOrganisation receivingCommittee functions scope status } } }"""
    scheme = (await Caller(client).data(query, {"ods": "00t"}))["publicSchemeOfDelegation"]
    assert scheme["organisationName"] == "NHS Bolton CCG"
    demo = [
        d
        for d in scheme["delegations"]
        if d["receivingCommittee"] == "Bolton primary care joint committee"
        and "Approving practice mergers" in d["functions"]
    ]
    assert demo == [
        {
            "delegatingOrganisation": "Greater Manchester Area Team",
            "receivingCommittee": "Bolton primary care joint committee",
            "functions": [
                "GMS, PMS and APMS contracts: design, monitoring, breach and remedial notices, removal",
                "Approving practice mergers",
            ],
            "scope": ["NHS Bolton CCG"],
            "status": "ACTIVE",
        }
    ]
    assert (await Caller(client).data(query, {"ods": "ZZZ"}))["publicSchemeOfDelegation"] is None


async def test_delegation_and_contract_nodes_are_null_to_outsiders(client):
    delegation = await global_id("Delegation", DEMO_DELEGATION)
    contract = await global_id("PrimaryCareContract", "SELECT id FROM primary_care_contract LIMIT 1")
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    for caller in (await as_person(client, ISLINGTON_GP), Caller(client)):
        assert (await caller.data(query, {"ids": [delegation, contract]}))["nodes"] == [None, None]


async def test_a_member_cannot_change_through_a_delegation_the_record_of_a_practice_they_represent_or_hold_an_interest_in(
    client,
):
    gp = await as_person(client, BOLTON_GP)  # Dr Mistry represents P82001
    secretary = await as_person(client, BOLTON_SECRETARY)
    update = """mutation($input: UpdatePrimaryCareContractInput!) {
      updatePrimaryCareContract(input: $input) { contract { notes } errors { field message } } }"""
    contract_of = (
        "SELECT c.id FROM primary_care_contract c JOIN practice p ON p.id = c.practice_id WHERE p.ods_code = $1"
    )
    own = await global_id("PrimaryCareContract", contract_of, "P82001")
    before = await owner_fetch(
        "SELECT notes, contract_type FROM primary_care_contract c WHERE c.id = ("
        + contract_of.replace("$1", "'P82001'")
        + ")"
    )
    refused = await gp.data(
        update, {"input": {"id": own, "contractType": "APMS", "startDate": "2004-04-01", "notes": "Mine"}}
    )
    assert refused["updatePrimaryCareContract"] == {
        "contract": None,
        "errors": [
            {
                "field": None,
                "message": (
                    "You represent or work for The Mill Health Centre, so you cannot change its contract record; another member must."
                ),
            }
        ],
    }
    after = await owner_fetch(
        "SELECT notes, contract_type FROM primary_care_contract c WHERE c.id = ("
        + contract_of.replace("$1", "'P82001'")
        + ")"
    )
    assert after == before
    audited = await owner_fetch(
        "SELECT a.actor_person_id FROM audit_entry a JOIN person p ON p.id = a.actor_person_id "
        "WHERE a.action = 'contract.update_refused' AND p.email = $1",
        BOLTON_GP,
    )
    assert len(audited) == 1

    # An interest in a practice declared in the register conflicts him too.
    practice = await global_id("Practice", "SELECT id FROM practice WHERE ods_code = 'P82004'")
    organisation = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = '00T'")
    person = await global_id("Person", "SELECT id FROM person WHERE email = $1", BOLTON_GP)
    declared = await secretary.data(
        """mutation($input: DeclareInterestInput!) { declareInterest(input: $input) { interest { id } errors { message } } }""",
        {
            "input": {
                "organisationId": organisation,
                "personId": person,
                "category": "FINANCIAL",
                "description": "Landlord of the practice's premises",
                "concernsPracticeIds": [practice],
                "validFrom": "2020-01-01",
            }
        },
    )
    assert declared["declareInterest"]["errors"] == []
    interested = await gp.data(
        update,
        {
            "input": {
                "id": await global_id("PrimaryCareContract", contract_of, "P82004"),
                "contractType": "PMS",
                "startDate": "2004-04-01",
            }
        },
    )
    assert interested["updatePrimaryCareContract"]["errors"][0]["message"].startswith(
        "You have declared an interest in "
    )
