"""The demo's membership surveys: Bolton's engagement survey, last year's round closed and published (with
groups withheld by the disclosure audit, and the reasons for the board secretary) and this year's open, still
to be answered by Dr Fiona Clarke and Dr Rajesh Mistry, showing only a stepped count of responses; and a draft
follow-up asked of one practice alone, closing in a fortnight, as the survey builder sets them.

Written as the owner, like the rest of the demo; responses are anonymous (no person, practice or time), and
their tallies are counted by the database's own function, as sending them through the app would.
"""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from sqlalchemy import insert, select, text

from quorum import clock
from quorum.access import Role
from quorum.organisations.tables import Practice
from quorum.people.tables import Person
from quorum.surveys.audience import Audience, AudienceRole, MemberFacts, PracticeFacts, invitation, respondents
from quorum.surveys.definition import Condition, Question, QuestionKind
from quorum.surveys.tables import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse, SurveySection
from quorum.surveys.templates import MEMBER_OWNERSHIP

LAST_ROUND = "Member ownership and engagement 2025"
THIS_ROUND = "Member ownership and engagement 2026"
ONE_PRACTICE = "Engagement follow-up for one practice"
FOLLOWED_UP = "P82002"  # Dr Fiona Clarke's practice
# Who is asked: the GP partners of every member practice (three a practice) and the governing body's seven voting
# members, its leaders (Dr Mistry answers among them: leaders are exactly that role, so that no split crossed with
# another singles out a few), so that each locality, list size band and role holds
# enough people for its results to show (groups of five or more). Last round most answered; this round, three.
PARTNERS_PER_PRACTICE = 3
GOVERNING_BODY_MEMBERS = 7
ANSWERED = {LAST_ROUND: lambda n: n % 6 != 5, THIS_ROUND: lambda n: n in (9, 12, 18)}
_TALLY_KEYS = "org_id, survey_id, question_id, item, choice, group_role, group_locality, group_leader, group_band"
_TALLIED_KEYS = ", ".join("d." + key for key in _TALLY_KEYS.split(", "))


async def seed_surveys(conn, org_id, practice_ids: dict) -> None:
    if await conn.scalar(select(Survey.id).where(Survey.org_id == org_id, Survey.title == LAST_ROUND)) is not None:
        return
    secretary = await conn.scalar(select(Person.id).where(Person.email == "helen.hargreaves@demo.quorum.example"))
    practices = (
        await conn.execute(
            select(Practice.id, Practice.name, Practice.locality, Practice.list_size).where(Practice.org_id == org_id)
        )
    ).all()
    members = [
        MemberFacts(
            uuid.uuid4(),
            frozenset({Role.PRACTICE_REPRESENTATIVE}),
            (PracticeFacts(p.id, p.name, p.locality, p.list_size),),
            False,
        )
        for p in sorted(practices, key=lambda p: p.name)
        for _ in range(PARTNERS_PER_PRACTICE)
    ] + [
        MemberFacts(uuid.uuid4(), frozenset({Role.GOVERNING_BODY_MEMBER}), (), True)
        for _ in range(GOVERNING_BODY_MEMBERS)
    ]
    template = MEMBER_OWNERSHIP
    invited = invitation(members, template.audience, template.respondent_unit)
    groups = [respondents(m, template.audience, template.respondent_unit)[0].groups for m in members]
    now = clock.now()
    previous = None
    for title, status, closes_at in (
        (LAST_ROUND, "CLOSED", now - timedelta(days=300)),
        (THIS_ROUND, "OPEN", now + timedelta(days=21)),
    ):
        survey_id = uuid.uuid4()
        await conn.execute(
            insert(Survey).values(
                org_id=org_id,
                id=survey_id,
                title=title,
                description=template.description,
                status=status,
                anonymity=template.anonymity,
                respondent_unit=template.respondent_unit,
                audience=template.audience.to_data(),
                closes_at=closes_at,
                results_published=status == "CLOSED",
                previous_round_id=previous,
                template_key=template.key,
                invited=invited,
                created_by=secretary,
            )
        )
        question_ids = await _store(conn, org_id, survey_id)
        rng = random.Random(title)
        for g in (g for n, g in enumerate(groups) if ANSWERED[title](n)):
            response_id = uuid.uuid4()
            await conn.execute(
                insert(SurveyResponse).values(
                    org_id=org_id,
                    survey_id=survey_id,
                    id=response_id,
                    status="SUBMITTED",
                    group_role=g.role,
                    group_locality=g.locality,
                    group_leader=g.leader,
                    group_band=g.band,
                )
            )
            rows = _answers(rng, g.leader)
            await conn.execute(
                insert(SurveyAnswer),
                [
                    {
                        "org_id": org_id,
                        "survey_id": survey_id,
                        "response_id": response_id,
                        "question_id": question_ids[key],
                        "choice": None,
                        "choices": None,
                        "number": None,
                        "text": None,
                        **answer,
                    }
                    for key, answer in rows
                ],
            )
        await conn.execute(
            text(
                f"INSERT INTO survey_tally ({_TALLY_KEYS}, count) SELECT {_TALLIED_KEYS},"
                " sum(d.n) FROM survey_response r, survey_response_tallies(r.org_id, r.id) d"
                f" WHERE r.survey_id = :survey GROUP BY {_TALLIED_KEYS}"
            ),
            {"survey": survey_id},
        )
        previous = survey_id


async def seed_one_practice_draft(conn, org_id, practice_ids: dict) -> None:
    """A draft for one practice's representatives, closing in a fortnight: what the builder's audience of a single
    practice and closing time look like before the survey is opened."""
    if await conn.scalar(select(Survey.id).where(Survey.org_id == org_id, Survey.title == ONE_PRACTICE)) is not None:
        return
    secretary = await conn.scalar(select(Person.id).where(Person.email == "helen.hargreaves@demo.quorum.example"))
    template = MEMBER_OWNERSHIP
    survey_id = uuid.uuid4()
    audience = Audience(
        roles=frozenset({AudienceRole.PRACTICE_REPRESENTATIVE}), practice_ids=frozenset({practice_ids[FOLLOWED_UP]})
    )
    await conn.execute(
        insert(Survey).values(
            org_id=org_id,
            id=survey_id,
            title=ONE_PRACTICE,
            description=template.description,
            status="DRAFT",
            anonymity=template.anonymity,
            respondent_unit=template.respondent_unit,
            audience=audience.to_data(),
            closes_at=clock.now() + timedelta(days=14),
            template_key=template.key,
            created_by=secretary,
        )
    )
    await _store(conn, org_id, survey_id)


async def _store(conn, org_id, survey_id) -> dict[str, uuid.UUID]:
    ids = {}
    position = 0
    for number, section in enumerate(MEMBER_OWNERSHIP.definition.sections):
        section_id = uuid.uuid4()
        await conn.execute(
            insert(SurveySection).values(
                org_id=org_id,
                survey_id=survey_id,
                id=section_id,
                position=number,
                title=section.title,
                description=section.description,
                show_if=section.show_if and section.show_if.to_data(),
            )
        )
        for question in section.questions:
            ids[question.key] = uuid.uuid4()
            await conn.execute(
                insert(SurveyQuestion).values(
                    org_id=org_id,
                    survey_id=survey_id,
                    id=ids[question.key],
                    section_id=section_id,
                    position=position,
                    key=question.key,
                    kind=question.kind.value,
                    prompt=question.prompt,
                    help_text=question.help_text,
                    required=question.required,
                    options=[{"key": o.key, "label": o.label} for o in question.options],
                    statements=[{"key": o.key, "label": o.label} for o in question.statements],
                    minimum=question.minimum,
                    maximum=question.maximum,
                    show_if=question.show_if and question.show_if.to_data(),
                )
            )
            position += 1
    return ids


def _answers(rng: random.Random, leader: bool) -> list[tuple[str, dict]]:
    """One practice's answers to the template: leaders agree more often, as the King's Fund found."""
    given: dict[tuple[str, str], str] = {}
    rows = []
    for section in MEMBER_OWNERSHIP.definition.sections:
        if not _shown(section.show_if, given):
            continue
        for question in section.questions:
            if not _shown(question.show_if, given):
                continue
            rows += _answer(rng, question, leader, given)
    return rows


def _shown(condition: Condition | None, given: dict[tuple[str, str], str]) -> bool:
    if condition is None:
        return True
    return given.get((condition.question_key, condition.statement_key or "")) in condition.any_of


def _answer(rng: random.Random, question: Question, leader: bool, given: dict) -> list[tuple[str, dict]]:
    keys = [o.key for o in question.scale]
    if question.kind in (QuestionKind.AGREEMENT, QuestionKind.MATRIX):
        weights = [3, 4, 1, 1, 0, 1] if leader else [1, 2, 2, 3, 1, 1]
        items = [s.key for s in question.statements] or [""]
        found = []
        for item in items:
            choice = rng.choices(keys, weights[: len(keys)])[0]
            given[(question.key, item)] = choice
            found.append((question.key, {"item": item, "choice": choice}))
        return found
    if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.RATING):
        choice = rng.choice(keys)
        given[(question.key, "")] = choice
        return [(question.key, {"item": "", "choice": choice})]
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return [(question.key, {"item": "", "choices": sorted(rng.sample(keys, min(2, len(keys))))})]
    if question.kind == QuestionKind.NUMBER:
        low = int(question.minimum or 0)
        return [(question.key, {"item": "", "number": rng.randint(low, max(low, int(question.maximum or 10)))})]
    return []  # written answers are left to real respondents
