"""Given an organisation admin who invites a colleague, when the colleague signs up and
accepts, then they must set up two-factor authentication before any staff page opens."""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Membership
from tests.e2e.helpers import last_link_sent_to, path_of, sign_in, sign_out, totp_code
from tests.factories import PASSWORD, TOTP_SECRET, OrganisationFactory, make_staff

NEW_PASSWORD = "verifying documents every day"
BASE32_SECRET = re.compile(r"\b[A-Z2-7]{16,}\b")


@pytest.mark.django_db(transaction=True)
def test_new_staff_are_made_to_set_up_two_factor_before_staff_pages(page, axe, mailoutbox):
    organisation = OrganisationFactory(name="Newcastle Independent Living")
    make_staff(
        organisation=organisation,
        role=Membership.StaffRole.ADMIN,
        email="org.admin@example.org",
        full_name="Olu Admin",
    )

    # Given the organisation's admin signs in with their second factor
    sign_in(page, email="org.admin@example.org", password=PASSWORD)
    axe.check(page, "two-factor code at sign-in")
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()

    # When they invite a colleague as a verifier
    page.goto("/staff/")
    axe.check(page, "staff home")
    page.get_by_role("link", name="Newcastle Independent Living").click()
    axe.check(page, "organisation page")
    page.get_by_role("button", name="Invite someone").click()
    axe.check(page, "invite form")
    page.get_by_label("Their work email address").fill("val.checker@example.org")
    page.get_by_label("Verifier").check()
    page.get_by_role("button", name=re.compile("Send", re.I)).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Invitation sent")
    sign_out(page)

    # And the colleague follows the link, creates an account and confirms their email
    invitation_path = path_of(last_link_sent_to("val.checker@example.org", "/invitations/"))
    page.goto(invitation_path)
    axe.check(page, "invitation (signed out)")
    page.get_by_role("link", name=re.compile("Create an account", re.I)).first.click()
    page.get_by_label("Full name").fill("Val Checker")
    page.get_by_label("Email address").fill("val.checker@example.org")
    page.get_by_label("Home postcode").fill("NE2 1AA")
    page.get_by_label(re.compile("Work for an organisation")).check()
    page.get_by_label("Create a password").fill(NEW_PASSWORD)
    page.get_by_label("Type the password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name=re.compile("Create (an )?account", re.I)).click()
    page.goto(path_of(last_link_sent_to("val.checker@example.org", "/confirm-email/")))
    page.get_by_role("button", name=re.compile("Confirm", re.I)).click()
    sign_in(page, email="val.checker@example.org", password=NEW_PASSWORD)

    # And accepts the invitation
    page.goto(invitation_path)
    axe.check(page, "invitation (signed in)")
    page.get_by_role("button", name=re.compile("Accept", re.I)).click()

    # Then they are sent to set up two-factor authentication, not to the staff page,
    # confirming their password first as allauth asks before any security change
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    axe.check(page, "confirm it is you")
    page.get_by_label("Enter your password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate"))
    expect(page.locator("main")).to_contain_text("two-factor")
    axe.check(page, "set up two-factor")
    secret = page.locator("#authenticator_secret").text_content().strip()
    assert BASE32_SECRET.fullmatch(secret)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(secret))
    page.get_by_role("button", name=re.compile("Activate|Set up|Continue|Turn on", re.I)).click()
    axe.check(page, "after activating two-factor")

    # And only then does the staff area open
    page.goto("/staff/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Staff")
    expect(page.locator("main")).to_contain_text("Newcastle Independent Living")
    axe.check(page, "staff home for the new verifier")
    assert Membership.objects.get(user__email="val.checker@example.org").role == "verifier"
