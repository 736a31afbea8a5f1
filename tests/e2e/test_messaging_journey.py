"""Given Amira, an employer in Newcastle, and Jordan, a PA whose profile employers may see,
when Amira writes to Jordan from his profile, Jordan answers and both share their contact
details, then each sees the other's email address; and when Jordan reports a message, a
moderator in Newcastle hides it and Jordan is told by email. Every page has an empty axe
scan."""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Role
from pahub.messaging.models import Report
from pahub.register.models import PAProfile
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    OrganisationFactory,
    UserFactory,
    make_employer_profile,
    make_staff,
)


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_employer_and_pa_talk_share_contact_details_and_a_report_is_moderated(
    page, axe, mailoutbox
):
    employer = UserFactory(
        email="amira@example.org",
        full_name="Amira Khan",
        phone="0191 498 0001",
        roles=[Role.EMPLOYER],
    )
    make_employer_profile(employer, display_name="Amira")
    jordan = UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    profile = PAProfile.objects.create(
        user=jordan, display_name="Jordan", visibility=PAProfile.Visibility.ALL_EMPLOYERS
    )
    council = OrganisationFactory(name="Newcastle Direct Payments Team")
    make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="mo@example.org",
        full_name="Mo Moderator",
    )

    # Given Amira signs in and opens Jordan's profile
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto(f"/register/pas/{profile.pk}/")
    page.get_by_role("link", name="Send Jordan a message").click()
    expect_heading(page, "Send a message to Jordan")
    axe.check(page, "new message")

    # When she sends nothing, she is told what to do on the same page
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a message")
    axe.check(page, "new message with an error")

    # And when she writes, the conversation opens
    page.get_by_label("Your message").fill("Hello Jordan, are you free on Tuesday mornings?")
    page.get_by_role("button", name="Send message").click()
    expect_heading(page, "Jordan")
    page.get_by_role("button", name="Share my contact details").click()
    expect(page.locator("#contact").locator("..")).to_contain_text(
        "You have shared; waiting for Jordan."
    )
    axe.check(page, "conversation (employer)")
    sign_out(page)

    # Then Jordan finds it in Messages, unread
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.get_by_role("link", name="Messages").first.click()
    expect_heading(page, "Messages")
    expect(page.locator("main")).to_contain_text("You have 1 unread message.")
    axe.check(page, "inbox")
    page.get_by_role("link", name="Amira").click()
    expect(page.locator("main")).not_to_contain_text("amira@example.org")

    # When he answers and shares his details too
    page.get_by_label("Your message").fill("Yes, I am free on Tuesdays.")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("main")).to_contain_text("Yes, I am free on Tuesdays.")
    page.get_by_role("button", name="Share my contact details").click()

    # Then each sees the other's contact details
    expect(page.locator("main")).to_contain_text("amira@example.org")
    expect(page.locator("main")).to_contain_text("0191 498 0001")
    axe.check(page, "conversation with contact details (PA)")

    # And when Jordan reports Amira's message
    page.get_by_role("link", name=re.compile("^Report this message")).click()
    expect_heading(page, "Report a message")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter why you are reporting this message"
    )
    axe.check(page, "report with an error")
    page.get_by_label("Why are you reporting this message?").fill("Testing the report button.")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Thank you for reporting")
    sign_out(page)

    # Then a moderator in Newcastle hides it, and Jordan is told by email
    sign_in(page, email="mo@example.org", password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page.goto("/staff/")
    page.get_by_role("link", name="Reported messages").click()
    expect_heading(page, "Reported messages")
    axe.check(page, "moderation queue")
    page.get_by_role("link", name=re.compile("^Review")).click()
    expect_heading(page, "Reported message")
    axe.check(page, "reported message")
    page.get_by_label("Hide the message from the conversation").check()
    page.get_by_label("Note for other moderators").fill("A test report; hiding to check.")
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator("main")).to_contain_text("There are no reports waiting")
    assert Report.objects.get().status == Report.Status.MESSAGE_HIDDEN
    assert any(
        "removed it from the conversation" in email.body and email.to == ["jordan@example.org"]
        for email in mailoutbox
    )
