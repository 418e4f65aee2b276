"""A member sends apologies and declares an interest on a 360 px phone; the chair runs an item from their own
screen; three organisations' committees meet in common with one agenda, and the session's page shows each
committee's outcome side by side. axe is clean on every page visited."""

from __future__ import annotations

import re
from datetime import date, timedelta

import httpx
from playwright.async_api import BrowserContext, expect

from tests.browser.conftest import PHONE, Server, assert_accessible, fill_date, sign_in_as_demo_user
from tests.browser.test_running_a_meeting import sign_in_by_cookie
from tests.browser.test_sign_in import register_at_provider, sign_in_through_provider
from tests.conduct.support import CAST, CLOSE, DECIDE, MEMBERS, SECRETARY, make_board, ok, start_meeting
from tests.in_common.support import HMR_SECRETARY, TAKE_PART, arrange, make_parties, schedule
from tests.in_common.test_committees_in_common import _run

ITEM = "Community services contract"
WITHDRAWN_BECAUSE = "The estates paper gave the wrong site; a corrected pack follows."


async def test_a_member_sends_apologies_and_declares_on_a_phone(phone: BrowserContext, server: Server):
    async with httpx.AsyncClient(base_url=server.url) as http:
        board = await make_board(http, "Finance committee (phone)")
        meeting = await start_meeting(
            board, [(ITEM, "PUBLIC")], title="Finance committee, December", open_it=False, minutes_ago=-180
        )
    await sign_in_by_cookie(phone, server, MEMBERS["ashworth"][0])
    page = await phone.new_page()
    await page.goto(f"{server.url}/meetings/{meeting.id}/live")
    await expect(page.get_by_role("heading", name="Your part in this meeting")).to_be_visible()
    attendance = page.get_by_role("region", name="Attendance")
    await expect(attendance.get_by_role("row", name=re.compile("Tom Ashworth"))).to_contain_text("Expected")
    await expect(page.get_by_text("6 voting members are expected; 0 have sent apologies.")).to_be_visible()
    await assert_accessible(page)

    await page.get_by_role("button", name="Send apologies").click()
    await expect(page.get_by_text("You have sent your apologies.")).to_be_visible()
    await expect(attendance.get_by_role("row", name=re.compile("Tom Ashworth"))).to_contain_text("Apologies")
    await expect(page.get_by_text("5 voting members are expected; 1 has sent apologies.")).to_be_visible()

    await page.get_by_role("button", name="Declare interest").click()
    await expect(page.get_by_role("link", name="Choose the item your interest concerns")).to_be_visible()
    select = page.get_by_label("Item", exact=True)
    await select.select_option(await select.locator("option", has_text=ITEM).get_attribute("value"))
    await page.get_by_label("Kind of interest", exact=True).select_option("FINANCIAL")
    await page.get_by_label("Your interest", exact=True).fill(
        "My wife is a director of the community services provider"
    )
    await page.get_by_role("button", name="Declare interest").click()
    await expect(page.get_by_role("status").filter(has_text="Your declaration has been recorded.")).to_be_visible()
    await assert_accessible(page)


async def test_the_chair_runs_an_item(context: BrowserContext, server: Server):
    async with httpx.AsyncClient(base_url=server.url) as http:
        board = await make_board(http, "Finance committee (chaired)")
        meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Finance committee, chaired")
        await meeting.arrive("lowe", "mistry", "ashworth", "khan")
        await sign_in_by_cookie(context, server, MEMBERS["lowe"][0])
        page = await context.new_page()
        await page.goto(f"{server.url}/meetings/{meeting.id}/live")
        await expect(page.get_by_text(re.compile("You chair this committee"))).to_be_visible()
        await expect(page.get_by_role("button", name="Close the meeting")).to_have_count(0)
        await page.get_by_role("button", name=re.compile(rf"Take item \d+: {ITEM}")).click()
        await expect(page.get_by_role("heading", name=re.compile(rf"Item \d+: {ITEM}"))).to_be_visible()
        await page.get_by_label("Motion", exact=True).fill("That the contract is awarded")
        await page.get_by_role("button", name="Open vote").click()
        await expect(page.get_by_text("0 of 4 eligible members have voted.")).to_be_visible()
        await assert_accessible(page)
        vote_id = (
            await board.callers["lowe"].data(
                "query($id: ID!) { meetingConduct(meetingId: $id) { live { vote { voteId } } } }", {"id": meeting.id}
            )
        )["meetingConduct"]["live"]["vote"]["voteId"]
        for short in ("mistry", "ashworth", "khan"):
            ok(await board.callers[short].data(CAST, {"input": {"voteId": vote_id, "choice": "FOR"}}))
        await expect(page.get_by_text("3 of 4 eligible members have voted.")).to_be_visible(timeout=5000)
        await page.get_by_role("button", name="For", exact=True).click()
        await page.get_by_role("button", name="Close vote").click()
        await page.get_by_role("button", name="Yes, close the vote").click()
        await expect(page.locator(".nhsuk-card", has_text="That the contract is awarded")).to_contain_text(
            "Carried (4 for, 0 against, 0 abstentions)."
        )
        await assert_accessible(page)


async def test_a_three_committee_session_with_one_agenda(context: BrowserContext, server: Server, oidc_provider):
    estates = "Primary care estates strategy"
    async with httpx.AsyncClient(base_url=server.url) as http:
        parties = await make_parties(http, "browser")
        arrangement = await arrange(parties, "Commissioning in common (browser)")
        session = await schedule(
            parties,
            arrangement,
            [
                {"title": estates, "purpose": "DECISION", "part": "PUBLIC"},
                {"title": "Contract breach", "purpose": "DECISION", "part": "PRIVATE"},
            ],
        )
        meetings = {}
        for who, committee in (("bolton", parties.bolton.committee_id), ("islington", parties.islington_committee)):
            taken = ok(
                await parties.callers[who].data(TAKE_PART, {"input": {"sessionId": session, "committeeId": committee}})
            )
            link = next(
                m
                for m in taken["session"]["meetings"]
                if m["meeting"] and m["committeeName"].startswith(who.capitalize())
            )
            meetings[who] = (link["meetingId"], {i["title"]: i["id"] for i in link["meeting"]["agenda"]})
        bolton = parties.bolton
        await _run(
            meetings["bolton"][0],
            bolton.callers["secretary"],
            bolton.callers,
            [bolton.people[s] for s in ("lowe", "mistry", "ashworth", "khan")],
            {"lowe": "FOR", "mistry": "FOR", "ashworth": "FOR", "khan": "FOR"},
            meetings["bolton"][1][estates],
        )
        grace, nia = "grace.adeyemi@demo.quorum.example", "nia.osei@test.quorum.example"
        await _run(
            meetings["islington"][0],
            parties.callers["islington"],
            parties.callers,
            [parties.people[grace], parties.people[nia]],
            {grace: "AGAINST", nia: "AGAINST"},
            meetings["islington"][1][estates],
        )
        ok(
            await parties.callers["islington"].data(
                DECIDE,
                {
                    "input": {
                        "itemId": meetings["islington"][1]["Contract breach"],
                        "route": "CONSENSUS",
                        "text": "Issue a breach notice.",
                    }
                },
            )
        )
        for who in ("bolton", "islington"):
            ok(await parties.callers[who].data(CLOSE, {"input": {"meetingId": meetings[who][0]}}))

    # Bolton's secretary sees the arrangement and invites a fourth organisation, which must answer for itself.
    convener = await (await context.browser.new_context(viewport=PHONE)).new_page()
    await sign_in_as_demo_user(convener, server, "Helen Hargreaves")
    await convener.goto(f"{server.url}/in-common")
    section = convener.get_by_role("region", name="Commissioning in common (browser)")
    await expect(section).to_contain_text(
        "NHS Islington CCG: Islington primary care commissioning committee (browser) (taking part)"
    )
    await assert_accessible(convener)
    # She convenes a new arrangement from the page: a clear error first, then the arrangement with her committee.
    await convener.get_by_role("button", name="Convene").click()
    await expect(convener.get_by_role("alert")).to_contain_text("Name the arrangement")
    await assert_accessible(convener)
    await convener.get_by_label("Name of the arrangement").fill("Estates partnership (browser)")
    await convener.get_by_label("Your committee that convenes").select_option(
        label="Bolton primary care commissioning committee (browser) (NHS Bolton CCG)"
    )
    await convener.get_by_role("button", name="Convene").click()
    convened = convener.get_by_role("region", name="Estates partnership (browser)")
    await expect(convened).to_contain_text(
        "NHS Bolton CCG: Bolton primary care commissioning committee (browser) (taking part)"
    )
    await expect(convened.get_by_label("Invite an organisation")).to_be_visible()
    await assert_accessible(convener)
    await section.get_by_label("Invite an organisation").fill("07T")
    await section.get_by_role("button", name="Invite").click()
    await expect(section).to_contain_text("NHS City and Hackney CCG (invited)")
    # And schedules the next session: one item common to all, one for Islington's committee alone.
    await section.get_by_label("Title", exact=True).fill("Second session")
    await fill_date(section, "Date", date.today() + timedelta(days=40))
    await section.get_by_label("Starts at", exact=True).fill("14:00")
    await section.get_by_label("Place", exact=True).fill("Bolton Town Hall")
    await section.get_by_label("Item 1 title", exact=True).fill("Estates update")
    await section.get_by_role("button", name="Add another item").click()
    await section.get_by_label("Item 2 title", exact=True).fill("Islington locality plan")
    await (
        section.get_by_role("group", name="Item 2 taken by").get_by_label(re.compile("^Islington primary care")).check()
    )
    await assert_accessible(convener)
    await section.get_by_role("button", name="Schedule the session").click()
    await expect(convener.get_by_role("heading", level=1)).to_have_text("Second session")
    locality = convener.get_by_role("listitem").filter(
        has=convener.get_by_role("heading", name=re.compile("Islington locality plan"))
    )
    await expect(locality).to_contain_text("Taken by Islington primary care commissioning committee (browser).")
    await assert_accessible(convener)
    # On the first session's page, the convener builds the session's public pack and publishes it.
    await convener.goto(f"{server.url}/in-common/sessions/{session}")
    packs = convener.get_by_role("region", name="Session pack")
    await expect(packs.get_by_role("button", name=re.compile("Build the private pack of NHS Bolton"))).to_be_visible()
    await packs.get_by_role("button", name="Build the public pack").click()
    await packs.get_by_role("button", name="Publish public pack 1").click(timeout=30_000)
    await convener.get_by_role("button", name="Yes, publish").click()
    await expect(packs.get_by_role("status")).to_contain_text("Published public pack 1: anyone can now read it.")
    await assert_accessible(convener)
    # She withdraws it, by keyboard, saying why (the reason is asked for first), and publishes a second one.
    await packs.get_by_role("button", name="Withdraw public pack 1").focus()
    await convener.keyboard.press("Enter")
    await expect(packs.get_by_role("heading", name="Withdraw public pack 1")).to_be_focused()
    withdrawal = packs.locator("form").filter(has=convener.get_by_label("Why it is withdrawn"))
    await withdrawal.get_by_role("button", name="Withdraw the pack").click()
    await expect(withdrawal.get_by_role("alert")).to_contain_text("Enter the reason for withdrawing the pack")
    await assert_accessible(convener)
    await withdrawal.get_by_label("Why it is withdrawn").fill(WITHDRAWN_BECAUSE)
    await convener.keyboard.press("Tab")
    await expect(withdrawal.get_by_role("button", name="Withdraw the pack")).to_be_focused()
    await convener.keyboard.press("Enter")
    await expect(packs.get_by_role("status")).to_contain_text(
        f"Withdrew public pack 1. Its readers now see: “{WITHDRAWN_BECAUSE}”."
    )
    await expect(packs.get_by_role("row").filter(has_text="Public pack 1")).to_contain_text(WITHDRAWN_BECAUSE)
    await packs.get_by_role("button", name="Build the public pack").click()
    await packs.get_by_role("button", name="Publish public pack 2").click(timeout=30_000)
    await convener.get_by_role("button", name="Yes, publish").click()
    await expect(packs.get_by_role("status")).to_contain_text("Published public pack 2: anyone can now read it.")
    await assert_accessible(convener)
    await convener.context.close()

    # HMR's secretary arranges its committee's meeting of the session from the session's page.
    register_at_provider(oidc_provider, "hmr-secretary", {"email": HMR_SECRETARY, "email_verified": True})
    page = await context.new_page()
    await sign_in_through_provider(page, server, "hmr-secretary")
    await page.goto(f"{server.url}/in-common/sessions/{session}")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Committees in common")
    await expect(
        page.get_by_text(
            re.compile(
                "HMR primary care commissioning committee \\(browser\\), NHS Heywood.*"
                "its meeting has not been arranged yet"
            )
        )
    ).to_be_visible()
    await assert_accessible(page)
    await page.get_by_role("button", name=re.compile("Arrange the meeting of HMR")).click()
    await expect(page.get_by_role("link", name="its meeting of this session")).to_have_count(3)
    # HMR's private pack holds Part I and HMR's own Part II business; Bolton's private pack is not HMR's to build.
    await expect(page.get_by_role("button", name=re.compile("Build the private pack of NHS Bolton"))).to_have_count(0)
    await page.get_by_role("button", name=re.compile("Build the private pack of NHS Heywood")).click()
    await expect(page.get_by_role("link", name="Download private pack 1 (PDF)")).to_be_visible(timeout=30_000)
    await assert_accessible(page)

    # The public: one agenda, Part I only, each committee's own outcome side by side.
    public = await (await context.browser.new_context(viewport=PHONE)).new_page()
    await public.goto(f"{server.url}/in-common/sessions/{session}")
    item = public.get_by_role("listitem").filter(has=public.get_by_role("heading", name=re.compile(estates)))
    await expect(item).to_contain_text("Common to every committee.")
    await expect(item).to_contain_text("Carried (4 for, 0 against, 0 abstentions).")
    await expect(item).to_contain_text("Lost (0 for, 2 against, 0 abstentions).")
    await expect(item).to_contain_text("Not shown until the committee's meeting has been held.")
    await expect(public.get_by_text("Contract breach")).to_have_count(0)
    withdrawn = public.get_by_role("row").filter(has_text="Public pack 1")
    await expect(withdrawn).to_contain_text(f"Withdrawn on {date.today().day} ")
    await expect(withdrawn).to_contain_text(WITHDRAWN_BECAUSE)
    await expect(public.get_by_role("link", name="Download public pack 1 (PDF)")).to_have_count(0)
    await expect(public.get_by_role("button", name=re.compile("Withdraw"))).to_have_count(0)
    download = public.get_by_role("link", name="Download public pack 2 (PDF)")
    await expect(download).to_have_count(1)
    await expect(public.get_by_role("button", name=re.compile("Build"))).to_have_count(0)
    pdf = await public.request.get(server.url + await download.get_attribute("href"))
    assert pdf.status == 200 and (await pdf.body()).startswith(b"%PDF")
    await assert_accessible(public)
    await public.context.close()


async def test_the_members_choose_who_presides_and_a_chairs_action_follows_the_close(
    context: BrowserContext, server: Server
):
    async with httpx.AsyncClient(base_url=server.url) as http:
        board = await make_board(http, "Finance committee (presiding)")
        meeting = await start_meeting(board, [(ITEM, "PUBLIC")], title="Finance committee, presiding")
        await meeting.arrive("ashworth", "khan", "patel", "reid")  # neither the chair nor the vice chair
        await meeting.take(ITEM)
    await sign_in_by_cookie(context, server, SECRETARY)
    page = await context.new_page()
    await page.goto(f"{server.url}/meetings/{meeting.id}/live")
    quorum = page.get_by_role("region", name="Quorum")
    await expect(quorum).to_contain_text("No chair present.")
    await quorum.get_by_role("button", name="Record who presides").click()
    await expect(quorum.get_by_role("alert")).to_contain_text("Choose the member who presides")
    await assert_accessible(page)
    await quorum.get_by_label("Member the members present chose to preside").select_option(label="Susan Patel")
    await quorum.get_by_role("button", name="Record who presides").click()
    await expect(quorum).to_contain_text("Chaired by Susan Patel.")
    await expect(quorum.get_by_role("button", name="Record who presides")).to_have_count(0)
    await assert_accessible(page)

    # The meeting closes with the item undecided; only a chair's action can still be recorded.
    async with httpx.AsyncClient(base_url=server.url) as http:
        meeting.secretary.client = http
        ok(await meeting.secretary.data(CLOSE, {"input": {"meetingId": meeting.id}}))
    await page.reload()
    after = page.get_by_role("region", name="Chair’s action after the meeting")
    items = after.get_by_label("Item decided by chair's action")
    await items.select_option(await items.locator("option", has_text=ITEM).get_attribute("value"))
    outcome = after.get_by_role("region", name="Outcome")
    await expect(outcome).to_contain_text("The meeting has closed. As the standing orders allow")
    routes = outcome.get_by_label("How it was decided").locator("option")
    await expect(routes).to_have_count(2)  # "Choose" and chair's action only
    await outcome.get_by_role("button", name="Record outcome").click()
    await expect(outcome.get_by_role("alert")).to_be_visible()
    await assert_accessible(page)
    await outcome.get_by_label("How it was decided").select_option("CHAIRS_ACTION")
    await outcome.get_by_label("The decision").fill("The chair extended the contract by a year (urgent).")
    await outcome.get_by_role("button", name="Record outcome").click()
    await expect(outcome).to_contain_text("The chair extended the contract by a year (urgent).")
    await expect(outcome.get_by_role("button", name="Record outcome")).to_have_count(0)
    await assert_accessible(page)
