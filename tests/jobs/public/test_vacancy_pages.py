"""The public vacancy pages, /jobs/ and /jobs/<id>/: anyone may read open jobs, and nothing
about the employer is ever shown."""

import pytest
from django.urls import reverse

from pahub.jobs.models import Job
from pahub.register.availability import mask_from_keys
from tests.factories import make_job
from tests.jobs.public.fixtures import html_of

# Everything that would identify Amira, the employer: none of it may reach a public page.
EMPLOYER_DETAILS = ["Amira", "Khan", "employer@example.org", "NE1 4ST"]


def test_anyone_signed_out_can_list_open_jobs(client, open_job):
    response = client.get(reverse("jobs:list"))

    assert response.status_code == 200
    html = html_of(response)
    assert "Morning PA for a busy mum" in html
    assert "1 job open now" in html
    assert "NE1, Newcastle upon Tyne" in html


def test_anyone_signed_out_can_read_an_open_job(client, open_job):
    response = client.get(reverse("jobs:detail", args=[open_job.pk]))

    assert response.status_code == 200
    html = html_of(response)
    assert "<h1" in html and "Morning PA for a busy mum" in html
    assert "Help getting up, washed and dressed before the school run." in html
    assert "15 hours a week" in html
    assert "Monday: early morning" in html
    assert "£13.50 an hour" in html
    assert "Washing / bathing / showering" in html
    assert "Regular work" in html
    assert "4 January 2027" in html


@pytest.mark.parametrize("page", ["list", "detail"])
def test_public_pages_never_show_who_the_employer_is(client, open_job, page):
    url = reverse("jobs:list") if page == "list" else reverse("jobs:detail", args=[open_job.pk])

    html = html_of(client.get(url))

    for detail in EMPLOYER_DETAILS:
        assert detail not in html


@pytest.mark.parametrize("status", ["draft", "paused", "closed", "filled"])
def test_a_job_that_is_not_open_is_not_found_and_not_listed(client, employer_profile, status):
    job = make_job(employer_profile.user, status=status, title="Not open right now")

    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert "Not open right now" not in html_of(client.get(reverse("jobs:list")))


def test_an_unknown_job_is_not_found(client, db):
    assert client.get(reverse("jobs:detail", args=[999999])).status_code == 404


def test_a_job_posted_by_staff_says_so(client, open_job, organisation):
    Job.objects.filter(pk=open_job.pk).update(posted_by_organisation=organisation)

    html = html_of(client.get(reverse("jobs:detail", args=[open_job.pk])))

    assert "Posted by Newcastle Independent Living for the employer" in html


def test_must_haves_and_nice_to_haves_are_in_words(client, employer_profile):
    from pahub.taxonomy.models import Interest, Language

    job = make_job(
        employer_profile.user,
        required_dbs="enhanced",
        required_dbs_rank=3,
        requires_driver=True,
        required_language=Language.objects.get(code="bfi"),
        required_gender="woman",
        gender_reason="I need help with my catheter and showering.",
        required_skills=["mobility.hoist"],
        nice_years_experience=2,
        nice_skills=["food.meal_prep"],
    )
    job.nice_interests.set(Interest.objects.filter(name="Gardening"))

    html = html_of(client.get(reverse("jobs:detail", args=[job.pk])))

    assert "An enhanced DBS check" in html
    assert "A driver with their own car" in html
    assert "Speaks or signs British Sign Language" in html
    assert "A woman: the job includes intimate personal care" in html
    assert "Equality Act 2010" in html
    assert "Can do: Hoist use" in html
    assert "At least 2 years of experience as a PA" in html
    assert "Knows about: Meal planning" in html
    assert "Shares interests: gardening" in html


def test_the_employers_reason_for_a_gender_requirement_is_never_public(client, employer_profile):
    job = make_job(
        employer_profile.user,
        required_gender="woman",
        gender_reason="I need help with my catheter and showering.",
    )

    html = html_of(client.get(reverse("jobs:detail", args=[job.pk])))

    assert "catheter" not in html


def test_a_signed_out_visitor_is_asked_to_sign_in_and_comes_back_to_apply(client, open_job):
    html = html_of(client.get(reverse("jobs:detail", args=[open_job.pk])))

    apply_url = reverse("jobs:apply", args=[open_job.pk])
    assert f'href="{reverse("account_login")}?next={apply_url}"' in html
    assert "Sign in to apply" in html


def test_a_pa_with_a_profile_sees_how_well_the_job_fits_them(client_for, pa, pa_profile, open_job):
    html = html_of(client_for(pa).get(reverse("jobs:detail", args=[open_job.pk])))

    assert "For you:" in html
    assert "out of 100" in html
    assert "Why it fits:" in html
    assert f'href="{reverse("jobs:apply", args=[open_job.pk])}"' in html


def test_the_list_explains_each_job_for_a_signed_in_pa(client_for, pa, pa_profile, open_job):
    html = html_of(client_for(pa).get(reverse("jobs:list")))

    assert "For you:" in html
    assert "Your applications" in html


def test_a_pa_who_does_not_meet_a_must_have_is_told_which(
    client_for, pa, pa_profile, employer_profile
):
    job = make_job(employer_profile.user, requires_driver=True)

    html = html_of(client_for(pa).get(reverse("jobs:detail", args=[job.pk])))

    assert "Your profile does not show every must-have" in html
    assert "Needs a driver with their own car" in html


def test_an_employer_is_told_only_pas_can_apply(client_for, employer, open_job):
    html = html_of(client_for(employer).get(reverse("jobs:detail", args=[open_job.pk])))

    assert "Only Personal Assistants can apply" in html
    assert "See who applied" in html


def test_the_list_links_to_the_feed_for_job_sites(client, db):
    html = html_of(client.get(reverse("jobs:list")))

    assert (
        f'type="application/rss+xml" title="Open PA jobs on PA Hub" href="{reverse("jobs:feed")}"'
        in html
    )


def test_the_list_is_paged(client, employer_profile):
    for number in range(23):
        make_job(employer_profile.user, title=f"Job number {number}")

    first = html_of(client.get(reverse("jobs:list")))
    second = html_of(client.get(reverse("jobs:list"), {"page": 2}))

    assert "23 jobs open now" in first
    assert "Page 1 of 2" in first
    assert "Job number 22" in first and "Job number 0" not in first
    assert "Job number 0" in second


def make_jobs(employer, count: int) -> None:
    for number in range(count):
        make_job(
            employer,
            title=f"Job {number}",
            required_skills=["mobility.hoist"],
            nice_skills=["food.meal_prep"],
            hours_grid=mask_from_keys(["monday_morning"]),
        )


@pytest.mark.parametrize("who", ["visitor", "pa"])
def test_the_list_query_count_does_not_grow_with_jobs(
    client, client_for, pa, pa_profile, employer_profile, django_assert_max_num_queries, who
):
    viewer = client if who == "visitor" else client_for(pa)
    make_jobs(employer_profile.user, 2)
    with django_assert_max_num_queries(40) as few:
        viewer.get(reverse("jobs:list"), {"where": "NE1", "miles": "20"})
    make_jobs(employer_profile.user, 15)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = viewer.get(reverse("jobs:list"), {"where": "NE1", "miles": "20"})

    assert "17 jobs matching your search" in html_of(response)


def test_visitors_find_jobs_from_the_menu(client, db):
    menu = client.get(reverse("core:home")).context["navigation"]

    assert reverse("jobs:list") in [item.href for item in menu]
