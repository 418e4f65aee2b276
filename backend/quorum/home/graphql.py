"""`viewer { toDo }`: the home page's list, for any client.

The people domain's `Viewer` cannot name this domain (it stands below the ones the list reads), so this module
extends it: `HomeViewer` is the schema's `Viewer`, and `HomeQueries.viewer` (composed ahead of the people
domain's in `web/schema.py`) returns it.
"""

from __future__ import annotations

from datetime import date

import strawberry

from quorum import clock, ids
from quorum.graphql.context import Info
from quorum.graphql.node import load_node
from quorum.home.todo import ToDo, ToDoKind, gather
from quorum.organisations.graphql import OrganisationNode
from quorum.people.graphql import PeopleQueries, PersonNode, Viewer, people_by_id

ToDoKindEnum = strawberry.enum(
    ToDoKind,
    name="ToDoKind",
    description="What kind of thing there is to do; a client can group or label the list by it.",
)


@strawberry.type(name="ToDo", description="Something the viewer should do next, and where to do it.")
class ToDoItem:
    kind: ToDoKindEnum
    title: str
    detail: str = strawberry.field(description="A sentence saying what is wanted.")
    due_on: date | None = strawberry.field(description="When it is due (London date); null when nothing sets one.")
    url: str = strawberry.field(description="The app's page where it is done, a path such as /papers/ID.")
    subject_id: strawberry.ID = strawberry.field(
        description="The global ID of the record it is about (a Meeting, Paper, Action, Ballot, Survey, "
        "Delegation, or for a declaration the Organisation), for node(id:)."
    )
    row: strawberry.Private[ToDo]

    @classmethod
    def from_row(cls, row: ToDo) -> ToDoItem:
        return cls(
            kind=row.kind,
            title=row.title,
            detail=row.detail,
            due_on=row.due_on,
            url=row.url,
            subject_id=strawberry.ID(ids.encode(row.subject_type, row.subject_id)),
            row=row,
        )

    @strawberry.field(description="Unique within the list: the kind and the subject.")
    def key(self) -> str:
        return f"{self.row.kind.value}:{self.subject_id}"

    @strawberry.field(description="True when its due date has passed.")
    def overdue(self) -> bool:
        return self.row.overdue_on(clock.today())

    @strawberry.field(description="The organisation it belongs to; null if the viewer can no longer see it.")
    async def organisation(self, info: Info) -> OrganisationNode | None:
        return await load_node(info, OrganisationNode, self.row.org_id)


@strawberry.type(name="Viewer")
class HomeViewer(Viewer):
    @strawberry.field(
        name="toDo",
        description="What the viewer should do next across their organisations, soonest due first (at most 100).",
    )
    async def to_do(self, info: Info) -> list[ToDoItem]:
        return [ToDoItem.from_row(t) for t in await gather(info.context.db, info.context.access)]


@strawberry.type
class HomeQueries(PeopleQueries):
    @strawberry.field(description="Null when nobody is signed in.")
    async def viewer(self, info: Info) -> HomeViewer | None:
        access = info.context.access
        if access.person_id is None:
            return None
        row = await info.context.loader("people", people_by_id).load(access.person_id)
        return row and HomeViewer(person=PersonNode.from_row(row), is_platform_admin=access.is_platform_admin)
