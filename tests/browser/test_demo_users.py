"""Demo users in a real browser: each sees their own organisation and nothing of another's."""

from __future__ import annotations

from playwright.async_api import BrowserContext, expect

from tests.browser.conftest import Server, assert_accessible, sign_in_as_demo_user, watched_context


async def test_two_users_of_different_ccgs_each_see_only_their_own(browser, server: Server):
    seen = {}
    for name, own, other in [
        ("Helen Hargreaves", "NHS Bolton CCG", "NHS Islington CCG"),
        ("Daniel Cohen", "NHS Islington CCG", "NHS Bolton CCG"),
    ]:
        async with watched_context(browser) as context:
            page = await context.new_page()
            await page.goto(f"{server.url}/sign-in/demo")
            await assert_accessible(page)
            await sign_in_as_demo_user(page, server, name)
            await expect(page.get_by_role("cell", name=own).first).to_be_visible()
            await assert_accessible(page)
            await page.goto(f"{server.url}/admin/organisations")
            await expect(page.get_by_role("heading", name="Organisations", exact=True)).to_be_visible()
            await expect(page.get_by_role("link", name=own)).to_be_visible()
            await assert_accessible(page)
            seen[name] = await page.content()
            assert other not in seen[name]


async def test_an_administrator_adds_a_practice_by_keyboard_on_a_phone(phone: BrowserContext, server: Server):
    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Priya Shah")
    await assert_accessible(page)
    await page.goto(f"{server.url}/admin")
    await expect(page.get_by_role("heading", name="Administration")).to_be_visible()
    await assert_accessible(page)
    await page.get_by_role("link", name="Practices and memberships of NHS Bolton CCG").click()
    await expect(page.get_by_role("heading", name="NHS Bolton CCG", level=1)).to_be_visible()
    await assert_accessible(page)

    # A mistake first, typed field by field: the error summary takes focus and names the field.
    for label, value in [
        ("ODS code", "NOPE"),
        ("Name", "Bad Practice"),
        ("List size", "6100"),
        ("Locality", "Bolton Central"),
    ]:
        await page.get_by_label(label, exact=True).focus()
        await page.keyboard.type(value)
    await page.keyboard.press("Enter")
    summary = page.locator(".nhsuk-error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("A practice's ODS code is a letter and five digits")
    await assert_accessible(page)

    await page.get_by_label("ODS code").fill("")
    await page.get_by_label("ODS code").focus()
    await page.keyboard.type("P82990")
    await page.get_by_label("Name", exact=True).fill("Keyboard Lane Surgery")
    await page.get_by_label("List size").fill("6100")
    await page.get_by_label("Locality").fill("Bolton Central")
    await page.get_by_role("button", name="Add practice").focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("Keyboard Lane Surgery (P82990)").first).to_be_visible()
    await assert_accessible(page)


async def test_someone_in_two_organisations_switches_between_them(context: BrowserContext, server: Server):
    page = await context.new_page()
    await sign_in_as_demo_user(page, server, "Tom Ashworth")
    switcher = page.get_by_label("Organisation", exact=True)
    await expect(switcher).to_be_visible()
    await switcher.select_option(label="NHS Heywood, Middleton and Rochdale CCG")
    await page.reload()
    await expect(page.get_by_label("Organisation", exact=True)).to_have_value(
        await switcher.locator("option", has_text="Heywood").get_attribute("value")
    )
    await assert_accessible(page)
