"""Each audience sees exactly its form of the dashboard: the practice its own figures named and the others
anonymised, the governing body and a delegated committee every practice named, everyone else aggregates only."""

from __future__ import annotations

import json

from quorum import ids
from tests.indicators.dashboard import FIONA, LONDON_OFFICER, MARGARET, bolton_practices, dashboard, stored
from tests.support import (
    BOLTON_SECRETARY,
    DEMO,
    ISLINGTON_SECRETARY,
    MANCHESTER_OFFICER,
    Caller,
    add_member,
    as_person,
    owner_fetch,
)

MARCH = ("ABX_STARPU", "MONTH", "2026-03-01")
BOLTON_CLERK = f"indicators.clerk@{DEMO}"


async def test_a_practice_sees_its_own_figures_named_and_every_other_practice_anonymised(client):
    fiona = await as_person(client, FIONA)
    view = await dashboard(fiona)
    antibiotics = view["ABX_STARPU"]
    assert antibiotics["namedFigures"] is None and antibiotics["viewerSeesNamed"] is False
    values = await stored(*MARCH)
    march = next(p for p in antibiotics["practiceView"] if p["summary"]["period"] == "2026-03")
    assert march["value"] == values["P82002"]
    assert march["of"] == 11 and march["rank"] == 1 + sum(v < values["P82002"] for v in values.values())
    others = sorted(v for ods, v in values.items() if ods != "P82002")
    assert march["peerValues"] == others  # lower is better here: best first is ascending
    # Nothing in the whole answer names or identifies another practice: no name, ODS code or ID.
    text = json.dumps(view)
    practices = await bolton_practices()
    rows = await owner_fetch("SELECT ods_code, id FROM practice WHERE ods_code = ANY($1)", list(practices))
    for ods, name in practices.items():
        if ods != "P82002":
            assert ods not in text and name not in text
    for row in rows:
        if row["ods_code"] != "P82002":
            assert ids.encode("Practice", row["id"]) not in text and str(row["id"]) not in text


async def test_a_practice_cannot_ask_for_another_practice_s_view(client):
    fiona = await as_person(client, FIONA)
    view = await dashboard(fiona, practice_ods="P82001")
    assert all(indicator["practiceView"] is None for indicator in view.values())


async def test_the_governing_body_and_officers_see_every_practice_named(client):
    values = await stored(*MARCH)
    practices = await bolton_practices()
    for email in (BOLTON_SECRETARY, MARGARET):
        view = await dashboard(await as_person(client, email))
        march = next(p for p in view["ABX_STARPU"]["namedFigures"] if p["summary"]["period"] == "2026-03")
        named = {f["odsCode"]: (f["practiceName"], f["value"]) for f in march["figures"]}
        assert named == {ods: (practices[ods], value) for ods, value in values.items()}
        assert [f["rank"] for f in march["figures"]] == sorted(f["rank"] for f in march["figures"])
        assert march["figures"][0]["value"] == min(values.values())  # lower is better


async def test_a_seat_on_the_governing_body_opens_the_named_form_to_a_member_of_the_ccg(client):
    # Stephen Riley is CCG staff with a seat on the governing body: he sees its Part II business, and these figures
    # named. Jean Platt (Healthwatch) has a seat but no membership: she cannot see the CCG's practices at all.
    riley = await dashboard(await as_person(client, f"stephen.riley@{DEMO}"))
    assert riley["LIST_SIZE"]["viewerSeesNamed"] is True
    assert len(riley["LIST_SIZE"]["namedFigures"][-1]["figures"]) == 11
    platt = await dashboard(await as_person(client, f"jean.platt@{DEMO}"))
    assert platt["LIST_SIZE"]["viewerSeesNamed"] is False and platt["LIST_SIZE"]["namedFigures"] is None


async def test_the_public_sees_only_aggregates_of_at_least_five_practices(client):
    # Bolton staff with no seat, another CCG's secretary and a visitor: the public form alone.
    await add_member(BOLTON_CLERK, "Bolton Clerk", "00T", "STAFF")
    callers = [Caller(client), await as_person(client, BOLTON_CLERK), await as_person(client, ISLINGTON_SECRETARY)]
    for caller in callers:
        view = await dashboard(caller)
        for indicator in view.values():
            assert indicator["namedFigures"] is None and indicator["practiceView"] is None
        march = next(s for s in view["ABX_STARPU"]["publicSummary"] if s["period"] == "2026-03")
        values = sorted((await stored(*MARCH)).values())
        assert march["practices"] == 11 and march["median"] == round(values[5], 2)
        assert march["withheldReason"] is None
        # Three practices reported the pilot: its aggregate is withheld, and says why.
        [pilot] = view["EXT_ACCESS_PILOT"]["publicSummary"]
        assert pilot == {
            "period": "2026-Q1",
            "practices": None,
            "lowerQuartile": None,
            "median": None,
            "upperQuartile": None,
            "mean": None,
            "withheldReason": "Fewer than 5 practices reported.",
        }


async def test_a_practice_is_not_shown_anonymised_peers_when_fewer_than_five_reported(client):
    fiona = await as_person(client, FIONA)
    [pilot] = (await dashboard(fiona, practice_ods="P82002"))["EXT_ACCESS_PILOT"]["practiceView"]
    assert pilot["peerValues"] == [] and pilot["rank"] is None and pilot["summary"]["practices"] is None


async def test_the_area_team_sees_named_figures_only_through_a_live_delegation(client):
    officer = await as_person(client, MANCHESTER_OFFICER)
    assert len((await dashboard(officer))["LIST_SIZE"]["namedFigures"][0]["figures"]) == 11
    london = await dashboard(await as_person(client, LONDON_OFFICER))
    assert london["LIST_SIZE"]["namedFigures"] is None
    revoked = await owner_fetch(
        "UPDATE delegation SET revoked_at = now(), revocation_reason = 'Test',"
        " revoked_by = (SELECT id FROM person WHERE email = $1) WHERE revoked_at IS NULL"
        " AND receiving_committee_id IN (SELECT committee_id FROM seat s JOIN person p ON p.id = s.person_id"
        " WHERE p.email = $1) RETURNING id",
        MANCHESTER_OFFICER,
    )
    assert revoked
    try:
        ended = await dashboard(officer)
        assert all(i["namedFigures"] is None and i["practiceView"] is None for i in ended.values())
    finally:
        await owner_fetch(
            "UPDATE delegation SET revoked_at = NULL, revoked_by = NULL, revocation_reason = NULL WHERE id = ANY($1)",
            [r["id"] for r in revoked],
        )
