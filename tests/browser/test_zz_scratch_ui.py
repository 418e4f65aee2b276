"""Temporary: screenshots and overflow diagnosis (to be deleted)."""
import json
import os

from playwright.async_api import BrowserContext

from tests.browser.conftest import Server, sign_in_as_demo_user

PAGES = json.loads(os.environ.get("SCRATCH_PAGES", '[["Helen Hargreaves", "/committees"]]'))

FIND = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5)
    .slice(0, 15).map(e => e.tagName + '.' + e.className + ' right=' + e.getBoundingClientRect().right + ' ' + (e.id||''));
}"""


async def test_scratch(browser, server: Server):
    for name, path, *click in PAGES:
        for label, viewport in [("phone", {"width": 360, "height": 740}), ("desktop", {"width": 1280, "height": 900})]:
            context = await browser.new_context(viewport=viewport)
            page = await context.new_page()
            if name:
                await sign_in_as_demo_user(page, server, name)
            await page.goto(server.url + path)
            await page.wait_for_timeout(1500)
            for step in click:
                kind, text = step.split(':', 1)
                await page.get_by_role(kind, name=text).first.click()
                await page.wait_for_timeout(1000)
            print(label, path, await page.evaluate(FIND))
            slug = (name or "anon").split()[0] + path.replace("/", "_") + "_".join(c.split(':')[1][:10].replace(' ', '') for c in click)
            await page.screenshot(path=f"/tmp/shots/{slug}-{label}.png", full_page=True)
            await context.close()
