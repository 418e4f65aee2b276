"""Who may see and write papers, their versions and appendices. Row-level security says the same (migrations 0004
and 0010): a paper is seen by its author and sponsor, by those who see its committee's private business, and, when
public, with its agenda item; a version once approved (by the committee) or published (by everyone who sees the
paper); an appendix with its version. The author and the board secretary write; the sponsor approves."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, and_, or_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.meetings.policy import can_run, visible_items
from quorum.meetings.tables import AgendaItem
from quorum.papers import workflow
from quorum.papers.tables import Appendix, Paper, PaperStatus, PaperVersion
from quorum.papers.workflow import Actor


def visible_papers(access: Access) -> SelectOfScalar[Paper]:
    item_visible = visible_items(access).where(col(AgendaItem.id) == col(Paper.item_id)).exists()
    return select(Paper).where(
        or_(
            col(Paper.committee_id).in_(access.private_committee_ids),
            col(Paper.author_id) == access.person_id,
            col(Paper.sponsor_id) == access.person_id,
            and_(col(Paper.is_public), col(Paper.committee_id).in_(access.committee_ids), item_visible),
            and_(col(Paper.is_public), col(Paper.status) == PaperStatus.INCLUDED, item_visible),
        )
    )


def visible_versions(access: Access) -> SelectOfScalar[PaperVersion]:
    paper = visible_papers(access).where(col(Paper.id) == col(PaperVersion.paper_id))
    return select(PaperVersion).where(
        or_(
            paper.where(
                or_(
                    col(Paper.committee_id).in_(access.officer_committee_ids),
                    col(Paper.author_id) == access.person_id,
                    col(Paper.sponsor_id) == access.person_id,
                )
            ).exists(),
            and_(
                col(PaperVersion.approved_at).is_not(None),
                paper.where(col(Paper.committee_id).in_(access.committee_ids)).exists(),
            ),
            and_(col(PaperVersion.published_at).is_not(None), paper.exists()),
        )
    )


def visible_appendices(access: Access) -> SelectOfScalar[Appendix]:
    version = visible_versions(access).where(col(PaperVersion.id) == col(Appendix.version_id))
    return select(Appendix).where(version.exists())


def visible_appendix_files(access: Access) -> Select[tuple[uuid.UUID, uuid.UUID]]:
    """The stored files of the appendices the caller may see (quorum.files.policy)."""
    appendix = visible_appendices(access).subquery()
    return select(appendix.c.org_id, appendix.c.file_id)


def visible_body_files(access: Access) -> Select[tuple[uuid.UUID, uuid.UUID]]:
    """The Word documents uploaded as the bodies of the versions the caller may see (quorum.files.policy)."""
    version = visible_versions(access).subquery()
    return select(version.c.org_id, version.c.body_file_id).where(version.c.body_file_id.is_not(None))


def actors(access: Access, paper: Paper) -> set[Actor]:
    """The parts the caller plays in the paper's workflow."""
    found = set()
    if paper.author_id == access.person_id:
        found.add(Actor.AUTHOR)
    if paper.sponsor_id == access.person_id:
        found.add(Actor.SPONSOR)
    if can_run(access, paper.committee_id):
        found.add(Actor.SECRETARY)
    return found


def can_write(access: Access, paper: Paper) -> bool:
    """The cover sheet, body and appendices are written by the author or the board secretary."""
    return bool(actors(access, paper) & {Actor.AUTHOR, Actor.SECRETARY})


def can_approve(access: Access, paper: Paper) -> bool:
    return Actor.SPONSOR in actors(access, paper)


def can_move(access: Access, paper: Paper, target: PaperStatus) -> bool:
    return workflow.can_move(actors(access, paper), PaperStatus(paper.status), target)


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    Paper: visible_papers,
    PaperVersion: visible_versions,
    Appendix: visible_appendices,
}
