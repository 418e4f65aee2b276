"""Email notifications in a real browser: choosing what arrives (by keyboard, on a phone), the demo's Sent mail,
and a member of the public subscribing to a committee; axe on every page."""

from __future__ import annotations

from playwright.async_api import BrowserContext, expect

from tests.browser.conftest import Server, assert_accessible, sign_in_as_demo_user
from tests.support import BOLTON_GOVERNING_BODY, global_id, owner_fetch


async def test_a_secretary_chooses_a_daily_digest_by_keyboard_on_a_phone(phone: BrowserContext, server: Server):
    page = await phone.new_page()
    await sign_in_as_demo_user(page, server, "Helen Hargreaves")
    await page.goto(f"{server.url}/settings/notifications")
    await expect(page.get_by_role("heading", name="Email notifications", level=1)).to_be_visible()
    await assert_accessible(page)

    group = page.get_by_role("group", name="A paper is requested from you")
    await group.get_by_label("In my daily digest").focus()
    await page.keyboard.press("Space")
    await page.get_by_label("Send my daily digest at").select_option(label="18:00")
    await page.get_by_role("button", name="Save my choices").focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("Your choices are saved.")).to_be_visible()
    await assert_accessible(page)

    await page.reload()
    group = page.get_by_role("group", name="A paper is requested from you")
    await expect(group.get_by_label("In my daily digest")).to_be_checked()
    await expect(page.get_by_label("Send my daily digest at")).to_have_value("18")
    await owner_fetch(
        "DELETE FROM notification_preference WHERE person_id = (SELECT id FROM person WHERE email = $1)",
        "helen.hargreaves@demo.quorum.example",
    )


async def test_a_platform_administrator_reads_the_demos_sent_mail(context: BrowserContext, server: Server):
    await owner_fetch(
        "INSERT INTO notification_message (kind, email, subject, body_text, body_html, status, message_id)"
        " VALUES ('paper_requested', 'tom.ashworth@demo.quorum.example', '[NHS Bolton CCG] A paper is requested',"
        " 'Dear Tom Ashworth,', '<p>Dear Tom Ashworth,</p>', 'OUTBOX_ONLY', gen_random_uuid()::text)"
    )
    page = await context.new_page()
    await sign_in_as_demo_user(page, server, "Sam Okafor")
    await page.get_by_role("link", name="Sent mail").click()
    await expect(page.get_by_role("heading", name="Sent mail", level=1)).to_be_visible()
    message = page.get_by_text("[NHS Bolton CCG] A paper is requested").first
    await expect(message).to_be_visible()
    await message.click()
    await expect(page.get_by_text("Dear Tom Ashworth,").first).to_be_visible()
    await assert_accessible(page)


async def test_the_public_subscribe_to_a_committees_papers(phone: BrowserContext, server: Server):
    committee = await global_id("Committee", BOLTON_GOVERNING_BODY)
    page = await phone.new_page()
    await page.goto(f"{server.url}/public/00T/committees/{committee}")
    await expect(page.get_by_role("heading", name="Get an email when papers are published")).to_be_visible()
    await assert_accessible(page)
    await page.get_by_label("Email address").fill("not an address")
    await page.get_by_role("button", name="Subscribe").click()
    await expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter an email address")
    await assert_accessible(page)
    await page.get_by_label("Email address").fill("resident.browser@example.org")
    await page.get_by_label("Email address").press("Enter")
    await expect(page.get_by_text("a message is on its way")).to_be_visible()
    await assert_accessible(page)
    rows = await owner_fetch(
        "SELECT confirmed_at FROM public_subscription WHERE email = 'resident.browser@example.org'"
    )
    assert [r["confirmed_at"] for r in rows] == [None]


async def test_an_unsubscribe_link_works_by_keyboard_without_signing_in(phone: BrowserContext, server: Server):
    from quorum.notifications.tokens import Unsubscribe, unsubscribe_token

    person = (await owner_fetch("SELECT id FROM person WHERE email = 'margaret.lowe@demo.quorum.example'"))[0]["id"]
    page = await phone.new_page()
    await page.goto(f"{server.url}/unsubscribe/{unsubscribe_token(Unsubscribe('paper_approved', person))}")
    await expect(page.get_by_role("heading", name="Stop these messages?")).to_be_visible()
    await assert_accessible(page)
    await page.get_by_role("button", name="Stop these messages").focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="You have unsubscribed")).to_be_visible()
    await assert_accessible(page)
    rows = await owner_fetch("SELECT kind, mode FROM notification_preference WHERE person_id = $1", person)
    assert [(r["kind"], r["mode"]) for r in rows] == [("paper_approved", "OFF")]
