"""The public job pages kept in the shared cache (pahub/jobs/vacancies/caching.py): served
from it to visitors who are signed out, stale the moment a job changes, and never used for
anyone signed in."""

import re

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.urls import reverse

from pahub.jobs.services import (
    job_close,
    job_mark_filled,
    job_pause,
    job_publish,
    job_resume,
    job_update,
)
from pahub.jobs.vacancies import caching
from tests.factories import make_job
from tests.jobs.public.fixtures import html_of, queries_outside_the_cache

SEARCH = {"where": "NE1", "miles": "20"}


def without_nonce(html: str) -> str:
    """The page without its script's nonce, which is new in every response."""
    return re.sub(r'nonce="[^"]*"', "", html)


def search_page(client) -> str:
    return html_of(client.get(reverse("jobs:list"), SEARCH))


def job_page(client, job):
    return client.get(reverse("jobs:detail", args=[job.pk]))


def feed(client) -> str:
    return client.get(reverse("jobs:feed")).content.decode()


def test_a_visitors_second_search_is_read_from_the_cache_alone(
    client, open_job, django_assert_max_num_queries
):
    first = search_page(client)

    with django_assert_max_num_queries(5) as queries:
        second = search_page(client)

    assert queries_outside_the_cache(queries) == []
    assert without_nonce(second) == without_nonce(first)
    assert "Morning PA for a busy mum" in second


def test_the_search_query_count_does_not_grow_with_jobs_when_nothing_is_cached(
    client, employer_profile, django_assert_max_num_queries
):
    make_job(employer_profile.user, title="Job 0")
    cache.clear()
    with django_assert_max_num_queries(40) as few:
        search_page(client)
    for number in range(1, 15):
        make_job(employer_profile.user, title=f"Job {number}")
    cache.clear()

    with django_assert_max_num_queries(40) as many:
        html = search_page(client)

    assert len(queries_outside_the_cache(many)) == len(queries_outside_the_cache(few))
    assert "15 jobs matching your search" in html


def test_a_visitors_second_look_at_a_job_page_is_read_from_the_cache_alone(
    client, open_job, django_assert_max_num_queries
):
    job_page(client, open_job)

    with django_assert_max_num_queries(3) as queries:
        response = job_page(client, open_job)

    assert queries_outside_the_cache(queries) == []
    assert "Morning PA for a busy mum" in html_of(response)
    assert "Sign in to apply" in html_of(response)


def test_an_edited_job_shows_its_new_words_at_once(client, open_job, employer_profile):
    assert "Morning PA for a busy mum" in search_page(client)
    assert "Morning PA for a busy mum" in html_of(job_page(client, open_job))
    assert "Morning PA for a busy mum" in feed(client)

    job_update(job=open_job, changes={"title": "Evening PA"}, by=employer_profile.user)

    for html in (search_page(client), html_of(job_page(client, open_job)), feed(client)):
        assert "Evening PA" in html
        assert "Morning PA for a busy mum" not in html


@pytest.mark.parametrize("change", ["pause", "close", "fill"])
def test_a_job_taken_down_leaves_every_public_page_at_once(
    client, open_job, employer_profile, pa, change
):
    assert "Morning PA for a busy mum" in search_page(client)
    assert job_page(client, open_job).status_code == 200
    assert "Morning PA for a busy mum" in feed(client)

    by = employer_profile.user
    if change == "pause":
        job_pause(job=open_job, by=by)
    elif change == "close":
        job_close(job=open_job, by=by)
    else:
        job_mark_filled(job=open_job, pa=pa, by=by)

    assert "Morning PA for a busy mum" not in search_page(client)
    assert job_page(client, open_job).status_code == 404
    assert "Morning PA for a busy mum" not in feed(client)


def test_a_job_published_or_resumed_shows_at_once(client, employer_profile):
    by = employer_profile.user
    draft = make_job(by, title="Weekend PA", status="draft")
    paused = make_job(by, title="Sleep-in support", status="paused")
    before = search_page(client), feed(client)
    assert all("Weekend PA" not in html and "Sleep-in support" not in html for html in before)

    job_publish(job=draft, by=by)
    job_resume(job=paused, by=by)

    for html in (search_page(client), feed(client)):
        assert "Weekend PA" in html
        assert "Sleep-in support" in html


def test_editing_a_draft_leaves_the_cached_searches_alone(client, open_job, employer_profile):
    search_page(client)
    version = caching.public_jobs_version()
    draft = make_job(employer_profile.user, title="Weekend PA", status="draft")

    job_update(job=draft, changes={"title": "Waking night PA"}, by=employer_profile.user)

    assert caching.public_jobs_version() == version


def test_signed_in_people_get_their_own_pages_never_the_cached_ones(
    client, client_for, open_job, pa, pa_profile
):
    visitor_search, visitor_job = search_page(client), html_of(job_page(client, open_job))
    assert "Sign in to apply" in visitor_job

    signed_in = client_for(pa)
    their_search = search_page(signed_in)
    their_job = html_of(job_page(signed_in, open_job))

    assert "Your saved searches and email alerts" in their_search
    assert "Your saved searches" not in visitor_search
    assert "Apply or say you are interested" in their_job
    assert "Sign in to apply" not in their_job


def test_pages_for_signed_in_people_are_never_written_to_the_cache(client_for, open_job, pa):
    signed_in = client_for(pa)

    search_page(signed_in)
    job_page(signed_in, open_job)

    query = QueryDict(mutable=True)
    query.update(SEARCH)
    assert cache.get(caching.search_page_key(query)) is None
    assert cache.get(caching.job_page_key(open_job.pk)) is None


def test_a_search_with_a_mistake_is_not_cached(client, open_job):
    response = client.get(reverse("jobs:list"), {"where": "NE1", "miles": "far"})

    assert "Enter the distance as a whole number of miles" in html_of(response)
    query = QueryDict(mutable=True)
    query.update({"where": "NE1", "miles": "far"})
    assert cache.get(caching.search_page_key(query)) is None


def test_a_closed_jobs_page_is_never_kept(client, open_job, employer_profile):
    job_close(job=open_job, by=employer_profile.user)

    assert job_page(client, open_job).status_code == 404
    assert cache.get(caching.job_page_key(open_job.pk)) is None


def test_a_job_edited_in_the_admin_shows_at_once(client, open_job):
    job_page(client, open_job)
    search_page(client)

    open_job.title = "Evening PA"
    open_job.save()  # as the admin saves it, not through the services

    assert "Evening PA" in html_of(job_page(client, open_job))
    assert "Evening PA" in search_page(client)


def test_a_change_of_tasks_alone_shows_at_once(client, open_job):
    from pahub.taxonomy.models import Skill

    meal_prep = Skill.objects.get(code="food.meal_prep")
    assert meal_prep.name not in html_of(job_page(client, open_job))

    open_job.tasks.add(meal_prep)

    assert meal_prep.name in html_of(job_page(client, open_job))
