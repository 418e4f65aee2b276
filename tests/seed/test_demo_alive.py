"""After `quorum seed --demo` alone (the test database is seeded by it), the demo is alive: each is read as its
people read it, through the API, except where noted. Data other tests add is left out by asking for the demo's own
rows (its committees, its ballot's title, its survey rounds)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from quorum.seed.demo_ballots import TITLE as BALLOT_TITLE
from quorum.seed.demo_surveys import LAST_ROUND
from tests.support import (
    BOLTON_GOVERNING_BODY,
    BOLTON_SECRETARY,
    DEMO,
    ISLINGTON_SECRETARY,
    Caller,
    as_person,
    global_id,
    owner_fetch,
)

# The demo's own meetings (as the generator names and places them), not those other tests add.
DEMO_MEETINGS = "m.title ~ '^[A-Z][a-z]+ [0-9]{4} meeting$' AND m.location LIKE 'Board room, %'"
NEXT_MEETING = f"""SELECT m.id FROM meeting m WHERE m.committee_id = ({BOLTON_GOVERNING_BODY}) AND m.starts_at > now()
  AND {DEMO_MEETINGS} ORDER BY m.starts_at LIMIT 1"""
CONDUCT = """query($id: ID!) { meetingConduct(meetingId: $id) {
  items { item { title part } quorum { expected met unmet presentVoting } } } }"""
MEETING = """query($id: ID!) { node(id: $id) { ... on Meeting { title status
  agenda { title purpose part paper { title status } }
  packs { part status pageCount publishedAt } } } }"""
BALLOT = """query($id: ID!) { node(id: $id) { ... on Ballot { status
  turnout { electoratePractices votedPractices notVotedPractices percent thresholdPercent thresholdMet }
  electors(first: 50) { edges { node { odsCode vote { practice { odsCode } } representatives { email } } } } } } }"""
RESULTS = """query($id: ID!, $split: RespondentGroupSplit) { node(id: $id) { ... on Survey { results(split: $split) {
  provisional responseCount questions { question { key } overall { withheld respondents }
  groups { label withheld respondents } } } } } }"""


async def test_the_governing_bodys_next_meeting_is_expected_quorate_with_its_offices_filled(client):
    meeting = await global_id("Meeting", NEXT_MEETING)
    secretary = await as_person(client, BOLTON_SECRETARY)
    items = (await secretary.data(CONDUCT, {"id": meeting}))["meetingConduct"]["items"]
    assert len(items) >= 10
    assert all(i["quorum"]["expected"] for i in items), [i for i in items if not i["quorum"]["expected"]]
    offices = {
        r["office"]
        for r in await owner_fetch(
            f"SELECT office FROM seat WHERE committee_id = ({BOLTON_GOVERNING_BODY}) AND valid_to IS NULL"
        )
    }
    assert {"ACCOUNTABLE_OFFICER", "CHIEF_FINANCE_OFFICER", "REGISTERED_NURSE", "SECONDARY_CARE_SPECIALIST"} <= offices
    roles = {
        r["role"]
        for r in await owner_fetch(f"SELECT role FROM seat WHERE committee_id = ({BOLTON_GOVERNING_BODY}) AND voting")
    }
    assert {"CHAIR", "VICE_CHAIR"} <= roles


async def test_the_next_meeting_has_a_full_agenda_papers_and_built_published_packs(client):
    meeting = await global_id("Meeting", NEXT_MEETING)
    secretary = await as_person(client, BOLTON_SECRETARY)
    found = (await secretary.data(MEETING, {"id": meeting}))["node"]
    titles = [i["title"] for i in found["agenda"]]
    assert len(titles) >= 10
    assert titles[0] == "Welcome and apologies for absence" and "Questions from the public" in titles
    assert {i["part"] for i in found["agenda"]} == {"PUBLIC", "PRIVATE"}
    assert found["status"] == "PAPERS_PUBLISHED"
    packs = {p["part"]: p for p in found["packs"]}
    assert set(packs) == {"PUBLIC", "PRIVATE"}
    assert all(p["status"] == "DONE" and p["pageCount"] > len(titles) and p["publishedAt"] for p in packs.values())
    (public,) = await owner_fetch(
        "SELECT f.content, b.page_count FROM pack_build b JOIN stored_file f ON f.id = b.file_id"
        " WHERE b.meeting_id = ($1) AND b.part = 'PUBLIC'",
        (await owner_fetch(NEXT_MEETING))[0]["id"],
    )
    reader = PdfReader(io.BytesIO(public["content"]))
    assert len(reader.pages) == public["page_count"]
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Finance report" in text and "Acute services" in text  # the paper whose body has a table
    assert "Individual funding request appeal" not in text  # Part II stays out of the public pack


async def test_the_papers_have_full_cover_sheets_one_with_a_table_and_one_with_an_appendix():
    rows = await owner_fetch(
        """SELECT p.title, v.executive_summary, v.recommendation, v.body_markdown,
             (SELECT count(*) FROM appendix a WHERE a.version_id = v.id) AS appendices
           FROM paper p JOIN paper_version v ON v.paper_id = p.id AND v.published_at IS NOT NULL
           WHERE p.meeting_id = ($1)""",
        (await owner_fetch(NEXT_MEETING))[0]["id"],
    )
    assert rows and all(r["executive_summary"] and r["recommendation"] for r in rows)
    assert any("| Acute services |" in r["body_markdown"] for r in rows)
    assert any(r["appendices"] for r in rows)


async def test_last_months_meeting_was_held_with_its_minutes_waiting_and_earlier_ones_approved():
    held = await owner_fetch(
        f"""SELECT m.status,
              (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) AS attendance,
              (SELECT count(*) FROM declaration d WHERE d.meeting_id = m.id) AS declarations,
              (SELECT count(*) FROM vote v WHERE v.meeting_id = m.id) AS votes,
              (SELECT count(*) FROM decision d WHERE d.meeting_id = m.id) AS decisions,
              (SELECT count(*) FROM action a WHERE a.meeting_id = m.id) AS actions,
              (SELECT count(*) FROM minutes n WHERE n.meeting_id = m.id) AS minutes
            FROM meeting m WHERE m.committee_id = ({BOLTON_GOVERNING_BODY}) AND m.starts_at < now()
              AND {DEMO_MEETINGS}
            ORDER BY m.starts_at DESC"""
    )
    last, *earlier = held
    assert last["status"] == "HELD" and last["minutes"] == 0
    assert all(last[k] > 0 for k in ("attendance", "declarations", "votes", "decisions", "actions"))
    assert len(earlier) >= 2 and all(m["status"] == "MINUTES_APPROVED" and m["minutes"] for m in earlier)
    overdue = await owner_fetch(
        f"""SELECT p.email FROM action a JOIN person p ON p.id = a.owner_id
            WHERE a.committee_id = ({BOLTON_GOVERNING_BODY}) AND a.status <> 'CLOSED' AND a.due_date < current_date"""
    )
    assert any(r["email"].endswith(f"@{DEMO}") for r in overdue)


async def test_the_joint_committees_decided_under_their_delegations_and_meet_again():
    for name in ("Bolton primary care joint committee", "Islington primary care joint committee"):
        rows = await owner_fetch(
            """SELECT m.starts_at > now() AS coming,
                 (SELECT count(*) FROM decision d WHERE d.meeting_id = m.id AND d.delegation_id IS NOT NULL) AS delegated
               FROM meeting m JOIN committee c ON c.id = m.committee_id WHERE c.name = $1 AND """
            + DEMO_MEETINGS,
            name,
        )
        assert any(r["delegated"] for r in rows if not r["coming"]), name
        assert any(r["coming"] for r in rows), name


async def test_the_council_ballot_has_every_practice_represented_some_voted_and_turnout_reachable(client):
    for org, secretary in (("00T", BOLTON_SECRETARY), ("08H", ISLINGTON_SECRETARY)):
        ballot = await global_id(
            "Ballot",
            "SELECT b.id FROM ballot b JOIN organisation o ON o.id = b.org_id WHERE o.ods_code = $1 AND b.title = $2",
            org,
            BALLOT_TITLE,
        )
        found = (await (await as_person(client, secretary)).data(BALLOT, {"id": ballot}))["node"]
        assert found["status"] == "OPEN"
        turnout = found["turnout"]
        electors = [e["node"] for e in found["electors"]["edges"]]
        assert turnout["electoratePractices"] == len(electors) == 11
        assert all(e["representatives"] for e in electors), "a practice without a representative cannot vote"
        assert 0 < turnout["votedPractices"] < 11
        # Every practice can still vote, so the threshold can be reached: those yet to vote would take it past.
        assert 100 >= turnout["thresholdPercent"] > turnout["percent"]


async def test_the_published_survey_round_shows_figures_for_most_groups_of_every_split(client):
    survey = await global_id("Survey", "SELECT id FROM survey WHERE title = $1", LAST_ROUND)
    for email in (BOLTON_SECRETARY, f"fiona.clarke@{DEMO}"):
        caller = await as_person(client, email)
        groups = []
        for split in ("LOCALITY", "LIST_SIZE", "ROLE", "LEADERSHIP"):
            results = (await caller.data(RESULTS, {"id": survey, "split": split}))["node"]["results"]
            assert results["provisional"] is False
            found = [g for q in results["questions"] for g in q["groups"]]
            shown = [g for g in found if not g["withheld"]]
            assert shown and all(g["respondents"] >= 5 for g in shown), split
            groups += found
        # Most groups show: the one practice under 5,000 patients is always withheld, with another band to
        # cover it, as are the groups of a question only some were asked.
        assert sum(not g["withheld"] for g in groups) > len(groups) / 2


async def test_the_registers_have_entries_a_nil_return_and_a_late_declaration():
    (counts,) = await owner_fetch(
        """SELECT (SELECT count(*) FROM interest i JOIN organisation o ON o.id = i.org_id WHERE o.ods_code = '00T')
                    AS interests,
                  (SELECT count(*) FROM interest i WHERE i.declared_on > i.became_aware_on + 28) AS late,
                  (SELECT count(*) FROM interest_review r WHERE r.nil_return) AS nil_returns,
                  (SELECT count(*) FROM gift_or_hospitality g JOIN organisation o ON o.id = g.org_id
                    WHERE o.ods_code = '00T') AS gifts"""
    )
    assert counts["interests"] >= 4 and counts["late"] >= 1 and counts["nil_returns"] >= 1 and counts["gifts"] >= 3


async def test_anonymous_callers_and_other_organisations_see_no_private_pack_or_ballot(client):
    meeting = await global_id("Meeting", NEXT_MEETING)
    anonymous = Caller(client)
    packs = (await anonymous.data(MEETING, {"id": meeting}))["node"]["packs"]
    assert [p["part"] for p in packs] == ["PUBLIC"]
    ballot = await global_id("Ballot", "SELECT id FROM ballot WHERE title = $1 LIMIT 1", BALLOT_TITLE)
    for caller in (anonymous, await as_person(client, f"janet.whitworth@{DEMO}")):
        assert (await caller.data(BALLOT, {"id": ballot}))["node"] is None


# What each demo person has to do next, as the seed leaves it (the home page lists these).
THINGS_TO_DO = {
    "a meeting to attend": """SELECT 1 FROM seat s JOIN meeting m ON m.committee_id = s.committee_id
        WHERE s.person_id = $1 AND s.valid_to IS NULL AND m.starts_at > now()
          AND m.status IN ('AGENDA_PUBLISHED', 'PAPERS_PUBLISHED')""",
    "a paper to write": """SELECT 1 FROM paper p JOIN meeting m ON m.id = p.meeting_id
        WHERE p.author_id = $1 AND p.status = 'DRAFT' AND m.starts_at > now()""",
    "an action": "SELECT 1 FROM action WHERE owner_id = $1 AND status <> 'CLOSED'",
    "a ballot to vote in": """SELECT 1 FROM membership ms JOIN ballot b ON b.org_id = ms.org_id
        WHERE ms.person_id = $1 AND ms.role = 'PRACTICE_REPRESENTATIVE' AND b.opens_at < now()
          AND b.closes_at > now() AND b.closed_early_at IS NULL AND NOT EXISTS (SELECT 1 FROM ballot_participation bp
            WHERE bp.ballot_id = b.id AND bp.practice_id = ms.practice_id)""",
    "minutes to approve": """SELECT 1 FROM membership ms JOIN meeting m ON m.org_id = ms.org_id
        WHERE ms.person_id = $1 AND ms.role = 'BOARD_SECRETARY' AND m.status = 'HELD'
          AND NOT EXISTS (SELECT 1 FROM minutes n WHERE n.meeting_id = m.id)""",
}


async def test_every_demo_person_but_the_platform_administrator_has_something_to_do():
    from quorum.auth.demo_people import DEMO_PEOPLE

    for person in DEMO_PEOPLE:
        if person.platform_admin:
            continue  # Sam Okafor creates organisations: nothing in the demo waits for him
        (row,) = await owner_fetch("SELECT id FROM person WHERE email = $1", person.email)
        found = [what for what, sql in THINGS_TO_DO.items() if await owner_fetch(sql, row["id"])]
        assert found, f"{person.name} has nothing to do"


async def test_the_session_in_common_has_a_withdrawn_pack_and_its_replacement_and_seeding_again_adds_none():
    from quorum.seed.demo_in_common import SESSION, WITHDRAWAL, seed_demo_in_common

    await seed_demo_in_common()  # `quorum seed --demo` runs it after the demo the tests start from
    await seed_demo_in_common()
    packs = await owner_fetch(
        "SELECT b.number, b.part, b.published_at IS NOT NULL AS published, b.withdrawn_at IS NOT NULL AS withdrawn,"
        " b.withdrawn_reason FROM pack_build b JOIN in_common_session s ON s.id = b.session_id"
        " WHERE s.title = $1 AND b.committee_id = (" + BOLTON_GOVERNING_BODY + ") ORDER BY b.number",
        SESSION,
    )
    assert [(p["number"], p["part"], p["published"], p["withdrawn"], p["withdrawn_reason"]) for p in packs] == [
        (1, "PUBLIC", True, True, WITHDRAWAL),
        (2, "PUBLIC", True, False, None),
    ]
