"""Every kind of stored file fetched by every kind of caller: through /files, and beneath the API under
row-level security. A file is served exactly when the caller may see what it is attached to; a private pack
never comes through /files (only stamped, through /packs)."""

from __future__ import annotations

import base64
import uuid
from datetime import timedelta

import pytest
from sqlmodel import select

from quorum import clock
from quorum.auth import tokens
from quorum.auth.identity import Identity, transaction_for
from quorum.files.tables import StoredFile
from quorum.ids import decode
from quorum.seed.demo import demo_pdf
from tests.ballots.helpers import new_ballot
from tests.meetings.pdfs import pdf_with_pages
from tests.meetings.support import (
    ADD_APPENDIX,
    AUTHOR,
    SAVE,
    SECRETARY,
    SPONSOR,
    add_item,
    build_and_wait,
    create_meeting,
    draft,
    request_paper,
    write_and_approve,
)
from tests.support import (
    BOLTON_GP,
    DEMO_DELEGATION,
    ISLINGTON_GP,
    MANCHESTER_OFFICER,
    Caller,
    as_person,
    global_id,
    owner_fetch,
)

GOVERNING_BODY_MEMBER = "margaret.lowe@demo.quorum.example"  # lay member; neither author nor sponsor here
PRACTICE_REP = "fiona.clarke@demo.quorum.example"
LONDON_OFFICER = "oliver.grant@demo.quorum.example"
PUBLISH = (
    "mutation($input: PublishPackInput!) { publishPack(input: $input) { build { publishedAt } errors { message } } }"
)
STATUS = "mutation($input: ChangeMeetingStatusInput!) { changeMeetingStatus(input: $input) { meeting { status } errors { message } } }"
CREATE_COMMITTEE = """mutation($input: CreateCommitteeInput!) { createCommittee(input: $input) { committee { id } errors { message } } }"""
ATTACH_TERMS = """mutation($input: AttachTermsOfReferenceInput!) {
  attachTermsOfReference(input: $input) { committee { termsOfReference { url } } errors { message } } }"""
ATTACH_AGREEMENT = """mutation($input: AttachAgreementInput!) {
  attachDelegationAgreement(input: $input) { delegation { agreement { url } } errors { message } } }"""
APPENDIX_URLS = "query($id: ID!) { node(id: $id) { ... on Paper { versions { appendices { file { url } } } } } }"
WITHDRAW = "mutation($input: UnpublishPackInput!) { unpublishPack(input: $input) { errors { message } } }"

CALLERS = (
    "secretary",
    "governing body member",
    "practice representative",
    "area team officer",
    "area team officer, delegation ended",
    "other area team's officer",
    "other CCG's member",
    "anonymous",
)
EMAILS = {
    "secretary": SECRETARY,
    "governing body member": GOVERNING_BODY_MEMBER,
    "practice representative": PRACTICE_REP,
    "area team officer": MANCHESTER_OFFICER,
    "area team officer, delegation ended": MANCHESTER_OFFICER,
    "other area team's officer": LONDON_OFFICER,
    "other CCG's member": ISLINGTON_GP,
}
BOLTON = {"secretary", "governing body member", "practice representative"}
PRIVATE_BUSINESS = {"secretary", "governing body member"}  # Part II: the governing body's seats and its officers
EVERYONE = set(CALLERS)

# What each caller may fetch through /files. No file here is granted by a delegation being live: a delegation's
# record (and its agreement) stays visible to its parties after it ends, as the register of delegations needs;
# what a live delegation grants (contract records) is checked in tests/delegations/test_delegations.py.
SERVED = {
    "committee's terms of reference": BOLTON,
    "delegation's agreement": BOLTON | {"area team officer", "area team officer, delegation ended"},
    "Part I appendix of a published meeting": EVERYONE,
    "Part II appendix of a published meeting": PRIVATE_BUSINESS,
    "Part I appendix, meeting not published": BOLTON,  # a CCG's Part I business is its members' once approved
    "appendix of a draft paper": {"secretary"},
    "public pack, published": EVERYONE,
    "private pack": set(),
    "public pack, withdrawn": PRIVATE_BUSINESS,  # the record of what was published, for the committee's private side
    "ballot's document": BOLTON,
}
# Row-level security beneath the API: the same, except that those who may read a private pack read its bytes
# there, because the stamped route reads them as the reader.
VISIBLE_UNDER_RLS = SERVED | {"private pack": PRIVATE_BUSINESS}


def _file_id(url: str) -> uuid.UUID:
    assert url.startswith("/files/"), url
    return uuid.UUID(url.removeprefix("/files/"))


@pytest.fixture(scope="module")
async def stored_files(app) -> dict[str, uuid.UUID]:
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        secretary, author, sponsor = [await as_person(client, e) for e in (SECRETARY, AUTHOR, SPONSOR)]
        pdf = lambda label: base64.b64encode(demo_pdf(label)).decode()  # noqa: E731
        files: dict[str, uuid.UUID] = {}

        bolton = await global_id("Organisation", "SELECT id FROM organisation WHERE ods_code = '00T'")
        committee = (
            await secretary.data(
                CREATE_COMMITTEE,
                {
                    "input": {
                        "organisationId": bolton,
                        "kind": "AUDIT",
                        "name": "Audit committee (files test)",
                        "quorumRule": {"minimumVoting": 2},
                    }
                },
            )
        )["createCommittee"]
        assert committee["errors"] == [], committee
        terms = await secretary.data(
            ATTACH_TERMS,
            {
                "input": {
                    "committeeId": committee["committee"]["id"],
                    "filename": "audit-terms.pdf",
                    "contentBase64": pdf("Terms"),
                }
            },
        )
        files["committee's terms of reference"] = _file_id(
            terms["attachTermsOfReference"]["committee"]["termsOfReference"]["url"]
        )

        officer = await as_person(client, MANCHESTER_OFFICER)
        agreement = (
            await officer.data(
                ATTACH_AGREEMENT,
                {
                    "input": {
                        "delegationId": await global_id("Delegation", DEMO_DELEGATION),
                        "filename": "mergers-agreement.pdf",
                        "contentBase64": pdf("Agreement"),
                    }
                },
            )
        )["attachDelegationAgreement"]
        assert agreement["errors"] == [], agreement
        files["delegation's agreement"] = _file_id(agreement["delegation"]["agreement"]["url"])

        published = await create_meeting(secretary, title="Files test: published meeting")
        public_item = await add_item(secretary, published["id"], "Files test: estates")
        private_item = await add_item(secretary, published["id"], "Files test: acquisition", part="PRIVATE")
        public_paper = await request_paper(secretary, published["id"], public_item["id"], "Files test: estates")
        private_paper = await request_paper(secretary, published["id"], private_item["id"], "Files test: acquisition")
        await write_and_approve(author, sponsor, public_paper, "Estates.", pdf_with_pages(1, "Estates data"))
        await write_and_approve(author, sponsor, private_paper, "Confidential.", pdf_with_pages(1, "Valuation"))
        await secretary.data(STATUS, {"input": {"id": published["id"], "status": "AGENDA_PUBLISHED"}})
        public_pack = await build_and_wait(secretary, published["id"], "PUBLIC")
        private_pack = await build_and_wait(secretary, published["id"], "PRIVATE")
        assert (await secretary.data(PUBLISH, {"input": {"id": public_pack["id"]}}))["publishPack"]["errors"] == []
        # A second public pack, published and then withdrawn with a reason (issue 18).
        withdrawn_pack = await build_and_wait(secretary, published["id"], "PUBLIC")
        assert (await secretary.data(PUBLISH, {"input": {"id": withdrawn_pack["id"]}}))["publishPack"]["errors"] == []
        withdrawal = await secretary.data(WITHDRAW, {"input": {"id": withdrawn_pack["id"], "reason": "Superseded."}})
        assert withdrawal["unpublishPack"]["errors"] == []
        for name, build in (
            ("public pack, published", public_pack),
            ("private pack", private_pack),
            ("public pack, withdrawn", withdrawn_pack),
        ):
            files[name] = (await owner_fetch("SELECT file_id FROM pack_build WHERE id = $1", decode(build["id"])[1]))[
                0
            ][0]

        async def appendix_of(paper_id: str) -> uuid.UUID:
            versions = (await secretary.data(APPENDIX_URLS, {"id": paper_id}))["node"]["versions"]
            return _file_id(versions[-1]["appendices"][0]["file"]["url"])

        files["Part I appendix of a published meeting"] = await appendix_of(public_paper)
        files["Part II appendix of a published meeting"] = await appendix_of(private_paper)

        unpublished = await create_meeting(secretary, title="Files test: meeting not published")
        item = await add_item(secretary, unpublished["id"], "Files test: quality")
        approved = await request_paper(secretary, unpublished["id"], item["id"], "Files test: quality")
        await write_and_approve(author, sponsor, approved, "Quality.", pdf_with_pages(1, "Quality data"))
        files["Part I appendix, meeting not published"] = await appendix_of(approved)
        item = await add_item(secretary, unpublished["id"], "Files test: workforce")
        drafted = await request_paper(secretary, unpublished["id"], item["id"], "Files test: workforce")
        assert (await author.data(SAVE, draft(drafted, "Workforce.")))["savePaperDraft"]["errors"] == []
        added = await author.data(
            ADD_APPENDIX,
            {
                "input": {
                    "paperId": drafted,
                    "title": "Draft data",
                    "filename": "draft.pdf",
                    "contentBase64": pdf("Draft"),
                }
            },
        )
        assert added["addAppendix"]["errors"] == [], added
        files["appendix of a draft paper"] = await appendix_of(drafted)

        ballot = await new_ballot(
            client, document={"filename": "constitution.pdf", "contentBase64": pdf("Constitution")}
        )
        document = await secretary.data(
            "query($id: ID!) { node(id: $id) { ... on Ballot { document { url } } } }", {"id": ballot["id"]}
        )
        files["ballot's document"] = _file_id(document["node"]["document"]["url"])
        assert set(files) == set(SERVED)
        yield files


@pytest.fixture
def delegation_ended(monkeypatch):
    async def end() -> None:
        ends = (await owner_fetch(f"SELECT valid_to FROM delegation WHERE id = ({DEMO_DELEGATION})"))[0][0]
        monkeypatch.setattr(clock, "now", lambda: ends + timedelta(days=2))

    return end


@pytest.mark.parametrize("who", CALLERS)
async def test_each_file_is_served_exactly_to_those_who_may_see_what_it_is_attached_to(
    client, stored_files, who, delegation_ended
):
    if who == "area team officer, delegation ended":
        await delegation_ended()
    caller = Caller(client) if who == "anonymous" else await as_person(client, EMAILS[who])
    served = {}
    for kind, file_id in stored_files.items():
        headers = {"authorization": f"Bearer {caller.token}"} if caller.token else {}
        response = await client.get(f"/files/{file_id}", headers=headers)
        assert response.status_code in (200, 404), (kind, response.status_code)
        served[kind] = response.status_code == 200
    assert served == {kind: who in allowed for kind, allowed in SERVED.items()}

    identity = Identity(tokens.verify(caller.token)) if caller.token else Identity()
    async with transaction_for(identity) as (db, _):
        visible = set(await db.all(select(StoredFile.id).where(StoredFile.id.in_(list(stored_files.values())))))
    assert {kind: file_id in visible for kind, file_id in stored_files.items()} == {
        kind: who in allowed for kind, allowed in VISIBLE_UNDER_RLS.items()
    }


async def test_the_private_pack_reaches_its_readers_stamped_through_the_pack_route(client, stored_files):
    build_id = (await owner_fetch("SELECT id FROM pack_build WHERE file_id = $1", stored_files["private pack"]))[0][0]
    for email, status in ((GOVERNING_BODY_MEMBER, 200), (PRACTICE_REP, 404), (BOLTON_GP, 200)):
        caller = await as_person(client, email)
        response = await client.get(f"/packs/{build_id}.pdf", headers={"authorization": f"Bearer {caller.token}"})
        assert response.status_code == status, email
