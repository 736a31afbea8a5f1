"""Given Newcastle City Council's commissioner Aisha, who reads insights and has two-factor set
up, and a register with three PAs in Walker (NE6) and seven in Fenham (NE4), refreshed into
the insights figures: Aisha opens insights, the workforce dashboard, filters it to Newcastle,
sees "fewer than 5" where three PAs would be, downloads the table of PAs by postcode district
as CSV (small numbers hidden there too) and opens the monthly report. Every page has an empty
axe scan."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Role
from pahub.insights import summaries
from pahub.register.models import PAProfile
from tests.e2e.helpers import sign_in, totp_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    UserFactory,
    local_authority,
    make_council,
    make_staff,
)


def register_pas(postcode: str, count: int, start: int) -> None:
    for number in range(start, start + count):
        user = UserFactory(email=f"pa{number}@example.org", postcode=postcode, roles=[Role.PA])
        PAProfile.objects.create(user=user, display_name=f"PA {number}")


@pytest.mark.django_db(transaction=True)
def test_a_commissioner_reads_the_workforce_dashboard_and_downloads_a_table(page, axe):
    council = make_council("Newcastle City Council", "Newcastle upon Tyne")
    commissioner = make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="aisha@newcastle.example.org",
        full_name="Aisha Begum",
    )
    Membership.objects.filter(user=commissioner).update(views_insights=True)
    register_pas("NE6 2AB", 3, start=1)
    register_pas("NE4 5PL", 7, start=10)
    summaries.refresh()
    newcastle = local_authority("Newcastle upon Tyne")

    # Given Aisha signs in with her password and authenticator code
    sign_in(page, email="aisha@newcastle.example.org", password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()

    # When she opens insights from the staff area
    page.goto("/staff/")
    axe.check(page, "the staff area")
    page.get_by_role("link", name="Insights for your council's areas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
    axe.check(page, "insights home")

    # And the workforce dashboard, filtered to Newcastle
    page.get_by_role("link", name=re.compile("^Workforce")).first.click()
    axe.check(page, "the workforce dashboard")
    page.get_by_label("Area").select_option(newcastle.pk)
    page.get_by_role("button", name="Show figures").click()
    expect(page.locator("main")).to_contain_text("Showing Newcastle upon Tyne")
    axe.check(page, "the workforce dashboard for Newcastle")

    # Then Walker's three PAs show as "fewer than 5", in the table and the chart
    district_table = page.locator("section#registered-by-district")
    expect(district_table.get_by_role("row", name=re.compile("^NE6"))).to_contain_text(
        "fewer than 5"
    )
    # (and Fenham's seven are hidden too, or the total of ten would give Walker's three away)
    expect(district_table.get_by_role("row", name=re.compile("^NE4"))).to_contain_text("hidden")
    expect(district_table.get_by_role("img").first).to_be_visible()

    # And the CSV of that table hides them too, and says what it counts
    with page.expect_download() as download_info:
        district_table.get_by_role(
            "link", name="CSV file of Registered PAs by postcode district"
        ).click()
    download = download_info.value
    assert download.suggested_filename.startswith("workforce-registered-by-district-")
    content = Path(download.path()).read_text(encoding="utf-8")
    assert "fewer than 5" in content
    assert "Newcastle upon Tyne" in content
    assert ",3," not in content

    # And she opens this month's report from the insights home page
    page.get_by_role("link", name="Back to insights").click()
    page.get_by_role("link", name=re.compile("^Report for")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Insights report for")
    expect(page.locator("main")).to_contain_text("Registered PAs by postcode district")
    axe.check(page, "the monthly report")
    axe.assert_clean()
