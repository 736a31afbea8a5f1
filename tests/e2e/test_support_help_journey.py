"""Given Amira, an employer in Newcastle, and Nell, a worker at a user-led organisation serving
Newcastle with two-factor set up: Amira asks for help with her PA's holiday (first forgetting
to say what she needs); Nell finds it waiting in her queue, picks it up and answers; Amira reads
the answer; Nell closes the request and Amira says it helped. Every page has an empty axe scan
and valid HTML."""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Organisation, Role
from pahub.support.models import HelpRequest
from tests.e2e.helpers import sign_in, totp_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    OrganisationFactory,
    UserFactory,
    make_employer_profile,
    make_staff,
)

NEED = "My PA wants to carry over five days of holiday. Do I have to agree?"
ANSWER = "You can agree to carry over up to eight days. Put it in writing for you both."


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def expect_banner(page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_an_employer_asks_a_user_led_organisation_answers_and_it_helped(
    page, axe, browser, live_server
):
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")
    network = OrganisationFactory(
        name="Tyneside Disabled People's Network",
        kind=Organisation.Kind.USER_LED,
        areas=["Newcastle upon Tyne"],
    )
    make_staff(
        organisation=network,
        role=Membership.StaffRole.MEMBER,
        email="nell@network.example.org",
        full_name="Nell Ward",
    )

    # Given Amira signs in and finds where to get help
    amira_page = page
    sign_in(page, email="amira@example.org", password=PASSWORD)
    expect_heading(page, "My account")
    page.get_by_role("link", name="Ask for help").first.click()
    expect_heading(page, "Someone to turn to")
    expect(page.locator("main")).to_contain_text("Tyneside Disabled People's Network")
    axe.check(page, "someone to turn to")
    page.get_by_role("link", name="Ask for help").last.click()
    expect_heading(page, "Ask for help")
    axe.check(page, "ask for help")

    # When she forgets to say what she needs
    page.get_by_label("A question about my contract or my pay").check()
    page.get_by_label("Messages here on PA Hub").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Tell us what you need help with")
    expect(page.get_by_label("A question about my contract or my pay")).to_be_checked()
    axe.check(page, "ask for help (with an error)")

    # And then says it
    page.get_by_label("Tell us what you need").fill(NEED)
    page.get_by_role("button", name="Send my request").click()
    expect_banner(page, "Your request has been sent")
    expect(page.locator("#status")).to_contain_text("Waiting for someone to pick it up")
    axe.check(page, "request (waiting, person)")
    page.goto("/support/requests/")
    expect_heading(page, "Your requests for help")
    axe.check(page, "your requests for help")

    # When Nell, in her own browser, signs in with her second factor and opens the queue from
    # the staff area
    staff_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    nell = staff_context.new_page()
    nell.set_default_timeout(10_000)
    sign_in(nell, email="nell@network.example.org", password=PASSWORD)
    nell.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    nell.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page = nell
    page.goto("/staff/")
    page.get_by_role("link", name=re.compile("^Requests for help from PAs")).click()
    expect_heading(page, "Requests for help")
    expect(page.locator("#waiting-count")).to_have_text("1 request is waiting.")
    axe.check(page, "queue (one waiting)")
    page.get_by_role("link", name="A question about my contract or my pay").click()
    expect(page.locator("#need")).to_contain_text(NEED)
    axe.check(page, "request (waiting, staff)")

    # And picks it up and answers
    page.get_by_role("button", name="Pick up this request").click()
    expect_banner(page, "You picked up this request")
    page.get_by_label("Your message").fill(ANSWER)
    page.get_by_role("button", name="Send message").click()
    expect_banner(page, "Message sent")
    expect(page.locator("#thread")).to_contain_text(ANSWER)
    axe.check(page, "request (being helped, staff)")

    # Then Amira sees who is helping and reads the answer
    page = amira_page
    page.goto("/support/requests/")
    page.get_by_role("link", name="A question about my contract or my pay").click()
    expect(page.locator("#helper")).to_contain_text("Nell Ward, Tyneside Disabled People's Network")
    expect(page.locator("#thread")).to_contain_text(ANSWER)
    axe.check(page, "request (being helped, person)")
    page.get_by_label("Your message").fill("Thank you, that is clear.")
    page.get_by_role("button", name="Send message").click()
    expect_banner(page, "Message sent")

    # When Nell closes it with the outcome
    page = nell
    page.goto("/support/queue/")
    page.get_by_role("link", name="A question about my contract or my pay").click()
    page.get_by_role("link", name="Close this request").click()
    expect_heading(page, "Close this request")
    axe.check(page, "close a request")
    page.get_by_label("We answered the question").check()
    page.get_by_role("button", name="Close the request").click()
    expect_banner(page, "Request closed")
    expect(page.locator("#outcome")).to_contain_text("We answered the question")
    staff_context.close()

    # Then Amira says it helped
    page = amira_page
    page.goto("/support/requests/")
    page.get_by_role("link", name="A question about my contract or my pay").click()
    expect(page.locator("#outcome")).to_contain_text("We answered the question")
    axe.check(page, "request (closed, person)")
    page.get_by_role("group", name="Did this help?").get_by_label("Yes").check()
    page.get_by_role("button", name="Send").click()
    expect_banner(page, "Thank you for telling us")
    expect(page.locator("#helped")).to_contain_text("yes")
    axe.check(page, "request (closed, answered)")
    assert HelpRequest.objects.get().helped == "yes"
