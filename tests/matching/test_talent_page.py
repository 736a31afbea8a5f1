"""/matches/talent/: the employer's talent search, a GET form that works without JavaScript."""

from urllib.parse import parse_qs

import pytest
from django.http import QueryDict
from django.urls import reverse

from pahub.matching.filters import TalentFilters
from pahub.matching.presenters import optional_url
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


def test_the_times_chosen_rank_pas_and_show_as_ticked(client_for, employer, jordan):
    page = (
        client_for(employer)
        .get(URL, {"outcode": "NE1", "availability": ["saturday_afternoon"]})
        .content.decode()
    )

    assert "Free for all 5 hours" in page
    assert 'value="saturday_afternoon" checked' in page


def test_the_count_says_when_only_the_best_are_shown(client_for, employer, monkeypatch):
    monkeypatch.setattr("pahub.matching.views.TALENT_LIMIT", 2)
    for number in range(3):
        make_pa(name=f"PA {number}")

    page = client_for(employer).get(URL, {"outcode": "NE1"}).content.decode()

    assert "3 PAs found" in page
    assert "showing the best 2" in page
    assert page.count("pahub-match ") == 2


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
    for number in range(20):
        make_pa(name=f"More {number}", level=number % 5)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"outcode": "NE1"})

    assert response.content.decode().count("pahub-match ") == 21


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
