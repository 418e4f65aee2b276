"""What each kind of committee has on its agendas, laid out and numbered as the app lays them out.

An agenda opens with the app's standard items (quorum.meetings.agenda.STANDARD_TEMPLATE), then the
month's business, "Questions from the public" closing Part I, and Part II. Each governing body's
March meeting (the year's plan and budgets) has exactly 40 items, sub-items included.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from quorum.meetings.agenda import STANDARD_TEMPLATE
from quorum.seed.scale import names, rows
from quorum.seed.scale.plan import Rng
from quorum.seed.scale.world import CcgInfo, CommitteeInfo, PracticeInfo

ANNUAL_MEETING_ITEMS = 40
DECIDING = frozenset({"DECISION", "APPROVAL", "RATIFICATION"})
OPENING, QUESTIONS = STANDARD_TEMPLATE[:-1], STANDARD_TEMPLATE[-1]
MINUTES_ITEM, ACTION_LOG_ITEM, MATTERS_ARISING_ITEM = 4, 5, 6  # positions in the standard opening


@dataclass(frozen=True)
class Business:
    """An item of business: who presents it, whether it needs a paper, what it concerns."""

    title: str
    purpose: str
    presenter: int | str  # a governing body slot, "secretary" or "staff"
    part: str = "PUBLIC"
    paper: bool = True
    concerns: str = ""  # "", "one", "pair" or "all" of the committee's practices
    function: str | None = None  # the delegated function a decision on it is taken under
    sub_items: tuple[str, ...] = ()


TOPICS = (
    "Urgent and emergency care",
    "Mental health",
    "Children and young people's",
    "Estates",
    "Digital",
    "Prevention",
    "Community services",
    "Cancer",
    "Maternity",
    "Learning disability",
)
SERVICES = (
    "community nursing",
    "musculoskeletal services",
    "patient transport",
    "diabetes care",
    "stroke rehabilitation",
    "out-of-hours care",
    "wheelchair services",
    "audiology",
    "dermatology",
    "end of life care",
)

EVERY_MEETING = {
    "GOVERNING_BODY": (
        Business("Accountable officer's report", "INFORMATION", 4),
        Business("Finance report: month {month}", "ASSURANCE", 5),
        Business("Quality and performance report", "ASSURANCE", 6),
    ),
    "AUDIT": (
        Business("Internal audit progress report", "ASSURANCE", 5),
        Business("Counter fraud progress report", "ASSURANCE", 5),
    ),
    "PRIMARY_CARE_COMMISSIONING": (
        Business("Primary care finance report", "ASSURANCE", 5),
        Business("Primary care quality and performance dashboard", "ASSURANCE", 6),
    ),
    "COUNCIL_OF_MEMBERS": (
        Business("Clinical chair's update", "INFORMATION", 1),
        Business("Locality reports", "NOTE", "secretary", paper=False, sub_items=("{locality}",)),
    ),
}
EVERY_MEETING["JOINT_COMMITTEE"] = EVERY_MEETING["PRIMARY_CARE_COMMISSIONING"]

PRIMARY_CARE_BUSINESS = (
    Business("Practice merger: {a} and {b}", "DECISION", "staff", concerns="pair", function="primary_care.mergers"),
    Business("Contract variation: {a}", "DECISION", "staff", concerns="one", function="primary_care.contracts"),
    Business(
        "Local incentive scheme {year}",
        "DECISION",
        "staff",
        concerns="all",
        function="primary_care.local_incentive_schemes",
    ),
    Business("Enhanced service: {service}", "APPROVAL", "staff", function="primary_care.enhanced_services"),
    Business(
        "Discretionary payment: {a}",
        "DECISION",
        "staff",
        concerns="one",
        function="primary_care.discretionary_payments",
    ),
    Business("GP access improvement plan", "DISCUSSION", "staff"),
    Business(
        "Remedial notice: {a}", "DECISION", "staff", part="PRIVATE", concerns="one", function="primary_care.contracts"
    ),
    Business(
        "New practice procurement: {locality}",
        "DECISION",
        "staff",
        part="PRIVATE",
        function="primary_care.new_practices",
    ),
)
ROTATING = {
    "GOVERNING_BODY": (
        Business("Board Assurance Framework and corporate risk register", "ASSURANCE", 4),
        Business("{topic} strategy", "DECISION", 4),
        Business("Review of {service}", "DISCUSSION", "staff"),
        Business("Patient and public engagement report", "INFORMATION", 3),
        Business("Safeguarding annual report", "NOTE", 6),
        Business("Equality and diversity annual report", "NOTE", "staff"),
        Business("Policies for ratification", "RATIFICATION", "secretary"),
        Business("Conflicts of interest: annual audit", "ASSURANCE", "secretary"),
        Business("Commissioning intentions {year}", "APPROVAL", "staff"),
        Business("Emergency preparedness, resilience and response assurance", "ASSURANCE", 4),
        Business("Mental health investment standard", "ASSURANCE", 5),
        Business("Winter plan", "APPROVAL", 4),
        Business("Continuing healthcare performance", "ASSURANCE", 6),
        Business(
            "Reports from committees",
            "NOTE",
            "secretary",
            paper=False,
            sub_items=("Audit committee: key issues", "Council of members: key issues"),
        ),
        Business("Contract negotiations with {trust}", "DECISION", 5, part="PRIVATE"),
        Business("Individual funding request appeal", "DECISION", 6, part="PRIVATE"),
        Business("Legal claim: update", "NOTE", "secretary", part="PRIVATE"),
        Business("Organisational change: staff consultation", "DISCUSSION", 4, part="PRIVATE"),
        Business("Procurement of {service}", "DECISION", "staff", part="PRIVATE"),
    ),
    "AUDIT": (
        Business("External audit plan", "NOTE", 5),
        Business("Losses and special payments", "NOTE", 5),
        Business("Conflicts of interest: annual audit", "ASSURANCE", "secretary"),
        Business("Corporate risk register", "ASSURANCE", 4),
        Business("Tender waivers", "NOTE", 5),
        Business("Annual accounts and annual report", "APPROVAL", 5),
        Business("Counter fraud investigation", "NOTE", 5, part="PRIVATE"),
    ),
    "COUNCIL_OF_MEMBERS": (
        Business("Commissioning intentions {year}: consultation", "DISCUSSION", "staff"),
        Business("Proposed changes to the constitution", "DISCUSSION", "secretary"),
        Business("Member engagement survey results", "INFORMATION", 3),
        Business("Primary care strategy", "DISCUSSION", "staff"),
        Business("Annual general meeting arrangements", "NOTE", "secretary"),
    ),
    "PRIMARY_CARE_COMMISSIONING": PRIMARY_CARE_BUSINESS,
    "JOINT_COMMITTEE": PRIMARY_CARE_BUSINESS,
}
# Conflicts make this item inquorate when the GPs leave the room: decided by chair's action, ratified later.
INCENTIVE_SCHEME = Business("Primary care incentive scheme {year}", "DECISION", "staff", concerns="all")
ANNUAL_BUSINESS = (
    Business("Annual operating plan {year}", "APPROVAL", 4),
    Business(
        "Revenue and capital budgets {year}",
        "APPROVAL",
        5,
        paper=False,
        sub_items=("Revenue budget", "Capital programme", "Running cost budget"),
    ),
    Business("QIPP plan {year}", "APPROVAL", 5),
    Business(
        "Contracts for {year}",
        "APPROVAL",
        5,
        paper=False,
        sub_items=("Contract with {trust}", "Contract with {trust2}", "Contract with {trust3}"),
    ),
    Business("Annual report timetable", "NOTE", "secretary"),
    Business("Standing orders and scheme of reservation and delegation", "APPROVAL", "secretary"),
    Business("Register of interests: annual review", "NOTE", "secretary"),
)


@dataclass
class PlannedItem:
    row: tuple  # rows.AgendaItem
    business: bool  # not one of the standard items
    function: str | None = None
    presenter_id: uuid.UUID | None = None
    sub_items: list[PlannedItem] = field(default_factory=list)

    @property
    def decides(self) -> bool:
        return self.business and self.row.purpose in DECIDING and not self.sub_items


def in_agenda_order(items: list[PlannedItem]) -> list[PlannedItem]:
    """Every item, each followed by its sub-items."""
    return [each for item in items for each in (item, *item.sub_items)]


def financial_year(day: date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def is_annual_meeting(committee: CommitteeInfo, day: date) -> bool:
    return committee.kind == "GOVERNING_BODY" and day.month == 3


def business_for(committee: CommitteeInfo, day: date, rng: Rng, live_functions: set[str]) -> list[Business]:
    """The month's business, in the order it is taken."""
    kind = committee.kind
    usable = [b for b in ROTATING[kind] if b.function is None or b.function in live_functions]
    chosen = list(EVERY_MEETING[kind])
    if is_annual_meeting(committee, day):
        chosen += ANNUAL_BUSINESS + tuple(usable)
    else:
        chosen += rng.sample(usable, min(len(usable), rng.randint(2, 4)))
        if kind == "GOVERNING_BODY" and rng.chance(0.08):
            chosen.append(INCENTIVE_SCHEME)
    return sorted(chosen, key=lambda b: b.part != "PUBLIC")  # Part I first, in the order chosen


def lay_out(
    committee: CommitteeInfo,
    meeting_id: uuid.UUID,
    day: date,
    business: list[Business],
    rng: Rng,
    presenter: Callable,
    practices: list[PracticeInfo],
) -> list[PlannedItem]:
    """Agenda rows: the standard opening, the business, questions from the public, Part II."""
    items: list[PlannedItem] = []

    def add(
        title: str,
        purpose: str,
        minutes: int,
        part: str,
        spec: Business | None = None,
        *,
        parent: PlannedItem | None = None,
        paper: bool = False,
        concerns: list[PracticeInfo] = (),
    ) -> PlannedItem:
        siblings = parent.sub_items if parent else items
        person, label = presenter(spec.presenter if spec else "chair", day)
        item = PlannedItem(
            rows.AgendaItem(
                org_id=committee.org_id,
                id=rng.new_id(),
                meeting_id=meeting_id,
                committee_id=committee.id,
                parent_id=parent and parent.row.id,
                position=len(siblings) + 1,
                title=title,
                presenter=label,
                minutes_allotted=minutes,
                purpose=purpose,
                part=part,
                needs_paper=paper,
                closing=parent is None and title == QUESTIONS.title and QUESTIONS.at_end,
                concerns_org_ids=[],
                concerns_practice_ids=[p.id for p in concerns],
            ),
            business=spec is not None,
            function=spec and spec.function,
            presenter_id=person,
        )
        siblings.append(item)
        return item

    for template in OPENING:
        add(template.title, template.purpose.value, template.minutes, "PUBLIC")
    target = ANNUAL_MEETING_ITEMS if is_annual_meeting(committee, day) else None
    count = len(OPENING) + 1  # with the questions from the public
    for spec in business:
        subs = tuple(committee.host.localities) if spec.sub_items == ("{locality}",) else spec.sub_items
        if target is not None and count + 1 + len(subs) > target:
            continue
        concerns = _concerns(spec.concerns, rng, practices)
        words = _words(committee.host, day, rng, concerns or practices)
        parent = add(
            spec.title.format(**words),
            spec.purpose,
            rng.choice((10, 15, 20, 30)),
            spec.part,
            spec,
            paper=spec.paper and not subs,
            concerns=concerns,
        )
        for sub in subs:
            add(sub.format(**words), spec.purpose, 5, spec.part, spec, parent=parent, paper=True)
        count += 1 + len(subs)
    while target is not None and count < target:  # the annual meeting made up to its size with policies
        add(
            f"Policy for ratification: {rng.choice(POLICIES)}",
            "RATIFICATION",
            5,
            "PUBLIC",
            Business("", "RATIFICATION", "secretary"),
            paper=True,
        )
        count += 1
    add(QUESTIONS.title, QUESTIONS.purpose.value, QUESTIONS.minutes, "PUBLIC")
    ordered = [i for i in items if i.row.part == "PUBLIC"] + [i for i in items if i.row.part == "PRIVATE"]
    for position, item in enumerate(ordered, start=1):  # Part I (questions last), then Part II, as moved in the app
        item.row = item.row._replace(position=position)
    return ordered


POLICIES = (
    "Health and safety",
    "Information governance",
    "Freedom to speak up",
    "Anti-fraud and bribery",
    "Business continuity",
    "Records management",
    "Complaints",
    "Sponsorship and joint working",
)


def _concerns(how: str, rng: Rng, practices: list[PracticeInfo]) -> list[PracticeInfo]:
    if how == "all":
        return practices
    if how in ("one", "pair") and len(practices) >= 2:
        return rng.sample(practices, 1 if how == "one" else 2)
    return []


def _words(ccg: CcgInfo, day: date, rng: Rng, practices: list[PracticeInfo]) -> dict[str, str]:
    trusts = rng.sample(names.TRUSTS[:6], 3)
    first, second = (practices * 2)[:2] if len(practices) < 2 else practices[:2]
    return {
        "month": str((day.month - 4) % 12 + 1),
        "year": financial_year(day),
        "topic": rng.choice(TOPICS),
        "service": rng.choice(SERVICES),
        "trust": trusts[0],
        "trust2": trusts[1],
        "trust3": trusts[2],
        "locality": rng.choice(ccg.localities),
        "a": first.name,
        "b": second.name,
    }
