"""What an uploaded file is, decided from its bytes, and whether it may be kept.

Every upload route (appendices, terms of reference, delegation agreements, ballot documents, imports) comes
through `inspect`. A PDF that needs a password to open or cannot be read is refused; its active content
(JavaScript, actions run on opening or on pages, fields and annotations, launched programs, embedded files,
XFA forms) is removed and the cleaned copy is what is kept, with a sentence saying what went. A Word or Excel
file holding macros, ActiveX controls or embedded programs is refused; so is a Word 97 .doc holding VBA macros or
embedded packages, an OpenDocument .odt or .ods holding Basic or other scripts, any of them protected with a
password, and any zip that opens to far more than its size.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass

import olefile
import pikepdf

from quorum.errors import input_error

MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 300


@dataclass(frozen=True)
class FileKind:
    name: str
    content_type: str
    suffix: str


PDF = FileKind("PDF", "application/pdf", ".pdf")
WORD = FileKind("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
EXCEL = FileKind("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")
WORD_97 = FileKind("Word 97-2003 document", "application/msword", ".doc")
ODT = FileKind("OpenDocument text", "application/vnd.oasis.opendocument.text", ".odt")
ODS = FileKind("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", ".ods")
ODF_KINDS = {kind.content_type.encode(): kind for kind in (ODT, ODS)}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_ERRORS = (zipfile.BadZipFile, ValueError, OSError, RuntimeError, NotImplementedError)


@dataclass(frozen=True)
class Inspection:
    kind: FileKind
    content: bytes  # what to store: the upload itself, or its cleaned copy
    note: str | None = None  # told to the uploader: what was removed, what restrictions it has
    page_count: int | None = None
    problem: str | None = None  # kept, but a board pack cannot include it (too many pages, none)


def kind_of(content: bytes) -> FileKind | None:
    """What the bytes are, whatever the file is called."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"PK\x03\x04"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(content))
            names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        if "word/document.xml" in names:
            return WORD
        if "xl/workbook.xml" in names:
            return EXCEL
        if "mimetype" in names:  # OpenDocument: the zip's first entry names the kind of document
            try:  # read no further than a mimetype's length: the zip bomb check comes after
                return ODF_KINDS.get(archive.open("mimetype").read(100).strip())
            except ZIP_ERRORS:
                return None
    if content.startswith(OLE_MAGIC):
        # A damaged compound file, or a password-protected one (Office keeps those in one), is taken as a Word 97
        # document so that it is refused saying so; an Excel 97 workbook or any other compound file is not one.
        names = _ole_names(content)
        return WORD_97 if names is None or names & {"worddocument", "encryptedpackage"} else None
    return None


OLE_ERRORS = (OSError, ValueError, IndexError, TypeError, AttributeError)


def _ole_names(content: bytes) -> set[str] | None:
    """The lower-cased names of every stream and storage in a compound file, or None when it cannot be read."""
    try:
        with olefile.OleFileIO(io.BytesIO(content)) as ole:
            return {part.lower() for entry in ole.listdir(streams=True, storages=True) for part in entry}
    except OLE_ERRORS:
        return None


def inspect(field: str, filename: str, content: bytes, allowed: tuple[FileKind, ...]) -> Inspection:
    """Raises InputErrors naming what is wrong; otherwise says what to store."""
    if not content:
        raise input_error(field, "The file is empty.")
    if len(content) > MAX_BYTES:
        raise input_error(field, f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    kind = kind_of(content)
    if kind not in allowed:
        names = [k.name for k in allowed]
        listed = " or ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} or {names[-1]}"
        raise input_error(field, f"{clean_filename(filename) or 'That file'} is not a {listed}.")
    if kind == PDF:
        return inspect_pdf(field, content)
    if kind == WORD_97:
        refuse_active_word_97(field, content)
    elif kind in (ODT, ODS):
        refuse_active_open_document(field, content)
    else:
        refuse_active_office(field, content)
    return Inspection(kind, content)


# ---- PDF ----------------------------------------------------------------------------------------------------

ACTIVE_ACTIONS = {
    "/JavaScript": "JavaScript",
    "/Launch": "a command that starts another program",
    "/ImportData": "an action that imports data",
    "/SubmitForm": "an action that sends form data",
    "/RichMediaExecute": "an action that runs embedded media",
    "/GoToE": "a link into an embedded file",
}
REMOVED_KEYS = {
    "/AA": "actions run when pages, fields or annotations are opened or used",
    "/JS": "JavaScript",
    "/XFA": "an XFA form",
    "/EmbeddedFiles": "embedded files",
    "/EF": "embedded files",  # a file specification's own copy, as PDF/A-3 associated files (/AF) carry
    "/JavaScript": "JavaScript",
}
ACTIVE_ANNOTATIONS = {"/FileAttachment": "embedded files", "/RichMedia": "embedded media", "/Screen": "embedded media"}
SAID_IN_ORDER = [
    "an action run when the document opens",
    "JavaScript",
    REMOVED_KEYS["/AA"],
    *ACTIVE_ACTIONS.values(),
    "embedded files",
    "embedded media",
    "an XFA form",
]


def inspect_pdf(field: str, content: bytes) -> Inspection:
    try:
        pdf = pikepdf.open(io.BytesIO(content))
    except pikepdf.PasswordError:
        raise input_error(field, "The PDF needs a password to open; upload a copy saved without one.") from None
    except (pikepdf.PdfError, ValueError, RuntimeError):
        raise input_error(
            field, "The PDF is damaged and cannot be read; export it again and upload the new copy."
        ) from None
    with pdf:
        try:
            pages = len(pdf.pages)
            removed = _remove_active_content(pdf)
            restricted = pdf.is_encrypted
            if removed or restricted:
                out = io.BytesIO()
                pdf.save(out)  # without encryption: an owner password only restricted what readers may do
                content = out.getvalue()
        except (pikepdf.PdfError, ValueError, RuntimeError, KeyError, TypeError, AttributeError):
            raise input_error(
                field, "The PDF is damaged and cannot be read; export it again and upload the new copy."
            ) from None
    notes = []
    if removed:
        notes.append(f"Removed from the PDF: {', '.join(removed)}.")
    if restricted:
        notes.append(
            "The PDF had an owner password restricting printing, copying or changes (it opens without a password); "
            "the stored copy has no such restrictions, so it can go in the board pack."
        )
    problem = None
    if pages == 0:
        problem = "The PDF has no pages."
    elif pages > MAX_PAGES:
        problem = f"The PDF has {pages} pages; an appendix can have at most {MAX_PAGES}."
    return Inspection(PDF, content, " ".join(notes) or None, pages, problem)


def _remove_active_content(pdf: pikepdf.Pdf) -> list[str]:
    """Walks every object reachable from the trailer; returns what was removed, each named once."""
    removed: dict[str, None] = {}
    seen: set[tuple[int, int]] = set()
    stack = [pdf.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Array):
            stack.extend(obj)
            continue
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        for key in list(obj.keys()):
            value = obj[key]
            if key in REMOVED_KEYS and not (key == "/JavaScript" and not isinstance(value, pikepdf.Dictionary)):
                del obj[key]
                removed[REMOVED_KEYS[key]] = None
            elif key in ("/OpenAction", "/A", "/Next") and _active_action(value):
                del obj[key]
                action = _active_action(value) if key != "/OpenAction" else "an action run when the document opens"
                removed[action] = None
            elif key == "/Annots" and isinstance(value, pikepdf.Array):
                kept = [
                    a
                    for a in value
                    if not (isinstance(a, pikepdf.Dictionary) and a.get("/Subtype") in ACTIVE_ANNOTATIONS)
                ]
                for annotation in value:
                    if isinstance(annotation, pikepdf.Dictionary) and annotation.get("/Subtype") in ACTIVE_ANNOTATIONS:
                        removed[ACTIVE_ANNOTATIONS[str(annotation.get("/Subtype"))]] = None
                if len(kept) != len(value):
                    obj[key] = pikepdf.Array(kept)
                stack.extend(kept)
            elif key not in ("/Parent", "/P"):  # back references lead nowhere new
                stack.append(value)
    return sorted(removed, key=lambda label: SAID_IN_ORDER.index(label))


def _active_action(value) -> str | None:
    """The sentence for an action that runs something, for an action dictionary or a chain of them."""
    actions = value if isinstance(value, pikepdf.Array) else [value]
    for action in actions:
        if isinstance(action, pikepdf.Dictionary):
            kind = str(action.get("/S", ""))
            if kind in ACTIVE_ACTIONS:
                return ACTIVE_ACTIONS[kind]
            if "/JS" in action:
                return "JavaScript"
            if "/Next" in action and _active_action(action["/Next"]):
                return _active_action(action["/Next"])
    return None


# ---- Word and Excel -----------------------------------------------------------------------------------------

MACRO_CONTENT_TYPES = (
    b"vbaproject",
    b"macroenabled",
    b"vnd.ms-office.activex",
    b"vnd.ms-excel.intl-macrosheet",
    b"vnd.ms-excel.macrosheet",
    b"vnd.ms-office.vbaprojectsignature",
)
EXECUTABLE_SUFFIXES = (".exe", ".dll", ".com", ".bat", ".cmd", ".scr", ".msi", ".ps1", ".vbs", ".js", ".jar", ".hta")
CONTENT_TYPES_LIMIT = 1024 * 1024
ZIP_BOMB = "The file expands to far more than its size when opened (a zip bomb), so it was refused."
# A document opens to at most this much, and no part of it is compressed more than this: a zip bomb is refused
# here, before LibreOffice or mammoth would unpack it.
MAX_EXPANDED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200


DAMAGED = "The file is damaged and cannot be read; save it again and upload the new copy."
PASSWORD = "The file is protected with a password; save a copy without one and upload that."
EMBEDDED_PROGRAM = "The file contains an embedded program or package; remove it and upload it again."


def _opened_zip(field: str, content: bytes) -> zipfile.ZipFile:
    """The archive, once it is known not to open to far more than its size (a zip bomb)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except ZIP_ERRORS:
        raise input_error(field, DAMAGED) from None
    if sum(info.file_size for info in infos) > MAX_EXPANDED_BYTES or any(
        info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1) for info in infos
    ):
        raise input_error(field, ZIP_BOMB)
    return archive


def refuse_active_office(field: str, content: bytes) -> None:
    """Refuses a .docx or .xlsx holding macros, ActiveX controls, OLE packages or programs."""
    archive = _opened_zip(field, content)
    try:
        names = archive.namelist()
        types = (
            archive.open("[Content_Types].xml").read(CONTENT_TYPES_LIMIT).lower()
            if "[Content_Types].xml" in names
            else b""
        )
    except ZIP_ERRORS:
        raise input_error(field, DAMAGED) from None
    lowered = [name.lower() for name in names]
    if any(name.endswith("vbaproject.bin") or "/macrosheets/" in name for name in lowered) or any(
        marker in types for marker in MACRO_CONTENT_TYPES
    ):
        raise input_error(field, "The file contains macros; save it as a macro-free .docx or .xlsx and upload that.")
    if any("/activex/" in name for name in lowered):
        raise input_error(field, "The file contains ActiveX controls; remove them and upload it again.")
    for name, lower in zip(names, lowered, strict=True):
        embedded = "/embeddings/" in lower
        executable = lower.endswith(EXECUTABLE_SUFFIXES)
        if embedded and (lower.endswith(".bin") or executable) or executable:
            raise input_error(field, EMBEDDED_PROGRAM)
        if embedded and _is_program(field, archive, name):
            raise input_error(field, EMBEDDED_PROGRAM)


def _is_program(field: str, archive: zipfile.ZipFile, name: str) -> bool:
    """Whether a part of the archive is a Windows program or an OLE compound file (a package, an old document)."""
    try:
        starts = archive.open(name).read(2)
    except ZIP_ERRORS:
        raise input_error(field, DAMAGED) from None
    return starts in (b"MZ", b"\xd0\xcf")


# ---- Word 97 and OpenDocument -------------------------------------------------------------------------------

# Where Word keeps VBA: the Macros storage of a .doc (_VBA_PROJECT_CUR in Excel's and PowerPoint's files).
OLE_MACRO_STORAGES = {"macros", "_vba_project_cur", "vba", "_vba_project"}
# Embedded OLE objects; an Ole10Native stream is a packaged file (often a program) and always refused.
OLE_PACKAGES = {"\x01ole10native"}
WORD_IDENT = 0xA5EC  # the first two bytes of a Word 97 document's WordDocument stream (its FIB)
WORD_ENCRYPTED = 0x0100  # the FIB's fEncrypted flag


def refuse_active_word_97(field: str, content: bytes) -> None:
    """Refuses a .doc holding VBA macros or packaged files, one protected with a password, or a damaged one."""
    try:
        with olefile.OleFileIO(io.BytesIO(content)) as ole:
            names = {part.lower() for entry in ole.listdir(streams=True, storages=True) for part in entry}
            fib = ole.openstream("WordDocument").read(12) if "worddocument" in names else b""
    except OLE_ERRORS:
        raise input_error(field, DAMAGED) from None
    if names & OLE_MACRO_STORAGES:
        raise input_error(field, "The file contains macros; save it as a macro-free .docx and upload that.")
    if names & OLE_PACKAGES:
        raise input_error(field, EMBEDDED_PROGRAM)
    if names & {"encryptioninfo", "encryptedpackage"}:
        raise input_error(field, PASSWORD)
    if len(fib) < 12 or int.from_bytes(fib[:2], "little") != WORD_IDENT:
        raise input_error(field, DAMAGED)
    if int.from_bytes(fib[10:12], "little") & WORD_ENCRYPTED:
        raise input_error(field, PASSWORD)


ODF_SCRIPT_FOLDERS = ("basic/", "scripts/")
ODF_MANIFEST = "META-INF/manifest.xml"
MANIFEST_LIMIT = 1024 * 1024


def refuse_active_open_document(field: str, content: bytes) -> None:
    """Refuses an .odt or .ods holding Basic macros or other scripts, embedded programs, or a password."""
    archive = _opened_zip(field, content)
    names = archive.namelist()
    lowered = [name.lower() for name in names]
    if any(name.startswith(ODF_SCRIPT_FOLDERS) for name in lowered):
        raise input_error(field, "The file contains macros or scripts; save a copy without them and upload that.")
    try:
        manifest = archive.open(ODF_MANIFEST).read(MANIFEST_LIMIT) if ODF_MANIFEST in names else b""
    except ZIP_ERRORS:
        raise input_error(field, DAMAGED) from None
    if b"encryption-data" in manifest:
        raise input_error(field, PASSWORD)
    for name, lower in zip(names, lowered, strict=True):
        if lower.endswith(EXECUTABLE_SUFFIXES):
            raise input_error(field, EMBEDDED_PROGRAM)
        if not lower.endswith((".xml", "/", "mimetype")) and _is_program(field, archive, name):
            raise input_error(field, EMBEDDED_PROGRAM)


# ---- Names --------------------------------------------------------------------------------------------------

MAX_NAME = 200


def clean_filename(filename: str, suffix: str = "") -> str:
    """A name safe to store and to send back: no path, control characters or quotes; other scripts kept."""
    name = unicodedata.normalize("NFC", filename or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        "’" if c == "'" else " " if unicodedata.category(c) in ("Zl", "Zp") or c in "\t\r\n" else c
        for c in name
        if c not in '"`' and unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn") or c in "\t\r\n"
    )
    name = " ".join(name.split()).strip(". ")[:MAX_NAME].strip(". ")
    if not name:
        name = "document"
    if suffix and not name.lower().endswith(suffix):
        name = name[: MAX_NAME - len(suffix)] + suffix
    return name
