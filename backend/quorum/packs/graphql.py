from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import ClassVar

import strawberry
from strawberry.dataloader import DataLoader

from quorum import ids
from quorum.auth.identity import transaction_for
from quorum.errors import ClientError
from quorum.events import hub
from quorum.graphql.context import Context, Info
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.node import Node, by_id_loader
from quorum.meetings.graphql import PartEnum
from quorum.meetings.policy import can_run
from quorum.packs import builder, policy, service
from quorum.packs.tables import BuildStatus, PackBuild

BuildStatusEnum = strawberry.enum(BuildStatus, name="PackBuildStatus")
builds_by_id = by_id_loader(policy.visible_builds, PackBuild.id)


def builds_by_meeting(ctx: Context) -> DataLoader:
    async def load(meeting_ids: list[uuid.UUID]) -> list[list[PackBuild]]:
        rows = await ctx.db.all(
            policy.visible_builds(ctx.access)
            .where(PackBuild.meeting_id.in_(meeting_ids), PackBuild.session_id.is_(None))
            .order_by(PackBuild.created_at.desc())
        )
        return [[b for b in rows if b.meeting_id == m] for m in meeting_ids]

    return DataLoader(load_fn=load)


@strawberry.type
class ItemPage:
    item_id: strawberry.ID
    page: int


@strawberry.type(name="PackBuild")
class PackBuildNode(Node):
    loader: ClassVar = ("pack_builds", builds_by_id)
    part: PartEnum
    number: int
    is_supplement: bool
    status: BuildStatusEnum
    progress: int
    message: str
    page_count: int | None
    created_at: datetime
    published_at: datetime | None
    withdrawn_at: datetime | None = strawberry.field(description="When a published pack was withdrawn, if it was.")
    withdrawal_reason: str | None = strawberry.field(description="Why the pack was withdrawn, shown to its readers.")
    row: strawberry.Private[PackBuild]

    @classmethod
    def from_row(cls, row: PackBuild) -> PackBuildNode:
        return cls(
            id=ids.encode("PackBuild", row.id),
            part=row.part,
            number=row.number,
            is_supplement=row.is_supplement,
            status=row.status,
            progress=row.progress,
            message=row.message,
            page_count=row.page_count,
            created_at=row.created_at,
            published_at=row.published_at,
            withdrawn_at=row.withdrawn_at,
            withdrawal_reason=row.withdrawn_reason,
            row=row,
        )

    @strawberry.field(
        description="Whether the viewer may withdraw this pack: it is published, not yet withdrawn, and the viewer "
        "runs the meeting that holds it (for a session of committees in common, their committee's meeting of it)."
    )
    def viewer_can_withdraw(self, info: Info) -> bool:
        published = self.row.published_at is not None and self.row.withdrawn_at is None
        return published and can_run(info.context.access, self.row.committee_id)

    @strawberry.field(description="The page each top-level agenda item starts on, to open the pack at it (url#page=N).")
    def item_pages(self) -> list[ItemPage]:
        pages = sorted(self.row.item_pages.items(), key=lambda entry: entry[1])
        kind = "InCommonItem" if self.row.session_id else "AgendaItem"
        return [ItemPage(item_id=ids.encode(kind, uuid.UUID(k)), page=v) for k, v in pages]

    @strawberry.field(
        description="Where to download the PDF (a private pack is stamped with the reader's name); none once withdrawn."
    )
    def url(self) -> str | None:
        return f"/packs/{self.row.id}.pdf" if self.row.file_id and self.row.withdrawn_at is None else None


@strawberry.type
class PackBuildProgress:
    status: BuildStatusEnum
    progress: int
    message: str
    page_count: int | None


@strawberry.input
class BuildPackInput:
    meeting_id: strawberry.ID
    part: PartEnum
    supplement: bool = False


@strawberry.input
class PublishPackInput:
    id: strawberry.ID


@strawberry.input
class UnpublishPackInput:
    id: strawberry.ID
    reason: str


PackBuildPayload = payload("PackBuildPayload", build=PackBuildNode)


@strawberry.type
class PackMutations:
    @mutation(description="Start building the pack in the background; follow packBuildProgress.")
    async def build_pack(self, info: Info, input: BuildPackInput) -> PackBuildPayload:
        ctx = info.context
        row = await service.start_build(
            ctx.db, ctx.access, ids.decode_as("Meeting", input.meeting_id, "meetingId"), input.part, input.supplement
        )
        return PackBuildPayload(build=PackBuildNode.from_row(row))

    @mutation(description="Publish a finished build: its papers become included, and public if Part I.")
    async def publish_pack(self, info: Info, input: PublishPackInput) -> PackBuildPayload:
        ctx = info.context
        row = await service.publish(ctx.db, ctx.access, ids.decode_as("PackBuild", input.id, "id"))
        return PackBuildPayload(build=PackBuildNode.from_row(row))

    @mutation(description="Withdraw a published pack with a reason its readers see; its file is no longer offered.")
    async def unpublish_pack(self, info: Info, input: UnpublishPackInput) -> PackBuildPayload:
        ctx = info.context
        row = await service.unpublish(ctx.db, ctx.access, ids.decode_as("PackBuild", input.id, "id"), input.reason)
        return PackBuildPayload(build=PackBuildNode.from_row(row))


@strawberry.type
class PackSubscriptions:
    @strawberry.subscription(description="A build's progress until it is done or has failed.")
    async def pack_build_progress(self, info: Info, build_id: strawberry.ID) -> AsyncGenerator[PackBuildProgress, None]:
        key = ids.expect("PackBuild", build_id)
        async with hub.subscription(builder.topic(key)) as queue:  # listen first, so nothing is missed
            async with transaction_for(info.context.identity) as (db, access):
                build = await db.first(policy.visible_builds(access).where(PackBuild.id == key))
            if build is None:
                raise ClientError("No such pack build.")
            reported = PackBuildNode.from_row(build)
            yield PackBuildProgress(
                status=reported.status,
                progress=reported.progress,
                message=reported.message,
                page_count=reported.page_count,
            )
            status, shown = BuildStatus(reported.status), reported.progress
            while status not in (BuildStatus.DONE, BuildStatus.FAILED):
                event = await queue.get()
                status = BuildStatus(event["status"])
                if event["progress"] < shown and status not in (BuildStatus.DONE, BuildStatus.FAILED):
                    continue  # heard before the state above was read, so already reported in it
                shown = event["progress"]
                yield PackBuildProgress(
                    status=status, progress=event["progress"], message=event["message"], page_count=event["page_count"]
                )
