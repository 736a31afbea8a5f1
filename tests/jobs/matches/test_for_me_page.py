"""/matches/for-me/: a PA's ranked open jobs, with why each suits them."""

import pytest
from django.urls import reverse

from pahub.jobs.models import Job
from pahub.matching.presenters import optional_url
from pahub.register.models import PAProfile
from tests.factories import make_job

pytestmark = pytest.mark.django_db

URL = reverse("job_matches:for_me")


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["employer", "representative", "org_admin"])
def test_someone_who_is_not_a_pa_is_refused(client_for, request, person):
    assert client_for(request.getfixturevalue(person)).get(URL).status_code == 403


def test_a_pa_without_a_profile_is_asked_to_build_one(client_for, pa, open_job):
    page = client_for(pa).get(URL).content.decode()

    assert "Build your profile" in page
    assert reverse("register:profile") in page


def test_jordan_sees_amiras_job_with_reasons_and_a_link_to_it(client_for, pa, jordan, open_job):
    page = client_for(pa).get(URL).content.decode()

    assert open_job.title in page
    assert "Free for all 15 hours" in page
    assert "Why it suits you" in page
    assert "out of 100" in page
    assert "NE1" in page
    assert "£13.50 an hour" in page
    detail = optional_url("jobs:detail", job_id=open_job.pk)
    if detail:
        assert f'href="{detail}"' in page


def test_the_page_never_names_the_employer_or_their_postcode(client_for, pa, jordan, open_job):
    page = client_for(pa).get(URL).content.decode()

    assert "Amira" not in page
    assert "Khan" not in page
    assert "NE1 4ST" not in page


def test_drafts_and_closed_jobs_are_not_listed(client_for, employer, pa, jordan, draft_job):
    make_job(employer, title="A closed job", status=Job.Status.CLOSED)

    page = client_for(pa).get(URL).content.decode()

    assert draft_job.title not in page
    assert "A closed job" not in page
    assert "No jobs match you yet" in page


def test_a_paused_pa_is_told_employers_cannot_find_them(client_for, pa, jordan, open_job):
    PAProfile.objects.filter(pk=jordan.pk).update(is_paused=True)

    page = client_for(pa).get(URL).content.decode()

    assert "Your profile is paused, so employers cannot find you" in page
    assert open_job.title in page


def test_the_query_count_does_not_grow_with_the_jobs_listed(
    client_for, employer, pa, jordan, open_job, django_assert_max_num_queries
):
    client = client_for(pa)
    with django_assert_max_num_queries(40) as few:
        client.get(URL)
    for number in range(15):
        make_job(employer, title=f"Job number {number}", nice_skills=["food.meal_prep"])

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)

    assert response.content.decode().count("pahub-match ") == 16
