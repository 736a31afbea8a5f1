"""Given Tess, staff of a training provider with two-factor set up: she creates a course,
writes one module (trying to save it first without its minutes), adds two quiz questions
(the second after forgetting its feedback), previews it, publishes the module and then the
course. Every page has an empty axe scan and valid HTML."""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Organisation
from pahub.learning.models import Course, ModuleVersion
from tests.e2e.helpers import sign_in, totp_code
from tests.factories import PASSWORD, TOTP_SECRET, OrganisationFactory, make_staff

BODY = """# What moving and handling means

Moving and handling is helping someone change position: in bed, from a chair, or into a car.

# Before you help someone move

- Ask how they like to be helped
- Check the equipment and the space
- Never lift someone on your own
"""


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def expect_banner(page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)


def fill_answer(page, number: int, text: str, feedback: str, *, right: bool = False) -> None:
    page.get_by_label(f"Answer {number}", exact=True).fill(text)
    if right:
        page.get_by_label(f"Answer {number} is right").check()
    page.get_by_label(f"Feedback on answer {number}").fill(feedback)


@pytest.mark.django_db(transaction=True)
def test_a_training_providers_staff_member_publishes_a_course(
    page, axe, without_repository_courses
):
    provider = OrganisationFactory(
        name="Tyneside Care Training", kind=Organisation.Kind.TRAINING_PROVIDER
    )
    make_staff(
        organisation=provider,
        role=Membership.StaffRole.MEMBER,
        email="tess@tyneside-training.example.org",
        full_name="Tess Trainer",
    )

    # Given Tess signs in with her second factor
    sign_in(page, email="tess@tyneside-training.example.org", password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()

    # When she creates a course
    page.goto("/learning/manage/courses/")
    expect_heading(page, "Your organisation's courses")
    axe.check(page, "courses (none yet)")
    page.get_by_role("link", name="Create a course").click()
    axe.check(page, "create a course")
    page.get_by_label("Course title").fill("Moving and handling at home")
    page.get_by_label("Summary").fill("Safe ways to help someone move, for PAs.")
    page.get_by_label("Personal assistants").check()
    page.get_by_role("button", name="Create the course").click()
    expect_heading(page, "Moving and handling at home")
    axe.check(page, "course page (no modules)")

    # And writes a module, first forgetting how long it takes
    page.get_by_role("link", name="Add a module").click()
    page.get_by_label("Module title").fill("Helping someone move safely")
    page.get_by_label("The module's pages").fill(BODY)
    page.get_by_label("About how many minutes does it take?").fill("")
    page.get_by_label("Health and safety, moving and handling").check()
    page.get_by_label("13. Health and safety").check()
    page.get_by_role("button", name="Save the module").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter about how many minutes the module takes"
    )
    expect(page.get_by_label("Module title")).to_have_value("Helping someone move safely")
    axe.check(page, "module form with an error")
    page.get_by_label("About how many minutes does it take?").fill("10")
    page.get_by_role("button", name="Save the module").click()
    expect_banner(page, "Module saved")
    expect_heading(page, "Helping someone move safely")
    axe.check(page, "module page (no questions)")

    # And adds two questions, the second first without feedback on one answer
    page.get_by_role("link", name="Add a question").click()
    axe.check(page, "add a question")
    page.get_by_label("Question", exact=True).fill("Who decides how you help someone move?")
    fill_answer(
        page, 1, "The person you support", "Right: ask how they like to be helped.", right=True
    )
    fill_answer(page, 2, "You do, as the PA", "Not quite: agree it with the person first.")
    page.get_by_role("button", name="Save the question").click()
    expect_banner(page, "Question 1 added")

    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Question", exact=True).fill("Should you lift someone on your own?")
    fill_answer(page, 1, "Yes, if they are light", "")
    fill_answer(page, 2, "No, never", "Right: use the equipment and get help.", right=True)
    page.get_by_role("button", name="Save the question").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Say why answer 1 is right or wrong"
    )
    expect(page.get_by_label("Answer 1", exact=True)).to_have_value("Yes, if they are light")
    axe.check(page, "question form with an error")
    page.get_by_label("Feedback on answer 1").fill("No: lifting alone can hurt you both.")
    page.get_by_role("button", name="Save the question").click()
    expect_banner(page, "Question 2 added")
    axe.check(page, "module page with two questions")

    # And previews it
    page.get_by_role("link", name="Preview the module's pages").click()
    expect(page.locator("main")).to_contain_text("Page 2 of 2: Before you help someone move")
    axe.check(page, "module preview")
    page.get_by_role("link", name="Back to the module").first.click()

    # Then she publishes the module, and then the course
    page.get_by_role("button", name="Publish the module").click()
    expect_banner(page, "Version 1 of the module is published")
    axe.check(page, "module page after publishing")
    page.get_by_role("link", name="Back to Moving and handling at home").click()
    expect(page.locator("main")).to_contain_text("Published · version 1")
    page.get_by_role("button", name="Publish the course").click()
    expect_banner(page, "Course published")
    axe.check(page, "course page after publishing")

    page.goto("/learning/manage/courses/")
    expect(page.locator("main")).to_contain_text("1 published, 1 written")
    axe.check(page, "courses (one published)")

    course = Course.objects.get()
    assert course.is_published and course.provider == provider
    version = ModuleVersion.objects.get()
    assert (version.number, version.questions.count(), version.topics) == (
        1,
        2,
        ["health_and_safety"],
    )
