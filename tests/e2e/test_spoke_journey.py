"""Given Newcastle upon Tyne's published spoke and a support organisation serving Newcastle:
Amira, an employer in Newcastle, opens her spoke from the header's help bar and sees who to
call; then Nadia, staff of Newcastle City Council with two-factor, opens the page from the
staff area, changes the draft (first with an email address PA Hub cannot use), previews it,
publishes it and adds a piece of news; and the public page shows both. Every page has an
empty axe scan.
"""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Role
from pahub.directory.models import Service
from pahub.places.models import LocalAuthority
from pahub.spokes import services
from tests.directory.conftest import make_entry, make_service
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    UserFactory,
    make_council,
    make_staff,
)


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_an_employer_finds_who_to_call_and_council_staff_publish_news(page, axe, live_server):
    newcastle = LocalAuthority.objects.get(name="Newcastle upon Tyne")
    council = make_council("Newcastle City Council", "Newcastle upon Tyne")
    nadia = make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="nadia@newcastle-council.example.org",
        full_name="Nadia Ellis",
    )
    services.spoke_draft_update(
        local_authority=newcastle,
        by=nadia,
        values=services.ContentInput(
            intro="Start here if you use a direct payment in Newcastle.",
            team_name="Direct Payments Team",
            team_phone="0191 498 0123",
            team_hours="Monday to Friday, 9am to 5pm",
        ),
    )
    services.spoke_publish(local_authority=newcastle, by=nadia)
    agency = make_entry(None, name="Tyneside Independent Living")
    make_service(agency, kind=Service.Kind.SUPPORT_AGENCY, phone="0191 498 0456")
    UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )

    # Given Amira, an employer in Newcastle, signs in
    sign_in(page, email="amira@example.org", password=PASSWORD)
    help_bar = page.get_by_role("complementary", name="Get help")
    expect(help_bar).to_contain_text("Your local support is Tyneside Independent Living")
    axe.check(page, "after signing in, with the local help bar")

    # When she follows the help bar to her area's page
    help_bar.get_by_role("link", name="Help in Newcastle upon Tyne").click()

    # Then she sees it is her area, and who to call
    expect_heading(page, "Newcastle upon Tyne")
    expect(page.get_by_text("Your area").first).to_be_visible()
    expect(page.get_by_text("If someone is in danger now, call 999.")).to_be_visible()
    expect(page.get_by_role("link", name="0191 498 0123")).to_have_attribute(
        "href", "tel:01914980123"
    )
    expect(page.get_by_role("link", name="Tyneside Independent Living")).to_be_visible()
    axe.check(page, "spoke page")

    # And the list of every area, with find your area
    page.get_by_role("link", name="Other council areas").click()
    expect_heading(page, "Help in your area")
    page.get_by_label("Postcode or postcode district").fill("LS1")
    page.get_by_role("button", name="Find your area").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Leeds")
    expect(page.get_by_label("Postcode or postcode district")).to_have_value("LS1")
    axe.check(page, "areas list, with an error")
    sign_out(page)

    # Given Nadia signs in with her second factor and opens the staff area
    sign_in(page, email="nadia@newcastle-council.example.org", password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page.goto("/staff/")
    axe.check(page, "staff area")
    page.get_by_role("link", name="Edit your council's page on PA Hub").click()
    expect_heading(page, "Edit your council's page")
    axe.check(page, "manage spoke")

    # When she changes the team, first with an email address PA Hub cannot use
    page.get_by_role("link", name="Change the introduction and team").click()
    expect_heading(page, "Change the introduction and team")
    axe.check(page, "edit the draft")
    page.get_by_label("Team name").fill("Adult Social Care Direct Payments Team")
    page.get_by_label("Email address").fill("direct payments at newcastle")
    page.get_by_role("button", name="Save the draft").click()

    # Then the mistake is explained by the field and what she typed is kept
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter an email address")
    expect(page.get_by_label("Team name")).to_have_value("Adult Social Care Direct Payments Team")
    axe.check(page, "edit the draft, with an error")
    page.get_by_label("Email address").fill("direct.payments@newcastle-council.example.org")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft saved")

    # And the preview shows the draft as the public page would
    page.get_by_role("link", name="Preview the draft").click()
    expect(page.get_by_text("This is your draft")).to_be_visible()
    expect(page.get_by_text("Adult Social Care Direct Payments Team")).to_be_visible()
    axe.check(page, "preview")
    page.get_by_role("button", name="Publish this draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Published")

    # When she adds a piece of news and shows it now
    page.get_by_role("link", name="Add a news item").click()
    expect_heading(page, "Add a news item")
    axe.check(page, "add news")
    page.get_by_label("Title").fill("PA employers' coffee morning")
    page.get_by_label("The news").fill("Meet other people who employ their own PAs.")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("shown on the public page")
    axe.check(page, "manage spoke, with news")

    # Then the public page shows the published team and the news
    page.get_by_role("link", name="See the public page").click()
    expect(page.get_by_text("Adult Social Care Direct Payments Team")).to_be_visible()
    expect(page.get_by_role("heading", name="PA employers' coffee morning")).to_be_visible()
    axe.check(page, "spoke page, after publishing")

    axe.assert_clean()
