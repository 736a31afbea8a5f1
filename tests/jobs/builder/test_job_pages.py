"""An employer's jobs, grouped by status; a job's page with its status actions as buttons;
publishing from check-your-answers; pausing, closing, reopening and deleting."""

from datetime import timedelta

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from pahub.jobs.models import Application, Job
from tests.factories import make_job


def jobs_url(employer) -> str:
    return reverse("employer:jobs", args=[employer.pk])


def job_url(job) -> str:
    return reverse("employer:job", args=[job.pk])


def test_jobs_are_grouped_by_status_with_applications_counted(client_for, employer_profile, pa):
    employer = employer_profile.user
    make_job(employer, status="draft", title="Draft job")
    open_job = make_job(employer, title="Open job")
    make_job(employer, status="paused", title="Paused job")
    make_job(employer, status="filled", title="Filled job", hired_pa=pa)
    Application.objects.create(job=open_job, pa=pa, origin="applied", status="applied")

    content = client_for(employer).get(jobs_url(employer)).content.decode()

    positions = [
        content.index(heading)
        for heading in ("Drafts (1)", "Open for applications (1)", "Paused (1)", "Filled (1)")
    ]
    assert positions == sorted(positions)
    assert "Closed (" not in content
    assert f"Hired: {pa.display_name}" in content
    assert '<td class="govuk-table__cell">1</td>' in content


def test_the_job_list_query_count_does_not_grow_with_jobs(
    client_for, employer_profile, pa, django_assert_max_num_queries
):
    employer = employer_profile.user
    client = client_for(employer)
    for status in ("draft", "published", "paused", "closed"):
        make_job(employer, status=status)
    with django_assert_max_num_queries(20) as few:
        client.get(jobs_url(employer))
    for status in ("draft", "published", "paused", "closed", "filled") * 6:
        make_job(employer, status=status, hired_pa=pa if status == "filled" else None)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(jobs_url(employer))

    assert response.content.decode().count('href="/employer/jobs/') >= 34


def test_an_employer_without_a_profile_is_asked_to_set_one_up(client_for, employer):
    content = client_for(employer).get(jobs_url(employer)).content.decode()

    assert "Set up the employer profile" in content
    assert "Start a new job" not in content


def test_staff_see_who_they_act_for_and_posted_jobs_say_so(
    client_for, helping_staff, employer_profile, organisation
):
    from pahub.jobs.services import job_create_draft

    job = job_create_draft(employer=employer_profile.user, by=helping_staff, title="Days out")
    client = client_for(helping_staff)

    listing = client.get(jobs_url(employer_profile.user)).content.decode()
    page = client.get(job_url(job)).content.decode()

    assert "You are acting for <strong>Amira Khan</strong>" in listing
    assert f"for {organisation.name}, with their recorded agreement" in listing
    assert f"Posted by {organisation.name}" in listing
    assert f"Posted by {organisation.name} for the employer." in page


def test_a_representative_is_told_they_are_acting_for_the_employer(
    client_for, representative, open_job
):
    content = client_for(representative).get(job_url(open_job)).content.decode()

    assert "You are acting for <strong>Amira Khan</strong>" in content
    assert "as their representative" in content


def test_an_employer_acting_for_themself_sees_no_acting_for_line(client_for, employer, open_job):
    assert "You are acting for" not in client_for(employer).get(job_url(open_job)).content.decode()


@pytest.mark.parametrize(
    ("status", "buttons"),
    [
        ("draft", ["Check your answers and publish", "Delete this draft"]),
        ("published", ["Pause the job", "Close the job"]),
        ("paused", ["Open it again", "Close the job"]),
        ("closed", ["Reopen the job"]),
        ("filled", []),
    ],
)
def test_the_job_page_offers_only_the_actions_its_status_allows(
    client_for, employer_profile, status, buttons
):
    job = make_job(employer_profile.user, status=status)
    every = {
        "Check your answers and publish",
        "Delete this draft",
        "Pause the job",
        "Close the job",
        "Open it again",
        "Reopen the job",
    }

    content = client_for(employer_profile.user).get(job_url(job)).content.decode()

    for label in buttons:
        assert label in content
    for label in every - set(buttons):
        assert label not in content


def test_the_job_page_links_to_matches_and_applicants_when_those_pages_exist(
    client_for, employer, open_job
):
    content = client_for(employer).get(job_url(open_job)).content.decode()

    for name, text in [
        ("job_matches:for_job", "See PAs who match this job"),
        ("jobs:applicants", "See applications and invitations"),
    ]:
        try:
            url = reverse(name, kwargs={"job_id": open_job.pk})
        except NoReverseMatch:
            assert text not in content
        else:
            assert f'href="{url}"' in content


def test_check_your_answers_lists_what_is_missing_with_links_and_no_publish_button(
    client_for, employer_profile
):
    from pahub.jobs.services import job_create_draft

    job = job_create_draft(employer=employer_profile.user, by=employer_profile.user, title="PA")

    content = (
        client_for(employer_profile.user)
        .get(reverse("employer:job_check", args=[job.pk]))
        .content.decode()
    )

    assert "Before you can publish the job" in content
    assert "Pay: not answered yet" in content
    assert f'href="{reverse("employer:job_step", args=[job.pk, "pay"])}?from=check"' in content
    assert "Publish the job</button>" not in content


def test_publishing_an_incomplete_draft_shows_the_problems_and_keeps_it_a_draft(
    client_for, employer_profile
):
    job = make_job(
        employer_profile.user, status="draft", start_date=timezone.localdate() - timedelta(days=3)
    )

    response = client_for(employer_profile.user).post(
        reverse("employer:job_publish", args=[job.pk])
    )

    assert response.status_code == 400
    assert "The start date must be today or in the future" in response.content.decode()
    assert Job.objects.get(pk=job.pk).status == Job.Status.DRAFT


def test_a_published_job_goes_straight_to_its_page_from_check_your_answers(
    client_for, employer, open_job
):
    response = client_for(employer).get(reverse("employer:job_check", args=[open_job.pk]))

    assert response.url == job_url(open_job)


def test_pause_resume_close_and_reopen_from_the_job_page(client_for, employer, open_job):
    client = client_for(employer)

    client.post(reverse("employer:job_pause", args=[open_job.pk]))
    assert Job.objects.get(pk=open_job.pk).status == "paused"
    client.post(reverse("employer:job_resume", args=[open_job.pk]))
    assert Job.objects.get(pk=open_job.pk).status == "published"
    form = client.get(reverse("employer:job_close", args=[open_job.pk])).content.decode()
    assert "Why are you closing the job?" in form
    client.post(reverse("employer:job_close", args=[open_job.pk]), {"reason": "not_needed"})
    assert Job.objects.get(pk=open_job.pk).status == "closed"
    response = client.post(reverse("employer:job_reopen", args=[open_job.pk]), follow=True)

    assert Job.objects.get(pk=open_job.pk).status == "published"
    assert "The job is open for applications again." in response.content.decode()


def test_closing_without_a_reason_asks_for_one(client_for, employer, open_job):
    response = client_for(employer).post(reverse("employer:job_close", args=[open_job.pk]), {})

    assert "Choose why you are closing the job" in response.content.decode()
    assert Job.objects.get(pk=open_job.pk).status == "published"


def test_an_illegal_action_is_explained_not_performed(client_for, employer_profile):
    job = make_job(employer_profile.user, status="closed")

    response = client_for(employer_profile.user).post(
        reverse("employer:job_pause", args=[job.pk]), follow=True
    )

    assert "Only a job open for applications can be paused." in response.content.decode()
    assert Job.objects.get(pk=job.pk).status == "closed"


def test_deleting_a_draft_asks_first_then_deletes_it(client_for, employer, draft_job):
    client = client_for(employer)
    url = reverse("employer:job_delete", args=[draft_job.pk])

    question = client.get(url).content.decode()
    response = client.post(url)

    assert "Are you sure you want to delete this draft?" in question
    assert response.url == jobs_url(employer)
    assert not Job.objects.filter(pk=draft_job.pk).exists()


def test_an_advertised_job_cannot_be_deleted(client_for, employer, open_job):
    client_for(employer).post(reverse("employer:job_delete", args=[open_job.pk]))

    assert Job.objects.filter(pk=open_job.pk).exists()


def test_an_employer_with_a_profile_can_search_for_pas_near_their_district(
    client_for, employer_profile
):
    content = client_for(employer_profile.user).get(jobs_url(employer_profile.user)).content
    assert b'href="/matches/talent/?outcode=NE1"' in content
    assert b"Search for PAs near NE1" in content
