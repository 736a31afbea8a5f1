"""Given Gateshead Disabled People's Forum, a user-led organisation on PA Hub whose staff
member Una has two-factor set up, with an approved directory entry for its advice line: Una
changes the entry (first typing an opening time PA Hub cannot read), saying the service now
runs a peer support group at its Gateshead office; then Jordan, a PA, finds it in the
directory by that need within 5 miles of NE9 and opens it. Every page has an empty axe scan.
"""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Organisation, Role
from pahub.directory.models import Need, Service
from pahub.directory.queries import area_choices
from tests.directory.conftest import make_entry, make_service
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import PASSWORD, TOTP_SECRET, OrganisationFactory, UserFactory, make_staff

FORUM = "Gateshead Disabled People's Forum"


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_a_ulo_edits_its_entry_and_a_pa_finds_it_by_need_and_distance(page, axe, live_server):
    forum = OrganisationFactory(name=FORUM, kind=Organisation.Kind.USER_LED, areas=["Gateshead"])
    make_staff(
        organisation=forum,
        role=Membership.StaffRole.ADMIN,
        email="una@gateshead-forum.example.org",
        full_name="Una Walker",
    )
    entry = make_entry(forum, name=FORUM)
    service = make_service(
        entry,
        name="Gateshead employers' advice line",
        needs=[Need.EMPLOYING_ADVICE],
        areas=list(area_choices().filter(name="Gateshead")),
        location=None,
    )
    UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE9 5AA", roles=[Role.PA]
    )

    # Given Una signs in with her second factor and opens her directory entry
    sign_in(page, email="una@gateshead-forum.example.org", password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page.goto("/directory/manage/")
    expect_heading(page, "Your directory entry")
    axe.check(page, "manage directory entry")

    # When she changes the service, adding peer support at the Gateshead office
    page.get_by_role("link", name="Change Gateshead employers' advice line").click()
    expect_heading(page, "Change the service")
    axe.check(page, "change a service")
    page.get_by_label("Peer support and advocacy").check()
    page.get_by_label("Street address (optional)").fill("5 Example Lane")
    page.get_by_label("Town or city (optional)").fill("Gateshead")
    page.get_by_label("Postcode or postcode district").fill("NE8 1HH")
    page.get_by_label("Thursday opens").fill("teatime")
    page.get_by_label("Thursday closes").fill("16:00")
    page.get_by_role("button", name="Save").click()

    # Then PA Hub cannot read the opening time, says so beside it and keeps what she typed
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a time of day")
    expect(page.get_by_label("Postcode or postcode district")).to_have_value("NE8 1HH")
    expect(page.get_by_label("Thursday opens")).to_have_value("teatime")
    axe.check(page, "change a service, with an error")

    # When she corrects it
    page.get_by_label("Thursday opens").fill("1pm")
    page.get_by_role("button", name="Save").click()

    # Then the service page shows the new details, still listed
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Service saved")
    expect(page.get_by_text("5 Example Lane")).to_be_visible()
    expect(page.get_by_text("Thursday: 1:00 p.m. to 4:00 p.m.")).to_be_visible()
    axe.check(page, "service page (staff)")
    service.refresh_from_db()
    assert service.status == Service.Status.APPROVED
    sign_out(page)

    # When Jordan, a PA, signs in and finds the directory from the footer
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.get_by_role("link", name="Directory of support").click()
    expect_heading(page, "Directory of support and services")
    axe.check(page, "directory search")

    # And searches for peer support within 5 miles of NE9
    page.get_by_label("What do you need help with?").select_option(
        label="Peer support and advocacy"
    )
    page.get_by_label("Near a postcode or postcode district").fill("NE9")
    page.get_by_label("Distance in miles").fill("5")
    page.get_by_role("button", name="Search").click()

    # Then the forum's service is listed with how far it is
    result = page.get_by_role("article").filter(has_text="Gateshead employers' advice line")
    expect(result).to_contain_text("miles from NE9")
    expect(result).to_contain_text(FORUM)
    axe.check(page, "directory search results")

    # And its page tells him how to reach it
    page.get_by_role("link", name="Gateshead employers' advice line").click()
    expect_heading(page, "Gateshead employers' advice line")
    expect(page.get_by_text("Peer support and advocacy")).to_be_visible()
    axe.check(page, "directory service page")

    axe.assert_clean()
