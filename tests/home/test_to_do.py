"""`viewer { toDo }`: each kind of item reaches the person it is for, goes when it is done, and never reaches another
organisation's user; an anonymous caller has no viewer and so no list."""

from __future__ import annotations

from datetime import date, timedelta

from quorum.ids import decode
from tests.ballots.helpers import FIONA, KWAME, cast, new_ballot
from tests.conduct.support import ADD_ACTION, CLOSE, ok, start_meeting
from tests.home.support import TO_DO, everything, fresh_board, meeting_in, subjects, to_do
from tests.meetings.support import MOVE, REQUEST_PAPER, SAVE, draft
from tests.support import (
    BOLTON_SECRETARY,
    DEMO,
    ISLINGTON_GP,
    ISLINGTON_SECRETARY,
    MANCHESTER_OFFICER,
    PLATFORM_ADMIN,
    Caller,
    add_member,
    as_person,
    global_id,
    owner_fetch,
)
from tests.surveys.scenario import SUBMIT, complete, open_survey, question_ids

SEND_APOLOGIES = "mutation($input: MeetingInput!) { sendApologies(input: $input) { errors { field message } } }"
LONDON_OFFICER = f"oliver.grant@{DEMO}"


async def outsiders(client) -> list[Caller]:
    """Another CCG's secretary and GP, and nobody signed in."""
    return [await as_person(client, ISLINGTON_SECRETARY), await as_person(client, ISLINGTON_GP), Caller(client)]


async def assert_nobody_else_sees(client, *subject_ids: str) -> None:
    for caller in await outsiders(client):
        assert not (await everything(caller)) & set(subject_ids)


async def test_an_anonymous_caller_has_no_list(client):
    assert (await Caller(client).data(TO_DO)) == {"viewer": None}


async def test_a_member_is_told_of_a_meeting_coming_up_until_they_send_apologies(client):
    board = await fresh_board(client)
    meeting = await meeting_in(board, 10)
    khan = board.callers["khan"]
    item = next(i for i in await to_do(khan) if i["subjectId"] == meeting["id"])
    assert item["kind"] == "MEETING_COMING_UP" and item["url"] == f"/meetings/{decode(meeting['id'])[1]}"
    assert item["dueOn"] == (date.today() + timedelta(days=10)).isoformat() and item["overdue"] is False
    assert item["organisation"]["name"] == "NHS Bolton CCG"
    # The secretary, in attendance only, runs the meeting rather than attending it as a member.
    assert meeting["id"] not in await subjects(board.callers["secretary"], "MEETING_COMING_UP")
    await assert_nobody_else_sees(client, meeting["id"])

    ok(await khan.data(SEND_APOLOGIES, {"input": {"meetingId": meeting["id"]}}))
    assert meeting["id"] not in await everything(khan)
    assert meeting["id"] in await subjects(board.callers["lowe"], "MEETING_COMING_UP")


async def test_meetings_far_off_or_cancelled_are_not_coming_up(client):
    board = await fresh_board(client)
    far = await meeting_in(board, 40)
    assert far["id"] not in await everything(board.callers["khan"])


async def test_the_secretary_is_told_of_a_pack_not_built_and_a_meeting_apologies_leave_inquorate(client):
    board = await fresh_board(client)
    meeting = await meeting_in(board, 10)
    secretary = board.callers["secretary"]
    assert meeting["id"] in await subjects(secretary, "PACK_NOT_BUILT")
    assert meeting["id"] not in await subjects(secretary, "MEETING_NOT_QUORATE")

    # Both GPs send apologies: the rule needs one.
    for short in ("khan", "mistry"):
        ok(await board.callers[short].data(SEND_APOLOGIES, {"input": {"meetingId": meeting["id"]}}))
    items = [i for i in await to_do(secretary) if i["kind"] == "MEETING_NOT_QUORATE"]
    item = next(i for i in items if i["subjectId"] == meeting["id"])
    assert "GP" in item["detail"]
    # Members are not told what only the secretary acts on.
    assert meeting["id"] not in await subjects(board.callers["lowe"], "MEETING_NOT_QUORATE")
    assert meeting["id"] not in await subjects(board.callers["lowe"], "PACK_NOT_BUILT")
    await assert_nobody_else_sees(client, meeting["id"])


async def test_papers_to_write_approve_and_chase_follow_the_paper(client):
    board = await fresh_board(client)
    meeting = await meeting_in(board, 12, items=("Estates strategy",))
    khan, patel, secretary = board.callers["khan"], board.callers["patel"], board.callers["secretary"]
    requested = ok(
        await secretary.data(
            REQUEST_PAPER,
            {
                "input": {
                    "meetingId": meeting["id"],
                    "itemId": meeting["items"]["Estates strategy"],
                    "title": "Estates strategy",
                    "authorId": board.people["khan"],
                    "sponsorId": board.people["patel"],
                    "dueDate": (date.today() + timedelta(days=5)).isoformat(),
                }
            },
        )
    )
    paper = requested["paper"]["id"]
    assert paper in await subjects(khan, "PAPER_TO_WRITE")
    assert paper not in await everything(patel)
    assert paper not in await subjects(secretary, "PAPER_OVERDUE")

    await owner_fetch("UPDATE paper SET due_date = current_date - 1 WHERE id = $1", decode(paper)[1])
    late = next(i for i in await to_do(khan) if i["subjectId"] == paper)
    assert late["overdue"] is True and late["url"] == f"/papers/{decode(paper)[1]}"
    assert paper in await subjects(secretary, "PAPER_OVERDUE")

    ok(await khan.data(SAVE, draft(paper, "The estates strategy.")))
    ok(await khan.data(MOVE, {"input": {"id": paper, "status": "SUBMITTED"}}))
    assert paper not in await everything(khan)
    assert paper not in await subjects(secretary, "PAPER_OVERDUE")
    assert paper in await subjects(patel, "PAPER_TO_APPROVE")
    await assert_nobody_else_sees(client, paper)

    ok(await patel.data(MOVE, {"input": {"id": paper, "status": "APPROVED"}}))
    assert paper not in await everything(patel)


async def test_actions_and_minutes_waiting_after_a_meeting_is_held(client):
    board = await fresh_board(client)
    held = await start_meeting(board, [("Estates strategy", "PUBLIC")], title="Held")
    secretary = board.callers["secretary"]
    action = ok(
        await secretary.data(
            ADD_ACTION,
            {
                "input": {
                    "meetingId": held.id,
                    "itemId": held.items["Estates strategy"],
                    "description": "Publish the estates strategy.",
                    "ownerId": board.people["reid"],
                    "dueDate": (date.today() + timedelta(days=14)).isoformat(),
                }
            },
        )
    )["action"]["id"]
    ok(await secretary.data(CLOSE, {"input": {"meetingId": held.id}}))
    following = await meeting_in(board, 20)

    item = next(i for i in await to_do(board.callers["reid"]) if i["subjectId"] == action)
    assert item["kind"] == "ACTION_ASSIGNED" and item["title"] == "Publish the estates strategy."
    assert item["url"] == f"/committees/{decode(board.committee_id)[1]}/actions"
    assert action not in await everything(board.callers["lowe"])

    for short in ("lowe", "secretary"):
        minutes = next(i for i in await to_do(board.callers[short]) if i["subjectId"] == held.id)
        assert minutes["kind"] == "MINUTES_TO_APPROVE"
        assert minutes["url"] == f"/meetings/{decode(held.id)[1]}/minutes"
        assert minutes["dueOn"] == (date.today() + timedelta(days=20)).isoformat()  # approved at the next meeting
    assert following["id"] in await everything(board.callers["lowe"])
    await assert_nobody_else_sees(client, action, held.id)


async def test_an_open_ballot_waits_for_the_practice_s_vote(client):
    ballot = await new_ballot(client)
    fiona = await as_person(client, FIONA)
    item = next(i for i in await to_do(fiona) if i["subjectId"] == ballot["id"])
    assert item["kind"] == "BALLOT_OPEN" and item["url"] == f"/ballots/{decode(ballot['id'])[1]}"
    assert item["dueOn"] is not None
    # A board secretary manages the ballot but votes for no practice.
    assert ballot["id"] not in await everything(await as_person(client, BOLTON_SECRETARY))
    assert ballot["id"] not in await everything(await as_person(client, KWAME))
    await assert_nobody_else_sees(client, ballot["id"])

    assert (await cast(fiona, ballot, "For"))["outcome"] == "RECORDED"
    assert ballot["id"] not in await everything(fiona)


async def test_an_open_survey_waits_for_an_answer_named_or_anonymous(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    fiona = await as_person(client, FIONA)
    for anonymity in ("NAMED", "ANONYMOUS"):
        survey = await open_survey(secretary, "00T", anonymity=anonymity, title=f"Engagement ({anonymity.lower()})")
        item = next(i for i in await to_do(fiona) if i["subjectId"] == survey)
        assert item["kind"] == "SURVEY_OPEN" and item["url"] == f"/surveys/{decode(survey)[1]}/answer"
        await assert_nobody_else_sees(client, survey)
        assert survey not in await everything(await as_person(client, KWAME))

        ids = await question_ids(secretary, survey)
        sent = await fiona.data(SUBMIT, {"input": {"surveyId": survey, "answers": complete(ids)}})
        assert sent["submitResponse"]["errors"] == [], sent
        assert survey not in await everything(fiona), anonymity


async def test_a_decision_maker_is_told_their_declaration_of_interests_is_due(client):
    email = f"home.declarer.{date.today():%Y%m%d}@{DEMO}"
    if not await owner_fetch("SELECT 1 FROM person WHERE email = $1", email):
        await add_member(email, "Dr Dee Clarer", "00T", "GOVERNING_BODY_MEMBER")
    await owner_fetch(
        "UPDATE membership SET valid_from = current_date - 40 WHERE person_id = (SELECT id FROM person WHERE email = $1)",
        email,
    )
    await owner_fetch("DELETE FROM interest_review WHERE person_id = (SELECT id FROM person WHERE email = $1)", email)
    declarer = await as_person(client, email)
    bolton = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = '00T'")
    item = next(i for i in await to_do(declarer) if i["kind"] == "DECLARATION_DUE")
    assert item["subjectId"] == bolton and item["url"] == "/interests" and item["overdue"] is True
    assert item["dueOn"] == (date.today() - timedelta(days=12)).isoformat()  # 28 days after appointment

    # A nil return made today puts them up to date for a year.
    await owner_fetch(
        "INSERT INTO interest_review (org_id, person_id, reviewed_on, nil_return, recorded_by)"
        " SELECT o.id, p.id, current_date, true, p.id FROM organisation o, person p WHERE o.ods_code = '00T' AND p.email = $1",
        email,
    )
    assert "DECLARATION_DUE" not in {i["kind"] for i in await to_do(declarer)}


async def test_area_team_officers_are_told_of_delegations_expiring(client):
    from tests.delegations.test_delegations import RECORD, record_input

    janet = await as_person(client, MANCHESTER_OFFICER)
    now = date.today()
    recorded = ok(
        await janet.data(
            RECORD,
            {
                "input": await record_input(
                    validFrom=f"{now - timedelta(days=300)}T00:00:00+00:00",
                    validTo=f"{now + timedelta(days=20)}T00:00:00+00:00",
                )
            },
        )
    )
    delegation = recorded["delegation"]["id"]
    item = next(i for i in await to_do(janet) if i["subjectId"] == delegation)
    assert item["kind"] == "DELEGATION_EXPIRING" and item["url"] == "/delegations"
    assert item["dueOn"] == (now + timedelta(days=20)).isoformat()
    # London's officer and Islington's people see nothing of Greater Manchester's delegation.
    assert delegation not in await everything(await as_person(client, LONDON_OFFICER))
    await assert_nobody_else_sees(client, delegation)


async def test_a_platform_administrator_is_told_of_an_organisation_nobody_administers(client):
    create = """mutation($input: CreateOrganisationInput!) {
      createOrganisation(input: $input) { organisation { id } errors { field message } } }"""
    area_team = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = 'Q46'")
    platform = await as_person(client, PLATFORM_ADMIN)
    created = ok(
        await platform.data(
            create, {"input": {"kind": "CCG", "odsCode": "02H", "name": "NHS Wigan CCG", "areaTeamId": area_team}}
        )
    )
    wigan = created["organisation"]["id"]
    item = next(i for i in await to_do(platform) if i["subjectId"] == wigan)
    assert item["kind"] == "ORGANISATION_WITHOUT_ADMINISTRATOR" and item["dueOn"] is None
    assert item["url"] == f"/admin/organisations/{decode(wigan)[1]}"
    await assert_nobody_else_sees(client, wigan)
    assert wigan not in await everything(await as_person(client, BOLTON_SECRETARY))

    await add_member(f"wigan.admin@{DEMO}", "Wigan Administrator", "02H", "ADMINISTRATOR")
    assert wigan not in await everything(platform)


async def test_area_team_officers_are_told_of_their_joint_committee_s_meetings(client):
    from tests.conduct.support import CREATE_MEETING
    from tests.meetings.support import future
    from tests.support import JOINT_COMMITTEE

    helen = await as_person(client, BOLTON_SECRETARY)
    committee = await global_id("Committee", JOINT_COMMITTEE)
    meeting = ok(
        await helen.data(
            CREATE_MEETING,
            {"input": {"committeeId": committee, "title": "Joint", "startsAt": future(6), "location": "Bolton"}},
        )
    )["meeting"]["id"]
    assert meeting in await subjects(await as_person(client, MANCHESTER_OFFICER), "MEETING_COMING_UP")
    assert meeting not in await everything(await as_person(client, LONDON_OFFICER))
    await assert_nobody_else_sees(client, meeting)
