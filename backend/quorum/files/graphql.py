from __future__ import annotations

import uuid

import strawberry
from strawberry.dataloader import DataLoader

from quorum.files.tables import ConversionStatus, FileConversion, StoredFile
from quorum.graphql.context import Context, Info

ConversionStatusEnum = strawberry.enum(ConversionStatus, name="ConversionStatus")


@strawberry.type(
    name="FileConversion", description="A Word or Excel file converted to PDF pages for the pack (by LibreOffice)."
)
class FileConversionType:
    status: ConversionStatusEnum
    problem: str | None = strawberry.field(description="Why the file did not convert, when it failed.")
    page_count: int | None
    seconds: float | None = strawberry.field(description="How long the conversion took.")


def conversions_by_file(ctx: Context) -> DataLoader:
    from sqlmodel import select

    columns = (
        FileConversion.source_file_id,
        FileConversion.status,
        FileConversion.problem,
        FileConversion.page_count,
        FileConversion.seconds,
    )

    async def load(ids: list[uuid.UUID]):
        rows = await ctx.db.all(select(*columns).where(FileConversion.source_file_id.in_(ids)))  # never the PDF
        found = {r.source_file_id: r for r in rows}
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


@strawberry.type(name="StoredFile", description="An uploaded document; download it from url.")
class StoredFileType:
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    url: str
    inspection_note: str | None = strawberry.field(
        description="What the upload check removed from the file or noticed about it (active content, restrictions)."
    )
    file_id: strawberry.Private[uuid.UUID]

    @strawberry.field(description="A Word or Excel file's conversion to PDF pages; null for other files.")
    async def conversion(self, info: Info) -> FileConversionType | None:
        row = await info.context.loader("file_conversions", conversions_by_file).load(self.file_id)
        if row is None:
            return None
        return FileConversionType(
            status=ConversionStatus(row.status), problem=row.problem, page_count=row.page_count, seconds=row.seconds
        )

    @classmethod
    def from_row(cls, row) -> StoredFileType:
        return cls(
            filename=row.filename,
            content_type=row.content_type,
            size_bytes=row.size_bytes,
            sha256=row.sha256,
            url=f"/files/{row.id}",
            inspection_note=row.inspection_note,
            file_id=row.id,
        )


def files_by_id(ctx: Context) -> DataLoader:
    from sqlmodel import select

    columns = (
        StoredFile.id,
        StoredFile.filename,
        StoredFile.content_type,
        StoredFile.size_bytes,
        StoredFile.sha256,
        StoredFile.inspection_note,
    )

    async def load(ids: list[uuid.UUID]):
        rows = await ctx.db.all(select(*columns).where(StoredFile.id.in_(ids)))  # never the bytes
        found = {r.id: r for r in rows}
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


async def stored_file(info: Info, file_id: uuid.UUID | None) -> StoredFileType | None:
    if file_id is None:
        return None
    row = await info.context.loader("files", files_by_id).load(file_id)
    return row and StoredFileType.from_row(row)
