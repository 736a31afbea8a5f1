"""Given PA Hub's library with its shared guidance: Jordan, a PA, searches it for "car
insurance", opens the guidance on driving his employer in his own car and its print view.
Then Gail, Gateshead Council's staff member with two-factor, adds guidance local to Gateshead,
previewing it first (and being told what is missing when she leaves a field out). Then Grace,
an employer who lives in Gateshead, finds it in the library marked "Local to Gateshead".
Every page has an empty axe scan.
"""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Role
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    UserFactory,
    make_council,
    make_staff,
)

LOCAL_TITLE = "Gateshead: the council pays for your PA's DBS check"


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_a_pa_finds_driving_guidance_and_council_staff_add_local_guidance(page, axe, live_server):
    council = make_council("Gateshead Council", "Gateshead")
    make_staff(
        organisation=council,
        role=Membership.StaffRole.ADMIN,
        email="gail@gateshead.example.gov.uk",
        full_name="Gail Brown",
        postcode="NE8 1HH",
    )
    UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    UserFactory(
        email="grace@example.org",
        full_name="Grace Hall",
        postcode="NE8 1HH",
        roles=[Role.EMPLOYER],
    )

    # Given Jordan, a PA, signs in and opens the library from the footer
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.get_by_role("link", name="Library of guidance").click()
    expect_heading(page, "Library of guidance and templates")
    axe.check(page, "library")

    # When he searches for car insurance
    page.get_by_label("Search the library").fill("car insurance")
    page.get_by_role("button", name="Search").click()
    result = page.get_by_role("article").first
    expect(result).to_contain_text("Driving your employer in your own car")
    axe.check(page, "library search results")

    # Then the driving guidance tells him about business use, with its sources
    page.get_by_role("link", name="Driving your employer in your own car").click()
    expect_heading(page, "Driving your employer in your own car")
    expect(
        page.get_by_role("heading", name="Your car insurance must cover business use")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Vehicle insurance (GOV.UK)")).to_be_visible()
    axe.check(page, "driving guidance")

    # And its print view has the same text without the page's links
    page.get_by_role("link", name="Print this guidance").click()
    expect_heading(page, "Driving your employer in your own car")
    expect(page.get_by_text("To print, use your browser")).to_be_visible()
    axe.check(page, "driving guidance, print view")
    sign_out(page)

    # Given Gail, Gateshead Council's staff, signs in with her second factor
    sign_in(page, email="gail@gateshead.example.gov.uk", password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page.goto("/staff/")
    page.get_by_role("link", name="Change the library").click()
    expect_heading(page, "Change the library")
    axe.check(page, "change the library")

    # When she starts guidance for Gateshead and previews it without a summary
    page.get_by_role("link", name="Add guidance or a template for Gateshead").click()
    expect_heading(page, "Add guidance for Gateshead")
    axe.check(page, "add local guidance")
    page.get_by_label("Title").fill(LOCAL_TITLE)
    page.get_by_label("Employers").check()
    page.get_by_label("PAs").check()
    page.get_by_label("Topics (optional)").fill("dbs, direct-payments")
    page.get_by_label("Text", exact=True).fill(
        "## Who pays\n\nGateshead Council pays the DBS fee for a PA paid by a direct payment."
    )
    page.get_by_role("button", name="Preview").click()

    # Then she is told what is missing, and what she typed is kept
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a one-sentence summary")
    expect(page.get_by_label("Title")).to_have_value(LOCAL_TITLE)
    axe.check(page, "add local guidance, with an error")

    # When she adds the summary and previews again
    page.get_by_label("Summary").fill(
        "Gateshead Council pays for the enhanced DBS check of a PA paid by a direct payment."
    )
    page.get_by_role("button", name="Preview").click()
    preview = page.get_by_role("region", name="Preview")
    expect(preview).to_contain_text("Gateshead Council pays the DBS fee")
    axe.check(page, "add local guidance, preview")

    # And publishes it
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Version 1 published")
    expect_heading(page, LOCAL_TITLE)
    axe.check(page, "local guidance, published")
    sign_out(page)

    # Then Grace, an employer in Gateshead, sees it in the library marked local
    sign_in(page, email="grace@example.org", password=PASSWORD)
    page.goto("/library/?q=DBS")
    local = page.get_by_role("article").filter(has_text=LOCAL_TITLE)
    expect(local).to_contain_text("Local to Gateshead")
    axe.check(page, "library search, with local guidance")
    local.get_by_role("link", name=LOCAL_TITLE).click()
    expect(page.get_by_text("Local to Gateshead").first).to_be_visible()
    axe.check(page, "local guidance, read by an employer")

    axe.assert_clean()
