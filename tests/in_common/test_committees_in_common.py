"""Committees in common: nobody joins by naming an arrangement; only the invited organisation's officers
accept; a session has one agenda, and each committee decides each common item for itself in its own
meeting, so one item can be carried by one committee and lost by another; each party sees its own record
and not the others' private business; the public sees Part I."""

from __future__ import annotations

import pytest

from tests.conduct.support import (
    ATTEND,
    CAST,
    CLOSE,
    CLOSE_VOTE,
    DECIDE,
    OPEN,
    OPEN_VOTE,
    TAKE,
    counts,
    move_start,
    ok,
    org_id,
    payload,
    uuid_of,
)
from tests.in_common.support import (
    ANSWER,
    CREATE,
    INVITE,
    SCHEDULE,
    SESSION,
    TAKE_PART,
    arrange,
    make_parties,
    schedule,
)
from tests.meetings.support import future
from tests.support import ISLINGTON_GP, as_person, owner_fetch

ESTATES, BOLTON_ONLY, CONTRACT = "Primary care estates strategy", "Bolton practice merger", "Practice contract breach"
ITEMS = [
    {"title": ESTATES, "purpose": "DECISION", "part": "PUBLIC"},
    {"title": BOLTON_ONLY, "purpose": "DECISION", "part": "PUBLIC"},  # committeeIds filled in per test
    {"title": CONTRACT, "purpose": "DECISION", "part": "PRIVATE"},
]


@pytest.fixture(scope="module")
async def parties(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield await make_parties(client, "in common")


async def test_nobody_joins_an_arrangement_uninvited(parties):
    bolton, islington, hmr = (parties.callers[w] for w in ("bolton", "islington", "hmr"))
    arrangement = ok(
        await bolton.data(
            CREATE,
            {
                "input": {
                    "committeeId": parties.bolton.committee_id,
                    "name": "Greater Manchester commissioning in common",
                }
            },
        )
    )["arrangement"]
    assert arrangement["parties"] == [
        {
            "organisationName": "NHS Bolton CCG",
            "committeeName": ("Bolton primary care commissioning committee (in common)"),
            "status": "ACCEPTED",
        }
    ]
    before = await counts("in_common_party")
    # HMR has not been invited: it can neither accept nor invite itself, nor can Islington invite it.
    answer = {
        "arrangementId": arrangement["id"],
        "organisationId": await org_id("01D"),
        "accept": True,
        "committeeId": parties.hmr_committee,
    }
    refused = payload(await hmr.data(ANSWER, {"input": answer}))
    assert refused["errors"] == [
        {"field": "organisationId", "message": "That organisation has not been invited into this arrangement."}
    ]
    for outsider in (hmr, islington):
        refused = payload(
            await outsider.data(INVITE, {"input": {"arrangementId": arrangement["id"], "odsCode": "01D"}})
        )
        assert refused["errors"] == [
            {
                "field": None,
                "message": ("Only the convening organisation's board secretary or an administrator can invite."),
            }
        ]
    assert await counts("in_common_party") == before

    invited = ok(await bolton.data(INVITE, {"input": {"arrangementId": arrangement["id"], "odsCode": "08h"}}))[
        "arrangement"
    ]
    assert [p["status"] for p in invited["parties"]] == ["ACCEPTED", "INVITED"]
    unknown = payload(await bolton.data(INVITE, {"input": {"arrangementId": arrangement["id"], "odsCode": "ZZZ"}}))
    assert unknown["errors"] == [{"field": "odsCode", "message": "No organisation has the ODS code 'ZZZ'."}]
    again = payload(await bolton.data(INVITE, {"input": {"arrangementId": arrangement["id"], "odsCode": "08H"}}))
    assert again["errors"] == [{"field": "odsCode", "message": "NHS Islington CCG has already been invited."}]

    # Only Islington's own officers answer for it: not Bolton's secretary, not an Islington GP.
    islington_answer = {
        "arrangementId": arrangement["id"],
        "organisationId": await org_id("08H"),
        "accept": True,
        "committeeId": parties.islington_committee,
    }
    refused = payload(await bolton.data(ANSWER, {"input": islington_answer}))
    assert refused["errors"] == [
        {"field": "organisationId", "message": "That organisation has not been invited into this arrangement."}
    ]
    gp = await as_person(parties.bolton.callers["secretary"].client, ISLINGTON_GP)
    refused = payload(await gp.data(ANSWER, {"input": islington_answer}))
    assert refused["errors"] == [
        {
            "field": None,
            "message": ("Only NHS Islington CCG's board secretary or an administrator can answer the invitation."),
        }
    ]
    # Accepting names one of Islington's own committees, not Bolton's.
    refused = payload(
        await islington.data(ANSWER, {"input": islington_answer | {"committeeId": parties.bolton.committee_id}})
    )
    assert refused["errors"] == [{"field": "committeeId", "message": "Choose one of NHS Islington CCG's committees."}]
    accepted = ok(await islington.data(ANSWER, {"input": islington_answer}))["arrangement"]
    assert [p["status"] for p in accepted["parties"]] == ["ACCEPTED", "ACCEPTED"]
    twice = payload(await islington.data(ANSWER, {"input": islington_answer}))
    assert twice["errors"] == [{"field": None, "message": "NHS Islington CCG has already answered: accepted."}]

    # A session's item cannot name HMR's committee, and HMR cannot attach its committee to a session.
    schedule_input = {
        "arrangementId": arrangement["id"],
        "title": "Session",
        "startsAt": future(),
        "location": "Bolton Town Hall",
        "items": [{"title": ESTATES, "purpose": "DECISION", "part": "PUBLIC", "committeeIds": [parties.hmr_committee]}],
    }
    refused = payload(await bolton.data(SCHEDULE, {"input": schedule_input}))
    assert refused["errors"] == [
        {"field": "items", "message": "Item 1 names a committee that is not taking part in the arrangement."}
    ]
    session = ok(await bolton.data(SCHEDULE, {"input": schedule_input | {"items": [ITEMS[0]]}}))["session"]["id"]
    refused = payload(
        await hmr.data(TAKE_PART, {"input": {"sessionId": session, "committeeId": parties.hmr_committee}})
    )
    assert refused["errors"][0]["message"].endswith(
        "is not taking part in this arrangement; its organisation must accept an invitation first."
    )
    # Nor can Bolton arrange Islington's meeting for it.
    refused = payload(
        await bolton.data(TAKE_PART, {"input": {"sessionId": session, "committeeId": parties.islington_committee}})
    )
    assert refused["errors"] == [{"field": "committeeId", "message": "No such committee."}]


async def _run(meeting_id: str, secretary, chair_ids: dict, arrive: list[str], votes: dict[str, str], item_id: str):
    await move_start(meeting_id, 5)
    ok(await secretary.data(OPEN, {"input": {"meetingId": meeting_id}}))
    for person in arrive:
        ok(await secretary.data(ATTEND, {"input": {"meetingId": meeting_id, "personId": person, "change": "ARRIVED"}}))
    ok(await secretary.data(TAKE, {"input": {"meetingId": meeting_id, "itemId": item_id}}))
    vote = ok(await secretary.data(OPEN_VOTE, {"input": {"itemId": item_id, "motion": "Adopt the estates strategy."}}))[
        "vote"
    ]
    for caller, choice in votes.items():
        ok(await chair_ids[caller].data(CAST, {"input": {"voteId": vote["id"], "choice": choice}}))
    return ok(await secretary.data(CLOSE_VOTE, {"input": {"voteId": vote["id"]}}))


async def test_one_common_item_decided_differently_each_party_seeing_its_own_record(parties):
    arrangement = await arrange(parties, "Commissioning in common (three committees)")
    items = [ITEMS[0], ITEMS[1] | {"committeeIds": [parties.bolton.committee_id]}, ITEMS[2]]
    session = await schedule(parties, arrangement, items)
    meetings = {}
    for who, committee in (
        ("bolton", parties.bolton.committee_id),
        ("islington", parties.islington_committee),
        ("hmr", parties.hmr_committee),
    ):
        taken = ok(
            await parties.callers[who].data(TAKE_PART, {"input": {"sessionId": session, "committeeId": committee}})
        )
        link = next(
            m
            for m in taken["session"]["meetings"]
            if m["meetingId"]
            and m["meeting"]
            and any(i["title"] == ESTATES for i in m["meeting"]["agenda"])
            and m["committeeName"].startswith({"bolton": "Bolton", "islington": "Islington", "hmr": "HMR"}[who])
        )
        meetings[who] = (link["meetingId"], {i["title"]: i["id"] for i in link["meeting"]["agenda"]})
        assert link["meeting"]["status"] == "AGENDA_PUBLISHED"
    again = payload(
        await parties.callers["hmr"].data(
            TAKE_PART, {"input": {"sessionId": session, "committeeId": parties.hmr_committee}}
        )
    )
    assert again["errors"][0]["message"].endswith("already has its meeting of this session.")
    assert BOLTON_ONLY in meetings["bolton"][1] and BOLTON_ONLY not in meetings["islington"][1]
    assert CONTRACT in meetings["islington"][1]

    # Bolton carries the estates strategy, Islington loses it, each in its own meeting and record.
    bolton = parties.bolton
    bolton_voters = {s: bolton.callers[s] for s in ("lowe", "mistry", "ashworth", "khan")}
    carried = await _run(
        meetings["bolton"][0],
        bolton.callers["secretary"],
        bolton_voters,
        [bolton.people[s] for s in ("lowe", "mistry", "ashworth", "khan")],
        {"lowe": "FOR", "mistry": "FOR", "ashworth": "FOR", "khan": "AGAINST"},
        meetings["bolton"][1][ESTATES],
    )
    assert carried["vote"]["outcome"] == "CARRIED"
    grace, nia = "grace.adeyemi@demo.quorum.example", "nia.osei@test.quorum.example"
    lost = await _run(
        meetings["islington"][0],
        parties.callers["islington"],
        parties.callers,
        [parties.people[grace], parties.people[nia]],
        {grace: "AGAINST", nia: "AGAINST"},
        meetings["islington"][1][ESTATES],
    )
    assert lost["vote"]["outcome"] == "LOST"
    # Each takes a Part II decision of its own.
    for who in ("bolton", "islington"):
        ok(
            await parties.callers[who].data(
                DECIDE,
                {
                    "input": {
                        "itemId": meetings[who][1][CONTRACT],
                        "route": "CONSENSUS",
                        "text": f"{who}: issue a remedial notice.",
                    }
                },
            )
        )

    def outcomes(session_data: dict, title: str) -> dict[str, str]:
        item = next(i for i in session_data["items"] if i["title"] == title)
        return {o["organisationName"]: o["inWords"] for o in item["outcomes"]}

    seen = (await parties.callers["bolton"].data(SESSION, {"id": session}))["inCommonSession"]
    estates = outcomes(seen, ESTATES)
    assert estates["NHS Bolton CCG"] == "Carried (3 for, 1 against, 0 abstentions)."
    # Islington's meeting has not closed: its decision is Islington's alone until the meeting is held.
    assert estates["NHS Islington CCG"] == "Not shown until the committee's meeting has been held."
    assert (
        estates["NHS Heywood, Middleton and Rochdale CCG"] == "Not shown until the committee's meeting has been held."
    )
    bolton_only = next(i for i in seen["items"] if i["title"] == BOLTON_ONLY)
    assert bolton_only["commonToAll"] is False and [o["organisationName"] for o in bolton_only["outcomes"]] == [
        "NHS Bolton CCG"
    ]
    contract = outcomes(seen, CONTRACT)
    assert contract["NHS Bolton CCG"] == "Agreed without a vote."
    assert contract["NHS Islington CCG"] == "Not shown: the committee's own private business."

    for who in ("bolton", "islington"):
        ok(await parties.callers[who].data(CLOSE, {"input": {"meetingId": meetings[who][0]}}))
    seen = (await parties.callers["bolton"].data(SESSION, {"id": session}))["inCommonSession"]
    assert outcomes(seen, ESTATES)["NHS Islington CCG"] == "Lost (0 for, 2 against, 0 abstentions)."
    assert outcomes(seen, CONTRACT)["NHS Islington CCG"].startswith("Not shown")  # Islington's Part II, still
    seen = (await parties.callers["islington"].data(SESSION, {"id": session}))["inCommonSession"]
    assert outcomes(seen, CONTRACT) == {
        "NHS Bolton CCG": outcomes(seen, CONTRACT)["NHS Bolton CCG"],
        "NHS Islington CCG": "Agreed without a vote.",
        "NHS Heywood, Middleton and Rochdale CCG": outcomes(seen, CONTRACT)["NHS Heywood, Middleton and Rochdale CCG"],
    }
    assert outcomes(seen, CONTRACT)["NHS Bolton CCG"].startswith("Not shown")

    # The public: the session's Part I agenda and the Part I outcomes of held meetings, nothing of Part II.
    public = (await parties.callers["anonymous"].data(SESSION, {"id": session}))["inCommonSession"]
    assert [i["title"] for i in public["items"]] == [ESTATES, BOLTON_ONLY]
    assert outcomes(public, ESTATES) == {
        "NHS Bolton CCG": "Carried (3 for, 1 against, 0 abstentions).",
        "NHS Islington CCG": "Lost (0 for, 2 against, 0 abstentions).",
        "NHS Heywood, Middleton and Rochdale CCG": "Not shown until the committee's meeting has been held.",
    }
    assert {m["organisationName"] for m in public["meetings"]} == {
        "NHS Bolton CCG",
        "NHS Islington CCG",
        "NHS Heywood, Middleton and Rochdale CCG",
    }


async def test_row_level_security_keeps_invitations_and_private_items(parties):
    """Beneath the API, as the app's role: an uninvited organisation's officer reads no invitation and
    writes no party row; the public reads no Part II item of a session."""
    import asyncpg

    from quorum.database import app_url, connect_kwargs

    arrangement = await arrange(parties, "Commissioning in common (beneath the API)")
    await schedule(parties, arrangement, ITEMS[:1] + ITEMS[2:])
    arrangement_id = uuid_of(arrangement)
    city = (await owner_fetch("SELECT id FROM organisation WHERE ods_code = '07T'"))[0][0]
    conn = await asyncpg.connect(**connect_kwargs(app_url()))
    try:
        async with conn.transaction():
            await conn.execute(
                "SELECT set_config('app.org_ids', $1, true), set_config('app.officer_org_ids', $1, true)",
                "{" + str(city) + "}",
            )
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.execute(
                    "INSERT INTO in_common_party (org_id, arrangement_id, invited_org_id, organisation_name, status, invited_by)"
                    " SELECT org_id, id, $2, 'x', 'ACCEPTED', created_by FROM in_common_arrangement WHERE id = $1",
                    arrangement_id,
                    city,
                )
        async with conn.transaction():
            parts = {r[0] for r in await conn.fetch("SELECT part FROM in_common_item")}
            assert parts == {"PUBLIC"}
            statuses = {r[0] for r in await conn.fetch("SELECT status FROM in_common_party")}
            assert statuses <= {"ACCEPTED"}
    finally:
        await conn.close()


async def test_only_the_committee_s_own_officers_convene_with_it(parties):
    before = await counts("in_common_arrangement")
    for outsider in (parties.callers["islington"], parties.callers["grace.adeyemi@demo.quorum.example"]):
        refused = payload(
            await outsider.data(CREATE, {"input": {"committeeId": parties.bolton.committee_id, "name": "Taken over"}})
        )
        assert refused["errors"] and refused["arrangement"] is None
    anonymous = await parties.callers["anonymous"].post(
        CREATE, {"input": {"committeeId": parties.bolton.committee_id, "name": "x"}}
    )
    assert anonymous.get("errors") or anonymous["data"]["createInCommonArrangement"]["errors"]
    unnamed = payload(
        await parties.callers["bolton"].data(
            CREATE, {"input": {"committeeId": parties.bolton.committee_id, "name": " "}}
        )
    )
    assert unnamed["errors"] == [{"field": "name", "message": "Name the arrangement (200 characters or fewer)."}]
    assert await counts("in_common_arrangement") == before
