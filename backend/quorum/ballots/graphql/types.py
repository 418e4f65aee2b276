"""Ballots in the API: the types, and the queries a voting page and a secretary's page need."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

import strawberry
from sqlalchemy import exists

from quorum import clock, ids
from quorum.ballots import policy, proxies, results, service, settings
from quorum.ballots.graphql.loaders import (
    ballots_by_id,
    choices_by_practice,
    held_proxies_by_ballot,
    live_proxies_by_practice,
    options_by_id,
    options_by_question,
    participation_by_practice,
    proxies_by_ballot,
    proxies_by_id,
    questions_by_ballot,
    questions_by_id,
    representatives_by_practice,
    turnouts_by_ballot,
)
from quorum.ballots.rules import OptionResult, Outcome, QuestionResult, Rules, Turnout
from quorum.ballots.service import BallotStatus
from quorum.ballots.tables import (
    Ballot,
    BallotElector,
    BallotOption,
    BallotParticipation,
    BallotProxy,
    BallotQuestion,
    BallotSettings,
    Majority,
    OptionKind,
    QuestionKind,
    TurnoutBasis,
    VotingRules,
    Weighting,
)
from quorum.ballots.voting import VoteOutcome
from quorum.files.graphql import StoredFileType, stored_file
from quorum.graphql.context import Info
from quorum.graphql.node import Node, load_node, load_nodes
from quorum.graphql.pagination import Connection, paginate
from quorum.organisations.graphql import OrganisationNode, PracticeNode, optional_id
from quorum.organisations.tables import Practice
from quorum.people.graphql import PersonNode, people_by_id

WeightingEnum = strawberry.enum(Weighting, name="Weighting")
TurnoutBasisEnum = strawberry.enum(TurnoutBasis, name="TurnoutBasis")
MajorityEnum = strawberry.enum(Majority, name="Majority")
QuestionKindEnum = strawberry.enum(QuestionKind, name="BallotQuestionKind")
OptionKindEnum = strawberry.enum(OptionKind, name="BallotOptionKind")
BallotStatusEnum = strawberry.enum(BallotStatus, name="BallotStatus")
OutcomeEnum = strawberry.enum(Outcome, name="BallotOutcome")
VoteOutcomeEnum = strawberry.enum(VoteOutcome, name="BallotVoteOutcome")


def _percent(share) -> float | None:
    return None if share is None else round(float(share) * 100, 2)


@strawberry.type(name="VotingRules", description="How a CCG's council of members votes, from its constitution.")
class VotingRulesType:
    weighting: WeightingEnum
    turnout_basis: TurnoutBasisEnum
    turnout_threshold_percent: float
    majority: MajorityEnum
    majority_percent: float | None = strawberry.field(description="The share needed, for a STATED_SHARE majority.")
    votes_may_be_changed: bool = strawberry.field(
        description="Secret ballots never allow it: nothing records how a practice voted."
    )
    in_words: list[str]

    @classmethod
    def from_row(cls, row: VotingRules, *, secret: bool = False) -> VotingRulesType:
        return cls(
            weighting=row.weighting,
            turnout_basis=row.turnout_basis,
            turnout_threshold_percent=float(row.turnout_threshold),
            majority=row.majority,
            majority_percent=None if row.majority_share is None else float(row.majority_share),
            votes_may_be_changed=row.votes_may_change and not secret,
            in_words=Rules.of(row).in_words(),
        )


@strawberry.type(name="BallotSettings")
class BallotSettingsType:
    rules: VotingRulesType
    updated_at: datetime | None
    row: strawberry.Private[BallotSettings]

    @classmethod
    def from_row(cls, row: BallotSettings) -> BallotSettingsType:
        return cls(rules=VotingRulesType.from_row(row), updated_at=row.updated_at, row=row)

    @strawberry.field
    async def updated_by(self, info: Info) -> PersonNode | None:
        if self.row.updated_by is None:
            return None
        row = await info.context.loader("people", people_by_id).load(self.row.updated_by)
        return row and PersonNode.from_row(row)

    @strawberry.field
    def viewer_can_change(self, info: Info) -> bool:
        return policy.can_manage(info.context.access, self.row.org_id)


@strawberry.type(name="BallotOption")
class BallotOptionNode(Node):
    loader: ClassVar = ("ballot_options", options_by_id)
    kind: OptionKindEnum
    label: str
    position: int
    row: strawberry.Private[BallotOption]

    @classmethod
    def from_row(cls, row: BallotOption) -> BallotOptionNode:
        return cls(
            id=ids.encode("BallotOption", row.id), kind=row.kind, label=row.label, position=row.position, row=row
        )


@strawberry.type(name="BallotQuestion")
class BallotQuestionNode(Node):
    loader: ClassVar = ("ballot_questions", questions_by_id)
    position: int
    kind: QuestionKindEnum
    text: str
    seats: int = strawberry.field(
        description="Elections: how many candidates are elected (and each practice may choose)."
    )
    row: strawberry.Private[BallotQuestion]

    @classmethod
    def from_row(cls, row: BallotQuestion) -> BallotQuestionNode:
        return cls(
            id=ids.encode("BallotQuestion", row.id),
            position=row.position,
            kind=row.kind,
            text=row.text,
            seats=row.seats,
            row=row,
        )

    @strawberry.field(description="For, against and abstain; or the candidates and abstain.")
    async def options(self, info: Info) -> list[BallotOptionNode]:
        rows = await info.context.loader("ballot_options_by_question", options_by_question).load(self.row.id)
        return [BallotOptionNode.from_row(r) for r in rows]


@strawberry.type
class BallotAnswer:
    question: BallotQuestionNode
    options: list[BallotOptionNode]


@strawberry.type(description="That a practice voted, when and by whom; how, only where the viewer may know.")
class PracticeVote:
    recorded_at: datetime
    changed_at: datetime | None
    as_proxy: bool
    row: strawberry.Private[BallotParticipation]
    show_answers: strawberry.Private[bool]

    @classmethod
    def from_row(cls, row: BallotParticipation, *, show_answers: bool) -> PracticeVote:
        return cls(
            recorded_at=row.recorded_at,
            changed_at=row.changed_at,
            as_proxy=row.proxy_id is not None,
            row=row,
            show_answers=show_answers,
        )

    @strawberry.field
    async def practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.row.practice_id)

    @strawberry.field
    async def cast_by(self, info: Info) -> PersonNode | None:
        row = await info.context.loader("people", people_by_id).load(self.row.cast_by)
        return row and PersonNode.from_row(row)

    @strawberry.field(
        description="Null for a secret ballot, and for a named ballot until it closes (except your own practice's)."
    )
    async def answers(self, info: Info) -> list[BallotAnswer] | None:
        if not self.show_answers:
            return None
        choices = await info.context.loader("ballot_choices", choices_by_practice).load(
            (self.row.ballot_id, self.row.practice_id)
        )
        questions = await info.context.loader("ballot_questions_by_ballot", questions_by_ballot).load(
            self.row.ballot_id
        )
        options = await load_nodes(info, BallotOptionNode, [c.option_id for c in choices])
        return [
            BallotAnswer(
                question=BallotQuestionNode.from_row(q),
                options=[o for o in options if o.row.question_id == q.id],
            )
            for q in questions
        ]


async def practice_vote(info: Info, ballot: Ballot, practice_id: uuid.UUID, *, own: bool) -> PracticeVote | None:
    found = await info.context.loader("ballot_participation", participation_by_practice).load((ballot.id, practice_id))
    if not found:
        return None
    closed = service.status(ballot, clock.now()) == BallotStatus.CLOSED
    return PracticeVote.from_row(
        found[0], show_answers=policy.can_see_how_practice_voted(ballot, own=own, closed=closed)
    )


@strawberry.type(name="BallotProxy")
class BallotProxyNode(Node):
    loader: ClassVar = ("ballot_proxies", proxies_by_id)
    appointed_at: datetime
    revoked_at: datetime | None
    row: strawberry.Private[BallotProxy]

    @classmethod
    def from_row(cls, row: BallotProxy) -> BallotProxyNode:
        return cls(
            id=ids.encode("BallotProxy", row.id), appointed_at=row.appointed_at, revoked_at=row.revoked_at, row=row
        )

    @strawberry.field(description="The practice that appointed the proxy.")
    async def practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.row.practice_id)

    @strawberry.field(description="The representative who votes for the practice.")
    async def proxy(self, info: Info) -> PersonNode | None:
        row = await info.context.loader("people", people_by_id).load(self.row.proxy_person_id)
        return row and PersonNode.from_row(row)

    @strawberry.field(description="The practice the proxy represents.")
    async def proxy_practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.row.proxy_practice_id)

    @strawberry.field
    async def appointed_by(self, info: Info) -> PersonNode | None:
        row = await info.context.loader("people", people_by_id).load(self.row.appointed_by)
        return row and PersonNode.from_row(row)

    @strawberry.field
    async def ballot(self, info: Info) -> BallotNode | None:
        return await load_node(info, BallotNode, self.row.ballot_id)


@strawberry.type
class BallotVotingRight:
    """A practice the viewer may vote for in this ballot, and whether it has voted."""

    practice: PracticeNode | None
    as_proxy: bool
    vote: PracticeVote | None
    can_vote: bool = strawberry.field(
        description="True while the ballot is open and the practice has not voted, or may change its vote."
    )


@strawberry.type(
    name="BallotElector", description="A practice in the ballot's electorate (for the secretary's reminders)."
)
class BallotElectorType:
    ods_code: str
    list_size: int
    practice_id: strawberry.Private[uuid.UUID]
    ballot: strawberry.Private[Ballot]

    @strawberry.field
    async def practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.practice_id)

    @strawberry.field(description="Null until the practice votes.")
    async def vote(self, info: Info) -> PracticeVote | None:
        return await practice_vote(info, self.ballot, self.practice_id, own=False)

    @strawberry.field(description="The practice's current nominated representatives, to remind.")
    async def representatives(self, info: Info) -> list[PersonNode]:
        memberships = await info.context.loader("ballot_representatives", representatives_by_practice).load(
            self.practice_id
        )
        today = clock.today()
        people = await info.context.loader("people", people_by_id).load_many(
            [m.person_id for m in memberships if m.is_active_on(today)]
        )
        return [PersonNode.from_row(p) for p in people if p]

    @strawberry.field
    async def proxy(self, info: Info) -> BallotProxyNode | None:
        found = await info.context.loader("ballot_live_proxies", live_proxies_by_practice).load(
            (self.ballot.id, self.practice_id)
        )
        return BallotProxyNode.from_row(found[0]) if found else None


@strawberry.type
class BallotTurnout:
    electorate_practices: int
    electorate_weight: int = strawberry.field(description="Registered patients of the electorate's practices.")
    voted_practices: int
    voted_weight: int
    not_voted_practices: int
    basis: TurnoutBasisEnum
    percent: float = strawberry.field(
        description="Turnout on the ballot's basis: share of practices or of registered patients."
    )
    threshold_percent: float
    threshold_met: bool

    @classmethod
    def of(cls, turnout: Turnout) -> BallotTurnout:
        return cls(
            electorate_practices=turnout.electorate.practices,
            electorate_weight=turnout.electorate.weight,
            voted_practices=turnout.voted.practices,
            voted_weight=turnout.voted.weight,
            not_voted_practices=turnout.electorate.practices - turnout.voted.practices,
            basis=turnout.basis,
            percent=_percent(turnout.share),
            threshold_percent=_percent(turnout.threshold),
            threshold_met=turnout.met,
        )


@strawberry.type(name="OptionResult")
class OptionResultType:
    option: BallotOptionNode
    votes: int = strawberry.field(description="Practices choosing the option.")
    weight: int = strawberry.field(description="Their registered patients (list sizes when the ballot opened).")
    percent: float | None = strawberry.field(
        description="Questions: share of the votes cast for or against. Elections: share of those voting. On "
        "the ballot's weighting."
    )
    elected: bool
    tied: bool

    @classmethod
    def of(cls, result: OptionResult, option: BallotOption) -> OptionResultType:
        return cls(
            option=BallotOptionNode.from_row(option),
            votes=result.total.count.practices,
            weight=result.total.count.weight,
            percent=_percent(result.share),
            elected=result.elected,
            tied=result.tied,
        )


@strawberry.type(name="QuestionResult")
class QuestionResultType:
    question: BallotQuestionNode
    outcome: OutcomeEnum
    carried: bool
    tied: bool
    summary: str
    options: list[OptionResultType]

    @classmethod
    def of(
        cls, question: BallotQuestion, result: QuestionResult, options: dict[uuid.UUID, BallotOption]
    ) -> QuestionResultType:
        return cls(
            question=BallotQuestionNode.from_row(question),
            outcome=result.outcome,
            carried=result.carried,
            tied=result.tied,
            summary=result.summary,
            options=[OptionResultType.of(o, options[o.total.option_id]) for o in result.options],
        )


@strawberry.type
class BallotResults:
    valid: bool = strawberry.field(
        description="False when turnout fell short of the threshold: nothing is carried or elected."
    )
    turnout: BallotTurnout
    questions: list[QuestionResultType]


@strawberry.type(name="Ballot")
class BallotNode(Node):
    loader: ClassVar = ("ballots", ballots_by_id)
    title: str
    description: str
    secret: bool
    opens_at: datetime
    closes_at: datetime
    closed_early_at: datetime | None
    electorate_frozen_at: datetime | None
    created_at: datetime
    row: strawberry.Private[Ballot]

    @classmethod
    def from_row(cls, row: Ballot) -> BallotNode:
        return cls(
            id=ids.encode("Ballot", row.id),
            title=row.title,
            description=row.description,
            secret=row.secret,
            opens_at=row.opens_at,
            closes_at=row.closes_at,
            closed_early_at=row.closed_early_at,
            electorate_frozen_at=row.electorate_frozen_at,
            created_at=row.created_at,
            row=row,
        )

    def _status(self) -> BallotStatus:
        return service.status(self.row, clock.now())

    @strawberry.field
    def status(self) -> BallotStatusEnum:
        return self._status()

    @strawberry.field(description="When voting ended; null while scheduled or open.")
    def closed_at(self) -> datetime | None:
        return service.closed_at(self.row) if self._status() == BallotStatus.CLOSED else None

    @strawberry.field(
        description="The rules the ballot was created under; later changes to the CCG's settings do not apply."
    )
    def rules(self) -> VotingRulesType:
        return VotingRulesType.from_row(self.row, secret=self.row.secret)

    @strawberry.field
    async def organisation(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)

    @strawberry.field(description="The explanatory document (PDF or Word).")
    async def document(self, info: Info) -> StoredFileType | None:
        return await stored_file(info, self.row.document_file_id)

    @strawberry.field
    async def questions(self, info: Info) -> list[BallotQuestionNode]:
        rows = await info.context.loader("ballot_questions_by_ballot", questions_by_ballot).load(self.row.id)
        return [BallotQuestionNode.from_row(r) for r in rows]

    @strawberry.field(description="Null until the ballot opens. How many practices and how much weight have voted.")
    async def turnout(self, info: Info) -> BallotTurnout | None:
        if self._status() == BallotStatus.SCHEDULED:
            return None
        return BallotTurnout.of(
            await info.context.loader("ballot_turnouts", turnouts_by_ballot).load((self.row.id, self.row))
        )

    @strawberry.field(description="Null until the ballot closes.")
    async def results(self, info: Info) -> BallotResults | None:
        if self._status() != BallotStatus.CLOSED:
            return None
        found = await results.result(info.context.db, self.row)
        rows = await info.context.loader("ballot_options_by_question", options_by_question).load_many(
            [q.id for q, _ in found.questions]
        )
        options = {o.id: o for group in rows for o in group}
        return BallotResults(
            valid=found.valid,
            turnout=BallotTurnout.of(found.turnout),
            questions=[QuestionResultType.of(q, r, options) for q, r in found.questions],
        )

    @strawberry.field(
        description="The practices the viewer may vote for here: their own, and any that made them proxy."
    )
    async def viewer_voting_rights(self, info: Info) -> list[BallotVotingRight]:
        held = await info.context.loader("ballot_proxies_held", held_proxies_by_ballot).load(self.row.id)
        rights = proxies.voting_rights(info.context.access, self.row, held)
        open_now = self._status() == BallotStatus.OPEN
        found = []
        for right in rights:
            vote = await practice_vote(info, self.row, right.practice_id, own=True)
            found.append(
                BallotVotingRight(
                    practice=await load_node(info, PracticeNode, right.practice_id),
                    as_proxy=right.proxy is not None,
                    vote=vote,
                    can_vote=policy.can_vote(self.row, open_now=open_now, voted=vote is not None),
                )
            )
        return found

    @strawberry.field(
        description="The electorate, for the board secretary: who has voted and who to remind. Null for others."
    )
    async def electors(
        self, info: Info, first: int = 50, after: str | None = None, has_voted: bool | None = None
    ) -> Connection[BallotElectorType] | None:
        if not policy.can_see_electorate(info.context.access, self.row):
            return None
        statement = results.electorate(self.row)
        model = BallotElector if self.row.electorate_frozen_at is not None else Practice
        practice_key = model.practice_id if model is BallotElector else model.id
        if has_voted is not None:
            voted = exists().where(
                BallotParticipation.ballot_id == self.row.id, BallotParticipation.practice_id == practice_key
            )
            statement = statement.where(voted if has_voted else ~voted)
        ballot = self.row
        return await paginate(
            info.context.db,
            statement,
            [model.ods_code, practice_key],
            first,
            after,
            lambda r: BallotElectorType(
                ods_code=r.ods_code,
                list_size=r.list_size,
                practice_id=getattr(r, "practice_id", None) or r.id,
                ballot=ballot,
            ),
        )

    @strawberry.field(description="Named ballots, once closed: how each practice voted. Null otherwise.")
    async def named_votes(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> Connection[PracticeVote] | None:
        if not policy.can_see_named_votes(self.row, closed=self._status() == BallotStatus.CLOSED):
            return None
        statement = policy.visible_participations(info.context.access).where(
            BallotParticipation.org_id == self.row.org_id, BallotParticipation.ballot_id == self.row.id
        )
        keys = [BallotParticipation.recorded_at, BallotParticipation.practice_id]
        return await paginate(
            info.context.db, statement, keys, first, after, lambda r: PracticeVote.from_row(r, show_answers=True)
        )

    @strawberry.field(
        description="Proxy appointments: all of them for the secretary, those of the viewer's practices otherwise."
    )
    async def proxies(self, info: Info) -> list[BallotProxyNode]:
        rows = await info.context.loader("ballot_proxies_by_ballot", proxies_by_ballot).load(self.row.id)
        return [BallotProxyNode.from_row(r) for r in rows if policy.can_see_proxy(info.context.access, r)]

    @strawberry.field(description="Download the result as .xlsx, once the ballot has closed.")
    def export_url(self) -> str | None:
        return f"/exports/ballot.xlsx?ballot={self.id}" if self._status() == BallotStatus.CLOSED else None

    @strawberry.field(description="True when the viewer may close the ballot and see its electorate.")
    def viewer_can_manage(self, info: Info) -> bool:
        return policy.can_manage(info.context.access, self.row.org_id)


BALLOT_ORDER = [Ballot.closes_at, Ballot.id]


@strawberry.type
class BallotQueries:
    @strawberry.field(description="A CCG's voting rules; null until set, or when the viewer is not a member.")
    async def ballot_settings(self, info: Info, organisation_id: strawberry.ID) -> BallotSettingsType | None:
        row = await settings.settings_of(
            info.context.db, info.context.access, ids.expect("Organisation", organisation_id)
        )
        return row and BallotSettingsType.from_row(row)

    @strawberry.field(description="One ballot; null when it does not exist or the viewer may not see it.")
    async def ballot(self, info: Info, id: strawberry.ID) -> BallotNode | None:
        return await load_node(info, BallotNode, ids.expect("Ballot", id))

    @strawberry.field(description="Ballots of the viewer's CCGs, soonest closing first.")
    async def ballots(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        organisation_id: strawberry.ID | None = None,
        status: BallotStatusEnum | None = None,
    ) -> Connection[BallotNode]:
        statement = policy.visible_ballots(info.context.access)
        org_id = optional_id("Organisation", organisation_id)
        if org_id is not None:
            statement = statement.where(Ballot.org_id == org_id)
        if status is not None:
            statement = service.status_filter(statement, status, clock.now())
        return await paginate(info.context.db, statement, BALLOT_ORDER, first, after, BallotNode.from_row)

    @strawberry.field(
        description="Ballots the viewer votes in as a practice representative or proxy, soonest closing first."
    )
    async def my_ballots(
        self, info: Info, first: int = 20, after: str | None = None, status: BallotStatusEnum | None = None
    ) -> Connection[BallotNode]:
        statement = policy.voter_ballots(info.context.access)
        if status is not None:
            statement = service.status_filter(statement, status, clock.now())
        return await paginate(info.context.db, statement, BALLOT_ORDER, first, after, BallotNode.from_row)
