"""One outcome at a time: a second is refused until the first is rescinded (recorded, shown, audited, and left
out of the register); referral names a committee; withdrawal; a member chosen to preside holds the casting
vote; a chair's action after the meeting closes; a financial interest declared only is warned about."""

from __future__ import annotations

import pytest

from tests.conduct.support import (
    CLOSE,
    DECIDE,
    ERRORS,
    Board,
    make_board,
    ok,
    payload,
    start_meeting,
    uuid_of,
)
from tests.support import ISLINGTON_SECRETARY, Caller, as_person, global_id, owner_fetch

ITEM = "Community services contract"
RESCIND = f"""mutation($input: RescindDecisionInput!) {{ rescindDecision(input: $input) {{
  decision {{ id route rescindedAt rescissionReason rescindedBy {{ name }} }} {ERRORS} }} }}"""
REFER = f"""mutation($input: RecordDecisionInput!) {{ recordDecision(input: $input) {{
  decision {{ id route referredTo text }} {ERRORS} }} }}"""
PRESIDE = f"""mutation($input: ChoosePresidingMemberInput!) {{ choosePresidingMember(input: $input) {{
  live {{ quorum {{ chairedBy chairNote }} }} {ERRORS} }} }}"""
DECISIONS = """query($id: ID!) { meetingConduct(meetingId: $id) { items { item { id } decisions {
  id route text referredTo rescindedAt rescissionReason rescindedBy { name } } } } }"""
REGISTER = "query($c: ID!) { decisions(committeeId: $c) { edges { node { id route text } } } }"
MINUTES = """query($id: ID!) { minutes(meetingId: $id, part: PRIVATE) { items { title decisions { route outcome text rescinded } } } }"""
WARNED = f"""mutation($input: RecordDeclarationInput!) {{ recordDeclaration(input: $input) {{
  declaration {{ id warning }} {ERRORS} }} }}"""


@pytest.fixture(scope="module")
async def board(app):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        board = await make_board(client, "Finance and performance committee (outcomes)")
        board.callers["client"] = Caller(client)
        yield board


def _item_decisions(conduct: dict, item_id: str) -> list[dict]:
    return next(i for i in conduct["meetingConduct"]["items"] if i["item"]["id"] == item_id)["decisions"]


async def test_a_second_outcome_is_refused_until_the_first_is_rescinded_which_is_recorded_and_shown(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Outcomes")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan")
    item = meeting.items[ITEM]
    deferred = ok(await meeting.secretary.data(DECIDE, {"input": {"itemId": item, "route": "DEFERRED"}}))["decision"]

    refused = payload(
        await meeting.secretary.data(
            DECIDE, {"input": {"itemId": item, "route": "CONSENSUS", "text": "Awarded the contract."}}
        )
    )
    assert refused["decision"] is None
    assert refused["errors"][0]["field"] == "itemId"
    assert refused["errors"][0]["message"].startswith("This item already has an outcome: a deferral, recorded on ")
    assert refused["errors"][0]["message"].endswith("Rescind it, saying why, before recording another.")
    refused_vote = payload(
        await meeting.secretary.data(
            "mutation($input: OpenVoteInput!) { openVote(input: $input) { vote { id } errors { field message } } }",
            {"input": {"itemId": item, "motion": "Award it."}},
        )
    )
    assert refused_vote["errors"] == refused["errors"]
    assert len(await owner_fetch("SELECT 1 FROM decision WHERE item_id = $1", uuid_of(item))) == 1

    no_reason = payload(
        await meeting.secretary.data(RESCIND, {"input": {"decisionId": deferred["id"], "reason": "  "}})
    )
    assert no_reason["errors"] == [
        {"field": "reason", "message": "Say why the outcome is rescinded (2,000 characters or fewer)."}
    ]
    rescinded = ok(
        await meeting.secretary.data(
            RESCIND,
            {
                "input": {
                    "decisionId": deferred["id"],
                    "reason": "The missing financial appendix arrived during the meeting.",
                }
            },
        )
    )["decision"]
    assert rescinded["rescindedAt"] and rescinded["rescindedBy"] == {"name": "Helen Hargreaves"}
    again = payload(await meeting.secretary.data(RESCIND, {"input": {"decisionId": deferred["id"], "reason": "Twice"}}))
    assert again["errors"][0]["message"].startswith("That outcome was rescinded on ")

    agreed = ok(
        await meeting.secretary.data(
            DECIDE, {"input": {"itemId": item, "route": "CONSENSUS", "text": "Awarded the contract."}}
        )
    )["decision"]
    shown = _item_decisions(await meeting.secretary.data(DECISIONS, {"id": meeting.id}), item)
    assert [(d["route"], d["rescissionReason"]) for d in shown] == [
        ("DEFERRED", "The missing financial appendix arrived during the meeting."),
        ("CONSENSUS", None),
    ]
    minutes = (await meeting.secretary.data(MINUTES, {"id": meeting.id}))["minutes"]
    minuted = next(i for i in minutes["items"] if i["title"] == ITEM)["decisions"]
    assert minuted[0]["rescinded"].startswith("Rescinded on ")
    assert minuted[0]["rescinded"].endswith(
        "by Helen Hargreaves: The missing financial appendix arrived during the meeting."
    )
    assert minuted[1]["rescinded"] == ""

    audit = await owner_fetch(
        "SELECT action, actor_person_id FROM audit_entry WHERE entity_id = $1 ORDER BY id", uuid_of(deferred["id"])
    )
    assert [a["action"] for a in audit] == ["decision.deferred", "decision.rescind"]
    assert audit[1]["actor_person_id"] == uuid_of(board.people["hargreaves"])

    # Rescinding the consensus too: the register shows only outcomes that stand.
    ok(
        await meeting.secretary.data(
            RESCIND, {"input": {"decisionId": agreed["id"], "reason": "Recorded against the wrong item."}}
        )
    )
    register = (await meeting.secretary.data(REGISTER, {"c": board.committee_id}))["decisions"]["edges"]
    assert agreed["id"] not in {e["node"]["id"] for e in register}


async def test_the_database_keeps_one_standing_outcome_per_item(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="One standing outcome")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan")
    ok(await meeting.secretary.data(DECIDE, {"input": {"itemId": meeting.items[ITEM], "route": "WITHDRAWN"}}))
    import asyncpg

    with pytest.raises(asyncpg.UniqueViolationError):
        await owner_fetch(
            "INSERT INTO decision (org_id, meeting_id, committee_id, item_id, route, text, quorum, recorded_by) "
            "SELECT org_id, meeting_id, committee_id, item_id, 'CONSENSUS', 'Also agreed', quorum, recorded_by "
            "FROM decision WHERE item_id = $1",
            uuid_of(meeting.items[ITEM]),
        )


async def test_a_referral_names_another_committee_it_may_see(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Referral")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan")
    item = meeting.items[ITEM]
    unnamed = payload(
        await meeting.secretary.data(REFER, {"input": {"itemId": item, "route": "REFERRED", "text": "Refer it."}})
    )
    assert unnamed["errors"] == [
        {"field": "referredToCommitteeId", "message": "Name the committee the item is referred to."}
    ]
    itself = payload(
        await meeting.secretary.data(
            REFER,
            {
                "input": {
                    "itemId": item,
                    "route": "REFERRED",
                    "text": "Refer it.",
                    "referredToCommitteeId": board.committee_id,
                }
            },
        )
    )
    assert itself["errors"] == [
        {
            "field": "referredToCommitteeId",
            "message": "An item is referred to another committee, not to the one taking it.",
        }
    ]
    # A committee of Islington's with no published meeting, so nothing of it is public (its governing body becomes
    # public once other tests publish that body's meetings).
    islington = await global_id(
        "Committee",
        "INSERT INTO committee (org_id, kind, name) SELECT id, 'AUDIT', "
        "'Islington audit (referral test)' FROM organisation WHERE ods_code = '08H' "
        "RETURNING id",
    )
    hidden = payload(
        await meeting.secretary.data(
            REFER,
            {"input": {"itemId": item, "route": "REFERRED", "text": "Refer it.", "referredToCommitteeId": islington}},
        )
    )
    assert hidden["errors"] == [{"field": "referredToCommitteeId", "message": "No such committee."}]
    governing_body = await global_id(
        "Committee",
        "SELECT c.id FROM committee c JOIN organisation o ON o.id = c.org_id "
        "WHERE o.ods_code = '00T' AND c.kind = 'GOVERNING_BODY'",
    )
    referred = ok(
        await meeting.secretary.data(
            REFER,
            {
                "input": {
                    "itemId": item,
                    "route": "REFERRED",
                    "text": "Referred for a decision on the budget.",
                    "referredToCommitteeId": governing_body,
                }
            },
        )
    )["decision"]
    assert referred["route"] == "REFERRED"
    assert referred["referredTo"].startswith("Governing body") and referred["referredTo"].endswith("NHS Bolton CCG")
    minutes = (await meeting.secretary.data(MINUTES, {"id": meeting.id}))["minutes"]
    minuted = next(i for i in minutes["items"] if i["title"] == ITEM)["decisions"]
    assert minuted[0]["outcome"] == f"Referred to {referred['referredTo']}"


async def test_with_chair_and_vice_chair_away_the_members_choose_who_presides_and_that_member_gives_the_casting_vote(
    board: Board,
):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Presiding member")
    await meeting.arrive("ashworth", "khan", "patel", "reid")
    await meeting.take(ITEM)
    item = meeting.items[ITEM]
    quorum = (await meeting.item_conduct(ITEM))["quorum"]
    assert quorum["chairedBy"] is None
    assert quorum["chairNote"].startswith("The members present choose one of their number to chair this item")

    away = payload(await meeting.secretary.data(PRESIDE, {"input": {"itemId": item, "personId": board.people["lowe"]}}))
    assert away["errors"] == [{"field": "personId", "message": "Margaret Lowe is not in the room."}]
    non_voting = payload(
        await meeting.secretary.data(PRESIDE, {"input": {"itemId": item, "personId": board.people["hargreaves"]}})
    )
    assert non_voting["errors"] == [
        {"field": "personId", "message": "Helen Hargreaves is not a voting member of this committee."}
    ]
    chosen = ok(await meeting.secretary.data(PRESIDE, {"input": {"itemId": item, "personId": board.people["patel"]}}))
    assert chosen["live"]["quorum"]["chairedBy"] == "Susan Patel"
    assert chosen["live"]["quorum"]["chairNote"].startswith(
        "The members present chose Susan Patel to chair this item: "
    )

    vote = await meeting.open_vote(ITEM, "That the contract is extended by a year.")
    assert vote["chairedBy"] == {"name": "Susan Patel"}
    for short, choice in (("ashworth", "FOR"), ("khan", "AGAINST"), ("patel", "FOR"), ("reid", "AGAINST")):
        assert (await meeting.vote(vote["id"], short, choice))["errors"] == []
    tied = await meeting.close_vote(vote["id"])
    assert "Susan Patel, has a casting vote" in tied["errors"][0]["message"]
    closed = await meeting.close_vote(vote["id"], casting="FOR")
    assert closed["vote"]["result"] == (
        "Carried on the casting vote of the chair, Susan Patel, who voted for (2 for, 2 against, 0 abstentions)."
    )

    # Once the chair is back, the chair takes the chair: the members no longer choose.
    await meeting.arrive("lowe")
    chair_back = payload(
        await meeting.secretary.data(PRESIDE, {"input": {"itemId": item, "personId": board.people["khan"]}})
    )
    assert chair_back["errors"][0]["message"].startswith("The chair, Margaret Lowe, chairs this item")


async def test_a_chairs_action_can_be_recorded_after_the_meeting_closes_and_nothing_else(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="After the close")
    await meeting.arrive("lowe", "mistry", "ashworth", "khan")
    ok(await meeting.secretary.data(CLOSE, {"input": {"meetingId": meeting.id}}))
    consensus = payload(
        await meeting.secretary.data(
            DECIDE, {"input": {"itemId": meeting.items[ITEM], "route": "CONSENSUS", "text": "Agreed after all."}}
        )
    )
    assert consensus["errors"][0]["message"].startswith("Decisions are recorded while the meeting is open")
    taken = ok(
        await meeting.secretary.data(
            DECIDE,
            {
                "input": {
                    "itemId": meeting.items[ITEM],
                    "route": "CHAIRS_ACTION",
                    "text": "The chair extended the contract (urgent).",
                }
            },
        )
    )
    assert taken["decision"]["route"] == "CHAIRS_ACTION" and taken["decision"]["chairedBy"] == {"name": "Margaret Lowe"}
    minutes = (await meeting.secretary.data(MINUTES, {"id": meeting.id}))["minutes"]
    minuted = next(i for i in minutes["items"] if i["title"] == ITEM)["decisions"]
    assert minuted[0]["outcome"].startswith("Taken by chair's action on ") and minuted[0]["outcome"].endswith(
        ", after the meeting closed"
    )


async def test_a_financial_interest_declared_only_on_an_item_for_decision_is_warned_about(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Declare only")
    variables = {
        "meetingId": meeting.id,
        "itemId": meeting.items[ITEM],
        "personId": board.people["khan"],
        "category": "FINANCIAL",
        "description": "Shareholder in the bidder",
        "management": "DECLARE_ONLY",
    }
    warned = ok(await meeting.secretary.data(WARNED, {"input": variables}))["declaration"]
    assert warned["warning"].startswith("A financial interest in an item for decision is managed as declare only")
    personal = ok(
        await meeting.secretary.data(
            WARNED,
            {
                "input": {
                    **variables,
                    "personId": board.people["patel"],
                    "category": "NON_FINANCIAL_PERSONAL",
                    "description": "Friend of a bidder's director",
                }
            },
        )
    )["declaration"]
    assert personal["warning"] is None
    conduct = await meeting.secretary.data(
        "query($id: ID!) { meetingConduct(meetingId: $id) { items { item { id } declarations { warning } } } }",
        {"id": meeting.id},
    )
    warnings = next(i for i in conduct["meetingConduct"]["items"] if i["item"]["id"] == meeting.items[ITEM])[
        "declarations"
    ]
    assert sorted(bool(d["warning"]) for d in warnings) == [False, True]


async def test_another_organisation_and_the_public_can_neither_rescind_nor_choose_who_presides(board: Board):
    meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Outsiders")
    await meeting.arrive("ashworth", "khan", "patel", "reid")
    decision = ok(
        await meeting.secretary.data(DECIDE, {"input": {"itemId": meeting.items[ITEM], "route": "DEFERRED"}})
    )["decision"]
    client = board.callers["client"].client
    before = (await owner_fetch("SELECT count(*) FROM audit_entry"))[0][0]
    for caller in (await as_person(client, ISLINGTON_SECRETARY), Caller(client), board.callers["khan"]):
        rescind = await caller.post(RESCIND, {"input": {"decisionId": decision["id"], "reason": "Mine now"}})
        choose = await caller.post(
            PRESIDE, {"input": {"itemId": meeting.items[ITEM], "personId": board.people["khan"]}}
        )
        for answer in (rescind, choose):
            assert answer.get("errors") or payload(answer["data"])["errors"], answer
    assert (await owner_fetch("SELECT count(*) FROM audit_entry"))[0][0] == before
    row = await owner_fetch("SELECT rescinded_at FROM decision WHERE id = $1", uuid_of(decision["id"]))
    assert row[0]["rescinded_at"] is None
    assert await owner_fetch("SELECT 1 FROM presiding_member WHERE item_id = $1", uuid_of(meeting.items[ITEM])) == []


async def test_minutes_of_two_meetings_approved_under_one_item_are_not_its_outcome(board: Board):
    approve = f"""mutation($input: ApproveMinutesInput!) {{ approveMinutes(input: $input) {{ minutes {{ status }} {ERRORS} }} }}"""
    earlier = []
    for title, minutes_ago in (("Outcomes, first", 300), ("Outcomes, second", 200)):
        meeting = await start_meeting(board, [], title=title, minutes_ago=minutes_ago)
        ok(await meeting.secretary.data(CLOSE, {"input": {"meetingId": meeting.id}}))
        earlier.append(meeting)
    later = await start_meeting(board, [], title="Outcomes, third", minutes_ago=2)
    await later.arrive("lowe", "mistry", "ashworth", "khan")
    item = later.items["Minutes of the last meeting"]
    for meeting in earlier:
        assert ok(await later.secretary.data(approve, {"input": {"meetingId": meeting.id, "itemId": item}}))["minutes"]
    noted = ok(
        await later.secretary.data(
            DECIDE,
            {
                "input": {
                    "itemId": item,
                    "route": "CONSENSUS",
                    "text": "Noted that both sets of minutes were circulated late.",
                }
            },
        )
    )
    assert noted["decision"]["route"] == "CONSENSUS"
    shown = _item_decisions(
        await later.secretary.data(
            """query($id: ID!) { meetingConduct(meetingId: $id) { items { item { id } decisions { id isItemOutcome } } } }""",
            {"id": later.id},
        ),
        item,
    )
    assert sorted(d["isItemOutcome"] for d in shown) == [False, False, True]
