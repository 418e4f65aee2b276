"""Membership-engagement surveys in a real browser: built from the template, answered on phones, read with a
withheld group and downloaded as .xlsx."""

from __future__ import annotations

import re
import secrets
from datetime import date, timedelta

from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import Server, assert_accessible, fill_date, follow_navigation, sign_in_as_demo_user
from tests.support import owner_fetch

WITHHELD = "Withheld"


async def open_surveys(page: Page) -> None:
    await follow_navigation(page, "Surveys")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Surveys")


def question(page: Page, words: str):
    """A question's fieldset, found by words of its legend."""
    return page.get_by_role("group", name=re.compile(re.escape(words)))


async def next_page(page: Page, progress: str) -> None:
    """Continue to the next question, which shows `progress` ("Question 3 of 10")."""
    await page.get_by_role("button", name="Continue").click()
    await expect(page.get_by_text(re.compile(r"^Question \d+ of \d+$"))).to_have_text(progress)


async def answer_the_template(page: Page, *, goes_to_locality_meetings: bool, engaged: str) -> None:
    """Answer the template one question a page, up to its last question (not sent)."""
    total = 10 if goes_to_locality_meetings else 9
    await expect(page.get_by_text("Question 1 of 9", exact=True)).to_be_visible()
    for statement in (
        "The CCG is owned by its member practices.",
        "The CCG's decisions reflect the views of member practices.",
        "I can influence the CCG's decisions.",
        "My practice is kept well informed about the CCG's work.",
        "The CCG's leaders are accountable to member practices.",
    ):
        await page.get_by_role("group", name=statement, exact=True).get_by_label("Agree", exact=True).check()
    await next_page(page, "Question 2 of 9")
    await question(page, "I feel engaged with the work of the CCG").get_by_label(engaged, exact=True).check()
    await next_page(page, "Question 3 of 9")
    await question(page, "recommend getting involved").get_by_label("8", exact=True).check()
    await next_page(page, "Question 4 of 9")
    await question(page, "taken part in during the last 12 months").get_by_label("Locality meetings").check()
    await next_page(page, "Question 5 of 9")

    # Branching: whether locality meetings are worth the time is asked only of those who go to them.
    often = "Sometimes" if goes_to_locality_meetings else "Never"
    await question(page, "How often do you go to locality meetings").get_by_label(often, exact=True).check()
    await expect(page.get_by_text(f"Question 5 of {total}", exact=True)).to_be_visible()
    await next_page(page, f"Question 6 of {total}")
    value_question = question(page, "Locality meetings are a good use of my time")
    if goes_to_locality_meetings:
        await expect(value_question).to_be_visible()
        await value_question.get_by_label("Neither agree nor disagree").check()
        await next_page(page, f"Question 7 of {total}")
    else:
        await expect(value_question).to_have_count(0)
    await page.get_by_label(re.compile("hours a month")).fill("6")
    await next_page(page, f"Question {total - 2} of {total}")
    await next_page(page, f"Question {total - 1} of {total}")  # where they hear about decisions: not required
    await page.get_by_label(re.compile("first priority")).fill("Same-day access")
    await next_page(page, f"Question {total} of {total}")


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
    await expect(fiona.get_by_text("Question 1 of 10", exact=True)).to_be_visible()
    for page_number in range(2, 11):
        await next_page(fiona, f"Question {page_number} of 10")
        if page_number == 5:
            await expect(
                question(fiona, "How often do you go to locality meetings").get_by_label("Sometimes")
            ).to_be_checked()
        if page_number == 9:
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


async def test_a_secretary_builds_a_branching_survey_answered_on_a_phone_and_finished_on_a_second_phone(
    context: BrowserContext, phone: BrowserContext, browser, server: Server
):
    title = f"Locality meetings {secrets.token_hex(3)}"
    helen = await context.new_page()
    await sign_in_as_demo_user(helen, server, "Helen Hargreaves")
    await open_surveys(helen)
    await helen.get_by_role("link", name="Build a new survey").click()
    await expect(helen.get_by_role("heading", level=1)).to_have_text("Build a survey")
    await assert_accessible(helen)

    await helen.get_by_label("Title", exact=True).fill(title)
    await expect(helen.get_by_label("Representatives of member practices")).to_be_checked()
    await helen.get_by_label("Smallest group whose results are shown").fill("6")
    # Asked of Fiona's practice alone, closing in a fortnight; first given a closing date already past.
    fionas_practice = (await owner_fetch("SELECT name FROM practice WHERE ods_code = 'P82002'"))[0][0]
    await helen.get_by_label("Only this practice (optional)").select_option(label=fionas_practice)
    await fill_date(helen, "Closing date (optional)", date.today() - timedelta(days=1))
    await helen.get_by_label("Closing time").fill("17:00")
    await helen.get_by_label("Question 1: what to ask").fill("Do you go to locality meetings?")
    await expect(helen.get_by_label("How question 1 is answered")).to_have_value("SINGLE_CHOICE")
    await helen.get_by_label("Option 1", exact=True).fill("Yes")

    # Question 2 is asked only of those who go.
    await helen.get_by_role("button", name="Add a question to section 1").click()
    await helen.get_by_label("Question 2: what to ask").fill("Locality meetings are a good use of my time.")
    await helen.get_by_label("How question 2 is answered").select_option("AGREEMENT")
    await helen.get_by_label("Question 2 must be answered").check()
    await helen.get_by_label("Show question 2").select_option(
        label="Only after certain answers to question 1: Do you go to locality meetings?"
    )
    await helen.get_by_role("group", name="Answers that show question 2").get_by_label("Yes").check()

    # Question 3, with a prompt too long for the API: the builder's own check lets it through, the API's does not.
    await helen.get_by_role("button", name="Add a question to section 1").click()
    await helen.get_by_label("Question 3: what to ask").fill("x" * 1001)
    await helen.get_by_label("How question 3 is answered").select_option("NUMBER")
    await helen.get_by_label("Largest answer (optional)").fill("200")

    # Option 2 of question 1 has no label yet: caught before anything is sent, and shown beside question 1.
    await helen.get_by_role("button", name="Save the draft").click()
    summary = helen.get_by_role("alert")
    await expect(summary).to_contain_text("Question 1: give every option a label")
    await expect(summary).to_contain_text("The closing date and time must be in the future")
    first = helen.locator(".app-builder-question").nth(0)
    await expect(first.locator(".nhsuk-error-message")).to_contain_text("give every option a label")
    await assert_accessible(helen)
    await helen.get_by_label("Option 2", exact=True).first.fill("No")
    closes = date.today() + timedelta(days=14)
    await fill_date(helen, "Closing date (optional)", closes)
    await helen.get_by_role("button", name="Save the draft").click()
    await expect(summary).to_contain_text("Question 3: enter the question (1,000 characters or fewer).")
    third = helen.locator(".app-builder-question").nth(2)
    await expect(third.locator(".nhsuk-error-message")).to_contain_text("enter the question")
    await expect(first.locator(".nhsuk-error-message")).to_have_count(0)
    await helen.get_by_label("Question 3: what to ask").fill("Roughly how many hours a month do you spend on CCG work?")

    # The phone preview follows the branching, one question a page, in a pane 360 pixels wide.
    await helen.get_by_role("button", name="Preview as a phone respondent").click()
    preview = helen.get_by_role("region", name="Preview as a phone respondent")
    await expect(preview.get_by_text("Question 1 of 2", exact=True)).to_be_visible()
    await preview.get_by_label("Yes", exact=True).check()
    await expect(preview.get_by_text("Question 1 of 3", exact=True)).to_be_visible()
    await preview.get_by_role("button", name="Continue").click()
    await expect(preview.get_by_text("Question 2 of 3", exact=True)).to_be_visible()
    await expect(preview.get_by_role("group", name=re.compile("good use of my time"))).to_be_visible()
    width = await helen.locator(".app-phone-preview__screen").evaluate("e => e.getBoundingClientRect().width")
    assert width <= 360
    await assert_accessible(helen)
    await helen.set_viewport_size({"width": 360, "height": 740})  # the builder itself works on a phone too
    await assert_accessible(helen)
    await helen.set_viewport_size({"width": 1280, "height": 720})

    await helen.get_by_role("button", name="Save the draft").click()
    await expect(helen.get_by_role("status").filter(has_text="is saved")).to_contain_text(title)
    await expect(helen).to_have_url(re.compile(r"/surveys/[^/]+/build$"))
    stored = await owner_fetch(
        "SELECT (closes_at AT TIME ZONE 'Europe/London')::text, audience -> 'practice_ids' ->> 0 FROM survey WHERE title = $1",
        title,
    )
    practice = await owner_fetch("SELECT id::text FROM practice WHERE ods_code = 'P82002'")
    assert stored == [(f"{closes.isoformat()} 17:00:00", practice[0][0])]
    await helen.reload()  # the saved draft shows its closing time and practice again
    assert (
        await helen.get_by_label("Only this practice (optional)").evaluate("s => s.selectedOptions[0].textContent")
        == fionas_practice
    )
    await expect(helen.get_by_role("group", name="Closing date (optional)").get_by_label("Day")).to_have_value(
        str(closes.day)
    )
    await expect(helen.get_by_label("Closing time")).to_have_value("17:00")
    await open_surveys(helen)
    await helen.get_by_role("button", name=f"Open {title}").click()
    await helen.get_by_role("button", name="Yes, open the survey").click()
    await expect(helen.get_by_role("status").filter(has_text="is open")).to_contain_text(f"“{title}” is open")

    # Dr Fiona Clarke starts on her phone: one question a page, with progress that follows her answers.
    fiona = await phone.new_page()
    await sign_in_as_demo_user(fiona, server, "Dr Fiona Clarke")
    await fiona.goto(f"{server.url}/surveys")
    await fiona.get_by_role("link", name=title).click()
    await expect(fiona.get_by_text("Question 1 of 2", exact=True)).to_be_visible()
    await assert_accessible(fiona)
    await fiona.get_by_label("Yes", exact=True).check()
    await next_page(fiona, "Question 2 of 3")
    await fiona.get_by_role("button", name="Continue").click()  # required: she is told to answer it
    await expect(fiona.get_by_role("alert")).to_contain_text("Answer question 2 to continue")
    await fiona.get_by_label("Agree", exact=True).check()
    await next_page(fiona, "Question 3 of 3")
    await assert_accessible(fiona)

    # She finishes on another phone: her answers so far were kept on the server.
    async with await browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    ) as second:
        again = await second.new_page()
        await sign_in_as_demo_user(again, server, "Dr Fiona Clarke")
        await again.goto(f"{server.url}/surveys")
        await again.get_by_role("link", name=title).click()
        await expect(again.get_by_text("Question 1 of 3", exact=True)).to_be_visible()
        await expect(again.get_by_label("Yes", exact=True)).to_be_checked()
        await next_page(again, "Question 2 of 3")
        await expect(again.get_by_label("Agree", exact=True)).to_be_checked()
        await next_page(again, "Question 3 of 3")
        await again.get_by_label(re.compile("hours a month")).fill("4")
        await again.get_by_role("button", name="Send response").click()
        await expect(again.get_by_role("heading", level=1)).to_have_text("Response sent")
        await assert_accessible(again)

    drafts = await owner_fetch(
        "SELECT count(*) FROM survey_draft d JOIN survey s ON s.id = d.survey_id WHERE s.title = $1", title
    )
    assert drafts[0][0] == 0  # sent: the draft naming her is gone
