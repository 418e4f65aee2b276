"""Membership engagement surveys: a round of the template survey each autumn (one open now), plus a
confidential survey answered once per practice and a named one, each with responses.

Every response is checked by the app's own rules (quorum.surveys.definition.review) before it is
kept; respondents' groups and the invitation counts come from quorum.surveys.audience; anonymous
responses carry only a resume-token hash and leave a participation marker, as in the app. The tallies
are then counted by the database's own survey_response_tallies(), response by response.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from decimal import Decimal

import asyncpg

from quorum.access import Role
from quorum.seed.scale import rows
from quorum.seed.scale.loader import Rows
from quorum.seed.scale.plan import Rng, london
from quorum.seed.scale.world import CcgInfo, World
from quorum.surveys.audience import Audience, AudienceRole, MemberFacts, PracticeFacts, invitation, respondents
from quorum.surveys.definition import AGREEING, Answer, Definition, Option, Question, QuestionKind, Section, review
from quorum.surveys.tables import RespondentUnit
from quorum.surveys.templates import MEMBER_OWNERSHIP

K = QuestionKind
PRACTICE_VIEWS = Definition(
    (
        Section(
            title="Commissioning intentions",
            questions=(
                Question(
                    key="priorities_right",
                    kind=K.AGREEMENT,
                    required=True,
                    prompt="The draft commissioning intentions reflect my practice's priorities.",
                ),
                Question(
                    key="first_priority",
                    kind=K.SINGLE_CHOICE,
                    required=True,
                    prompt="Which area matters most to your patients?",
                    options=(
                        Option("urgent_care", "Urgent care"),
                        Option("mental_health", "Mental health"),
                        Option("community", "Community services"),
                        Option("planned_care", "Planned care"),
                    ),
                ),
                Question(key="comments", kind=K.LONG_TEXT, prompt="Anything else the CCG should know?"),
            ),
        ),
    )
)
LOCALITY_MEETINGS = Definition(
    (
        Section(
            title="Locality meetings",
            questions=(
                Question(
                    key="best_time",
                    kind=K.SINGLE_CHOICE,
                    required=True,
                    prompt="When suits you best for locality meetings?",
                    options=(
                        Option("lunchtime", "Lunchtime"),
                        Option("evening", "Early evening"),
                        Option("protected", "Protected learning time"),
                    ),
                ),
                Question(
                    key="online", kind=K.AGREEMENT, required=True, prompt="I would join locality meetings online."
                ),
            ),
        ),
    )
)
PRIORITIES = ("Urgent care", "Mental health", "Primary care workforce", "Waiting lists", "Prevention", "Estates")
CHANGES = (
    "More say in commissioning decisions.",
    "Better feedback on what happened to our views.",
    "Meetings at times GPs can attend.",
    "Shorter papers and clearer decisions.",
)
TEXTS = {K.SHORT_TEXT: PRIORITIES, K.LONG_TEXT: CHANGES}


def build(world: World, loader: Rows, ccgs: list[CcgInfo]) -> None:
    committees = [c for ccg in world.ccgs for c in ccg.committees.values()]
    for ccg in ccgs:
        rng = world.rng("surveys", ccg.ods_code)
        seated = [(s, ccg.id) for c in committees for s in c.seats if c.org_id == ccg.id or s.party_org_id == ccg.id]
        previous = None
        years = range(world.anchor.year - (world.scale.history_months // 12), world.anchor.year)
        for year in years:
            opened = date(year, 10, 6)
            if opened >= world.anchor:
                continue
            previous = _survey(
                world,
                loader,
                rng,
                ccg,
                seated,
                _template_round(year, previous),
                opened,
                closes=london(date(year, 11, 10), 17),
            )
        _survey(
            world,
            loader,
            rng,
            ccg,
            seated,
            _template_round(world.anchor.year, previous),
            world.anchor - timedelta(days=7),
            closes=london(world.anchor + timedelta(days=40), 17),
            still_open=True,
        )
        middle = world.anchor - timedelta(days=min(200, 15 * world.scale.history_months))
        _survey(
            world,
            loader,
            rng,
            ccg,
            seated,
            {
                "title": "Practice views on the commissioning intentions",
                "anonymity": "CONFIDENTIAL",
                "respondent_unit": "PRACTICE",
                "definition": PRACTICE_VIEWS,
                "template_key": None,
                "previous": None,
                "audience": Audience(roles=frozenset({AudienceRole.PRACTICE_REPRESENTATIVE})),
                "published": False,
            },
            middle,
            closes=london(middle + timedelta(days=21), 17),
        )
        _survey(
            world,
            loader,
            rng,
            ccg,
            seated,
            {
                "title": "Locality meeting arrangements",
                "anonymity": "NAMED",
                "respondent_unit": "PERSON",
                "definition": LOCALITY_MEETINGS,
                "template_key": None,
                "previous": None,
                "published": True,
                "audience": Audience(
                    roles=frozenset({AudienceRole.PRACTICE_REPRESENTATIVE, AudienceRole.GOVERNING_BODY_MEMBER})
                ),
            },
            middle + timedelta(days=30),
            closes=london(middle + timedelta(days=44), 17),
        )


def _template_round(year: int, previous) -> dict:
    template = MEMBER_OWNERSHIP
    return {
        "title": f"{template.title} {year}",
        "anonymity": template.anonymity.value,
        "respondent_unit": template.respondent_unit.value,
        "definition": template.definition,
        "template_key": template.key,
        "audience": template.audience,
        "previous": previous,
        "published": True,
        "description": template.description,
    }


def _survey(
    world: World,
    loader: Rows,
    rng: Rng,
    ccg: CcgInfo,
    seated,
    spec: dict,
    opened: date,
    closes: datetime,
    still_open: bool = False,
):
    survey_id = rng.new_id()
    members = member_facts(world, ccg, seated, opened)
    audience, unit = spec["audience"], spec["respondent_unit"]
    definition: Definition = spec["definition"]
    survey = loader.add(
        rows.Survey(
            org_id=ccg.id,
            id=survey_id,
            title=spec["title"],
            description=spec.get("description", ""),
            status="OPEN" if still_open else "CLOSED",
            anonymity=spec["anonymity"],
            respondent_unit=unit,
            audience=audience.to_data(),
            suppression_threshold=5,
            allow_edits_after_submit=False,
            closes_at=closes,
            results_published=spec["published"] and not still_open,
            previous_round_id=spec["previous"],
            template_key=spec["template_key"],
            invited=invitation(members, audience, _unit(unit)),
            created_by=ccg.secretary_id,
            created_at=london(opened - timedelta(days=10), 10),
        )
    )
    question_ids = _structure(loader, rng, survey, definition)
    ends = min(closes, london(world.anchor, 8))
    asked = [r for m in members for r in respondents(m, audience, _unit(unit))]
    rate = rng.uniform(0.25, 0.45) if still_open else rng.uniform(0.5, 0.8)
    for respondent in asked:
        if not rng.chance(rate):
            continue
        draft = still_open and rng.chance(0.1)
        moment = london(opened, 9) + (ends - london(opened, 9)) * rng.random()
        _response(loader, rng, survey, definition, question_ids, respondent, draft, moment)
    return survey_id


def _unit(unit: str) -> RespondentUnit:
    return RespondentUnit(unit)


def member_facts(world: World, ccg: CcgInfo, seated, day: date) -> list[MemberFacts]:
    """Each member of the CCG on `day` as the app's member_facts() finds them: roles, practices, seats."""
    roles: dict = {}
    practices: dict = {}
    for person in (ccg.secretary_id,):
        roles.setdefault(person, set()).update({Role.BOARD_SECRETARY, Role.ADMINISTRATOR})
    for person in ccg.staff_ids:
        roles.setdefault(person, set()).add(Role.STAFF)
    for tenure in ccg.governing_body_on(day):
        roles.setdefault(tenure.person_id, set()).add(Role.GOVERNING_BODY_MEMBER)
    for p in ccg.practices:
        roles.setdefault(p.rep_id, set()).add(Role.PRACTICE_REPRESENTATIVE)
        practices.setdefault(p.rep_id, []).append(PracticeFacts(p.id, p.name, p.locality, p.list_size))
    sitting = {seat.person_id for seat, _ in seated if seat.active_on(day)}
    return [
        MemberFacts(
            person, frozenset(held), tuple(sorted(practices.get(person, ()), key=lambda p: p.name)), person in sitting
        )
        for person, held in roles.items()
    ]


def _structure(loader: Rows, rng: Rng, survey: tuple, definition: Definition) -> dict[str, object]:
    """Sections and questions stored as the app's survey service stores a definition."""
    owned = {"org_id": survey.org_id, "survey_id": survey.id}
    question_ids, position = {}, 0
    for number, section in enumerate(definition.sections):
        section_id = rng.new_id()
        loader.add(
            rows.SurveySection(
                **owned,
                id=section_id,
                position=number,
                title=section.title.strip(),
                description=section.description.strip(),
                show_if=section.show_if and section.show_if.to_data(),
            )
        )
        for question in section.questions:
            question_ids[question.key] = rng.new_id()
            loader.add(
                rows.SurveyQuestion(
                    **owned,
                    id=question_ids[question.key],
                    section_id=section_id,
                    position=position,
                    key=question.key,
                    kind=question.kind.value,
                    prompt=question.prompt.strip(),
                    help_text=question.help_text.strip(),
                    required=question.required,
                    options=[{"key": o.key, "label": o.label.strip()} for o in question.options],
                    statements=[{"key": o.key, "label": o.label.strip()} for o in question.statements],
                    minimum=question.minimum,
                    maximum=question.maximum,
                    show_if=question.show_if and question.show_if.to_data(),
                )
            )
            position += 1
    return question_ids


def _response(
    loader: Rows,
    rng: Rng,
    survey: tuple,
    definition: Definition,
    question_ids: dict,
    respondent,
    draft: bool,
    moment: datetime,
) -> None:
    groups = respondent.groups
    warmth = (0.7 if groups.leader else 0.4) + rng.uniform(-0.15, 0.15)  # leaders feel more ownership (King's Fund)
    answers = [a for q in definition.questions for a in _answers(rng, q, warmth, draft)]
    reviewed = review(definition, answers, complete=not draft)
    if reviewed.errors:
        raise ValueError(f"a generated response is not valid: {reviewed.errors}")
    response_id = rng.new_id()
    anonymous = survey.anonymity == "ANONYMOUS"
    token_hash = hashlib.sha256(rng.randbytes(32)).hexdigest() if anonymous else None
    loader.add(
        rows.SurveyResponse(
            org_id=survey.org_id,
            survey_id=survey.id,
            id=response_id,
            status="DRAFT" if draft else "SUBMITTED",
            group_role=groups.role,
            group_locality=groups.locality,
            group_leader=groups.leader,
            group_band=groups.band,
            resume_token_hash=token_hash,
        )
    )
    for answer in reviewed.kept:
        loader.add(
            rows.SurveyAnswer(
                org_id=survey.org_id,
                survey_id=survey.id,
                response_id=response_id,
                question_id=question_ids[answer.question_key],
                item=answer.item,
                choice=answer.choice,
                choices=list(answer.choices) if answer.choices else None,
                number=answer.number,
                text=answer.text.strip() if answer.text is not None else None,
            )
        )
    practice = respondent.practice and respondent.practice.id
    if anonymous and not draft:
        loader.add(
            rows.SurveyParticipation(
                org_id=survey.org_id,
                survey_id=survey.id,
                anonymity="ANONYMOUS",
                respondent=practice or respondent.person_id,
            )
        )
    elif not anonymous:
        loader.add(
            rows.SurveyRespondent(
                org_id=survey.org_id,
                survey_id=survey.id,
                anonymity=survey.anonymity,
                response_id=response_id,
                person_id=respondent.person_id,
                practice_id=practice,
                submitted_at=None if draft else moment,
            )
        )


def _answers(rng: Rng, question: Question, warmth: float, draft: bool) -> list[Answer]:
    """An answer to every question (the optional ones mostly), kept by review() only where shown."""
    if (not question.required and rng.chance(0.2)) or (draft and rng.chance(0.5)):
        return []
    kind, key = question.kind, question.key
    if kind in (K.AGREEMENT, K.MATRIX):
        return [Answer(key, item, choice=_agreement(rng, question, warmth)) for item in question.items]
    if kind == K.RATING:
        return [Answer(key, choice=str(max(0, min(10, round(rng.gauss(10 * warmth, 2))))))]
    if kind == K.SINGLE_CHOICE:
        return [Answer(key, choice=rng.choice(question.options).key)]
    if kind == K.MULTIPLE_CHOICE:
        keys = [o.key for o in question.options if o.key != "none"]
        picked = tuple(rng.sample(keys, rng.randint(1, min(3, len(keys))))) if rng.chance(0.85) else ("none",)
        return [Answer(key, choices=picked)]
    if kind == K.NUMBER:
        low, high = int(question.minimum or 0), int(min(question.maximum or 100, 40))
        return [Answer(key, number=Decimal(rng.randint(low, high)))]
    if rng.chance(0.5):
        return [Answer(key, text=rng.choice(TEXTS[kind]))]
    return []


def _agreement(rng: Rng, question: Question, warmth: float) -> str:
    scale = [o.key for o in question.scale]
    agreeing = [k for k in scale if k in AGREEING]
    if agreeing and rng.chance(warmth):
        return rng.choice(agreeing)
    return rng.choice([k for k in scale if k not in AGREEING])


async def count_tallies(conn: asyncpg.Connection) -> int:
    """The results' tallies, summed from what the app's own function counts for each sent response."""
    return int(
        (
            await conn.execute(
                """
        INSERT INTO survey_tally (org_id, survey_id, question_id, item, choice, group_role, group_locality,
        group_leader,
                                  group_band, count)
        SELECT t.org_id, t.survey_id, t.question_id, t.item, t.choice, t.group_role, t.group_locality, t.group_leader,
               t.group_band, sum(t.n)
        FROM survey_response r CROSS JOIN LATERAL survey_response_tallies(r.org_id, r.id) t
        WHERE r.status = 'SUBMITTED'
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        """
            )
        ).split()[-1]
    )
