"""Given a visitor who wants to work as a PA, when they sign up, verify their email,
sign out and sign in again, then they reach their account with the PA role."""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role, User
from tests.e2e.helpers import last_link_sent_to, path_of, sign_in, sign_out

PASSWORD = "a long and memorable sentence"


@pytest.mark.django_db(transaction=True)
def test_a_new_pa_signs_up_verifies_their_email_and_signs_in(page, axe, mailoutbox):
    # Given a visitor on the home page
    page.goto("/")
    axe.check(page, "home")
    page.get_by_role("link", name="Create an account").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Create")
    axe.check(page, "sign up")

    # When they make a mistake in the postcode, they are told beside the field
    page.get_by_label("Full name").fill("Jordan Reed")
    page.get_by_label("Email address").fill("jordan.reed@example.org")
    page.get_by_label("Home postcode").fill("NOT A POSTCODE")
    page.get_by_label(re.compile("Work as a Personal Assistant")).check()
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Create (an )?account", re.I)).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a full UK postcode")
    expect(page.get_by_label("Full name")).to_have_value("Jordan Reed")
    axe.check(page, "sign up with an error")

    # And when they correct it and send the form
    page.get_by_label("Home postcode").fill("ne1 4st")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Create (an )?account", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your email")
    axe.check(page, "verification sent")

    # Then the email they were sent confirms their address
    page.goto(path_of(last_link_sent_to("jordan.reed@example.org", "/confirm-email/")))
    axe.check(page, "confirm email")
    page.get_by_role("button", name=re.compile("Confirm", re.I)).click()
    axe.check(page, "after confirming")

    # And they can sign in and see their account as a PA in NE1
    sign_in(page, email="jordan.reed@example.org", password=PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("My account")
    expect(page.locator("main")).to_contain_text("Personal Assistant")
    expect(page.locator("main")).to_contain_text("NE1")
    axe.check(page, "my account")

    # And sign out, and back in again
    sign_out(page)
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    sign_in(page, email="jordan.reed@example.org", password=PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("My account")

    user = User.objects.get(email="jordan.reed@example.org")
    assert user.has_role(Role.PA)
    assert user.postcode == "NE1 4ST"
    assert user.local_authority.name == "Newcastle upon Tyne"
