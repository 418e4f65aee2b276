"""A committee of Bolton CCG with enough members to test quorum, and meetings of it run through the API.

The committee's rule is the governing body's: four voting members present, among them a lay member, a GP
and an executive. Its seats, all voting but the secretary's:
    Margaret Lowe (chair, lay member), Dr Rajesh Mistry (vice chair, GP), Tom Ashworth (executive),
    Dr Amir Khan (GP), Susan Patel (lay member), Paul Reid (executive); Helen Hargreaves in attendance.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from tests.meetings.support import future
from tests.support import Caller, add_member, as_person, global_id, owner_fetch

DEMO = "demo.quorum.example"
SECRETARY = f"helen.hargreaves@{DEMO}"
MEMBERS = {
    # short name: (email, name, role, category)
    "lowe": (f"margaret.lowe@{DEMO}", "Margaret Lowe", "CHAIR", "LAY_MEMBER"),
    "mistry": (f"rajesh.mistry@{DEMO}", "Dr Rajesh Mistry", "VICE_CHAIR", "GP"),
    "ashworth": (f"tom.ashworth@{DEMO}", "Tom Ashworth", "MEMBER", "EXECUTIVE"),
    "khan": (f"amir.khan@{DEMO}", "Dr Amir Khan", "MEMBER", "GP"),
    "patel": (f"susan.patel@{DEMO}", "Susan Patel", "MEMBER", "LAY_MEMBER"),
    "reid": (f"paul.reid@{DEMO}", "Paul Reid", "MEMBER", "EXECUTIVE"),
}
ERRORS = "errors { field message }"
LIVE = """live { stage currentItem { number title } quorum { met unmet presentVoting mayVote excluded chairedBy chairNote }
  declarations { name management } attendance { name standing inRoom voting } vote { voteId isOpen cast eligible result } }"""

CREATE_COMMITTEE = """mutation($input: CreateCommitteeInput!) { createCommittee(input: $input) { committee { id } errors { field message } } }"""
ADD_SEAT = """mutation($input: AddSeatInput!) { addSeat(input: $input) { seat { id } errors { field message } } }"""
CREATE_MEETING = """mutation($input: CreateMeetingInput!) { createMeeting(input: $input) {
  meeting { id agenda { id number title } } errors { field message } } }"""
ADD_ITEM = """mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { item { id number title } errors { field message } } }"""
STATUS = """mutation($input: ChangeMeetingStatusInput!) { changeMeetingStatus(input: $input) { meeting { status } errors { message } } }"""
CONCERNS = (
    f"""mutation($input: SetItemConcernsInput!) {{ setItemConcerns(input: $input) {{ item {{ id }} {ERRORS} }} }}"""
)
OPEN = f"""mutation($input: MeetingInput!) {{ openMeeting(input: $input) {{ {LIVE} {ERRORS} }} }}"""
CLOSE = f"""mutation($input: MeetingInput!) {{ closeMeeting(input: $input) {{ {LIVE} {ERRORS} }} }}"""
TAKE = f"""mutation($input: TakeItemInput!) {{ takeItem(input: $input) {{ {LIVE} {ERRORS} }} }}"""
ATTEND = f"""mutation($input: RecordAttendanceInput!) {{ recordAttendance(input: $input) {{ {LIVE} {ERRORS} }} }}"""
DECLARE = f"""mutation($input: RecordDeclarationInput!) {{ recordDeclaration(input: $input) {{
  declaration {{ id management takesPartInDecision person {{ name }} }} {ERRORS} }} }}"""
OPEN_VOTE = f"""mutation($input: OpenVoteInput!) {{ openVote(input: $input) {{ vote {{ id eligibleCount isOpen chairedBy {{ name }} }} {ERRORS} }} }}"""
CAST = f"""mutation($input: CastVoteInput!) {{ castVote(input: $input) {{ vote {{ id castCount }} {ERRORS} }} }}"""
CLOSE_VOTE = f"""mutation($input: CloseVoteInput!) {{ closeVote(input: $input) {{
  vote {{ outcome forCount againstCount abstainCount castingVote result }}
  decision {{ id route text chairedBy {{ name }} quorum {{ met takingPart }} delegationLabel }} {ERRORS} }} }}"""
DECIDE = f"""mutation($input: RecordDecisionInput!) {{ recordDecision(input: $input) {{
  decision {{ id route text quorum {{ met unmet chairNote }} chairedBy {{ name }} }} {ERRORS} }} }}"""
ADD_ACTION = (
    f"""mutation($input: AddActionInput!) {{ addAction(input: $input) {{ action {{ id status }} {ERRORS} }} }}"""
)
NOTES = f"""mutation($input: SaveMinuteNotesInput!) {{ saveMinuteNotes(input: $input) {{ notes {ERRORS} }} }}"""
CONDUCT = """query($id: ID!) { meetingConduct(meetingId: $id) { stage viewerCanConduct
  items { item { id number title part } quorum { met unmet presentVoting mayVote excluded chairedBy chairNote }
          declarations { id management person { name } } votes { id isOpen } decisions { id route text } notes }
  conflictSuggestions { reason suggestedManagement item { id } person { name } interest { id } }
  attendance { name standing inRoom } } }"""


def payload(data: dict) -> dict:
    (value,) = data.values()
    return value


def ok(data: dict) -> dict:
    result = payload(data)
    assert result["errors"] == [], result["errors"]
    return result


@dataclass
class Board:
    committee_id: str
    people: dict[str, str]  # short name -> Person ID
    callers: dict[str, Caller] = field(default_factory=dict)


async def person_id(email: str) -> str:
    return await global_id("Person", "SELECT id FROM person WHERE email = $1", email)


async def org_id(ods: str) -> str:
    return await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = $1", ods)


async def practice_id(ods: str) -> str:
    return await global_id("Practice", "SELECT id FROM practice WHERE ods_code = $1", ods)


async def make_board(client, name: str) -> Board:
    """A fresh committee with the members above, created through the API by Bolton's board secretary."""
    for email, full_name, *_ in MEMBERS.values():
        if not await owner_fetch("SELECT 1 FROM person WHERE email = $1", email):
            await add_member(email, full_name, "00T", "GOVERNING_BODY_MEMBER")
    secretary = await as_person(client, SECRETARY)
    committee = ok(
        await secretary.data(
            CREATE_COMMITTEE,
            {
                "input": {
                    "organisationId": await org_id("00T"),
                    "kind": "OTHER",
                    "name": name,
                    "quorumRule": {
                        "minimumVoting": 4,
                        "categoryMinimums": [
                            {"category": "LAY_MEMBER", "count": 1},
                            {"category": "GP", "count": 1},
                            {"category": "EXECUTIVE", "count": 1},
                        ],
                    },
                }
            },
        )
    )["committee"]["id"]
    people = {}
    since = (date.today() - timedelta(days=60)).isoformat()
    for short, (email, _, role, category) in MEMBERS.items():
        people[short] = await person_id(email)
        ok(
            await secretary.data(
                ADD_SEAT,
                {
                    "input": {
                        "committeeId": committee,
                        "personId": people[short],
                        "role": role,
                        "voting": True,
                        "category": category,
                        "validFrom": since,
                    }
                },
            )
        )
    people["hargreaves"] = await person_id(SECRETARY)
    ok(
        await secretary.data(
            ADD_SEAT,
            {
                "input": {
                    "committeeId": committee,
                    "personId": people["hargreaves"],
                    "role": "IN_ATTENDANCE",
                    "voting": False,
                    "category": "OTHER",
                    "validFrom": since,
                }
            },
        )
    )
    board = Board(committee, people)
    board.callers = {"secretary": secretary} | {s: await as_person(client, e) for s, (e, *_) in MEMBERS.items()}
    return board


@dataclass
class RunningMeeting:
    id: str
    items: dict[str, str]  # title -> AgendaItem ID
    board: Board

    @property
    def secretary(self) -> Caller:
        return self.board.callers["secretary"]

    async def arrive(self, *shorts: str) -> dict:
        result = {}
        for short in shorts:
            result = ok(
                await self.secretary.data(
                    ATTEND, {"input": {"meetingId": self.id, "personId": self.board.people[short], "change": "ARRIVED"}}
                )
            )
        return result

    async def take(self, title: str) -> dict:
        return ok(await self.secretary.data(TAKE, {"input": {"meetingId": self.id, "itemId": self.items[title]}}))

    async def declare(self, short: str, title: str, management: str, **extra) -> dict:
        variables = {
            "meetingId": self.id,
            "itemId": self.items[title],
            "personId": self.board.people[short],
            "management": management,
            **extra,
        }
        variables.setdefault("category", "FINANCIAL")
        variables.setdefault("description", "Partner in a practice the item names")
        return ok(await self.secretary.data(DECLARE, {"input": variables}))["declaration"]

    async def open_vote(self, title: str, motion: str, secret: bool = False) -> dict:
        return ok(
            await self.secretary.data(
                OPEN_VOTE, {"input": {"itemId": self.items[title], "motion": motion, "secret": secret}}
            )
        )["vote"]

    async def vote(self, vote_id: str, short: str, choice: str) -> dict:
        return payload(await self.board.callers[short].data(CAST, {"input": {"voteId": vote_id, "choice": choice}}))

    async def close_vote(self, vote_id: str, casting: str | None = None) -> dict:
        return payload(await self.secretary.data(CLOSE_VOTE, {"input": {"voteId": vote_id, "castingVote": casting}}))

    async def conduct(self, caller: Caller | None = None) -> dict:
        return (await (caller or self.secretary).data(CONDUCT, {"id": self.id}))["meetingConduct"]

    async def item_conduct(self, title: str) -> dict:
        conduct = await self.conduct()
        return next(i for i in conduct["items"] if i["item"]["id"] == self.items[title])


async def start_meeting(
    board: Board, items: list[tuple[str, str]], *, title: str = "Meeting", open_it: bool = True, minutes_ago: int = 5
) -> RunningMeeting:
    """A meeting with the standard opening and these (title, part) items, its agenda published, started
    `minutes_ago` (moved back by the owner: the API only arranges meetings in the future) and opened."""
    secretary = board.callers["secretary"]
    meeting = ok(
        await secretary.data(
            CREATE_MEETING,
            {
                "input": {
                    "committeeId": board.committee_id,
                    "title": title,
                    "startsAt": future(),
                    "location": "Bolton Town Hall",
                }
            },
        )
    )["meeting"]
    ids = {i["title"]: i["id"] for i in meeting["agenda"]}
    for item_title, part in items:
        ids[item_title] = ok(
            await secretary.data(
                ADD_ITEM,
                {"input": {"meetingId": meeting["id"], "title": item_title, "purpose": "DECISION", "part": part}},
            )
        )["item"]["id"]
    assert (
        payload(await secretary.data(STATUS, {"input": {"id": meeting["id"], "status": "AGENDA_PUBLISHED"}}))["errors"]
        == []
    )
    await move_start(meeting["id"], minutes_ago)
    running = RunningMeeting(meeting["id"], ids, board)
    if open_it:
        ok(await secretary.data(OPEN, {"input": {"meetingId": meeting["id"]}}))
    return running


async def move_start(meeting_global_id: str, minutes_ago: int) -> None:
    from quorum.ids import decode

    _, key = decode(meeting_global_id)
    await owner_fetch(
        "UPDATE meeting SET starts_at = now() - make_interval(mins => $2) WHERE id = $1", key, minutes_ago
    )


def uuid_of(global_id: str) -> uuid.UUID:
    from quorum.ids import decode

    return decode(global_id)[1]


async def counts(*tables: str) -> dict[str, int]:
    return {t: (await owner_fetch(f"SELECT count(*) FROM {t}"))[0][0] for t in tables}
