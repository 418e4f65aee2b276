"""Declarations made at a meeting reach the register as pending entries for its keeper to confirm or reject; the
published register tells a nil return from no return; gifts and hospitality are approved only by someone the
organisation designates, never the recipient, and their later changes are kept as history."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conduct.support import Board, make_board, ok, org_id, payload, person_id, start_meeting, uuid_of
from tests.support import BOLTON_GP, ISLINGTON_SECRETARY, Caller, add_member, as_person, owner_fetch

ITEM = "Diabetes pathway"
INTERESTS = """query($org: ID!, $person: ID) { interests(organisationId: $org, personId: $person, first: 100) {
  edges { node { id description status reviewNote } } } }"""
REVIEW = """mutation($input: ReviewPendingInterestInput!) { reviewPendingInterest(input: $input) {
  interest { status reviewNote } errors { field message } } }"""
PUBLISHED = """query { publishedRegisterOfInterests(odsCode: "00T") { decisionMakers { name nilReturnOn interests { description } } } }"""
NIL = """mutation($input: RecordInterestReviewInput!) { recordInterestReview(input: $input) { nilReturn errors { field message } } }"""
WITHDRAW = (
    """mutation($input: WithdrawDeclarationInput!) { withdrawDeclaration(input: $input) { errors { message } } }"""
)
RECORD_GIFT = """mutation($input: RecordGiftOrHospitalityInput!) { recordGiftOrHospitality(input: $input) {
  entry { id accepted approvedBy { name } assessment { breach } } errors { field message } } }"""
DESIGNATE = """mutation($input: DesignateGiftApproverInput!) { designateGiftApprover(input: $input) {
  approver { name } errors { field message } } }"""
UPDATE_GIFT = """mutation($input: UpdateGiftOrHospitalityInput!) { updateGiftOrHospitality(input: $input) {
  entry { accepted approvedBy { name } history { change note recordedBy { name } } } errors { field message } } }"""


@pytest.fixture(scope="module")
async def board(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        board = await make_board(client, "Clinical commissioning committee (registers)")
        board.callers["client"] = Caller(client)
        yield board


def _entry(data: dict, description: str) -> dict:
    return next(e["node"] for e in data["interests"]["edges"] if e["node"]["description"] == description)


async def test_a_declaration_at_a_meeting_reaches_the_register_pending_and_its_keeper_confirms_or_rejects_it(
    board: Board,
):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Pending declarations")
    bolton = await org_id("00T")
    await meeting.declare("khan", ITEM, "LEAVE_ROOM", description="Director of a diabetes education company")
    await meeting.declare(
        "patel",
        ITEM,
        "DECLARE_ONLY",
        category="NON_FINANCIAL_PERSONAL",
        description="Volunteer with a diabetes charity",
    )
    secretary = meeting.secretary
    register = await secretary.data(INTERESTS, {"org": bolton, "person": None})
    khans = _entry(register, "Director of a diabetes education company")
    patels = _entry(register, "Volunteer with a diabetes charity")
    assert khans["status"] == patels["status"] == "PENDING"
    published = (await Caller(secretary.client).data(PUBLISHED))["publishedRegisterOfInterests"]["decisionMakers"]
    khan = next(m for m in published if m["name"] == "Dr Amir Khan")
    assert "Director of a diabetes education company" not in [i["description"] for i in khan["interests"]]

    # Only the keeper decides; not the member, another organisation or the public.
    for caller in (board.callers["khan"], await as_person(secretary.client, ISLINGTON_SECRETARY)):
        refused = payload(await caller.data(REVIEW, {"input": {"id": khans["id"], "confirm": True}}))
        assert refused["interest"] is None and refused["errors"]
    anonymous = await Caller(secretary.client).post(REVIEW, {"input": {"id": khans["id"], "confirm": True}})
    assert anonymous.get("errors") or payload(anonymous["data"])["errors"]
    assert (await owner_fetch("SELECT status FROM interest WHERE id = $1", uuid_of(khans["id"])))[0][0] == "PENDING"

    confirmed = ok(await secretary.data(REVIEW, {"input": {"id": khans["id"], "confirm": True}}))["interest"]
    assert confirmed["status"] == "CONFIRMED"
    unexplained = payload(await secretary.data(REVIEW, {"input": {"id": patels["id"], "confirm": False}}))
    assert unexplained["errors"] == [
        {"field": "note", "message": "Say why the entry is rejected (2,000 characters or fewer)."}
    ]
    rejected = ok(
        await secretary.data(
            REVIEW,
            {"input": {"id": patels["id"], "confirm": False, "note": "Already on the register as her trusteeship."}},
        )
    )["interest"]
    assert rejected == {"status": "REJECTED", "reviewNote": "Already on the register as her trusteeship."}
    again = payload(await secretary.data(REVIEW, {"input": {"id": khans["id"], "confirm": False, "note": "x"}}))
    assert again["errors"] == [{"field": "id", "message": "That entry is already confirmed."}]

    published = (await Caller(secretary.client).data(PUBLISHED))["publishedRegisterOfInterests"]["decisionMakers"]
    khan = next(m for m in published if m["name"] == "Dr Amir Khan")
    assert "Director of a diabetes education company" in [i["description"] for i in khan["interests"]]
    audit = await owner_fetch("SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id", uuid_of(khans["id"]))
    assert [a["action"] for a in audit] == ["interest.pending", "interest.confirm"]


async def test_a_declaration_withdrawn_as_an_error_takes_its_pending_entry_with_it(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Withdrawn declaration")
    declaration = await meeting.declare("reid", ITEM, "LEAVE_ROOM", description="Recorded against the wrong member")
    ok(await meeting.secretary.data(WITHDRAW, {"input": {"id": declaration["id"]}}))
    rows = await owner_fetch("SELECT status FROM interest WHERE source_declaration_id = $1", uuid_of(declaration["id"]))
    assert [r["status"] for r in rows] == ["REJECTED"]


async def test_the_published_register_tells_a_nil_return_from_no_return(board: Board):
    # Two governing body members of their own, so that no other test's declarations touch them.
    for email, name in (
        ("nil.return@demo.quorum.example", "Dr Nila Returne"),
        ("no.return@demo.quorum.example", "Dr Noah Returne"),
    ):
        await add_member(email, name, "00T", "GOVERNING_BODY_MEMBER")
    secretary = board.callers["secretary"]
    ok(
        await secretary.data(
            NIL,
            {
                "input": {
                    "organisationId": await org_id("00T"),
                    "personId": await person_id("nil.return@demo.quorum.example"),
                    "nilReturn": True,
                }
            },
        )
    )
    published = (await board.callers["client"].data(PUBLISHED))["publishedRegisterOfInterests"]["decisionMakers"]
    made = next(m for m in published if m["name"] == "Dr Nila Returne")
    assert made == {"name": "Dr Nila Returne", "nilReturnOn": date.today().isoformat(), "interests": []}
    none = next(m for m in published if m["name"] == "Dr Noah Returne")
    assert none == {"name": "Dr Noah Returne", "nilReturnOn": None, "interests": []}


async def test_gifts_are_approved_only_by_a_designated_approver_never_the_recipient_and_their_history_is_kept(
    board: Board,
):
    secretary, gp = board.callers["secretary"], await as_person(board.callers["client"].client, BOLTON_GP)
    bolton, mistry = await org_id("00T"), await person_id(BOLTON_GP)
    dinner = {
        "organisationId": bolton,
        "personId": mistry,
        "kind": "HOSPITALITY",
        "description": "Dinner at a symposium",
        "offeredBy": "Acme Pharma Ltd",
        "fromSupplier": True,
        "valuePence": 9500,
        "offeredOn": date.today().isoformat(),
        "accepted": True,
    }
    own = payload(await gp.data(RECORD_GIFT, {"input": {**dinner, "approvedById": mistry}}))
    assert own["errors"] == [
        {
            "field": "approvedById",
            "message": (
                "The recipient cannot approve their own gift or hospitality; someone the organisation designates must."
            ),
        }
    ]
    undesignated = payload(
        await secretary.data(RECORD_GIFT, {"input": {**dinner, "approvedById": board.people["patel"]}})
    )
    assert undesignated["errors"] == [
        {
            "field": "approvedById",
            "message": ("Susan Patel is not designated to approve gifts and hospitality for this organisation."),
        }
    ]
    assert payload(await gp.data(DESIGNATE, {"input": {"organisationId": bolton, "personId": board.people["patel"]}}))[
        "errors"
    ]
    ok(await secretary.data(DESIGNATE, {"input": {"organisationId": bolton, "personId": board.people["patel"]}}))

    entry = ok(await gp.data(RECORD_GIFT, {"input": dinner}))["entry"]
    assert entry["assessment"]["breach"] == "Accepted without the approval it needs."
    by_recipient = payload(await gp.data(UPDATE_GIFT, {"input": {"id": entry["id"], "change": "APPROVED"}}))
    assert by_recipient["errors"] == [
        {
            "field": None,
            "message": (
                "The recipient cannot approve their own gift or hospitality; someone the organisation designates must."
            ),
        }
    ]
    for outsider in (await as_person(secretary.client, ISLINGTON_SECRETARY), board.callers["client"]):
        answer = await outsider.post(UPDATE_GIFT, {"input": {"id": entry["id"], "change": "DECLINED"}})
        assert answer.get("errors") or payload(answer["data"])["errors"]

    approved = ok(
        await board.callers["patel"].data(
            UPDATE_GIFT, {"input": {"id": entry["id"], "change": "APPROVED", "note": "Speaker at the symposium"}}
        )
    )["entry"]
    assert approved["approvedBy"] == {"name": "Susan Patel"} and approved["accepted"] is True
    returned = ok(
        await secretary.data(
            UPDATE_GIFT,
            {
                "input": {
                    "id": entry["id"],
                    "change": "RETURNED",
                    "note": "The symposium was cancelled; the ticket went back.",
                }
            },
        )
    )["entry"]
    assert returned["accepted"] is False
    assert returned["history"] == [
        {"change": "APPROVED", "note": "Speaker at the symposium", "recordedBy": {"name": "Susan Patel"}},
        {
            "change": "RETURNED",
            "note": "The symposium was cancelled; the ticket went back.",
            "recordedBy": {"name": "Helen Hargreaves"},
        },
    ]
    audit = await owner_fetch("SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id", uuid_of(entry["id"]))
    assert [a["action"] for a in audit] == [
        "gift_or_hospitality.record",
        "gift_or_hospitality.approved",
        "gift_or_hospitality.returned",
    ]


async def test_decision_makers_gifts_and_hospitality_are_published_without_signing_in(board: Board):
    secretary = board.callers["secretary"]
    bolton = await org_id("00T")
    for person, description, pence in (
        (board.people["khan"], "Tickets to a supplier's hospitality box", 12000),
        (board.people["khan"], "A branded pen", 200),
        (await person_id("fiona.clarke@demo.quorum.example"), "Lunch with a supplier", 4000),
    ):
        ok(
            await secretary.data(
                RECORD_GIFT,
                {
                    "input": {
                        "organisationId": bolton,
                        "personId": person,
                        "kind": "HOSPITALITY" if pence > 1000 else "GIFT",
                        "description": description,
                        "offeredBy": "MedSupply Ltd",
                        "fromSupplier": True,
                        "valuePence": pence,
                        "offeredOn": date.today().isoformat(),
                        "accepted": False,
                    }
                },
            )
        )
    query = (
        """query($ods: String!) { publishedRegisterOfGifts(odsCode: $ods) { personName description value accepted } }"""
    )
    published = (await board.callers["client"].data(query, {"ods": "00T"}))["publishedRegisterOfGifts"]
    descriptions = {g["description"] for g in published}
    assert {
        "personName": "Dr Amir Khan",
        "description": "Tickets to a supplier's hospitality box",
        "value": "£120",
        "accepted": False,
    } in published
    assert "A branded pen" not in descriptions  # under the threshold: need not be declared
    assert "Lunch with a supplier" not in descriptions  # a practice representative is not a decision-maker
    assert (await board.callers["client"].data(query, {"ods": "ZZZ"}))["publishedRegisterOfGifts"] is None
