from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

import strawberry

from quorum import ids
from quorum.database import matching
from quorum.errors import input_error
from quorum.graphql.context import Info
from quorum.graphql.errors import UserError
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node
from quorum.graphql.pagination import Connection, paginate
from quorum.organisations import directory, importer, policy, service
from quorum.organisations.tables import Organisation, OrganisationKind, Practice

if TYPE_CHECKING:
    from quorum.people.graphql import MembershipNode

OrganisationKindEnum = strawberry.enum(OrganisationKind, name="OrganisationKind")

organisations_by_id = by_id_loader(policy.visible_organisations, Organisation.id)
practices_by_id = by_id_loader(policy.visible_practices, Practice.id)


@strawberry.type(name="Organisation")
class OrganisationNode(Node):
    loader: ClassVar = ("organisations", organisations_by_id)
    kind: OrganisationKindEnum
    ods_code: str
    name: str
    row: strawberry.Private[Organisation]

    @classmethod
    def from_row(cls, row: Organisation) -> OrganisationNode:
        return cls(id=ids.encode("Organisation", row.id), kind=row.kind, ods_code=row.ods_code, name=row.name, row=row)

    @strawberry.field(description="Null when the viewer cannot see the area team.")
    async def area_team(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.area_team_id)

    @strawberry.field
    async def practices(
        self, info: Info, first: int = 50, after: str | None = None, search: str | None = None
    ) -> Connection[PracticeNode]:
        return await practice_connection(info, self.row.id, first, after, search)

    @strawberry.field
    async def memberships(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> Connection[Annotated[MembershipNode, strawberry.lazy("quorum.people.graphql")]]:
        from quorum.people.graphql import membership_connection

        return await membership_connection(info, self.row.id, first, after)

    @strawberry.field(
        description="True when the viewer may manage this organisation's practices, people and memberships."
    )
    def viewer_can_administer(self, info: Info) -> bool:
        return policy.can_administer(info.context.access, self.row.id)


@strawberry.type(name="Practice")
class PracticeNode(Node):
    loader: ClassVar = ("practices", practices_by_id)
    ods_code: str
    name: str
    list_size: int
    locality: str
    row: strawberry.Private[Practice]

    @classmethod
    def from_row(cls, row: Practice) -> PracticeNode:
        return cls(
            id=ids.encode("Practice", row.id),
            ods_code=row.ods_code,
            name=row.name,
            list_size=row.list_size,
            locality=row.locality,
            row=row,
        )

    @strawberry.field
    async def organisation(self, info: Info) -> OrganisationNode:
        return await load_node(info, OrganisationNode, self.row.org_id)  # type: ignore[return-value]


async def practice_connection(info: Info, org_id, first: int, after: str | None, search: str | None):
    statement = matching(
        policy.visible_practices(info.context.access, org_id), Practice.name, Practice.ods_code, text=search
    )
    return await paginate(info.context.db, statement, [Practice.ods_code], first, after, PracticeNode.from_row)


def optional_id(type_name: str, global_id: strawberry.ID | None):
    return None if global_id is None else ids.expect(type_name, global_id)


@strawberry.type(description="An organisation as the public directory lists it.")
class PublicDirectoryEntry:
    id: strawberry.ID
    kind: OrganisationKindEnum
    ods_code: str
    name: str
    area_team_name: str | None = strawberry.field(description="The NHS England area team a CCG belongs to.")

    @classmethod
    def from_row(cls, row: Any) -> PublicDirectoryEntry:
        return cls(
            id=ids.encode("Organisation", row.id),
            kind=OrganisationKind(row.kind),
            ods_code=row.ods_code,
            name=row.name,
            area_team_name=row.area_team_name,
        )


@strawberry.type
class OrganisationQueries:
    @strawberry.field(
        description="Every organisation, by name, readable without signing in; `search` matches a name or ODS code."
    )
    async def public_directory(
        self, info: Info, search: str | None = None, first: int = 50, after: str | None = None
    ) -> Connection[PublicDirectoryEntry]:
        statement = directory.search_statement(search)
        return await paginate(info.context.db, statement, directory.ORDER, first, after, PublicDirectoryEntry.from_row)

    @strawberry.field
    async def organisations(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        kind: OrganisationKindEnum | None = None,
        search: str | None = None,
    ) -> Connection[OrganisationNode]:
        statement = policy.visible_organisations(info.context.access)
        if kind is not None:
            statement = statement.where(Organisation.kind == kind)
        statement = matching(statement, Organisation.name, Organisation.ods_code, text=search)
        keys = [Organisation.ods_code]
        return await paginate(info.context.db, statement, keys, first, after, OrganisationNode.from_row)

    @strawberry.field
    async def practices(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        organisation_id: strawberry.ID | None = None,
        search: str | None = None,
    ) -> Connection[PracticeNode]:
        return await practice_connection(info, optional_id("Organisation", organisation_id), first, after, search)


@strawberry.input
class CreateOrganisationInput:
    kind: OrganisationKindEnum
    ods_code: str
    name: str
    area_team_id: strawberry.ID | None = None


@strawberry.input
class UpdateOrganisationInput:
    id: strawberry.ID
    name: str


@strawberry.input
class CreatePracticeInput:
    organisation_id: strawberry.ID
    ods_code: str
    name: str
    list_size: int
    locality: str


@strawberry.input
class UpdatePracticeInput:
    id: strawberry.ID
    name: str
    list_size: int
    locality: str


@strawberry.input(
    description="The file's bytes in base64; .xlsx or .csv with columns ods_code, name, list_size, locality."
)
class ImportPracticesInput:
    organisation_id: strawberry.ID
    filename: str
    content_base64: str


OrganisationPayload = payload("OrganisationPayload", organisation=OrganisationNode)


PracticePayload = payload("PracticePayload", practice=PracticeNode)


@strawberry.type
class RowError:
    row: int
    message: str


@strawberry.type(description="Nothing is imported when rowErrors or errors is non-empty.")
class ImportPracticesPayload:
    created: int = 0
    updated: int = 0
    row_errors: list[RowError] = strawberry.field(default_factory=list)
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class OrganisationMutations:
    @mutation
    async def create_organisation(self, info: Info, input: CreateOrganisationInput) -> OrganisationPayload:
        ctx = info.context
        area_team_id = input.area_team_id and ids.decode_as("Organisation", input.area_team_id, "areaTeamId")
        row = await service.create_organisation(
            ctx.db, ctx.access, kind=input.kind, ods_code=input.ods_code, name=input.name, area_team_id=area_team_id
        )
        return OrganisationPayload(organisation=OrganisationNode.from_row(row))

    @mutation
    async def update_organisation(self, info: Info, input: UpdateOrganisationInput) -> OrganisationPayload:
        ctx = info.context
        org_id = ids.decode_as("Organisation", input.id, "id")
        row = await service.update_organisation(ctx.db, ctx.access, org_id, name=input.name)
        return OrganisationPayload(organisation=OrganisationNode.from_row(row))

    @mutation
    async def create_practice(self, info: Info, input: CreatePracticeInput) -> PracticePayload:
        ctx = info.context
        org_id = ids.decode_as("Organisation", input.organisation_id, "organisationId")
        row = await service.create_practice(
            ctx.db,
            ctx.access,
            org_id=org_id,
            ods_code=input.ods_code,
            name=input.name,
            list_size=input.list_size,
            locality=input.locality,
        )
        return PracticePayload(practice=PracticeNode.from_row(row))

    @mutation
    async def update_practice(self, info: Info, input: UpdatePracticeInput) -> PracticePayload:
        ctx = info.context
        practice_id = ids.decode_as("Practice", input.id, "id")
        row = await service.update_practice(
            ctx.db, ctx.access, practice_id, name=input.name, list_size=input.list_size, locality=input.locality
        )
        return PracticePayload(practice=PracticeNode.from_row(row))

    @mutation
    async def import_practices(self, info: Info, input: ImportPracticesInput) -> ImportPracticesPayload:
        ctx = info.context
        org_id = ids.decode_as("Organisation", input.organisation_id, "organisationId")
        try:
            content = base64.b64decode(input.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise input_error("contentBase64", "The file's content is not valid base64.") from None
        result = await importer.import_practices(ctx.db, ctx.access, org_id, input.filename, content)
        return ImportPracticesPayload(
            created=result.created,
            updated=result.updated,
            row_errors=[RowError(row=r.row, message=r.message) for r in result.row_errors or []],
        )
