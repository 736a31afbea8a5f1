"""Given a verifying organisation serving Newcastle upon Tyne and a new PA living there,
when the PA builds their profile, signs the code of conduct, adds their identity, DBS
certificate and a qualification and asks two referees; the referees answer through the
emailed links; and a verifier checks everything and records the PA's induction, then the PA
sees Level 3 on their profile with a badge saying what was verified, by whom and when."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.register.models import Evidence, PAProfile
from tests.e2e.helpers import last_link_sent_to, path_of, sign_in, sign_out, totp_code
from tests.factories import PASSWORD, TOTP_SECRET, OrganisationFactory, UserFactory, make_staff

ORGANISATION = "Newcastle Independent Living"
PA_EMAIL = "jordan.reed@example.org"
PA_NAME = "Jordan Reed"
REFEREES = (
    ("Priya Shah", "priya.shah@example.org"),
    ("Tom Walker", "tom.walker@example.org"),
)


def save_and_continue(page) -> None:
    page.get_by_role("button", name="Save and continue").click()


def choose(page, question: str, answer: str) -> None:
    """Pick a radio button inside the fieldset whose legend asks `question`."""
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def fill_date(page, question: str, day: int, month: int, year: int) -> None:
    group = page.get_by_role("group", name=question)
    group.get_by_label("Day").fill(str(day))
    group.get_by_label("Month").fill(str(month))
    group.get_by_label("Year").fill(str(year))


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def expect_banner(page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_a_new_pa_reaches_level_3_with_a_badge(page, axe, mailoutbox):
    organisation = OrganisationFactory(name=ORGANISATION, areas=["Newcastle upon Tyne"])
    make_staff(organisation=organisation, email="val.checker@example.org", full_name="Val Checker")
    UserFactory(email=PA_EMAIL, full_name=PA_NAME, postcode="NE3 1AA", roles=[Role.PA])
    today = timezone.localdate()
    last_year = today.year - 1

    # Given a new PA who signs in and opens their profile
    page.goto("/accounts/login/")
    axe.check(page, "sign in")
    sign_in(page, email=PA_EMAIL, password=PASSWORD)
    expect_heading(page, "My account")
    axe.check(page, "my account (PA)")
    page.get_by_role("link", name="Your PA profile").click()
    expect_heading(page, "Your PA profile")
    expect(page.locator("main")).to_contain_text("Not yet on a level")
    axe.check(page, "profile overview (new)")

    # When they build the profile, one step at a time
    page.get_by_role("link", name="Your name").click()
    axe.check(page, "step: name")
    page.get_by_label("What name should employers see?").fill("Jordan")
    save_and_continue(page)

    expect_heading(page, "About me")
    axe.check(page, "step: about me")
    page.get_by_label("About me", exact=True).fill(
        "I cared for my grandad for five years and now work as a PA in Gosforth."
    )
    page.get_by_label("What matters to me").fill("Being on time, and a sense of humour.")
    save_and_continue(page)

    expect_heading(page, "Interests")
    axe.check(page, "step: interests")
    page.get_by_label("Animals", exact=True).check()
    page.get_by_label("Other interests").fill("salsa dancing, vintage cars")
    save_and_continue(page)

    expect_heading(page, "Languages")
    axe.check(page, "step: languages")
    page.get_by_label("English", exact=True).select_option(label="First language")
    page.get_by_label("British Sign Language (BSL)").select_option(label="Basic")
    save_and_continue(page)

    expect_heading(page, "Photo")
    axe.check(page, "step: photo")
    save_and_continue(page)  # no photo: it is optional

    expect_heading(page, "Tasks and skills")
    axe.check(page, "step: skills")
    page.get_by_label("Dressing and undressing", exact=True).check()
    page.get_by_label("Meal planning, preparation and cooking", exact=True).check()
    page.get_by_label("Shopping (food, clothes) and errands", exact=True).check()
    save_and_continue(page)

    expect_heading(page, "Experience and qualifications")
    axe.check(page, "step: experience")
    page.get_by_label("How many years have you worked as a PA or in care?").fill("5")
    page.get_by_label("Caring for a family member or friend").check()
    page.get_by_label("Your experience").fill("Personal care, cooking and trips out.")
    save_and_continue(page)

    expect_heading(page, "Driving")
    axe.check(page, "step: driving")
    choose(page, "Do you have a full UK driving licence?", "No")
    choose(page, "Do you have a car you could use for work?", "No")
    choose(page, "Would you drive the person you support?", "No")
    save_and_continue(page)

    expect_heading(page, "Gender")
    axe.check(page, "step: gender")
    choose(page, "What is your gender?", "I would rather not say")
    save_and_continue(page)

    expect_heading(page, "When you can work")
    axe.check(page, "step: availability")
    for slot in ("Monday morning", "Tuesday afternoon", "Saturday evening"):
        page.get_by_label(slot, exact=True).check()
    save_and_continue(page)

    expect_heading(page, "How far you will travel")
    expect(page.locator("main")).to_contain_text("NE3")
    axe.check(page, "step: location")
    page.get_by_label("How far will you travel to work?").fill("10")
    save_and_continue(page)

    axe.check(page, "step: pay")
    page.get_by_label("What hourly pay do you expect?").fill("13.50")
    save_and_continue(page)

    expect_heading(page, "Regular work or cover")
    axe.check(page, "step: work")
    choose(page, "What work are you looking for?", "Both regular work and cover")
    choose(page, "Are you paid to support a family member?", "No")
    save_and_continue(page)

    expect_heading(page, "Who can see your profile")
    axe.check(page, "step: visibility")
    choose(page, "Who can see your profile?", "Any signed-in employer")
    save_and_continue(page)

    # Then every section is complete, and the preview shows what an employer will see
    expect_heading(page, "Your PA profile")
    expect_banner(page, "Your profile has been saved")
    expect(page.locator("main")).to_contain_text("You have completed 14 of 14 sections")
    axe.check(page, "profile overview (complete)")
    page.get_by_role("link", name="Preview your profile as an employer sees it").click()
    expect_heading(page, "Jordan")
    main = page.locator("main")
    expect(main).to_contain_text("NE3")
    expect(main).not_to_contain_text("NE3 1AA")
    expect(main).to_contain_text("Dressing and undressing")
    expect(main).to_contain_text("Monday: morning")
    expect(main).to_contain_text("£13.50 an hour")
    expect(main).to_contain_text("Nothing has been checked yet")
    axe.check(page, "preview (nothing checked)")

    # When they sign the code of conduct
    page.get_by_role("link", name="Back to your profile").click()
    page.get_by_role("link", name="Your evidence and checks").click()
    expect_heading(page, "Your evidence and checks")
    axe.check(page, "evidence overview (empty)")
    page.get_by_role("link", name="Read and sign the code of conduct").click()
    expect_heading(page, "PA Hub code of conduct")
    axe.check(page, "code of conduct")
    page.get_by_label("I have read the code of conduct and I agree to follow it").check()
    page.get_by_role("button", name="Sign the code of conduct").click()
    expect_banner(page, "You have signed the code of conduct")
    axe.check(page, "code of conduct (signed)")
    page.get_by_role("link", name="Back to your evidence and checks").click()

    # And say which identity document they will show
    page.get_by_role("link", name="Tell us about your identity").click()
    axe.check(page, "identity form")
    choose(page, "Which document will you show staff?", "Passport")
    page.get_by_label("The information I have given is true").check()
    page.get_by_role("button", name="Add").click()
    expect_banner(page, "Your identity details have been added")

    # And add a DBS certificate, first with a wrong number, told beside the field
    page.get_by_role("link", name="Add your DBS certificate").click()
    axe.check(page, "DBS form")
    choose(page, "What type of DBS check is your certificate?", "Enhanced with adults' barred list")
    page.get_by_label("Certificate number").fill("12345")
    fill_date(page, "Issue date", 3, 2, last_year)
    choose(page, "Is your certificate on the DBS Update Service?", "No")
    page.get_by_role("button", name="Add").click()
    number = page.get_by_label("Certificate number")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the 12-digit")
    expect(number).to_have_accessible_description(re.compile(r"Error:\s+Enter the 12-digit"))
    expect(number).to_have_value("12345")
    expect(page.get_by_role("group", name="Issue date").get_by_label("Year")).to_have_value(
        str(last_year)
    )
    axe.check(page, "DBS form with an error")
    number.fill("0012 3456 7890")
    page.get_by_role("button", name="Add").click()
    expect_banner(page, "Your DBS certificate has been added")

    # And a qualification
    page.get_by_role("link", name="Add a qualification").click()
    axe.check(page, "qualification form")
    page.get_by_label("Name of the qualification").fill("Level 2 Diploma in Care")
    page.get_by_label("Awarding body").fill("City & Guilds")
    fill_date(page, "Date achieved", 14, 6, last_year - 2)
    page.get_by_role("button", name="Add").click()
    expect_banner(page, "Your qualification has been added")

    # And ask two referees
    for referee_name, referee_email in REFEREES:
        page.get_by_role("link", name="Ask for a reference").click()
        expect_heading(page, "Ask for a reference")
        axe.check(page, f"reference request ({referee_name})")
        page.get_by_label("Your referee's full name").fill(referee_name)
        page.get_by_label("Your referee's email address").fill(referee_email)
        choose(page, "How does your referee know you?", "Employer I have worked for as a PA")
        page.get_by_role("button", name="Send the request").click()
        expect_banner(page, f"We have emailed {referee_name}")

    # Then they are at Entry level, with everything waiting for staff
    main = page.locator("main")
    expect(main).to_contain_text("You are at: Entry level")
    references = page.get_by_role("table", name="References you have asked for")
    for referee_name, _ in REFEREES:
        expect(references).to_contain_text(referee_name)
    axe.check(page, "evidence overview (everything added)")
    sign_out(page)

    # When each referee follows the link in their email, with no account
    for index, (referee_name, referee_email) in enumerate(REFEREES):
        link = path_of(last_link_sent_to(referee_email, "/reference/"))
        page.goto(link)
        expect_heading(page, f"Give a reference for {PA_NAME}")
        axe.check(page, f"reference form ({referee_name})")
        if index == 0:
            page.get_by_role("button", name="Send the reference").click()
            expect(page.locator(".govuk-error-summary")).to_contain_text(
                "Enter how long you have known them"
            )
            axe.check(page, "reference form with errors")
        page.get_by_label(f"How long have you known {PA_NAME}?").fill("4 years")
        page.get_by_label(f"How do you know {PA_NAME}?").fill("Jordan was my mother's PA.")
        choose(page, f"Is {PA_NAME} reliable?", "Yes")
        choose(page, f"Would you recommend {PA_NAME} as a Personal Assistant?", "Yes")
        page.get_by_label("What I have written is true").check()
        page.get_by_role("button", name="Send the reference").click()
        expect_heading(page, "Reference sent")
        axe.check(page, f"reference sent ({referee_name})")

    # And the link works only once
    page.goto(link)
    expect_heading(page, "This link has already been used")
    axe.check(page, "reference link already used")

    # When the verifier signs in with their second factor and opens the queue
    sign_in(page, email="val.checker@example.org", password=PASSWORD)
    axe.check(page, "two-factor code at sign-in")
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page.goto("/staff/")
    axe.check(page, "staff home")
    page.get_by_role("link", name="Evidence waiting to be checked").click()
    expect_heading(page, "Evidence to check")
    expect(page.get_by_role("table", name=re.compile("5 items waiting"))).to_be_visible()
    axe.check(page, "verification queue")

    # And verifies identity, having seen the original
    page.get_by_role("link", name=f"Identity for {PA_NAME}").click()
    expect_heading(page, f"Identity for {PA_NAME}")
    axe.check(page, "check identity")
    choose(page, "What did you find?", "Verified")
    page.get_by_label("I saw the original document").check()
    page.get_by_role("button", name="Record outcome").click()
    expect_banner(page, "Outcome recorded")

    # And the DBS certificate, having seen the original paper certificate
    page.get_by_role("link", name=f"DBS certificate for {PA_NAME}").click()
    expect(page.locator("main")).to_contain_text("001234567890")
    axe.check(page, "check DBS certificate")
    choose(page, "What did you find?", "Verified")
    page.get_by_label("I saw the original paper certificate in person").check()
    page.get_by_role("button", name="Record outcome").click()
    expect_banner(page, "Outcome recorded")

    # And the qualification
    page.get_by_role("link", name=f"Qualification for {PA_NAME}").click()
    expect(page.locator("main")).to_contain_text("Level 2 Diploma in Care")
    axe.check(page, "check qualification")
    choose(page, "What did you find?", "Verified")
    page.get_by_role("button", name="Record outcome").click()
    expect_banner(page, "Outcome recorded")

    # And both references, reading what each referee wrote
    for referee_name, _ in REFEREES:
        page.get_by_role("link", name=f"Reference for {PA_NAME}").first.click()
        expect(page.locator("main")).to_contain_text("Jordan was my mother's PA.")
        axe.check(page, f"check reference ({referee_name})")
        choose(page, "What did you find?", "Verified")
        page.get_by_role("button", name="Record outcome").click()
        expect_banner(page, "Outcome recorded")
    expect(page.get_by_role("table", name=re.compile("0 items waiting"))).to_be_visible()
    axe.check(page, "verification queue (empty)")

    # And records the induction course on the PA's staff page
    page.goto("/staff/")
    page.get_by_role("link", name="Search the register of PAs in your areas").click()
    axe.check(page, "register search")
    page.get_by_label("Name", exact=True).fill("Jordan")
    page.get_by_role("button", name="Search").click()
    axe.check(page, "register search results")
    page.get_by_role("link", name=PA_NAME, exact=True).click()
    expect_heading(page, PA_NAME)
    axe.check(page, "staff profile page")
    page.get_by_label("Date the induction course was completed").fill(
        (today - timedelta(days=7)).strftime("%d %m %Y")
    )
    page.get_by_label("What evidence did you see?").fill(
        "Induction certificate from Tyneside Care Training, original seen"
    )
    page.get_by_role("button", name="Record induction completed").click()
    expect_banner(page, "Induction recorded")
    axe.check(page, "staff profile page (induction recorded)")
    sign_out(page)

    # Then the PA, signing in again, sees Level 3 and the badge on their profile
    sign_in(page, email=PA_EMAIL, password=PASSWORD)
    page.get_by_role("link", name="Your PA profile").click()
    expect_heading(page, "Your PA profile")
    badge = page.get_by_role("region", name="Level 3")
    expect(badge).to_be_visible()
    checked = f"verified by {ORGANISATION} on {today.day} {today:%B %Y}"
    lines = badge.get_by_role("listitem")
    for item in (
        "Identity",
        "DBS certificate",
        "Qualification: Level 2 Diploma in Care",
        f"Reference from {REFEREES[0][0]}",
        f"Reference from {REFEREES[1][0]}",
    ):
        expect(lines.filter(has_text=item)).to_contain_text(checked)
    expect(lines.filter(has_text="Induction course completed")).to_contain_text(ORGANISATION)
    expect(badge).to_contain_text("Still needed for Level 4")
    axe.check(page, "profile overview (Level 3)")

    # And the preview shows employers the same badge
    page.get_by_role("link", name="Preview your profile as an employer sees it").click()
    main = page.locator("main")
    expect(main).to_contain_text("Level 3")
    checked_by = f"checked by {ORGANISATION} on {today.day} {today:%B %Y}"
    for item in ("Identity", "DBS certificate", "Qualification: Level 2 Diploma in Care"):
        expect(main.get_by_role("listitem").filter(has_text=item)).to_contain_text(checked_by)
    expect(main.get_by_role("listitem").filter(has_text="Reference")).to_have_count(2)
    expect(main).not_to_contain_text(REFEREES[0][0])
    axe.check(page, "preview (Level 3)")

    profile = PAProfile.objects.get(user__email=PA_EMAIL)
    assert profile.level == 3
    assert profile.evidence.filter(status=Evidence.Status.VERIFIED).count() == 5
