"""The hostile corpus sent to every upload route of a live server, while /healthz is asked every 100 ms:
each file refused with a clear message or neutralised and the uploader told, nothing half-written."""

from __future__ import annotations

import base64
import io
import threading
import time
from urllib.parse import unquote

import httpx
import pikepdf
import pytest

from quorum.files.inspection import PDF, inspect
from tests.ballots.helpers import BOLTON, EQUAL_RULES, FOR_AGAINST, SET_RULES, now
from tests.files import corpus
from tests.meetings.support import SAVE, SECRETARY, add_item, create_meeting, draft, request_paper
from tests.support import (
    BOLTON_ADMIN,
    DEMO_DELEGATION,
    JOINT_COMMITTEE,
    MANCHESTER_OFFICER,
    Caller,
    global_id,
    owner_fetch,
    token_for,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

FILE = "file { filename inspectionNote url }"
ROUTES = {
    "appendix": (
        """mutation($input: AddAppendixInput!) {
      addAppendix(input: $input) { appendix { %s } errors { field message } } }"""
        % FILE,
        ("PDF", "Word", "Excel"),
    ),
    "terms of reference": (
        """mutation($input: AttachTermsOfReferenceInput!) {
      attachTermsOfReference(input: $input) { committee { termsOfReference { filename inspectionNote url } }
      errors { field message } } }""",
        ("PDF", "Word"),
    ),
    "delegation agreement": (
        """mutation($input: AttachAgreementInput!) {
      attachDelegationAgreement(input: $input) { delegation { agreement { filename inspectionNote url } }
      errors { field message } } }""",
        ("PDF",),
    ),
    "recorded delegation's agreement": (
        """mutation($input: RecordDelegationInput!) {
      recordDelegation(input: $input) { delegation { agreement { filename inspectionNote url } }
      errors { field message } } }""",
        ("PDF",),
    ),
    "ballot document": (
        """mutation($input: CreateBallotInput!) {
      createBallot(input: $input) { ballot { document { filename inspectionNote url } } errors { field message } } }""",
        ("PDF", "Word"),
    ),
}
REFUSED = {
    "encrypted": (corpus.encrypted_pdf, "The PDF needs a password to open; upload a copy saved without one."),
    "damaged": (corpus.damaged_pdf, "The PDF is damaged and cannot be read; export it again and upload the new copy."),
    "ZIP renamed .pdf": (corpus.zip_named_pdf, None),  # not a PDF (nor anything else the route takes)
    "macro .docx": (
        corpus.macro_docx,
        "The file contains macros; save it as a macro-free .docx or .xlsx and upload that.",
    ),
    ".docx with a program": (
        corpus.docx_with_program,
        "The file contains an embedded program or package; remove it and upload it again.",
    ),
    "oversized": (corpus.oversized_pdf, "The file is larger than 10 MB."),
}
NEUTRALISED = {
    "JavaScript, /OpenAction, /AA, Launch, XFA": (
        corpus.javascript_pdf,
        (
            "Removed from the PDF: an action run when the document opens, JavaScript, actions run when pages, fields or"
            " annotations are opened or used, a command that starts another program, an XFA form."
        ),
    ),
    "embedded file": (corpus.embedded_file_pdf, "Removed from the PDF: embedded files."),
    "owner password only": (
        corpus.owner_password_pdf,
        "The PDF had an owner password restricting printing, copying or"
        " changes (it opens without a password); the stored copy has no such restrictions, so it can"
        " go in the board pack.",
    ),
}
COUNTED = ("stored_file", "appendix", "audit_entry", "ballot", "delegation", "practice", "interest")


class Heartbeat(threading.Thread):
    """Asks /healthz every 100 ms and keeps the slowest answer."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.slowest, self.failures, self.done = url, 0.0, [], threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=5) as client:
            while not self.done.is_set():
                started = time.monotonic()
                try:
                    if client.get(f"{self.url}/healthz").status_code != 200:
                        self.failures.append("not 200")
                except httpx.HTTPError as error:
                    self.failures.append(repr(error))
                self.slowest = max(self.slowest, time.monotonic() - started)
                self.done.wait(0.1)


async def counts() -> dict[str, int]:
    return {table: (await owner_fetch(f"SELECT count(*) FROM {table}"))[0][0] for table in COUNTED}


async def route_inputs(client: httpx.AsyncClient) -> dict[str, tuple[Caller, dict]]:
    """For each route, who uploads and the rest of its input."""
    secretary = Caller(client, await token_for(SECRETARY))
    author = Caller(client, await token_for("tom.ashworth@demo.quorum.example"))
    meeting = await create_meeting(secretary, title="Hostile uploads")
    item = await add_item(secretary, meeting["id"], "Hostile appendices")
    paper = await request_paper(secretary, meeting["id"], item["id"], "Hostile appendices")
    assert (await author.data(SAVE, draft(paper, "Body.")))["savePaperDraft"]["errors"] == []
    org = await global_id("Organisation", BOLTON)
    assert (await secretary.data(SET_RULES, {"input": {"organisationId": org, **EQUAL_RULES}}))["setBallotSettings"][
        "errors"
    ] == []
    return {
        "appendix": (author, {"paperId": paper, "title": "Appendix"}),
        "terms of reference": (
            secretary,
            {
                "committeeId": await global_id(
                    "Committee",
                    "SELECT c.id FROM committee c JOIN organisation o ON o.id = c.org_id"
                    " WHERE o.ods_code = '00T' AND c.kind = 'COUNCIL_OF_MEMBERS'",
                )
            },
        ),
        "delegation agreement": (
            Caller(client, await token_for(MANCHESTER_OFFICER)),
            {"delegationId": await global_id("Delegation", DEMO_DELEGATION)},
        ),
        "recorded delegation's agreement": (
            Caller(client, await token_for(MANCHESTER_OFFICER)),
            {
                "organisationId": await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = 'Q46'"),
                "committeeId": await global_id("Committee", JOINT_COMMITTEE),
                "functions": ["primary_care.local_incentive_schemes"],
                "scopeIds": [org],
                "validFrom": "2020-01-01T00:00:00+00:00",
                "validTo": "2020-04-01T00:00:00+00:00",
            },
        ),
        "ballot document": (
            secretary,
            {
                "organisationId": org,
                "title": "Hostile document",
                "questions": FOR_AGAINST,
                "opensAt": now().isoformat(),
                "closesAt": now().replace(year=now().year + 1).isoformat(),
            },
        ),
    }


async def upload(
    route: str, caller: Caller, base: dict, filename: str, content: bytes
) -> tuple[list[dict], dict | None]:
    mutation, _ = ROUTES[route]
    encoded = base64.b64encode(content).decode()
    if route == "ballot document":
        variables = {**base, "document": {"filename": filename, "contentBase64": encoded}}
    elif route == "recorded delegation's agreement":
        variables = {**base, "agreement": {"filename": filename, "contentBase64": encoded}}
    else:
        variables = {**base, "filename": filename, "contentBase64": encoded}
    payload = next(iter((await caller.data(mutation, {"input": variables})).values()))
    found = payload.get("appendix") or payload.get("committee") or payload.get("delegation") or payload.get("ballot")
    stored = found and (
        found.get("file") or found.get("termsOfReference") or found.get("agreement") or found.get("document")
    )
    return payload["errors"], stored


def active_content_left(content: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(content)) as pdf:
        left = [key for key in ("/OpenAction", "/AA") if key in pdf.Root]
        left += ["/JavaScript" for _ in [1] if "/Names" in pdf.Root and "/JavaScript" in pdf.Root.Names]
        left += ["/XFA" for _ in [1] if "/AcroForm" in pdf.Root and "/XFA" in pdf.Root.AcroForm]
        left += ["attachments"] if len(pdf.attachments) else []
        for page in pdf.pages:
            left += ["page /AA"] if "/AA" in page.obj else []
            for annotation in page.obj.get("/Annots", []):
                left += ["annotation action"] if "/A" in annotation and annotation.A.get("/S") == "/Launch" else []
    assert inspect("f", "f.pdf", content, (PDF,)).note is None  # the same check finds nothing more to remove
    return left


async def test_the_hostile_corpus_is_refused_or_neutralised_on_every_upload_route(server):
    heartbeat = Heartbeat(server.url)
    heartbeat.start()
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
            inputs = await route_inputs(client)
            before = await counts()
            for route, (_, kinds) in ROUTES.items():
                caller, base = inputs[route]
                for name, (make, message) in REFUSED.items():
                    errors, stored = await upload(route, caller, base, "upload.pdf", make())
                    assert stored is None and len(errors) == 1, (route, name, errors)
                    if message is None or (name.endswith(".docx") or name.endswith("program")) and "Word" not in kinds:
                        assert errors[0]["message"].startswith("upload.pdf is not a PDF"), (route, name, errors)
                    else:
                        assert errors[0]["message"] == message, (route, name, errors)
            admin = Caller(client, await token_for(BOLTON_ADMIN))
            for mutation, field in (
                ("importPractices", "ImportPracticesInput"),
                ("importInterests", "ImportInterestsInput"),
                ("importIndicators", "ImportIndicatorsInput"),
            ):
                for content in (corpus.macro_xlsx(), corpus.zip_named_pdf()):
                    result = (
                        await admin.data(
                            f"mutation($input: {field}!) {{ {mutation}(input: $input) {{ errors {{ message }} }} }}",
                            {
                                "input": {
                                    "organisationId": await global_id("Organisation", BOLTON),
                                    "filename": "list.xlsx",
                                    "contentBase64": base64.b64encode(content).decode(),
                                }
                            },
                        )
                    )[mutation]
                    assert len(result["errors"]) == 1 and result["errors"][0]["message"] in (
                        "The file contains macros; save it as a macro-free .docx or .xlsx and upload that.",
                        "That Excel workbook could not be read; is it damaged?",
                    ), result
            assert await counts() == before  # nothing half-written

            for route in ROUTES:
                caller, base = inputs[route]
                for name, (make, note) in NEUTRALISED.items():
                    errors, stored = await upload(route, caller, base, "upload.pdf", make())
                    assert errors == [] and stored["inspectionNote"] == note, (route, name, errors, stored)
                    response = await client.get(stored["url"], headers={"authorization": f"Bearer {caller.token}"})
                    assert response.status_code == 200 and active_content_left(response.content) == [], (route, name)
    finally:
        heartbeat.done.set()
        heartbeat.join()
    print(f"slowest /healthz answer during the hostile uploads: {heartbeat.slowest:.3f} s")
    assert heartbeat.failures == [] and heartbeat.slowest < 1.0, (heartbeat.failures, heartbeat.slowest)


async def test_hostile_names_are_cleaned_at_upload_and_give_valid_headers(server):
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
        caller, base = (await route_inputs(client))["appendix"]
        expected = {
            "quotes": "minutes; filename=evil.html.pdf",
            "line break": "budget Set-Cookie: x=1.pdf",
            "non-Latin": "Протокол – £2m бюджет 会议.pdf",
            "path": "report.pdf",
        }
        for kind, name in corpus.HOSTILE_NAMES.items():
            errors, stored = await upload("appendix", caller, base, name, corpus.plain_pdf())
            assert errors == [] and stored["filename"] == expected[kind], (kind, stored)
            response = await client.get(stored["url"], headers={"authorization": f"Bearer {caller.token}"})
            assert response.status_code == 200, kind
            assert_valid_disposition(response.headers["content-disposition"], expected[kind])

        # A name stored before uploads were cleaned still goes out as a valid header.
        author_id = (await owner_fetch("SELECT id FROM person WHERE email = 'tom.ashworth@demo.quorum.example'"))[0][0]
        file_id = (
            await owner_fetch(
                "INSERT INTO stored_file (org_id, filename, content_type, size_bytes, sha256, content, uploaded_by)"
                " SELECT id, $1, 'application/pdf', 4, 'x', '%PDF'::bytea, $2 FROM organisation WHERE ods_code = '00T'"
                " RETURNING id",
                'old\r\n"; filename=evil.html – £.pdf',
                author_id,
            )
        )[0][0]
        response = await client.get(f"/files/{file_id}", headers={"authorization": f"Bearer {caller.token}"})
        assert response.status_code == 200
        assert_valid_disposition(response.headers["content-disposition"], "old ; filename=evil.html – £.pdf")


def assert_valid_disposition(header: str, name: str) -> None:
    """RFC 6266: one quoted ASCII filename and one filename* in UTF-8; nothing else."""
    assert "\r" not in header and "\n" not in header and header.isascii(), header
    kind, fallback, extended = header.split("; ")
    assert kind == "attachment" and fallback.startswith('filename="') and fallback.endswith('"'), header
    assert '"' not in fallback[len('filename="') : -1], header
    assert extended.startswith("filename*=UTF-8''") and unquote(extended.removeprefix("filename*=UTF-8''")) == name, (
        header
    )
