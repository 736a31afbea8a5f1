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
from tests.e2e.helpers import (
    assert_focus_is_visible,
    sign_in,
    sign_in_by_keyboard,
    tab_to,
    totp_code,
)
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


def given_aisha_and_the_register():
    """Aisha, Newcastle's commissioner, and three PAs in Walker and seven in Fenham, refreshed
    into the insights figures. Returns Newcastle's local authority."""
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
    return local_authority("Newcastle upon Tyne")


def assert_the_csv_hides_small_numbers(download) -> None:
    assert download.suggested_filename.startswith("workforce-registered-by-district-")
    content = Path(download.path()).read_text(encoding="utf-8")
    assert "fewer than 5" in content
    assert "Newcastle upon Tyne" in content
    assert ",3," not in content


@pytest.mark.django_db(transaction=True)
def test_a_commissioner_reads_the_workforce_dashboard_and_downloads_a_table(page, axe):
    newcastle = given_aisha_and_the_register()

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
    assert_the_csv_hides_small_numbers(download_info.value)

    # And she opens this month's report from the insights home page
    page.get_by_role("link", name="Back to insights").click()
    page.get_by_role("link", name=re.compile("^Report for")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Insights report for")
    expect(page.locator("main")).to_contain_text("Registered PAs by postcode district")
    axe.check(page, "the monthly report")
    axe.assert_clean()


@pytest.mark.django_db(transaction=True)
def test_a_commissioner_does_the_same_with_only_a_keyboard(page, axe):
    given_aisha_and_the_register()

    # Given Aisha signs in and opens insights from the staff area, Tab by Tab
    sign_in_by_keyboard(
        page, email="aisha@newcastle.example.org", password=PASSWORD, totp_secret=TOTP_SECRET
    )
    page.goto("/staff/")
    tab_to(page, "Insights for your council's areas")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
    axe.check(page, "insights home, by keyboard")
    tab_to(page, re.compile("^Workforce"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Workforce")
    axe.check(page, "the workforce dashboard, by keyboard")

    # When she chooses Newcastle by typing its name into the closed list, and a "to" date
    # before the "from" date
    tab_to(page, "Area")
    page.keyboard.type("Newcastle")
    expect(page.get_by_label("Area")).to_have_value(str(local_authority("Newcastle upon Tyne").pk))
    to_year = page.locator("fieldset", has_text="To").get_by_label("Year")
    right_year = to_year.input_value()
    tab_to(page, "Year")  # the "from" year
    tab_to(page, "Year")  # the "to" year
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("2000")
    tab_to(page, "Show figures")
    page.keyboard.press("Enter")

    # Then the error summary takes the focus, and its link takes her to the "to" date
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    assert_focus_is_visible(page)
    axe.check(page, "the workforce dashboard with an error, by keyboard")
    tab_to(page, "The date to must be the same as or after the date from")
    page.keyboard.press("Enter")
    expect(page.locator("fieldset", has_text="To").get_by_label("Day")).to_be_focused()
    assert_focus_is_visible(page)

    # When she puts the year right and shows the figures
    tab_to(page, "Year")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(right_year)
    tab_to(page, "Show figures")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Showing Newcastle upon Tyne")
    axe.check(page, "the workforce dashboard for Newcastle, by keyboard")

    # Then Walker's three PAs show as "fewer than 5", and the CSV link downloads with Enter
    district_table = page.locator("section#registered-by-district")
    expect(district_table.get_by_role("row", name=re.compile("^NE6"))).to_contain_text(
        "fewer than 5"
    )
    tab_to(page, "CSV file of Registered PAs by postcode district")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    assert_the_csv_hides_small_numbers(download_info.value)

    # And she goes back up the page with Shift+Tab to the back link, then to this month's report
    tab_to(page, "Back to insights", backwards=True)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
    tab_to(page, re.compile("^Report for"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Insights report for")
    axe.check(page, "the monthly report, by keyboard")
