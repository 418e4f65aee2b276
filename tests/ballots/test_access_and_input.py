"""Who may see, set up and vote in ballots; bad input is refused clearly and writes nothing."""

from __future__ import annotations

import base64
from datetime import timedelta

import asyncpg
import pytest

from quorum.database import app_url, connect_kwargs
from quorum.ids import encode
from tests.ballots.helpers import (
    BOLTON,
    CAST,
    CREATE,
    FIONA,
    FOR_AGAINST,
    KWAME,
    answers,
    ballot_uuid,
    cast,
    create_ballot,
    new_ballot,
    now,
    practice_id,
    secretary,
    set_rules,
    stored_votes,
)
from tests.support import (
    BOLTON_ADMIN,
    BOLTON_GP,
    ISLINGTON_SECRETARY,
    MANCHESTER_OFFICER,
    Caller,
    add_member,
    as_person,
    assert_asked_to_sign_in,
    global_id,
    owner_fetch,
)

BALLOT_TABLES = [
    "ballot_settings",
    "ballot",
    "ballot_question",
    "ballot_option",
    "ballot_elector",
    "ballot_proxy",
    "ballot_participation",
    "ballot_vote",
    "ballot_vote_choice",
    "ballot_tally",
]
SEEN = """query($id: ID!) { node(id: $id) { id } ballots { totalCount } myBallots { totalCount } }"""
NOTHING_WRITTEN = {"ballot_participation": 0, "ballot_vote": 0, "ballot_vote_choice": 0, "audit_entry": 0, "tally": 0}


async def test_another_ccg_and_anonymous_callers_see_nothing_and_cannot_vote(client):
    outsiders = (
        await as_person(client, KWAME),
        await as_person(client, ISLINGTON_SECRETARY),
        await as_person(client, MANCHESTER_OFFICER),
        Caller(client),
    )

    async def totals(caller: Caller) -> tuple[int, int]:
        seen = await caller.data(SEEN, {"id": await global_id("Organisation", BOLTON)})
        return seen["ballots"]["totalCount"], seen["myBallots"]["totalCount"]

    before = [await totals(o) for o in outsiders]  # their own CCG's ballots (Islington's demo ballot), if any
    ballot = await new_ballot(client)
    await cast(await as_person(client, BOLTON_GP), ballot, "For")
    bolton = await global_id("Organisation", BOLTON)
    for outsider, counted in zip(outsiders, before, strict=True):
        seen = await outsider.data(SEEN, {"id": ballot["id"]})
        assert seen["node"] is None
        assert (seen["ballots"]["totalCount"], seen["myBallots"]["totalCount"]) == counted  # Bolton's ballot unseen
        settings = await outsider.data(
            "query($org: ID!) { ballotSettings(organisationId: $org) { updatedAt } }", {"org": bolton}
        )
        assert settings["ballotSettings"] is None
        cast_input = {"input": {"ballotId": ballot["id"], "answers": answers(ballot, "For")}}
        if outsider.token is None:
            await assert_asked_to_sign_in(client, CAST, cast_input)
        else:
            refused = (await outsider.data(CAST, cast_input))["castBallotVote"]
            assert refused == {
                "outcome": None,
                "message": None,
                "practice": None,
                "vote": None,
                "errors": [{"field": "ballotId", "message": "No such ballot."}],
            }
        headers = {"authorization": f"Bearer {outsider.token}"} if outsider.token else {}
        assert (await client.get(f"/exports/ballot.xlsx?ballot={ballot['id']}", headers=headers)).status_code == 404
    assert (await stored_votes(ballot))["ballot_participation"] == 1


async def test_my_ballots_lists_the_representative_s_ballots_only(client):
    ballot = await new_ballot(client)
    query = "query($status: BallotStatus) { myBallots(first: 100, status: $status) { edges { node { id status } } } }"
    mine = (await (await as_person(client, FIONA)).data(query, {"status": "OPEN"}))["myBallots"]["edges"]
    assert {"id": ballot["id"], "status": "OPEN"} in [e["node"] for e in mine]
    assert all(e["node"]["status"] == "OPEN" for e in mine)
    for other in (await as_person(client, BOLTON_ADMIN), await as_person(client, KWAME)):
        assert ballot["id"] not in [
            e["node"]["id"] for e in (await other.data(query, {"status": None}))["myBallots"]["edges"]
        ]


async def test_every_ballot_table_has_forced_row_level_security_and_shows_nothing_without_settings(client):
    ballot = await new_ballot(client, secret=True)
    await cast(await as_person(client, BOLTON_GP), ballot, "For")
    rows = await owner_fetch(
        "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY ($1::text[])",
        BALLOT_TABLES,
    )
    assert {r["relname"]: (r["relrowsecurity"], r["relforcerowsecurity"]) for r in rows} == {
        t: (True, True) for t in BALLOT_TABLES
    }
    conn = await asyncpg.connect(**connect_kwargs(app_url()))
    try:
        for table in BALLOT_TABLES:
            stored = (await owner_fetch(f"SELECT count(*) FROM {table}"))[0][0]
            assert stored > 0 or table in ("ballot_proxy", "ballot_vote", "ballot_vote_choice"), table
            assert await conn.fetchval(f"SELECT count(*) FROM {table}") == 0, table
    finally:
        await conn.close()


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("option of another question", "Question 1: that option belongs to another question."),
        ("option of another ballot", "Question 1: that option is not in this ballot."),
        ("no answer", "Question 2 has no answer; choose Abstain to abstain."),
        ("two answers to a question", "Question 1: choose one of for, against or abstain."),
        ("too many candidates", "Question 2: choose up to 2 candidates, or abstain."),
        ("abstain and a candidate", "Question 2: abstain on its own, or choose candidates."),
        ("a question of another ballot", "An answer is for a question that is not in this ballot."),
        ("the same candidate twice", "Question 2: choose each option once."),
    ],
)
async def test_a_bad_ballot_paper_is_refused_and_nothing_is_written(client, case, message):
    election = {"text": "Elect two", "kind": "ELECTION", "seats": 2, "candidates": ["Dr A", "Dr B", "Dr C"]}
    ballot = await new_ballot(client, questions=[*FOR_AGAINST, election])
    other = await create_ballot(await secretary(client))
    paper = answers(ballot, "For", ("Dr A", "Dr B"))
    if case == "option of another question":
        paper[0]["optionIds"] = [paper[1]["optionIds"][0]]
    elif case == "option of another ballot":
        paper[0]["optionIds"] = answers(other, "For")[0]["optionIds"]
    elif case == "no answer":
        paper = paper[:1]
    elif case == "two answers to a question":
        paper[0]["optionIds"] += answers(ballot, "Against")[0]["optionIds"]
    elif case == "too many candidates":
        paper[1] = answers(ballot, "For", ("Dr A", "Dr B", "Dr C"))[1]
    elif case == "abstain and a candidate":
        paper[1] = answers(ballot, "For", ("Dr A", "Abstain"))[1]
    elif case == "a question of another ballot":
        paper.append(answers(other, "For")[0])
    elif case == "the same candidate twice":
        paper[1] = answers(ballot, "For", ("Dr A", "Dr A"))[1]
    gp = await as_person(client, BOLTON_GP)
    result = (await gp.data(CAST, {"input": {"ballotId": ballot["id"], "answers": paper}}))["castBallotVote"]
    assert result["outcome"] is None
    assert result["errors"] == [{"field": "answers", "message": message}]
    assert await stored_votes(ballot) == NOTHING_WRITTEN


async def test_only_a_practice_s_representative_or_proxy_votes_for_it(client):
    ballot = await new_ballot(client)
    gp = await as_person(client, BOLTON_GP)
    cases = [
        (
            await secretary(client),
            None,
            None,
            "Only a member practice's nominated representative, or its proxy, can vote in this ballot.",
        ),
        (gp, "P82002", "practiceId", "You are not a representative or proxy of that practice in this ballot."),
        (gp, "F83001", "practiceId", "That practice is not a member of the CCG holding this ballot."),
    ]
    for caller, practice, field, message in cases:
        result = await cast(caller, ballot, "For", practice=practice)
        assert result["errors"] == [{"field": field, "message": message}]
    malformed = (
        await gp.data(
            CAST,
            {
                "input": {
                    "ballotId": ballot["id"],
                    "answers": [{"questionId": "nonsense", "optionIds": []}],
                }
            },
        )
    )["castBallotVote"]
    assert malformed["errors"] == [{"field": "answers", "message": "That is not a valid BallotQuestion ID."}]
    wrong_type = (await gp.data(CAST, {"input": {"ballotId": await practice_id("P82001"), "answers": []}}))[
        "castBallotVote"
    ]
    assert wrong_type["errors"] == [{"field": "ballotId", "message": "That is not a valid Ballot ID."}]
    too_long = await cast(gp, ballot, "For", key="x" * 101)
    assert too_long["errors"] == [
        {"field": "submissionKey", "message": "The submission key must be 1 to 100 characters."}
    ]
    assert await stored_votes(ballot) == NOTHING_WRITTEN


async def test_proxies_are_checked(client):
    ballot = await new_ballot(client)
    appoint = """mutation($input: AppointBallotProxyInput!) { appointBallotProxy(input: $input) {
      proxy { id } errors { field message } } }"""
    helen = await global_id("Person", "SELECT id FROM person WHERE email = 'helen.hargreaves@demo.quorum.example'")
    fiona_id = await global_id("Person", "SELECT id FROM person WHERE email = $1", FIONA)
    gp = await as_person(client, BOLTON_GP)
    fiona_practice = (await owner_fetch("SELECT name FROM practice WHERE ods_code = 'P82002'"))[0]["name"]
    cases = [
        (
            gp,
            "P82002",
            fiona_id,
            None,
            f"Only {fiona_practice}'s representatives or the board secretary can appoint its proxy.",
        ),
        (gp, "P82001", helen, "proxyPersonId", "A proxy must be the representative of another of the CCG's practices."),
        (
            gp,
            "P82001",
            await global_id("Person", "SELECT id FROM person WHERE email = $1", BOLTON_GP),
            "proxyPersonId",
            "A proxy must be the representative of another of the CCG's practices.",
        ),
        (gp, "F83001", fiona_id, "practiceId", "That practice is not a member of the CCG holding this ballot."),
        (await as_person(client, KWAME), "F83001", fiona_id, "ballotId", "No such ballot."),
    ]
    for caller, practice, person, field, message in cases:
        result = (
            await caller.data(
                appoint,
                {
                    "input": {
                        "ballotId": ballot["id"],
                        "practiceId": await practice_id(practice),
                        "proxyPersonId": person,
                    }
                },
            )
        )["appointBallotProxy"]
        assert result == {"proxy": None, "errors": [{"field": field, "message": message}]}
    assert (await owner_fetch("SELECT count(*) FROM ballot_proxy WHERE ballot_id = $1", ballot_uuid(ballot)))[0][0] == 0

    appointed = (
        await gp.data(
            appoint,
            {
                "input": {
                    "ballotId": ballot["id"],
                    "practiceId": await practice_id("P82001"),
                    "proxyPersonId": fiona_id,
                }
            },
        )
    )["appointBallotProxy"]
    revoke = (
        "mutation($id: ID!) { revokeBallotProxy(input: {id: $id}) { proxy { revokedAt } errors { field message } } }"
    )
    revoked = (await gp.data(revoke, {"id": appointed["proxy"]["id"]}))["revokeBallotProxy"]
    assert revoked["errors"] == [] and revoked["proxy"]["revokedAt"]
    again = (await gp.data(revoke, {"id": appointed["proxy"]["id"]}))["revokeBallotProxy"]
    assert again["errors"] == [{"field": "id", "message": "That proxy appointment has already been revoked."}]
    refused = await cast(await as_person(client, FIONA), ballot, "For", practice="P82001")
    assert refused["errors"][0]["message"] == "You are not a representative or proxy of that practice in this ballot."


async def test_only_the_ccg_s_officers_set_rules_and_create_ballots(client):
    for outsider in (await as_person(client, BOLTON_GP), await as_person(client, FIONA)):
        assert (await set_rules(outsider))["errors"] == [
            {
                "field": None,
                "message": "Only the board secretary or an administrator of NHS Bolton CCG can set its voting rules.",
            }
        ]
        created = (
            await outsider.data(
                CREATE,
                {
                    "input": {
                        "organisationId": await global_id("Organisation", BOLTON),
                        "title": "Mine",
                        "questions": FOR_AGAINST,
                        "opensAt": now().isoformat(),
                        "closesAt": (now() + timedelta(hours=1)).isoformat(),
                    }
                },
            )
        )["createBallot"]
        assert created["errors"] == [
            {
                "field": None,
                "message": "Only the board secretary or an administrator of NHS Bolton CCG can set up ballots.",
            }
        ]
    islington = await as_person(client, ISLINGTON_SECRETARY)
    assert (await set_rules(islington))["errors"] == [{"field": "organisationId", "message": "No such organisation."}]
    # City and Hackney has set no voting rules (the demo sets Bolton's and Islington's): its secretary is added here.
    await add_member("secretary.07t@nhs.example", "Ballot Secretary", "07T", "BOARD_SECRETARY")
    unset = (
        await (await as_person(client, "secretary.07t@nhs.example")).data(
            CREATE,
            {
                "input": {
                    "organisationId": await global_id(
                        "Organisation", "SELECT id FROM organisation WHERE ods_code = '07T'"
                    ),
                    "title": "Constitution",
                    "questions": FOR_AGAINST,
                    "opensAt": now().isoformat(),
                    "closesAt": (now() + timedelta(hours=1)).isoformat(),
                }
            },
        )
    )["createBallot"]
    assert unset["errors"] == [
        {
            "field": None,
            "message": "Set NHS City and Hackney CCG's voting rules from its constitution before creating a ballot.",
        }
    ]
    area_team = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = 'Q46'")
    manchester = await as_person(client, MANCHESTER_OFFICER)
    assert (
        await manchester.data(
            CREATE,
            {
                "input": {
                    "organisationId": area_team,
                    "title": "x",
                    "questions": FOR_AGAINST,
                    "opensAt": now().isoformat(),
                    "closesAt": (now() + timedelta(hours=1)).isoformat(),
                }
            },
        )
    )["createBallot"]["errors"] == [
        {"field": "organisationId", "message": "Council of members ballots belong to CCGs, not to area teams."}
    ]


@pytest.mark.parametrize(
    ("rules", "errors"),
    [
        ({"turnoutThresholdPercent": 150}, [("turnoutThresholdPercent", "The turnout must be from 0% to 100%.")]),
        ({"turnoutThresholdPercent": 1e308}, [("turnoutThresholdPercent", "The turnout must be from 0% to 100%.")]),
        ({"turnoutThresholdPercent": -0.5}, [("turnoutThresholdPercent", "The turnout must be from 0% to 100%.")]),
        ({"majority": "STATED_SHARE"}, [("majorityPercent", "State the share of votes that carries a question.")]),
        (
            {"majority": "STATED_SHARE", "majorityPercent": 40},
            [("majorityPercent", "The majority must be from 50.01% to 100%.")],
        ),
        (
            {"majority": "SIMPLE", "majorityPercent": 60},
            [("majorityPercent", "Only a stated-share majority has a percentage.")],
        ),
    ],
)
async def test_bad_voting_rules_are_refused(client, rules, errors):
    before = await owner_fetch("SELECT * FROM ballot_settings")
    result = await set_rules(await secretary(client), **rules)
    assert result == {"settings": None, "errors": [{"field": f, "message": m} for f, m in errors]}
    assert await owner_fetch("SELECT * FROM ballot_settings") == before


async def test_bad_ballots_are_refused_and_nothing_is_written(client):
    helen = await secretary(client)
    assert (await set_rules(helen))["errors"] == []
    before = (
        (await owner_fetch("SELECT count(*) FROM ballot"))[0][0],
        (await owner_fetch("SELECT count(*) FROM stored_file"))[0][0],
    )
    bolton = await global_id("Organisation", BOLTON)

    async def refused(**fields) -> list[tuple]:
        result = (
            await helen.data(
                CREATE,
                {
                    "input": {
                        "organisationId": bolton,
                        "title": "Ballot",
                        "questions": FOR_AGAINST,
                        "opensAt": now().isoformat(),
                        "closesAt": (now() + timedelta(hours=1)).isoformat(),
                        **fields,
                    }
                },
            )
        )["createBallot"]
        assert result["ballot"] is None
        return [(e["field"], e["message"]) for e in result["errors"]]

    assert await refused(title=" ", closesAt=(now() - timedelta(hours=1)).isoformat(), questions=[]) == [
        ("title", "Enter the ballot's title (200 characters or fewer)."),
        ("closesAt", "The ballot must close after it opens."),
        ("questions", "Add at least one question."),
    ]
    assert await refused(
        opensAt=(now() - timedelta(days=2)).isoformat(), closesAt=(now() - timedelta(days=1)).isoformat()
    ) == [
        ("closesAt", "The closing time has already passed."),
    ]
    assert await refused(opensAt="2030-01-01T09:00:00", closesAt="2030-01-08T17:00:00", title="x" * 201) == [
        ("title", "Enter the ballot's title (200 characters or fewer)."),
        ("opensAt", "Give the opening and closing times with a time zone."),
    ]
    assert await refused(
        questions=[{"text": "Elect", "kind": "ELECTION", "seats": 2_000_000_000, "candidates": ["Dr A"]}] * 21
    ) == [
        ("questions", "A ballot has at most 20 questions."),
    ]
    assert await refused(
        questions=[
            {"text": "Elect", "kind": "ELECTION", "seats": 3, "candidates": ["Dr A", "Dr B"]},
            {"text": "Elect", "kind": "ELECTION", "candidates": ["Dr A", "dr a"]},
            {"text": "Approve?", "candidates": ["Dr A"]},
            {"text": " ", "kind": "ELECTION", "candidates": []},
        ]
    ) == [
        ("questions", "Question 1: the seats to fill must be at least one and no more than the candidates."),
        ("questions", "Question 2: each candidate may stand only once."),
        ("questions", "Question 3: a for-or-against question has no candidates or seats."),
        ("questions", "Question 4: enter the question (1,000 characters or fewer)."),
        ("questions", "Question 4: an election needs from 1 to 50 candidates."),
    ]
    not_a_pdf = base64.b64encode(b"MZ\x90\x00 an executable").decode()
    assert await refused(document={"filename": "explanation.pdf", "contentBase64": not_a_pdf}) == [
        ("document", "explanation.pdf is not a PDF or Word document."),
    ]
    assert await refused(document={"filename": "x.pdf", "contentBase64": "***"}) == [
        ("document", "The file's content is not valid base64."),
    ]
    after = (
        (await owner_fetch("SELECT count(*) FROM ballot"))[0][0],
        (await owner_fetch("SELECT count(*) FROM stored_file"))[0][0],
    )
    assert after == before


async def test_a_ballot_with_its_document_is_readable_by_the_ccg_s_members_only(client):
    from quorum.seed.demo import demo_pdf

    pdf = base64.b64encode(demo_pdf("Proposed constitution changes")).decode()
    ballot = await new_ballot(client, document={"filename": "constitution-changes.pdf", "contentBase64": pdf})
    query = "query($id: ID!) { node(id: $id) { ... on Ballot { document { filename url } } } }"
    document = (await (await as_person(client, FIONA)).data(query, {"id": ballot["id"]}))["node"]["document"]
    assert document["filename"] == "constitution-changes.pdf"
    for email, status in ((FIONA, 200), (KWAME, 404)):
        caller = await as_person(client, email)
        response = await client.get(document["url"], headers={"authorization": f"Bearer {caller.token}"})
        assert response.status_code == status
    assert (await client.get(document["url"])).status_code == 404


async def test_the_secretary_closes_a_ballot_once_and_only_an_open_one(client):
    helen = await secretary(client)
    close = "mutation($id: ID!) { closeBallot(input: {id: $id}) { ballot { status } errors { field message } } }"
    scheduled = await new_ballot(client, opens=timedelta(hours=1), closes=timedelta(hours=2))
    result = (await helen.data(close, {"id": scheduled["id"]}))["closeBallot"]
    assert result["errors"][0]["message"].startswith("The ballot has not opened yet; it opens at ")
    ballot = await new_ballot(client)
    refused = (await (await as_person(client, BOLTON_GP)).data(close, {"id": ballot["id"]}))["closeBallot"]
    assert refused["errors"] == [
        {"field": None, "message": "Only the CCG's board secretary or an administrator can change a ballot."}
    ]
    assert (await helen.data(close, {"id": ballot["id"]}))["closeBallot"] == {
        "ballot": {"status": "CLOSED"},
        "errors": [],
    }
    twice = (await helen.data(close, {"id": ballot["id"]}))["closeBallot"]
    assert twice["errors"][0]["message"].startswith("The ballot closed at ")
    await assert_asked_to_sign_in(client, close, {"id": ballot["id"]})


async def test_the_secretary_sees_who_has_not_voted_with_their_representatives(client):
    ballot = await new_ballot(client)
    await cast(await as_person(client, BOLTON_GP), ballot, "For")
    query = """query($id: ID!, $voted: Boolean) { node(id: $id) { ... on Ballot { electors(first: 100, hasVoted: $voted) {
      totalCount edges { node { odsCode practice { odsCode } representatives { email } vote { castBy { email } } } } } } } }"""
    helen = await secretary(client)
    waiting = (await helen.data(query, {"id": ballot["id"], "voted": False}))["node"]["electors"]
    voted = (await helen.data(query, {"id": ballot["id"], "voted": True}))["node"]["electors"]
    practices = (await owner_fetch("SELECT count(*) FROM practice WHERE org_id = (" + BOLTON + ")"))[0][0]
    assert waiting["totalCount"] == practices - 1 and voted["totalCount"] == 1
    assert voted["edges"][0]["node"]["vote"] == {"castBy": {"email": BOLTON_GP}}
    fiona = next(e["node"] for e in waiting["edges"] if e["node"]["odsCode"] == "P82002")
    assert {"email": FIONA} in fiona["representatives"] and fiona["vote"] is None
    assert (await (await as_person(client, BOLTON_GP)).data(query, {"id": ballot["id"], "voted": None}))["node"][
        "electors"
    ] is None


async def test_a_global_id_of_a_ballot_s_parts_is_null_to_outsiders(client):
    ballot = await new_ballot(client)
    question, option = ballot["questions"][0]["id"], ballot["questions"][0]["options"][0]["id"]
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    fiona = await as_person(client, FIONA)
    assert (await fiona.data(query, {"ids": [ballot["id"], question, option]}))["nodes"] == [
        {"id": ballot["id"]},
        {"id": question},
        {"id": option},
    ]
    for outsider in (await as_person(client, KWAME), Caller(client)):
        assert (await outsider.data(query, {"ids": [ballot["id"], question, option]}))["nodes"] == [None, None, None]
    assert encode("Ballot", ballot_uuid(ballot)) == ballot["id"]
