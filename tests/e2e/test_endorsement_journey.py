"""Given Amira, an employer in Newcastle, who hired Jordan, a PA, through a job on PA Hub:
Jordan asks Amira for an endorsement; Amira reads the request, first sends nothing (and is
told what to enter), then writes a few words; Jordan reads them and shows them on the
profile; Amira, opening Jordan's profile, sees her words with "Amira, NE1" and the month,
and no score. Every page has an empty axe scan."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.community.models import Endorsement
from pahub.jobs.applications.services import application_hire
from pahub.jobs.models import Application
from pahub.register.models import PAProfile
from tests.e2e.helpers import sign_in, sign_out
from tests.factories import PASSWORD, UserFactory, make_employer_profile, make_job

WORDS = "Jordan was never late in two years and made our mornings calm and cheerful."


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_a_pa_asks_the_employer_who_hired_them_and_shows_the_endorsement(page, axe, live_server):
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")
    jordan = UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    profile = PAProfile.objects.create(
        user=jordan,
        display_name="Jordan",
        about_me="I have supported my grandad for five years.",
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        hourly_rate="13.50",
    )
    application = Application.objects.create(
        job=make_job(amira), pa=jordan, origin="applied", status="applied"
    )
    application_hire(application=application, by=amira)

    # Given Jordan signs in and opens their endorsements
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.goto("/community/endorsements/")
    expect_heading(page, "Endorsements")
    axe.check(page, "endorsements (PA, none yet)")

    # When Jordan asks Amira, who hired them
    page.get_by_role("link", name="Ask for an endorsement").click()
    expect_heading(page, "Ask for an endorsement")
    axe.check(page, "ask for an endorsement")
    page.get_by_label(re.compile("^Amira Khan")).check()
    page.get_by_label("Add a message (optional)").fill("Thank you for two lovely years.")
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("We have asked Amira")
    axe.check(page, "endorsements (PA, asked)")
    sign_out(page)

    # Then Amira sees the request and writes the endorsement
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto("/community/endorsements/")
    axe.check(page, "endorsements (employer, request waiting)")
    page.get_by_role("link", name=re.compile("Jordan Reed asks you")).click()
    expect_heading(page, "Write an endorsement for Jordan")
    axe.check(page, "write an endorsement")
    page.get_by_role("button", name="Send the endorsement").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your endorsement")
    axe.check(page, "write an endorsement (error)")
    page.get_by_label("Your endorsement").fill(WORDS)
    page.get_by_role("button", name="Send the endorsement").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Thank you")
    axe.check(page, "endorsements (employer, written)")
    sign_out(page)

    # When Jordan reads it and shows it on the profile
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.goto("/community/endorsements/")
    expect(page.get_by_text(WORDS)).to_be_visible()
    page.get_by_role("button", name=re.compile("^Show on my profile")).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your profile shows this endorsement"
    )
    axe.check(page, "endorsements (PA, shown)")
    assert Endorsement.objects.get().shown
    sign_out(page)

    # Then Amira, viewing Jordan's profile, sees her words, who gave them and when
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto(f"/register/pas/{profile.pk}/")
    expect(page.get_by_role("heading", name="Endorsements")).to_be_visible()
    expect(page.get_by_text(WORDS)).to_be_visible()
    expect(page.get_by_text(f"Amira, NE1, {timezone.localdate():%B %Y}")).to_be_visible()
    axe.check(page, "Jordan's profile (employer)")
