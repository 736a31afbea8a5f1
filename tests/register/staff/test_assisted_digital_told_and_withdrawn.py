"""A PA is told by email when staff record their assisted-digital agreement, and can withdraw
it in My account; the staff edit page then refuses at once."""

import pytest
from django.urls import reverse

from pahub.accounts.models import OrganisationConsent
from pahub.register.verification.assisted_digital import consent_record


@pytest.fixture
def consent(pa_profile, member, organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return consent_record(
            profile=pa_profile,
            staff=member,
            organisation=organisation,
            how_given="In person at the drop-in on 3 March.",
        )


def test_the_pa_is_emailed_what_the_organisation_may_now_do(consent, mailoutbox):
    [email] = [m for m in mailoutbox if m.to == ["pa@example.org"]]

    assert "Mo Member at Newcastle Independent Living" in email.body
    assert "create and change your PA profile for you" in email.body
    assert "/my-account/#consents" in email.body


def test_the_pa_withdraws_it_and_the_staff_edit_page_refuses_at_once(
    client_for, pa, member, pa_profile, consent
):
    edit = reverse("register_staff:profile_edit", args=[pa_profile.pk])
    assert client_for(member).get(edit).status_code == 200
    assert (
        "Create and change your PA profile"
        in client_for(pa).get(reverse("accounts:home")).content.decode()
    )

    client_for(pa).post(reverse("accounts:consent_withdraw", args=[consent.pk]))

    assert OrganisationConsent.objects.get().withdrawn_at is not None
    assert client_for(member).get(edit).status_code == 404
    staff_page = client_for(member).get(reverse("register_staff:profile", args=[pa_profile.pk]))
    assert "Withdrawn" in staff_page.content.decode()
