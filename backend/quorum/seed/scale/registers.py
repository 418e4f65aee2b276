"""The registers of interests (with annual reviews) and of gifts and hospitality."""

from __future__ import annotations

from datetime import date, timedelta

from quorum.interests.rules import Requirement, assess
from quorum.interests.tables import GiftKind
from quorum.seed.scale import names, rows
from quorum.seed.scale.loader import Rows
from quorum.seed.scale.plan import Rng, london
from quorum.seed.scale.world import CcgInfo, World

LAY_INTERESTS = (
    ("NON_FINANCIAL_PERSONAL", "Trustee of a local carers' charity"),
    ("NON_FINANCIAL_PERSONAL", "Governor of a local secondary school"),
    ("NON_FINANCIAL_PROFESSIONAL", "Lay member of a neighbouring hospital trust's council of governors"),
    ("FINANCIAL", "Director of a management consultancy that does no work in the NHS"),
)
EXECUTIVE_INTERESTS = (
    ("INDIRECT", "Spouse employed as a consultant at {trust}"),
    ("NON_FINANCIAL_PROFESSIONAL", "Member of the Healthcare Financial Management Association"),
    ("NON_FINANCIAL_PROFESSIONAL", "Registrant of the Nursing and Midwifery Council"),
)
GIFTS = (
    ("HOSPITALITY", "Lunch at a regional commissioning conference", "a conference organiser", False, 1800),
    ("HOSPITALITY", "Dinner after a supplier's product briefing", "a pharmaceutical company", True, 6500),
    ("HOSPITALITY", "Evening reception at a national awards ceremony", "an NHS trade publication", True, 9500),
    ("GIFT", "Box of chocolates at Christmas", "a patient's family", False, 1500),
    ("GIFT", "Branded pen and notebook", "a software supplier", True, 400),
    ("GIFT", "Bottle of wine", "a community services provider", True, 1200),
    ("CASH_OR_VOUCHERS", "Gift voucher", "a grateful patient", False, 2500),
)


def build(world: World, loader: Rows) -> None:
    for ccg in world.ccgs:
        rng = world.rng("registers", ccg.ods_code)
        _interests(world, loader, rng, ccg)
        _gifts(world, loader, rng, ccg)


def _interests(world: World, loader: Rows, rng: Rng, ccg: CcgInfo) -> None:
    declarers = [(t.person_id, t.valid_from, t.valid_to, t.slot) for t in ccg.tenures]
    declarers += [(p, world.established, None, None) for p in (ccg.secretary_id, *ccg.staff_ids)]
    for person_id, start, end, slot in declarers:
        entries = []
        if slot is not None and slot.is_gp:
            practice = ccg.home_practice[person_id]
            entries.append(("FINANCIAL", f"GP partner at {practice.name} ({practice.ods_code})", [practice.id]))
            if rng.chance(0.5):
                entries.append(("FINANCIAL", f"Shareholder in the {ccg.place} GP federation", []))
        elif slot is not None and slot.category == "LAY_MEMBER":
            entries += [(c, d, []) for c, d in rng.sample(LAY_INTERESTS, rng.randint(0, 2))]
        elif slot is not None:
            entries += [
                (c, d.format(trust=rng.choice(names.TRUSTS)), [])
                for c, d in rng.sample(EXECUTIVE_INTERESTS, rng.randint(0, 1))
            ]
        registered = []
        for category, description, practices in entries:
            aware = start + timedelta(days=rng.randint(0, 20))
            declared = aware + timedelta(days=rng.choice((3, 7, 14, 21, 45)))  # now and then late (over 28 days)
            registered.append(
                loader.add(
                    rows.Interest(
                        org_id=ccg.id,
                        id=rng.new_id(),
                        person_id=person_id,
                        category=category,
                        description=description,
                        concerns_org_ids=[],
                        concerns_practice_ids=practices,
                        valid_from=aware,
                        valid_to=end,
                        action_taken="Declared at meetings; the chair decides how each conflict is managed.",
                        became_aware_on=aware,
                        declared_on=declared,
                        withheld=rng.chance(0.02),
                        recorded_by=ccg.secretary_id,
                        recorded_at=london(declared, 10),
                        status="CONFIRMED",
                        review_note="",
                    )
                )
            )
        ccg.interests[person_id] = registered
        _reviews(world, loader, rng, ccg, person_id, start, end, nil=not registered)


def _reviews(
    world: World, loader: Rows, rng: Rng, ccg: CcgInfo, person_id, start: date, end: date | None, nil: bool
) -> None:
    """Each April's annual review while in post, up to the anchor; a few people miss the latest."""
    last = (end or world.anchor) - timedelta(days=1)
    for year in range(world.history_start.year, world.anchor.year + 1):
        reviewed = date(year, 4, rng.randint(1, 28))
        if not start <= reviewed <= last or (year == world.anchor.year - 1 and rng.chance(0.1)):
            continue
        loader.add(
            rows.InterestReview(
                org_id=ccg.id,
                id=rng.new_id(),
                person_id=person_id,
                reviewed_on=reviewed,
                nil_return=nil,
                recorded_by=person_id,
                recorded_at=london(reviewed, 15),
            )
        )


def _gifts(world: World, loader: Rows, rng: Rng, ccg: CcgInfo) -> None:
    people = [t.person_id for t in ccg.tenures] + [ccg.secretary_id, *ccg.staff_ids]
    days = (world.anchor - world.history_start).days
    for _ in range(rng.randint(2, 4) * max(1, world.scale.history_months // 12)):
        kind, description, offered_by, supplier, pence = rng.choice(GIFTS)
        offered = world.history_start + timedelta(days=rng.randint(0, days - 11))  # recorded before the anchor
        requirement = assess(GiftKind(kind), supplier, pence).requirement
        approved = requirement == Requirement.REFUSE_UNLESS_APPROVED and rng.chance(0.5)
        accepted = requirement in (Requirement.NOT_REQUIRED, Requirement.DECLARE) or approved
        entry_id, recipient = rng.new_id(), rng.choice(people)
        # The accountable officer approves; their own, the chief finance officer (nobody approves their own).
        approver = ccg.holder(4, offered) if ccg.holder(4, offered) != recipient else ccg.holder(5, offered)
        loader.add(
            rows.GiftOrHospitality(
                org_id=ccg.id,
                id=entry_id,
                person_id=recipient,
                kind=kind,
                description=description,
                offered_by=offered_by,
                from_supplier=supplier,
                value_pence=pence,
                offered_on=offered,
                accepted=accepted,
                approved_by=approver if approved else None,
                recorded_by=ccg.secretary_id,
                recorded_at=london(offered + timedelta(days=rng.randint(1, 10)), 11),
            )
        )
