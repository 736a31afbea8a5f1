"""The applicants page and the employer side's decisions: shortlist, decline (kindly) and
hire (the job is filled; everyone else waiting is told)."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.jobs.applications.services import ApplicationError, application_hire
from pahub.jobs.models import Application, Job
from pahub.register.models import PAProfile
from tests.factories import UserFactory, grant_representation
from tests.jobs.public.fixtures import emails_about, html_of, make_application, make_profile


@pytest.fixture
def application(open_job, pa, pa_profile) -> Application:
    return make_application(open_job, pa)


@pytest.fixture
def second_application(open_job, other_pa, other_pa_profile) -> Application:
    return make_application(open_job, other_pa, status="interested")


def applicants_url(job) -> str:
    return reverse("jobs:applicants", args=[job.pk])


# The applicants page: who may see it


def test_a_signed_out_visitor_is_sent_to_sign_in(client, open_job):
    response = client.get(applicants_url(open_job))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "outsider", "durham_staff"])
def test_people_with_no_part_in_the_job_get_404(client_for, request, open_job, person):
    response = client_for(request.getfixturevalue(person)).get(applicants_url(open_job))

    assert response.status_code == 404


def test_a_representative_for_someone_else_gets_404(client_for, open_job):
    stranger = UserFactory(roles=["representative"])
    grant_representation(employer=UserFactory(roles=["employer"]), representative=stranger)

    assert client_for(stranger).get(applicants_url(open_job)).status_code == 404


@pytest.mark.parametrize("person", ["employer", "representative", "helping_staff"])
def test_the_employer_side_sees_applicants_with_actions(
    client_for, request, open_job, application, person
):
    response = client_for(request.getfixturevalue(person)).get(applicants_url(open_job))

    html = html_of(response)
    assert response.status_code == 200
    assert "Jordan" in html
    assert "Lives in NE3" in html
    assert reverse("jobs:hire", args=[application.pk]) in html
    assert reverse("jobs:decline", args=[application.pk]) in html
    assert reverse("jobs:shortlist", args=[application.pk]) in html
    assert reverse("messaging:conversation", args=[application.conversation_id]) in html
    assert reverse("register:profile_detail", args=[application.pa.pa_profile.pk]) in html


def test_overseeing_staff_may_read_but_not_act_and_their_visit_is_recorded(
    client_for, overseeing_staff, open_job, application
):
    response = client_for(overseeing_staff).get(applicants_url(open_job))

    html = html_of(response)
    assert response.status_code == 200
    assert "Jordan" in html
    assert "you cannot change anything here" in html
    assert reverse("jobs:hire", args=[application.pk]) not in html
    assert reverse("jobs:shortlist", args=[application.pk]) not in html
    assert AuditEvent.objects.filter(
        action="record.viewed", actor=overseeing_staff, target_id=str(open_job.pk)
    ).exists()


def test_the_full_name_and_contact_details_of_a_pa_are_not_listed(
    client_for, employer, open_job, application
):
    html = html_of(client_for(employer).get(applicants_url(open_job)))

    assert "Reed" not in html
    assert "pa@example.org" not in html
    assert "NE3 1AA" not in html


def test_a_hidden_profile_is_listed_without_a_link_to_it(
    client_for, employer, open_job, application
):
    PAProfile.objects.filter(user=application.pa).update(visibility=PAProfile.Visibility.HIDDEN)

    html = html_of(client_for(employer).get(applicants_url(open_job)))

    assert "Jordan" in html
    assert reverse("register:profile_detail", args=[application.pa.pa_profile.pk]) not in html


def test_the_applicants_page_query_count_does_not_grow_with_applicants(
    client_for, employer, open_job, django_assert_max_num_queries
):
    def add(count: int) -> None:
        for _ in range(count):
            person = UserFactory(roles=["pa"], postcode="NE4 5AA")
            make_profile(person, display_name=person.full_name.split(" ")[0])
            make_application(open_job, person)

    client = client_for(employer)
    add(2)
    with django_assert_max_num_queries(40) as few:
        client.get(applicants_url(open_job))
    add(10)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(applicants_url(open_job))

    assert "12 people, 12 waiting for a decision" in html_of(response)


# Deciding: who may


@pytest.mark.parametrize("action", ["shortlist", "decline", "hire"])
@pytest.mark.parametrize("person", ["pa", "outsider", "overseeing_staff", "durham_staff"])
def test_only_the_employer_side_may_decide(client_for, request, application, action, person):
    response = client_for(request.getfixturevalue(person)).post(
        reverse(f"jobs:{action}", args=[application.pk])
    )

    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == "applied"


@pytest.mark.parametrize("action", ["shortlist", "decline", "hire"])
def test_deciding_needs_a_signed_in_person(client, application, action):
    response = client.post(reverse(f"jobs:{action}", args=[application.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_shortlisting_needs_a_post(client_for, employer, application):
    assert (
        client_for(employer).get(reverse("jobs:shortlist", args=[application.pk])).status_code
        == 405
    )


# Shortlist


def test_shortlisting_is_told_in_the_conversation(client_for, representative, application):
    response = client_for(representative).post(reverse("jobs:shortlist", args=[application.pk]))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "shortlisted"
    assert application.decided_by == representative
    assert application.conversation.messages.filter(
        body="Jordan is on the shortlist for “Morning PA for a busy mum”."
    ).exists()


def test_shortlisting_twice_says_so(client_for, employer, application):
    client = client_for(employer)
    client.post(reverse("jobs:shortlist", args=[application.pk]))

    response = client.post(reverse("jobs:shortlist", args=[application.pk]), follow=True)

    assert "Jordan is already on the shortlist." in html_of(response)


# Decline


def test_declining_tells_the_pa_kindly_by_email_without_the_note(
    client_for, employer, application, mailoutbox, run_commits
):
    with run_commits():
        response = client_for(employer).post(
            reverse("jobs:decline", args=[application.pk]),
            {"note": "We went with someone who drives, sorry"},
        )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "declined"
    [email] = emails_about(mailoutbox, "About your application")
    assert email.to == ["pa@example.org"]
    assert "Thank you for your interest" in email.body
    assert "decided not to take your application further" in email.body
    assert "drives" not in email.body
    assert "The employer has left you a note" in email.body
    bodies = list(application.conversation.messages.values_list("author_role", "body"))
    assert bodies[-2][0] == "hub" and bodies[-2][1].startswith("Thank you for your interest")
    assert bodies[-1] == ("employer", "We went with someone who drives, sorry")


def test_the_decline_page_shows_what_the_pa_will_read(client_for, employer, application):
    html = html_of(client_for(employer).get(reverse("jobs:decline", args=[application.pk])))

    assert "Not take Jordan's application further?" in html
    assert "The employer has decided not to take your application further" in html
    assert 'name="note"' in html


def test_a_decided_application_cannot_be_declined(client_for, employer, application):
    Application.objects.filter(pk=application.pk).update(status="withdrawn")

    response = client_for(employer).post(reverse("jobs:decline", args=[application.pk]))

    assert "This application has already been decided." in html_of(response)
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_a_too_long_note_is_kept_with_the_error(client_for, employer, application):
    note = "Sorry. " * 300

    response = client_for(employer).post(
        reverse("jobs:decline", args=[application.pk]), {"note": note}
    )

    html = html_of(response)
    assert "Your message must be 1,500 characters or fewer" in html
    assert note.strip() in html
    application.refresh_from_db()
    assert application.status == "applied"


# Hire


def test_the_hire_page_asks_for_confirmation_and_says_who_will_be_told(
    client_for, employer, application, second_application
):
    html = html_of(client_for(employer).get(reverse("jobs:hire", args=[application.pk])))

    assert "Mark Jordan as hired?" in html
    assert "the 1 other person still waiting" in html
    assert Job.objects.get(pk=application.job_id).status == "published"


def test_hiring_fills_the_job_and_tells_everyone_kindly(
    client_for, helping_staff, application, second_application, mailoutbox, run_commits
):
    with run_commits():
        response = client_for(helping_staff).post(reverse("jobs:hire", args=[application.pk]))

    assert response.status_code == 302
    job = Job.objects.get(pk=application.job_id)
    assert (job.status, job.hired_pa_id) == ("filled", application.pa_id)
    assert job.closed_at is not None
    application.refresh_from_db()
    second_application.refresh_from_db()
    assert application.status == "hired"
    assert second_application.status == "unsuccessful"
    assert second_application.decided_by == helping_staff
    emails = {email.to[0]: email for email in emails_about(mailoutbox, "hired", "filled")}
    assert set(emails) == {"pa@example.org", "other.pa@example.org"}
    assert "Congratulations" in emails["pa@example.org"].body
    assert "has been filled" in emails["other.pa@example.org"].subject
    assert "Thank you for your interest" in emails["other.pa@example.org"].body
    assert second_application.conversation.messages.filter(
        author_role="hub", body__contains="The job has now been filled"
    ).exists()
    assert AuditEvent.objects.filter(action="job.filled").exists()
    assert AuditEvent.objects.filter(action="application.others_unsuccessful").exists()


def test_a_filled_job_leaves_the_public_pages(client, client_for, employer, application):
    client_for(employer).post(reverse("jobs:hire", args=[application.pk]))

    assert client.get(reverse("jobs:detail", args=[application.job_id])).status_code == 404


def test_applications_already_decided_are_left_alone_when_hiring(
    client_for, employer, application, second_application, mailoutbox, run_commits
):
    Application.objects.filter(pk=second_application.pk).update(status="withdrawn")

    with run_commits():
        client_for(employer).post(reverse("jobs:hire", args=[application.pk]))

    second_application.refresh_from_db()
    assert second_application.status == "withdrawn"
    assert [email.to for email in emails_about(mailoutbox, "hired", "filled")] == [
        ["pa@example.org"]
    ]


def test_a_job_is_filled_once(employer, application, second_application):
    application_hire(application=application, by=employer)
    second_application.refresh_from_db()

    with pytest.raises(ApplicationError):
        application_hire(application=second_application, by=employer)

    job = Job.objects.get(pk=application.job_id)
    assert job.hired_pa_id == application.pa_id


def test_after_hiring_the_page_offers_no_more_decisions(client_for, employer, application):
    client = client_for(employer)
    client.post(reverse("jobs:hire", args=[application.pk]))

    html = html_of(client.get(applicants_url(application.job)))

    assert "This job is filled, so its applications cannot change." in html
    assert reverse("jobs:decline", args=[application.pk]) not in html


@pytest.fixture
def staff_without_two_factor(organisation, employer, employer_profile):
    from pahub.accounts.models import Membership
    from tests.factories import give_employer_consent, make_staff

    person = make_staff(
        organisation=organisation, role=Membership.StaffRole.ADMIN, two_factor=False
    )
    give_employer_consent(employer=employer, organisation=organisation, how_given="On the phone.")
    return person


@pytest.mark.parametrize("page", ["applicants", "hire", "decline", "shortlist"])
def test_staff_must_set_up_two_factor_before_seeing_or_deciding(
    client_for, staff_without_two_factor, application, page
):
    client = client_for(staff_without_two_factor)
    if page == "applicants":
        response = client.get(applicants_url(application.job))
    else:
        response = client.post(reverse(f"jobs:{page}", args=[application.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
    application.refresh_from_db()
    assert application.status == "applied"
