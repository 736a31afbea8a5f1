"""Given Jordan, a PA with a profile any employer can see, and Amira, an employer: Jordan opens
equality monitoring from his profile, reads why it is asked, first forgets to answer, then
answers, and changes his age group; Amira opens Jordan's profile and sees none of it; Jordan
deletes his answers, then says he does not want to answer. Every page has an empty axe scan.
"""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.register.equality.models import EqualityMonitoring
from pahub.register.models import PAProfile
from tests.e2e.helpers import sign_in, sign_out
from tests.factories import PASSWORD, UserFactory


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def choose(page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


@pytest.mark.django_db(transaction=True)
def test_a_pa_answers_changes_deletes_and_declines_and_employers_never_see_it(page, axe):
    jordan = UserFactory(email="jordan@example.org", full_name="Jordan Reed", roles=[Role.PA])
    profile = PAProfile.objects.create(
        user=jordan,
        display_name="Jordan",
        about_me="I have cared for my grandad for five years.",
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
    )
    UserFactory(email="amira@example.org", full_name="Amira Khan", roles=[Role.EMPLOYER])

    # Given Jordan signs in and opens equality monitoring from his profile
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.goto("/register/profile/")
    axe.check(page, "profile overview")
    page.get_by_role("link", name="Equality monitoring questions").click()
    expect_heading(page, "Equality monitoring")
    expect(page.get_by_text("Employers never see your answers.")).to_be_visible()
    axe.check(page, "equality monitoring explanation")

    # When he goes on without answering, each question says what is missing
    page.get_by_role("link", name="Answer the questions").click()
    expect_heading(page, "About you")
    axe.check(page, "equality questions")
    choose(page, "What is your age?", "16 to 24")
    page.get_by_role("button", name="Save and continue").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select your sex, or prefer not to say")
    expect(summary).to_contain_text("Select your ethnic group, or prefer not to say")
    expect(
        page.get_by_role("group", name="What is your age?").get_by_label("16 to 24")
    ).to_be_checked()
    axe.check(page, "equality questions, with errors")

    # When he answers every question, then his background within the group
    choose(page, "What is your sex?", "Male")
    choose(page, "What is your ethnic group?", "Black, Black British, Caribbean or African")
    choose(page, "Do you consider yourself to have a disability?", "No")
    page.get_by_role("button", name="Save and continue").click()
    expect_heading(page, "Black, Black British, Caribbean or African background")
    axe.check(page, "ethnic background")
    choose(page, re.compile("best describes your"), "Caribbean")
    page.get_by_role("button", name="Save answers").click()

    # Then his answers are listed, each with a way to change it
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your answers have been saved"
    )
    expect(page.locator(".govuk-summary-list")).to_contain_text("Caribbean")
    axe.check(page, "equality monitoring with answers")

    # When he changes his age group
    page.get_by_role("link", name="Change your age").click()
    choose(page, "What is your age?", "25 to 34")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("25 to 34")
    assert EqualityMonitoring.objects.get(profile=profile).age_band == "25_34"
    sign_out(page)

    # Then Amira, an employer, sees his profile but none of his answers
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto(f"/register/pas/{profile.pk}/")
    expect_heading(page, "Jordan")
    content = page.content()
    for label in ("25 to 34", "Caribbean", "Black, Black British", "Equality monitoring"):
        assert label not in content
    axe.check(page, "Jordan's profile as an employer sees it")
    sign_out(page)

    # When Jordan deletes his answers, after being asked to confirm
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.goto("/register/equality/")
    page.get_by_role("link", name="Delete your answers").click()
    expect_heading(page, "Are you sure you want to delete your equality monitoring answers?")
    axe.check(page, "delete equality answers")
    page.get_by_role("button", name="Delete answers").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("have been deleted")
    assert not EqualityMonitoring.objects.exists()

    # And then says he does not want to answer at all
    page.get_by_role("button", name="I do not want to answer").click()
    expect(page.locator(".govuk-inset-text")).to_contain_text("do not want to answer")
    axe.check(page, "equality monitoring declined")
    assert EqualityMonitoring.objects.get(profile=profile).declined
    axe.assert_clean()
