from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

import strawberry
from sqlmodel import select

from quorum import clock, ids
from quorum.committees.graphql import CommitteeNode
from quorum.database import Db
from quorum.delegations import policy, service
from quorum.delegations.functions import DELEGABLE, RETAINED
from quorum.delegations.tables import Delegation
from quorum.files.graphql import StoredFileType, stored_file
from quorum.graphql.context import Info
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node, load_nodes
from quorum.graphql.pagination import Connection, paginate
from quorum.organisations.graphql import OrganisationNode, optional_id
from quorum.people.graphql import PersonNode

DelegationStatusEnum = strawberry.enum(service.DelegationStatus, name="DelegationStatus")
delegations_by_id = by_id_loader(policy.visible_delegations, Delegation.id)


@strawberry.type
class DelegableFunction:
    code: str
    description: str
    retained_by_nhs_england: bool


@strawberry.type(name="Delegation")
class DelegationNode(Node):
    loader: ClassVar = ("delegations", delegations_by_id)
    functions: list[str]
    valid_from: datetime
    valid_to: datetime
    recorded_at: datetime
    revoked_at: datetime | None
    revocation_reason: str | None
    row: strawberry.Private[Delegation]

    @classmethod
    def from_row(cls, row: Delegation) -> DelegationNode:
        return cls(
            id=ids.encode("Delegation", row.id),
            functions=list(row.functions),
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            recorded_at=row.recorded_at,
            revoked_at=row.revoked_at,
            revocation_reason=row.revocation_reason,
            row=row,
        )

    @strawberry.field
    def status(self) -> DelegationStatusEnum:
        return service.status(self.row, clock.now())

    @strawberry.field
    def function_descriptions(self) -> list[str]:
        return [DELEGABLE.get(f, f) for f in self.row.functions]

    @strawberry.field
    async def delegating_organisation(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)

    @strawberry.field
    async def receiving_committee(self, info: Info) -> CommitteeNode | None:
        return await load_node(info, CommitteeNode, self.row.receiving_committee_id)

    @strawberry.field(description="The CCGs whose practices the delegation covers.")
    async def scope(self, info: Info) -> list[OrganisationNode]:
        return await load_nodes(info, OrganisationNode, list(self.row.scope_ccg_ids))

    @strawberry.field
    async def agreement(self, info: Info) -> StoredFileType | None:
        return await stored_file(info, self.row.agreement_file_id)

    @strawberry.field
    async def recorded_by(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.recorded_by)

    @strawberry.field
    async def revoked_by(self, info: Info) -> PersonNode | None:
        return await load_node(info, PersonNode, self.row.revoked_by)

    @strawberry.field(description="True when the viewer may attach the agreement or revoke the delegation.")
    def viewer_can_change(self, info: Info) -> bool:
        return policy.can_record(info.context.access, self.row.org_id)


async def delegations_of_committee(info: Info, committee_id: uuid.UUID) -> list[DelegationNode]:
    rows = await info.context.db.all(
        policy.visible_delegations(info.context.access)
        .where(Delegation.receiving_committee_id == committee_id)
        .order_by(Delegation.valid_from.desc())
    )
    return [DelegationNode.from_row(r) for r in rows]


@strawberry.type
class DelegationTarget:
    committee_id: strawberry.ID
    name: str
    host_name: str


@strawberry.type
class PublicDelegation:
    delegating_organisation: str
    receiving_committee: str
    receiving_host: str
    functions: list[str]
    scope: list[str]
    valid_from: datetime
    valid_to: datetime
    status: DelegationStatusEnum


@strawberry.type
class PublicScheme:
    organisation_name: str
    ods_code: str
    delegations: list[PublicDelegation]


async def public_scheme(db: Db, ods_code: str) -> PublicScheme | None:
    from sqlalchemy import func

    found = func.public_organisation(ods_code).table_valued("ods_code", "name")
    organisation = await db.first(select(found.c.ods_code, found.c.name))
    if organisation is None:
        return None
    published = func.public_delegations(ods_code).table_valued(
        "delegating",
        "receiving_committee",
        "receiving_host",
        "functions",
        "scope",
        "valid_from",
        "valid_to",
        "revoked_at",
    )
    rows = await db.all(select(*published.c))
    now = clock.now()
    return PublicScheme(
        organisation_name=organisation.name,
        ods_code=organisation.ods_code,
        delegations=[
            PublicDelegation(
                delegating_organisation=r.delegating,
                receiving_committee=r.receiving_committee,
                receiving_host=r.receiving_host,
                functions=[DELEGABLE.get(f, f) for f in r.functions],
                scope=list(r.scope),
                valid_from=r.valid_from,
                valid_to=r.valid_to,
                status=service.status(
                    Delegation(valid_from=r.valid_from, valid_to=r.valid_to, revoked_at=r.revoked_at), now
                ),
            )
            for r in rows
        ],
    )


@strawberry.type
class DelegationQueries:
    @strawberry.field(description="The register: delegations an organisation gave or received, or a committee holds.")
    async def delegations(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        organisation_id: strawberry.ID | None = None,
        committee_id: strawberry.ID | None = None,
    ) -> Connection[DelegationNode]:
        from sqlalchemy import or_

        statement = policy.visible_delegations(info.context.access)
        org_id = optional_id("Organisation", organisation_id)
        if org_id is not None:
            statement = statement.where(or_(Delegation.org_id == org_id, Delegation.receiving_org_id == org_id))
        committee = optional_id("Committee", committee_id)
        if committee is not None:
            statement = statement.where(Delegation.receiving_committee_id == committee)
        return await paginate(
            info.context.db, statement, [Delegation.valid_from, Delegation.id], first, after, DelegationNode.from_row
        )

    @strawberry.field(description="Every function in the vocabulary, including those NHS England keeps.")
    def delegable_functions(self) -> list[DelegableFunction]:
        vocabulary = [(DELEGABLE, False), (RETAINED, True)]
        return [
            DelegableFunction(code=c, description=d, retained_by_nhs_england=retained)
            for functions, retained in vocabulary
            for c, d in functions.items()
        ]

    @strawberry.field(description="Committees this organisation may delegate to.")
    async def delegation_targets(self, info: Info, organisation_id: strawberry.ID) -> list[DelegationTarget]:
        org_id = ids.expect("Organisation", organisation_id)
        return [
            DelegationTarget(committee_id=ids.encode("Committee", t.committee_id), name=t.name, host_name=t.host_name)
            for t in await service.targets(info.context.db, info.context.access, org_id)
        ]

    @strawberry.field(description="An organisation's published scheme of delegation; readable without signing in.")
    async def public_scheme_of_delegation(self, info: Info, ods_code: str) -> PublicScheme | None:
        return await public_scheme(info.context.db, ods_code)


@strawberry.input(description="A signed agreement: a PDF in base64.")
class AgreementInput:
    filename: str
    content_base64: str


@strawberry.input
class RecordDelegationInput:
    organisation_id: strawberry.ID
    committee_id: strawberry.ID
    functions: list[str]
    scope_ids: list[strawberry.ID]
    valid_from: datetime
    valid_to: datetime
    agreement: AgreementInput | None = None


@strawberry.input
class AttachAgreementInput:
    delegation_id: strawberry.ID
    filename: str
    content_base64: str


@strawberry.input
class RevokeDelegationInput:
    id: strawberry.ID
    reason: str


DelegationPayload = payload("DelegationPayload", delegation=DelegationNode)


@strawberry.type
class DelegationMutations:
    @mutation
    async def record_delegation(self, info: Info, input: RecordDelegationInput) -> DelegationPayload:
        ctx = info.context
        row = await service.record_delegation(
            ctx.db,
            ctx.access,
            org_id=ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            committee_id=ids.decode_as("Committee", input.committee_id, "committeeId"),
            functions=input.functions,
            scope_ccg_ids=[ids.decode_as("Organisation", s, "scopeIds") for s in input.scope_ids],
            valid_from=input.valid_from,
            valid_to=input.valid_to,
            agreement=input.agreement and (input.agreement.filename, input.agreement.content_base64),
        )
        return DelegationPayload(delegation=DelegationNode.from_row(row))

    @mutation
    async def attach_delegation_agreement(self, info: Info, input: AttachAgreementInput) -> DelegationPayload:
        ctx = info.context
        row = await service.attach_agreement(
            ctx.db,
            ctx.access,
            ids.decode_as("Delegation", input.delegation_id, "delegationId"),
            input.filename,
            input.content_base64,
        )
        return DelegationPayload(delegation=DelegationNode.from_row(row))

    @mutation
    async def revoke_delegation(self, info: Info, input: RevokeDelegationInput) -> DelegationPayload:
        ctx = info.context
        row = await service.revoke(ctx.db, ctx.access, ids.decode_as("Delegation", input.id, "id"), input.reason)
        return DelegationPayload(delegation=DelegationNode.from_row(row))
