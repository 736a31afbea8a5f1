"""Given Newcastle City Council's staff member Rita, signed in with two-factor, when she adds a
local rule that jobs paid by a direct payment need an enhanced DBS check with the adults'
barred list, then Amira, an employer in Newcastle, finds the DBS question of her job requiring
it with the council's reason, and choosing a lower check is refused with that reason. Every
page has an empty axe scan."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Role
from pahub.jobs.models import Job
from pahub.rules.models import LocalRule
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    UserFactory,
    make_council,
    make_employer_profile,
    make_job,
    make_staff,
)

REASON = "Required by Newcastle City Council for jobs paid by a direct payment"
BARRED = "Enhanced with adults' barred list"


def sign_in_with_two_factor(page, email: str) -> None:
    sign_in(page, email=email, password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()


@pytest.mark.django_db(transaction=True)
def test_council_staff_add_a_dbs_rule_and_the_job_builder_requires_it(page, axe):
    employer = UserFactory(email="amira@example.org", full_name="Amira Khan", roles=[Role.EMPLOYER])
    make_employer_profile(employer, display_name="Amira")
    job = make_job(employer, status=Job.Status.DRAFT, published_at=None, title="Evening PA")
    council = make_council("Newcastle City Council", "Newcastle upon Tyne")
    make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="rita@newcastle.example.org",
        full_name="Rita Rules",
    )
    today = timezone.localdate()

    # Given Rita, Newcastle City Council's staff, signed in with two-factor
    sign_in_with_two_factor(page, "rita@newcastle.example.org")
    page.goto("/areas/newcastle-upon-tyne/rules/manage/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage local rules")
    axe.check(page, "manage local rules")

    # When she adds a DBS check rule, first forgetting the answers
    page.get_by_role("link", name="Add a DBS check rule").click()
    axe.check(page, "add a DBS check rule")
    page.get_by_role("button", name="Save the rule").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose the DBS check PAs must have"
    )
    axe.check(page, "add a DBS check rule, with errors")
    page.get_by_role("group", name=re.compile("Which DBS check")).get_by_label(BARRED).check()
    page.get_by_label("Jobs paid by a direct payment from the council").check()
    page.get_by_label("Why does the council ask this?").fill(
        "Our direct payment team pays for the check through its umbrella body."
    )
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Save the rule").click()

    # Then the rule is listed, and public
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Rule added")
    expect(page.locator("main")).to_contain_text(REASON)
    axe.check(page, "manage local rules, with the rule")
    page.get_by_role("link", name=re.compile("public page")).click()
    expect(page.locator("main")).to_contain_text(REASON)
    axe.check(page, "the council's local rules")
    assert LocalRule.objects.get().dbs_level == "enhanced_adults"
    sign_out(page)

    # When Amira says her job is paid by a direct payment
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto(f"/employer/jobs/{job.pk}/edit/pay/")
    axe.check(page, "the pay question")
    page.get_by_role("group", name=re.compile("direct payment")).get_by_label("Yes").check()
    page.get_by_role("button", name="Save and continue").click()

    # Then the DBS question requires the council's check, with its reason
    expect(page.get_by_role("heading", level=1)).to_contain_text("Must-haves")
    dbs_question = page.get_by_role("group", name=re.compile("Which DBS check"))
    expect(dbs_question).to_contain_text(REASON)
    axe.check(page, "the must-haves, with the council's rule")

    # And choosing a lower check is refused with the reason, by the question
    dbs_question.get_by_label("Basic").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(REASON)
    expect(page.locator(".govuk-error-message")).to_contain_text(REASON)
    axe.check(page, "the must-haves, refused")
    job.refresh_from_db()
    assert job.required_dbs == "enhanced_adults"

    # And the council's check is accepted
    page.get_by_role("group", name=re.compile("Which DBS check")).get_by_label(BARRED).check()
    page.get_by_role("button", name="Save and come back later").click()
    expect(page).not_to_have_url(re.compile(r"/edit/must_haves/"))
    axe.check(page, "the job, saved for later")
    job.refresh_from_db()
    assert job.required_dbs_rank == 4

    # And the job's summary says why it asks for that check
    page.goto(f"/employer/jobs/{job.pk}/check/")
    expect(page.locator("main")).to_contain_text(f"{REASON}: an enhanced DBS check")
    axe.check(page, "check your answers")
