"""Queries and helpers shared by the indicator tests."""

from __future__ import annotations

from tests.support import DEMO, Caller, global_id, owner_fetch

FIONA = f"fiona.clarke@{DEMO}"  # represents P82002 only
MARGARET = f"margaret.lowe@{DEMO}"  # lay member of Bolton's governing body
LONDON_OFFICER = f"oliver.grant@{DEMO}"
BOLTON = "SELECT id FROM organisation WHERE ods_code = '00T'"
ISLINGTON = "SELECT id FROM organisation WHERE ods_code = '08H'"

DASHBOARD = """
query($org: ID!, $practice: ID!) {
  indicators(organisationId: $org) {
    id code name unit higherIsBetter viewerSeesNamed
    publicSummary { period practices lowerQuartile median upperQuartile mean withheldReason }
    practiceView(practiceId: $practice) {
      summary { period practices median withheldReason } value rank of peerValues
    }
    namedFigures { summary { period practices median } figures { practiceId practiceName odsCode value rank } }
  }
}"""


async def practice_id(ods_code: str) -> str:
    return await global_id("Practice", "SELECT id FROM practice WHERE ods_code = $1", ods_code)


async def dashboard(caller: Caller, practice_ods: str = "P82002") -> dict[str, dict]:
    variables = {"org": await global_id("Organisation", BOLTON), "practice": await practice_id(practice_ods)}
    return {i["code"]: i for i in (await caller.data(DASHBOARD, variables))["indicators"]}


async def stored(code: str, kind: str, period_start: str) -> dict[str, float]:
    """Bolton's values of one indicator and period by practice ODS code, as the owner reads them."""
    rows = await owner_fetch(
        "SELECT p.ods_code, v.value FROM indicator_value v JOIN indicator i ON i.org_id = v.org_id"
        " AND i.id = v.indicator_id JOIN practice p ON p.org_id = v.org_id AND p.id = v.practice_id"
        f" WHERE i.org_id = ({BOLTON}) AND i.code = $1 AND v.period_kind = $2 AND v.period_start = $3::text::date",
        code,
        kind,
        period_start,
    )
    return {r["ods_code"]: r["value"] for r in rows}


async def bolton_practices() -> dict[str, str]:
    """Bolton's practices with figures: the demo's own (a practice other tests add has none)."""
    rows = await owner_fetch(
        f"SELECT ods_code, name FROM practice WHERE org_id = ({BOLTON})"
        " AND id IN (SELECT practice_id FROM indicator_value)"
    )
    return {r["ods_code"]: r["name"] for r in rows}
