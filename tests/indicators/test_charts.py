"""The charts as SVG from the server: the aggregate trend for anyone, the named distribution only for those who
may see practices named; text escaped, and embeddable in a pack (Typst compiles it)."""

from __future__ import annotations

import tempfile
import uuid
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import typst

from quorum.indicators.service import NamedFigure, NamedPeriod, Summary
from quorum.indicators.svg import distribution_svg, trend_svg
from quorum.indicators.tables import PeriodKind
from tests.indicators.dashboard import BOLTON, FIONA, bolton_practices
from tests.support import BOLTON_SECRETARY, ISLINGTON_SECRETARY, owner_fetch, token_for

SVG = "{http://www.w3.org/2000/svg}"


async def indicator_id(code: str) -> uuid.UUID:
    [row] = await owner_fetch(f"SELECT id FROM indicator WHERE org_id = ({BOLTON}) AND code = $1", code)
    return row["id"]


async def get(client, path: str, email: str | None = None):
    headers = {"Authorization": f"Bearer {await token_for(email)}"} if email else {}
    return await client.get(path, headers=headers)


async def test_anyone_downloads_the_aggregate_trend_which_names_no_practice(client):
    response = await get(client, f"/indicators/{await indicator_id('ABX_STARPU')}/trend.svg")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")
    root = ElementTree.fromstring(response.text)
    assert root.find(f"{SVG}title").text == "Antibacterial items per STAR-PU: median across practices by period"
    assert "2026-03: median" in root.find(f"{SVG}desc").text and "of 11 practices" in root.find(f"{SVG}desc").text
    for ods, name in (await bolton_practices()).items():
        assert ods not in response.text and name not in response.text
    pilot = await get(client, f"/indicators/{await indicator_id('EXT_ACCESS_PILOT')}/trend.svg")
    assert "Withheld (fewer than 5 practices): 2026-Q1." in pilot.text and "<polyline" not in pilot.text


async def test_only_those_who_see_practices_named_download_the_named_chart(client):
    path = f"/indicators/{await indicator_id('QOF_ACH')}/practices.svg"
    for email in (None, FIONA, ISLINGTON_SECRETARY):
        response = await get(client, path, email)
        assert response.status_code == 404 and response.text == "No such indicator."
    response = await get(client, path, BOLTON_SECRETARY)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "private, no-store"
    for name in (await bolton_practices()).values():
        assert name in ElementTree.fromstring(response.text).find(f"{SVG}desc").text


def _period(name: str) -> NamedPeriod:
    summary = Summary(PeriodKind.YEAR, date(2025, 1, 1), 2, 1, 1.5, 2, 1.5)
    figures = [
        NamedFigure(uuid.uuid4(), name, "P1", 2.0, None, None, 1),
        NamedFigure(uuid.uuid4(), "Plain Practice", "P2", 1.0, None, None, 2),
    ]
    return NamedPeriod(summary, figures)


def test_hostile_names_are_text_and_the_chart_compiles_into_a_pack():
    hostile = '<script>alert(1)</script> & "Ltd" ]]>'
    svg = distribution_svg(hostile, "<u>", _period(hostile), higher_is_better=True)
    root = ElementTree.fromstring(svg)
    assert root.find(f".//{SVG}script") is None and root.find(f".//{SVG}u") is None
    assert hostile in root.find(f"{SVG}title").text
    trend = trend_svg(hostile, "", [Summary(PeriodKind.YEAR, date(2025, 1, 1), 6, 1, 2, 3, 2)])
    with tempfile.TemporaryDirectory() as folder:
        for name, text in (("named.svg", svg), ("trend.svg", trend)):
            (Path(folder) / name).write_text(text)
        (Path(folder) / "pack.typ").write_text('#image("named.svg")\n#image("trend.svg")\n')
        pdf = typst.compile(str(Path(folder) / "pack.typ"), root=folder, format="pdf")
    assert pdf.startswith(b"%PDF")
