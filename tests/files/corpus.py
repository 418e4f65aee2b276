"""A hostile corpus, made at test time: PDFs that hide things, Office files that carry programs, bad names."""

from __future__ import annotations

import io
import zipfile

import pikepdf

from quorum.files.inspection import MAX_BYTES
from quorum.seed.demo import demo_pdf

DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>{extra}'
    '<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
)
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Appendix</w:t></w:r></w:p></w:body></w:document>"
)


def _pdf(change=None, **save) -> bytes:
    with pikepdf.open(io.BytesIO(demo_pdf("Hostile appendix"))) as pdf:
        if change:
            change(pdf)
        out = io.BytesIO()
        pdf.save(out, **save)
        return out.getvalue()


def plain_pdf() -> bytes:
    return demo_pdf("Clean appendix")


def encrypted_pdf() -> bytes:
    return _pdf(encryption=pikepdf.Encryption(user="open-sesame", owner="owner-secret"))


def owner_password_pdf() -> bytes:
    return _pdf(
        encryption=pikepdf.Encryption(
            user="",
            owner="owner-secret",
            allow=pikepdf.Permissions(extract=False, modify_other=False, print_highres=False),
        )
    )


def damaged_pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n\x00\xff garbage, no pages, no trailer\n"


def javascript_pdf() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        js = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('opened')"))
        pdf.Root.OpenAction = pdf.make_indirect(js)
        pdf.Root.Names = pikepdf.Dictionary(
            JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("startup"), pdf.make_indirect(js)]))
        )
        pdf.pages[0].obj.AA = pikepdf.Dictionary(
            O=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("1"))
        )
        launch = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=[0, 0, 100, 100],
            A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")),
        )
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(launch)]))
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=pikepdf.Array([pikepdf.String("template")]))

    return _pdf(change)


def embedded_file_pdf() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.attachments["invoice.exe"] = pikepdf.AttachedFileSpec(
            pdf, b"MZ\x90\x00 a program", mime_type="application/octet-stream"
        )

    return _pdf(change)


def zip_named_pdf() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("payload.exe", b"MZ\x90\x00")
    return out.getvalue()


def _docx(extra_parts: dict[str, bytes], extra_types: str = "", main: str = WORD_MAIN) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", DOCX_TYPES.format(extra=extra_types, main=main))
        z.writestr("word/document.xml", DOCUMENT)
        for name, data in extra_parts.items():
            z.writestr(name, data)
    return out.getvalue()


def plain_docx() -> bytes:
    return _docx({})


def macro_docx() -> bytes:
    return _docx(
        {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"},
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )


def docx_with_program() -> bytes:
    return _docx({"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 Package setup.exe MZ"})


def oversized_pdf() -> bytes:
    return b"%PDF-1.7\n" + b"0" * MAX_BYTES


HOSTILE_NAMES = {
    "quotes": 'minutes"; filename=evil.html',
    "line break": "budget\r\nSet-Cookie: x=1.pdf",
    "non-Latin": "Протокол – £2m бюджет 会议.pdf",
    "path": "../../etc/passwd/..\\windows\\report.pdf",
}


def macro_xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/xl/workbook.xml"'
            ' ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>',
        )
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macros")
    return out.getvalue()
