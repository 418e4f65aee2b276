"""A real Quorum server, a real OpenID Connect provider and headless Chromium, all on loopback."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date

import pytest
from playwright.async_api import Browser, BrowserContext, Locator, Page, async_playwright

from tests.conftest import ROOT
from tests.live_server import Server

AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session", autouse=True)
def frontend_is_built():
    if not (ROOT / "frontend" / "dist" / "index.html").exists():
        pytest.fail("The frontend is not built: the test command runs `npm run build` in frontend/ first.")


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: the test command installs Debian's chromium package.")
    return path


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        await browser.close()


@asynccontextmanager
async def watched_context(browser: Browser, **options) -> AsyncIterator[BrowserContext]:
    """A browser context that fails the test if the page breaks the Content-Security-Policy."""
    context = await browser.new_context(**options)
    violations: list[str] = []
    context.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield context
    await context.close()
    assert violations == [], violations


@pytest.fixture
async def context(browser: Browser) -> AsyncIterator[BrowserContext]:
    async with watched_context(browser) as context:
        yield context


@pytest.fixture
async def phone(browser: Browser) -> AsyncIterator[BrowserContext]:
    async with watched_context(browser, viewport=PHONE, is_mobile=True, has_touch=True) as context:
        yield context


async def assert_accessible(page: Page) -> None:
    """axe-core (WCAG 2.2 A and AA rules) finds no violation, and nothing overflows sideways."""
    await page.evaluate(AXE.read_text())  # through DevTools, so the page's CSP does not block it
    result = await page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    violations = [f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    assert violations == [], f"axe violations on {page.url}:\n" + "\n".join(violations)
    overflow = await page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


async def sign_in_as_demo_user(page: Page, server: Server, name: str) -> None:
    await page.goto(f"{server.url}/sign-in/demo")
    await page.get_by_role("button", name=f"Sign in as {name}").click()
    await page.wait_for_url(f"{server.url}/")
    await page.get_by_role("heading", name="Your memberships").wait_for()


async def fill_date(scope: Page | Locator, legend: str, day: date) -> None:
    """Types a date into the NHS.UK date input (day, month and year fields) with this legend."""
    group = scope.get_by_role("group", name=legend, exact=True)
    await group.get_by_label("Day").fill(str(day.day))
    await group.get_by_label("Month").fill(str(day.month))
    await group.get_by_label("Year").fill(str(day.year))


async def clear_date(scope: Page | Locator, legend: str) -> None:
    """Empties the day, month and year fields of the NHS.UK date input with this legend."""
    group = scope.get_by_role("group", name=legend, exact=True)
    for part in ("Day", "Month", "Year"):
        await group.get_by_label(part).fill("")


async def open_menu(page: Page) -> None:
    """On a phone the header's links are behind its "Menu" button (issue 18): opens it if it is there and shut."""
    menu = page.get_by_role("banner").get_by_role("button", name="Menu")
    if await menu.is_visible() and await menu.get_attribute("aria-expanded") == "false":
        await menu.click()


async def follow_navigation(page: Page, name: str) -> None:
    """Follows a link of the header's primary navigation, opening the phone's menu first if need be."""
    await open_menu(page)
    await page.get_by_role("navigation", name="Primary navigation").get_by_role("link", name=name).click()
