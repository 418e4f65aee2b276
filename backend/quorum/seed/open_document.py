"""Minimal OpenDocument files built by hand (a text or a spreadsheet): the demo's .ods appendix, and the tests'
documents, hostile ones included (extra parts, manifest entries)."""

from __future__ import annotations

import io
import zipfile

ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"'
)
ODT_TYPE, ODS_TYPE = "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet"


def open_document(
    mimetype: str, body: str, extra_parts: dict[str, bytes] | None = None, manifest_extra: str = ""
) -> bytes:
    """A minimal OpenDocument zip, built by hand: its mimetype first and stored, its content, its manifest."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{manifest_extra}'
        "</manifest:file-entry></manifest:manifest>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NAMESPACES}>'
        f"<office:body>{body}</office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
        for name, data in (extra_parts or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def odt(*paragraphs: str, **extra) -> bytes:
    text = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    return open_document(ODT_TYPE, f"<office:text>{text}</office:text>", **extra)


def ods(rows: list[list[str]]) -> bytes:
    cells = "".join(
        "<table:table-row>"
        + "".join(f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>' for c in row)
        + "</table:table-row>"
        for row in rows
    )
    return open_document(
        ODS_TYPE, f'<office:spreadsheet><table:table table:name="Sheet1">{cells}</table:table></office:spreadsheet>'
    )
