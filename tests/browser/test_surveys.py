"""Membership-engagement surveys in a real browser: built from the template, answered on phones, read with a
withheld group and downloaded as .xlsx."""

from __future__ import annotations

import re
import secrets

from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import Server, assert_accessible, follow_navigation, sign_in_as_demo_user

WITHHELD = "Withheld"


async def open_surveys(page: Page) -> None:
    await follow_navigation(page, "Surveys")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Surveys")


def question(page: Page, words: str):
    """A question's fieldset, found by words of its legend."""
    return page.get_by_role("group", name=re.compile(re.escape(words)))


async def answer_the_template(page: Page, *, goes_to_locality_meetings: bool, engaged: str) -> None:
    for statement in (
        "The CCG is owned by its member practices.",
        "The CCG's decisions reflect the views of member practices.",
        "I can influence the CCG's decisions.",
        "My practice is kept well informed about the CCG's work.",
        "The CCG's leaders are accountable to member practices.",
    ):
        await page.get_by_role("group", name=statement, exact=True).get_by_label("Agree", exact=True).check()
    await question(page, "I feel engaged with the work of the CCG").get_by_label(engaged, exact=True).check()
    await question(page, "recommend getting involved").get_by_label("8", exact=True).check()
    await question(page, "taken part in during the last 12 months").get_by_label("Locality meetings").check()

    # Branching: whether locality meetings are worth the time is asked only of those who go to them.
    value_question = question(page, "Locality meetings are a good use of my time")
    await expect(value_question).to_have_count(0)
    often = "Sometimes" if goes_to_locality_meetings else "Never"
    await question(page, "How often do you go to locality meetings").get_by_label(often, exact=True).check()
    if goes_to_locality_meetings:
        await expect(value_question).to_be_visible()
        await value_question.get_by_label("Neither agree nor disagree").check()
    else:
        await expect(value_question).to_have_count(0)
    await page.get_by_label(re.compile("hours a month")).fill("6")
    await page.get_by_label(re.compile("first priority")).fill("Same-day access")


async def test_a_secretary_builds_a_survey_that_representatives_answer_on_phones(
    context: BrowserContext, phone: BrowserContext, browser, server: Server
):
    title = f"Bolton member engagement {secrets.token_hex(3)}"

    # Helen builds the survey from the template for practice representatives, and opens it.
    helen = await context.new_page()
    await sign_in_as_demo_user(helen, server, "Helen Hargreaves")
    await open_surveys(helen)
    await expect(helen.get_by_role("heading", name="Create from the template", level=2)).to_be_visible()
    await assert_accessible(helen)
    await helen.get_by_label("Member ownership and engagement").check()
    await helen.get_by_label("Title (optional)").fill(title)
    await expect(helen.get_by_label("Representatives of member practices")).to_be_checked()
    await helen.get_by_role("button", name="Create from the template").click()
    await expect(helen.get_by_role("status").filter(has_text="has been created")).to_contain_text(
        f"The draft survey {title} has been created"
    )
    await helen.get_by_role("button", name=f"Open {title}").click()
    await expect(helen.get_by_role("heading", name=f"Open the survey “{title}”?")).to_be_focused()
    await assert_accessible(helen)
    await helen.get_by_role("button", name="Yes, open the survey").click()
    await expect(helen.get_by_role("status").filter(has_text="is open")).to_contain_text(
        f"“{title}” is open for answers"
    )
    await assert_accessible(helen)

    # Dr Fiona Clarke answers on her phone: saves, comes back to her answers, and sends them.
    fiona = await phone.new_page()
    await sign_in_as_demo_user(fiona, server, "Dr Fiona Clarke")
    await open_surveys(fiona)
    await assert_accessible(fiona)
    await fiona.get_by_role("link", name=title).click()
    await expect(fiona.get_by_role("heading", level=1)).to_have_text(title)
    await assert_accessible(fiona)
    await answer_the_template(fiona, goes_to_locality_meetings=True, engaged="Agree")
    await fiona.get_by_label(re.compile("one change would make you feel more ownership")).fill(
        "Let practices set the agenda of the council of members."
    )
    await assert_accessible(fiona)
    await fiona.get_by_role("button", name="Save and come back later").click()
    await expect(fiona.get_by_role("status").filter(has_text="Your answers are saved")).to_be_visible()

    await fiona.reload()
    await expect(fiona.get_by_role("heading", level=1)).to_have_text(title)
    await expect(question(fiona, "How often do you go to locality meetings").get_by_label("Sometimes")).to_be_checked()
    await expect(fiona.get_by_label(re.compile("first priority"))).to_have_value("Same-day access")
    await fiona.get_by_role("button", name="Send response").click()
    await expect(fiona.get_by_role("heading", level=1)).to_have_text("Response sent")
    await assert_accessible(fiona)

    # Dr Rajesh Mistry answers on another phone, skipping the question about locality meetings' value.
    async with await browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    ) as other:
        rajesh = await other.new_page()
        await sign_in_as_demo_user(rajesh, server, "Dr Rajesh Mistry")
        await rajesh.goto(f"{server.url}/surveys")
        await rajesh.get_by_role("link", name=title).click()
        await expect(rajesh.get_by_role("heading", level=1)).to_have_text(title)
        await answer_the_template(rajesh, goes_to_locality_meetings=False, engaged="Disagree")
        await rajesh.get_by_role("button", name="Send response").click()
        await expect(rajesh.get_by_role("heading", level=1)).to_have_text("Response sent")
        await assert_accessible(rajesh)

    # While the survey is open Helen sees only a count that moves in steps of five: two responses show as none.
    await helen.reload()
    await expect(helen.get_by_role("heading", level=1)).to_have_text("Surveys")
    await helen.get_by_role("link", name=f"Results of {title}").click()
    await expect(helen.get_by_role("heading", level=1)).to_have_text(f"Results: {title}")
    await expect(helen.get_by_text("The survey is still open.")).to_be_visible()
    await expect(
        helen.get_by_role("heading", name=re.compile("I feel engaged with the work of the CCG"))
    ).to_have_count(0)
    await assert_accessible(helen)

    # She closes it and reads the results: two respondents are fewer than the threshold of five, so all is withheld,
    # and she is told why.
    await open_surveys(helen)
    close = helen.get_by_role("button", name=re.compile(f"Close.*{re.escape(title)}"))
    await close.click()
    await helen.get_by_role("button", name="Yes, close the survey").click()
    await expect(close).to_have_count(0)  # closed: the list no longer offers it
    await helen.get_by_role("link", name=f"Results of {title}").click()
    await expect(helen.get_by_role("heading", level=1)).to_have_text(f"Results: {title}")
    await expect(
        helen.get_by_role("heading", name=re.compile("I feel engaged with the work of the CCG"))
    ).to_be_visible()
    await expect(helen.get_by_text(WITHHELD, exact=True).first).to_be_visible()
    await helen.get_by_text("What is withheld and why").click()
    await expect(helen.get_by_text("Every figure withheld: fewer than 5 responded.")).to_be_visible()
    await assert_accessible(helen)

    await helen.get_by_label("Leaders and other members").check()
    await expect(helen.get_by_role("columnheader", name="Leaders (formal CCG role)").first).to_be_visible()
    engaged = helen.locator("section.app-survey-result").filter(
        has=helen.get_by_role("heading", name=re.compile("I feel engaged with the work of the CCG"))
    )
    agree_row = engaged.get_by_role("row").filter(has=helen.get_by_role("cell", name="Agree", exact=True))
    for cell in (await agree_row.get_by_role("cell").all())[1:]:
        # As shown: a responsive table's cell also holds its column's heading, for phones (hidden here).
        await expect(cell).to_have_text(WITHHELD, use_inner_text=True)
    await assert_accessible(helen)
    await helen.set_viewport_size({"width": 360, "height": 740})  # the results fit a phone too
    await assert_accessible(helen)

    # The spreadsheet applies the same suppression; here it is enough that it is a real .xlsx (a zip).
    download = helen.get_by_role("link", name="Download the results as a spreadsheet (.xlsx)")
    response = await helen.request.get(f"{server.url}{await download.get_attribute('href')}")
    assert response.ok
    assert (await response.body())[:2] == b"PK"
