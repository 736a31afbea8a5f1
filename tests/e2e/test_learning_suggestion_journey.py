"""Given Amira, an employer who hired Jordan through a job on PA Hub, and Jordan, who finished
the induction course: Amira tries to send a suggestion without choosing anything and is told
what to fix, then suggests a module with a message; Jordan reads it, follows nothing yet and
dismisses it; Amira sees Jordan's completed course and its verification code on his profile,
and Jordan sees where to choose what his profile shows. Every page has an empty axe scan."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.learning.models import Certificate, ModuleSuggestion
from pahub.register.models import PAProfile
from tests.e2e.helpers import sign_in, sign_out
from tests.factories import PASSWORD, UserFactory, make_employer_profile
from tests.learning.suggestions.making import hire, make_course


@pytest.mark.django_db(transaction=True)
def test_an_employer_suggests_a_module_and_sees_the_pas_certificate(
    page, axe, without_repository_courses
):
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")
    jordan = UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    profile = PAProfile.objects.create(
        user=jordan, display_name="Jordan", visibility=PAProfile.Visibility.ALL_EMPLOYERS
    )
    hire(amira, jordan)
    course = make_course(
        modules=(
            ("what-to-expect", "What to expect as a PA"),
            ("safeguarding", "Safeguarding basics"),
        )
    )
    Certificate.objects.create(
        user=jordan,
        course=course,
        course_version=1,
        code="K7QX4MZP",
        name="Jordan Reed",
        issued_at=timezone.now(),
    )

    # Amira asks without choosing anything, and is told what to fix.
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto("/learning/suggestions/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Suggest a module to your PA")
    axe.check(page, "suggestion form")
    page.get_by_label("Message to the PA (optional)").fill("This helps with mornings.")
    page.get_by_role("button", name="Send suggestion").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose the PA you want to suggest a module to"
    )
    expect(page.get_by_label("Message to the PA (optional)")).to_have_value(
        "This helps with mornings."
    )
    axe.check(page, "suggestion form with errors")

    page.get_by_label("Jordan", exact=True).check()
    page.get_by_label("Module").select_option(label="Safeguarding basics (10 minutes)")
    page.get_by_role("button", name="Send suggestion").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("We told Jordan")
    expect(page.locator("#made")).to_contain_text("Safeguarding basics")
    axe.check(page, "suggestions made")
    assert ModuleSuggestion.objects.get().pa == jordan

    # Amira sees Jordan's completed course and its code.
    page.goto(f"/register/pas/{profile.pk}/")
    expect(page.locator("#completed-courses")).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile("Check certificate K7QX4MZP"))
    ).to_have_attribute("href", "/learning/verify/?code=K7QX4MZP")
    axe.check(page, "PA profile with completed courses")
    sign_out(page)

    # Jordan reads the suggestion, then dismisses it.
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.goto("/learning/suggestions/")
    received = page.locator("#received")
    expect(received).to_contain_text("Safeguarding basics")
    expect(received).to_contain_text("Suggested by Amira")
    expect(received).to_contain_text("This helps with mornings.")
    axe.check(page, "suggestions received")
    page.get_by_role("button", name=re.compile("^Dismiss")).click()
    expect(page.get_by_text("No suggestions for you right now")).to_be_visible()
    axe.check(page, "no suggestions")

    page.goto("/register/profile/")
    expect(
        page.get_by_role("link", name="Choose which certificates your profile shows")
    ).to_be_visible()
    axe.check(page, "own profile overview")
