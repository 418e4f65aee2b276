from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

import strawberry
from strawberry.dataloader import DataLoader

from quorum import clock, ids
from quorum.access import Role
from quorum.database import matching
from quorum.graphql.context import Context, Info
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader, load_node
from quorum.graphql.pagination import Connection, paginate
from quorum.organisations.graphql import OrganisationNode, PracticeNode, optional_id
from quorum.people import policy, service
from quorum.people.tables import Membership, Person

RoleEnum = strawberry.enum(Role, name="Role")

people_by_id = by_id_loader(policy.visible_people, Person.id)
memberships_by_id = by_id_loader(policy.visible_memberships, Membership.id)


def memberships_by_person(ctx: Context) -> DataLoader:
    async def load(person_ids: list[uuid.UUID]) -> list[list[Membership]]:
        rows = await ctx.db.all(
            policy.visible_memberships(ctx.access)
            .where(Membership.person_id.in_(person_ids))
            .order_by(Membership.valid_from, Membership.id)
        )
        return [[m for m in rows if m.person_id == p] for p in person_ids]

    return DataLoader(load_fn=load)


@strawberry.type(name="Person")
class PersonNode(Node):
    loader: ClassVar = ("people", people_by_id)
    name: str
    email: str
    row: strawberry.Private[Person]

    @classmethod
    def from_row(cls, row: Person) -> PersonNode:
        return cls(id=ids.encode("Person", row.id), name=row.name, email=row.email, row=row)

    @strawberry.field(description="The memberships the viewer may see, past and present.")
    async def memberships(self, info: Info) -> list[MembershipNode]:
        rows = await info.context.loader("memberships_by_person", memberships_by_person).load(self.row.id)
        return [MembershipNode.from_row(m) for m in rows]


@strawberry.type(name="Membership")
class MembershipNode(Node):
    loader: ClassVar = ("memberships", memberships_by_id)
    role: RoleEnum
    valid_from: date
    valid_to: date | None
    row: strawberry.Private[Membership]

    @classmethod
    def from_row(cls, row: Membership) -> MembershipNode:
        return cls(
            id=ids.encode("Membership", row.id),
            role=row.role,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            row=row,
        )

    @strawberry.field
    def is_active(self) -> bool:
        return self.row.is_active_on(clock.today())

    @strawberry.field
    async def person(self, info: Info) -> PersonNode:
        return await load_node(info, PersonNode, self.row.person_id)  # type: ignore[return-value]

    @strawberry.field(description="Null when the viewer can no longer see the organisation.")
    async def organisation(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)

    @strawberry.field
    async def practice(self, info: Info) -> PracticeNode | None:
        return await load_node(info, PracticeNode, self.row.practice_id)


async def membership_connection(info: Info, org_id: uuid.UUID, first: int, after: str | None):
    statement = policy.visible_memberships(info.context.access).where(Membership.org_id == org_id)
    keys = [Membership.valid_from, Membership.id]
    return await paginate(info.context.db, statement, keys, first, after, MembershipNode.from_row)


@strawberry.type
class Viewer:
    person: PersonNode
    is_platform_admin: bool

    @strawberry.field(description="Active memberships only.")
    async def memberships(self, info: Info) -> list[MembershipNode]:
        rows = await info.context.loader("memberships_by_person", memberships_by_person).load(self.person.row.id)
        today = clock.today()
        return [MembershipNode.from_row(m) for m in rows if m.is_active_on(today)]


@strawberry.type
class PeopleQueries:
    @strawberry.field(description="Null when nobody is signed in.")
    async def viewer(self, info: Info) -> Viewer | None:
        access = info.context.access
        if access.person_id is None:
            return None
        row = await info.context.loader("people", people_by_id).load(access.person_id)
        return row and Viewer(person=PersonNode.from_row(row), is_platform_admin=access.is_platform_admin)

    @strawberry.field(description="People registered with the organisations the viewer belongs to.")
    async def people(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        organisation_id: strawberry.ID | None = None,
        search: str | None = None,
    ) -> Connection[PersonNode]:
        statement = policy.visible_people(info.context.access, optional_id("Organisation", organisation_id))
        statement = matching(statement, Person.name, Person.email, text=search)
        return await paginate(info.context.db, statement, [Person.email], first, after, PersonNode.from_row)


@strawberry.input
class CreatePersonInput:
    organisation_id: strawberry.ID
    name: str
    email: str


@strawberry.input
class CreateMembershipInput:
    person_id: strawberry.ID
    organisation_id: strawberry.ID
    role: RoleEnum
    practice_id: strawberry.ID | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@strawberry.input
class EndMembershipInput:
    id: strawberry.ID
    valid_to: date


PersonPayload = payload("PersonPayload", person=PersonNode)
MembershipPayload = payload("MembershipPayload", membership=MembershipNode)


@strawberry.type
class PeopleMutations:
    @mutation(description="Register a person with an organisation (one person record per email across Quorum).")
    async def create_person(self, info: Info, input: CreatePersonInput) -> PersonPayload:
        ctx = info.context
        org_id = ids.decode_as("Organisation", input.organisation_id, "organisationId")
        row = await service.register_person(ctx.db, ctx.access, org_id=org_id, name=input.name, email=input.email)
        return PersonPayload(person=PersonNode.from_row(row))

    @mutation
    async def create_membership(self, info: Info, input: CreateMembershipInput) -> MembershipPayload:
        ctx = info.context
        row = await service.create_membership(
            ctx.db,
            ctx.access,
            person_id=ids.decode_as("Person", input.person_id, "personId"),
            org_id=ids.decode_as("Organisation", input.organisation_id, "organisationId"),
            role=input.role,
            practice_id=input.practice_id and ids.decode_as("Practice", input.practice_id, "practiceId"),
            valid_from=input.valid_from,
            valid_to=input.valid_to,
        )
        return MembershipPayload(membership=MembershipNode.from_row(row))

    @mutation
    async def end_membership(self, info: Info, input: EndMembershipInput) -> MembershipPayload:
        ctx = info.context
        membership_id = ids.decode_as("Membership", input.id, "id")
        row = await service.end_membership(ctx.db, ctx.access, membership_id, input.valid_to)
        return MembershipPayload(membership=MembershipNode.from_row(row))
