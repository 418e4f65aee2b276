"""Ballot mutations: each a named operation with its checks, its audit entry and a typed payload."""

from __future__ import annotations

from datetime import datetime

import strawberry

from quorum import ids, limits
from quorum.ballots import policy, proxies, service, settings, voting
from quorum.ballots.graphql.types import (
    BallotNode,
    BallotProxyNode,
    BallotSettingsType,
    MajorityEnum,
    PracticeVote,
    QuestionKindEnum,
    TurnoutBasisEnum,
    VoteOutcomeEnum,
    WeightingEnum,
)
from quorum.ballots.service import QuestionDraft
from quorum.ballots.tables import QuestionKind
from quorum.errors import input_error
from quorum.graphql.context import Info
from quorum.graphql.errors import UserError
from quorum.graphql.mutations import mutation, payload
from quorum.organisations.graphql import PracticeNode


@strawberry.input(
    description=("The CCG's constitution on ballots. Percentages are of practices, patients or votes, 0 to 100.")
)
class SetBallotSettingsInput:
    organisation_id: strawberry.ID
    weighting: WeightingEnum
    turnout_basis: TurnoutBasisEnum
    turnout_threshold_percent: float
    majority: MajorityEnum
    majority_percent: float | None = strawberry.field(
        default=None, description="Only for STATED_SHARE: more than 50, at most 100."
    )
    votes_may_be_changed: bool = False


@strawberry.input
class BallotQuestionInput:
    text: str
    kind: QuestionKindEnum = QuestionKind.FOR_AGAINST
    seats: int = 1
    candidates: list[str] = strawberry.field(default_factory=list)


@strawberry.input(description="A PDF or Word document in base64.")
class BallotDocumentInput:
    filename: str
    content_base64: str


@strawberry.input
class CreateBallotInput:
    organisation_id: strawberry.ID
    title: str
    description: str = ""
    secret: bool = False
    opens_at: datetime
    closes_at: datetime
    questions: list[BallotQuestionInput]
    document: BallotDocumentInput | None = None


@strawberry.input
class CloseBallotInput:
    id: strawberry.ID


@strawberry.input
class AppointBallotProxyInput:
    ballot_id: strawberry.ID
    practice_id: strawberry.ID
    proxy_person_id: strawberry.ID


@strawberry.input
class RevokeBallotProxyInput:
    id: strawberry.ID


@strawberry.input
class BallotAnswerInput:
    question_id: strawberry.ID
    option_ids: list[strawberry.ID] = strawberry.field(
        description="One option; or, in an election, up to its seats in candidates."
    )


@strawberry.input
class CastBallotVoteInput:
    ballot_id: strawberry.ID
    practice_id: strawberry.ID | None = strawberry.field(
        default=None, description="Needed only when the viewer may vote for more than one practice (as a proxy)."
    )
    answers: list[BallotAnswerInput]
    submission_key: str | None = strawberry.field(
        default=None,
        description=(
            "Make a random one (a UUID) for each ballot paper and send it again on every retry; "
            "never derive it from the choices."
        ),
    )


BallotSettingsPayload = payload("BallotSettingsPayload", settings=BallotSettingsType)
BallotPayload = payload("BallotPayload", ballot=BallotNode)
BallotProxyPayload = payload("BallotProxyPayload", proxy=BallotProxyNode)


@strawberry.type
class CastBallotVotePayload:
    outcome: VoteOutcomeEnum | None = strawberry.field(
        default=None,
        description="RECORDED, or ALREADY_RECORDED for a repeat (nothing changed), or CHANGED; null with errors.",
    )
    message: str | None = None
    ballot: BallotNode | None = None
    practice: PracticeNode | None = None
    vote: PracticeVote | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class BallotMutations:
    @mutation
    async def set_ballot_settings(self, info: Info, input: SetBallotSettingsInput) -> BallotSettingsPayload:
        ctx = info.context
        row = await settings.set_settings(
            ctx.db,
            ctx.access,
            ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            weighting=input.weighting,
            turnout_basis=input.turnout_basis,
            turnout_threshold=input.turnout_threshold_percent,
            majority=input.majority,
            majority_share=input.majority_percent,
            votes_may_change=input.votes_may_be_changed,
        )
        return BallotSettingsPayload(settings=BallotSettingsType.from_row(row))

    @mutation
    async def create_ballot(self, info: Info, input: CreateBallotInput) -> BallotPayload:
        ctx = info.context
        row = await service.create_ballot(
            ctx.db,
            ctx.access,
            org_id=ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            title=input.title,
            description=input.description,
            secret=input.secret,
            opens_at=input.opens_at,
            closes_at=input.closes_at,
            questions=[
                QuestionDraft(q.text, QuestionKind(q.kind), q.seats, list(q.candidates)) for q in input.questions
            ],
            document=input.document and (input.document.filename, input.document.content_base64),
        )
        return BallotPayload(ballot=BallotNode.from_row(row))

    @mutation(description="Close an open ballot before its closing time.")
    async def close_ballot(self, info: Info, input: CloseBallotInput) -> BallotPayload:
        ctx = info.context
        row = await service.close_ballot(ctx.db, ctx.access, ids.decode_as("Ballot", input.id, "id"))
        return BallotPayload(ballot=BallotNode.from_row(row))

    @mutation(description="A practice names another practice's representative to vote for it in one ballot.")
    async def appoint_ballot_proxy(self, info: Info, input: AppointBallotProxyInput) -> BallotProxyPayload:
        ctx = info.context
        row = await proxies.appoint_proxy(
            ctx.db,
            ctx.access,
            ballot_id=ids.decode_as("Ballot", input.ballot_id, "ballotId"),
            practice_id=ids.decode_as("Practice", input.practice_id, "practiceId"),
            proxy_person_id=ids.decode_as("Person", input.proxy_person_id, "proxyPersonId"),
        )
        return BallotProxyPayload(proxy=BallotProxyNode.from_row(row))

    @mutation
    async def revoke_ballot_proxy(self, info: Info, input: RevokeBallotProxyInput) -> BallotProxyPayload:
        ctx = info.context
        row = await proxies.revoke_proxy(ctx.db, ctx.access, ids.decode_as("BallotProxy", input.id, "id"))
        return BallotProxyPayload(proxy=BallotProxyNode.from_row(row))

    @mutation(description="Cast a practice's vote on every question of a ballot. Safe to retry.")
    async def cast_ballot_vote(self, info: Info, input: CastBallotVoteInput) -> CastBallotVotePayload:
        ctx = info.context
        limits.check_submission(ctx.access.person_id, ctx.client_address)
        if len(input.answers) > voting.MAX_ANSWERS:
            raise input_error("answers", f"Send at most {voting.MAX_ANSWERS} answers.")
        cast = await voting.cast_vote(
            ctx.db,
            ctx.access,
            ballot_id=ids.decode_as("Ballot", input.ballot_id, "ballotId"),
            practice_id=input.practice_id and ids.decode_as("Practice", input.practice_id, "practiceId"),
            answers=[
                voting.Answer(
                    ids.decode_as("BallotQuestion", a.question_id, "answers"),
                    tuple(ids.decode_as("BallotOption", o, "answers") for o in a.option_ids),
                )
                for a in input.answers
            ],
            submission_key=input.submission_key,
        )
        return CastBallotVotePayload(
            outcome=cast.outcome,
            message=cast.message,
            ballot=BallotNode.from_row(cast.ballot),
            practice=PracticeNode.from_row(cast.practice),
            vote=PracticeVote.from_row(
                cast.participation, show_answers=policy.can_see_how_practice_voted(cast.ballot, own=True, closed=False)
            ),
        )
