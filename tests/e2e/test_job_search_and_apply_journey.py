"""Given an open job in Newcastle, a PA finds it on the public job search without signing in,
signs in from the job page, comes back to it and applies; the employer sees the application in
the conversation. Every page has an empty axe scan."""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.jobs.models import Application
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Skill
from tests.factories import PASSWORD, UserFactory, make_employer_profile, make_job


@pytest.mark.django_db(transaction=True)
def test_a_pa_searches_jobs_signed_out_then_signs_in_and_applies(page, axe):
    employer = UserFactory(email="amira@example.org", full_name="Amira Khan", roles=[Role.EMPLOYER])
    make_employer_profile(employer, display_name="Amira")
    job = make_job(employer, title="Morning PA to help me start the day")
    make_job(employer, title="A draft nobody may see", status="draft", published_at=None)
    jordan = UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    profile = PAProfile.objects.create(
        user=jordan,
        display_name="Jordan",
        about_me="Five years caring for my grandad.",
        availability=mask_from_keys(["monday_early", "tuesday_early", "wednesday_early"]),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        travel_miles=10,
    )
    profile.skills.set(Skill.objects.filter(code="personal_care.dressing"))

    # Given Jordan is not signed in, when he searches jobs near NE3 within 5 miles
    page.goto("/jobs/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jobs for Personal Assistants")
    axe.check(page, "public job search")
    page.get_by_label("Postcode or postcode district").fill("ne3")
    page.get_by_label("Distance in miles").fill("5")
    page.get_by_role("button", name="Search").click()

    # Then he sees the open job, with no employer name, and not the draft
    expect(page.get_by_role("link", name=job.title)).to_be_visible()
    expect(page.get_by_text("A draft nobody may see")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text("Amira")
    axe.check(page, "public job search results")

    # When he opens it, he is asked to sign in to apply, and comes back to the job
    page.get_by_role("link", name=job.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(job.title)
    assert page.locator('script[type="application/ld+json"]').count() == 1
    axe.check(page, "public job page")
    page.get_by_role("link", name="Sign in to apply").click()
    page.get_by_label(re.compile("^Email", re.I)).fill("jordan@example.org")
    page.get_by_label(re.compile("^Password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("^Sign in", re.I)).click()

    # Then he applies with a short message
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply for this job")
    axe.check(page, "apply")
    page.get_by_label("Apply for this job").check()
    page.get_by_label("Your message to the employer").fill(
        "I live nearby and I am free early every weekday."
    )
    page.get_by_role("button", name="Send").click()
    axe.check(page, "after applying")

    application = Application.objects.get(job=job, pa=jordan)
    assert application.status == Application.Status.APPLIED
    assert application.conversation.messages.filter(
        body__contains="free early every weekday"
    ).exists()
