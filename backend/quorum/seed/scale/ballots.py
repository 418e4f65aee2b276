"""Council of members ballots: two a year, and one open now in every CCG, with votes cast as the app casts them.

Each ballot copies its CCG's voting rules; its electorate (every practice, with its list size) is
frozen at the first vote. Named ballots keep each practice's answers. Secret ballots keep running totals
only, added by the database's own trigger (migration 0005) from the papers queued before each batch of
participations, exactly as the app's votes reach them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import asyncpg

from quorum.seed.scale import names, rows
from quorum.seed.scale.loader import Rows
from quorum.seed.scale.plan import Rng, add_months, london, nth_weekday
from quorum.seed.scale.world import CcgInfo, World

FOR_AGAINST = (("FOR", "For"), ("AGAINST", "Against"), ("ABSTAIN", "Abstain"))
KINDS = ("accounts", "constitution", "chair", "gp_members")


@dataclass
class SecretBallot:
    """A secret ballot's participations, and the paper (options chosen) each carries, in the same order."""

    participations: list[tuple] = field(default_factory=list)
    papers: list[list[str]] = field(default_factory=list)


def build(world: World, loader: Rows) -> list[SecretBallot]:
    secret = []
    for ccg in world.ccgs:
        rng = world.rng("ballots", ccg.ods_code)
        months = range(-world.scale.history_months + 2, 0, 6)
        for number, offset in enumerate(months):
            opens = london(nth_weekday(add_months(world.anchor, offset), 0, 1), 9)
            secret += _ballot(
                world, loader, rng, ccg, KINDS[number % len(KINDS)], opens, opens + timedelta(days=21, hours=8)
            )
        opens = london(world.anchor - timedelta(days=5), 9)
        closes = london(world.anchor + timedelta(days=45), 17)
        secret += _ballot(world, loader, rng, ccg, rng.choice(KINDS), opens, closes, turnout=rng.uniform(0.2, 0.45))
        if rng.chance(0.3):  # set up, not yet open
            starts = london(world.anchor + timedelta(days=50), 9)
            _ballot(world, loader, rng, ccg, "constitution", starts, starts + timedelta(days=21), turnout=0)
    return secret


def _ballot(
    world: World,
    loader: Rows,
    rng: Rng,
    ccg: CcgInfo,
    kind: str,
    opens: datetime,
    closes: datetime,
    turnout: float | None = None,
) -> list[SecretBallot]:
    rules = ccg.voting_rules
    secret = rng.chance(0.7 if kind in ("chair", "gp_members") else 0.2)
    title, description, questions = _questions(rng, kind, opens)
    ballot_id = rng.new_id()
    voting_ends = min(closes, london(world.anchor, 8))
    share = rng.uniform(0.35, 0.85) if turnout is None else turnout
    voters = rng.sample(ccg.practices, round(len(ccg.practices) * share)) if voting_ends > opens else []
    span = (voting_ends - opens).total_seconds()
    moments = sorted(opens + timedelta(seconds=rng.uniform(60, span - 60)) for _ in voters)
    ballot = loader.add(
        rows.Ballot(
            org_id=ccg.id,
            id=ballot_id,
            title=title,
            description=description,
            document_file_id=None,
            secret=secret,
            opens_at=opens,
            closes_at=closes,
            closed_early_at=None,
            closed_by=None,
            weighting=rules.weighting,
            turnout_basis=rules.turnout_basis,
            turnout_threshold=rules.turnout_threshold,
            majority=rules.majority,
            majority_share=rules.majority_share,
            votes_may_change=rules.votes_may_change and not secret,
            electorate_frozen_at=moments[0] if moments else None,  # by the first vote
            created_by=ccg.secretary_id,
            created_at=min(opens - timedelta(days=14), london(world.anchor - timedelta(days=1), 10)),
        )
    )
    options = []  # (question id, seats, [(option id, kind)])
    for position, (kind_of_question, text, seats, choices) in enumerate(questions, start=1):
        question_id = rng.new_id()
        loader.add(
            rows.BallotQuestion(
                org_id=ccg.id,
                id=question_id,
                ballot_id=ballot_id,
                position=position,
                kind=kind_of_question,
                text=text,
                seats=seats,
            )
        )
        made = []
        for number, (option_kind, label) in enumerate(choices, start=1):
            option_id = rng.new_id()
            loader.add(
                rows.BallotOption(
                    org_id=ccg.id,
                    id=option_id,
                    ballot_id=ballot_id,
                    question_id=question_id,
                    position=number,
                    kind=option_kind,
                    label=label,
                )
            )
            if secret:
                loader.add(
                    rows.BallotTally(
                        org_id=ccg.id,
                        ballot_id=ballot_id,
                        option_id=option_id,
                        question_id=question_id,
                        secret=True,
                        votes=0,
                        weight=0,
                    )
                )
            made.append((option_id, option_kind))
        options.append((question_id, seats, made))
    if not voters:
        return []
    for practice in ccg.practices:
        loader.add(
            rows.BallotElector(
                org_id=ccg.id,
                ballot_id=ballot_id,
                practice_id=practice.id,
                ods_code=practice.ods_code,
                list_size=practice.list_size,
            )
        )
    found = SecretBallot()
    for practice, moment in zip(voters, moments):
        cast_by, proxy_id = practice.rep_id, None
        if rng.chance(0.04):
            proxy_practice = rng.choice([p for p in ccg.practices if p is not practice])
            proxy_id = rng.new_id()
            loader.add(
                rows.BallotProxy(
                    org_id=ccg.id,
                    id=proxy_id,
                    ballot_id=ballot_id,
                    practice_id=practice.id,
                    proxy_person_id=proxy_practice.rep_id,
                    proxy_practice_id=proxy_practice.id,
                    appointed_by=practice.rep_id,
                    appointed_at=moment - timedelta(hours=2),
                )
            )
            cast_by = proxy_practice.rep_id
        paper = [(question_id, _choose(rng, seats, made)) for question_id, seats, made in options]
        changed = None
        if ballot.votes_may_change and rng.chance(0.05) and moment + timedelta(hours=1) < voting_ends:
            changed = moment + timedelta(hours=1)
        participation = rows.BallotParticipation(
            org_id=ccg.id,
            ballot_id=ballot_id,
            practice_id=practice.id,
            cast_by=cast_by,
            proxy_id=proxy_id,
            submission_key=f"{rng.getrandbits(64):016x}",
            recorded_at=moment,
            changed_at=changed,
        )
        if secret:
            found.participations.append(participation)
            found.papers.append([str(o) for _, chosen in paper for o in chosen])
            continue
        loader.add(participation)
        for question_id, chosen in paper:
            loader.add(
                rows.BallotVote(
                    org_id=ccg.id, ballot_id=ballot_id, question_id=question_id, practice_id=practice.id, secret=False
                )
            )
            for option_id in chosen:
                loader.add(
                    rows.BallotVoteChoice(
                        org_id=ccg.id,
                        ballot_id=ballot_id,
                        question_id=question_id,
                        practice_id=practice.id,
                        option_id=option_id,
                    )
                )
    return [found] if secret else []


def _choose(rng: Rng, seats: int, made: list[tuple]) -> list:
    """For, against or abstain; or up to `seats` candidates; or abstain alone."""
    abstain = next(o for o, kind in made if kind == "ABSTAIN")
    candidates = [o for o, kind in made if kind == "CANDIDATE"]
    if not candidates:
        return [rng.choices([o for o, _ in made], (70, 20, 10))[0]]
    if rng.chance(0.05):
        return [abstain]
    weights = list(range(len(candidates), 0, -1))  # the first candidates tend to do better
    chosen: list = []
    while len(chosen) < rng.randint(1, seats):
        pick = rng.choices(candidates, weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def _questions(rng: Rng, kind: str, opens: datetime) -> tuple[str, str, list[tuple]]:
    year = opens.year if opens.month >= 4 else opens.year - 1
    if kind == "accounts":
        return (
            f"Annual report and accounts {year - 1}/{year % 100:02d}",
            "The council of members is asked to approve the annual report and accounts.",
            [("FOR_AGAINST", "Do you approve the annual report and accounts?", 1, FOR_AGAINST)],
        )
    if kind == "constitution":
        return (
            "Changes to the constitution",
            "Changes proposed after the governance review.",
            [
                ("FOR_AGAINST", "Do you approve the revised constitution?", 1, FOR_AGAINST),
                ("FOR_AGAINST", "Do you approve the new scheme of reservation and delegation?", 1, FOR_AGAINST),
            ],
        )
    seats = 1 if kind == "chair" else 2
    count = rng.randint(2, 4) if seats == 1 else rng.randint(3, 5)
    candidates = []
    while len(candidates) < count:
        name = f"Dr {rng.choice(names.FIRST_NAMES)} {rng.choice(names.SURNAMES)}"
        if name not in candidates:
            candidates.append(name)
    title = "Election of the clinical chair" if seats == 1 else "Election of GP members of the governing body"
    question = "Who should be the clinical chair?" if seats == 1 else "Which two GPs should join the governing body?"
    return (
        f"{title}, {opens:%B %Y}",
        "Candidates' statements are in the council of members pack.",
        [("ELECTION", question, seats, [("CANDIDATE", c) for c in candidates] + [("ABSTAIN", "Abstain")])],
    )


async def load_secret(conn: asyncpg.Connection, ballots: list[SecretBallot]) -> int:
    """Secret votes through the database's own trigger: each participation takes the next queued paper."""
    await conn.execute("SET CONSTRAINTS ballot_participation_secret_paper IMMEDIATE")
    columns = list(rows.BallotParticipation._fields)
    count = 0
    for ballot in ballots:
        await conn.execute("SELECT set_config('app.secret_papers', $1, true)", json.dumps(ballot.papers))
        await conn.copy_records_to_table("ballot_participation", records=ballot.participations, columns=columns)
        count += len(ballot.participations)
    await conn.execute("SET CONSTRAINTS ballot_participation_secret_paper DEFERRED")
    return count
