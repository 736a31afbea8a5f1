"""Saving a search (jobs for PAs, talent for the employer side), listing, alerts on and
off, deleting; only ever one's own."""

import pytest
from django.urls import reverse

from pahub.jobs.models import SavedSearch
from tests.factories import UserFactory, grant_representation, make_employer_profile
from tests.jobs.public.fixtures import html_of

JOB_QUERY = "where=NE1&miles=15&min_pay=13&page=2"
TALENT_QUERY = "outcode=NE1&miles=10&skills=personal_care.dressing"


def save(client, *, kind: str = "jobs", query: str = JOB_QUERY, **fields):
    return client.post(
        reverse("jobs:saved_search_create"), {"kind": kind, "query": query, **fields}
    )


@pytest.fixture
def job_search(pa) -> SavedSearch:
    return SavedSearch.objects.create(
        user=pa, kind="jobs", name="Near home", query={"where": ["NE1"]}
    )


# Who may


def test_saving_needs_a_signed_in_person(client, db):
    response = save(client)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not SavedSearch.objects.exists()


def test_the_list_needs_a_signed_in_person(client, db):
    assert client.get(reverse("jobs:saved_searches")).status_code == 302


def test_only_pas_save_job_searches(client_for, employer):
    assert save(client_for(employer)).status_code == 403
    assert not SavedSearch.objects.exists()


def test_only_the_employer_side_saves_talent_searches(client_for, pa):
    assert save(client_for(pa), kind="talent", query=TALENT_QUERY).status_code == 403


@pytest.mark.parametrize("action", ["alerts", "delete"])
def test_someone_elses_search_is_not_found(client_for, outsider, job_search, action):
    url = reverse(f"jobs:saved_search_{action}", args=[job_search.pk])

    response = client_for(outsider).post(url, {"alerts": "off"})

    assert response.status_code == 404
    job_search.refresh_from_db()
    assert job_search.alerts_enabled


def test_someone_elses_searches_are_not_listed(client_for, outsider, job_search):
    assert "Near home" not in html_of(client_for(outsider).get(reverse("jobs:saved_searches")))


# Saving


def test_a_pa_saves_a_job_search_named_from_its_filters(client_for, pa, open_job):
    response = save(client_for(pa))

    assert response.status_code == 302
    assert response.url == reverse("jobs:saved_searches")
    search = SavedSearch.objects.get()
    assert (search.user, search.kind, search.employer) == (pa, "jobs", None)
    assert search.query == {"where": ["NE1"], "miles": ["15"], "min_pay": ["13"]}
    assert search.name == "Jobs within 15 miles of NE1, at least £13.00 an hour"
    assert search.alerts_enabled
    # What it finds today counts as seen: the first digest lists only what is new.
    assert search.seen_ids == [open_job.pk]


def test_a_name_can_be_given(client_for, pa):
    save(client_for(pa), name="  Close to   home ")

    assert SavedSearch.objects.get().name == "Close to home"


def test_a_search_with_a_mistake_cannot_be_saved(client_for, pa):
    response = save(client_for(pa), query="where=banana")

    assert "This search has a mistake in it" in html_of(response)
    assert not SavedSearch.objects.exists()


def test_a_too_long_name_is_kept_with_the_error(client_for, pa):
    name = "x" * 81

    html = html_of(save(client_for(pa), name=name, confirm="yes"))

    assert "The name must be 80 characters or fewer" in html
    assert f'value="{name}"' in html
    assert not SavedSearch.objects.exists()


def test_the_jobs_page_offers_to_save_a_search(client_for, pa, open_job):
    html = html_of(client_for(pa).get(reverse("jobs:list"), {"where": "NE1"}))

    assert 'action="/jobs/saved-searches/"' in html
    assert 'name="query" value="where=NE1"' in html
    assert "Save this search" in html


def test_a_visitor_is_not_offered_to_save_a_search(client, open_job):
    assert "Save this search" not in html_of(client.get(reverse("jobs:list"), {"where": "NE1"}))


def test_an_employer_saves_a_talent_search_for_themself(client_for, employer, employer_profile):
    response = save(client_for(employer), kind="talent", query=TALENT_QUERY)

    assert response.status_code == 302
    search = SavedSearch.objects.get()
    assert (search.kind, search.employer, search.user) == ("talent", employer, employer)
    assert search.name.startswith("PAs within 10 miles of NE1")


def test_a_representative_of_several_employers_is_asked_which_one(
    client_for, representative, employer, employer_profile
):
    second = UserFactory(roles=["employer"], full_name="Bob Brown")
    make_employer_profile(second, display_name="Bob")
    grant_representation(employer=second, representative=representative)
    client = client_for(representative)

    asked = save(client, kind="talent", query=TALENT_QUERY)
    saved = save(client, kind="talent", query=TALENT_QUERY, employer=second.pk, confirm="yes")

    html = html_of(asked)
    assert "Who is this search for?" in html
    assert "There is a problem" not in html
    assert "Amira" in html and "Bob" in html
    assert saved.status_code == 302
    assert SavedSearch.objects.get().employer == second


def test_a_talent_search_cannot_be_saved_for_someone_not_represented(
    client_for, representative, employer, employer_profile
):
    stranger = UserFactory(roles=["employer"])

    response = save(
        client_for(representative),
        kind="talent",
        query=TALENT_QUERY,
        employer=stranger.pk,
        confirm="yes",
    )

    assert "Choose an employer from the list" in html_of(response)
    assert not SavedSearch.objects.exists()


# Listing, alerts, deleting


def test_the_list_shows_searches_with_their_alerts_and_a_link_to_run_them(
    client_for, pa, job_search
):
    html = html_of(client_for(pa).get(reverse("jobs:saved_searches")))

    assert "Near home" in html
    assert 'href="/jobs/?where=NE1"' in html
    assert "Turn alerts off" in html


def test_alerts_can_be_turned_off_and_on(client_for, pa, job_search, open_job):
    client = client_for(pa)
    url = reverse("jobs:saved_search_alerts", args=[job_search.pk])

    client.post(url, {"alerts": "off"})
    job_search.refresh_from_db()
    assert not job_search.alerts_enabled

    client.post(url, {"alerts": "on"})
    job_search.refresh_from_db()
    assert job_search.alerts_enabled
    # Back on from now: what is open already is not sent as new.
    assert job_search.seen_ids == [open_job.pk]


def test_deleting_asks_first_then_deletes(client_for, pa, job_search):
    client = client_for(pa)
    url = reverse("jobs:saved_search_delete", args=[job_search.pk])

    page = html_of(client.get(url))
    response = client.post(url)

    assert "Delete “Near home”?" in page
    assert response.status_code == 302
    assert not SavedSearch.objects.exists()


def test_the_list_query_count_does_not_grow_with_searches(
    client_for, pa, django_assert_max_num_queries
):
    client = client_for(pa)
    SavedSearch.objects.create(user=pa, kind="jobs", name="One", query={})
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("jobs:saved_searches"))
    for number in range(10):
        SavedSearch.objects.create(user=pa, kind="jobs", name=f"S{number}", query={})

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("jobs:saved_searches"))
