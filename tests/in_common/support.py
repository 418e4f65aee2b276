"""Three organisations' committees meeting in common, arranged through the API: Bolton convenes (its
committee from tests.conduct.support, quorum four voting members), Islington and Heywood, Middleton and
Rochdale (HMR) each send a committee of two voting members (quorum two)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tests.conduct.support import ADD_SEAT, CREATE_COMMITTEE, Board, make_board, ok, org_id, person_id
from tests.meetings.support import future
from tests.support import ISLINGTON_SECRETARY, Caller, add_member, as_person, owner_fetch

HMR_SECRETARY = "secretary.hmr@test.quorum.example"
ISLINGTON_MEMBERS = (
    ("grace.adeyemi@demo.quorum.example", "Dr Grace Adeyemi", "CHAIR", "GP"),
    ("nia.osei@test.quorum.example", "Nia Osei", "MEMBER", "LAY_MEMBER"),
)
HMR_MEMBERS = (
    ("ian.booth@test.quorum.example", "Ian Booth", "CHAIR", "LAY_MEMBER"),
    ("ruth.kay@test.quorum.example", "Dr Ruth Kay", "MEMBER", "GP"),
)
ERRORS = "errors { field message }"
CREATE = f"""mutation($input: CreateArrangementInput!) {{ createInCommonArrangement(input: $input) {{
  arrangement {{ id name parties {{ organisationName committeeName status }} }} {ERRORS} }} }}"""
INVITE = f"""mutation($input: InviteInput!) {{ inviteToInCommon(input: $input) {{
  arrangement {{ id parties {{ organisationId organisationName status viewerMayAnswer }} }} {ERRORS} }} }}"""
ANSWER = f"""mutation($input: AnswerInvitationInput!) {{ answerInCommonInvitation(input: $input) {{
  arrangement {{ id parties {{ organisationName committeeName status }} }} {ERRORS} }} }}"""
SCHEDULE = f"""mutation($input: ScheduleSessionInput!) {{ scheduleInCommonSession(input: $input) {{
  session {{ id title }} {ERRORS} }} }}"""
TAKE_PART = f"""mutation($input: TakePartInput!) {{ takePartInSession(input: $input) {{
  session {{ id meetings {{ committeeName meetingId meeting {{ status agenda {{ id title part }} }} }} }} {ERRORS} }} }}"""
SESSION = """query($id: ID!) { inCommonSession(id: $id) { title location arrangement { name }
  items { number title part commonToAll committeeNames
          outcomes { committeeName organisationName agendaItemId inWords decisions { route } } }
  meetings { committeeName organisationName meetingId } } }"""


@dataclass
class Parties:
    bolton: Board
    islington_committee: str
    hmr_committee: str
    callers: dict[str, Caller]
    people: dict[str, str]


async def _committee(client, secretary: Caller, ods: str, name: str, members) -> tuple[str, dict[str, str]]:
    for email, full_name, *_ in members:
        if not await owner_fetch("SELECT 1 FROM person WHERE email = $1", email):
            await add_member(email, full_name, ods, "GOVERNING_BODY_MEMBER")
    committee = ok(
        await secretary.data(
            CREATE_COMMITTEE,
            {
                "input": {
                    "organisationId": await org_id(ods),
                    "kind": "OTHER",
                    "name": name,
                    "quorumRule": {"minimumVoting": 2},
                }
            },
        )
    )["committee"]["id"]
    people = {}
    for email, _, role, category in members:
        people[email] = await person_id(email)
        ok(
            await secretary.data(
                ADD_SEAT,
                {
                    "input": {
                        "committeeId": committee,
                        "personId": people[email],
                        "role": role,
                        "voting": True,
                        "category": category,
                        "validFrom": (date.today() - timedelta(days=30)).isoformat(),
                    }
                },
            )
        )
    return committee, people


async def make_parties(client, suffix: str) -> Parties:
    bolton = await make_board(client, f"Bolton primary care commissioning committee ({suffix})")
    if not await owner_fetch("SELECT 1 FROM person WHERE email = $1", HMR_SECRETARY):
        await add_member(HMR_SECRETARY, "Alan Pike", "01D", "BOARD_SECRETARY")
    islington_secretary = await as_person(client, ISLINGTON_SECRETARY)
    hmr_secretary = await as_person(client, HMR_SECRETARY)
    islington, islington_people = await _committee(
        client,
        islington_secretary,
        "08H",
        f"Islington primary care commissioning committee ({suffix})",
        ISLINGTON_MEMBERS,
    )
    hmr, hmr_people = await _committee(
        client, hmr_secretary, "01D", f"HMR primary care commissioning committee ({suffix})", HMR_MEMBERS
    )
    callers = {
        "bolton": bolton.callers["secretary"],
        "islington": islington_secretary,
        "hmr": hmr_secretary,
        "anonymous": Caller(client),
    }
    for email, *_ in ISLINGTON_MEMBERS + HMR_MEMBERS:
        callers[email] = await as_person(client, email)
    return Parties(bolton, islington, hmr, callers, islington_people | hmr_people)


async def arrange(parties: Parties, name: str) -> str:
    """The arrangement, Islington and HMR invited and accepted; returns its ID."""
    bolton = parties.callers["bolton"]
    arrangement = ok(await bolton.data(CREATE, {"input": {"committeeId": parties.bolton.committee_id, "name": name}}))[
        "arrangement"
    ]["id"]
    for ods, who, committee in (
        ("08H", "islington", parties.islington_committee),
        ("01D", "hmr", parties.hmr_committee),
    ):
        ok(await bolton.data(INVITE, {"input": {"arrangementId": arrangement, "odsCode": ods}}))
        ok(
            await parties.callers[who].data(
                ANSWER,
                {
                    "input": {
                        "arrangementId": arrangement,
                        "organisationId": await org_id(ods),
                        "accept": True,
                        "committeeId": committee,
                    }
                },
            )
        )
    return arrangement


async def schedule(parties: Parties, arrangement: str, items: list[dict], title: str = "Committees in common") -> str:
    return ok(
        await parties.callers["bolton"].data(
            SCHEDULE,
            {
                "input": {
                    "arrangementId": arrangement,
                    "title": title,
                    "startsAt": future(),
                    "location": "Bolton Town Hall",
                    "items": items,
                }
            },
        )
    )["session"]["id"]
