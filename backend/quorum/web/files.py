"""GET /files/{id}: a stored document, for whoever may see what it is attached to.

Who may fetch a file is asked of every domain that owns files, so it is decided here, above them all, not in
`quorum.files` (the lowest domain). A file is read through its owner: a committee's terms of reference, a
delegation's agreement, a paper version's appendix (so the agenda item's part and the meeting's visibility
decide), a ballot's document, a concern's evidence, a paper version's Word body, a published public pack. A private
pack never comes through here, only stamped through /packs. A file attached to nothing yet is its uploader's.
Row-level security on `stored_file` (migrations 0010, 0021, 0025 and 0027) says the same in SQL.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func
from sqlmodel import select

from quorum.access import Access
from quorum.ballots.policy import visible_ballots
from quorum.ballots.tables import Ballot
from quorum.committees.policy import visible_committees, visible_terms_files
from quorum.committees.tables import Committee
from quorum.concerns.policy import visible_evidence
from quorum.concerns.tables import ConcernEvidence
from quorum.database import Db
from quorum.delegations.policy import visible_delegations
from quorum.delegations.tables import Delegation
from quorum.downloads import Download
from quorum.files.policy import visible_conversions, visible_files, visible_texts
from quorum.files.tables import StoredFile
from quorum.meetings.tables import Part
from quorum.packs.policy import visible_builds, visible_pack_files
from quorum.packs.tables import PackBuild
from quorum.papers.policy import visible_appendix_files, visible_body_files, visible_versions
from quorum.papers.tables import Appendix, PaperVersion


def visible_agreement_files(access: Access):
    delegation = visible_delegations(access).subquery()
    return select(delegation.c.org_id, delegation.c.agreement_file_id).where(
        delegation.c.agreement_file_id.is_not(None)
    )


def visible_ballot_files(access: Access):
    ballot = visible_ballots(access).subquery()
    return select(ballot.c.org_id, ballot.c.document_file_id).where(ballot.c.document_file_id.is_not(None))


def visible_evidence_files(access: Access):
    evidence = visible_evidence(access).subquery()
    return select(evidence.c.org_id, evidence.c.file_id)


OWNERS = (
    visible_terms_files,
    visible_agreement_files,
    visible_appendix_files,
    visible_pack_files,
    visible_ballot_files,
    visible_evidence_files,
    visible_body_files,
)


def visible_stored_files(access: Access):
    """The files policy with every owner named: what row-level security on stored_file (migration 0010) allows."""
    return visible_files(access, OWNERS)


def visible_file_conversions(access: Access):
    """A Word or Excel file's PDF conversion, seen with its source file."""
    return visible_conversions(access, OWNERS)


def visible_file_texts(access: Access):
    """A PDF's or a converted file's extracted text, seen through the appendix or Word body it is."""
    return visible_texts(access, (visible_appendix_files, visible_body_files))


def attachments_seen_by(access: Access, file_id: uuid.UUID):
    """Each thing the file may be attached to, as the caller may see it."""
    return (
        visible_committees(access).where(Committee.terms_file_id == file_id),
        visible_delegations(access).where(Delegation.agreement_file_id == file_id),
        select(Appendix).where(
            Appendix.file_id == file_id, visible_versions(access).where(PaperVersion.id == Appendix.version_id).exists()
        ),
        visible_builds(access).where(PackBuild.file_id == file_id, PackBuild.part == Part.PUBLIC),
        visible_ballots(access).where(Ballot.document_file_id == file_id),
        visible_evidence(access).where(ConcernEvidence.file_id == file_id),
        visible_versions(access).where(PaperVersion.body_file_id == file_id),
    )


async def readable_file(db: Db, access: Access, file_id: uuid.UUID) -> StoredFile | None:
    row = await db.first(select(StoredFile).where(StoredFile.id == file_id))
    if row is None:
        return None
    for statement in attachments_seen_by(access, file_id):
        if await db.first(statement) is not None:
            return row
    if row.uploaded_by is not None and row.uploaded_by == access.person_id:
        attached = await db.scalar(select(func.stored_file_attached(row.org_id, row.id)))
        if not attached:
            return row
    return None


async def download(db: Db, access: Access, file_id: uuid.UUID) -> Download | None:
    row = await readable_file(db, access, file_id)
    return row and Download(row.content, media_type=row.content_type, filename=row.filename)
