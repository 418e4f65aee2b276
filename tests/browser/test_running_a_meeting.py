"""Helen Hargreaves, Bolton CCG's board secretary, runs a governing body meeting in the browser: attendance,
a declaration by a conflicted member, the quorum, a named vote (one member voting from their own screen), the
decision, an action and the notes; then she drafts the minutes and finds it all there."""

from __future__ import annotations

import re
from datetime import date, timedelta

import httpx
from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import Server, assert_accessible, fill_date, follow_navigation, sign_in_as_demo_user
from tests.browser.test_live_progress import signed_in_cookie
from tests.conduct.support import CONCERNS, MEMBERS, make_board, ok, org_id, practice_id, start_meeting
from tests.support import owner_fetch

ITEM = "Practice merger: P82001 and P82002"
MOTION = "That the merger of Brook Lane (P82001) and Deane (P82002) is approved"
DECLARE_INTEREST = """mutation($input: DeclareInterestInput!) { declareInterest(input: $input) { interest { id } errors { field message } } }"""


async def arrange_meeting(server: Server) -> str:
    """The committee, Dr Mistry's interest in P82001 on the register, and a meeting that started five minutes ago."""
    async with httpx.AsyncClient(base_url=server.url) as http:
        board = await make_board(http, "Governing body (run in the browser)")
        secretary = board.callers["secretary"]
        ok(
            await secretary.data(
                DECLARE_INTEREST,
                {
                    "input": {
                        "organisationId": await org_id("00T"),
                        "personId": board.people["mistry"],
                        "category": "FINANCIAL",
                        "description": "Partner at Brook Lane surgery",
                        "concernsPracticeIds": [await practice_id("P82001")],
                        "validFrom": "2020-01-01",
                    }
                },
            )
        )
        meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Governing body, November", open_it=False)
        ok(
            await secretary.data(
                CONCERNS,
                {
                    "input": {
                        "itemId": meeting.items[ITEM],
                        "practiceIds": [await practice_id("P82001"), await practice_id("P82002")],
                    }
                },
            )
        )
        return meeting.id


async def sign_in_by_cookie(context: BrowserContext, server: Server, email: str) -> None:
    name, value = (await signed_in_cookie(server, email)).split("=", 1)
    await context.add_cookies([{"name": name, "value": value, "url": server.url}])


async def choose(page: Page, label: str, option_text: str) -> None:
    select = page.get_by_label(label, exact=True)
    value = await select.locator("option", has_text=option_text).first.get_attribute("value")
    await select.select_option(value)


async def test_a_secretary_runs_a_meeting_with_a_conflicted_member_and_drafts_the_minutes(
    phone: BrowserContext, context: BrowserContext, server: Server
):
    meeting_id = await arrange_meeting(server)
    live = f"{server.url}/meetings/{meeting_id}/live"

    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Helen Hargreaves")
    await page.goto(live)
    await expect(page.get_by_role("heading", level=1)).to_have_text("Governing body, November")
    await expect(page).to_have_title("Governing body, November: live – Quorum")
    await expect(page.get_by_text("The meeting has not been opened.")).to_be_visible()
    await assert_accessible(page)

    await page.get_by_role("button", name="Open the meeting").click()
    await expect(page.get_by_text("The meeting is open.")).to_be_visible()

    # Attendance: five members arrive, Paul Reid sends apologies.
    for short in ("lowe", "mistry", "ashworth", "khan", "patel"):
        name = MEMBERS[short][1]
        await page.get_by_role("button", name=f"Arrived: {name}", exact=True).click()
        await expect(page.get_by_role("button", name=f"Left: {name}", exact=True)).to_be_visible()
    await page.get_by_role("button", name="Apologies: Paul Reid", exact=True).click()
    attendance = page.get_by_role("region", name="Attendance")
    await expect(attendance.get_by_role("row", name=re.compile("Paul Reid"))).to_contain_text("Apologies")
    await expect(attendance.get_by_role("row", name=re.compile("Margaret Lowe"))).to_contain_text(
        "Present, in the room"
    )
    await expect(page.get_by_role("heading", name="Arrivals and departures")).to_be_visible()
    await assert_accessible(page)

    # The item: the register suggests Dr Mistry's conflict; Helen records it, managed by his leaving the room.
    await page.get_by_role("button", name=re.compile(rf"Take item \d+: {re.escape(ITEM)}")).click()
    await expect(page.get_by_role("heading", name=re.compile(rf"Item \d+: {re.escape(ITEM)}"))).to_be_visible()
    await expect(page.get_by_role("heading", name="Likely conflicts from the register")).to_be_visible()
    suggestion = page.locator("form", has=page.get_by_role("heading", name="Dr Rajesh Mistry")).first
    await expect(suggestion).to_contain_text("Partner at Brook Lane surgery")
    await expect(suggestion.get_by_label("How the chair manages it")).to_have_value("LEAVE_ROOM")
    await suggestion.get_by_role("button", name="Record the declaration of Dr Rajesh Mistry").click()
    declarations = page.get_by_role("region", name="Declarations of interest")
    await expect(declarations.get_by_role("listitem").filter(has_text="Dr Rajesh Mistry")).to_contain_text(
        "Leaves the room for the item"
    )

    # Dr Khan's shares in the bidder, declared only on an item for decision: recorded, and warned about.
    another = page.locator("form", has=page.get_by_role("heading", name="Record another declaration"))
    await choose(another, "Who", "Dr Amir Khan")
    await another.get_by_label("Kind of interest").select_option(label="Financial")
    await another.get_by_label("The interest", exact=True).fill("Shares in a company that supplies both practices")
    await another.get_by_label("How the chair manages it").select_option("DECLARE_ONLY")
    await another.get_by_role("button", name="Record declaration").click()
    await expect(declarations.get_by_role("listitem").filter(has_text="Dr Amir Khan")).to_contain_text(
        "Warning: A financial interest in an item for decision is managed as declare only"
    )

    # The quorum, in words: four voting members take part; Dr Mistry does not count.
    await expect(page.get_by_text("Quorate: 5 voting members present, 4 taking part in the decision.")).to_be_visible()
    await expect(page.get_by_text(re.compile("Excluded by a conflict of interest: Dr Rajesh Mistry"))).to_be_visible()
    await assert_accessible(page)

    # A named vote. Margaret Lowe votes from her own screen; Helen's page hears of it within a second.
    await page.get_by_label("Motion", exact=True).fill(MOTION)
    await page.get_by_role("button", name="Open vote").click()
    await expect(page.get_by_role("heading", name=f"Vote in progress: {MOTION}")).to_be_visible()
    await expect(page.get_by_text("0 of 4 eligible members have voted.")).to_be_visible()
    await expect(page.get_by_label("Member", exact=True).locator("option", has_text="Dr Rajesh Mistry")).to_have_count(
        0
    )

    await sign_in_by_cookie(context, server, MEMBERS["lowe"][0])
    chair = await context.new_page()
    await chair.goto(live)
    await expect(chair.get_by_role("heading", name="Your vote")).to_be_visible()
    await expect(chair.get_by_role("button", name="Open the meeting")).to_have_count(0)
    await assert_accessible(chair)
    await chair.get_by_role("button", name="For", exact=True).click()
    await expect(chair.get_by_text("You have voted.")).to_be_visible()

    await expect(page.get_by_text("1 of 4 eligible members have voted.")).to_be_visible(timeout=5000)
    await expect(page.locator("[aria-live=polite]")).to_have_text("A vote has been cast: 1 of 4.")

    # Helen records the others' named votes, then closes the vote: the decision follows from it.
    for short, choice in (("ashworth", "For"), ("khan", "Against"), ("patel", "For")):
        await choose(page, "Member", MEMBERS[short][1])
        await page.get_by_label("Their vote", exact=True).select_option(label=choice)
        await page.get_by_role("button", name="Record vote").click()
        await expect(page.get_by_role("status").filter(has_text=f"Recorded {MEMBERS[short][1]}")).to_be_visible()
    await expect(page.get_by_text("4 of 4 eligible members have voted.")).to_be_visible()
    await page.get_by_role("button", name="Close vote").click()
    await page.get_by_role("button", name="Yes, close the vote").click()
    await expect(page.get_by_role("heading", name=f"Vote closed: {MOTION}")).to_be_visible()
    await expect(page.locator(".nhsuk-card", has_text=MOTION)).to_contain_text(
        "Carried (3 for, 1 against, 0 abstentions)."
    )
    await expect(chair.locator("[aria-live=polite]")).to_have_text(
        "The vote has closed. Carried (3 for, 1 against, 0 abstentions).", timeout=2000
    )
    await expect(chair.get_by_role("heading", name=f"Vote closed: {MOTION}")).to_be_visible()
    outcome = page.get_by_role("region", name="Outcome", exact=True)
    await expect(outcome.get_by_role("listitem")).to_contain_text("By vote")
    # One outcome at a time: the form to record another gives way to rescinding this one, saying why.
    await expect(outcome.get_by_role("button", name="Record outcome")).to_have_count(0)
    await outcome.get_by_role("button", name="Rescind outcome").click()
    await expect(outcome.locator(".nhsuk-error-summary")).to_contain_text("Enter why the outcome is rescinded")

    # An action, and the secretary's notes.
    due = date.today() + timedelta(days=28)
    await page.get_by_label("Action", exact=True).fill("Write to both practices' patients about the merger.")
    await choose(page, "Owner", "Tom Ashworth")
    await fill_date(page, "Due", due)
    await page.get_by_role("button", name="Add action").click()
    await expect(page.get_by_role("status").filter(has_text="Added the action for Tom Ashworth.")).to_be_visible()
    await page.get_by_label(re.compile("Secretary's notes on item")).fill(
        "The committee discussed patient access at both sites."
    )
    await page.get_by_role("button", name="Save notes").click()
    await expect(page.get_by_role("status").filter(has_text="Saved the notes.")).to_be_visible()
    await assert_accessible(page)

    await page.get_by_role("button", name="Close the meeting").click()
    await expect(page.get_by_text("The meeting has closed.")).to_be_visible()

    # The drafted minutes: the declaration, the decision and the vote, as recorded.
    await page.get_by_role("link", name="Minutes of this meeting").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Minutes: Governing body, November")
    await expect(page).to_have_title("Minutes: Governing body, November – Quorum")
    item = page.get_by_role("region", name=re.compile(re.escape(ITEM)))
    await expect(item).to_contain_text("Dr Rajesh Mistry declared a")
    await expect(item).to_contain_text("Partner at Brook Lane surgery")
    await expect(item).to_contain_text(MOTION)
    await expect(item).to_contain_text("Carried (3 for, 1 against, 0 abstentions).")
    await expect(item).to_contain_text("Against: Dr Amir Khan")
    await expect(item).to_contain_text("Write to both practices' patients about the merger.")
    await expect(item).to_contain_text("The committee discussed patient access at both sites.")
    await expect(page.get_by_text("Paul Reid")).to_be_visible()
    pdf = await page.get_by_role("link", name="Download the public minutes as a PDF").get_attribute("href")
    response = await page.request.get(f"{server.url}{pdf}" if pdf.startswith("/") else pdf)
    assert response.status == 200 and (await response.body()).startswith(b"%PDF-")
    await assert_accessible(page)

    await page.get_by_role("link", name="Full minutes (Parts I and II)").click()
    await expect(page.get_by_role("heading", name="Full minutes (Parts I and II)", level=2)).to_be_visible()
    await assert_accessible(page)


async def test_the_registers_of_interests_gifts_decisions_and_actions(phone: BrowserContext, browser, server: Server):
    # A second entry declared at a meeting, for the keeper to reject (a copy of Dr Mistry's pending one).
    # Every column but the generated ones (search_vector), which an INSERT may not name.
    columns = ", ".join(
        row["column_name"]
        for row in await owner_fetch(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'interest'"
            " AND is_generated = 'NEVER' ORDER BY ordinal_position"
        )
    )
    assert await owner_fetch(
        f"INSERT INTO interest ({columns}) SELECT {columns} FROM jsonb_populate_record(NULL::interest, ("
        "SELECT to_jsonb(i) || jsonb_build_object('id', gen_random_uuid(), 'description',"
        " 'Shareholder in Bolton Pharmacy Ltd', 'source_declaration_id', NULL) FROM interest i"
        " WHERE description LIKE 'Partner at The Mill Health Centre%' AND status = 'PENDING' LIMIT 1)) RETURNING id"
    )
    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Helen Hargreaves")
    await follow_navigation(page, "Interests")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Register of interests")
    await expect(page).to_have_title("Register of interests – Quorum")
    await expect(page.get_by_role("heading", name="Declarations and reviews due")).to_be_visible()
    await assert_accessible(page)

    # A declaration with nothing filled in is caught; then one is made.
    await page.get_by_role("button", name="Declare interest").click()
    await expect(page.locator(".nhsuk-error-summary").first).to_be_focused()
    await choose(page, "Person", "Margaret Lowe")
    await page.get_by_label("Kind of interest").select_option(label="Non-financial personal")
    await page.get_by_label("The interest", exact=True).fill("Trustee of Bolton Hospice")
    # A date that is not a real one is named in the error, beside its own fields, and nothing is declared.
    aware = page.get_by_role("group", name="Became aware of it on", exact=True)
    await aware.get_by_label("Day").fill("31")
    await aware.get_by_label("Month").fill("2")
    await aware.get_by_label("Year").fill("2026")
    await page.get_by_role("button", name="Declare interest").click()
    unreal = "Date they became aware of it must be a real date: February 2026 has 28 days"
    await expect(page.get_by_role("link", name=unreal)).to_be_visible()
    await expect(aware).to_contain_text(unreal)
    await assert_accessible(page)
    await fill_date(page, "Became aware of it on", date.today())
    await page.get_by_role("button", name="Declare interest").click()
    await expect(page.get_by_role("status").filter(has_text="Declared the interest of Margaret Lowe.")).to_be_visible()
    await expect(
        page.get_by_role("region", name="Register of interests").get_by_role(
            "row", name=re.compile("Trustee of Bolton Hospice")
        )
    ).to_be_visible()
    await assert_accessible(page)

    # Dr Mistry's declaration at the demo's extraordinary meeting waits for Helen to confirm it.
    pending = page.get_by_role("row", name=re.compile("Partner at The Mill Health Centre"))
    await expect(pending).to_contain_text("Pending")
    await pending.get_by_role("button", name=re.compile("^Confirm: Dr Rajesh Mistry")).click()
    await expect(page.get_by_role("status").filter(has_text="Confirmed the entry of Dr Rajesh Mistry")).to_be_visible()
    await expect(pending).not_to_contain_text("Pending")
    # The other is rejected, with the reason asked for first and then kept on the register.
    wrong = page.get_by_role("row", name=re.compile("Shareholder in Bolton Pharmacy Ltd"))
    await wrong.get_by_role("button", name=re.compile("^Reject: Dr Rajesh Mistry")).click()
    rejection = page.get_by_role("form", name="Reject the entry of Dr Rajesh Mistry")
    await expect(rejection.get_by_role("heading")).to_be_focused()
    await rejection.get_by_role("button", name="Reject the entry").click()
    await expect(rejection.get_by_role("alert")).to_contain_text("Say why the entry is rejected")
    await assert_accessible(page)
    await rejection.get_by_label("Why is it rejected?").fill("Declared in error: the shares were sold in 2025.")
    await rejection.get_by_role("button", name="Reject the entry").click()
    await expect(page.get_by_role("status").filter(has_text="Rejected the entry of Dr Rajesh Mistry")).to_be_visible()
    await expect(wrong).to_contain_text("Rejected")
    await expect(wrong).to_contain_text("Declared in error: the shares were sold in 2025.")
    await expect(rejection).to_have_count(0)

    export = await page.get_by_role("link", name="Download the register as a spreadsheet (.xlsx)").get_attribute("href")
    response = await page.request.get(f"{server.url}{export}")
    assert response.status == 200 and (await response.body()).startswith(b"PK")

    await page.get_by_role("link", name="gifts and hospitality").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Gifts and hospitality")
    await choose(page, "Offered to", "Margaret Lowe")
    await page.get_by_label("What it was").select_option(label="Hospitality")
    await page.get_by_label("Description", exact=True).fill("Dinner at a supplier's conference")
    await page.get_by_label("Offered by", exact=True).fill("MedSupply Ltd")
    await page.get_by_label("From a supplier or contractor, or one who may become one").check()
    await page.get_by_label("Value in pounds").fill("120")
    await page.get_by_role("button", name="Record", exact=True).click()
    await expect(page.get_by_role("status").filter(has_text="Recorded.")).to_be_visible()
    conference = page.get_by_role("row", name=re.compile("Dinner at a supplier's conference"))
    await expect(conference).to_be_visible()
    await assert_accessible(page)
    # Offered, not accepted, and needing approval: the approver's answer is no.
    await conference.get_by_role("button", name=re.compile("^Declined: Margaret Lowe")).click()
    await expect(conference).to_contain_text("Declined on")
    await expect(conference.get_by_role("button", name=re.compile("^Declined: "))).to_have_count(0)
    # The keeper designates another approver.
    designate = page.get_by_role("region", name="Designate an approver")
    await designate.get_by_role("button", name="Designate").click()
    await expect(designate.get_by_role("alert")).to_contain_text("Choose who may approve")
    await choose(designate, "Approver", "Tom Ashworth")
    await designate.get_by_role("button", name="Designate").click()
    await expect(designate.get_by_role("status")).to_contain_text("Tom Ashworth may now approve gifts and hospitality")
    await assert_accessible(page)
    # The demo's approved dinner keeps its approval in its history; returned, that is kept too.
    symposium = page.get_by_role("row", name=re.compile("Dinner after a diabetes symposium"))
    await expect(symposium).to_contain_text("Approved on")
    await symposium.get_by_role("button", name=re.compile("^Returned: ")).click()
    await expect(symposium).to_contain_text("Returned on")
    await expect(symposium).to_contain_text("Approved on")

    await page.goto(f"{server.url}/decisions")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Decisions register")
    await assert_accessible(page)

    await page.goto(f"{server.url}/committees")
    bolton = page.locator("section", has=page.get_by_role("heading", name="NHS Bolton CCG", level=2))
    await bolton.get_by_role("link", name="Governing body", exact=True).click()  # Islington's is public too
    await page.get_by_role("link", name="action log").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Action log")
    await assert_accessible(page)

    # The published register, without signing in.
    from tests.browser.conftest import watched_context

    async with watched_context(browser, viewport={"width": 360, "height": 740}) as anonymous:
        public = await anonymous.new_page()
        await public.goto(f"{server.url}/public/00T/interests")
        await expect(public.get_by_role("heading", level=1)).to_have_text("Register of interests")
        await expect(public).to_have_title(re.compile("Register of interests: .*Bolton"))
        await assert_accessible(public)
        await expect(public.get_by_role("region", name="Tom Ashworth")).to_contain_text("Nil return made on")
        await expect(public.get_by_text("No return received.").first).to_be_visible()
        await public.get_by_role("link", name="Their gifts and hospitality").click()
        await expect(public.get_by_role("heading", level=1)).to_have_text("Gifts and hospitality")
        await expect(public.get_by_role("row", name=re.compile("Dinner at a supplier's conference"))).to_contain_text(
            "Margaret Lowe"
        )
        await assert_accessible(public)
