from __future__ import annotations

import base64
import binascii
import uuid
from datetime import date, datetime
from typing import ClassVar

import strawberry
from strawberry.dataloader import DataLoader

from quorum import clock, ids
from quorum.errors import input_error
from quorum.graphql.context import Info
from quorum.graphql.errors import UserError
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node, load_nodes
from quorum.graphql.pagination import Connection, paginate
from quorum.interests import gifts, pending, policy, register_import, rules, service
from quorum.interests.published import published_gifts, published_register
from quorum.interests.tables import (
    GiftChange,
    GiftKind,
    GiftOrHospitality,
    Interest,
    InterestCategory,
    InterestStatus,
)
from quorum.organisations.graphql import OrganisationNode, PracticeNode, RowError
from quorum.people.graphql import PersonNode

InterestCategoryEnum = strawberry.enum(InterestCategory, name="InterestCategory")
GiftKindEnum = strawberry.enum(GiftKind, name="GiftKind")
RequirementEnum = strawberry.enum(rules.Requirement, name="GiftRequirement")
ReturnStatusEnum = strawberry.enum(rules.ReturnStatus, name="InterestReturnStatus")
InterestStatusEnum = strawberry.enum(InterestStatus, name="InterestStatus")
GiftChangeEnum = strawberry.enum(GiftChange, name="GiftChange")

interests_by_id = by_id_loader(policy.visible_interests, Interest.id)
gifts_by_id = by_id_loader(policy.visible_gifts, GiftOrHospitality.id)


def gift_history_loader(context):
    """Each entry's changes, for a page of entries in one statement."""

    async def load(keys):
        rows = await context.db.all(gifts.history_of(list(keys)))
        return [[r for r in rows if r.gift_id == key] for key in keys]

    return DataLoader(load_fn=load)


@strawberry.type(name="Interest", description="An entry in an organisation's register of interests.")
class InterestNode(Node):
    loader: ClassVar = ("interests", interests_by_id)
    category: InterestCategoryEnum
    description: str
    valid_from: date
    valid_to: date | None
    action_taken: str
    became_aware_on: date
    declared_on: date
    withheld_from_publication: bool
    status: InterestStatusEnum = strawberry.field(
        description="PENDING when declared at a meeting and not yet confirmed by the register's keeper."
    )
    review_note: str
    row: strawberry.Private[Interest]

    @classmethod
    def from_row(cls, row: Interest) -> InterestNode:
        return cls(
            id=ids.encode("Interest", row.id),
            category=row.category,
            description=row.description,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            action_taken=row.action_taken,
            became_aware_on=row.became_aware_on,
            declared_on=row.declared_on,
            withheld_from_publication=row.withheld,
            status=row.status,
            review_note=row.review_note,
            row=row,
        )

    @strawberry.field(description="Declared more than 28 days after the person became aware of it.")
    def declared_late(self) -> bool:
        return rules.declared_late(self.row.became_aware_on, self.row.declared_on)

    @strawberry.field
    def is_current(self) -> bool:
        return self.row.is_current_on(clock.today())

    @strawberry.field
    async def person(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.person_id)

    @strawberry.field
    async def organisation(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)

    @strawberry.field(description="The organisations it concerns (those the viewer may see).")
    async def concerns_organisations(self, info: Info) -> list[OrganisationNode]:
        return await load_nodes(info, OrganisationNode, self.row.concerns_org_ids)

    @strawberry.field(description="The practices it concerns (those the viewer may see).")
    async def concerns_practices(self, info: Info) -> list[PracticeNode]:
        return await load_nodes(info, PracticeNode, self.row.concerns_practice_ids)

    @strawberry.field
    def viewer_can_change(self, info: Info) -> bool:
        return policy.can_change_interest(info.context.access, self.row)


@strawberry.type(description="When a decision-maker's next declaration or annual review is due.")
class InterestReturnDue:
    positions: list[str]
    appointed_on: date
    last_return_on: date | None
    due_on: date
    status: ReturnStatusEnum
    reason: str
    person_id: strawberry.Private[object]

    @strawberry.field
    async def person(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.person_id)  # type: ignore[arg-type]


@strawberry.type
class PublishedInterest:
    category: InterestCategoryEnum
    description: str
    concerns: list[str]
    valid_from: date
    valid_to: date | None
    action_taken: str
    declared_on: date


@strawberry.type
class PublishedDecisionMaker:
    name: str
    positions: list[str]
    interests: list[PublishedInterest]
    nil_return_on: date | None = strawberry.field(
        description="Their latest nil return; null with no interests means no return received."
    )


@strawberry.type
class PublishedRegister:
    organisation_name: str
    ods_code: str
    decision_makers: list[PublishedDecisionMaker]


@strawberry.type(description="A decision-maker's gift or hospitality, as published.")
class PublishedGiftOrHospitality:
    person_name: str
    kind: GiftKindEnum
    description: str
    offered_by: str
    value: str
    offered_on: date
    accepted: bool
    approved_by: str | None


@strawberry.type(description="What the 2017 thresholds require of an offer, and what went wrong if they were broken.")
class GiftAssessment:
    requirement: RequirementEnum
    explanation: str
    breach: str | None

    @classmethod
    def of(cls, assessment: rules.Assessment) -> GiftAssessment:
        return cls(requirement=assessment.requirement, explanation=assessment.explanation, breach=assessment.breach)


@strawberry.type
class GiftUpdate:
    change: GiftChangeEnum
    note: str
    at: datetime
    recorded_by_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def recorded_by(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.recorded_by_id)


@strawberry.type(name="GiftOrHospitality")
class GiftOrHospitalityNode(Node):
    loader: ClassVar = ("gifts", gifts_by_id)
    kind: GiftKindEnum
    description: str
    offered_by: str
    from_supplier: bool
    value_pence: int
    value: str
    offered_on: date
    accepted: bool
    row: strawberry.Private[GiftOrHospitality]

    @classmethod
    def from_row(cls, row: GiftOrHospitality) -> GiftOrHospitalityNode:
        return cls(
            id=ids.encode("GiftOrHospitality", row.id),
            kind=row.kind,
            description=row.description,
            offered_by=row.offered_by,
            from_supplier=row.from_supplier,
            value_pence=row.value_pence,
            value=rules.pounds(row.value_pence),
            offered_on=row.offered_on,
            accepted=row.accepted,
            row=row,
        )

    @strawberry.field
    def assessment(self) -> GiftAssessment:
        return GiftAssessment.of(service.assessment_of(self.row))

    @strawberry.field
    async def person(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.person_id)

    @strawberry.field(description="What became of it since it was recorded: approved, returned, declined.")
    async def history(self, info: Info) -> list[GiftUpdate]:
        rows = await info.context.loader("gift_history", gift_history_loader).load(self.row.id)
        return [GiftUpdate(change=r.change, note=r.note, at=r.at, recorded_by_id=r.recorded_by) for r in rows]

    @strawberry.field
    async def approved_by(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.approved_by)


@strawberry.type
class InterestQueries:
    @strawberry.field(description="An organisation's register of interests as the viewer may see it.")
    async def interests(
        self,
        info: Info,
        organisation_id: strawberry.ID,
        person_id: strawberry.ID | None = None,
        current_only: bool = False,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[InterestNode]:
        statement = policy.visible_interests(info.context.access).where(
            Interest.org_id == ids.expect("Organisation", organisation_id)
        )
        if person_id is not None:
            statement = statement.where(Interest.person_id == ids.expect("Person", person_id))
        if current_only:
            today = clock.today()
            statement = statement.where(
                Interest.valid_from <= today, (Interest.valid_to.is_(None)) | (Interest.valid_to >= today)
            )
        keys = [Interest.declared_on, Interest.id]
        return await paginate(info.context.db, statement, keys, first, after, InterestNode.from_row)

    @strawberry.field(
        description=(
            "Each decision-maker's next declaration or annual review, the overdue first (for the register's keepers)."
        )
    )
    async def interest_returns_due(self, info: Info, organisation_id: strawberry.ID) -> list[InterestReturnDue]:
        org_id = ids.expect("Organisation", organisation_id)
        found = await service.reviews_due(info.context.db, info.context.access, org_id)
        return [
            InterestReturnDue(
                positions=list(r.positions),
                appointed_on=r.appointed_on,
                last_return_on=r.last_return,
                due_on=r.due.due_on,
                status=r.due.status,
                reason=r.due.reason,
                person_id=r.person_id,
            )
            for r in found
        ]

    @strawberry.field(description="The published register of decision-makers' interests; readable without signing in.")
    async def published_register_of_interests(self, info: Info, ods_code: str) -> PublishedRegister | None:
        register = await published_register(info.context.db, ods_code)
        if register is None:
            return None
        return PublishedRegister(
            organisation_name=register.organisation_name,
            ods_code=register.ods_code,
            decision_makers=[
                PublishedDecisionMaker(
                    name=m.name,
                    positions=list(m.positions),
                    interests=[
                        PublishedInterest(
                            category=i.category,
                            description=i.description,
                            concerns=list(i.concerns),
                            valid_from=i.valid_from,
                            valid_to=i.valid_to,
                            action_taken=i.action_taken,
                            declared_on=i.declared_on,
                        )
                        for i in m.interests
                    ],
                    nil_return_on=m.nil_return_on,
                )
                for m in register.decision_makers
            ],
        )

    @strawberry.field(
        description=(
            "The published register of decision-makers' gifts and hospitality (two years, what must be declared); "
            "readable without signing in."
        )
    )
    async def published_register_of_gifts(self, info: Info, ods_code: str) -> list[PublishedGiftOrHospitality] | None:
        entries = await published_gifts(info.context.db, ods_code)
        if entries is None:
            return None
        return [
            PublishedGiftOrHospitality(
                person_name=e.person_name,
                kind=e.kind,
                description=e.description,
                offered_by=e.offered_by,
                value=rules.pounds(e.value_pence),
                offered_on=e.offered_on,
                accepted=e.accepted,
                approved_by=e.approved_by,
            )
            for e in entries
        ]

    @strawberry.field(
        description="The register of gifts and hospitality: all of it for its keepers, one's own for others."
    )
    async def gifts_and_hospitality(
        self, info: Info, organisation_id: strawberry.ID, first: int = 50, after: str | None = None
    ) -> Connection[GiftOrHospitalityNode]:
        statement = policy.visible_gifts(info.context.access).where(
            GiftOrHospitality.org_id == ids.expect("Organisation", organisation_id)
        )
        return await paginate(
            info.context.db,
            statement,
            [GiftOrHospitality.offered_on, GiftOrHospitality.id],
            first,
            after,
            GiftOrHospitalityNode.from_row,
        )

    @strawberry.field(description="What the thresholds say of an offer, before it is recorded.")
    def assess_gift_or_hospitality(self, kind: GiftKindEnum, from_supplier: bool, value_pence: int) -> GiftAssessment:
        return GiftAssessment.of(rules.assess(GiftKind(kind), from_supplier, max(value_pence, 0)))


@strawberry.input
class DeclareInterestInput:
    organisation_id: strawberry.ID
    person_id: strawberry.ID
    category: InterestCategoryEnum
    description: str
    concerns_organisation_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    concerns_practice_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    valid_from: date
    valid_to: date | None = None
    action_taken: str = ""
    became_aware_on: date | None = strawberry.field(
        default=None, description="Defaults to when the interest began, or the person's appointment if later."
    )
    declared_on: date | None = strawberry.field(default=None, description="Defaults to today.")
    withheld_from_publication: bool = False


@strawberry.input
class EndInterestInput:
    id: strawberry.ID
    valid_to: date
    action_taken: str | None = None


@strawberry.input
class RecordInterestReviewInput:
    organisation_id: strawberry.ID
    person_id: strawberry.ID
    reviewed_on: date | None = None
    nil_return: bool = False


@strawberry.input(description="An .xlsx (or .csv) file in base64, with the columns of the register's export.")
class ImportInterestsInput:
    organisation_id: strawberry.ID
    filename: str
    content_base64: str


@strawberry.input
class RecordGiftOrHospitalityInput:
    organisation_id: strawberry.ID
    person_id: strawberry.ID
    kind: GiftKindEnum
    description: str
    offered_by: str
    from_supplier: bool
    value_pence: int
    offered_on: date
    accepted: bool
    approved_by_id: strawberry.ID | None = None


InterestPayload = payload("InterestPayload", interest=InterestNode)


InterestReviewPayload = payload("InterestReviewPayload", reviewed_on=date, nil_return=bool)


@strawberry.type(description="Nothing is imported when rowErrors or errors is non-empty.")
class ImportInterestsPayload:
    created: int = 0
    row_errors: list[RowError] = strawberry.field(default_factory=list)
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ReviewPendingInterestInput:
    id: strawberry.ID
    confirm: bool
    note: str = ""


@strawberry.input
class DesignateGiftApproverInput:
    organisation_id: strawberry.ID
    person_id: strawberry.ID


@strawberry.input
class UpdateGiftOrHospitalityInput:
    id: strawberry.ID
    change: GiftChangeEnum
    note: str = ""


GiftApproverPayload = payload("GiftApproverPayload", approver=PersonNode)


GiftOrHospitalityPayload = payload("GiftOrHospitalityPayload", entry=GiftOrHospitalityNode)


@strawberry.type
class InterestMutations:
    @mutation(description="Add an entry to the register: a person's own, or anyone's by the register's keepers.")
    async def declare_interest(self, info: Info, input: DeclareInterestInput) -> InterestPayload:
        ctx = info.context
        entry = service.Entry(
            person_id=ids.decode_as("Person", input.person_id, "personId"),
            category=InterestCategory(input.category),
            description=input.description,
            concerns_org_ids=tuple(
                ids.decode_as("Organisation", o, "concernsOrganisationIds") for o in input.concerns_organisation_ids
            ),
            concerns_practice_ids=tuple(
                ids.decode_as("Practice", p, "concernsPracticeIds") for p in input.concerns_practice_ids
            ),
            valid_from=input.valid_from,
            valid_to=input.valid_to,
            action_taken=input.action_taken,
            became_aware_on=input.became_aware_on,
            declared_on=input.declared_on,
            withheld=input.withheld_from_publication,
        )
        row = await service.declare_interest(
            ctx.db, ctx.access, ids.decode_as("Organisation", input.organisation_id, "organisationId"), entry
        )
        return InterestPayload(interest=InterestNode.from_row(row))

    @mutation
    async def end_interest(self, info: Info, input: EndInterestInput) -> InterestPayload:
        ctx = info.context
        row = await service.end_interest(
            ctx.db, ctx.access, ids.decode_as("Interest", input.id, "id"), input.valid_to, input.action_taken
        )
        return InterestPayload(interest=InterestNode.from_row(row))

    @mutation(description="Record that a person's entries are complete and current (nilReturn: they have none).")
    async def record_interest_review(self, info: Info, input: RecordInterestReviewInput) -> InterestReviewPayload:
        ctx = info.context
        row = await service.record_review(
            ctx.db,
            ctx.access,
            ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            ids.decode_as("Person", input.person_id, "personId"),
            input.reviewed_on,
            input.nil_return,
        )
        return InterestReviewPayload(reviewed_on=row.reviewed_on, nil_return=row.nil_return)

    @mutation
    async def import_interests(self, info: Info, input: ImportInterestsInput) -> ImportInterestsPayload:
        ctx = info.context
        org_id = ids.decode_as("Organisation", input.organisation_id, "organisationId")
        try:
            content = base64.b64decode(input.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise input_error("contentBase64", "The file's content is not valid base64.") from None
        result = await register_import.import_register(ctx.db, ctx.access, org_id, input.filename, content)
        return ImportInterestsPayload(
            created=result.created, row_errors=[RowError(row=r.row, message=r.message) for r in result.row_errors or []]
        )

    @mutation
    async def record_gift_or_hospitality(
        self, info: Info, input: RecordGiftOrHospitalityInput
    ) -> GiftOrHospitalityPayload:
        ctx = info.context
        row = await service.record_gift(
            ctx.db,
            ctx.access,
            org_id=ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            person_id=ids.decode_as("Person", input.person_id, "personId"),
            kind=GiftKind(input.kind),
            description=input.description,
            offered_by=input.offered_by,
            from_supplier=input.from_supplier,
            value_pence=input.value_pence,
            offered_on=input.offered_on,
            accepted=input.accepted,
            approved_by=input.approved_by_id and ids.decode_as("Person", input.approved_by_id, "approvedById"),
        )
        return GiftOrHospitalityPayload(entry=GiftOrHospitalityNode.from_row(row))

    @mutation(
        description="The register's keeper confirms or rejects an entry declared at a meeting (a rejection says why)."
    )
    async def review_pending_interest(self, info: Info, input: ReviewPendingInterestInput) -> InterestPayload:
        ctx = info.context
        row = await pending.review_pending(
            ctx.db,
            ctx.access,
            interest_id=ids.decode_as("Interest", input.id, "id"),
            confirm=input.confirm,
            note=input.note,
        )
        return InterestPayload(interest=InterestNode.from_row(row))

    @mutation(description="Designate someone to approve gifts and hospitality (by the register's keeper).")
    async def designate_gift_approver(self, info: Info, input: DesignateGiftApproverInput) -> GiftApproverPayload:
        ctx = info.context
        row = await gifts.designate_approver(
            ctx.db,
            ctx.access,
            org_id=ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            person_id=ids.decode_as("Person", input.person_id, "personId"),
        )
        return GiftApproverPayload(approver=await load_node(info, PersonNode, row.person_id))

    @mutation(
        description=(
            "Record what became of an offer later: approved (by a designated approver, never the recipient), "
            "returned or declined."
        )
    )
    async def update_gift_or_hospitality(
        self, info: Info, input: UpdateGiftOrHospitalityInput
    ) -> GiftOrHospitalityPayload:
        ctx = info.context
        row = await gifts.update_gift(
            ctx.db,
            ctx.access,
            gift_id=ids.decode_as("GiftOrHospitality", input.id, "id"),
            change=GiftChange(input.change),
            note=input.note,
        )
        return GiftOrHospitalityPayload(entry=GiftOrHospitalityNode.from_row(row))
