"""No download or export can be made to fail by what is stored: control characters, right-to-left marks, other
scripts and very long names in every text the file or its header carries. Stored as the owner, beneath the API's
own cleaning, as rows written before it (or by another path) could be."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import pytest
import typst
from icalendar import Calendar
from openpyxl import load_workbook

from quorum.papers.markdown import escape
from tests.spreadsheets.hostile import _person
from tests.support import DEMO, Caller, as_person, global_id, owner

ODS = "97W"
CONTROLS = "\x01\x07\x0b\x1b\x1f\x7f"
RTL = "\u202egnp.exe\u202c\u200f"
WICKED = f"NHS {CONTROLS}Wicked{RTL} Протокол מועצה 議事録 " + "long " * 2000
SECRETARY = f"wicked.secretary@{DEMO}"
# One quoted ASCII fallback without quotes or backslashes, then RFC 8187's percent-encoded UTF-8: nothing to inject.
DISPOSITION = re.compile(
    r"(attachment|inline); filename=\"[ -!#-\[\]-~]*\"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+"
)
FILENAMES = [
    f"{CONTROLS}minutes\r\n.pdf",
    f"{RTL}.pdf",
    '"; filename=evil.html',
    "Протокол – £2m.pdf",
    "../../etc/passwd",
    "a" * 5000 + ".pdf",
    "\u2028\u0085.pdf",
    "%00%0d%0a.pdf",
    "",
]


@pytest.fixture(scope="module", autouse=True)
async def wicked_ccg() -> dict:
    conn = await owner()
    try:
        async with conn.transaction():
            existing = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = $1", ODS)
            if existing is None:
                area_team = await conn.fetchval("SELECT id FROM organisation WHERE ods_code = 'Q46'")
                ccg = await conn.fetchval(
                    "INSERT INTO organisation (kind, ods_code, name, area_team_id) VALUES ('CCG', $1, $2, $3) RETURNING id",
                    ODS,
                    WICKED,
                    area_team,
                )
                secretary = await _person(conn, ccg, SECRETARY, WICKED, ["BOARD_SECRETARY", "ADMINISTRATOR"], None)
                committee = await conn.fetchval(
                    "UPDATE committee SET name = $2 WHERE org_id = $1 AND kind = 'GOVERNING_BODY' RETURNING id",
                    ccg,
                    WICKED,
                )
                await conn.execute(
                    "INSERT INTO meeting (org_id, committee_id, title, starts_at, location, call_link)"
                    " VALUES ($1, $2, $3, now() + interval '10 days', $3, $3)",
                    ccg,
                    committee,
                    WICKED,
                )
                await conn.execute(
                    "INSERT INTO delegation (org_id, receiving_org_id, receiving_committee_id, functions, scope_ccg_ids,"
                    " valid_from, valid_to, recorded_by, revoked_at, revoked_by, revocation_reason)"
                    " VALUES ($1, $2, $3, '{primary_care.mergers}', ARRAY[$2::uuid], '2025-04-01', '2027-03-31', $4,"
                    " '2026-01-15 12:00+00', $4, $5)",
                    area_team,
                    ccg,
                    committee,
                    secretary,
                    WICKED,
                )
                for name in FILENAMES:  # attached to nothing, so each is its uploader's
                    await conn.execute(
                        "INSERT INTO stored_file (org_id, filename, content_type, size_bytes, sha256, content, uploaded_by)"
                        " VALUES ($1, $2, 'application/pdf', 9, 'x', '%PDF-1.7\n', $3)",
                        ccg,
                        name,
                        secretary,
                    )
            return dict(
                await conn.fetchrow(
                    "SELECT o.id AS org, c.id AS committee, m.id AS meeting FROM organisation o"
                    " JOIN committee c ON c.org_id = o.id AND c.kind = 'GOVERNING_BODY'"
                    " JOIN meeting m ON m.committee_id = c.id WHERE o.ods_code = $1",
                    ODS,
                )
            )
    finally:
        await conn.close()


async def fetch(caller: Caller, url: str):
    response = await caller.client.get(url, headers={"authorization": f"Bearer {caller.token}"})
    assert response.status_code == 200, (url, response.status_code, response.text[:300])
    disposition = response.headers.get("content-disposition", "")
    assert disposition == "" or DISPOSITION.fullmatch(disposition), disposition
    return response


async def test_every_stored_file_downloads_whatever_its_name(client, wicked_ccg):
    secretary = await as_person(client, SECRETARY)
    conn = await owner()
    try:
        files = await conn.fetch("SELECT id, filename FROM stored_file WHERE org_id = $1", wicked_ccg["org"])
    finally:
        await conn.close()
    assert len(files) == len(FILENAMES)
    for row in files:
        response = await fetch(secretary, f"/files/{row['id']}")
        assert response.content == b"%PDF-1.7\n"
        disposition = response.headers["content-disposition"]
        assert disposition.startswith('attachment; filename="') and "filename*=UTF-8''" in disposition
        assert ".." not in disposition and "/" not in disposition.split("filename*=")[1]


async def test_spreadsheet_exports_hold_the_text_without_what_a_workbook_cannot(client, wicked_ccg):
    secretary = await as_person(client, SECRETARY)
    org = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = $1", ODS)
    for url in (f"/exports/interests.xlsx?organisation={org}", f"/exports/delegations.xlsx?organisation={org}"):
        book = load_workbook(io.BytesIO((await fetch(secretary, url)).content))
        assert not any(c in (book.properties.title or "") for c in CONTROLS[:-1])  # XML allows DEL
        assert book.properties.title is None or "Wicked" in book.properties.title
    delegations = load_workbook(
        io.BytesIO((await fetch(secretary, f"/exports/delegations.xlsx?organisation={org}")).content)
    )
    texts = [c.value for row in delegations.active.iter_rows() for c in row if isinstance(c.value, str)]
    kept = [t for t in texts if "Wicked\u202egnp.exe\u202c\u200f Протокол מועצה 議事録 long" in t]
    assert kept and not any(c in t for t in kept for c in CONTROLS[:-1]), texts[:5]


async def test_calendars_carry_no_control_characters(client, wicked_ccg):
    secretary = await as_person(client, SECRETARY)
    committee = await global_id("Committee", "SELECT $1::uuid", wicked_ccg["committee"])
    for url in (
        f"/meetings/{wicked_ccg['meeting']}/calendar.ics",
        f"/committees/{wicked_ccg['committee']}/calendar.ics",
    ):
        content = (await fetch(secretary, url)).content
        assert not any(c.encode() in content for c in CONTROLS), url
        event = Calendar.from_ical(content).walk("VEVENT")[0]
        assert str(event["summary"]).startswith("NHS Wicked\u202egnp.exe")
    assert committee  # the committee's id is also valid as a global id


@pytest.mark.parametrize(
    "text",
    [
        WICKED,
        "a\n= heading",
        "#let x = 1",
        "/* open comment",
        "$x",
        "<label> @ref",
        "[ ] ] \\",
        '"quoted"',
        "- list\n+ numbered",
        "`raw",
    ],
)
def test_typst_documents_set_any_stored_text_as_text(text):
    """Minutes and packs write stored text into Typst markup through `escape` (and strings through sys.inputs):
    whatever the text, the document compiles and nothing in it is read as markup."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.typ"
        path.write_text(f"#heading(level: 1)[{escape(text)}] <k>\n#text(size: 12pt)[{escape(text)}]\n")
        assert typst.compile(str(path), root=folder, format="pdf").startswith(b"%PDF-")
