"""The employer side invites a PA to apply: POST /jobs/<id>/invite/ with `pa_profile`."""

import pytest
from django.urls import reverse

from pahub.accounts.models import Representation
from pahub.core.models import AuditEvent
from pahub.jobs.models import Application
from pahub.messaging.models import Block, Conversation, Message
from pahub.register.models import PAProfile
from tests.factories import UserFactory, make_job
from tests.jobs.public.fixtures import emails_about, html_of


def invite(client, job, profile, message: str = ""):
    return client.post(
        reverse("jobs:invite", args=[job.pk]), {"pa_profile": profile.pk, "message": message}
    )


# Who may invite


def test_a_signed_out_visitor_is_sent_to_sign_in(client, open_job, pa_profile):
    response = invite(client, open_job, pa_profile)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "person", ["pa", "other_pa", "outsider", "overseeing_staff", "durham_staff"]
)
def test_anyone_not_acting_for_the_employer_gets_404(
    client_for, request, open_job, pa_profile, person
):
    response = invite(client_for(request.getfixturevalue(person)), open_job, pa_profile)

    assert response.status_code == 404
    assert not Application.objects.exists()


def test_a_representative_whose_grant_ended_gets_404(
    client_for, representative, open_job, pa_profile
):
    Representation.objects.filter(representative=representative).update(
        status=Representation.Status.REVOKED
    )

    response = invite(client_for(representative), open_job, pa_profile)

    assert response.status_code == 404


def test_a_representative_of_another_employer_gets_404(client_for, open_job, pa_profile):
    from tests.factories import grant_representation

    stranger = UserFactory(roles=["representative"])
    grant_representation(employer=UserFactory(roles=["employer"]), representative=stranger)

    assert invite(client_for(stranger), open_job, pa_profile).status_code == 404


@pytest.mark.parametrize("person", ["employer", "representative", "helping_staff"])
def test_the_employer_side_may_invite(client_for, request, open_job, pa_profile, person):
    response = invite(client_for(request.getfixturevalue(person)), open_job, pa_profile)

    assert response.status_code == 302
    assert response.url == reverse("jobs:applicants", args=[open_job.pk])
    application = Application.objects.get()
    assert (application.origin, application.status, application.pa_id) == (
        "invited",
        "invited",
        pa_profile.user_id,
    )


def test_a_pa_whose_profile_is_hidden_cannot_be_invited(client_for, employer, open_job, pa_profile):
    PAProfile.objects.filter(pk=pa_profile.pk).update(visibility=PAProfile.Visibility.HIDDEN)

    assert invite(client_for(employer), open_job, pa_profile).status_code == 404
    assert not Application.objects.exists()


def test_staff_cannot_invite_a_pa_the_employer_could_not_see(
    client_for, helping_staff, open_job, pa_profile
):
    """Staff see hidden PAs in their area on the register; the PA's choice still decides
    which employers may reach them."""
    PAProfile.objects.filter(pk=pa_profile.pk).update(visibility=PAProfile.Visibility.HIDDEN)

    assert invite(client_for(helping_staff), open_job, pa_profile).status_code == 404


def test_an_unknown_pa_is_not_found(client_for, employer, open_job):
    response = client_for(employer).post(
        reverse("jobs:invite", args=[open_job.pk]), {"pa_profile": "99999"}
    )

    assert response.status_code == 404


def test_inviting_without_saying_who_is_not_found(client_for, employer, open_job):
    assert client_for(employer).post(reverse("jobs:invite", args=[open_job.pk])).status_code == 404


# Inviting


def test_the_invitation_is_in_the_conversation_with_the_employers_message(
    client_for, representative, open_job, pa_profile
):
    invite(client_for(representative), open_job, pa_profile, message="Would Monday suit you?")

    conversation = Conversation.objects.get()
    messages = list(conversation.messages.all())
    assert [(m.author_role, m.body) for m in messages] == [
        ("hub", "Jordan was invited to apply for “Morning PA for a busy mum”."),
        ("representative", "Would Monday suit you?"),
    ]
    assert messages[1].author == representative
    assert AuditEvent.objects.filter(action="application.invited", actor=representative).exists()


def test_staff_messages_say_which_organisation_wrote_them(
    client_for, helping_staff, organisation, open_job, pa_profile
):
    invite(client_for(helping_staff), open_job, pa_profile, message="Hello from the team")

    message = Message.objects.get(author_role="staff")
    assert message.author_organisation == organisation


def test_the_pa_is_emailed_without_the_message(
    client_for, employer, open_job, pa_profile, mailoutbox, run_commits
):
    with run_commits():
        invite(client_for(employer), open_job, pa_profile, message="Secret plans for Tuesday")

    [email] = emails_about(mailoutbox, "invited to apply")
    assert email.to == ["pa@example.org"]
    assert "Morning PA for a busy mum" in email.body
    assert f"/jobs/{open_job.pk}/" in email.body
    assert "Secret plans" not in email.body
    assert "They have also written to you" in email.body
    for detail in ("Amira", "Khan", "employer@example.org", "NE1 4ST"):
        assert detail not in email.body


def test_a_pa_is_invited_once(client_for, employer, open_job, pa_profile):
    client = client_for(employer)
    invite(client, open_job, pa_profile)

    response = invite(client, open_job, pa_profile, message="Again?")

    html = html_of(response)
    assert "You have already invited Jordan to apply for this job." in html
    assert Application.objects.count() == 1
    assert not Message.objects.filter(body="Again?").exists()


def test_a_pa_who_already_applied_is_not_invited(client_for, employer, pa, open_job, pa_profile):
    from tests.jobs.public.fixtures import make_application

    make_application(open_job, pa)

    html = html_of(invite(client_for(employer), open_job, pa_profile))

    assert "Jordan has already applied for this job." in html


def test_inviting_a_blocked_pa_is_refused(client_for, employer, pa, open_job, pa_profile):
    Block.objects.create(blocker=pa, blocked=employer)

    html = html_of(invite(client_for(employer), open_job, pa_profile))

    assert "cannot contact each other on PA Hub" in html
    assert not Application.objects.exists()


def test_only_open_jobs_take_invitations(client_for, employer, employer_profile, pa_profile):
    draft = make_job(employer_profile.user, status="draft", published_at=None)

    html = html_of(invite(client_for(employer), draft, pa_profile))

    assert "You can invite PAs only while the job is open" in html
    assert not Application.objects.exists()


def test_the_invitation_page_offers_a_message_box(client_for, employer, open_job, pa_profile):
    response = client_for(employer).get(
        reverse("jobs:invite", args=[open_job.pk]), {"pa_profile": pa_profile.pk}
    )

    html = html_of(response)
    assert "Invite Jordan to apply" in html
    assert 'name="message"' in html
    assert "There is a problem" not in html


def test_a_too_long_message_is_kept_with_the_error(client_for, employer, open_job, pa_profile):
    words = "Please apply. " * 200

    html = html_of(invite(client_for(employer), open_job, pa_profile, message=words))

    assert "Your message must be 1,500 characters or fewer" in html
    assert words.strip() in html
    assert not Application.objects.exists()


def test_staff_must_set_up_two_factor_before_inviting(
    client_for, organisation, employer, employer_profile, open_job, pa_profile
):
    from pahub.accounts.models import Membership
    from tests.factories import give_employer_consent, make_staff

    person = make_staff(
        organisation=organisation, role=Membership.StaffRole.ADMIN, two_factor=False
    )
    give_employer_consent(employer=employer, organisation=organisation, how_given="Phone")

    response = invite(client_for(person), open_job, pa_profile)

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
    assert not Application.objects.exists()
