"""A PA applies for a job, or says they are interested, on /jobs/<id>/apply/."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.jobs.applications.services import ApplicationError, application_submit
from pahub.jobs.models import Application
from pahub.messaging.models import Block, Conversation, Message
from tests.factories import make_job
from tests.jobs.public.fixtures import apply_for, html_of


def apply_url(job) -> str:
    return reverse("jobs:apply", args=[job.pk])


# Who may apply


def test_a_signed_out_visitor_is_sent_to_sign_in_and_back_to_the_job(client, open_job):
    response = client.get(apply_url(open_job))

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={apply_url(open_job)}"


def test_a_signed_out_post_applies_for_nothing(client, open_job):
    response = apply_for(client, open_job)

    assert response.status_code == 302
    assert not Application.objects.exists()


@pytest.mark.parametrize("person", ["employer", "representative"])
def test_someone_who_is_not_a_pa_is_refused(client_for, request, open_job, person):
    response = apply_for(client_for(request.getfixturevalue(person)), open_job)

    assert response.status_code == 403
    assert not Application.objects.exists()


@pytest.mark.parametrize("status", ["draft", "paused", "closed", "filled"])
def test_a_job_that_is_not_open_cannot_be_applied_for(
    client_for, pa, pa_profile, employer_profile, status
):
    job = make_job(employer_profile.user, status=status)

    assert client_for(pa).get(apply_url(job)).status_code == 404
    assert apply_for(client_for(pa), job).status_code == 404
    assert not Application.objects.exists()


def test_a_pa_without_a_profile_is_asked_to_start_one_first(client_for, pa, open_job):
    response = apply_for(client_for(pa), open_job)

    html = html_of(response)
    assert "Start your PA profile before you apply" in html
    assert f'href="{reverse("register:profile")}"' in html
    assert not Application.objects.exists()


# Applying


def test_applying_starts_the_conversation_with_the_event_and_the_message(
    client_for, pa, pa_profile, open_job
):
    response = apply_for(client_for(pa), open_job, message="I live nearby and start early.")

    assert response.status_code == 302
    assert response.url == reverse("jobs:my_applications")
    application = Application.objects.get()
    assert (application.job, application.pa, application.origin, application.status) == (
        open_job,
        pa,
        "applied",
        "applied",
    )
    conversation = Conversation.objects.get()
    assert (conversation.employer_id, conversation.pa, conversation.job) == (
        open_job.employer_id,
        pa,
        open_job,
    )
    assert application.conversation == conversation
    assert [(m.author_role, m.body) for m in conversation.messages.all()] == [
        ("hub", "Jordan applied for “Morning PA for a busy mum”."),
        ("pa", "I live nearby and start early."),
    ]
    assert AuditEvent.objects.filter(action="application.applied", actor=pa).exists()


def test_saying_interested_needs_no_message(client_for, pa, pa_profile, open_job):
    apply_for(client_for(pa), open_job, origin="interested", message="")

    application = Application.objects.get()
    assert application.status == "interested"
    assert list(Message.objects.values_list("body", flat=True)) == [
        "Jordan is interested in “Morning PA for a busy mum”."
    ]


def test_applying_needs_a_message_and_says_so_beside_it(client_for, pa, pa_profile, open_job):
    response = apply_for(client_for(pa), open_job, message="   ")

    html = html_of(response)
    assert response.status_code == 200
    assert 'id="id_message-error"' in html
    assert "Write a short message to the employer to apply" in html
    assert not Application.objects.exists()


def test_a_long_message_is_refused_and_kept(client_for, pa, pa_profile, open_job):
    words = "I would love this job. " * 100

    response = apply_for(client_for(pa), open_job, message=words)

    html = html_of(response)
    assert "Your message must be 1,500 characters or fewer" in html
    assert words.strip() in html
    assert not Application.objects.exists()
    assert not Message.objects.exists()


def test_a_pa_applies_once_and_is_shown_the_conversation_the_second_time(
    client_for, pa, pa_profile, open_job
):
    client = client_for(pa)
    apply_for(client, open_job)

    response = apply_for(client, open_job, message="Me again")

    html = html_of(response)
    assert "You have already applied for this job." in html
    conversation = Conversation.objects.get()
    assert f'href="{reverse("messaging:conversation", args=[conversation.pk])}"' in html
    assert Application.objects.count() == 1
    assert not Message.objects.filter(body="Me again").exists()


def test_an_interested_pa_may_go_on_to_apply(client_for, pa, pa_profile, open_job):
    client = client_for(pa)
    apply_for(client, open_job, origin="interested", message="")

    apply_for(client, open_job, origin="applied", message="Having thought about it: yes!")

    application = Application.objects.get()
    assert application.status == "applied"
    assert Message.objects.filter(body="Jordan has now applied for “Morning PA for a busy mum”.")


def test_an_invited_pa_applies_into_the_same_conversation(
    client_for, pa, pa_profile, open_job, employer
):
    from pahub.jobs.applications.services import application_invite

    application_invite(job=open_job, profile=pa_profile, by=employer)

    apply_for(client_for(pa), open_job, message="Thank you for asking!")

    application = Application.objects.get()
    assert (application.origin, application.status) == ("invited", "applied")
    assert Conversation.objects.count() == 1
    assert Message.objects.filter(
        body="Jordan accepted the invitation and applied for “Morning PA for a busy mum”."
    ).exists()


def test_a_pa_blocked_by_the_employer_cannot_apply(client_for, pa, pa_profile, open_job, employer):
    Block.objects.create(blocker=employer, blocked=pa)

    response = apply_for(client_for(pa), open_job)

    assert "cannot contact each other on PA Hub" in html_of(response)
    assert not Application.objects.exists()


def test_a_pa_who_blocked_the_employer_cannot_apply_either(pa, pa_profile, open_job, employer):
    Block.objects.create(blocker=pa, blocked=employer)

    with pytest.raises(ApplicationError, match="cannot contact each other"):
        application_submit(job=open_job, pa=pa, origin="applied", message="Hi")


def test_a_pa_cannot_apply_for_their_own_job(employer, open_job):
    from pahub.accounts.models import Role, UserRole
    from tests.jobs.public.fixtures import make_profile

    UserRole.objects.create(user=employer, role=Role.PA)
    make_profile(employer, display_name="Amira")

    with pytest.raises(ApplicationError, match="your own job"):
        application_submit(job=open_job, pa=employer, origin="applied", message="Hi")


def test_must_haves_not_met_are_shown_and_recorded_but_do_not_stop_applying(
    client_for, pa, pa_profile, employer_profile
):
    job = make_job(
        employer_profile.user, requires_driver=True, required_dbs="enhanced", required_dbs_rank=3
    )
    client = client_for(pa)

    page = html_of(client.get(apply_url(job)))
    apply_for(client, job)

    assert "Your profile does not show every must-have for this job" in page
    assert "Needs a driver with their own car" in page
    assert "Needs an enhanced DBS check" in page
    event = AuditEvent.objects.get(action="application.applied")
    assert event.detail["unmet_must_haves"] == [
        "Needs an enhanced DBS check",
        "Needs a driver with their own car",
    ]
    assert Application.objects.filter(job=job, pa=pa).exists()


def test_a_hidden_profile_is_pointed_out_before_applying(client_for, pa, pa_profile, open_job):
    pa_profile.visibility = "hidden"
    pa_profile.save()

    html = html_of(client_for(pa).get(apply_url(open_job)))

    assert "Your profile is hidden, so the employer will see your name and message" in html


def test_the_apply_page_shows_the_job_without_the_employer(client_for, pa, pa_profile, open_job):
    html = html_of(client_for(pa).get(apply_url(open_job)))

    assert "Morning PA for a busy mum, NE1" in html
    assert "Amira" not in html
