"""The register of interests as an .xlsx workbook.

Its columns are the import's (`register_import`), so a register exported, corrected and imported elsewhere
reads back.
"""

from __future__ import annotations

import uuid

from sqlmodel import select

from quorum import spreadsheets
from quorum.access import Access
from quorum.database import Db
from quorum.interests import rules
from quorum.interests.policy import visible_interests
from quorum.interests.service import known_for
from quorum.interests.tables import Interest, InterestCategory
from quorum.people.tables import Person

CATEGORY_WORDS = {
    InterestCategory.FINANCIAL: "Financial",
    InterestCategory.NON_FINANCIAL_PROFESSIONAL: "Non-financial professional",
    InterestCategory.NON_FINANCIAL_PERSONAL: "Non-financial personal",
    InterestCategory.INDIRECT: "Indirect",
}
# (heading, key): the import reads the key's column, whatever the heading's case and punctuation.
COLUMNS = [
    ("Name", "name"),
    ("Email", "email"),
    ("Category", "category"),
    ("Description", "description"),
    ("Concerns (ODS codes)", "concerns_ods_codes"),
    ("Interest from", "interest_from"),
    ("Interest to", "interest_to"),
    ("Action taken", "action_taken"),
    ("Became aware on", "became_aware_on"),
    ("Declared on", "declared_on"),
    ("Declared late", "declared_late"),
    ("Withheld from publication", "withheld_from_publication"),
]


def workbook(title: str, rows: list[list]) -> bytes:
    book = spreadsheets.Book(title)
    sheet = book.sheet("Register of interests")
    sheet.widths([26, 34, 26, 50, 24, 14, 14, 40, 16, 14, 12, 14])
    sheet.freeze_header()
    sheet.heading([heading for heading, _ in COLUMNS])
    for row in rows:
        sheet.append(row)
    return book.to_bytes()


async def export_rows(db: Db, access: Access, org_id: uuid.UUID) -> list[list]:
    interests = await db.all(
        visible_interests(access).where(Interest.org_id == org_id).order_by(Interest.person_id, Interest.valid_from)
    )
    known = await known_for(db, access, org_id)
    names = dict(await db.all(select(Person.id, Person.name).where(Person.id.in_({i.person_id for i in interests}))))
    codes = known.organisations | known.practices
    rows = [
        [
            names.get(i.person_id, ""),
            known.people.get(i.person_id, ""),
            CATEGORY_WORDS[InterestCategory(i.category)],
            i.description,
            "; ".join(codes.get(c, "") for c in [*i.concerns_org_ids, *i.concerns_practice_ids]),
            i.valid_from,
            i.valid_to,
            i.action_taken,
            i.became_aware_on,
            i.declared_on,
            "Yes" if rules.declared_late(i.became_aware_on, i.declared_on) else "No",
            "Yes" if i.withheld else "No",
        ]
        for i in interests
    ]
    return sorted(rows, key=lambda r: (r[0], r[5]))
