"""Bolton's quality concerns register in the demo: concerns at each step of the default ladder, with their history
(up and down), about practices and providers, one escalated to NHS England."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from quorum import clock
from quorum.auth.demo_people import DEMO_DOMAIN
from quorum.concerns.service import DEFAULT_LADDER
from quorum.concerns.tables import Concern, ConcernStepChange, LadderStep
from quorum.people.tables import Person

# (title, practice ODS or (provider, type), source, category, steps climbed in order (1-based), NHS England?, summary)
CONCERNS = [
    (
        "Missed sepsis screening in the emergency department",
        ("Royal Bolton Hospital NHS Foundation Trust", "TRUST"),
        "SERIOUS_INCIDENT",
        "SAFETY",
        [1, 2, 3],
        True,
        "Three serious incidents in eight weeks where sepsis screening was not completed within the hour.",
    ),
    (
        "Long waits for community wheelchair assessments",
        ("Bolton Community Services", "COMMUNITY_PROVIDER"),
        "COMPLAINT",
        "EXPERIENCE",
        [1, 2],
        False,
        "Complaints from families about waits of over 30 weeks for wheelchair assessments.",
    ),
    (
        "Access to appointments",
        "P82001",
        "PATIENT_SURVEY",
        "EXPERIENCE",
        [1, 2, 1],
        False,
        "The GP patient survey shows the practice well below the CCG average for getting through on the phone.",
    ),
    (
        "Infection control findings",
        "P82003",
        "CQC_INSPECTION",
        "WELL_LED",
        [1],
        False,
        "The CQC inspection found gaps in infection control audits; an action plan is due.",
    ),
    (
        "Cancelled cataract lists",
        ("Bolton Eye Clinic Ltd", "INDEPENDENT_SECTOR"),
        "DATA",
        "EFFECTIVENESS",
        [1, 2, 3, 4],
        True,
        "Repeated cancelled lists and a rising rate of post-operative complications in the provider's returns.",
    ),
]

WHY_UP = "Evidence since the last review shows the concern has not improved."
WHY_DOWN = "The action plan has been delivered and the last two reviews found no further problems."


async def seed_concerns(conn, bolton, practice_ids: dict) -> None:
    if await conn.scalar(select(Concern.id).where(Concern.org_id == bolton).limit(1)) is not None:
        return
    for position, (name, description) in enumerate(DEFAULT_LADDER, start=1):
        await conn.execute(
            insert(LadderStep)
            .values(org_id=bolton, position=position, name=name, description=description)
            .on_conflict_do_nothing()
        )
    steps = dict(
        (await conn.execute(select(LadderStep.position, LadderStep.id).where(LadderStep.org_id == bolton))).all()
    )
    people = dict((await conn.execute(select(Person.email, Person.id))).all())
    secretary, owner = people[f"helen.hargreaves@{DEMO_DOMAIN}"], people[f"priya.shah@{DEMO_DOMAIN}"]
    now = clock.now()
    for n, (title, subject, source, category, climb, nhs_england, summary) in enumerate(CONCERNS):
        logged_at: datetime = now - timedelta(days=120 - 10 * n)
        subject_values = (
            {"practice_id": practice_ids[subject]}
            if isinstance(subject, str)
            else {"provider_name": subject[0], "provider_type": subject[1]}
        )
        concern_id = await conn.scalar(
            insert(Concern)
            .values(
                org_id=bolton,
                source=source,
                category=category,
                title=title,
                summary=summary,
                owner_id=owner,
                review_date=(now + timedelta(days=14 + 7 * n)).date() if n != 3 else (now - timedelta(days=5)).date(),
                current_step_id=steps[climb[-1]],
                escalated_to_nhs_england=nhs_england,
                logged_by=secretary,
                logged_at=logged_at,
                **subject_values,
            )
            .returning(Concern.id)
        )
        previous = None
        for i, position in enumerate(climb):
            direction = "LOGGED" if previous is None else ("UP" if position > previous else "DOWN")
            await conn.execute(
                insert(ConcernStepChange).values(
                    org_id=bolton,
                    concern_id=concern_id,
                    from_step_id=None if previous is None else steps[previous],
                    to_step_id=steps[position],
                    direction=direction,
                    decided_by=secretary,
                    reason="Logged." if previous is None else (WHY_UP if direction == "UP" else WHY_DOWN),
                    next_steps=DEFAULT_LADDER[position - 1][1],
                    decided_at=logged_at + timedelta(days=21 * i),
                )
            )
            previous = position
