"""Each CCG's quality concerns register: the default ladder, and a dozen concerns from the last year at every
step, about its practices and the providers it commissions, each with its history up (and sometimes down)."""

from __future__ import annotations

from datetime import timedelta

from quorum.concerns.service import DEFAULT_LADDER
from quorum.seed.scale import names, rows
from quorum.seed.scale.loader import Rows
from quorum.seed.scale.plan import Rng, london
from quorum.seed.scale.world import CcgInfo, World

CATEGORIES = ("SAFETY", "EFFECTIVENESS", "EXPERIENCE", "WELL_LED")
SOURCES = ("COMPLAINT", "SERIOUS_INCIDENT", "PATIENT_SURVEY", "CQC_INSPECTION", "WHISTLEBLOWING", "DATA")
PRACTICE_CONCERNS = (
    "Access to appointments",
    "Infection control findings",
    "Repeat prescribing errors",
    "Cold chain breaches",
    "Safeguarding training out of date",
)
PROVIDER_CONCERNS = (
    ("Missed sepsis screening in the emergency department", "TRUST"),
    ("Long waits for wheelchair assessments", "COMMUNITY_PROVIDER"),
    ("Cancelled cataract lists", "INDEPENDENT_SECTOR"),
    ("Pressure ulcers in community nursing caseloads", "COMMUNITY_PROVIDER"),
    ("Twelve-hour trolley waits", "TRUST"),
)
WHY_UP = "Evidence since the last review shows the concern has not improved."
WHY_DOWN = "The action plan has been delivered and the last reviews found no further problems."


def build(world: World, loader: Rows) -> None:
    for ccg in world.ccgs:
        _register(world, loader, world.rng("concerns", ccg.ods_code), ccg)


def _register(world: World, loader: Rows, rng: Rng, ccg: CcgInfo) -> None:
    steps = [
        loader.add(
            rows.ConcernLadderStep(org_id=ccg.id, id=rng.new_id(), position=n, name=name, description=description)
        )
        for n, (name, description) in enumerate(DEFAULT_LADDER, start=1)
    ]
    owners = [ccg.secretary_id, *ccg.staff_ids]
    for _ in range(rng.randint(8, 14)):
        logged_on = world.anchor - timedelta(days=rng.randint(10, 360))
        climb = [1]
        while len(climb) < 5 and rng.chance(0.55):
            climb.append(min(4, climb[-1] + 1) if climb[-1] == 1 or rng.chance(0.7) else climb[-1] - 1)
        climb = [p for i, p in enumerate(climb) if i == 0 or p != climb[i - 1]]
        subject: dict = {}
        if rng.chance(0.5) and ccg.practices:
            practice = rng.choice(ccg.practices)
            subject = {"practice_id": practice.id}
            title = rng.choice(PRACTICE_CONCERNS)
        else:
            title, kind = rng.choice(PROVIDER_CONCERNS)
            subject = {"provider_name": rng.choice(names.TRUSTS), "provider_type": kind}
        closed = logged_on < world.anchor - timedelta(days=200) and rng.chance(0.5)
        concern = loader.add(
            rows.Concern(
                org_id=ccg.id,
                id=rng.new_id(),
                source=rng.choice(SOURCES),
                category=rng.choice(CATEGORIES),
                title=title,
                summary=f"{title}: raised through routine monitoring and followed up with the provider.",
                owner_id=rng.choice(owners),
                review_date=world.anchor + timedelta(days=rng.randint(-20, 60)),
                current_step_id=steps[climb[-1] - 1].id,
                escalated_to_nhs_england=climb[-1] >= 3 and rng.chance(0.5),
                logged_by=ccg.secretary_id,
                logged_at=london(logged_on, 10),
                closed_at=london(logged_on + timedelta(days=150), 16) if closed else None,
                **subject,
            )
        )
        previous = None
        for i, position in enumerate(climb):
            direction = "LOGGED" if previous is None else ("UP" if position > previous else "DOWN")
            loader.add(
                rows.ConcernStepChange(
                    org_id=ccg.id,
                    id=rng.new_id(),
                    concern_id=concern.id,
                    from_step_id=None if previous is None else steps[previous - 1].id,
                    to_step_id=steps[position - 1].id,
                    direction=direction,
                    decided_by=ccg.secretary_id,
                    reason="Logged." if previous is None else (WHY_UP if direction == "UP" else WHY_DOWN),
                    next_steps=DEFAULT_LADDER[position - 1][1],
                    decided_at=london(logged_on + timedelta(days=2 * i), 11),
                )
            )
            previous = position
