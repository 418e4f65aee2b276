"""Who may see pack builds. Row-level security says the same (migration 0004): those who see the committee's
private business see every build; everyone sees a published public pack. Building and publishing a pack is
running the meeting (quorum.meetings.policy.can_run), and so is withdrawing a published pack; a withdrawn pack's
file is read only by those who see the committee's private business."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, and_, or_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.meetings.tables import Part
from quorum.packs.tables import PackBuild


def visible_builds(access: Access) -> SelectOfScalar[PackBuild]:
    return select(PackBuild).where(
        or_(
            col(PackBuild.committee_id).in_(access.private_committee_ids),
            and_(col(PackBuild.part) == Part.PUBLIC, col(PackBuild.published_at).is_not(None)),
        )
    )


def visible_pack_files(access: Access) -> Select[tuple[uuid.UUID, uuid.UUID]]:
    """The stored files of the pack builds the caller may see (quorum.files.policy); a withdrawn pack's file only
    by those who see the committee's private business (migration 0027)."""
    build = visible_builds(access).subquery()
    return select(build.c.org_id, build.c.file_id).where(
        build.c.file_id.is_not(None),
        or_(build.c.withdrawn_at.is_(None), build.c.committee_id.in_(access.private_committee_ids)),
    )


def may_read_file(access: Access, build: PackBuild) -> bool:
    """Whether the caller, who sees this build, may download it."""
    return build.withdrawn_at is None or build.committee_id in access.private_committee_ids


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    PackBuild: visible_builds,
}
