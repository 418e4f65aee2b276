"""Sign-in end to end: Chromium, Quorum and a real OpenID Connect provider, all on loopback."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import httpx
from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import Server, assert_accessible, open_menu, sign_in_as_demo_user
from tests.support import BOLTON_SECRETARY, token_for


def register_at_provider(provider: str, sub: str, claims: dict) -> None:
    response = httpx.put(f"{provider}/users/{sub}", json=claims)
    assert response.status_code == 204, response.text


async def sign_in_through_provider(page: Page, server: Server, sub: str) -> str:
    """Follows the sign-in link to the provider, signs in as `sub`; returns the authorization URL used."""
    await page.goto(f"{server.url}/sign-in")
    await expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    await assert_accessible(page)
    await page.get_by_role("link", name="Sign in with your NHS account").click()
    await page.wait_for_url("**/oauth2/authorize**")
    authorization_url = page.url
    await page.locator("input[name=sub]").fill(sub)
    await page.get_by_role("button", name="Authorize").click()
    await page.wait_for_load_state()
    return authorization_url


async def test_full_round_trip_signs_a_known_person_in_with_pkce(
    context: BrowserContext, server: Server, oidc_provider
):
    register_at_provider(oidc_provider, "helen-sub", {"email": BOLTON_SECRETARY.upper(), "email_verified": True})
    page = await context.new_page()
    authorization_url = await sign_in_through_provider(page, server, "helen-sub")

    query = parse_qs(urlparse(authorization_url).query)
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) >= 43
    assert query["scope"] == ["openid email profile"]
    await page.wait_for_url(f"{server.url}/")
    await expect(page.get_by_role("heading", name="Your memberships")).to_be_visible()
    await expect(page.get_by_role("cell", name="NHS Bolton CCG")).to_be_visible()
    await expect(page.get_by_text("Helen Hargreaves").first).to_be_visible()
    await assert_accessible(page)


async def test_an_unknown_email_is_refused_with_a_clear_page(context: BrowserContext, server: Server, oidc_provider):
    register_at_provider(oidc_provider, "stranger-sub", {"email": "stranger@nhs.example", "email_verified": True})
    page = await context.new_page()
    await sign_in_through_provider(page, server, "stranger-sub")
    await expect(page.get_by_role("heading", name="You do not have a Quorum account")).to_be_visible()
    await expect(page.get_by_text("There is no Quorum account for stranger@nhs.example.")).to_be_visible()
    await assert_accessible(page)
    await page.goto(f"{server.url}/")
    await expect(page.get_by_role("heading", name="Welcome to Quorum")).to_be_visible()


async def test_an_unverified_email_is_refused(context: BrowserContext, server: Server, oidc_provider):
    register_at_provider(oidc_provider, "unverified-sub", {"email": BOLTON_SECRETARY, "email_verified": False})
    page = await context.new_page()
    await sign_in_through_provider(page, server, "unverified-sub")
    await expect(page.get_by_role("heading", name="We could not confirm your email address")).to_be_visible()


async def test_sign_out_ends_the_session_and_the_old_cookie_is_useless(
    context: BrowserContext, server: Server, oidc_provider
):
    register_at_provider(oidc_provider, "helen-again", {"email": BOLTON_SECRETARY, "email_verified": True})
    page = await context.new_page()
    await sign_in_through_provider(page, server, "helen-again")
    await expect(page.get_by_role("heading", name="Your memberships")).to_be_visible()
    kept = [c for c in await context.cookies() if c["name"] == "quorum_session"]
    assert kept and kept[0]["httpOnly"] and kept[0]["sameSite"] == "Lax"

    await page.get_by_role("button", name="Sign out").click()
    await page.wait_for_url(f"{server.url}/sign-in")
    await page.goto(f"{server.url}/")
    await expect(page.get_by_role("heading", name="Welcome to Quorum")).to_be_visible()

    await context.add_cookies(kept)  # a copy kept from before signing out
    await page.goto(f"{server.url}/")
    await expect(page.get_by_role("heading", name="Welcome to Quorum")).to_be_visible()


async def test_a_tampered_cookie_is_refused(context: BrowserContext, server: Server):
    page = await context.new_page()
    await page.goto(f"{server.url}/sign-in/demo")
    await page.get_by_role("button", name="Sign in as Helen Hargreaves").click()
    await expect(page.get_by_role("heading", name="Your memberships")).to_be_visible()
    cookie = next(c for c in await context.cookies() if c["name"] == "quorum_session")
    await context.clear_cookies()
    await context.add_cookies([{**cookie, "value": "x" + cookie["value"][1:]}])
    await page.goto(f"{server.url}/")
    await expect(page.get_by_role("heading", name="Welcome to Quorum")).to_be_visible()


async def test_sign_out_everywhere_ends_every_sign_in_and_token_after_a_confirmation(
    context: BrowserContext, phone: BrowserContext, server: Server
):
    oliver = "oliver.grant@demo.quorum.example"
    laptop, page = await context.new_page(), await phone.new_page()
    await sign_in_as_demo_user(laptop, server, "Oliver Grant")
    await sign_in_as_demo_user(page, server, "Oliver Grant")
    token = await token_for(oliver)
    viewer = {"query": "{ viewer { person { name } } }"}
    async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {token}"}) as api:
        assert (await api.post("/graphql", json=viewer)).json()["data"]["viewer"]["person"]["name"] == "Oliver Grant"

        # On the phone, by keyboard: the link leads to a confirmation, which can be left without changing anything.
        await open_menu(page)  # on a phone the account links are behind the header's menu
        await page.get_by_role("link", name="Sign out everywhere").focus()
        await page.keyboard.press("Enter")
        await expect(page.get_by_role("heading", name="Sign out everywhere", level=1)).to_be_visible()
        await expect(page).to_have_title("Sign out everywhere – Quorum")
        await assert_accessible(page)
        await page.get_by_role("link", name="Cancel").click()
        await expect(page.get_by_role("heading", name="Your memberships")).to_be_visible()

        await open_menu(page)
        await page.get_by_role("link", name="Sign out everywhere").click()
        await page.get_by_role("button", name="Yes, sign me out everywhere").focus()
        await page.keyboard.press("Enter")
        await page.wait_for_url(f"{server.url}/sign-in")

        await laptop.reload()  # the other device's sign-in has ended too
        await expect(laptop.get_by_role("heading", name="Welcome to Quorum")).to_be_visible()
        refused = await api.post("/graphql", json=viewer)
        assert refused.status_code == 401, refused.text
