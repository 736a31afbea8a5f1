"""Given Amira, an employer, Tess, staff of a training provider with two-factor set up, and
two PAs near Newcastle, Priya and Sam: Amira reads the first module of "Becoming an employer"
and passes its quiz; Tess adds an event with one place (first forgetting its start time) and
publishes it; Priya finds it near her district, books the last place and downloads it to her
calendar; Sam, who had the event open, is refused: there are no places left. Every page has
an empty axe scan and valid HTML.

The quiz answers are read from the course's own Markdown, so the journey follows the content.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Organisation, Role
from pahub.learning.courses.loading import CONTENT_DIR, read_course
from pahub.learning.models import Event, EventBooking, ModuleCompletion
from pahub.learning.versioning import ModuleSpec
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    OrganisationFactory,
    UserFactory,
    make_employer_profile,
    make_staff,
)

EVENT = "First aid for Personal Assistants"


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def expect_banner(page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)


def answer_quiz(page, spec: ModuleSpec) -> None:
    for number, question in enumerate(spec.questions, start=1):
        group = page.get_by_role("group", name=f"{number}. {question.text}", exact=True)
        for choice in question.choices:
            if choice.correct:
                group.get_by_label(choice.text, exact=True).check()
    page.get_by_role("button", name="Send my answers").click()


@pytest.mark.django_db(transaction=True)
def test_an_employer_learns_a_provider_lists_an_event_and_the_last_place_goes_once(
    page, axe, browser, live_server
):
    course = read_course(CONTENT_DIR / "becoming-an-employer")
    first = course.modules[0][1]
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")
    provider = OrganisationFactory(
        name="Tyneside Care Training", kind=Organisation.Kind.TRAINING_PROVIDER
    )
    make_staff(
        organisation=provider,
        role=Membership.StaffRole.MEMBER,
        email="tess@tyneside-training.example.org",
        full_name="Tess Trainer",
    )
    UserFactory(
        email="priya@example.org", full_name="Priya Shah", postcode="NE3 1AA", roles=[Role.PA]
    )
    UserFactory(email="sam@example.org", full_name="Sam Lee", postcode="NE6 1AA", roles=[Role.PA])
    day = timezone.localdate() + timedelta(days=14)

    # Given Amira signs in and opens the employer course
    sign_in(page, email="amira@example.org", password=PASSWORD)
    expect_heading(page, "My account")
    axe.check(page, "my account (employer)")
    page.goto("/learning/")
    axe.check(page, "learning home (employer)")
    page.get_by_role("link", name=course.title, exact=True).first.click()
    expect_heading(page, course.title)
    expect(page.locator("#progress")).to_have_text(f"0 of {len(course.modules)} modules done")
    axe.check(page, "employer course")

    # When she reads the first module, page by page
    page.get_by_role("link", name=f"1. {first.title}").click()
    pages = sum(line.startswith("# ") for line in first.body.splitlines())
    for number in range(1, pages + 1):
        expect(page.locator(".govuk-caption-l")).to_contain_text(f"page {number} of {pages}")
        axe.check(page, f"employer module, page {number}")
        if number < pages:
            page.get_by_role("link", name=re.compile(r"^Next page")).click()
    page.get_by_role("link", name=re.compile(r"^Take the quiz")).click()
    expect_heading(page, "Quiz")
    axe.check(page, "employer module's quiz")

    # And answers its quiz
    answer_quiz(page, first)

    # Then she has passed the module, and the course shows it done
    expect(page.locator(".govuk-panel__title")).to_have_text("You passed")
    expect(page.locator("#result")).to_have_text("Passed")
    next_title = course.modules[1][1].title
    expect(page.get_by_role("link", name=f"Next module: {next_title}")).to_be_visible()
    axe.check(page, "employer quiz result (passed)")
    page.get_by_role("link", name=f"Back to {course.title}").click()
    expect(page.locator("#progress")).to_have_text(f"1 of {len(course.modules)} modules done")
    expect(page.locator(f"#module-{first.slug}-status")).to_have_text("Completed")
    axe.check(page, "employer course (one module done)")
    assert ModuleCompletion.objects.filter(user=amira, module__slug=first.slug).count() == 1
    sign_out(page)

    # When Tess signs in with her second factor and adds an event, forgetting the start time
    sign_in(page, email="tess@tyneside-training.example.org", password=PASSWORD)
    axe.check(page, "two-factor code at sign-in")
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page.goto("/learning/events/manage/")
    axe.check(page, "organisation's events (none)")
    page.goto("/learning/events/manage/new/")
    expect_heading(page, "Add an event")
    axe.check(page, "add an event")
    page.get_by_label("Title").fill(EVENT)
    page.get_by_label("What it covers").fill(
        "What to do in an emergency at home: calling 999, the recovery position and CPR."
    )
    page.get_by_label("Health and safety, moving and handling").check()
    page.get_by_role("group", name="Who it is for").get_by_label("Personal assistants").check()
    page.get_by_role("group", name="Online or in person").get_by_label("In person").check()
    page.get_by_label("Postcode district of the venue").fill("NE1")
    page.get_by_label("Venue name and address").fill("Room 2, 10 Grey Street, Newcastle NE1 6AE")
    starts_on = page.get_by_role("group", name="Date it starts")
    starts_on.get_by_label("Day").fill(str(day.day))
    starts_on.get_by_label("Month").fill(str(day.month))
    starts_on.get_by_label("Year").fill(str(day.year))
    page.get_by_label("End time").fill("13:00")
    page.get_by_label("Accessibility").fill("Step-free access and a hearing loop.")
    page.get_by_label("Places to book on PA Hub").fill("1")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the start time")
    expect(page.get_by_label("Title")).to_have_value(EVENT)
    expect(page.get_by_label("Places to book on PA Hub")).to_have_value("1")
    axe.check(page, "add an event (with an error)")
    page.get_by_label("Start time").fill("10:00")
    page.get_by_role("button", name="Save").click()
    expect_banner(page, "Event saved as a draft")
    expect(page.locator("main")).to_contain_text("This event is a draft.")
    axe.check(page, "event (draft)")

    # And publishes it
    page.get_by_role("button", name="Publish").click()
    expect_banner(page, "Event published")
    expect(page.locator("main")).to_contain_text("1 place left")
    axe.check(page, "event (published, organiser)")
    event = Event.objects.get()
    assert (event.capacity, event.organisation) == (1, provider)
    sign_out(page)

    # And Sam, a PA in Byker, has the event open
    other = browser.new_context(base_url=live_server.url, locale="en-GB")
    sam_page = other.new_page()
    sam_page.set_default_timeout(10_000)
    sign_in(sam_page, email="sam@example.org", password=PASSWORD)
    sam_page.goto(f"/learning/events/{event.pk}/")
    expect(sam_page.get_by_role("button", name="Book a place")).to_be_visible()
    axe.check(sam_page, "event (before booking, Sam)")

    # When Priya searches near her district and finds the event
    sign_in(page, email="priya@example.org", password=PASSWORD)
    page.goto("/learning/events/")
    expect_heading(page, "Courses and events")
    axe.check(page, "courses and events")
    page.get_by_label("Near a postcode district or town").fill("NE3")
    page.get_by_label("Within").select_option(label="5 miles")
    page.get_by_role("button", name="Search").click()
    result = page.get_by_role("article", name=EVENT)
    expect(result).to_contain_text("Run by Tyneside Care Training")
    expect(result).to_contain_text("from NE3")
    expect(result).to_contain_text("1 place left")
    axe.check(page, "courses and events near NE3")
    result.get_by_role("link", name=EVENT).click()
    expect_heading(page, EVENT)
    expect(page.locator("main")).to_contain_text("shown to people once they have booked")
    axe.check(page, "event (before booking)")

    # And books the last place
    page.get_by_role("button", name="Book a place").click()
    expect_banner(page, "You have a place")
    expect(page.locator("#booked")).to_have_text("You have a place on this event.")
    expect(page.locator("#venue")).to_contain_text("10 Grey Street")
    axe.check(page, "event (booked)")

    # And downloads it to her calendar
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Download to your calendar")).click()
    assert download.value.suggested_filename == f"pahub-event-{event.pk}.ics"
    with open(download.value.path(), encoding="utf-8") as calendar:
        ics = calendar.read()
    assert ics.startswith("BEGIN:VCALENDAR")
    assert EVENT in ics

    # Then Sam, trying to book the same place, is refused
    sam_page.get_by_role("button", name="Book a place").click()
    expect(sam_page.locator(".govuk-notification-banner")).to_contain_text(
        "There are no places left on this event."
    )
    expect(sam_page.locator("main")).to_contain_text("There are no places left.")
    expect(sam_page.get_by_role("button", name="Book a place")).to_have_count(0)
    expect(sam_page.locator("#venue")).to_have_count(0)
    axe.check(sam_page, "event (no places left)")
    other.close()

    booked = EventBooking.objects.filter(event=event, cancelled_at__isnull=True)
    assert [booking.user.email for booking in booked] == ["priya@example.org"]
