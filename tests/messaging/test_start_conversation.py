"""Starting a conversation: the employer side writes to a PA whose profile they may see."""

import pytest
from django.urls import reverse

from pahub.accounts.models import Role
from pahub.messaging.models import Block, Conversation, Message
from pahub.messaging.permissions import may_start_conversation
from pahub.register.models import PAProfile
from tests.factories import UserFactory, grant_representation, make_employer_profile, make_job

NEW = reverse("messaging:new")


def new_url(profile, **params) -> str:
    query = "&".join(f"{key}={value}" for key, value in {"pa": profile.pk, **params}.items())
    return f"{NEW}?{query}"


def test_signed_out_visitors_are_sent_to_sign_in(client, pa_profile):
    response = client.get(new_url(pa_profile))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_employer_sees_a_form_to_write_to_the_pa(client_for, employer_profile, pa_profile):
    response = client_for(employer_profile.user).get(new_url(pa_profile))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Send a message to Jordan" in page
    assert "You are writing for Amira." in page


def test_the_employer_starts_a_conversation(client_for, employer_profile, pa_profile):
    response = client_for(employer_profile.user).post(
        NEW, {"pa": pa_profile.pk, "body": "Hello Jordan, could we talk about mornings?"}
    )

    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("messaging:conversation", args=[conversation.pk])
    assert conversation.employer == employer_profile.user
    assert conversation.pa == pa_profile.user
    assert conversation.job is None
    message = conversation.messages.get()
    assert message.author_role == Message.AuthorRole.EMPLOYER
    assert message.body == "Hello Jordan, could we talk about mornings?"


def test_a_representative_writes_as_the_representative(
    client_for, representative, employer_profile, pa_profile
):
    client_for(representative).post(NEW, {"pa": pa_profile.pk, "body": "Hello from Sara"})

    conversation = Conversation.objects.get()
    assert conversation.employer == employer_profile.user
    assert conversation.messages.get().author_role == Message.AuthorRole.REPRESENTATIVE


def test_staff_with_consent_write_for_the_employer_through_their_organisation(
    client_for, helping_staff, organisation, employer_profile, pa_profile
):
    client_for(helping_staff).post(
        NEW, {"pa": pa_profile.pk, "employer": employer_profile.user.pk, "body": "Hello"}
    )

    message = Conversation.objects.get().messages.get()
    assert message.author_role == Message.AuthorRole.STAFF
    assert message.author_organisation == organisation


def test_someone_acting_for_two_employers_chooses_whom_they_write_for(
    client_for, representative, employer_profile, pa_profile
):
    father = UserFactory(email="dad@example.org", full_name="Bill Khan", roles=[Role.EMPLOYER])
    make_employer_profile(father, display_name="Bill")
    grant_representation(employer=father, representative=representative)
    client = client_for(representative)

    page = client.get(new_url(pa_profile)).content.decode()
    assert "Who are you writing for?" in page

    response = client.post(NEW, {"pa": pa_profile.pk, "body": "Hello Jordan"})
    page = response.content.decode()
    assert "Select who you are writing for" in page
    assert "Hello Jordan" in page  # what was typed is kept
    assert not Conversation.objects.exists()

    client.post(NEW, {"pa": pa_profile.pk, "employer": father.pk, "body": "Hello Jordan"})
    assert Conversation.objects.get().employer == father


def test_an_empty_first_message_is_refused(client_for, employer_profile, pa_profile):
    response = client_for(employer_profile.user).post(NEW, {"pa": pa_profile.pk, "body": " "})

    assert "Enter a message" in response.content.decode()
    assert not Conversation.objects.exists()


def test_writing_for_an_employer_you_do_not_act_for_is_404(
    client_for, representative, employer_profile, pa_profile
):
    stranger = UserFactory(email="x@example.org", roles=[Role.EMPLOYER])

    client = client_for(representative)
    assert client.get(new_url(pa_profile, employer=stranger.pk)).status_code == 404
    response = client.post(NEW, {"pa": pa_profile.pk, "employer": stranger.pk, "body": "Hi"})
    assert response.status_code == 404
    assert not Conversation.objects.exists()


@pytest.mark.parametrize("person", ["ungranted_representative", "pa"])
def test_people_who_do_not_act_for_an_employer_cannot_start_one(
    client_for, request, pa_profile, person
):
    response = client_for(request.getfixturevalue(person)).post(
        NEW, {"pa": pa_profile.pk, "body": "Hello"}
    )

    assert response.status_code == 403
    assert not Conversation.objects.exists()


def test_a_pa_cannot_write_to_another_pa(client_for, other_pa, pa_profile):
    response = client_for(other_pa).post(NEW, {"pa": pa_profile.pk, "body": "Hello"})

    assert response.status_code == 404  # they may not even see Jordan's profile


def test_a_hidden_profile_is_404(client_for, employer_profile, pa_profile):
    PAProfile.objects.filter(pk=pa_profile.pk).update(visibility=PAProfile.Visibility.HIDDEN)

    response = client_for(employer_profile.user).post(NEW, {"pa": pa_profile.pk, "body": "Hi"})

    assert response.status_code == 404
    assert not Conversation.objects.exists()


@pytest.mark.parametrize("value", ["", "abc", "99999", "-1"])
def test_a_missing_or_unknown_pa_is_404(client_for, employer_profile, value):
    assert client_for(employer_profile.user).get(f"{NEW}?pa={value}").status_code == 404


def test_an_existing_conversation_is_reused(client_for, employer_profile, pa_profile):
    client = client_for(employer_profile.user)
    client.post(NEW, {"pa": pa_profile.pk, "body": "First"})

    response = client.get(new_url(pa_profile))

    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("messaging:conversation", args=[conversation.pk])
    client.post(NEW, {"pa": pa_profile.pk, "body": "Second"})
    assert Conversation.objects.count() == 1
    assert conversation.messages.count() == 2


def test_a_conversation_about_a_job(client_for, employer_profile, pa_profile, open_job):
    client = client_for(employer_profile.user)

    page = client.get(new_url(pa_profile, job=open_job.pk)).content.decode()
    assert "About: Morning PA for a busy mum" in page

    client.post(NEW, {"pa": pa_profile.pk, "job": open_job.pk, "body": "About the job"})
    assert Conversation.objects.get().job == open_job


def test_someone_elses_job_is_404(client_for, employer_profile, pa_profile, db):
    other_employer = UserFactory(email="o@example.org", roles=[Role.EMPLOYER])
    make_employer_profile(other_employer)
    their_job = make_job(other_employer)

    response = client_for(employer_profile.user).post(
        NEW, {"pa": pa_profile.pk, "job": their_job.pk, "body": "Hi"}
    )

    assert response.status_code == 404


def test_nobody_can_start_a_conversation_while_blocked(client_for, employer_profile, pa_profile):
    Block.objects.create(blocker=pa_profile.user, blocked=employer_profile.user)

    response = client_for(employer_profile.user).post(NEW, {"pa": pa_profile.pk, "body": "Hi"})

    page = response.content.decode()
    assert "Messages can no longer be sent between you and this person." in page
    assert "Hi</textarea>" in page
    assert not Conversation.objects.exists()


def test_a_pa_who_represents_the_employer_is_not_written_to_as_a_pa(
    pa, employer_profile, representative
):
    pa.roles.create(role=Role.REPRESENTATIVE)
    grant_representation(employer=employer_profile.user, representative=pa)

    assert not may_start_conversation(representative, employer=employer_profile.user, pa=pa)


def test_starting_a_conversation_is_audited(client_for, employer_profile, pa_profile):
    from pahub.core.models import AuditEvent

    client_for(employer_profile.user).post(NEW, {"pa": pa_profile.pk, "body": "Hi"})

    assert AuditEvent.objects.filter(action="conversation.started").count() == 1
