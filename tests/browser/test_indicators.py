"""The practice quality dashboard in a real browser: a practice representative on a phone sees their practice
named and every other practice anonymised; a visitor sees only the aggregates on the CCG's public page."""

from __future__ import annotations

from playwright.async_api import BrowserContext, expect

from tests.browser.conftest import Server, assert_accessible, sign_in_as_demo_user
from tests.support import owner_fetch

ANTIBIOTICS = "Antibacterial items per STAR-PU"


async def bolton_practices() -> dict[str, str]:
    rows = await owner_fetch(
        "SELECT p.ods_code, p.name FROM practice p JOIN organisation o ON o.id = p.org_id WHERE o.ods_code = '00T'"
    )
    return {r["ods_code"]: r["name"] for r in rows}


async def test_a_practice_representative_sees_their_practice_named_and_the_others_anonymised(
    phone: BrowserContext, server: Server
):
    practices = await bolton_practices()
    own = practices.pop("P82002")
    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Dr Fiona Clarke")
    await page.goto(f"{server.url}/indicators")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Practice quality dashboard")
    indicator = page.get_by_label("Indicator", exact=True)
    await expect(indicator.locator("option:checked")).to_have_text(ANTIBIOTICS)  # the first, by code
    await expect(page.get_by_role("heading", name=own, level=2)).to_be_visible()
    await expect(page.get_by_text("of 11").first).to_be_visible()
    distribution = page.get_by_role("table", name=f"{ANTIBIOTICS}, 2026-03: every practice's figure")
    await expect(distribution.get_by_role("row")).to_have_count(12)
    await expect(distribution.get_by_role("cell", name="Another practice", exact=True)).to_have_count(10)
    await expect(distribution.get_by_role("cell", name=own, exact=True)).to_have_count(1)
    await expect(page.get_by_role("heading", name="Every practice, named")).to_have_count(0)

    # Another indicator, chosen from the keyboard alone (the select's type-ahead).
    await indicator.focus()
    await page.keyboard.type("GP p")
    survey = "GP patient survey: good overall experience"
    await expect(indicator.locator("option:checked")).to_have_text(survey)
    yearly = page.get_by_role("table", name=f"{survey}, 2025: every practice's figure")
    await expect(yearly.get_by_role("cell", name="Another practice", exact=True)).to_have_count(10)
    content = await page.locator("main").inner_text()
    for ods, name in practices.items():
        assert ods not in content and name not in content
    await assert_accessible(page)


async def test_a_visitor_sees_only_aggregates_on_the_public_page(context: BrowserContext, server: Server):
    practices = await bolton_practices()
    page = await context.new_page()
    await page.goto(f"{server.url}/public/00T")
    await expect(page.get_by_role("heading", name="Quality of general practice")).to_be_visible()
    pilot = page.locator("details", has_text="Extended access pilot")
    await pilot.locator("summary").click()
    await expect(pilot.get_by_role("cell", name="Withheld: Fewer than 5 practices reported.")).to_be_visible()
    await page.locator("summary", has_text=ANTIBIOTICS).press("Enter")  # details open from the keyboard
    table = page.get_by_role("table", name=f"{ANTIBIOTICS}: aggregates across practices")
    await expect(table.get_by_role("row")).to_have_count(13)
    content = await page.locator("main").inner_text()
    for ods, name in practices.items():
        assert ods not in content and name not in content
    await assert_accessible(page)


async def test_an_area_team_officer_sees_a_delegated_ccg_s_practices_named(context: BrowserContext, server: Server):
    page = await context.new_page()
    await sign_in_as_demo_user(page, server, "Janet Whitworth")
    await page.goto(f"{server.url}/indicators")
    await page.get_by_label("CCG", exact=True).select_option(label="NHS Bolton CCG")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("NHS Bolton CCG")
    await expect(page.get_by_role("heading", name="Every practice, named")).to_be_visible()
    await expect(page.get_by_role("heading", name="Import indicators")).to_have_count(0)
    await assert_accessible(page)
