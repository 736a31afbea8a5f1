"""Given Jordan, a new PA in Gosforth at Entry level with a DBS certificate waiting to be
checked: he takes the self-assessment, saying he wants to learn about safeguarding and keeping
records, and makes his learning plan; he reads the first induction module, fails its quiz and
sees why each wrong answer is wrong, tries again and passes; he passes the other modules,
finishing the last in the browser, which issues his certificate; he downloads it as a PDF;
signed out, he checks its code and sees only the name, course and date; a verifier checks
his DBS, and Jordan sees Level 2 on his profile. Every page has an empty axe scan and valid
HTML.

The quiz answers are read from the course's own Markdown, so the journey follows the content.
"""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.learning.courses.loading import CONTENT_DIR, read_course
from pahub.learning.courses.services import quiz_submit
from pahub.learning.models import Certificate, Course, Module
from pahub.learning.versioning import ModuleSpec, QuestionSpec
from pahub.register.models import (
    CodeOfConductVersion,
    CodeSignature,
    Evidence,
    InductionCompletion,
    PAProfile,
)
from pahub.register.services import profile_recompute_level
from pahub.taxonomy.models import Skill
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import PASSWORD, TOTP_SECRET, OrganisationFactory, UserFactory, make_staff
from tests.register.verification.fixtures import add_evidence, complete_profile

PA_EMAIL = "jordan@example.org"
PA_NAME = "Jordan Reed"
ORGANISATION = "Newcastle Independent Living"
WANT_TO_LEARN = ("Safeguarding and raising a concern", "Keeping records")


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def expect_banner(page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)


def choose(page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def right_choices(question: QuestionSpec) -> list[str]:
    return [choice.text for choice in question.choices if choice.correct]


def wrong_choice(question: QuestionSpec) -> tuple[str, str]:
    """The first wrong answer and the feedback that says why."""
    choice = next(choice for choice in question.choices if not choice.correct)
    return choice.text, choice.feedback


def answer_quiz(page, spec: ModuleSpec, *, wrong: tuple[int, ...] = ()) -> None:
    """Answer every question of the module's quiz: the right answers, except for the question
    numbers in `wrong`, which get a wrong one."""
    for number, question in enumerate(spec.questions, start=1):
        group = page.get_by_role("group", name=f"{number}. {question.text}", exact=True)
        chosen = [wrong_choice(question)[0]] if number in wrong else right_choices(question)
        for text in chosen:
            group.get_by_label(text, exact=True).check()
    page.get_by_role("button", name="Send my answers").click()


def pass_by_service(user, course: Course, spec: ModuleSpec) -> None:
    """Pass a module's quiz through the same service the quiz page calls."""
    version = Module.objects.get(course=course, slug=spec.slug).current_version
    answers = {}
    questions = list(version.questions.prefetch_related("choices"))
    assert [question.text for question in questions] == [q.text for q in spec.questions]
    for question, written in zip(questions, spec.questions, strict=True):
        right = set(right_choices(written))
        answers[question.pk] = [c.pk for c in question.choices.all() if c.text in right]
    assert quiz_submit(user=user, module_version=version, answers=answers).attempt.passed


@pytest.mark.django_db(transaction=True)
def test_a_new_pa_plans_completes_the_induction_and_reaches_level_2(page, axe):
    induction = read_course(CONTENT_DIR / "induction")
    modules = [spec for _, spec in induction.modules]
    assert len(modules) == 8
    first, last = modules[0], modules[-1]

    organisation = OrganisationFactory(name=ORGANISATION, areas=["Newcastle upon Tyne"])
    make_staff(organisation=organisation, email="val.checker@example.org", full_name="Val Checker")
    jordan = UserFactory(email=PA_EMAIL, full_name=PA_NAME, postcode="NE3 1AA", roles=[Role.PA])
    skill = Skill.objects.get(code="personal_care.washing_bathing")
    profile = complete_profile(jordan, skill, display_name="Jordan")
    add_evidence(profile, Evidence.Kind.IDENTITY)
    add_evidence(profile, Evidence.Kind.DBS)
    CodeSignature.objects.create(user=jordan, version=CodeOfConductVersion.objects.get(number=1))
    assert profile_recompute_level(profile=profile) == 1

    # Given Jordan signs in and starts the self-assessment
    page.goto("/accounts/login/")
    axe.check(page, "sign in")
    sign_in(page, email=PA_EMAIL, password=PASSWORD)
    expect_heading(page, "My account")
    axe.check(page, "my account (PA)")
    page.goto("/learning/self-assessment/")
    expect_heading(page, "Your self-assessment")
    # The skill on his profile is only a guess at an answer: he has not started yet
    expect(page.get_by_role("button", name="Make my learning plan")).to_have_count(0)
    axe.check(page, "self-assessment (not started)")
    page.get_by_role("button", name="Start").click()
    expect_heading(page, "Working as a PA")
    axe.check(page, "self-assessment: working as a PA")

    # When he says he wants to learn two things and can do the rest
    topics = page.locator("form .govuk-fieldset")
    for index in range(topics.count()):
        topic = topics.nth(index)
        legend = topic.locator("legend").inner_text().strip()
        answer = "I want to learn this" if legend in WANT_TO_LEARN else "I can do this"
        topic.get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-caption-l")).to_contain_text("part 2 of")
    axe.check(page, "self-assessment: a group of skills")
    page.get_by_role("link", name="Back to your self-assessment").first.click()
    expect(page.locator("main")).to_contain_text("Completed")
    axe.check(page, "self-assessment (topics done)")

    # And makes his learning plan
    page.get_by_role("button", name="Make my learning plan").click()
    expect_heading(page, "Your learning plan")
    expect_banner(page, "Your learning plan has been made from your self-assessment")
    steps = page.locator(".pahub-plan > li")
    safeguarding = steps.filter(has_text="Safeguarding")
    expect(safeguarding.first).to_contain_text(
        "A PA Hub module in Induction for Personal Assistants"
    )
    expect(safeguarding.first).to_contain_text("Not done yet.")
    axe.check(page, "learning plan")

    # When he opens the induction and reads the first module, page by page
    page.goto("/learning/courses/induction/")
    expect_heading(page, "Induction for Personal Assistants")
    expect(page.locator("#progress")).to_have_text("0 of 8 modules done")
    axe.check(page, "induction course")
    page.get_by_role("link", name=f"1. {first.title}").click()
    pages = sum(line.startswith("# ") for line in first.body.splitlines())
    for number in range(1, pages + 1):
        expect(page.locator(".govuk-caption-l")).to_contain_text(f"page {number} of {pages}")
        axe.check(page, f"first module, page {number}")
        if number < pages:
            page.get_by_role("link", name=re.compile(r"^Next page")).click()
    page.get_by_role("link", name=re.compile(r"^Take the quiz")).click()
    expect_heading(page, "Quiz")
    axe.check(page, "first module's quiz")

    # And gets the first two questions wrong
    answer_quiz(page, first, wrong=(1, 2))
    expect_heading(page, "You did not pass this time")
    right = len(first.questions) - 2
    expect(page.locator("#score")).to_have_text(f"{right} of {len(first.questions)}")
    expect(page.locator("#result")).to_have_text("Not passed")

    # Then the results say why each wrong answer is wrong
    for number in (1, 2):
        question = page.locator(f"section[aria-labelledby='question-{number}']")
        expect(question).to_contain_text("Wrong")
        chosen, why = wrong_choice(first.questions[number - 1])
        answer = question.get_by_role("listitem").filter(has_text=chosen)
        expect(answer).to_contain_text("You chose this. This is not right.")
        expect(answer).to_contain_text(why)
    axe.check(page, "quiz result (not passed)")

    # When he tries again and answers everything right
    page.get_by_role("link", name="Try the quiz again").click()
    expect_heading(page, "Quiz")
    axe.check(page, "first module's quiz, again")
    answer_quiz(page, first)
    expect(page.locator(".govuk-panel__title")).to_have_text("You passed")
    expect(page.get_by_role("link", name=f"Next module: {modules[1].title}")).to_be_visible()
    axe.check(page, "quiz result (passed)")

    # And passes the next six modules
    course = Course.objects.get(slug="induction")
    for spec in modules[1:-1]:
        pass_by_service(jordan, course, spec)
    assert not Certificate.objects.filter(user=jordan).exists()

    # And the last one in the browser
    page.goto("/learning/courses/induction/")
    expect(page.locator("#progress")).to_have_text("7 of 8 modules done")
    axe.check(page, "induction course (7 of 8 done)")
    page.get_by_role("link", name=f"8. {last.title}").click()
    expect_heading(page, last.body.splitlines()[0].removeprefix("# "))
    axe.check(page, "last module, page 1")
    page.goto(f"/learning/courses/induction/{last.slug}/quiz/")
    expect_heading(page, "Quiz")
    axe.check(page, "last module's quiz")
    answer_quiz(page, last)

    # Then his certificate is issued
    expect(page.locator(".govuk-panel__title")).to_have_text("You passed")
    expect_banner(page, "You completed Induction for Personal Assistants")
    axe.check(page, "quiz result (course completed)")
    certificate = Certificate.objects.get(user=jordan, course=course)
    assert certificate.module_versions.count() == 8
    page.get_by_role("link", name="See your certificate").click()
    expect_heading(page, "Induction for Personal Assistants")
    expect(page.locator("#code")).to_have_text(certificate.code)
    expect(page.locator("#certificate")).to_contain_text(PA_NAME)
    axe.check(page, "certificate")

    # And he downloads it as a PDF
    with page.expect_download() as download:
        page.get_by_role("link", name="download the certificate as a PDF").click()
    assert download.value.suggested_filename == f"certificate-{certificate.code}.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # And the induction counts towards his level
    assert InductionCompletion.objects.get(user=jordan).certificate_code == certificate.code
    profile.refresh_from_db()
    assert profile.level == 1  # the DBS certificate is still waiting to be checked
    sign_out(page)
    axe.check(page, "signed out")

    # When, signed out, he checks the certificate's code
    page.goto("/learning/verify/")
    expect_heading(page, "Check a PA Hub certificate")
    axe.check(page, "check a certificate")
    page.get_by_label("Certificate code").fill(certificate.code.lower())
    page.get_by_role("button", name="Check the code").click()

    # Then he sees the name, course and date, and nothing else
    expect(page.locator("#verified")).to_contain_text("This certificate is real")
    facts = page.locator("main .govuk-summary-list")
    expect(facts.locator("dt")).to_have_text(["Name", "Course", "Completed on"])
    expect(facts.locator("dd")).to_have_text(
        [PA_NAME, "Induction for Personal Assistants", re.compile(r"^\d{1,2} \w+ \d{4}$")]
    )
    expect(page.locator("main")).not_to_contain_text(PA_EMAIL)
    expect(page.locator("main")).not_to_contain_text(first.title)
    axe.check(page, "certificate checked")

    # When a verifier signs in with their second factor and checks his DBS certificate
    sign_in(page, email="val.checker@example.org", password=PASSWORD)
    axe.check(page, "two-factor code at sign-in")
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page.goto("/staff/")
    axe.check(page, "staff home")
    page.get_by_role("link", name="Evidence waiting to be checked").click()
    expect_heading(page, "Evidence to check")
    axe.check(page, "verification queue")
    page.get_by_role("link", name=f"DBS certificate for {PA_NAME}").click()
    axe.check(page, "check DBS certificate")
    choose(page, "What did you find?", "Verified")
    page.get_by_label("I saw the original paper certificate in person").check()
    page.get_by_role("button", name="Record outcome").click()
    expect_banner(page, "Outcome recorded")
    axe.check(page, "verification queue (DBS checked)")
    sign_out(page)

    # Then Jordan sees Level 2 on his profile, with the induction course counted
    sign_in(page, email=PA_EMAIL, password=PASSWORD)
    page.goto("/register/profile/")
    expect_heading(page, "Your PA profile")
    badge = page.get_by_role("region", name="Level 2")
    expect(badge).to_be_visible()
    expect(badge.get_by_role("listitem").filter(has_text="DBS certificate")).to_contain_text(
        f"verified by {ORGANISATION}"
    )
    expect(badge).to_contain_text("PA Hub's induction course completed")
    axe.check(page, "profile overview (Level 2)")
    assert PAProfile.objects.get(user=jordan).level == 2
