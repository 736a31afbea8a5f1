"""Given staff at Newcastle Independent Living recorded that Amira agreed to their help, when
Amira opens the email's link, finds the agreement in My account and withdraws it, then it is
withdrawn at once and her account says so; the retention page is linked from the privacy
notice. Every page has an empty axe scan."""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Membership, OrganisationConsent, Role
from pahub.employers.services import help_consent_record
from tests.e2e.helpers import last_link_sent_to, path_of, sign_in
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, make_staff


@pytest.mark.django_db(transaction=True)
def test_an_employer_sees_and_withdraws_an_organisations_agreement(
    page, axe, mailoutbox, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(
        name="Newcastle Independent Living", areas=["Newcastle upon Tyne"]
    )
    staff = make_staff(
        organisation=organisation,
        role=Membership.StaffRole.MEMBER,
        email="val@example.org",
        full_name="Val Checker",
    )
    amira = UserFactory(email="amira@example.org", full_name="Amira Khan", roles=[Role.EMPLOYER])
    with django_capture_on_commit_callbacks(execute=True):
        help_consent_record(
            employer=amira,
            organisation=organisation,
            by=staff,
            how_given="In person at the drop-in on 3 March.",
        )

    # Given Amira follows the link in the email she was sent
    link = path_of(last_link_sent_to("amira@example.org", "#consents"))
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto(link)
    axe.check(page, "my account with an agreement")

    # Then she sees who can help her, who recorded it and how she agreed
    section = page.locator(".govuk-summary-card", has_text="Newcastle Independent Living")
    expect(section).to_contain_text("Can help you")
    expect(section).to_contain_text("Val Checker")
    expect(section).to_contain_text("In person at the drop-in on 3 March.")

    # When she withdraws it, confirming first
    section.get_by_role("link", name=re.compile("Withdraw")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Are you sure")
    axe.check(page, "withdraw confirmation")
    page.get_by_role("button", name="Withdraw my agreement").click()

    # Then it is withdrawn at once, and her account says so
    expect(page.locator(".govuk-notification-banner")).to_contain_text("can no longer act for you")
    expect(section).to_contain_text("Withdrawn")
    expect(section.get_by_role("link", name=re.compile("Withdraw"))).to_have_count(0)
    axe.check(page, "my account after withdrawing")
    assert OrganisationConsent.objects.get().withdrawn_at is not None

    # And the privacy notice links to how long each kind of information is kept
    page.goto("/privacy/")
    page.get_by_role("link", name=re.compile("how long we keep each kind")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How long we keep information")
    axe.check(page, "retention page")
