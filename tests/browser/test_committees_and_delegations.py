"""Committees, seats and quorum rules; the register of delegations and what it opens, in a real browser."""

from __future__ import annotations

import re
from datetime import date, timedelta

import httpx
from playwright.async_api import BrowserContext, Page, expect

from quorum import clock
from quorum.seed.demo import demo_pdf
from tests.browser.conftest import Server, assert_accessible, fill_date, follow_navigation, sign_in_as_demo_user
from tests.files.corpus import javascript_pdf
from tests.meetings.support import CREATE_MEETING
from tests.support import (
    BOLTON_GOVERNING_BODY,
    BOLTON_SECRETARY,
    DEMO_DELEGATION,
    Caller,
    global_id,
    owner_fetch,
    token_for,
)

JOINT_COMMITTEE = "Bolton primary care joint committee"
CONTRACTS = "GMS, PMS and APMS contracts: design, monitoring, breach and remedial notices, removal"
NO_CONTRACTS = "You have no access to primary care contract records."


def in_words(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


async def choose(page: Page, label: str, option_text: str) -> None:
    """Selects the option of a select whose text contains option_text."""
    select = page.get_by_label(label, exact=True)
    value = await select.locator("option", has_text=option_text).first.get_attribute("value")
    await select.select_option(value)


async def open_from_navigation(page: Page, link: str, heading: str) -> None:
    await follow_navigation(page, link)
    await expect(page.get_by_role("heading", level=1)).to_contain_text(heading)


def bolton_committees(page: Page):
    """Bolton's own section of the committees page (other organisations' public committees are listed too)."""
    return page.locator("section", has=page.get_by_role("heading", name="NHS Bolton CCG", level=2))


async def test_a_secretary_creates_a_committee_with_seats_and_a_quorum_rule(phone: BrowserContext, server: Server):
    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Helen Hargreaves")
    await open_from_navigation(page, "Committees", "Committees")
    await expect(page.get_by_role("heading", name="NHS Bolton CCG", level=2)).to_be_visible()
    await expect(bolton_committees(page).get_by_role("link", name="Governing body", exact=True)).to_be_visible()
    await assert_accessible(page)

    # A quorum that is not a number is caught before anything is sent.
    await page.get_by_label("Kind of committee").select_option(label="Quality committee")
    await page.get_by_label("Name", exact=True).fill("Quality committee")
    await page.get_by_label("Summary of its terms of reference").fill(
        "Assures the governing body on the quality and safety of commissioned services."
    )
    await page.get_by_label("Minimum number of voting members present").fill("two")
    await page.get_by_role("button", name="Create committee").click()
    summary = page.locator(".nhsuk-error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Enter the minimum number of voting members present as a whole number")
    await assert_accessible(page)

    await page.get_by_label("Minimum number of voting members present").fill("2")
    await page.get_by_label("Lay members", exact=True).fill("1")
    await page.get_by_role("button", name="Create committee").click()
    await page.get_by_role("status").get_by_role("link", name="Quality committee", exact=True).click()
    await expect(page.get_by_role("heading", name="Quality committee", level=1)).to_be_visible()
    await expect(page).to_have_title("Quality committee – Quorum")
    await expect(page.locator(".nhsuk-summary-list")).to_contain_text(
        "Quorate with at least two voting members present and at least one lay member."
    )
    await expect(page.get_by_text("Quality committee has no members yet.")).to_be_visible()
    await assert_accessible(page)

    # The full terms of reference, uploaded and offered for download.
    await page.get_by_label("Upload the terms of reference").set_input_files(
        {
            "name": "quality-committee-terms.pdf",
            "mimeType": "application/pdf",
            "buffer": demo_pdf("Quality committee: terms of reference"),
        }
    )
    await page.get_by_role("button", name="Upload terms of reference").click()
    await expect(page.get_by_role("status").filter(has_text="Uploaded")).to_have_text(
        "Uploaded quality-committee-terms.pdf as the terms of reference."
    )
    download = page.get_by_role("link", name="Download the terms of reference of Quality committee")
    response = await page.request.get(f"{server.url}{await download.get_attribute('href')}")
    assert response.status == 200 and (await response.body()).startswith(b"%PDF-")

    # The API's refusal shows in the summary and beside the field: someone in attendance has no vote.
    await choose(page, "Person", "Margaret Lowe")
    await page.get_by_label("Role on the committee").select_option(label="In attendance")
    await page.get_by_label("Category").select_option(label="Lay member")
    await page.get_by_role("button", name="Add seat").click()
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Someone in attendance does not vote.")
    await assert_accessible(page)

    await page.get_by_label("Role on the committee").select_option(label="Chair")
    await page.get_by_role("button", name="Add seat").click()
    await expect(page.get_by_role("status").filter(has_text="Added")).to_have_text("Added Margaret Lowe as chair.")

    # The second seat by keyboard alone.
    await page.get_by_label("Person").focus()
    await page.keyboard.type("Tom")
    await page.get_by_label("Role on the committee").focus()
    await page.keyboard.type("Member")
    await page.get_by_label("Category").focus()
    await page.keyboard.type("Executive")
    await page.get_by_role("button", name="Add seat").focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("status").filter(has_text="Added")).to_have_text("Added Tom Ashworth as member.")

    members = page.get_by_role("region", name="Members of Quality committee")
    await expect(
        members.get_by_role("row", name=re.compile("Margaret Lowe Chair, lay member Yes Lay member"))
    ).to_be_visible()
    await expect(members.get_by_role("row", name=re.compile("Tom Ashworth Executive Yes Executive"))).to_be_visible()
    await assert_accessible(page)

    # The quorum rule gains an executive; the rule reads back in words.
    await page.get_by_label("Executives", exact=True).fill("1")
    await page.get_by_role("button", name="Save changes").click()
    await expect(page.get_by_role("status").filter(has_text="Saved")).to_contain_text(
        "Saved the changes to Quality committee."
    )
    rule = page.locator(".nhsuk-summary-list")
    await expect(rule).to_contain_text("Quorate with at least two voting members present")
    await expect(rule).to_contain_text("at least one lay member")
    await expect(rule).to_contain_text("at least one executive")
    await assert_accessible(page)

    # Ending a seat, by keyboard: Tom's seat ends today and is kept in the record.
    await page.get_by_role("button", name="End Tom Ashworth’s seat as executive").focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("status").filter(has_text="Ended")).to_have_text(
        "Ended Tom Ashworth’s seat as executive from today."
    )
    await expect(page.get_by_role("button", name="End Tom Ashworth’s seat as executive")).to_have_count(0)
    await expect(members.get_by_role("row", name=re.compile("Tom Ashworth"))).to_contain_text(in_words(clock.today()))
    await assert_accessible(page)

    await open_from_navigation(page, "Committees", "Committees")
    await expect(page.get_by_role("link", name="Quality committee", exact=True)).to_be_visible()


async def add_seat(page: Page, person: str, role: str, category: str, office: str, *, voting: bool = True) -> None:
    await choose(page, "Person", person)
    await page.get_by_label("Role on the committee").select_option(label=role)
    voting_box = page.get_by_label("Voting member", exact=True)
    if await voting_box.is_checked() != voting:
        await voting_box.click()
    await page.get_by_label("Category").select_option(label=category)
    await page.get_by_label("Office", exact=True).select_option(label=office)
    await page.get_by_role("button", name="Add seat").click()
    await expect(page.get_by_role("status").filter(has_text="Added")).to_contain_text(f"Added {person}")


async def test_a_secretary_builds_a_committee_from_its_terms_of_reference_with_a_pooled_rule_and_offices(
    phone: BrowserContext, server: Server
):
    # "Three voting members, two of them from the lay members, nurse and secondary care doctor, with the
    # accountable officer or the chief finance officer, and the chair or the vice chair present."
    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Helen Hargreaves")
    await open_from_navigation(page, "Committees", "Committees")
    await page.get_by_label("Kind of committee").select_option(label="Other committee")
    await page.get_by_label("Name", exact=True).fill("Finance and performance committee")
    await page.get_by_label("Minimum number of voting members present").fill("3")
    await page.get_by_label("How many of the group must be present").fill("2")
    group = page.get_by_role("group", name="Members in the group")
    for kind in ("Lay member", "Nurse", "Secondary care doctor"):
        await group.get_by_label(kind, exact=True).check()
    offices = page.get_by_role("group", name="One of these office holders present")
    await offices.get_by_label("Accountable officer", exact=True).check()
    await offices.get_by_label("Chief finance officer", exact=True).focus()
    await page.keyboard.press("Space")  # by keyboard too
    await page.get_by_label("The chair or the vice chair present").check()
    sentence = (
        "Quorate with at least three voting members present, at least two of the lay members, nurses and secondary"
        " care doctors, the accountable officer or the chief finance officer and the chair or the vice chair."
    )
    await page.get_by_role("button", name="Read the rule back").click()
    await expect(page.locator("#create-committee-quorum-wording")).to_have_text(sentence)
    await assert_accessible(page)
    await page.get_by_role("button", name="Create committee").click()
    await expect(page.get_by_role("status").filter(has_text="Created")).to_contain_text(sentence)
    await page.get_by_role("status").get_by_role("link", name="Finance and performance committee").click()
    await expect(page.get_by_role("heading", name="Finance and performance committee", level=1)).to_be_visible()
    await expect(page.locator(".nhsuk-summary-list")).to_contain_text(sentence)
    warning = page.locator(".nhsuk-warning-callout").filter(has_text="The current members can never make a quorum")
    await expect(warning).to_contain_text("Neither the chair nor the vice chair is present.")
    await assert_accessible(page)

    await add_seat(page, "Margaret Lowe", "Chair", "Lay member", "Lay member for governance")
    await add_seat(page, "Tom Ashworth", "Member", "Executive", "Chief finance officer")
    await expect(warning).to_contain_text(
        "Two of the lay member, nurse and secondary care doctor are needed; one is present."
    )
    await add_seat(page, "Anne Kershaw", "Member", "Nurse", "Registered nurse")
    await expect(warning).to_have_count(0)
    # Healthwatch's representative sits without a vote and without being made CCG staff.
    await add_seat(page, "Jean Platt", "Member", "Healthwatch", "Healthwatch representative", voting=False)
    members = page.get_by_role("region", name="Members of Finance and performance committee")
    await expect(
        members.get_by_role("row", name=re.compile("Margaret Lowe Chair, lay member for governance Yes"))
    ).to_be_visible()
    await expect(
        members.get_by_role("row", name=re.compile("Jean Platt Healthwatch representative, non-voting No"))
    ).to_be_visible()
    await assert_accessible(page)

    # Entered by mistake: withdrawn the same day, by keyboard.
    await page.get_by_role(
        "button", name="Withdraw Jean Platt’s seat as healthwatch representative, non-voting"
    ).focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("status").filter(has_text="Withdrew")).to_contain_text("Withdrew Jean Platt’s seat")
    await expect(members.get_by_role("row", name=re.compile("Jean Platt"))).to_have_count(0)
    await assert_accessible(page)


async def contract_records(page: Page, server: Server) -> str:
    await page.goto(f"{server.url}/contracts")
    await expect(page.get_by_role("heading", name="Primary care contracts", level=1)).to_be_visible()
    await expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)
    await assert_accessible(page)
    return await page.locator("main").inner_text()


async def test_an_area_team_officer_records_and_revokes_delegations_and_the_ccg_member_loses_the_view(
    context: BrowserContext, phone: BrowserContext, server: Server
):
    gp, janet = await phone.new_page(), await context.new_page()
    await sign_in_as_demo_user(gp, server, "Dr Rajesh Mistry")
    await sign_in_as_demo_user(janet, server, "Janet Whitworth")
    today = clock.today()
    try:
        assert "11 contract records" in await contract_records(gp, server)

        # The joint committee's page shows the delegation it holds, on a phone.
        await open_from_navigation(gp, "Committees", "Committees")
        await gp.get_by_role("link", name=JOINT_COMMITTEE).click()
        await expect(gp.get_by_role("heading", name=JOINT_COMMITTEE, level=1)).to_be_visible()
        await expect(gp.locator(".nhsuk-summary-list")).to_contain_text("Greater Manchester Area Team")
        held = gp.get_by_role("region", name=f"Delegations held by {JOINT_COMMITTEE}")
        await expect(held).to_contain_text("Approving practice mergers")
        await assert_accessible(gp)

        # The area team's own view: its delegations and the joint committees Janet sits on.
        await open_from_navigation(janet, "Area team", "Greater Manchester Area Team")
        await expect(janet).to_have_title("Area team – Quorum")
        await expect(janet.get_by_role("region", name="Joint committees you sit on")).to_contain_text(JOINT_COMMITTEE)
        await assert_accessible(janet)

        await open_from_navigation(janet, "Delegations", "Register of delegations")
        export = janet.get_by_role("link", name="Download the register (.xlsx)")
        response = await janet.request.get(f"{server.url}{await export.get_attribute('href')}")
        assert response.status == 200 and "spreadsheetml" in response.headers["content-type"]
        await assert_accessible(janet)

        # Revoking needs a reason; with one, the demo delegation ends at once.
        demo_row = janet.get_by_role("row").filter(has_text="Approving practice mergers")
        await demo_row.get_by_role("button", name=re.compile("^Revoke")).click()
        await expect(janet.get_by_role("heading", name="Revoke a delegation")).to_be_focused()
        await janet.get_by_role("button", name="Revoke delegation").click()
        await expect(janet.locator(".nhsuk-error-summary")).to_contain_text("Say why the delegation is revoked")
        await assert_accessible(janet)
        await janet.get_by_label("Reason for revoking").fill("Replaced by a delegation of contracts alone")
        await janet.get_by_role("button", name="Revoke delegation").click()
        await expect(janet.get_by_role("status").filter(has_text="Revoked")).to_have_text(
            f"Revoked the delegation to {JOINT_COMMITTEE} from 1 April 2025."
        )
        await expect(demo_row).to_contain_text("Revoked")
        await expect(demo_row).to_contain_text("Replaced by a delegation of contracts alone")
        await assert_accessible(janet)

        assert NO_CONTRACTS in await contract_records(gp, server)

        # A new delegation of contracts over Bolton's practices, from today for a year, with its agreement.
        await choose(janet, "Receiving committee", JOINT_COMMITTEE)
        await janet.get_by_label(CONTRACTS).check()
        await expect(janet.get_by_label("Appraisal")).to_be_disabled()
        await expect(janet.get_by_text("NHS England keeps this function").first).to_be_visible()
        await janet.get_by_label("NHS Bolton CCG (00T)").check()
        await fill_date(janet, "Valid from", today)
        await fill_date(janet, "Valid to", today + timedelta(days=365))
        # The agreement arrives with JavaScript in it: the upload check removes it and says so, there and then
        # and in the register.
        await janet.get_by_label("Signed agreement (optional)").set_input_files(
            {"name": "bolton-contracts-agreement.pdf", "mimeType": "application/pdf", "buffer": javascript_pdf()}
        )
        await janet.get_by_role("button", name="Record delegation").click()
        recorded = janet.get_by_role("status").filter(has_text="Recorded")
        await expect(recorded).to_contain_text(f"Recorded the delegation to {JOINT_COMMITTEE}. Removed from the PDF: ")
        await expect(recorded).to_contain_text("JavaScript")
        new_row = janet.get_by_role("row").filter(
            has=janet.get_by_role("button", name=f"Revoke the delegation to {JOINT_COMMITTEE} from {in_words(today)}")
        )
        await expect(new_row).to_contain_text("Active")
        await expect(new_row.get_by_role("link", name=re.compile("^Agreement"))).to_be_visible()
        await expect(new_row.locator(".app-inspection-note")).to_contain_text("Removed from the PDF: ")
        await assert_accessible(janet)

        assert "11 contract records" in await contract_records(gp, server)

        await new_row.get_by_role("button", name=re.compile("^Revoke")).click()
        await janet.get_by_label("Reason for revoking").fill("Recorded in error")
        await janet.get_by_role("button", name="Revoke delegation").click()
        await expect(janet.get_by_role("status").filter(has_text="Revoked")).to_have_text(
            f"Revoked the delegation to {JOINT_COMMITTEE} from {in_words(today)}."
        )
        await assert_accessible(janet)

        assert NO_CONTRACTS in await contract_records(gp, server)
    finally:
        await owner_fetch(
            "UPDATE delegation SET revoked_at = NULL, revoked_by = NULL, revocation_reason = NULL"
            f" WHERE id = ({DEMO_DELEGATION})"
        )
    assert "11 contract records" in await contract_records(gp, server)


async def test_anyone_reads_a_published_scheme_of_delegation_without_signing_in(
    context: BrowserContext, server: Server
):
    page = await context.new_page()
    await page.goto(f"{server.url}/public/00T/delegations")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("NHS Bolton CCG")
    await expect(page).to_have_title("Scheme of delegation: NHS Bolton CCG – Quorum")
    scheme = page.get_by_role("region", name="Delegations published by NHS Bolton CCG")
    await expect(scheme.get_by_role("row").filter(has_text="Approving practice mergers")).to_contain_text(
        JOINT_COMMITTEE
    )
    await expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    await assert_accessible(page)

    await page.goto(f"{server.url}/public/ZZZ/delegations")
    await expect(page.get_by_role("heading", name="Scheme of delegation not found", level=1)).to_be_visible()
    await assert_accessible(page)


async def test_a_crowded_month_of_meetings_fits_a_phone(phone: BrowserContext, server: Server):
    """Thirty meetings on one day and more through the month (as when the API tests ran first): the committee's
    calendar reflows at 360 px instead of pushing the page sideways, and every meeting stays a link."""
    day = clock.now().replace(hour=10, minute=30, second=0, microsecond=0) + timedelta(days=30)
    async with httpx.AsyncClient(base_url=server.url) as http:
        secretary = Caller(http, await token_for(BOLTON_SECRETARY))
        committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
        for n in range(36):
            starts = day + timedelta(days=0 if n < 30 else n - 28, minutes=(n % 4) * 15)
            created = (
                await secretary.data(
                    CREATE_MEETING,
                    {
                        "input": {
                            "committeeId": committee,
                            "title": f"Crowded month meeting {n + 1}",
                            "startsAt": starts.isoformat(),
                            "location": "Bolton Town Hall",
                        }
                    },
                )
            )["createMeeting"]
            assert created["errors"] == [], created["errors"]
    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Helen Hargreaves")
    await open_from_navigation(page, "Committees", "Committees")
    await bolton_committees(page).get_by_role("link", name="Governing body", exact=True).click()
    calendar = page.locator(".app-calendar")
    await calendar.get_by_role("button", name=re.compile("^Next month")).wait_for()
    month = day.strftime("%B %Y")
    while month not in await page.locator(".app-calendar__month").inner_text():
        await calendar.get_by_role("button", name=re.compile("^Next month")).click()
    on_the_day = calendar.get_by_role("link", name=re.compile(f" on {day.day} {month}: Crowded month meeting"))
    await expect(on_the_day).to_have_count(30)
    await assert_accessible(page)
    await on_the_day.first.focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Crowded month meeting")
