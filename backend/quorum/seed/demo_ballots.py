"""The demo's council of members ballots: a representative for every practice, and one ballot open in Bolton and
one in Islington, some practices having voted through the app's own voting code.

Representatives beyond the demo people are named by the national-scale generator's name lists. Dr Mistry's,
Dr Clarke's and Dr Mensah's practices have not voted yet: each still has a ballot paper waiting.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from quorum import clock
from quorum.access import Role
from quorum.auth.demo_people import DEMO_DOMAIN
from quorum.auth.identity import Identity, transaction_for
from quorum.ballots import service as ballots
from quorum.ballots.tables import Ballot, BallotSettings, Majority, QuestionKind, TurnoutBasis, Weighting
from quorum.ballots.voting import Answer, cast_vote
from quorum.organisations.tables import Practice
from quorum.people.tables import Membership, Person, PersonRegistration
from quorum.seed.scale.organisations import person_name
from quorum.seed.scale.plan import rng_for

TITLE = "Proposed changes to the constitution: the council of members"
# Practices (by position in ODS order) whose representatives have voted, with how: five of eleven, short of the
# half the turnout needs, which the six still to vote can reach.
VOTED = {3: "FOR", 4: "FOR", 6: "AGAINST", 8: "FOR", 10: "ABSTAIN"}
REPRESENTATIVES_FROM = date(2025, 4, 1)


async def seed_representatives(conn, org_ids: dict) -> None:
    """Voting rules and a representative for every practice of Bolton and Islington (as the owner)."""
    for ods in ("00T", "08H"):
        org_id = org_ids[ods]
        await conn.execute(
            insert(BallotSettings)
            .values(
                org_id=org_id,
                weighting=Weighting.EQUAL,
                turnout_basis=TurnoutBasis.PRACTICES,
                turnout_threshold=Decimal("50"),
                majority=Majority.SIMPLE,
                votes_may_change=True,
            )
            .on_conflict_do_nothing()
        )
        represented = set(
            (
                await conn.execute(
                    select(Membership.practice_id).where(
                        Membership.org_id == org_id, Membership.role == Role.PRACTICE_REPRESENTATIVE
                    )
                )
            ).scalars()
        )
        rng = rng_for(18, "demo", "representatives", ods)
        practices = (
            await conn.execute(select(Practice).where(Practice.org_id == org_id).order_by(Practice.ods_code))
        ).all()
        for practice in practices:
            name = person_name(rng, doctor=True)  # drawn for every practice, so names stay put between runs
            if practice.id in represented:
                continue
            email = f"rep.{practice.ods_code.lower()}@{DEMO_DOMAIN}"
            await conn.execute(insert(Person).values(email=email, name=name).on_conflict_do_nothing())
            person = await conn.scalar(select(Person.id).where(Person.email == email))
            await conn.execute(
                insert(PersonRegistration).values(org_id=org_id, person_id=person).on_conflict_do_nothing()
            )
            await conn.execute(
                insert(Membership).values(
                    org_id=org_id,
                    person_id=person,
                    role=Role.PRACTICE_REPRESENTATIVE,
                    practice_id=practice.id,
                    valid_from=REPRESENTATIVES_FROM,
                )
            )


async def open_ballots(secretaries: dict[uuid.UUID, uuid.UUID]) -> None:
    """For each CCG (org id -> its board secretary): the ballot opened three days ago, if not there already, and
    some practices' votes cast by their representatives."""
    for org_id, secretary in secretaries.items():
        identity = Identity.of_person(secretary)
        async with transaction_for(identity) as (db, access):
            if await db.first(select(Ballot).where(Ballot.org_id == org_id, Ballot.title == TITLE)) is not None:
                continue
            now = clock.now()
            ballot = await ballots.create_ballot(
                db,
                access,
                org_id=org_id,
                title=TITLE,
                description="The governing body proposes that the council of members meets four times a year "
                "instead of twice, with a quorum of half its member practices. The constitution changes only "
                "if a majority of the practices voting agree.",
                secret=False,
                opens_at=now - timedelta(days=3),
                closes_at=now + timedelta(days=18),
                questions=[
                    ballots.QuestionDraft(
                        "Do you agree to the proposed changes to the constitution?", QuestionKind.FOR_AGAINST
                    )
                ],
                document=None,
            )
            ballot_id = ballot.id
            (question, options), *_ = await ballots.questions_of(db, ballot)
            by_kind = {o.kind.value if hasattr(o.kind, "value") else o.kind: o.id for o in options}
            practices = await db.all(
                select(Practice.id, Membership.person_id)
                .join(Membership, (Membership.practice_id == Practice.id) & (Membership.org_id == Practice.org_id))
                .where(Practice.org_id == org_id, Membership.role == Role.PRACTICE_REPRESENTATIVE)
                .order_by(Practice.ods_code)
            )
        for position, (practice_id, representative) in enumerate(practices, start=1):
            choice = VOTED.get(position)
            if choice is None:
                continue
            async with transaction_for(Identity.of_person(representative)) as (db, access):
                await cast_vote(
                    db,
                    access,
                    ballot_id=ballot_id,
                    practice_id=practice_id,
                    answers=[Answer(question.id, (by_kind[choice],))],
                    submission_key=None,
                )
