"""The insights pages: home, a dashboard with its filter, downloads and the monthly report."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import make_staff

pytestmark = pytest.mark.usefixtures("test_dashboards")

HOME = reverse("insights:home")
DASHBOARD = reverse("insights:dashboard", args=["people"])
CSV = reverse("insights:download_csv", args=["people", "people"])
XLSX = reverse("insights:download_xlsx", args=["people", "people"])
REPORT = reverse("insights:report", args=["2026-03"])
EVERY_PAGE = [HOME, DASHBOARD, CSV, XLSX, REPORT]


@pytest.mark.parametrize("url", EVERY_PAGE)
def test_logged_out_people_are_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("who", ["employer", "pa", "verifier", "council_colleague", "admin"])
@pytest.mark.parametrize("url", EVERY_PAGE)
def test_anyone_who_does_not_read_insights_is_refused(request, client_for, who, url):
    client = client_for(request.getfixturevalue(who))

    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", [DASHBOARD, CSV, XLSX, REPORT])
def test_another_councils_area_is_not_found(client_for, durham_commissioner, newcastle, url):
    response = client_for(durham_commissioner).get(url, {"area": newcastle.pk})

    assert response.status_code == 404


def test_a_commissioner_without_two_factor_is_sent_to_set_it_up(client_for, council):
    from pahub.accounts.models import Membership

    user = make_staff(organisation=council, two_factor=False, email="new@newcastle.example.org")
    Membership.objects.filter(user=user).update(views_insights=True)

    response = client_for(user).get(DASHBOARD)

    assert response.status_code == 302
    assert reverse("mfa_activate_totp") in response["Location"]


def test_the_home_page_lists_the_dashboards_and_monthly_reports(client_for, commissioner):
    page = client_for(commissioner).get(HOME).content.decode()

    assert "People" in page
    assert "How many people are on the register, by level." in page
    assert reverse("insights:dashboard", args=["other"]) in page
    assert "Report for " in page
    assert "have not been made yet" in page


def test_a_dashboard_shows_each_table_with_its_definition_chart_and_small_numbers_hidden(
    client_for, commissioner, newcastle
):
    page = client_for(commissioner).get(DASHBOARD).content.decode()

    assert "People by level" in page
    assert "People on the register on the day of the last refresh, by level." in page
    assert "fewer than 5" in page
    assert 'role="img"' in page
    assert "<title id=" in page
    assert 'scope="col"' in page and 'scope="row"' in page
    assert "A person counts once, at their highest level." in page
    assert f"{CSV}" in page
    # Hours are not people: 2 hours is shown as it is.
    assert "These figures are not counts of people" in page


def test_a_dashboard_can_be_filtered_to_one_council_and_dates(client_for, commissioner, newcastle):
    response = client_for(commissioner).get(
        DASHBOARD,
        {
            "area": newcastle.pk,
            "from_day": "1",
            "from_month": "2",
            "from_year": "2026",
            "to_day": "31",
            "to_month": "3",
            "to_year": "2026",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "1 February 2026 to 31 March 2026" in page
    assert "Newcastle upon Tyne" in page
    # The download links carry the same filter.
    assert "from_month=2" in page


def test_bad_dates_are_refused_beside_the_field_and_kept(client_for, commissioner):
    response = client_for(commissioner).get(
        DASHBOARD,
        {
            "from_day": "31",
            "from_month": "2",
            "from_year": "2026",
            "to_day": "1",
            "to_month": "1",
            "to_year": "2025",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter a real date" in page
    assert 'value="31"' in page
    assert "People by level" not in page


def test_a_from_date_after_the_to_date_is_refused(client_for, commissioner):
    response = client_for(commissioner).get(
        DASHBOARD,
        {
            "from_day": "1",
            "from_month": "6",
            "from_year": "2026",
            "to_day": "1",
            "to_month": "1",
            "to_year": "2026",
        },
    )

    assert "The date to must be the same as or after the date from" in response.content.decode()


def test_an_unknown_dashboard_or_table_is_not_found(client_for, commissioner):
    client = client_for(commissioner)

    assert client.get(reverse("insights:dashboard", args=["nothing"])).status_code == 404
    assert client.get(reverse("insights:download_csv", args=["people", "no"])).status_code == 404


def test_the_csv_says_what_it_is_and_hides_small_numbers(client_for, commissioner, newcastle):
    response = client_for(commissioner).get(CSV, {"area": newcastle.pk})

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    assert lines[0] == ["People by level"]
    assert lines[1][0] == "What it counts"
    assert lines[2] == ["Areas", "Newcastle upon Tyne"]
    assert lines[3][0] == "Dates"
    assert "fewer than 5" in lines[4][1]
    assert ["Local authority", "Level 1", "Level 2", "Level 3", "Total"] in lines
    assert [newcastle.pk, "fewer than 5", "hidden", "0", "15"] in lines


def test_the_xlsx_holds_the_same_lines(client_for, commissioner, newcastle):
    response = client_for(commissioner).get(XLSX, {"area": newcastle.pk})

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "People by level"
    assert [newcastle.pk, "fewer than 5", "hidden", 0, 15] in rows


def test_the_monthly_report_has_every_dashboard_for_the_month(client_for, commissioner):
    page = client_for(commissioner).get(REPORT).content.decode()

    assert "Insights report for March 2026" in page
    assert "1 March 2026 to 31 March 2026" in page
    assert "People by level" in page
    assert "Other things" in page


def test_a_month_that_does_not_exist_is_not_found(client_for, commissioner):
    for month in ["2026-13", "2026-3", "march"]:
        url = reverse("insights:report", args=[month])
        assert client_for(commissioner).get(url).status_code == 404


def test_the_dashboard_query_count_does_not_grow_with_areas(
    client_for, commissioner, django_assert_max_num_queries
):
    client = client_for(commissioner)
    client.get(DASHBOARD)

    # Session, user, memberships and areas, the filter's choices, when the facts were last
    # refreshed, and the suppressed tables from the cache (the stand-in dashboard itself makes
    # no queries; a real one's are saved by the cache).
    with django_assert_max_num_queries(14):
        client.get(DASHBOARD)
