"""The schema: each domain's queries and mutations, composed."""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from quorum import ids
from quorum.ballots.graphql.loaders import ballots_by_id, options_by_id, proxies_by_id
from quorum.ballots.graphql.loaders import questions_by_id as ballot_questions_by_id
from quorum.ballots.graphql.operations import BallotMutations
from quorum.ballots.graphql.types import (
    BallotNode,
    BallotOptionNode,
    BallotProxyNode,
    BallotQueries,
    BallotQuestionNode,
)
from quorum.committees.graphql import (
    CommitteeMutations,
    CommitteeNode,
    CommitteeQueries,
    SeatNode,
    committees_by_id,
    seats_by_id,
)
from quorum.concerns.graphql import ConcernMutations, ConcernNode, ConcernQueries, concerns_by_id
from quorum.conduct.graphql.operations import ConductMutations, ConductQueries, ConductSubscriptions
from quorum.conduct.graphql.types import (
    ActionNode,
    DecisionNode,
    DeclarationNode,
    VoteNode,
    actions_by_id,
    decisions_by_id,
    declarations_by_id,
    votes_by_id,
)
from quorum.config import get_settings
from quorum.contracts.graphql import ContractMutations, ContractQueries, PrimaryCareContractNode, contracts_by_id
from quorum.delegations.graphql import DelegationMutations, DelegationNode, DelegationQueries, delegations_by_id
from quorum.errors import MASKED_MESSAGE, ClientError
from quorum.graphql.context import Info
from quorum.graphql.node import Node
from quorum.home.graphql import HomeQueries
from quorum.in_common.graphql import (
    ArrangementNode,
    InCommonMutations,
    InCommonQueries,
    SessionNode,
    arrangements_by_id,
    sessions_by_id,
)
from quorum.indicators.graphql import IndicatorMutations, IndicatorNode, IndicatorQueries, indicators_by_id
from quorum.interests.graphql import (
    GiftOrHospitalityNode,
    InterestMutations,
    InterestNode,
    InterestQueries,
    gifts_by_id,
    interests_by_id,
)
from quorum.meetings.graphql import (
    AgendaItemNode,
    MeetingMutations,
    MeetingNode,
    MeetingQueries,
    items_by_id,
    meetings_by_id,
)
from quorum.notifications.graphql import NotificationMutations, NotificationQueries
from quorum.organisations.graphql import (
    OrganisationMutations,
    OrganisationNode,
    OrganisationQueries,
    PracticeNode,
    organisations_by_id,
    practices_by_id,
)
from quorum.packs.graphql import PackBuildNode, PackMutations, PackSubscriptions, builds_by_id
from quorum.papers.graphql import (
    PaperMutations,
    PaperNode,
    PaperQueries,
    PaperVersionNode,
    papers_by_id,
    versions_by_id,
)
from quorum.people.graphql import (
    MembershipNode,
    PeopleMutations,
    PersonNode,
    memberships_by_id,
    people_by_id,
)
from quorum.search.graphql import SearchQueries
from quorum.surveys.graphql.operations import SurveyMutations, SurveyQueries
from quorum.surveys.graphql.types import SurveyNode, SurveyQuestionNode, surveys_by_id
from quorum.surveys.graphql.types import questions_by_id as survey_questions_by_id
from quorum.web.extensions import (
    MaskInternalErrors,
    MutationsNeedSignIn,
    NoSuggestions,
    SubscriptionsOverWebSocket,
    is_internal,
)

# Node type name -> (loader name, loader factory, GraphQL type).
NODE_TYPES = {
    "Organisation": ("organisations", organisations_by_id, OrganisationNode),
    "Practice": ("practices", practices_by_id, PracticeNode),
    "Person": ("people", people_by_id, PersonNode),
    "Membership": ("memberships", memberships_by_id, MembershipNode),
    "Committee": ("committees", committees_by_id, CommitteeNode),
    "Seat": ("seats", seats_by_id, SeatNode),
    "Delegation": ("delegations", delegations_by_id, DelegationNode),
    "PrimaryCareContract": ("contracts", contracts_by_id, PrimaryCareContractNode),
    "Meeting": ("meetings", meetings_by_id, MeetingNode),
    "AgendaItem": ("agenda_items", items_by_id, AgendaItemNode),
    "Paper": ("papers", papers_by_id, PaperNode),
    "PaperVersion": ("paper_versions", versions_by_id, PaperVersionNode),
    "PackBuild": ("pack_builds", builds_by_id, PackBuildNode),
    "Interest": ("interests", interests_by_id, InterestNode),
    "GiftOrHospitality": ("gifts", gifts_by_id, GiftOrHospitalityNode),
    "Declaration": ("declarations", declarations_by_id, DeclarationNode),
    "Vote": ("votes", votes_by_id, VoteNode),
    "Decision": ("decisions", decisions_by_id, DecisionNode),
    "Action": ("actions", actions_by_id, ActionNode),
    "Ballot": ("ballots", ballots_by_id, BallotNode),
    "BallotQuestion": ("ballot_questions", ballot_questions_by_id, BallotQuestionNode),
    "BallotOption": ("ballot_options", options_by_id, BallotOptionNode),
    "BallotProxy": ("ballot_proxies", proxies_by_id, BallotProxyNode),
    "Survey": ("surveys", surveys_by_id, SurveyNode),
    "SurveyQuestion": ("survey_questions", survey_questions_by_id, SurveyQuestionNode),
    "InCommonArrangement": ("in_common_arrangements", arrangements_by_id, ArrangementNode),
    "InCommonSession": ("in_common_sessions", sessions_by_id, SessionNode),
    "Indicator": ("indicators", indicators_by_id, IndicatorNode),
    "Concern": ("concerns", concerns_by_id, ConcernNode),
}
MAX_NODES = 100


async def resolve_node(info: Info, global_id: str) -> Node | None:
    type_name, key = ids.decode(global_id)
    if type_name not in NODE_TYPES:
        return None
    loader_name, make_loader, node_type = NODE_TYPES[type_name]
    row = await info.context.loader(loader_name, make_loader).load(key)
    if row is None:
        return None
    return await node_type.load(info, row) if hasattr(node_type, "load") else node_type.from_row(row)


@strawberry.type
class SignInOptions:
    oidc_enabled: bool
    demo_mode: bool


@strawberry.type
class Query(
    OrganisationQueries,
    HomeQueries,
    CommitteeQueries,
    DelegationQueries,
    ContractQueries,
    MeetingQueries,
    PaperQueries,
    InterestQueries,
    ConductQueries,
    BallotQueries,
    SurveyQueries,
    InCommonQueries,
    NotificationQueries,
    IndicatorQueries,
    ConcernQueries,
    SearchQueries,
):
    @strawberry.field(description="Any entity the viewer may see; null for any other, without saying which.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await resolve_node(info, id)

    @strawberry.field
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise ClientError(f"Ask for at most {MAX_NODES} nodes at once.")
        return [await resolve_node(info, i) for i in ids]

    @strawberry.field
    def sign_in_options(self, info: Info) -> SignInOptions:
        settings = info.context.settings
        return SignInOptions(oidc_enabled=settings.oidc_enabled, demo_mode=settings.demo_mode)


@strawberry.type
class Mutation(
    OrganisationMutations,
    PeopleMutations,
    CommitteeMutations,
    DelegationMutations,
    ContractMutations,
    MeetingMutations,
    PaperMutations,
    PackMutations,
    InterestMutations,
    ConductMutations,
    BallotMutations,
    SurveyMutations,
    InCommonMutations,
    NotificationMutations,
    IndicatorMutations,
    ConcernMutations,
):
    pass


# The limiters' rule classes, made once: the validation cache's key includes the rules, and a limiter
# made per request makes new classes, so no document would ever be found validated.
LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=10).validation_rules,
    *MaxAliasesLimiter(max_alias_count=20).validation_rules,
]


def _extensions() -> list:
    # Factories: strawberry builds fresh extensions per request (the caches are module-level).
    extensions = [
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        lambda: AddValidationRules(LIMIT_RULES),
        lambda: MaxTokensLimiter(max_token_count=2000),
        lambda: MaskInternalErrors(should_mask_error=is_internal, error_message=MASKED_MESSAGE),
        MutationsNeedSignIn,
        SubscriptionsOverWebSocket,
    ]
    if get_settings().production:
        extensions += [DisableIntrospection, NoSuggestions]
    return extensions


@strawberry.type
class Subscription(PackSubscriptions, ConductSubscriptions):
    pass


schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[node_type for _, _, node_type in NODE_TYPES.values()],
    extensions=_extensions(),
    config=StrawberryConfig(disable_field_suggestions=get_settings().production),
)
