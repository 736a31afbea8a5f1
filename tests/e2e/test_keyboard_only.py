"""Given someone who uses only a keyboard, when they arrive and sign in, then every step is
reachable with Tab and Enter, and the skip link is the first thing they meet."""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from tests.factories import PASSWORD, UserFactory


@pytest.mark.django_db(transaction=True)
def test_a_keyboard_user_skips_to_content_and_signs_in_without_a_mouse(page, axe):
    UserFactory(email="keys@example.org", full_name="Kim Keys", roles=[Role.PA])

    # Given the home page, the first Tab reaches the skip link, and Enter moves to the content
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))

    # When they open "Sign in" from the navigation with the keyboard
    page.get_by_role("link", name="Sign in", exact=True).first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign in")
    axe.check(page, "sign in")

    # And type their details, moving between fields with Tab and sending with Enter
    page.get_by_label("Email address").focus()
    page.keyboard.type("keys@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    # Then they reach their account, where the PA profile is one Tab-reachable link away
    expect(page.get_by_role("heading", level=1)).to_contain_text("My account")
    profile_link = page.get_by_role("link", name="Your PA profile")
    profile_link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/register/profile/$"))
    axe.check(page, "PA profile overview")
