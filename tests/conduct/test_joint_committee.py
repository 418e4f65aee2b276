"""A joint committee deciding under a delegation: quorum needs each party; the decision names the delegation
in the register of the committee's host and of the delegating area team; a delegation the committee does not
hold, or one revoked, is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conduct.support import (
    ADD_SEAT,
    CLOSE,
    CREATE_COMMITTEE,
    DECIDE,
    SECRETARY,
    Board,
    ok,
    org_id,
    payload,
    person_id,
    start_meeting,
)
from tests.support import DEMO_DELEGATION, MANCHESTER_OFFICER, Caller, as_person, global_id

RECORD = """mutation($input: RecordDelegationInput!) { recordDelegation(input: $input) { delegation { id } errors { field message } } }"""
REVOKE = """mutation($input: RevokeDelegationInput!) { revokeDelegation(input: $input) { errors { message } } }"""
REGISTER = """query($org: ID, $ods: String) { decisions(organisationId: $org, odsCode: $ods, first: 100) {
  edges { node { text delegationLabel committee { name } } } } }"""
ITEM = "Merger of Kingsway Surgery and Elm Tree Surgery"
NAME = "Bolton and Greater Manchester joint committee (delegated decisions)"


async def joint_board(client) -> tuple[Board, dict[str, str]]:
    secretary, officer = await as_person(client, SECRETARY), await as_person(client, MANCHESTER_OFFICER)
    committee = ok(
        await secretary.data(
            CREATE_COMMITTEE,
            {
                "input": {
                    "organisationId": await org_id("00T"),
                    "kind": "JOINT_COMMITTEE",
                    "name": NAME,
                    "partyIds": [await org_id("Q46")],
                    "coCommissioningLevel": "JOINT",
                    "quorumRule": {
                        "minimumVoting": 3,
                        "eachParty": True,
                        "categoryMinimums": [{"category": "LAY_MEMBER", "count": 1}, {"category": "GP", "count": 1}],
                    },
                }
            },
        )
    )["committee"]["id"]
    since = (date.today() - timedelta(days=30)).isoformat()
    seats = {
        "lowe": ("margaret.lowe@demo.quorum.example", "CHAIR", "LAY_MEMBER", "00T"),
        "mistry": ("rajesh.mistry@demo.quorum.example", "MEMBER", "GP", "00T"),
        "ashworth": ("tom.ashworth@demo.quorum.example", "MEMBER", "EXECUTIVE", "00T"),
        "whitworth": (MANCHESTER_OFFICER, "VICE_CHAIR", "NHS_ENGLAND", "Q46"),
    }
    people = {}
    for short, (email, role, category, party) in seats.items():
        people[short] = await person_id(email)
        ok(
            await secretary.data(
                ADD_SEAT,
                {
                    "input": {
                        "committeeId": committee,
                        "personId": people[short],
                        "partyId": await org_id(party),
                        "role": role,
                        "voting": True,
                        "category": category,
                        "validFrom": since,
                    }
                },
            )
        )
    delegations = {}
    for name, functions in (("live", ["primary_care.mergers"]), ("revoked", ["primary_care.new_practices"])):
        delegations[name] = ok(
            await officer.data(
                RECORD,
                {
                    "input": {
                        "organisationId": await org_id("Q46"),
                        "committeeId": committee,
                        "functions": functions,
                        "scopeIds": [await org_id("00T")],
                        "validFrom": f"{since}T00:00:00+00:00",
                        "validTo": f"{date.today().year + 2}-04-01T00:00:00+01:00",
                    }
                },
            )
        )["delegation"]["id"]
    assert (
        payload(await officer.data(REVOKE, {"input": {"id": delegations["revoked"], "reason": "Withdrawn"}}))["errors"]
        == []
    )
    board = Board(committee, people)
    board.callers = {"secretary": secretary} | {s: await as_person(client, e) for s, (e, *_) in seats.items()}
    return board, delegations


@pytest.fixture
async def joint(client):
    """The joint committee and its delegations; the live one is revoked afterwards, so later tests (of the demo's
    own delegation, say) find only the demo's delegations live."""
    board, delegations = await joint_board(client)
    yield board, delegations
    officer = await as_person(client, MANCHESTER_OFFICER)
    assert (
        payload(await officer.data(REVOKE, {"input": {"id": delegations["live"], "reason": "Test over"}}))["errors"]
        == []
    )


async def test_a_joint_committee_decides_under_its_delegation_and_the_registers_name_it(client, joint):
    board, delegations = joint
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Joint committee")
    await meeting.arrive("lowe", "mistry", "ashworth")
    await meeting.take(ITEM)
    quorum = (await meeting.item_conduct(ITEM))["quorum"]
    assert quorum["unmet"] == ["At least one voting member from Greater Manchester Area Team must be present; none is."]
    await meeting.arrive("whitworth")
    assert (await meeting.item_conduct(ITEM))["quorum"]["met"] is True

    secretary = meeting.secretary
    vote = ok(
        await secretary.data(
            """mutation($input: OpenVoteInput!) { openVote(input: $input) { vote { id } errors { field message } } }""",
            {
                "input": {
                    "itemId": meeting.items[ITEM],
                    "motion": "That the merger is approved.",
                    "delegationId": delegations["live"],
                }
            },
        )
    )["vote"]
    for short in ("lowe", "mistry", "whitworth"):
        assert (await meeting.vote(vote["id"], short, "FOR"))["errors"] == []
    decision = (await meeting.close_vote(vote["id"]))["decision"]
    assert decision["delegationLabel"].startswith("Under delegation from Greater Manchester Area Team (")
    assert decision["delegationLabel"].endswith("): Approving practice mergers")

    for delegation, message in (
        (delegations["revoked"], "That delegation is revoked; nothing can be decided under it now."),
        (await global_id("Delegation", DEMO_DELEGATION), "This committee holds no such delegation."),
    ):
        refused = payload(
            await secretary.data(
                DECIDE,
                {
                    "input": {
                        "itemId": meeting.items[ITEM],
                        "route": "CONSENSUS",
                        "text": "Noted.",
                        "delegationId": delegation,
                    }
                },
            )
        )
        assert refused["errors"] == [{"field": "delegationId", "message": message}]

    ok(await secretary.data(CLOSE, {"input": {"meetingId": meeting.id}}))
    officer = board.callers["whitworth"]
    for caller, variables in (
        (officer, {"org": await org_id("Q46")}),
        (Caller(client), {"ods": "Q46"}),
        (Caller(client), {"ods": "00T"}),
    ):
        register = (await caller.data(REGISTER, variables))["decisions"]["edges"]
        ours = [
            e["node"]
            for e in register
            if e["node"]["text"] == "That the merger is approved."
            and e["node"]["delegationLabel"] == decision["delegationLabel"]
        ]
        assert len(ours) == 1, variables
