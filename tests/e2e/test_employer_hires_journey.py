"""Given Amira, an employer in Newcastle, and three PAs nearby (Jordan, a strong match; Priya,
a weaker one; Sam, the strongest on paper but paused), when Amira builds a job question by
question, publishes it and opens its matches, then Jordan ranks above Priya with the reasons
shown and Sam is absent; Amira invites Jordan, Jordan answers in Messages, both share their
contact details, and Amira marks Jordan hired, which fills the job. Every page has an empty
axe scan."""

import re
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.employers.wages import minimum_pay_on
from pahub.jobs.models import Application, Job
from pahub.messaging.models import Conversation
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Interest, Skill
from tests.e2e.helpers import sign_in, sign_out
from tests.factories import PASSWORD, UserFactory, make_employer_profile

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
WASHING = "personal_care.washing_bathing"
DRESSING = "personal_care.dressing"
TITLE = "Morning PA to help me start the day"


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def save_and_continue(page) -> None:
    page.get_by_role("button", name="Save and continue").click()


def make_pa(
    *,
    email: str,
    name: str,
    postcode: str,
    free: Sequence[str],
    skills: Sequence[str],
    interests: Sequence[str] = (),
    is_paused: bool = False,
) -> PAProfile:
    user = UserFactory(email=email, full_name=f"{name} Example", postcode=postcode, roles=[Role.PA])
    profile = PAProfile.objects.create(
        user=user,
        display_name=name,
        about_me=f"{name} has helped people at home for years.",
        availability=mask_from_keys(free),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        travel_miles=10,
        is_paused=is_paused,
    )
    profile.skills.set(Skill.objects.filter(code__in=skills))
    profile.interests.set(Interest.objects.filter(name__in=interests))
    return profile


@pytest.mark.django_db(transaction=True)
def test_an_employer_builds_a_job_invites_its_best_match_and_hires_them(page, axe, mailoutbox):
    amira = UserFactory(
        email="amira@example.org",
        full_name="Amira Khan",
        postcode="NE1 4ST",
        phone="0191 498 0001",
        roles=[Role.EMPLOYER],
    )
    make_employer_profile(amira, display_name="Amira")
    every_weekday_early = [f"{day.lower()}_early" for day in WEEKDAYS]
    make_pa(
        email="jordan@example.org",
        name="Jordan",
        postcode="NE3 1AA",
        free=every_weekday_early,
        skills=[WASHING, DRESSING],
        interests=["Gardening"],
    )
    make_pa(
        email="priya@example.org",
        name="Priya",
        postcode="NE6 1AA",
        free=["monday_early", "tuesday_early"],
        skills=[DRESSING],
    )
    # Sam would be the best match of all, but has paused their profile: never a result.
    make_pa(
        email="sam@example.org",
        name="Sam",
        postcode="NE1 4ST",
        free=every_weekday_early,
        skills=[WASHING, DRESSING],
        interests=["Gardening"],
        is_paused=True,
    )
    washing = Skill.objects.get(code=WASHING).name
    dressing = Skill.objects.get(code=DRESSING).name
    starts = timezone.localdate() + timedelta(days=21)
    # The National Living Wage on the start date, from the rates table: £12.71 in 2026/27.
    minimum = minimum_pay_on(starts).hourly_rate
    too_little = Decimal("10.50")
    assert too_little < minimum

    # Given Amira signs in and goes to her jobs
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto("/employer/")
    expect_heading(page, "Your jobs")
    axe.check(page, "employer's jobs")

    # When she starts a new job, giving it a title
    page.get_by_role("link", name="Start a new job").click()
    expect_heading(page, "What is the job called?")
    axe.check(page, "builder: title")
    page.get_by_label("What is the job called?").fill(TITLE)
    save_and_continue(page)

    # And says what it is about in her own words
    expect_heading(page, "What is the job about?")
    axe.check(page, "builder: description")
    page.get_by_label("What is the job about?").fill(
        "Help getting up, washed and dressed, and a cup of tea and a chat before I go out."
    )
    save_and_continue(page)

    # And chooses its tasks
    expect_heading(page, "Tasks")
    axe.check(page, "builder: tasks")
    page.get_by_label(washing, exact=True).check()
    page.get_by_label(dressing, exact=True).check()
    save_and_continue(page)

    # And ticks weekday early mornings on the weekly grid, 15 hours a week in all
    expect_heading(page, "Hours")
    axe.check(page, "builder: hours")
    for day in WEEKDAYS:
        page.get_by_label(f"{day} early morning", exact=True).check()
    page.get_by_label("How many hours a week in total?").fill("15")
    save_and_continue(page)

    # And gives the start date
    expect_heading(page, "When does the job start?")
    axe.check(page, "builder: start date")
    page.get_by_label("Day").fill(str(starts.day))
    page.get_by_label("Month").fill(str(starts.month))
    page.get_by_label("Year").fill(str(starts.year))
    save_and_continue(page)

    # And says it is regular work
    expect_heading(page, "Regular work or cover")
    axe.check(page, "builder: regular or cover")
    page.get_by_label("Regular work", exact=True).check()
    save_and_continue(page)

    # And keeps her own district, offered already
    expect_heading(page, "Which postcode district is the work in?")
    axe.check(page, "builder: where")
    expect(page.get_by_label("Which postcode district is the work in?")).to_have_value("NE1")
    save_and_continue(page)

    # When she offers less than the legal minimum
    expect_heading(page, "Pay")
    axe.check(page, "builder: pay")
    page.get_by_label("How much will you pay an hour?").fill(str(too_little))
    page.get_by_role("group", name="Is this job an apprenticeship?").get_by_label("No").check()
    save_and_continue(page)

    # Then she is told the minimum, with its source, on the same page, and what she typed is kept
    expect_heading(page, "Pay")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(f"The pay must be at least £{minimum} an hour")
    expect(summary).to_contain_text("Source:")
    expect(page.get_by_label("How much will you pay an hour?")).to_have_value(str(too_little))
    axe.check(page, "builder: pay with an error")

    # And when she pays more, she goes on
    page.get_by_label("How much will you pay an hour?").fill("13.50")
    save_and_continue(page)

    # And says what the PA must have: no car, but they must know how to help her dress
    expect_heading(page, "Must-haves")
    axe.check(page, "builder: must-haves")
    page.get_by_role("group", name="Must the PA drive, with their own car?").get_by_label(
        "No"
    ).check()
    page.get_by_label(dressing, exact=True).check()
    save_and_continue(page)

    # And that the job needs neither a woman nor a man in particular
    expect_heading(page, "A woman or a man for intimate care")
    axe.check(page, "builder: gender")
    page.get_by_role("group", name="Does the job need a woman or a man?").get_by_label(
        "No", exact=True
    ).check()
    save_and_continue(page)

    # And that she would love someone who likes gardening
    expect_heading(page, "Nice-to-haves")
    axe.check(page, "builder: nice-to-haves")
    page.get_by_label("Gardening", exact=True).check()
    save_and_continue(page)

    # Then she checks every answer, and publishes
    expect_heading(page, "Check your answers before publishing the job")
    main = page.locator("main")
    for answer in (TITLE, "15 hours a week", "£13.50", f"{starts:%-d %B %Y}", "Gardening"):
        expect(main).to_contain_text(answer)
    axe.check(page, "builder: check your answers")
    page.get_by_role("button", name="Publish the job").click()
    expect_heading(page, TITLE)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your job is published")
    expect(main).to_contain_text("Open")
    axe.check(page, "published job")
    job = Job.objects.get(title=TITLE)
    assert job.status == Job.Status.PUBLISHED

    # When she opens the PAs who match it
    page.get_by_role("link", name="See PAs who match this job, with the reasons").click()
    expect_heading(page, "PAs who match this job")
    axe.check(page, "matches for the job")

    # Then Jordan ranks above Priya, each with reasons, and paused Sam is not there
    cards = page.locator("ol.pahub-match-list > li")
    expect(cards).to_have_count(2)
    expect(cards.nth(0).get_by_role("heading", level=2)).to_contain_text("Jordan")
    expect(cards.nth(1).get_by_role("heading", level=2)).to_contain_text("Priya")
    expect(cards.nth(0)).to_contain_text("miles")
    expect(cards.nth(0)).to_contain_text("Free for all 15 hours")
    expect(cards.nth(0)).to_contain_text("Shares: gardening")
    expect(cards.nth(1)).to_contain_text("Free for 6 of the 15 hours")
    expect(cards.nth(1)).to_contain_text("Not free on Wednesday, Thursday and Friday early")
    expect(page.locator("main")).not_to_contain_text(re.compile(r"\bSam\b"))

    # When she invites Jordan
    page.get_by_role("button", name="Invite to apply (Jordan)").click()

    # Then the applicants page lists him as invited, and he is emailed
    expect_heading(page, "People interested in this job")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You have invited Jordan to apply"
    )
    expect(page.locator("main table")).to_contain_text("Jordan")
    axe.check(page, "applicants")
    assert any(email.to == ["jordan@example.org"] for email in mailoutbox)
    sign_out(page)

    # Given Jordan signs in, he finds the invitation in Messages
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.get_by_role("link", name="Messages").first.click()
    expect_heading(page, "Messages")
    expect(page.locator("main")).to_contain_text(TITLE)
    axe.check(page, "inbox (PA)")
    page.get_by_role("link", name="Amira").click()
    expect_heading(page, "Amira")
    expect(page.locator("main")).to_contain_text("Jordan was invited to apply")
    axe.check(page, "conversation (PA)")

    # When he answers and shares his contact details
    page.get_by_label("Your message").fill("Thank you! I would love to. I am free every morning.")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("main")).to_contain_text("I am free every morning.")
    page.get_by_role("button", name="Share my contact details").click()
    expect(page.locator("#contact").locator("..")).to_contain_text(
        "You have shared; waiting for Amira."
    )
    expect(page.locator("main")).not_to_contain_text("amira@example.org")
    axe.check(page, "conversation after sharing (PA)")
    sign_out(page)

    # Given Amira signs in again and opens her conversation with Jordan
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.get_by_role("link", name="Messages").first.click()
    expect_heading(page, "Messages")
    axe.check(page, "inbox (employer)")
    page.get_by_role("link", name="Jordan").click()
    expect_heading(page, "Jordan")
    expect(page.locator("main")).to_contain_text("I am free every morning.")
    expect(page.locator("main")).to_contain_text("Jordan has shared")
    axe.check(page, "conversation (employer)")

    # When she shares her contact details too
    page.get_by_role("button", name="Share my contact details").click()

    # Then she sees Jordan's email address
    expect(page.locator("main")).to_contain_text("You have both agreed to share contact details")
    expect(page.get_by_role("link", name="jordan@example.org")).to_be_visible()
    axe.check(page, "conversation with contact details (employer)")

    # When she goes to the job's applicants and marks Jordan hired, confirming it
    page.goto("/employer/")
    page.get_by_role("link", name=TITLE).click()
    expect_heading(page, TITLE)
    page.get_by_role("link", name="See applications and invitations").click()
    expect_heading(page, "People interested in this job")
    page.get_by_role("link", name="Hire Jordan").click()
    expect_heading(page, "Mark Jordan as hired?")
    axe.check(page, "confirm hiring")
    page.get_by_role("button", name="Confirm: Jordan is hired").click()

    # Then she is told the job is filled, and the job's page says who was hired
    expect_heading(page, "People interested in this job")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Jordan is hired")
    axe.check(page, "applicants after hiring")
    page.get_by_role("link", name="Back to the job").click()
    expect_heading(page, TITLE)
    expect(page.locator("main")).to_contain_text("Filled")
    expect(page.locator("main")).to_contain_text("Filled: Jordan Example was hired")
    axe.check(page, "filled job")

    # And the database agrees
    application = Application.objects.get(job=job, pa__email="jordan@example.org")
    assert application.status == Application.Status.HIRED
    assert application.origin == Application.Origin.INVITED
    job.refresh_from_db()
    assert job.status == Job.Status.FILLED
    assert job.hired_pa.email == "jordan@example.org"
    assert not Application.objects.filter(job=job).exclude(pk=application.pk).exists()
    conversation = Conversation.objects.get(employer=amira, pa=job.hired_pa, job=job)
    assert conversation.contact_shared
    assert application.conversation_id == conversation.pk
