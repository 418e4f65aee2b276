"""The quality concerns register: the ladder with its history, routing (the CCG, a delegation's committee until the
delegation ends, the area team), tenancy, and bad input changing nothing."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest

from quorum import clock, ids
from quorum.seed.demo import demo_pdf
from tests.support import (
    BOLTON_ADMIN,
    BOLTON_SECRETARY,
    DEMO,
    DEMO_DELEGATION,
    ISLINGTON_SECRETARY,
    JOINT_COMMITTEE,
    MANCHESTER_OFFICER,
    Caller,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner,
    owner_fetch,
)

BOLTON_PRACTICE_REP = f"fiona.clarke@{DEMO}"
LONDON_OFFICER = f"oliver.grant@{DEMO}"
JOINT_ONLY = "lmc.rep@concerns.test"  # sits on Bolton's joint committee, no role in Bolton CCG

CONCERN_FIELDS = """id title practice { odsCode } providerName providerType currentStep { name position }
  escalatedToNhsEngland viewerCanChange reviewOverdue
  history { direction fromStep { name } toStep { name } decidedBy { email } reason nextSteps }"""
CONCERNS = "query($org: ID) { concerns(first: 100, organisationId: $org) { totalCount edges { node { title } } } }"
CONCERN = (
    f"query($id: ID!) {{ node(id: $id) {{ ... on Concern {{ {CONCERN_FIELDS} ladder {{ id name position }} }} }} }}"
)
LOG = f"""mutation($input: LogConcernInput!) {{ logConcern(input: $input) {{
  concern {{ {CONCERN_FIELDS} }} errors {{ field message }} }} }}"""
ESCALATE = f"""mutation($input: MoveConcernInput!) {{ escalateConcern(input: $input) {{
  concern {{ {CONCERN_FIELDS} }} errors {{ field message }} }} }}"""
DE_ESCALATE = f"""mutation($input: MoveConcernInput!) {{ deEscalateConcern(input: $input) {{
  concern {{ {CONCERN_FIELDS} }} errors {{ field message }} }} }}"""
UPDATE = """mutation($input: UpdateConcernInput!) { updateConcern(input: $input) {
  concern { reviewDate escalatedToNhsEngland } errors { field message } } }"""
CLOSE = """mutation($input: CloseConcernInput!) { closeConcern(input: $input) {
  concern { closedAt viewerCanChange } errors { field message } } }"""
EVIDENCE = """mutation($input: AddConcernEvidenceInput!) { addConcernEvidence(input: $input) {
  evidence { description downloadUrl } errors { field message } } }"""


async def org(ods: str) -> str:
    return await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = $1", ods)


async def person(email: str) -> str:
    return await global_id("Person", "SELECT id FROM person WHERE email = $1", email)


async def practice(ods: str) -> str:
    return await global_id("Practice", "SELECT id FROM practice WHERE ods_code = $1", ods)


async def log_input(**overrides) -> dict:
    return {
        "organisationId": await org("00T"),
        "source": "COMPLAINT",
        "category": "SAFETY",
        "title": "Repeat prescribing errors",
        "summary": "Four complaints about wrong doses on repeat prescriptions since spring.",
        "ownerId": await person(BOLTON_ADMIN),
        "reviewDate": (clock.today() + timedelta(days=30)).isoformat(),
        "nextSteps": "Ask the practice for its prescribing audit.",
        "practiceId": await practice("P82005"),
        **overrides,
    }


async def log(caller: Caller, **overrides) -> dict:
    result = (await caller.data(LOG, {"input": await log_input(**overrides)}))["logConcern"]
    assert result["errors"] == [], result["errors"]
    return result["concern"]


async def ladder(caller: Caller, concern_id: str) -> dict[str, str]:
    node = (await caller.data(CONCERN, {"id": concern_id}))["node"]
    return {step["name"]: step["id"] for step in node["ladder"]}


async def titles(caller: Caller) -> set[str]:
    data = await caller.data(CONCERNS, {"org": await org("00T")})
    return {edge["node"]["title"] for edge in data["concerns"]["edges"]}


async def counts() -> tuple[int, int]:
    rows = await owner_fetch("SELECT (SELECT count(*) FROM concern), (SELECT count(*) FROM concern_step_change)")
    return rows[0][0], rows[0][1]


@pytest.fixture
async def joint_only_member():
    """Someone whose only way to Bolton's concerns is a seat on the joint committee, which holds a live delegation."""
    conn = await owner()
    try:
        person_id = await conn.fetchval(
            "INSERT INTO person (email, name) VALUES ($1, 'Local medical committee representative')"
            " ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id",
            JOINT_ONLY,
        )
        await conn.execute(
            "INSERT INTO person_registration (org_id, person_id)"
            f" SELECT org_id, $1 FROM committee WHERE id = ({JOINT_COMMITTEE}) ON CONFLICT DO NOTHING",
            person_id,
        )
        await conn.execute(
            "INSERT INTO seat (org_id, committee_id, person_id, party_org_id, role, voting, category, valid_from)"
            f" SELECT c.org_id, c.id, $1, c.org_id, 'MEMBER', false, 'LMC', '2025-01-01' FROM committee c"
            f" WHERE c.id = ({JOINT_COMMITTEE})"
            " AND NOT EXISTS (SELECT 1 FROM seat s WHERE s.person_id = $1)",
            person_id,
        )
    finally:
        await conn.close()
    return JOINT_ONLY


async def test_a_concern_climbs_and_comes_down_the_ladder_with_its_history(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    concern = await log(secretary)
    assert concern["currentStep"] == {"name": "Routine monitoring", "position": 1}
    assert concern["practice"] == {"odsCode": "P82005"} and concern["viewerCanChange"] is True
    steps = await ladder(secretary, concern["id"])
    assert list(steps) == ["Routine monitoring", "Enhanced surveillance", "Risk summit", "Intervention"]

    up = await secretary.data(
        ESCALATE,
        {
            "input": {
                "id": concern["id"],
                "stepId": steps["Enhanced surveillance"],
                "reason": "Two more complaints this month.",
                "nextSteps": "Monthly review; the practice to audit repeat prescribing by the end of the month.",
            }
        },
    )
    assert up["escalateConcern"]["errors"] == []
    assert up["escalateConcern"]["concern"]["currentStep"]["name"] == "Enhanced surveillance"
    down = await secretary.data(
        DE_ESCALATE,
        {
            "input": {
                "id": concern["id"],
                "stepId": steps["Routine monitoring"],
                "reason": "The audit found the cause and it is fixed.",
                "nextSteps": "Back to quarterly review.",
            }
        },
    )
    history = down["deEscalateConcern"]["concern"]["history"]
    assert [(h["direction"], h["fromStep"] and h["fromStep"]["name"], h["toStep"]["name"]) for h in history] == [
        ("LOGGED", None, "Routine monitoring"),
        ("UP", "Routine monitoring", "Enhanced surveillance"),
        ("DOWN", "Enhanced surveillance", "Routine monitoring"),
    ]
    assert {h["decidedBy"]["email"] for h in history} == {BOLTON_SECRETARY}
    assert history[1]["reason"] == "Two more complaints this month."
    assert history[2]["nextSteps"] == "Back to quarterly review."
    actions = await owner_fetch(
        "SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id", ids.decode(concern["id"])[1]
    )
    assert [a["action"] for a in actions] == ["concern.log", "concern.escalate", "concern.de_escalate"]


async def test_the_demo_register_has_concerns_at_several_steps_with_history(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    rows = await owner_fetch(
        "SELECT s.position, count(*) AS n FROM concern c JOIN concern_ladder_step s ON s.id = c.current_step_id"
        " JOIN organisation o ON o.id = c.org_id WHERE o.ods_code = '00T' AND c.logged_by <> c.owner_id"
        " GROUP BY s.position"
    )
    assert {r["position"] for r in rows} == {1, 2, 3, 4}
    assert "Access to appointments" in await titles(secretary)


@pytest.mark.parametrize(
    ("mutation", "step", "overrides", "field", "message"),
    [
        (ESCALATE, "Routine monitoring", {}, "stepId", "Escalate to a step above Routine monitoring."),
        (DE_ESCALATE, "Risk summit", {}, "stepId", "De-escalate to a step below Routine monitoring."),
        (ESCALATE, None, {}, "stepId", "No such step on this CCG's ladder."),
        (ESCALATE, "Risk summit", {"reason": "  "}, "reason", "Say why."),
        (ESCALATE, "Risk summit", {"nextSteps": ""}, "nextSteps", "Say what happens next."),
    ],
)
async def test_a_bad_move_changes_nothing(client, mutation, step, overrides, field, message):
    secretary = await as_person(client, BOLTON_SECRETARY)
    concern = await log(secretary)
    steps = await ladder(secretary, concern["id"])
    step_id = steps[step] if step else ids.encode("ConcernLadderStep", ids.decode(concern["id"])[1])
    before = await counts()
    move = {"id": concern["id"], "stepId": step_id, "reason": "Because.", "nextSteps": "Review.", **overrides}
    result = next(iter((await secretary.data(mutation, {"input": move})).values()))
    assert result == {"concern": None, "errors": [{"field": field, "message": message}]}
    assert await counts() == before
    node = (await secretary.data(CONCERN, {"id": concern["id"]}))["node"]
    assert node["currentStep"]["name"] == "Routine monitoring"


async def test_a_step_of_another_ccg_s_ladder_is_not_a_step_of_this_one(client):
    bolton = await as_person(client, BOLTON_SECRETARY)
    islington = await as_person(client, ISLINGTON_SECRETARY)
    theirs = await log(
        islington,
        organisationId=await org("08H"),
        ownerId=await person(ISLINGTON_SECRETARY),
        practiceId=None,
        providerName="Whittington Health",
        providerType="TRUST",
    )
    their_top = (await ladder(islington, theirs["id"]))["Intervention"]
    ours = await log(bolton)
    move = {"id": ours["id"], "stepId": their_top, "reason": "Because.", "nextSteps": "Review."}
    result = (await bolton.data(ESCALATE, {"input": move}))["escalateConcern"]
    assert result["errors"] == [{"field": "stepId", "message": "No such step on this CCG's ladder."}]


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        ({"reviewDate": "2020-01-01"}, [("reviewDate", "The review date cannot be in the past.")]),
        (
            {"title": " ", "summary": ""},
            [("title", "Say what the concern is."), ("summary", "Say what is known so far.")],
        ),
        (
            {"providerName": "Royal Bolton Hospital", "providerType": "TRUST"},
            [("practiceId", "A concern is about a practice or a provider, not both.")],
        ),
        (
            {"practiceId": None},
            [
                ("providerName", "Name the provider (300 characters or fewer)."),
                ("providerType", "Say what kind of provider it is."),
            ],
        ),
        ({"practiceId": "ISLINGTON"}, [("practiceId", "No such member practice of this CCG.")]),
        (
            {"ownerId": "ISLINGTON_SECRETARY"},
            [("ownerId", "Choose an owner from the CCG's officers, staff or governing body.")],
        ),
        (
            {"ownerId": "BOLTON_PRACTICE_REP"},
            [("ownerId", "Choose an owner from the CCG's officers, staff or governing body.")],
        ),
    ],
)
async def test_logging_bad_input_changes_nothing(client, overrides, errors):
    replacements = {
        "ISLINGTON": await practice("F83001"),
        "ISLINGTON_SECRETARY": await person(ISLINGTON_SECRETARY),
        "BOLTON_PRACTICE_REP": await person(BOLTON_PRACTICE_REP),
    }
    overrides = {k: replacements.get(v, v) if isinstance(v, str) else v for k, v in overrides.items()}
    secretary = await as_person(client, BOLTON_SECRETARY)
    before = await counts()
    result = (await secretary.data(LOG, {"input": await log_input(**overrides)}))["logConcern"]
    assert result["concern"] is None
    assert [(e["field"], e["message"]) for e in result["errors"]] == errors
    assert await counts() == before


async def test_update_and_close(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    concern = await log(secretary)
    past = {
        "id": concern["id"],
        "ownerId": await person(BOLTON_ADMIN),
        "reviewDate": "2021-06-01",
        "escalatedToNhsEngland": True,
    }
    refused = (await secretary.data(UPDATE, {"input": past}))["updateConcern"]
    assert refused["errors"] == [{"field": "reviewDate", "message": "The review date cannot be in the past."}]
    rows = await owner_fetch("SELECT escalated_to_nhs_england FROM concern WHERE id = $1", ids.decode(concern["id"])[1])
    assert rows[0][0] is False, "a refused update changes nothing"
    later = (clock.today() + timedelta(days=60)).isoformat()
    updated = (await secretary.data(UPDATE, {"input": {**past, "reviewDate": later}}))["updateConcern"]
    assert updated == {"concern": {"reviewDate": later, "escalatedToNhsEngland": True}, "errors": []}
    closed = (await secretary.data(CLOSE, {"input": {"id": concern["id"]}}))["closeConcern"]
    assert closed["errors"] == [] and closed["concern"]["closedAt"] and not closed["concern"]["viewerCanChange"]
    again = (await secretary.data(CLOSE, {"input": {"id": concern["id"]}}))["closeConcern"]
    assert again["errors"] == [{"field": None, "message": "This concern is closed."}]


async def test_a_committee_holding_a_delegation_sees_practice_concerns_until_it_is_revoked(client, joint_only_member):
    secretary = await as_person(client, BOLTON_SECRETARY)
    await log(secretary, title="Seen by the joint committee")
    await log(
        secretary,
        title="A provider's concern",
        practiceId=None,
        providerName="Bolton Hospice",
        providerType="INDEPENDENT_SECTOR",
    )
    member = await as_person(client, joint_only_member)
    seen = await titles(member)
    assert "Seen by the joint committee" in seen and "Access to appointments" in seen
    assert "A provider's concern" not in seen and "Missed sepsis screening in the emergency department" not in seen
    officer = await as_person(client, MANCHESTER_OFFICER)
    delegation = await global_id("Delegation", DEMO_DELEGATION)
    revoke = """mutation($input: RevokeDelegationInput!) { revokeDelegation(input: $input) { errors { message } } }"""
    try:
        revoked = await officer.data(revoke, {"input": {"id": delegation, "reason": "Ending joint commissioning"}})
        assert revoked["revokeDelegation"]["errors"] == []
        assert await titles(member) == set()
        assert await owner_fetch("SELECT 1 FROM concern_step_change LIMIT 1"), "there is history it no longer sees"
    finally:
        await owner_fetch(
            "UPDATE delegation SET revoked_at = NULL, revoked_by = NULL, revocation_reason = NULL"
            f" WHERE id = ({DEMO_DELEGATION})"
        )


async def test_the_delegation_lets_its_committee_escalate_a_practice_concern(client, joint_only_member):
    secretary = await as_person(client, BOLTON_SECRETARY)
    concern = await log(secretary, title="Escalated by the joint committee")
    member = await as_person(client, joint_only_member)
    steps = await ladder(member, concern["id"])
    move = {
        "id": concern["id"],
        "stepId": steps["Enhanced surveillance"],
        "reason": "Contract breach notice.",
        "nextSteps": "Remedial notice under the contract.",
    }
    result = (await member.data(ESCALATE, {"input": move}))["escalateConcern"]
    assert result["errors"] == [] and result["concern"]["history"][-1]["decidedBy"]["email"] == JOINT_ONLY


async def test_the_area_team_sees_concerns_escalated_to_it_or_about_contracts_it_holds(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    await log(
        secretary,
        title="Not escalated",
        practiceId=None,
        providerName="Bolton Hospice",
        providerType="INDEPENDENT_SECTOR",
    )
    manchester = await titles(await as_person(client, MANCHESTER_OFFICER))
    assert "Missed sepsis screening in the emergency department" in manchester, "escalated to NHS England"
    assert "Access to appointments" in manchester, "the area team holds the practice's contract"
    assert "Not escalated" not in manchester  # (the demo's own such concern may be escalated by a browser test)
    assert await titles(await as_person(client, LONDON_OFFICER)) == set()


async def test_another_ccg_a_practice_representative_and_anonymous_see_and_change_nothing(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    concern = await log(secretary, title="Bolton's alone")
    top = (await ladder(secretary, concern["id"]))["Intervention"]
    for email in (ISLINGTON_SECRETARY, BOLTON_PRACTICE_REP):
        outsider = await as_person(client, email)
        assert "Bolton's alone" not in await titles(outsider)
        assert (await outsider.data(CONCERN, {"id": concern["id"]}))["node"] is None
        move = {"id": concern["id"], "stepId": top, "reason": "x", "nextSteps": "y"}
        result = (await outsider.data(ESCALATE, {"input": move}))["escalateConcern"]
        assert result["errors"] == [{"field": "id", "message": "No such concern."}]
    islington = await as_person(client, ISLINGTON_SECRETARY)
    refused = await islington.data(LOG, {"input": await log_input(ownerId=await person(ISLINGTON_SECRETARY))})
    assert refused["logConcern"]["errors"] == [
        {"field": "organisationId", "message": "Only the CCG's officers, staff and governing body log its concerns."}
    ]
    anonymous = Caller(client)
    assert await titles(anonymous) == set()
    assert (await anonymous.data(CONCERN, {"id": concern["id"]}))["node"] is None
    await assert_asked_to_sign_in(client, LOG, {"input": await log_input()})
    rows = await owner_fetch(
        "SELECT count(*) FROM concern_step_change WHERE concern_id = $1", ids.decode(concern["id"])[1]
    )
    assert rows[0][0] == 1


async def test_evidence_is_checked_and_read_through_its_concern(client, joint_only_member):
    secretary = await as_person(client, BOLTON_SECRETARY)
    concern = await log(secretary, title="With evidence")
    pdf = base64.b64encode(demo_pdf("Complaint log")).decode()
    files_before = (await owner_fetch("SELECT count(*) FROM stored_file"))[0][0]
    bad = {"concernId": concern["id"], "filename": "log.pdf", "contentBase64": base64.b64encode(b"not a pdf").decode()}
    refused = (await secretary.data(EVIDENCE, {"input": bad}))["addConcernEvidence"]
    assert refused["evidence"] is None and refused["errors"]
    assert (await owner_fetch("SELECT count(*) FROM stored_file"))[0][0] == files_before
    good = {**bad, "contentBase64": pdf, "description": "Complaints log"}
    added = (await secretary.data(EVIDENCE, {"input": good}))["addConcernEvidence"]
    assert added["errors"] == [] and added["evidence"]["description"] == "Complaints log"
    url = added["evidence"]["downloadUrl"]
    member = await as_person(client, joint_only_member)
    for caller, status in ((member, 200), (await as_person(client, ISLINGTON_SECRETARY), 404)):
        response = await client.get(url, headers={"authorization": f"Bearer {caller.token}"})
        assert response.status_code == status
