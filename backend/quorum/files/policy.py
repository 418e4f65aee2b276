"""Who may see stored files. Row-level security (migration 0010) reads a file through what it is attached to:
a committee's terms of reference, a delegation's agreement, a paper's appendix, a pack build, a ballot's document,
each under that table's own policy; a file attached to nothing yet is its uploader's.

Those owners are domains above this one, so they are passed in: each owner's policy offers the (org_id, file id)
pairs of the files the caller may see through it (for example `quorum.papers.policy.visible_appendix_files`), and
the caller composing the rule (the web layer, the policy agreement test) names them all."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Select, and_, false, func, not_, or_, tuple_
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.files.tables import FileConversion, FileText, StoredFile

Attachments = Callable[[Access], Select[tuple[uuid.UUID, uuid.UUID]]]


def visible_files(access: Access, attachments: Sequence[Attachments] = ()) -> SelectOfScalar[StoredFile]:
    key = tuple_(col(StoredFile.org_id), col(StoredFile.id))
    # stored_file_attached is the SQL function the row-level security policy calls: it looks past every owner's
    # policy and answers only whether the file is attached to anything.
    loose = and_(
        col(StoredFile.uploaded_by) == access.person_id,
        col(StoredFile.org_id).in_(access.org_ids),
        not_(func.stored_file_attached(col(StoredFile.org_id), col(StoredFile.id))),
    )
    return select(StoredFile).where(or_(*(key.in_(attached(access)) for attached in attachments), loose))


def visible_conversions(access: Access, attachments: Sequence[Attachments] = ()) -> SelectOfScalar[FileConversion]:
    """A conversion is seen with its source file (row-level security, migration 0025, asks stored_file)."""
    source = visible_files(access, attachments).where(
        col(StoredFile.org_id) == col(FileConversion.org_id), col(StoredFile.id) == col(FileConversion.source_file_id)
    )
    return select(FileConversion).where(source.exists())


def visible_texts(access: Access, attachments: Sequence[Attachments] = ()) -> SelectOfScalar[FileText]:
    """A file's extracted text is seen through the paper it belongs to: the appendices and Word bodies passed in
    (row-level security, migration 0031, asks `appendix` and `paper_version`). Search reads nothing else of it."""
    key = tuple_(col(FileText.org_id), col(FileText.file_id))
    return select(FileText).where(or_(false(), *(key.in_(attached(access)) for attached in attachments)))


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    StoredFile: visible_files,
    FileConversion: visible_conversions,
    FileText: visible_texts,
}
