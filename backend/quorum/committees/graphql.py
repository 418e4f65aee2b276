from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Annotated, ClassVar

import strawberry
from sqlmodel import select
from strawberry.dataloader import DataLoader

from quorum import clock, ids
from quorum.committees import policy, service
from quorum.committees.quorum import PresentMember, QuorumRule, category_words, evaluate, fraction_words, seat_title
from quorum.committees.tables import (
    CoCommissioningLevel,
    Committee,
    CommitteeKind,
    CommitteeParty,
    MemberCategory,
    Office,
    Seat,
    SeatRole,
)
from quorum.errors import InputErrors
from quorum.files.graphql import StoredFileType, stored_file
from quorum.graphql.context import Context, Info
from quorum.graphql.errors import UserError
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node
from quorum.graphql.pagination import Connection, paginate
from quorum.organisations.graphql import (
    OrganisationNode,
    PracticeNode,
    optional_id,
    organisations_by_id,
    practices_by_id,
)
from quorum.people.graphql import PersonNode, people_by_id

if TYPE_CHECKING:
    from quorum.delegations.graphql import DelegationNode

CommitteeKindEnum = strawberry.enum(CommitteeKind, name="CommitteeKind")
CoCommissioningLevelEnum = strawberry.enum(CoCommissioningLevel, name="CoCommissioningLevel")
SeatRoleEnum = strawberry.enum(SeatRole, name="SeatRole")
MemberCategoryEnum = strawberry.enum(MemberCategory, name="MemberCategory")
OfficeEnum = strawberry.enum(Office, name="Office")

committees_by_id = by_id_loader(policy.visible_committees, Committee.id)
seats_by_id = by_id_loader(policy.visible_seats, Seat.id)


def seats_by_committee(ctx: Context) -> DataLoader:
    async def load(committee_ids: list[uuid.UUID]) -> list[list[Seat]]:
        rows = await ctx.db.all(
            policy.visible_seats(ctx.access)
            .where(Seat.committee_id.in_(committee_ids))
            .order_by(Seat.valid_from, Seat.id)
        )
        return [[s for s in rows if s.committee_id == c] for c in committee_ids]

    return DataLoader(load_fn=load)


def parties_by_committee(ctx: Context) -> DataLoader:
    async def load(committee_ids: list[uuid.UUID]) -> list[list[uuid.UUID]]:
        rows = await ctx.db.all(select(CommitteeParty).where(CommitteeParty.committee_id.in_(committee_ids)))
        return [[p.party_org_id for p in rows if p.committee_id == c] for c in committee_ids]

    return DataLoader(load_fn=load)


@strawberry.type
class CategoryMinimum:
    category: MemberCategoryEnum
    count: int


@strawberry.type(description="At least `count` voting members from any of these categories.")
class QuorumPool:
    count: int
    categories: list[MemberCategoryEnum]


@strawberry.type(description="At least `count` of these offices held by voting members present.")
class QuorumOffices:
    count: int
    offices: list[OfficeEnum]


@strawberry.type(description="A fraction of the voting membership, rounded up.")
class QuorumFraction:
    numerator: int
    denominator: int
    in_words: str


@strawberry.type(description="Every requirement must be met.")
class QuorumRuleType:
    minimum_voting: int
    category_minimums: list[CategoryMinimum]
    each_party: bool
    pools: list[QuorumPool]
    office_groups: list[QuorumOffices]
    chair_or_vice_chair: bool
    clinical_majority: bool
    fraction: QuorumFraction | None
    in_words: str

    @classmethod
    def from_rule(cls, rule: QuorumRule) -> QuorumRuleType:
        return cls(
            minimum_voting=rule.minimum_voting,
            category_minimums=[CategoryMinimum(category=c, count=n) for c, n in rule.categories.items()],
            each_party=rule.each_party,
            pools=[QuorumPool(count=p.count, categories=list(p.categories)) for p in rule.pools],
            office_groups=[QuorumOffices(count=o.count, offices=list(o.offices)) for o in rule.offices],
            chair_or_vice_chair=rule.chair_or_vice_chair,
            clinical_majority=rule.clinical_majority,
            fraction=rule.fraction
            and QuorumFraction(
                numerator=rule.fraction[0], denominator=rule.fraction[1], in_words=fraction_words(rule.fraction)
            ),
            in_words=rule.in_words(),
        )


@strawberry.type
class QuorumCheck:
    met: bool
    unmet: list[str]


@strawberry.type
class CouncilSeat:
    practice: PracticeNode | None
    representative: PersonNode | None


@strawberry.type(name="Committee")
class CommitteeNode(Node):
    loader: ClassVar = ("committees", committees_by_id)
    kind: CommitteeKindEnum
    name: str
    terms_summary: str
    is_joint: bool
    co_commissioning_level: CoCommissioningLevelEnum | None
    row: strawberry.Private[Committee]

    @classmethod
    def from_row(cls, row: Committee) -> CommitteeNode:
        return cls(
            id=ids.encode("Committee", row.id),
            kind=row.kind,
            name=row.name,
            terms_summary=row.terms_summary,
            is_joint=row.is_joint,
            co_commissioning_level=row.co_commissioning_level,
            row=row,
        )

    @strawberry.field(description="The organisation hosting the committee (null when not visible to the viewer).")
    async def host(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)

    @strawberry.field(description="Joint committees: every party, host included.")
    async def parties(self, info: Info) -> list[OrganisationNode]:
        if not self.row.is_joint or not policy.follows(info.context.access, self.row.id):
            return []
        party_ids = await info.context.loader("parties", parties_by_committee).load(self.row.id)
        rows = await info.context.loader("organisations", organisations_by_id).load_many(party_ids)
        return [OrganisationNode.from_row(r) for r in rows if r]

    @strawberry.field(
        description="Committees it meets in common with: accepted parties of an arrangement it has accepted."
    )
    async def meets_in_common_with(self, info: Info) -> list[CommitteeNode]:
        from quorum.in_common.graphql import committees_in_common_with

        return await committees_in_common_with(info, self.row.id)

    @strawberry.field
    async def terms_of_reference(self, info: Info) -> StoredFileType | None:
        return await stored_file(info, self.row.terms_file_id)

    @strawberry.field
    def quorum_rule(self) -> QuorumRuleType:
        return QuorumRuleType.from_rule(QuorumRule.from_data(self.row.quorum_rule))

    @strawberry.field(
        description="Why no meeting of the current seat holders could be quorate under the rule; empty when one could."
    )
    async def quorum_cannot_be_met(self, info: Info) -> list[str]:
        access = info.context.access
        if not (policy.follows(access, self.row.id) or policy.can_manage(access, self.row)):
            return []
        return list(await service.quorum_cannot_be_met(info.context.db, self.row))

    @strawberry.field(description="Seats, current ones only unless includePast.")
    async def seats(self, info: Info, include_past: bool = False) -> list[SeatNode]:
        rows = await info.context.loader("seats_by_committee", seats_by_committee).load(self.row.id)
        today = clock.today()
        return [SeatNode.from_row(s) for s in rows if include_past or s.is_active_on(today)]

    @strawberry.field(description="The council of members: one seat per practice, held by its representative.")
    async def council_seats(self, info: Info) -> list[CouncilSeat]:
        if self.row.kind != CommitteeKind.COUNCIL_OF_MEMBERS or not policy.follows(info.context.access, self.row.id):
            return []
        memberships = await service.council_seats(info.context.db, self.row)
        practice_ids = [m.practice_id for m in memberships]
        practices = await info.context.loader("practices", practices_by_id).load_many(practice_ids)
        people = await info.context.loader("people", people_by_id).load_many([m.person_id for m in memberships])
        return [
            CouncilSeat(practice=p and PracticeNode.from_row(p), representative=r and PersonNode.from_row(r))
            for p, r in sorted(zip(practices, people), key=lambda pr: pr[0].ods_code if pr[0] else "")
        ]

    @strawberry.field(description="Evaluate the quorum rule as if these seats' holders were present.")
    async def quorum_check(self, info: Info, present_seat_ids: list[strawberry.ID]) -> QuorumCheck:
        seat_ids = {ids.expect("Seat", i) for i in present_seat_ids}
        rows = await info.context.loader("seats_by_committee", seats_by_committee).load(self.row.id)
        today = clock.today()
        seated = [s for s in rows if s.is_active_on(today)]
        party_ids = await service.parties_of(info.context.db, self.row) if self.row.is_joint else []
        orgs = await info.context.loader("organisations", organisations_by_id).load_many(party_ids)
        names = {pid: (o.name if o else "a party") for pid, o in zip(party_ids, orgs)}

        def holder(s: Seat) -> PresentMember:
            return PresentMember(
                s.voting, MemberCategory(s.category), s.party_org_id, SeatRole(s.role), s.office and Office(s.office)
            )

        result = evaluate(
            QuorumRule.from_data(self.row.quorum_rule),
            [holder(s) for s in seated if s.id in seat_ids],
            names,
            [holder(s) for s in seated],
        )
        return QuorumCheck(met=result.met, unmet=list(result.unmet))

    @strawberry.field
    async def delegations_received(
        self, info: Info
    ) -> list[Annotated[DelegationNode, strawberry.lazy("quorum.delegations.graphql")]]:
        from quorum.delegations.graphql import delegations_of_committee

        return await delegations_of_committee(info, self.row.id)

    @strawberry.field(description="True when the viewer may change the committee and its seats.")
    def viewer_can_manage(self, info: Info) -> bool:
        return policy.can_manage(info.context.access, self.row)


@strawberry.type(name="Seat")
class SeatNode(Node):
    loader: ClassVar = ("seats", seats_by_id)
    role: SeatRoleEnum
    voting: bool
    category: MemberCategoryEnum
    office: OfficeEnum | None
    valid_from: date
    valid_to: date | None
    row: strawberry.Private[Seat]

    @classmethod
    def from_row(cls, row: Seat) -> SeatNode:
        return cls(
            id=ids.encode("Seat", row.id),
            role=row.role,
            voting=row.voting,
            category=row.category,
            office=row.office,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            row=row,
        )

    @strawberry.field(description="The seat as minutes name it: role and office, or role and category.")
    def title(self) -> str:
        office = self.row.office and Office(self.row.office)
        return seat_title(SeatRole(self.row.role), MemberCategory(self.row.category), office, self.row.voting)

    @strawberry.field(
        description="True while the seat may still be withdrawn as entered by mistake (the day it was entered)."
    )
    def can_be_withdrawn(self) -> bool:
        return self.row.entered_at is not None and clock.local_date(self.row.entered_at) == clock.today()

    @strawberry.field
    def category_in_words(self) -> str:
        words = category_words(MemberCategory(self.row.category), 1)
        return words[0].upper() + words[1:]

    @strawberry.field
    def is_active(self) -> bool:
        return self.row.is_active_on(clock.today())

    @strawberry.field(description="Null when the viewer cannot see the person's record.")
    async def person(self, info: Info) -> PersonNode | None:
        row = await info.context.loader("people", people_by_id).load(self.row.person_id)
        return row and PersonNode.from_row(row)

    @strawberry.field(description="The organisation the member represents.")
    async def party(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.party_org_id)

    @strawberry.field
    async def committee(self, info: Info) -> CommitteeNode | None:
        return await load_node(info, CommitteeNode, self.row.committee_id)


@strawberry.type
class CommitteeQueries:
    @strawberry.field(description="Committees the viewer can see, optionally those hosted by one organisation.")
    async def committees(
        self, info: Info, first: int = 50, after: str | None = None, organisation_id: strawberry.ID | None = None
    ) -> Connection[CommitteeNode]:
        statement = policy.visible_committees(info.context.access)
        host = optional_id("Organisation", organisation_id)
        if host is not None:
            statement = statement.where(Committee.org_id == host)
        return await paginate(
            info.context.db, statement, [Committee.name, Committee.id], first, after, CommitteeNode.from_row
        )

    @strawberry.field(description="Read a quorum rule back as a sentence while it is being built; nothing is saved.")
    def quorum_rule_in_words(self, rule: QuorumRuleInput, joint: bool = False) -> QuorumRuleWording:
        try:
            return QuorumRuleWording(in_words=_rule(rule, joint=joint).in_words())
        except InputErrors as e:
            return QuorumRuleWording(errors=e.errors)


@strawberry.type(description="A quorum rule read back in words before it is saved, or what is wrong with it.")
class QuorumRuleWording:
    in_words: str | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CategoryMinimumInput:
    category: MemberCategoryEnum
    count: int


@strawberry.input
class QuorumPoolInput:
    count: int
    categories: list[MemberCategoryEnum]


@strawberry.input
class QuorumOfficesInput:
    offices: list[OfficeEnum]
    count: int = 1


@strawberry.input
class QuorumFractionInput:
    numerator: int
    denominator: int


@strawberry.input(description="Every requirement given must be met.")
class QuorumRuleInput:
    minimum_voting: int
    category_minimums: list[CategoryMinimumInput] = strawberry.field(default_factory=list)
    each_party: bool = False
    pools: list[QuorumPoolInput] = strawberry.field(default_factory=list)
    office_groups: list[QuorumOfficesInput] = strawberry.field(default_factory=list)
    chair_or_vice_chair: bool = False
    clinical_majority: bool = False
    fraction: QuorumFractionInput | None = None


@strawberry.input
class CreateCommitteeInput:
    organisation_id: strawberry.ID
    kind: CommitteeKindEnum
    name: str
    terms_summary: str = ""
    quorum_rule: QuorumRuleInput
    party_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    co_commissioning_level: CoCommissioningLevelEnum | None = None


@strawberry.input
class UpdateCommitteeInput:
    id: strawberry.ID
    name: str
    terms_summary: str
    quorum_rule: QuorumRuleInput


@strawberry.input(description="The terms of reference as a PDF or Word document, in base64.")
class AttachTermsOfReferenceInput:
    committee_id: strawberry.ID
    filename: str
    content_base64: str


@strawberry.input
class AddSeatInput:
    committee_id: strawberry.ID
    person_id: strawberry.ID
    party_id: strawberry.ID | None = None
    role: SeatRoleEnum
    voting: bool
    category: MemberCategoryEnum
    office: OfficeEnum | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@strawberry.input
class WithdrawSeatInput:
    id: strawberry.ID


@strawberry.input
class EndSeatInput:
    id: strawberry.ID
    valid_to: date


CommitteePayload = payload("CommitteePayload", committee=CommitteeNode)


SeatPayload = payload("SeatPayload", seat=SeatNode)


def _rule(rule: QuorumRuleInput, *, joint: bool) -> QuorumRule:
    categories: dict[str, int] = {}
    for minimum in rule.category_minimums:
        categories[MemberCategory(minimum.category).value] = minimum.count
    data = {
        "minimum_voting": rule.minimum_voting,
        "categories": categories,
        "each_party": rule.each_party,
        "pools": [
            {"count": p.count, "categories": [MemberCategory(c).value for c in p.categories]} for p in rule.pools
        ],
        "offices": [{"count": o.count, "offices": [Office(x).value for x in o.offices]} for o in rule.office_groups],
        "chair_or_vice_chair": rule.chair_or_vice_chair,
        "clinical_majority": rule.clinical_majority,
        "fraction": rule.fraction and [rule.fraction.numerator, rule.fraction.denominator],
    }
    return service.rule_from_input(data, joint=joint)


@strawberry.type
class CommitteeMutations:
    @mutation
    async def create_committee(self, info: Info, input: CreateCommitteeInput) -> CommitteePayload:
        ctx = info.context
        row = await service.create_committee(
            ctx.db,
            ctx.access,
            org_id=ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            kind=input.kind,
            name=input.name,
            terms_summary=input.terms_summary,
            rule=_rule(input.quorum_rule, joint=input.kind == CommitteeKind.JOINT_COMMITTEE),
            party_org_ids=[ids.decode_as("Organisation", p, "partyIds") for p in input.party_ids],
            co_commissioning_level=input.co_commissioning_level,
        )
        return CommitteePayload(committee=CommitteeNode.from_row(row))

    @mutation
    async def update_committee(self, info: Info, input: UpdateCommitteeInput) -> CommitteePayload:
        ctx = info.context
        committee_id = ids.decode_as("Committee", input.id, "id")
        existing = await service.get_committee(ctx.db, ctx.access, committee_id)
        row = await service.update_committee(
            ctx.db,
            ctx.access,
            committee_id,
            name=input.name,
            terms_summary=input.terms_summary,
            rule=_rule(input.quorum_rule, joint=bool(existing and existing.is_joint)),
        )
        return CommitteePayload(committee=CommitteeNode.from_row(row))

    @mutation
    async def attach_terms_of_reference(self, info: Info, input: AttachTermsOfReferenceInput) -> CommitteePayload:
        ctx = info.context
        row = await service.attach_terms_of_reference(
            ctx.db,
            ctx.access,
            ids.decode_as("Committee", input.committee_id, "committeeId"),
            filename=input.filename,
            content_base64=input.content_base64,
        )
        return CommitteePayload(committee=CommitteeNode.from_row(row))

    @mutation
    async def add_seat(self, info: Info, input: AddSeatInput) -> SeatPayload:
        ctx = info.context
        row = await service.add_seat(
            ctx.db,
            ctx.access,
            committee_id=ids.decode_as("Committee", input.committee_id, "committeeId"),
            person_id=ids.decode_as("Person", input.person_id, "personId"),
            party_org_id=input.party_id and ids.decode_as("Organisation", input.party_id, "partyId"),
            role=input.role,
            voting=input.voting,
            category=input.category,
            office=input.office,
            valid_from=input.valid_from,
            valid_to=input.valid_to,
        )
        return SeatPayload(seat=SeatNode.from_row(row))

    @mutation
    async def end_seat(self, info: Info, input: EndSeatInput) -> SeatPayload:
        ctx = info.context
        row = await service.end_seat(ctx.db, ctx.access, ids.decode_as("Seat", input.id, "id"), input.valid_to)
        return SeatPayload(seat=SeatNode.from_row(row))

    @mutation(description="Withdraw a seat entered by mistake, on the day it was entered (audited).")
    async def withdraw_seat(self, info: Info, input: WithdrawSeatInput) -> SeatPayload:
        ctx = info.context
        row = await service.withdraw_seat(ctx.db, ctx.access, ids.decode_as("Seat", input.id, "id"))
        return SeatPayload(seat=SeatNode.from_row(row))
