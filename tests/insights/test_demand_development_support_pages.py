"""The demand and supply, development and support dashboards through the insights pages: a
commissioner sees every table with its definition, "not available" for a median of too few,
small counts hidden, and can download a table; the page takes a bounded number of queries."""

import pytest
from django.urls import reverse

from pahub.insights import summaries
from pahub.insights.dashboard import dashboard_for
from tests.factories import make_job
from tests.insights.dashboard_helpers import scope_of

SLUGS = ["demand-and-supply", "development", "support"]


@pytest.fixture
def refreshed(employer_profile):
    make_job(employer_profile.user)
    make_job(employer_profile.user, kind="cover")
    summaries.refresh(["demand", "development", "support"])


@pytest.mark.parametrize("slug", SLUGS)
def test_a_commissioner_sees_every_table_with_its_definition(
    client_for, commissioner, refreshed, slug, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60):
        response = client_for(commissioner).get(reverse("insights:dashboard", args=[slug]))

    assert response.status_code == 200
    page = response.content.decode()
    for table in dashboard_for(slug).tables(scope_of("Newcastle upon Tyne")):
        assert table.title in page
        assert f'id="{table.key}"' in page or f"#{table.key}" in page


def test_a_median_of_too_few_shows_as_not_available(client_for, commissioner, refreshed):
    page = (
        client_for(commissioner)
        .get(reverse("insights:dashboard", args=["demand-and-supply"]))
        .content.decode()
    )

    assert "Open vacancies by council and kind" in page
    assert "not available" in page


def test_a_table_downloads_as_csv(client_for, commissioner, refreshed):
    response = client_for(commissioner).get(
        reverse("insights:download_csv", args=["demand-and-supply", "open-vacancies"])
    )

    assert response.status_code == 200
    body = b"".join(response.streaming_content if response.streaming else [response.content])
    assert "Open vacancies by council and kind" in body.decode()


@pytest.mark.parametrize("slug", SLUGS)
def test_people_who_do_not_read_insights_are_refused(client_for, employer, pa, slug):
    assert client_for(employer).get(reverse("insights:dashboard", args=[slug])).status_code == 403
    assert client_for(pa).get(reverse("insights:dashboard", args=[slug])).status_code == 403
