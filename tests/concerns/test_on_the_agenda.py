"""A concern on a committee's agenda: an item with the concern's summary as its paper, in the pack like any paper,
and the decisions taken on it shown on the concern."""

from __future__ import annotations

from quorum import ids
from tests.concerns.test_concerns import ESCALATE, ladder, log
from tests.meetings.support import MOVE, build_and_wait, create_meeting
from tests.support import BOLTON_ADMIN, BOLTON_GP, BOLTON_SECRETARY, ISLINGTON_SECRETARY, as_person, owner_fetch

PUT = """mutation($input: PutConcernOnAgendaInput!) { putConcernOnAgenda(input: $input) {
  concern { agendaItems { itemId itemTitle meeting { id } paper { id status }
    decisions { text } } } errors { field message } } }"""
AGENDA = "query($id: ID!) { node(id: $id) { ... on Meeting { agenda { title part } } } }"
SEEN = """query($id: ID!) { node(id: $id) { ... on Concern { agendaItems { itemTitle decisions { text } } } } }"""
BODY = "query($id: ID!) { node(id: $id) { ... on Paper { versions { executiveSummary bodyMarkdown purpose } } } }"


async def items_and_papers() -> tuple[int, int]:
    rows = await owner_fetch("SELECT (SELECT count(*) FROM agenda_item), (SELECT count(*) FROM paper)")
    return rows[0][0], rows[0][1]


async def test_a_concern_goes_on_the_agenda_into_the_pack_and_its_decision_links_back(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    meeting = await create_meeting(secretary, "Governing body: quality")
    concern = await log(secretary, title="Failing cold chain")
    steps = await ladder(secretary, concern["id"])
    move = {
        "id": concern["id"],
        "stepId": steps["Enhanced surveillance"],
        "reason": "Vaccines lost twice.",
        "nextSteps": "Weekly fridge temperature returns.",
    }
    assert (await secretary.data(ESCALATE, {"input": move}))["escalateConcern"]["errors"] == []

    put = await secretary.data(PUT, {"input": {"concernId": concern["id"], "meetingId": meeting["id"]}})
    result = put["putConcernOnAgenda"]
    assert result["errors"] == []
    (entry,) = result["concern"]["agendaItems"]
    assert entry["itemTitle"] == "Quality concern: Failing cold chain" and entry["meeting"]["id"] == meeting["id"]
    assert entry["paper"]["status"] == "SUBMITTED" and entry["decisions"] == []
    agenda = (await secretary.data(AGENDA, {"id": meeting["id"]}))["node"]["agenda"]
    assert {"title": "Quality concern: Failing cold chain", "part": "PRIVATE"} in agenda
    (version, *_) = (await secretary.data(BODY, {"id": entry["paper"]["id"]}))["node"]["versions"]
    assert "Four complaints about wrong doses" in version["executiveSummary"]
    assert "Vaccines lost twice." in version["bodyMarkdown"] and version["purpose"] == "ASSURANCE"

    owner = await as_person(client, BOLTON_ADMIN)  # the concern's owner sponsors its paper
    moved = (await owner.data(MOVE, {"input": {"id": entry["paper"]["id"], "status": "APPROVED"}}))["movePaper"]
    assert moved["errors"] == []
    build = await build_and_wait(secretary, meeting["id"], "PRIVATE")
    assert build["pageCount"] and build["pageCount"] > 1

    _, item_id = ids.decode(entry["itemId"])
    await owner_fetch(
        "INSERT INTO decision (org_id, meeting_id, committee_id, item_id, route, text, quorum, recorded_by)"
        " SELECT i.org_id, i.meeting_id, i.committee_id, i.id, 'CONSENSUS', 'Assured; review in two months.', '{}',"
        " (SELECT id FROM person WHERE email = $2) FROM agenda_item i WHERE i.id = $1",
        item_id,
        BOLTON_SECRETARY,
    )
    seen = (await secretary.data(SEEN, {"id": concern["id"]}))["node"]["agendaItems"]
    assert seen == [
        {"itemTitle": "Quality concern: Failing cold chain", "decisions": [{"text": "Assured; review in two months."}]}
    ]


async def test_only_those_who_run_the_meeting_put_a_concern_on_it_and_a_refusal_changes_nothing(client):
    secretary = await as_person(client, BOLTON_SECRETARY)
    meeting = await create_meeting(secretary, "Governing body: refusals")
    concern = await log(secretary, title="Refused on the agenda")
    before = await items_and_papers()
    gp = await as_person(client, BOLTON_GP)  # sees the concern, does not run the governing body
    refused = await gp.data(PUT, {"input": {"concernId": concern["id"], "meetingId": meeting["id"]}})
    assert refused["putConcernOnAgenda"]["errors"] == [
        {"field": None, "message": "Only the committee's board secretary or an administrator can change this meeting."}
    ]
    islington = await as_person(client, ISLINGTON_SECRETARY)
    other = await islington.data(PUT, {"input": {"concernId": concern["id"], "meetingId": meeting["id"]}})
    assert other["putConcernOnAgenda"]["errors"] == [{"field": "concernId", "message": "No such concern."}]
    assert await items_and_papers() == before
