"""Staff invitations: an organisation admin invites, the invited person joins."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import Membership, StaffInvitation
from pahub.core.models import AuditEvent
from tests.accounts.signing_up import NEW_PASSWORD, confirmation_link, signup_form
from tests.factories import UserFactory


def invite(client, organisation, email="new.staff@example.org", role="member"):
    return client.post(
        reverse("staff:invite", args=[organisation.pk]), {"email": email, "role": role}
    )


@pytest.fixture
def invitation(organisation, org_admin) -> StaffInvitation:
    return StaffInvitation.objects.create(
        organisation=organisation,
        email="new.staff@example.org",
        role=Membership.StaffRole.VERIFIER,
        invited_by=org_admin,
        expires_at=timezone.now() + timedelta(days=14),
    )


def test_org_admin_invites_someone_and_the_email_carries_the_link(
    client_for, org_admin, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_for(org_admin), organisation)

    assert response.status_code == 302
    assert response.url == reverse("staff:organisation", args=[organisation.pk])
    invitation = StaffInvitation.objects.get(email="new.staff@example.org")
    assert (invitation.organisation, invitation.role) == (organisation, "member")
    assert invitation.is_open
    [message] = mail.outbox
    assert message.to == ["new.staff@example.org"]
    assert message.subject == "[PA Hub] Join Newcastle Independent Living on PA Hub"
    assert reverse("accounts:invitation", args=[invitation.token]) in message.body
    assert AuditEvent.objects.filter(action="staff.invited", actor=org_admin).exists()


def test_invitation_email_waits_for_the_invitation_to_be_saved(
    client_for, org_admin, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invite(client_for(org_admin), organisation)

    assert mail.outbox == []
    assert len(callbacks) == 1


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"email": "", "role": "member"}, "email", "Enter their email address"),
        (
            {"email": "not-an-email", "role": "member"},
            "email",
            "Enter an email address in the right format, like name@example.org",
        ),
        ({"email": "new.staff@example.org"}, "role", "Select what they will do"),
        (
            {"email": "new.staff@example.org", "role": "owner"},
            "role",
            "Select a valid choice. owner is not one of the available choices.",
        ),
    ],
    ids=["no-email", "bad-email", "no-role", "unknown-role"],
)
def test_bad_invitation_shows_the_message_beside_the_field(
    client_for, org_admin, organisation, form, field, message
):
    response = client_for(org_admin).post(reverse("staff:invite", args=[organisation.pk]), form)

    assert response.status_code == 200
    content = response.content.decode()
    assert f'<p id="id_{field}-error" class="govuk-error-message">' in content
    assert message in content
    assert not StaffInvitation.objects.exists()


def test_anonymous_visitor_can_read_the_invitation_before_signing_up(client, invitation):
    response = client.get(reverse("accounts:invitation", args=[invitation.token]))

    assert response.status_code == 200
    assert "Newcastle Independent Living" in response.content.decode()


def test_anonymous_visitor_posting_an_invitation_joins_nothing(client, invitation):
    response = client.post(reverse("accounts:invitation", args=[invitation.token]))

    assert response.status_code == 200
    assert not Membership.objects.filter(role="verifier", user__email="new.staff@example.org")


def test_unknown_invitation_token_gets_404(client, db):
    response = client.get(reverse("accounts:invitation", args=["no-such-token"]))

    assert response.status_code == 404


def test_invited_person_signs_up_verifies_accepts_and_must_set_up_two_factor(
    client, invitation, organisation
):
    invitation_url = reverse("accounts:invitation", args=[invitation.token])
    client.post(
        reverse("account_signup"),
        signup_form(email="new.staff@example.org", full_name="Nia Newcomer", roles=["staff"]),
    )
    client.post(confirmation_link(mail.outbox[-1]))
    client.post(
        reverse("account_login"), {"login": "new.staff@example.org", "password": NEW_PASSWORD}
    )

    response = client.post(invitation_url)

    assert response.status_code == 302
    assert response.url == reverse("staff:home")
    membership = Membership.objects.get(user__email="new.staff@example.org")
    assert (membership.organisation, membership.role) == (organisation, "verifier")
    invitation.refresh_from_db()
    assert invitation.accepted_by == membership.user
    assert not invitation.is_open
    assert AuditEvent.objects.filter(action="staff.joined", actor=membership.user).exists()
    staff_home = client.get(reverse("staff:home"))
    assert staff_home.status_code == 302
    assert staff_home.url.startswith(reverse("mfa_activate_totp"))


def test_accepting_with_the_wrong_email_address_is_refused(client_for, invitation, outsider):
    response = client_for(outsider).post(
        reverse("accounts:invitation", args=[invitation.token]), follow=True
    )

    assert "This invitation was sent to new.staff@example.org." in response.content.decode()
    assert not outsider.memberships.exists()
    invitation.refresh_from_db()
    assert invitation.is_open


def test_expired_invitation_is_refused(client_for, invitation, organisation):

    invited = UserFactory(email="new.staff@example.org")
    StaffInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    response = client_for(invited).post(
        reverse("accounts:invitation", args=[invitation.token]), follow=True
    )

    assert "This invitation has expired or has already been used." in response.content.decode()
    assert not invited.memberships.exists()


def test_invitation_cannot_be_used_twice(client_for, invitation, organisation):

    invited = UserFactory(email="new.staff@example.org")
    client = client_for(invited)
    url = reverse("accounts:invitation", args=[invitation.token])
    client.post(url)
    Membership.objects.filter(user=invited).delete()

    response = client.post(url, follow=True)

    assert "has already been used" in response.content.decode()
    assert not invited.memberships.exists()


def test_invitation_link_is_absolute_with_the_site_url(
    client_for, org_admin, organisation, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://pahub.example.org"

    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(org_admin), organisation)

    assert re.search(
        r"https://pahub\.example\.org/my-account/invitations/[\w-]+/", mail.outbox[0].body
    )
