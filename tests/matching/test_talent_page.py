"""/matches/talent/: the employer's talent search, a GET form that works without JavaScript."""

from urllib.parse import parse_qs

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pahub.matching.engine import search_talent
from pahub.matching.filters import TalentFilters
from pahub.matching.presenters import optional_url
from pahub.matching.views import TALENT_PAGE_SIZE
from tests.factories import make_staff
from tests.matching.conftest import make_pa

pytestmark = pytest.mark.django_db

URL = reverse("matching:talent")


# Who may search


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "outsider"])
def test_pas_cannot_search_the_talent_pool(client_for, request, person):
    assert client_for(request.getfixturevalue(person)).get(URL).status_code == 403


@pytest.mark.parametrize("person", ["employer", "representative", "org_admin", "admin"])
def test_employers_representatives_and_staff_can(client_for, request, person):
    assert client_for(request.getfixturevalue(person)).get(URL).status_code == 200


def test_staff_without_two_factor_are_sent_to_set_it_up(client_for, organisation):
    staff = make_staff(organisation=organisation, email="no2fa@example.org", two_factor=False)

    response = client_for(staff).get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


# Searching


def test_the_first_visit_searches_near_the_employer(client_for, employer_profile, jordan):
    page = client_for(employer_profile.user).get(URL).content.decode()

    assert 'value="NE1"' in page
    assert "1 PA found" in page
    assert "Jordan" in page


def test_a_search_without_a_distance_shows_the_distance_it_used(client_for, employer, jordan):
    page = client_for(employer).get(URL, {"outcode": "NE1", "miles": ""}).content.decode()

    assert 'name="miles" value="10"' in page
    assert "Within 10 miles of NE1" in page


def test_filters_narrow_the_results_and_explain_each_one(client_for, employer, jordan):
    make_pa(name="Sam", skills=("mobility.hoist",), postcode="NE2 1AA")

    page = (
        client_for(employer)
        .get(URL, {"outcode": "ne1", "miles": "5", "skills": ["mobility.hoist"]})
        .content.decode()
    )

    assert "1 PA found" in page
    assert "Sam" in page
    assert "Jordan" not in page
    assert "NE2, 1 mile away" in page
    assert "out of 100" in page


SKIP_TO_RESULTS = '<a class="govuk-link" href="#results">Skip to the results'


def test_a_link_skips_the_form_to_the_results_it_found(client_for, employer, jordan):
    client = client_for(employer)
    found = client.get(URL, {"outcode": "NE1", "skills": ["personal_care.dressing"]})
    none = client.get(URL, {"outcode": "NE1", "skills": ["mobility.hoist"]})
    wrong = client.get(URL, {"outcode": "NE1", "min_level": "9"})

    assert f"{SKIP_TO_RESULTS} (1 PA found)</a>" in found.content.decode()
    assert 'id="results" tabindex="-1"' in found.content.decode()
    assert f"{SKIP_TO_RESULTS} (no PAs found)</a>" in none.content.decode()
    # A search with an error has no results to skip to.
    assert SKIP_TO_RESULTS not in wrong.content.decode()


def test_the_times_chosen_rank_pas_and_show_as_ticked(client_for, employer, jordan):
    page = (
        client_for(employer)
        .get(URL, {"outcode": "NE1", "availability": ["saturday_afternoon"]})
        .content.decode()
    )

    assert "Free for all 5 hours" in page
    assert 'value="saturday_afternoon" checked' in page


def cards_on(page: str) -> list[str]:
    """The names on a page's cards, in order."""
    return [
        chunk.split("</a>")[0].rsplit(">", 1)[1]
        for chunk in page.split('<span class="govuk-visually-hidden">Number ')[1:]
    ]


def numbers_on(page: str) -> list[int]:
    return [
        int(chunk.split(":")[0])
        for chunk in page.split('<span class="govuk-visually-hidden">Number ')[1:]
    ]


@pytest.fixture
def five_pas_two_a_page(monkeypatch):
    monkeypatch.setattr("pahub.matching.views.TALENT_PAGE_SIZE", 2)
    for number in range(5):
        make_pa(name=f"PA{number}", level=number % 3)


def test_results_come_a_page_at_a_time_best_first(client_for, employer, five_pas_two_a_page):
    client = client_for(employer)
    pages = [
        client.get(URL, {"outcode": "NE1", "page": number}).content.decode() for number in (1, 2, 3)
    ]

    everyone = search_talent(viewer=employer, filters=TalentFilters(outcode="NE1"))
    assert [name for page in pages for name in cards_on(page)] == [
        result.profile.display_name or result.profile.user.full_name.split()[0]
        for result in everyone
    ]
    assert [numbers_on(page) for page in pages] == [[1, 2], [3, 4], [5]]
    assert all("5 PAs found" in page for page in pages)
    assert "Showing 3 to 4 of 5" in pages[1]
    assert 'start="3"' in pages[1]
    assert 'aria-label="Pages of PAs"' in pages[0]
    # The links keep the search and change only the page.
    assert 'href="?outcode=NE1&amp;page=2" rel="next"' in pages[0]


def test_later_pages_of_the_first_visit_stay_near_the_employer(
    client_for, employer_profile, five_pas_two_a_page
):
    client = client_for(employer_profile.user)

    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": "2"}).content.decode()

    assert 'href="?page=2" rel="next"' in first
    assert "There is a problem" not in second
    assert numbers_on(second) == [3, 4]
    assert "Clear filters" not in second


@pytest.mark.parametrize(("asked", "shown"), [("nine", [1, 2]), ("-1", [1, 2]), ("99", [5])])
def test_a_page_that_is_not_there_shows_the_first_or_the_last(
    client_for, employer, five_pas_two_a_page, asked, shown
):
    response = client_for(employer).get(URL, {"outcode": "NE1", "page": asked})

    assert response.status_code == 200
    assert numbers_on(response.content.decode()) == shown


def test_only_the_best_can_be_paged_through(client_for, employer, five_pas_two_a_page, monkeypatch):
    monkeypatch.setattr("pahub.matching.engine.MAX_LIMIT", 4)
    client = client_for(employer)

    last = client.get(URL, {"outcode": "NE1", "page": "2"}).content.decode()
    beyond = client.get(URL, {"outcode": "NE1", "page": "3"}).content.decode()

    assert "5 PAs found" in last
    assert "You can look through the best 4: add filters to narrow your search" in last
    assert "Showing 3 to 4 of the best 4" in last
    assert 'rel="next"' not in last
    assert numbers_on(beyond) == [3, 4]


@pytest.mark.parametrize(
    ("params", "message", "kept"),
    [
        ({"outcode": "XYZ123"}, "Enter a postcode district, like NE1 or DH1", 'value="XYZ123"'),
        ({"outcode": "QQ1"}, "We do not recognise the postcode district QQ1", 'value="QQ1"'),
        ({"outcode": ""}, "Enter a postcode district, like NE1 or DH1", None),
        (
            {"outcode": "NE1", "miles": "-5"},
            "Enter a distance between 1 and 100 miles",
            'value="-5"',
        ),
        (
            {"outcode": "NE1", "miles": "500"},
            "Enter a distance between 1 and 100 miles",
            'value="500"',
        ),
        (
            {"outcode": "NE1", "miles": "ten"},
            "Enter the distance as a whole number of miles",
            'value="ten"',
        ),
        ({"outcode": "NE1", "skills": ["not.a.skill"]}, "Choose skills from the list", None),
        (
            {"outcode": "NE1", "availability": ["someday"]},
            "Choose times from the weekly grid",
            None,
        ),
        ({"outcode": "NE1", "min_level": "9"}, "Choose a level from the list", None),
    ],
)
def test_bad_filters_say_what_is_wrong_next_to_the_field_and_keep_what_was_typed(
    client_for, employer, jordan, params, message, kept
):
    response = client_for(employer).get(URL, params)
    page = response.content.decode()

    assert response.status_code == 200
    assert "There is a problem" in page
    assert message in page
    assert "govuk-error-message" in page
    if kept:
        assert kept in page
    assert "PA found" not in page


def test_save_this_search_posts_the_query_so_it_can_be_run_again(client_for, employer, jordan):
    params = {"outcode": "NE1", "miles": "7", "skills": ["personal_care.dressing"], "driver": "yes"}

    page = client_for(employer).get(URL, params).content.decode()

    save_url = optional_url("jobs:saved_search_create")
    if save_url is None:
        assert "Save this search" not in page
        return
    assert f'action="{save_url}"' in page
    assert 'name="kind" value="talent"' in page
    saved = page.split('name="query" value="')[1].split('"')[0].replace("&amp;", "&")
    rerun, errors = TalentFilters.from_query(QueryDict(saved))
    assert errors == {}
    assert rerun == TalentFilters(
        outcode="NE1", miles=7, skill_codes=("personal_care.dressing",), driver=True
    )
    assert parse_qs(saved)["outcode"] == ["NE1"]


def test_hidden_and_paused_pas_never_appear(client_for, employer):
    make_pa(name="Hidden Harriet", visibility="hidden")
    make_pa(name="Paused Pat", is_paused=True)

    page = client_for(employer).get(URL, {"outcode": "NE1"}).content.decode()

    assert "Hidden Harriet" not in page
    assert "Paused Pat" not in page
    assert "No PAs found" in page


def test_the_query_count_does_not_grow_with_the_pas_listed(
    client_for, employer, django_assert_max_num_queries
):
    client = client_for(employer)
    make_pa(name="First")
    with django_assert_max_num_queries(40) as few:
        client.get(URL, {"outcode": "NE1"})
    for number in range(TALENT_PAGE_SIZE - 1):
        make_pa(name=f"More {number}", level=number % 5)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"outcode": "NE1"})

    assert response.content.decode().count("pahub-match ") == TALENT_PAGE_SIZE


def test_how_matching_works_lists_every_part_and_its_weight(client):
    page = client.get(reverse("matching:how_matching_works")).content.decode()

    for label in (
        "Availability",
        "Distance",
        "Tasks",
        "Nice to have",
        "Shared interests",
        "Level",
        "Recent activity",
    ):
        assert label in page
    assert "early morning and morning 3 hours" in page


def test_the_search_looks_its_district_up_once(client_for, employer, jordan):
    client = client_for(employer)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(URL, {"outcode": "NE1", "miles": "10"}).content.decode()

    looked_up = [q["sql"] for q in queries.captured_queries if '"outcode" =' in q["sql"]]
    assert "1 PA found" in page
    # The form checks the district; the search uses the centroid the form found.
    assert len(looked_up) == 1, looked_up
