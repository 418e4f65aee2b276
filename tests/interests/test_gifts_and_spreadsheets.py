"""The register of gifts and hospitality against the 2017 thresholds; the register of interests to and from .xlsx."""

from __future__ import annotations

import base64
import io
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from quorum.interests.rules import Requirement, assess
from quorum.interests.tables import GiftKind
from tests.conduct.support import SECRETARY, ok, org_id, payload, person_id
from tests.support import BOLTON_GP, ISLINGTON_GP, Caller, as_person, owner_fetch

RECORD = """mutation($input: RecordGiftOrHospitalityInput!) { recordGiftOrHospitality(input: $input) {
  entry { kind value accepted assessment { requirement explanation breach } person { name } approvedBy { name } }
  errors { field message } } }"""
GIFTS = (
    """query($org: ID!) { giftsAndHospitality(organisationId: $org) { totalCount edges { node { description } } } }"""
)
ASSESS = """query($kind: GiftKind!, $supplier: Boolean!, $pence: Int!) {
  assessGiftOrHospitality(kind: $kind, fromSupplier: $supplier, valuePence: $pence) { requirement explanation } }"""
IMPORT = """mutation($input: ImportInterestsInput!) { importInterests(input: $input) { created rowErrors { row message } errors { field message } } }"""


@pytest.mark.parametrize(
    ("kind", "supplier", "pence", "requirement"),
    [
        (GiftKind.HOSPITALITY, True, 2499, Requirement.NOT_REQUIRED),
        (GiftKind.HOSPITALITY, False, 2500, Requirement.DECLARE),
        (GiftKind.HOSPITALITY, True, 7500, Requirement.DECLARE),
        (GiftKind.HOSPITALITY, True, 7501, Requirement.REFUSE_UNLESS_APPROVED),
        (GiftKind.GIFT, True, 600, Requirement.NOT_REQUIRED),
        (GiftKind.GIFT, True, 601, Requirement.REFUSE),
        (GiftKind.GIFT, False, 5000, Requirement.NOT_REQUIRED),
        (GiftKind.GIFT, False, 5001, Requirement.DECLARE),
        (GiftKind.CASH_OR_VOUCHERS, False, 100, Requirement.REFUSE),
    ],
)
def test_the_2017_thresholds(kind, supplier, pence, requirement):
    assert assess(kind, supplier, pence).requirement == requirement


def test_breaches_are_named():
    assert assess(GiftKind.GIFT, True, 2000, accepted=True).breach == "Accepted although it should have been refused."
    assert assess(GiftKind.HOSPITALITY, True, 12000, accepted=True).breach == "Accepted without the approval it needs."
    assert assess(GiftKind.HOSPITALITY, True, 12000, accepted=True, approved=True).breach is None
    assert assess(GiftKind.GIFT, True, 2000, accepted=False).breach is None


async def test_gifts_and_hospitality_are_recorded_and_flagged(client):
    secretary, gp = await as_person(client, SECRETARY), await as_person(client, BOLTON_GP)
    bolton = await org_id("00T")
    dinner = payload(
        await gp.data(
            RECORD,
            {
                "input": {
                    "organisationId": bolton,
                    "personId": await person_id(BOLTON_GP),
                    "kind": "HOSPITALITY",
                    "description": "Dinner after a pharmaceutical symposium",
                    "offeredBy": "Acme Pharma Ltd",
                    "fromSupplier": True,
                    "valuePence": 9000,
                    "offeredOn": date.today().isoformat(),
                    "accepted": True,
                }
            },
        )
    )
    assert dinner["errors"] == []
    assert dinner["entry"]["value"] == "£90"
    assert dinner["entry"]["assessment"] == {
        "requirement": "REFUSE_UNLESS_APPROVED",
        "explanation": "Hospitality over £75 must be refused unless senior approval is given, and declared if accepted.",
        "breach": "Accepted without the approval it needs.",
    }
    # Priya Shah is the demo's designated approver of gifts and hospitality for Bolton.
    approved = ok(
        await secretary.data(
            RECORD,
            {
                "input": {
                    "organisationId": bolton,
                    "personId": await person_id(BOLTON_GP),
                    "kind": "HOSPITALITY",
                    "description": "Conference dinner",
                    "offeredBy": "NHS Confederation",
                    "fromSupplier": False,
                    "valuePence": 8000,
                    "offeredOn": "2026-01-10",
                    "accepted": True,
                    "approvedById": await person_id("priya.shah@demo.quorum.example"),
                }
            },
        )
    )
    assert approved["entry"]["assessment"]["breach"] is None and approved["entry"]["approvedBy"] == {
        "name": "Priya Shah"
    }
    pen = ok(
        await secretary.data(
            RECORD,
            {
                "input": {
                    "organisationId": bolton,
                    "personId": await person_id(BOLTON_GP),
                    "kind": "GIFT",
                    "description": "Branded pen",
                    "offeredBy": "Acme Pharma Ltd",
                    "fromSupplier": True,
                    "valuePence": 350,
                    "offeredOn": "2026-01-10",
                    "accepted": True,
                }
            },
        )
    )
    assert pen["entry"]["assessment"]["requirement"] == "NOT_REQUIRED"

    bad = payload(
        await secretary.data(
            RECORD,
            {
                "input": {
                    "organisationId": bolton,
                    "personId": await person_id(ISLINGTON_GP),
                    "kind": "GIFT",
                    "description": "",
                    "offeredBy": "",
                    "fromSupplier": True,
                    "valuePence": -1,
                    "offeredOn": "2999-01-01",
                    "accepted": False,
                    "approvedById": await person_id(SECRETARY),
                }
            },
        )
    )
    assert {e["field"] for e in bad["errors"]} == {
        "personId",
        "description",
        "offeredBy",
        "valuePence",
        "offeredOn",
        "approvedById",
    }

    assess_result = (await gp.data(ASSESS, {"kind": "GIFT", "supplier": True, "pence": 1000}))[
        "assessGiftOrHospitality"
    ]
    assert assess_result["requirement"] == "REFUSE"
    # The register: all of it for its keepers, one's own for a member, nothing for anyone else.
    assert (await secretary.data(GIFTS, {"org": bolton}))["giftsAndHospitality"]["totalCount"] >= 3
    margaret = await as_person(client, "margaret.lowe@demo.quorum.example")
    own = await owner_fetch(
        "SELECT count(*) FROM gift_or_hospitality g JOIN person p ON p.id = g.person_id"
        " WHERE p.email = 'margaret.lowe@demo.quorum.example'"
    )
    assert (await margaret.data(GIFTS, {"org": bolton}))["giftsAndHospitality"]["totalCount"] == own[0][0]
    for outsider in (await as_person(client, ISLINGTON_GP), Caller(client)):
        assert (await outsider.data(GIFTS, {"org": bolton}))["giftsAndHospitality"]["totalCount"] == 0


def xlsx(rows: list[list]) -> str:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return base64.b64encode(out.getvalue()).decode()


async def bolton_interests() -> int:
    return (
        await owner_fetch(
            "SELECT count(*) FROM interest i JOIN organisation o ON o.id = i.org_id WHERE o.ods_code = '00T'"
        )
    )[0][0]


async def test_an_import_with_bad_rows_reports_each_and_imports_nothing(client):
    secretary = await as_person(client, SECRETARY)
    before = await bolton_interests()
    content = xlsx(
        [
            ["Email", "Category", "Description", "Concerns (ODS codes)", "Interest from", "Interest to"],
            [
                "tom.ashworth@demo.quorum.example",
                "Financial",
                "Shareholder in a care home group",
                "P82003",
                date(2021, 5, 1),
                None,
            ],
            ["nobody@nhs.example", "Financial", "Unknown person", "", "2021-05-01", ""],
            ["tom.ashworth@demo.quorum.example", "Sideline", "Bad category", "", "2021-05-01", ""],
            ["tom.ashworth@demo.quorum.example", "Indirect", "Bad date and code", "F83001; ZZ999", "the spring", ""],
            ["tom.ashworth@demo.quorum.example", "Indirect", "", "", "2021-05-01", "2020-01-01"],
        ]
    )
    result = payload(
        await secretary.data(
            IMPORT,
            {"input": {"organisationId": await org_id("00T"), "filename": "register.xlsx", "contentBase64": content}},
        )
    )
    assert result["created"] == 0 and result["errors"] == []
    assert [(e["row"], e["message"]) for e in result["rowErrors"]] == [
        (3, "No one with the email 'nobody@nhs.example' is registered with NHS Bolton CCG."),
        (
            4,
            "Category 'Sideline' is not one of: Financial, Non-financial professional, Non-financial personal, Indirect.",
        ),
        (5, "Interest from 'the spring' is not a date."),
        (5, "No organisation or practice you can see has the code F83001, ZZ999."),
        (6, "Describe the interest (2,000 characters or fewer)."),
        (6, "The interest must end on or after the date it began."),
    ]
    assert await bolton_interests() == before
    missing = payload(
        await secretary.data(
            IMPORT,
            {
                "input": {
                    "organisationId": await org_id("00T"),
                    "filename": "register.xlsx",
                    "contentBase64": xlsx([["Email", "Description"]]),
                }
            },
        )
    )
    assert missing["errors"] == [
        {
            "field": "contentBase64",
            "message": (
                "The first row must name the columns Email, Category, Description, Interest from; missing: Category, Interest from."
            ),
        }
    ]
    member = payload(
        await (await as_person(client, BOLTON_GP)).data(
            IMPORT,
            {"input": {"organisationId": await org_id("00T"), "filename": "register.xlsx", "contentBase64": content}},
        )
    )
    assert member["errors"] == [
        {
            "field": None,
            "message": "Only the board secretary or an administrator of NHS Bolton CCG can import the register.",
        }
    ]


async def test_the_export_reads_back_in_through_the_import(client):
    secretary = await as_person(client, SECRETARY)
    bolton = await org_id("00T")
    imported = ok(
        await secretary.data(
            IMPORT,
            {
                "input": {
                    "organisationId": bolton,
                    "filename": "register.xlsx",
                    "contentBase64": xlsx(
                        [
                            [
                                "Email",
                                "Category",
                                "Description",
                                "Concerns (ODS codes)",
                                "Interest from",
                                "Became aware on",
                                "Declared on",
                            ],
                            [
                                "tom.ashworth@demo.quorum.example",
                                "non-financial professional",
                                "Treasurer of the Bolton Hospice",
                                "Q46",
                                "2022-02-01",
                                "2022-02-01",
                                "01/04/2022",
                            ],
                        ]
                    ),
                }
            },
        )
    )
    assert (imported["created"], imported["rowErrors"]) == (1, [])
    response = await client.get(
        f"/exports/interests.xlsx?organisation={bolton}", headers={"authorization": f"Bearer {secretary.token}"}
    )
    assert response.status_code == 200 and response.headers["cache-control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    treasurer = next(r for r in rows if r[header.index("Description")] == "Treasurer of the Bolton Hospice")
    assert treasurer[header.index("Concerns (ODS codes)")] == "Q46"
    assert treasurer[header.index("Declared late")] == "Yes"  # 59 days after becoming aware
    before = await bolton_interests()
    again = ok(
        await secretary.data(
            IMPORT,
            {
                "input": {
                    "organisationId": bolton,
                    "filename": "export.xlsx",
                    "contentBase64": base64.b64encode(response.content).decode(),
                }
            },
        )
    )
    assert (again["created"], again["rowErrors"]) == (len(rows) - 1, []) and await bolton_interests() == before + len(
        rows
    ) - 1
