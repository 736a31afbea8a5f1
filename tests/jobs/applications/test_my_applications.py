"""A PA's own applications, /jobs/my-applications/, with each status in words, and
withdrawing."""

import pytest
from django.urls import reverse

from pahub.jobs.applications.queries import profile_ids_viewer_may_open
from pahub.jobs.applications.services import application_invite
from pahub.jobs.models import Application, Job
from pahub.register.models import PAProfile
from pahub.register.permissions import can_view_profile
from tests.factories import make_job
from tests.jobs.public.fixtures import html_of, make_application

MY_APPLICATIONS = "/jobs/my-applications/"


@pytest.fixture
def application(open_job, pa, pa_profile) -> Application:
    return make_application(open_job, pa)


def test_the_page_needs_a_signed_in_pa(client, client_for, employer, db):
    assert reverse("jobs:my_applications") == MY_APPLICATIONS
    assert client.get(MY_APPLICATIONS).status_code == 302
    assert client_for(employer).get(MY_APPLICATIONS).status_code == 403


def test_each_application_shows_its_status_in_words(client_for, pa, application):
    html = html_of(client_for(pa).get(MY_APPLICATIONS))

    assert "Morning PA for a busy mum" in html
    assert "You applied. The employer has not decided yet." in html
    assert reverse("messaging:conversation", args=[application.conversation_id]) in html
    assert reverse("jobs:withdraw", args=[application.pk]) in html
    assert "Amira" not in html


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("shortlisted", "The employer has put you on their shortlist."),
        ("declined", "The employer decided not to take your application further."),
        ("hired", "You were hired for this job. Congratulations!"),
        ("unsuccessful", "The job was filled by someone else."),
        ("withdrawn", "You withdrew from this job."),
    ],
)
def test_every_status_is_explained(client_for, pa, application, status, words):
    Application.objects.filter(pk=application.pk).update(status=status)

    html = html_of(client_for(pa).get(MY_APPLICATIONS))

    assert words in html


def test_an_invitation_offers_to_apply(client_for, pa, pa_profile, employer, open_job):
    application = application_invite(job=open_job, profile=pa_profile, by=employer)

    html = html_of(client_for(pa).get(MY_APPLICATIONS))

    assert "The employer invited you to apply." in html
    assert reverse("jobs:apply", args=[open_job.pk]) in html
    assert application.pk


def test_a_job_no_longer_open_is_listed_without_a_link(client_for, pa, application, open_job):
    Job.objects.filter(pk=open_job.pk).update(status="closed")

    html = html_of(client_for(pa).get(MY_APPLICATIONS))

    assert "Morning PA for a busy mum" in html
    assert f'href="{reverse("jobs:detail", args=[open_job.pk])}"' not in html


def test_withdrawing_asks_first_and_tells_the_employer(client_for, pa, application):
    client = client_for(pa)
    url = reverse("jobs:withdraw", args=[application.pk])

    page = html_of(client.get(url))
    response = client.post(url)

    assert "Withdraw your application?" in page
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert application.conversation.messages.filter(
        body="Jordan withdrew from “Morning PA for a busy mum”."
    ).exists()


def test_an_invitation_can_be_turned_down(client_for, pa, pa_profile, employer, open_job):
    application = application_invite(job=open_job, profile=pa_profile, by=employer)

    client_for(pa).post(reverse("jobs:withdraw", args=[application.pk]))

    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert application.conversation.messages.filter(
        body="Jordan said no thanks to the invitation for “Morning PA for a busy mum”."
    ).exists()


@pytest.mark.parametrize("person", ["other_pa", "outsider", "employer"])
def test_nobody_else_can_withdraw_an_application(client_for, request, application, person):
    response = client_for(request.getfixturevalue(person)).post(
        reverse("jobs:withdraw", args=[application.pk])
    )

    assert response.status_code in (403, 404)
    application.refresh_from_db()
    assert application.status == "applied"


def test_a_decided_application_cannot_be_withdrawn(client_for, pa, application):
    Application.objects.filter(pk=application.pk).update(status="declined")

    response = client_for(pa).post(reverse("jobs:withdraw", args=[application.pk]))

    assert "already been decided" in html_of(response)
    application.refresh_from_db()
    assert application.status == "declined"


def test_the_page_query_count_does_not_grow_with_applications(
    client_for, pa, pa_profile, employer_profile, django_assert_max_num_queries
):
    client = client_for(pa)
    make_application(make_job(employer_profile.user, title="First"), pa)
    with django_assert_max_num_queries(20) as few:
        client.get(MY_APPLICATIONS)
    for number in range(8):
        make_application(make_job(employer_profile.user, title=f"Job {number}"), pa)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(MY_APPLICATIONS)

    assert "Job 7" in html_of(response)


@pytest.mark.parametrize("visibility", ["hidden", "local", "all"])
@pytest.mark.parametrize("paused", [False, True])
@pytest.mark.parametrize(
    "viewer", ["employer", "representative", "pa", "outsider", "org_admin", "durham_staff"]
)
def test_the_applicants_list_opens_profiles_exactly_as_can_view_profile_allows(
    request, pa_profile, visibility, paused, viewer
):
    from pahub.places.models import LocalAuthority

    PAProfile.objects.filter(pk=pa_profile.pk).update(visibility=visibility, is_paused=paused)
    pa_profile.refresh_from_db()
    pa_profile.visible_in.set(LocalAuthority.objects.filter(name="Newcastle upon Tyne"))
    person = request.getfixturevalue(viewer)

    batch = profile_ids_viewer_may_open(person, [pa_profile])

    assert (pa_profile.pk in batch) == can_view_profile(person, pa_profile)
