from __future__ import annotations

from datetime import date
from typing import ClassVar

import strawberry

from quorum import ids
from quorum.contracts import policy, service
from quorum.contracts.tables import ContractType, PrimaryCareContract
from quorum.graphql.context import Info
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node
from quorum.graphql.pagination import Connection, paginate
from quorum.organisations.graphql import OrganisationNode, PracticeNode, optional_id

ContractTypeEnum = strawberry.enum(ContractType, name="ContractType")
contracts_by_id = by_id_loader(policy.visible_contracts, PrimaryCareContract.id)


@strawberry.type(name="PrimaryCareContract")
class PrimaryCareContractNode(Node):
    loader: ClassVar = ("contracts", contracts_by_id)
    contract_type: ContractTypeEnum
    start_date: date
    enhanced_services: list[str]
    notes: str
    row: strawberry.Private[PrimaryCareContract]

    @classmethod
    def from_row(cls, row: PrimaryCareContract) -> PrimaryCareContractNode:
        return cls(
            id=ids.encode("PrimaryCareContract", row.id),
            contract_type=row.contract_type,
            start_date=row.start_date,
            enhanced_services=list(row.enhanced_services),
            notes=row.notes,
            row=row,
        )

    @strawberry.field
    async def practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.row.practice_id)

    @strawberry.field(description="The area team holding the record.")
    async def area_team(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)

    @strawberry.field
    def viewer_can_change(self, info: Info) -> bool:
        return policy.can_change(info.context.access, self.row)


@strawberry.type
class ContractQueries:
    @strawberry.field(description="Contract records the viewer may see, optionally for one CCG's practices.")
    async def primary_care_contracts(
        self, info: Info, first: int = 50, after: str | None = None, organisation_id: strawberry.ID | None = None
    ) -> Connection[PrimaryCareContractNode]:
        statement = policy.visible_contracts(info.context.access)
        ccg = optional_id("Organisation", organisation_id)
        if ccg is not None:
            statement = statement.where(PrimaryCareContract.practice_org_id == ccg)
        return await paginate(
            info.context.db, statement, [PrimaryCareContract.id], first, after, PrimaryCareContractNode.from_row
        )


@strawberry.input
class CreatePrimaryCareContractInput:
    practice_id: strawberry.ID
    contract_type: ContractTypeEnum
    start_date: date
    enhanced_services: list[str] = strawberry.field(default_factory=list)
    notes: str = ""


@strawberry.input
class UpdatePrimaryCareContractInput:
    id: strawberry.ID
    contract_type: ContractTypeEnum
    start_date: date
    enhanced_services: list[str] = strawberry.field(default_factory=list)
    notes: str = ""


PrimaryCareContractPayload = payload("PrimaryCareContractPayload", contract=PrimaryCareContractNode)


@strawberry.type
class ContractMutations:
    @mutation
    async def create_primary_care_contract(
        self, info: Info, input: CreatePrimaryCareContractInput
    ) -> PrimaryCareContractPayload:
        ctx = info.context
        row = await service.create_contract(
            ctx.db,
            ctx.access,
            practice_id=ids.decode_as("Practice", input.practice_id, "practiceId"),
            contract_type=input.contract_type,
            start_date=input.start_date,
            enhanced_services=input.enhanced_services,
            notes=input.notes,
        )
        return PrimaryCareContractPayload(contract=PrimaryCareContractNode.from_row(row))

    @mutation
    async def update_primary_care_contract(
        self, info: Info, input: UpdatePrimaryCareContractInput
    ) -> PrimaryCareContractPayload:
        ctx = info.context
        row = await service.update_contract(
            ctx.db,
            ctx.access,
            ids.decode_as("PrimaryCareContract", input.id, "id"),
            contract_type=input.contract_type,
            start_date=input.start_date,
            enhanced_services=input.enhanced_services,
            notes=input.notes,
        )
        return PrimaryCareContractPayload(contract=PrimaryCareContractNode.from_row(row))
