"""Every messaging page, in one place: signed out, people outside the conversation, a
representative without a grant, staff without consent (even moderators and site admins:
they use the moderation queue) all get the answer they should; everyone in it gets in."""

import pytest
from django.urls import reverse

from pahub.messaging.models import Block, Message, Report

PAGES = [
    ("conversation", "get"),
    ("reply", "post"),
    ("contact_share", "post"),
    ("contact_withdraw", "post"),
    ("block", "get"),
    ("block", "post"),
    ("unblock", "post"),
    ("report", "get"),
    ("report", "post"),
]

PAGE_IDS = [f"{name}-{method}" for name, method in PAGES]


def url_for(name: str, conversation, message) -> str:
    if name == "reply":
        return reverse("messaging:conversation", args=[conversation.pk])
    if name == "report":
        return reverse("messaging:report", args=[conversation.pk, message.pk])
    return reverse(f"messaging:{name}", args=[conversation.pk])


def visit(client, name: str, method: str, conversation, message):
    url = url_for(name, conversation, message)
    data = {"body": "Hello", "reason": "It was rude."} if method == "post" else None
    return getattr(client, method)(url, data)


@pytest.mark.parametrize(("name", "method"), PAGES, ids=PAGE_IDS)
def test_signed_out_visitors_are_sent_to_sign_in(client, conversation, pa_message, name, method):
    response = visit(client, name, method, conversation, pa_message)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "person",
    [
        "outsider",
        "other_pa",
        "ungranted_representative",
        "verifier",
        "moderator",
        "durham_staff",
        "admin",
    ],
)
@pytest.mark.parametrize(("name", "method"), PAGES, ids=PAGE_IDS)
def test_people_outside_the_conversation_get_404(
    client_for, request, conversation, pa_message, person, name, method
):
    user = request.getfixturevalue(person)

    response = visit(client_for(user), name, method, conversation, pa_message)

    assert response.status_code == 404


@pytest.mark.parametrize("person", ["employer", "representative", "helping_staff"])
@pytest.mark.parametrize(("name", "method"), PAGES, ids=PAGE_IDS)
def test_the_employer_side_gets_in(
    client_for, request, conversation, pa_message, person, name, method
):
    user = request.getfixturevalue(person)

    response = visit(client_for(user), name, method, conversation, pa_message)

    assert response.status_code in {200, 302}


@pytest.mark.parametrize(("name", "method"), PAGES, ids=PAGE_IDS)
def test_the_pa_gets_in(client_for, pa, conversation, employer_message, name, method):
    response = visit(client_for(pa), name, method, conversation, employer_message)

    assert response.status_code in {200, 302}


def test_a_representative_whose_grant_was_revoked_is_shut_out(
    client_for, representative, conversation
):
    representative.represents.update(status="revoked")

    response = client_for(representative).get(
        reverse("messaging:conversation", args=[conversation.pk])
    )

    assert response.status_code == 404


def test_staff_lose_access_when_the_employer_withdraws_consent(
    client_for, helping_staff, help_consent, conversation
):
    from django.utils import timezone

    help_consent.withdrawn_at = timezone.now()
    help_consent.save(update_fields=["withdrawn_at"])

    response = client_for(helping_staff).get(
        reverse("messaging:conversation", args=[conversation.pk])
    )

    assert response.status_code == 404


def test_staff_with_consent_but_outside_the_employers_area_get_404(
    client_for, durham_staff, other_organisation, employer_profile, conversation
):
    from tests.factories import give_employer_consent

    give_employer_consent(
        employer=employer_profile.user, organisation=other_organisation, how_given="By letter."
    )

    response = client_for(durham_staff).get(
        reverse("messaging:conversation", args=[conversation.pk])
    )

    assert response.status_code == 404


def test_a_conversation_that_does_not_exist_is_404(client_for, employer):
    response = client_for(employer).get(reverse("messaging:conversation", args=[99999]))

    assert response.status_code == 404


def test_a_message_from_another_conversation_cannot_be_reported_through_this_one(
    client_for, pa, conversation, employer_profile, other_pa
):
    from pahub.messaging.services import conversation_get_or_create, message_post

    elsewhere = conversation_get_or_create(employer=employer_profile.user, pa=other_pa)
    theirs = message_post(
        conversation=elsewhere,
        author=employer_profile.user,
        author_role=Message.AuthorRole.EMPLOYER,
        body="Hello Chris",
    )

    response = client_for(pa).post(
        reverse("messaging:report", args=[conversation.pk, theirs.pk]), {"reason": "Rude"}
    )

    assert response.status_code == 404
    assert not Report.objects.exists()


def test_outsiders_change_nothing(client_for, outsider, conversation, pa_message):
    client = client_for(outsider)
    for name, method in PAGES:
        if method == "post":
            visit(client, name, method, conversation, pa_message)

    conversation.refresh_from_db()
    assert conversation.messages.count() == 2
    assert conversation.employer_shared_contact_at is None
    assert conversation.pa_shared_contact_at is None
    assert not Block.objects.exists()
    assert not Report.objects.exists()


def test_the_inbox_needs_signing_in(client):
    response = client.get(reverse("messaging:inbox"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_email_choice_needs_signing_in(client):
    response = client.post(reverse("messaging:notification_preference"), {})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
